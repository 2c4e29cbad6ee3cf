#include "core/short_text.h"

#include <algorithm>

namespace ashyq {

std::string short_text(std::string_view text, std::size_t max_bytes) {
  constexpr std::string_view kEllipsis = "…";  // 3 bytes of UTF-8
  std::string collapsed;
  collapsed.reserve(std::min(text.size(), max_bytes + 8));
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
    } else {
      collapsed += c;
    }
    if (collapsed.size() > max_bytes + 1) break;  // enough to know it must be cut
  }
  while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
  if (collapsed.size() <= max_bytes) return collapsed;
  if (max_bytes < kEllipsis.size()) return std::string();
  const std::size_t room = max_bytes - kEllipsis.size();
  // The last space that leaves the part before it within `room`.
  std::size_t cut = room < collapsed.size() ? collapsed.rfind(' ', room) : std::string::npos;
  if (cut == std::string::npos || cut == 0) {
    // One long word: back to the start of the UTF-8 character at `room`.
    cut = room;
    while (cut > 0 && (static_cast<unsigned char>(collapsed[cut]) & 0xC0) == 0x80) --cut;
  }
  collapsed.resize(cut);
  while (!collapsed.empty() && (collapsed.back() == ' ' || collapsed.back() == ',' ||
                                collapsed.back() == ';' || collapsed.back() == ':' ||
                                collapsed.back() == '.'))
    collapsed.pop_back();
  return collapsed + std::string(kEllipsis);
}

}  // namespace ashyq
