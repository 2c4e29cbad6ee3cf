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

void check_range(Reporter& report, const std::string& pointer,
                 const std::optional<DateRange>& range) {
  if (!range || range->ordered()) return;
  report.error(pointer + "/end", "end " + range->end->iso() + " is before start " +
                                     range->start.iso() + "; swap them or correct the date");
}

void check_placeholders(const SourceMap& source, Reporter& report) {
  for (const auto& [pointer, hint] : source.placeholders)
    report.error(pointer, "still to fill: " + (hint.empty() ? std::string("a value") : hint));
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

std::string privacy_error(const PrivateDataHit& hit) {
  if (hit.kind == PrivateDataHit::home_address)
    return describe_private_data(hit) +
           " (a flat number) must not be published: a private person's home address never is; "
           "remove it (an organisation's address is that of its registration, without a flat)";
  return describe_private_data(hit) +
         " is no organisation's declared public contact: a private person's phone or e-mail must "
         "not be published; remove it, or, if it is an organisation's own, declare it in "
         "content/organisations/<id>.json (\"phone\", \"email\" or \"public_contacts\")";
}

PublicContacts declared_contacts(const Portal& portal, const LoadFailures& failed) {
  // Computed again rather than read from the portal: a portal made in memory (tests) never went
  // through the loader that fills portal.public_contacts.
  PublicContacts contacts = collect_public_contacts(portal.organisations);
  contacts.declare(failed.organisation_text);
  return contacts;
}

void check_texts(const SourceMap& source, Reporter& report) {
  for (const auto& [pointer, text] : source.texts)
    for (Lang lang : kAllLangs)
      if (!text.has(lang) && text.has(other_lang(lang)))
        report.warning(pointer, "text missing in " + lang_name(lang) + "; add \"" +
                                    std::string(lang_code(lang)) + "\" (the page shows the " +
                                    lang_name(other_lang(lang)) +
                                    " text, marked as such, until then)");
}

void check_privacy(const SourceMap& source, Reporter& report, const PublicContacts& contacts) {
  for (const auto& [pointer, text] : source.texts)
    for (Lang lang : kAllLangs)
      for (const PrivateDataHit& hit : find_private_data(text.in(lang)))
        if (!contacts.allows(hit))
          report.error(pointer + "/" + std::string(lang_code(lang)), privacy_error(hit));
  for (const auto& [pointer, text] : source.strings)
    for (const PrivateDataHit& hit : find_private_data(text))
      if (!contacts.allows(hit)) report.error(pointer, privacy_error(hit));
}

}  // namespace ashyq
