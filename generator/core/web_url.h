#pragma once
// What counts as a link to the web. Validation judges record URLs by it, and the link report
// collects only such links; it sits in core so that neither has to include the other.
#include <string_view>

namespace ashyq {

// True for an absolute http:// or https:// URL with a host and no spaces or control characters.
bool is_web_url(std::string_view url);

}  // namespace ashyq
