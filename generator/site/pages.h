#pragma once
// Rendering a page. A page is a pure function of (portal, index, language, page key): no clocks,
// no shared mutable state, no unordered iteration. Which pages exist and their URLs is routes/'s.
#include <cstddef>
#include <string>
#include <vector>

#include "core/status.h"
#include "i18n/ui_strings.h"
#include "model/model.h"
#include "model/portal_index.h"
#include "render/renderer.h"
#include "routes/routes.h"
#include "site/site_context.h"
#include "views/view_context.h"

namespace ashyq::site {

// What many pages show identically, made once per language before the pages render and only read
// while they do, so pages stay pure functions of (portal, language, key) and render in parallel.
// Vectors are indexed by the Lang's value.
struct SharedParts {
  std::vector<render::PreparedStrings>
      ui;  // the UI strings `t`, each template's own, converted once
  // templates/subgrants_summary as the registry's pages 2… show it: totals and a link to page 1
  // (whose own summary is made when that page renders).
  std::vector<std::string> registry_summary_later;
};
// Fails with the renderer's template_error, as render_page.
Result<SharedParts> prepare_shared_parts(const SiteContext& site);

// The registry's summary on its first page (templates/subgrants_summary): the count of programmes
// by outcome, the first page_size inconsistent ones and the sums by region. `ui` is the language's
// prepared UI strings. Fails with the renderer's template_error.
Result<std::string> registry_summary(const SiteContext& site, const views::ViewContext& ctx,
                                     const render::PreparedStrings& ui);

// Renders one page to HTML: the view of its kind (one function per key type), in the template
// routes::info(kind) names, inside the layout. Fails with the renderer's template_error (unknown
// template or render error, naming the template).
Result<std::string> render_page(const SiteContext& site, const PageKey& key);

}  // namespace ashyq::site
