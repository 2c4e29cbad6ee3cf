#pragma once
// Markdown narratives: TOML front matter and safe rendering with cmark-gfm (GFM tables,
// strikethrough, autolinks, tag filter).
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/private_data.h"

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
// file. Accepts a UTF-8 BOM and CRLF line ends. Malformed TOML, an unterminated block or unknown
// keys are reported as errors at their line and column (in characters) in `file`; the body is still
// returned. An unterminated block leaves the whole text (without BOM) as the body, from line 1. The
// BOM is never part of the body, nor a column an editor shows.
MarkdownDocument parse_document(std::string_view text, const std::string& file,
                                Diagnostics& diagnostics);

// Renders Markdown to HTML that is safe to place in a page:
//  - raw HTML blocks and inline HTML are removed from the tree before rendering, without a
//    "raw HTML omitted" comment. The words stay: the text between inline tags is Markdown text
//    already ("word<b>bold</b>word" gives "wordboldword"), and an HTML block becomes a paragraph
//    of its plain text (tags, comments and <script>/<style> contents dropped, entities decoded);
//    cmark's safe mode and the tagfilter extension stay on as second guards;
//  - a link whose URL has a scheme other than http or https (javascript:, data:, file:, vbscript:,
//    mailto:, ...) is rendered as its plain text, without <a>. The scheme is read as a browser
//    reads it: case-insensitively, after entity decoding, ignoring tabs and newlines. A URL
//    without a scheme (relative, "#anchor") stays a link. The one exception: a mailto: link (an
//    e-mail autolink, bare or in <>, or [text](mailto:…)) to an address `contacts` holds, an
//    organisation's declared public e-mail, stays a link; any other e-mail link becomes text
//    (validation fails the build on such an address before it gets here);
//  - images are never embedded (a third-party request before the visitor asks): an image becomes a
//    link to its URL with the alt text as label (the URL when there is no alt text), following the
//    same scheme rule; an image inside a link becomes its alt text, as <a> cannot nest;
//  - external links (http, https and protocol-relative "//") get rel="nofollow noopener";
//  - headings are shifted so that the text's top level is `top_level`, the level below the page's
//    own headings (narratives are written with "##" as their top level). With the default 3 (a
//    grant page owns h1 and h2): "#"→h3, "##"→h3, "###"→h4; with 2 (a page whose only heading is
//    its h1):
//    "#"→h2, "##"→h2, "###"→h3; never deeper than h6;
//  - GFM tables (with align="left|center|right"), ~~strikethrough~~ and www./https:// autolinks.
// Safe to call from several threads: cmark-gfm keeps a process-wide table while it parses inlines,
// so parsing (not rendering) is serialized inside.
std::string render_markdown(std::string_view markdown, int top_level = 3,
                            const PublicContacts* contacts = nullptr);

struct LinkRef {
  std::string url;
  int line = 0;    // 1-based line within the Markdown text passed in
  int column = 0;  // 1-based column (characters), 0 if unknown
};

// Every link and image destination and every autolinked URL in the Markdown, in document order,
// whatever the scheme (the caller judges them). URLs are as cmark reads them: entities decoded,
// www. autolinks with "http://" and e-mail autolinks with "mailto:" in front. A link or image is
// located at its "[" or "![", an autolink at its "<" or at the first character of its text.
std::vector<LinkRef> extract_links(std::string_view markdown);

struct RawHtmlRef {
  std::string html;  // the tag or block as written (its first line)
  int line = 0;      // 1-based line within the Markdown text passed in
  int column = 0;    // 1-based column (characters), 0 if unknown
};

// Every piece of raw HTML in the Markdown (an HTML block, an inline tag or comment), in document
// order: what render_markdown drops, for the warnings that say so.
std::vector<RawHtmlRef> find_raw_html(std::string_view markdown);

// extract_links and find_raw_html from one parse, for validation, which needs both.
struct MarkdownReferences {
  std::vector<LinkRef> links;
  std::vector<RawHtmlRef> raw_html;
};
MarkdownReferences scan_references(std::string_view markdown);

}  // namespace ashyq::markup
