#pragma once
// What every view needs besides the model: the language, UI strings, and the site's paths.
#include <string>

#include <nlohmann/json.hpp>

#include "core/lang.h"
#include "i18n/ui_strings.h"
#include "model/model.h"

namespace ashyq::views {

struct ViewContext {
  const Portal& portal;
  const i18n::UiStrings& strings;
  Lang lang;

  const std::string& t(const std::string& key) const { return strings.get(lang, key); }
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
  // "/kk/grants/<id>/" style absolute paths.
  std::string path(const std::string& rest) const;
};

// The UI strings of a language as a nested object ("grant.goal" → t.grant.goal) for templates.
nlohmann::json strings_object(const i18n::UiStrings& strings, Lang lang);

}  // namespace ashyq::views
