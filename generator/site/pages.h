#pragma once
// The list of pages a portal has, and the function that renders one. A page is a pure function of
// (portal, language, page key): no clocks, no shared mutable state, no unordered iteration.
#include <string>
#include <vector>

#include "i18n/ui_strings.h"
#include "model/model.h"
#include "render/renderer.h"

namespace ashyq::site {

enum class PageKind { language_choice, home, grant };

struct PageKey {
  PageKind kind;
  Lang lang = Lang::kk;
  std::size_t index = 0;  // grant index for grant pages
};

std::vector<PageKey> list_pages(const Portal& portal);

// Output path of a page, relative to the output folder ("kk/grants/<id>/index.html").
std::string page_path(const Portal& portal, const PageKey& key);

// Renders one page to HTML. Throws std::runtime_error on a template error.
std::string render_page(const Portal& portal, const i18n::UiStrings& strings,
                        const render::Renderer& renderer, const PageKey& key);

}  // namespace ashyq::site
