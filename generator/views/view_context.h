#pragma once
// What every view needs besides the model: the language and the UI strings. URLs come from
// routes/routes.h.
#include <string>

#include <nlohmann/json.hpp>

#include "core/lang.h"
#include "i18n/ui_strings.h"
#include "model/model.h"
#include "views/figure.h"

namespace ashyq::views {

struct ViewContext {
  const Portal& portal;
  const i18n::UiStrings& strings;
  Lang lang;

  const std::string& t(const std::string& key) const { return strings.get(lang, key); }
  // The UI string `key` with each "{name}" replaced by its value: t("basis.awarded",
  // {{"count", "3"}}).
  std::string t(const std::string& key,
                std::initializer_list<std::pair<std::string_view, std::string>> values) const;

  // Figures (views/figure.h) as templates/_fig.mustache takes them. A reported figure absent from
  // its record is "not reported"; a computed one says what it is computed from (`basis`) and, for
  // a total that several pages show, its identity (`key`).
  nlohmann::json reported_money(const std::optional<Tenge>& amount) const;
  nlohmann::json reported_count(const std::optional<std::int64_t>& n) const;
  nlohmann::json computed_money(Tenge amount, std::string basis, std::string key = {}) const;
  nlohmann::json computed_count(std::int64_t n, std::string basis, std::string key = {}) const;
  // actual − planned as a computed figure with a real minus sign ("+87", "−3 000 ₸", "0"), money
  // or a count, saying what it subtracts (`basis`).
  nlohmann::json computed_difference(std::int64_t planned, std::int64_t actual, bool money,
                                     std::string basis) const;
  // part / whole as a computed percentage; null when whole is 0 (no share to show).
  nlohmann::json computed_share(std::int64_t part, std::int64_t whole, std::string basis) const;
  nlohmann::json not_reported() const { return figure_json(Figure::not_reported()); }
  // Localized text for a template: {"text", "lang", "fallback"}; when the page's language has no
  // text the other language's text is used, marked `fallback` with its own lang for the lang
  // attribute. Null when neither language has a text.
  nlohmann::json text(const LocalizedText& value) const;
  std::string plain(const LocalizedText& value) const;  // page language, else the other, else ""
  std::string money(Tenge amount) const;
  std::string integer(std::int64_t n) const;
  std::string date(const PartialDate& date) const;
  std::string range(const DateRange& range) const;
  std::string percent(std::int64_t part, std::int64_t whole) const;
  // An external link for a template: {"href": url, "unavailable_since": text or null}. The text,
  // ("ссылка недоступна с 20 ноября 2026 г." on a Russian page) is set when the last
  // `ashyq links` found the URL broken (link-cache.json, loaded into the portal); a link that was
  // only unreachable, or never checked, is not marked. Every view that renders an external link
  // goes through here, so the mark looks and reads the same on every page.
  nlohmann::json link(const std::string& url) const;
  // Rendered Markdown with the same "unavailable since" mark after every link (<a href="…">) that
  // link-cache.json knows to be broken; unchanged when there is no such link.
  std::string mark_broken_links(const std::string& html) const;
  // The mark of texts translated for the portal: null when the page is in `source` (the language of
  // the document the texts come from) or `source` is unknown; else {"label": "Перевод с
  // казахского", "note": t(note_key), "source_lang": "kk"}. Every translated text goes through
  // here, so the mark reads the same everywhere.
  nlohmann::json translation(std::optional<Lang> source, const std::string& note_key) const;
  // A text as its source document words it (a document's title in the document's own language),
  // {"text", "lang"}; the other language when the source one is missing; null when empty.
  nlohmann::json original_text(const LocalizedText& value, std::optional<Lang> source) const;
};

// An organisation's website as ViewContext::link gives it; null when it has none.
nlohmann::json website_view(const ViewContext& ctx, const std::string& url);
// An organisation's social accounts: ViewContext::link of each URL, with its "platform".
nlohmann::json social_view(const ViewContext& ctx, const std::vector<SocialAccount>& accounts);

// The UI strings of a language as a nested object ("grant.goal" → t.grant.goal) for templates.
nlohmann::json strings_object(const i18n::UiStrings& strings, Lang lang);

}  // namespace ashyq::views
