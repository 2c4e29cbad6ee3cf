#pragma once
// The text analysis of the full-text search: the generator indexes terms() of every page, and the
// browser turns the visitor's query into terms with assets/search/analysis.js, which implements the
// same rules. The two must agree exactly; tests/data/search_analysis.json holds the vectors both
// are tested against, and a test compares them on every word of content/ and tests/fixtures/.
// docs/search-analysis.md describes the rules.
//
// All functions are pure and thread-safe; invalid UTF-8 is read as U+FFFD (not a letter), so it
// splits words and never throws.
#include <string>
#include <string_view>
#include <vector>

#include "core/lang.h"

namespace ashyq::search {

// Words of a text, in order: maximal runs of letters and digits (Unicode), NFKC-normalised and
// lower-cased (root locale), 'ё' folded to 'е'. Hyphens, apostrophes and punctuation split words.
// A combining mark (\p{M}) does not split the word it follows and stays in it; a word never
// starts with one.
std::vector<std::string> words(std::string_view utf8_text);

// The stem of one word produced by words() (Russian: Snowball Russian; Kazakh: Ashyq's suffix
// stripper; digits-only words and words in other scripts unchanged).
std::string stem(Lang lang, std::string_view word);

// words() then stem() each; stop words are NOT removed (the index decides what to do with them).
std::vector<std::string> terms(Lang lang, std::string_view utf8_text);

}  // namespace ashyq::search
