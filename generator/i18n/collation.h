#pragma once
// Alphabetical order as a Kazakh or Russian reader expects it: ICU collation for the language, so
// the Kazakh letters Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І sit in their places in the Kazakh alphabet rather
// than after Я as in a byte-wise sort.
#include <string>
#include <string_view>

#include "core/lang.h"

namespace ashyq::i18n {

// A binary sort key: comparing two keys with std::string's operator< orders the texts as the
// language's collation does. Safe to call from several threads (each thread keeps its own
// collator).
std::string collation_key(std::string_view text, Lang lang);

}  // namespace ashyq::i18n
