#pragma once
// One way to shorten a text for a summary: meta descriptions and feed summaries (site/discovery),
// search result summaries (search/search_documents).
#include <cstddef>
#include <string>
#include <string_view>

namespace ashyq {

// `text` with runs of spaces, tabs and line breaks collapsed to one space and trimmed. When that
// is longer than `max_bytes`, it is cut to at most `max_bytes` bytes counting the "…" it then
// ends with: at the last space that fits, or, for one long word, before the UTF-8 character that
// does not fit (never inside one), and without a dangling space or , ; : . before the "…".
// Reads no further into `text` than it needs, so a long body costs no more than its start.
std::string short_text(std::string_view text, std::size_t max_bytes);

}  // namespace ashyq
