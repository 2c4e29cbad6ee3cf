#include "core/text_position.h"

#include <algorithm>

namespace ashyq {

std::pair<int, int> line_column_at(std::string_view text, std::size_t offset) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  // A BOM is no column an editor shows.
  if (line_start == 0 && text.starts_with("\xEF\xBB\xBF") && offset >= 3) line_start = 3;
  return {line,
          character_column(text.substr(std::min(line_start, text.size())), offset - line_start)};
}

int character_column(std::string_view line, std::size_t byte_offset) {
  int column = 1;
  const std::size_t end = std::min(byte_offset, line.size());
  for (std::size_t i = 0; i < end; ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
  // Inside a character: the column of that character.
  if (end < line.size() && end > 0 && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80)
    --column;
  return column + static_cast<int>(byte_offset - end);
}

std::size_t find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int length;
    unsigned int code_point;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      code_point = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      code_point = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      code_point = c & 0x07;
    } else {
      return i;
    }
    if (i + length > n) return i;
    for (int k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      code_point = (code_point << 6) | (s[i + k] & 0x3F);
    }
    if ((length == 3 && code_point < 0x800) || (length == 4 && code_point < 0x10000) ||
        (code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF)
      return i;
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace ashyq
