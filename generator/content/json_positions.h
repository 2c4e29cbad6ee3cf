#pragma once
// nlohmann::json keeps no positions, so validation could not say where a value is. This scanner
// walks the raw text of an already well-formed document once and records, for every value, the JSON
// pointer and the line and column (in characters) where the value starts (for object members: where
// the key starts, which is where an editor should put the cursor).
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "core/text_position.h"

namespace ashyq {

// Pointer → (line, column). Behaviour on malformed input: stops at the first thing it does not
// understand and returns what it has (callers parse with nlohmann first and only index valid JSON).
std::map<std::string, std::pair<int, int>> index_json_positions(std::string_view text);

// Escapes a key for use in a JSON pointer ("~" → "~0", "/" → "~1").
std::string json_pointer_escape(std::string_view key);

}  // namespace ashyq
