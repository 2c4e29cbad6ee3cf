#pragma once
// Positions in UTF-8 text. Findings count columns in characters (code points), as editors show
// them: "Ашық" is 4 columns, not 8 bytes. Parsers hand out byte offsets (nlohmann, cmark-gfm, our
// own scanners); these helpers translate.
#include <string_view>
#include <utility>

namespace ashyq {

// Line and column (1-based, column in code points) of byte `offset` in `text`. The bytes before the
// offset on its line are counted as UTF-8 lead bytes (a BOM at the start of `text` not at all); an
// offset inside a character gives its column.
std::pair<int, int> line_column_at(std::string_view text, std::size_t offset);

// The 1-based code-point column of the byte at `byte_offset` within one line `line` (an offset past
// the end counts one column per missing byte, as an error at the end of a file needs).
int character_column(std::string_view line, std::size_t byte_offset);

// Byte offset of the first byte that is not well-formed UTF-8 (overlongs, surrogates and code
// points above U+10FFFF are ill-formed too), or npos if all of `text` is valid.
std::size_t find_invalid_utf8(std::string_view text);

}  // namespace ashyq
