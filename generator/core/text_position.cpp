#include "core/text_position.h"

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
  return {line, static_cast<int>(offset - line_start) + 1};
}

int byte_column(std::string_view text, int line, int codepoint_column) {
  std::size_t begin = 0;
  for (int l = 1; l < line; ++l) {
    const std::size_t newline = text.find('\n', begin);
    if (newline == std::string_view::npos) return codepoint_column;
    begin = newline + 1;
  }
  const std::size_t end = std::min(text.find('\n', begin), text.size());
  std::size_t at = begin;
  int column = 1;
  for (; column < codepoint_column && at < end; ++column) {
    ++at;
    while (at < end && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  // Past the end of the line (an error at the end of the file): one byte per remaining column.
  return static_cast<int>(at - begin) + 1 + (codepoint_column - column);
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
