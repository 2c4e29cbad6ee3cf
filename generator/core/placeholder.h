#pragma once
// Placeholders: what `ashyq new` and `ashyq init` write where a value is still needed. JSON has no
// comments, so a placeholder is a string value that starts with "TODO:" and says what to write
// ("TODO: the grant's title in Kazakh"); in Markdown it is "TODO:" and the rest of its line. The
// decoder treats a placeholder as a value not yet given and keeps it, and validation reports each
// at its line and column (docs/content-model.md, "Placeholders").
#include <string>
#include <string_view>

namespace ashyq {

inline constexpr std::string_view kPlaceholderMarker = "TODO:";

// Whether a JSON string value is a placeholder.
inline bool is_placeholder(std::string_view value) { return value.starts_with(kPlaceholderMarker); }

// What a placeholder asks for: the text after the marker, without surrounding spaces.
inline std::string placeholder_hint(std::string_view placeholder) {
  std::string_view hint = placeholder.substr(kPlaceholderMarker.size());
  while (!hint.empty() && (hint.front() == ' ' || hint.front() == '\t')) hint.remove_prefix(1);
  while (!hint.empty() && (hint.back() == ' ' || hint.back() == '\t' || hint.back() == '\r'))
    hint.remove_suffix(1);
  return std::string(hint);
}

}  // namespace ashyq
