#pragma once
// What every view needs besides the model: the language and the UI strings. URLs come from
// routes/routes.h.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/lang.h"
#include "i18n/ui_strings.h"
#include "model/model.h"
#include "views/figure.h"

namespace ashyq::views {

// A text in the page's language, or in the other one marked as a fallback with its own lang for the
// lang attribute (templates/_ltext.mustache).
struct TextView {
  std::string text;
  std::string lang;
  bool fallback = false;
  std::optional<std::string> fallback_note;  // "Қазақша нұсқасы жоқ…" when `fallback`

  template <class F>
  void fields(F& f) const {
    f("text", text);
    f("lang", lang);
    f("fallback", fallback);
    f("fallback_note", fallback_note);
  }
};

// A text as its source document words it.
struct OriginalTextView {
  std::string text;
  std::string lang;

  template <class F>
  void fields(F& f) const {
    f("text", text);
    f("lang", lang);
  }
};

// An external link (templates/_link_status.mustache marks it when it is known broken).
struct LinkView {
  std::string href;
  std::optional<std::string> unavailable_since;

  template <class F>
  void fields(F& f) const {
    f("href", href);
    f("unavailable_since", unavailable_since);
  }
};

// An organisation's social account: its link and platform.
struct SocialLinkView {
  LinkView link;
  std::string platform;

  template <class F>
  void fields(F& f) const {
    link.fields(f);
    f("platform", platform);
  }
};

// The mark of texts translated for the portal (templates/_translation_note.mustache).
struct TranslationView {
  std::string label;        // "Перевод с казахского"
  std::string note;         // what was translated
  std::string source_lang;  // "kk"

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("note", note);
    f("source_lang", source_lang);
    // Always present and empty, so a template's {{#has_documents}} inside the notice never reaches
    // a page's own documents list up the context stack.
    f("documents", std::vector<std::string>{});
  }
};

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
  Figure reported_money(const std::optional<Tenge>& amount) const;
  Figure reported_count(const std::optional<std::int64_t>& n) const;
  Figure computed_money(Tenge amount, std::string basis, std::string key = {}) const;
  Figure computed_count(std::int64_t n, std::string basis, std::string key = {}) const;
  // actual − planned as a computed figure with a real minus sign ("+87", "−3 000 ₸", "0"), money
  // or a count, saying what it subtracts (`basis`).
  Figure computed_difference(std::int64_t planned, std::int64_t actual, bool money,
                             std::string basis) const;
  // part / whole as a computed percentage; none when whole is 0 (no share to show).
  std::optional<Figure> computed_share(std::int64_t part, std::int64_t whole,
                                       std::string basis) const;
  Figure not_reported() const { return Figure::not_reported(); }
  // Localized text for a template; when the page's language has no text the other language's
  // text is used, marked `fallback`. None when neither language has a text.
  std::optional<TextView> text(const LocalizedText& value) const;
  std::string plain(const LocalizedText& value) const;  // page language, else the other, else ""
  std::string money(Tenge amount) const;
  std::string integer(std::int64_t n) const;
  std::string date(const PartialDate& date) const;
  std::string range(const DateRange& range) const;
  std::string percent(std::int64_t part, std::int64_t whole) const;
  // An external link for a template: its href and, "unavailable_since", the text
  // ("ссылка недоступна с 20 ноября 2026 г." on a Russian page) is set when the last
  // `ashyq links` found the URL broken (link-cache.json, loaded into the portal); a link that was
  // only unreachable, or never checked, is not marked. Every view that renders an external link
  // goes through here, so the mark looks and reads the same on every page.
  LinkView link(const std::string& url) const;
  // Rendered Markdown with the same "unavailable since" mark after every link (<a href="…">) that
  // link-cache.json knows to be broken; unchanged when there is no such link.
  std::string mark_broken_links(const std::string& html) const;
  // The mark of texts translated for the portal: none when the page is in `source` (the language of
  // the document the texts come from) or `source` is unknown; else the label ("Перевод с
  // казахского"), t(note_key) and the source language. Every translated text goes through here, so
  // the mark reads the same everywhere.
  std::optional<TranslationView> translation(std::optional<Lang> source,
                                             const std::string& note_key) const;
  // A text as its source document words it (a document's title in the document's own language);
  // the other language when the source one is missing; none when empty.
  std::optional<OriginalTextView> original_text(const LocalizedText& value,
                                                std::optional<Lang> source) const;
};

// An organisation's website as ViewContext::link gives it; none when it has none.
std::optional<LinkView> website_view(const ViewContext& ctx, const std::string& url);
// An organisation's social accounts: ViewContext::link of each URL, with its platform.
std::vector<SocialLinkView> social_view(const ViewContext& ctx,
                                        const std::vector<SocialAccount>& accounts);
// A list of texts (tasks, expected results) as ViewContext::text gives each; those that neither
// language has are left out.
std::vector<TextView> texts_view(const ViewContext& ctx, const std::vector<LocalizedText>& items);

}  // namespace ashyq::views
