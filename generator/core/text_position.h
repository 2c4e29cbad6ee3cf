#pragma once
// Positions in UTF-8 text. Findings count columns in bytes (what editors' "go to" and our caret
// need); some libraries (toml++) count code points, and these helpers translate.
#include <string_view>
#include <utility>

namespace ashyq {

// Line and column (1-based, column in bytes) of byte `offset` in `text`.
std::pair<int, int> line_column_at(std::string_view text, std::size_t offset);

// The byte column of code-point column `codepoint_column` on 1-based `line` of `text`. Past the end
// of the line (an error at the end of a file) each remaining column counts one byte.
int byte_column(std::string_view text, int line, int codepoint_column);

// Byte offset of the first byte that is not well-formed UTF-8 (overlongs, surrogates and code
// points above U+10FFFF are ill-formed too), or npos if all of `text` is valid.
std::size_t find_invalid_utf8(std::string_view text);

}  // namespace ashyq
