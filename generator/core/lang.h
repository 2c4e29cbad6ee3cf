#pragma once
// The portal's two languages. The product is bilingual by design (Kazakh first, Russian second), so
// a language is a small enum and localized values are fixed-size arrays indexed by it.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace ashyq {

enum class Lang : unsigned char { kk = 0, ru = 1 };

inline constexpr std::array<Lang, 2> kAllLangs = {Lang::kk, Lang::ru};

constexpr std::string_view lang_code(Lang lang) { return lang == Lang::kk ? "kk" : "ru"; }

constexpr Lang other_lang(Lang lang) { return lang == Lang::kk ? Lang::ru : Lang::kk; }

// Returns nullopt for anything but "kk" or "ru".
inline std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "kk") return Lang::kk;
  if (code == "ru") return Lang::ru;
  return std::nullopt;
}

// Text in both languages; an empty string means the source gives none in that language.
struct LocalizedText {
  std::array<std::string, 2> text;

  const std::string& in(Lang lang) const { return text[static_cast<int>(lang)]; }
  std::string& in(Lang lang) { return text[static_cast<int>(lang)]; }
  bool has(Lang lang) const { return !in(lang).empty(); }
  bool empty() const { return text[0].empty() && text[1].empty(); }
  bool operator==(const LocalizedText&) const = default;
};

}  // namespace ashyq
