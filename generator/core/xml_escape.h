#pragma once
// Escaping text for XML and HTML written by the generator itself (SVG charts, sitemaps, feeds,
// marks added to rendered Markdown); templates escape through Mustache.
#include <string>
#include <string_view>

namespace ashyq {

// Text and attribute values: & < > " ' escaped. C0 control characters other than tab and line
// breaks are not allowed in XML 1.0 at all, so they are dropped rather than escaped.
std::string xml_escape(std::string_view text);

}  // namespace ashyq
