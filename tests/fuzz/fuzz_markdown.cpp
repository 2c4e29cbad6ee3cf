// libFuzzer target: the Markdown pipeline a narrative or a static page goes through (front matter,
// rendering with raw HTML removed, links, raw-HTML findings, references). Synthetic input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/diagnostics.h"
#include "markup/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  ashyq::Diagnostics diagnostics;
  const ashyq::markup::MarkdownDocument document =
      ashyq::markup::parse_document(text, "content/grants/fuzz/report.kk.md", diagnostics);
  (void)ashyq::markup::render_markdown(document.body);
  (void)ashyq::markup::extract_links(document.body);
  (void)ashyq::markup::find_raw_html(document.body);
  (void)ashyq::markup::scan_references(document.body);
  return 0;
}
