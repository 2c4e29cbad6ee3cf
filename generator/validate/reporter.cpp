#include "validate/reporter.h"

#include "content/json_decoder.h"
#include "i18n/format.h"

namespace ashyq {

void Reporter::error(const std::string& pointer, std::string message) {
  diagnostics_.error(locator_.at(pointer), pointer.empty() ? "/" : pointer, std::move(message));
}

void Reporter::warning(const std::string& pointer, std::string message) {
  diagnostics_.warning(locator_.at(pointer), pointer.empty() ? "/" : pointer, std::move(message));
}

std::string money_text(Tenge amount) { return i18n::format_integer(amount.value(), Lang::ru); }

std::string lang_name(Lang lang) { return lang == Lang::kk ? "Kazakh (kk)" : "Russian (ru)"; }

std::string describe_private_data(const PrivateDataHit& hit) {
  switch (hit.kind) {
    case PrivateDataHit::phone:
      return "phone number \"" + hit.match + "\"";
    case PrivateDataHit::email:
      return "e-mail address \"" + hit.match + "\"";
    default:
      return "home address \"" + hit.match + "\"";
  }
}

const char* const kPrivacyAdvice =
    "; a private person's phone, e-mail or home address must not be published — remove it, or keep "
    "only an organisation's own contact";

void check_texts(const SourceMap& source, Reporter& report) {
  for (const auto& [pointer, text] : source.texts)
    for (Lang lang : kAllLangs)
      if (!text.has(lang) && text.has(other_lang(lang)))
        report.warning(pointer, "text missing in " + lang_name(lang) + "; add \"" +
                                    std::string(lang_code(lang)) + "\" (the page shows the " +
                                    lang_name(other_lang(lang)) +
                                    " text, marked as such, until then)");
}

void check_privacy(const SourceMap& source, Reporter& report, const std::string& allowed_email) {
  for (const auto& [pointer, text] : source.texts)
    for (Lang lang : kAllLangs)
      for (const PrivateDataHit& hit : find_private_data(text.in(lang)))
        report.warning(pointer + "/" + std::string(lang_code(lang)),
                       "possible private " + describe_private_data(hit) + kPrivacyAdvice);
  for (const auto& [pointer, text] : source.strings) {
    if (!allowed_email.empty() && text == allowed_email) continue;
    for (const PrivateDataHit& hit : find_private_data(text))
      report.warning(pointer, "possible private " + describe_private_data(hit) + kPrivacyAdvice);
  }
}

}  // namespace ashyq
