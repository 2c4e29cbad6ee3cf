#pragma once
// Markdown narratives: TOML front matter and safe rendering with cmark-gfm (GFM tables,
// strikethrough, autolinks, tag filter).
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace ashyq::markup {

struct FrontMatter {
  std::string title;  // empty when not given
};

struct MarkdownDocument {
  FrontMatter front;
  std::string body;   // the Markdown after the front matter
  int body_line = 1;  // 1-based line in the file where `body` starts
};

// Splits an optional TOML front matter block delimited by lines "+++" at the very start of the
// file. Accepts a UTF-8 BOM and CRLF line ends. Malformed TOML, an unterminated block or unknown keys
// are reported as errors at their line and column in `file`; the body is still returned.
MarkdownDocument parse_document(std::string_view text, const std::string& file,
                                Diagnostics& diagnostics);

// Renders Markdown to HTML that is safe to place in a page:
//  - raw HTML blocks and inline HTML never reach the output (cmark's safe mode, plus tagfilter);
//  - a link whose URL has a scheme other than http or https (javascript:, data:, file:, vbscript:,
//    mailto:, ...) is rendered as its plain text, without <a>;
//  - images are never embedded (a third-party request before the visitor asks): an image becomes a
//    link to its URL with the alt text as label, following the same scheme rule;
//  - external links (http/https) get rel="nofollow noopener" ;
//  - headings are shifted so that the narrative's top level is <h3> (the page owns h1 and h2):
//    "#"→h3, "##"→h3, "###"→h4, deeper stays at most h6.
std::string render_markdown(std::string_view markdown);

struct LinkRef {
  std::string url;
  int line = 0;    // 1-based line within the Markdown text passed in
  int column = 0;  // 1-based column (bytes), 0 if unknown
};

// Every link and image destination and every autolinked URL in the Markdown, in document order.
std::vector<LinkRef> extract_links(std::string_view markdown);

}  // namespace ashyq::markup
