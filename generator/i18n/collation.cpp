#include "i18n/collation.h"

#include <memory>

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace ashyq::i18n {
namespace {

std::unique_ptr<icu::Collator> make_collator(Lang lang) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(icu::Locale(lang == Lang::kk ? "kk_KZ" : "ru_RU"), status));
  if (U_FAILURE(status) || !collator) return nullptr;
  return collator;
}

}  // namespace

std::string collation_key(std::string_view text, Lang lang) {
  // ICU collators are not safe for concurrent use; one per thread and language.
  thread_local std::unique_ptr<icu::Collator> collators[2] = {make_collator(Lang::kk),
                                                              make_collator(Lang::ru)};
  icu::Collator* collator = collators[static_cast<int>(lang)].get();
  if (!collator) return std::string(text);
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string key(64, '\0');
  int32_t length = collator->getSortKey(unicode, reinterpret_cast<uint8_t*>(key.data()),
                                        static_cast<int32_t>(key.size()));
  if (length > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(length));
    length = collator->getSortKey(unicode, reinterpret_cast<uint8_t*>(key.data()), length);
  }
  key.resize(length > 0 ? static_cast<std::size_t>(length - 1) : 0);  // drop the terminating NUL
  return key;
}

}  // namespace ashyq::i18n
