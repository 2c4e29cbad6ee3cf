#pragma once
// The pages a portal has, and the function that renders one. A page is a pure function of
// (portal, index, language, page key): no clocks, no shared mutable state, no unordered iteration.
#include <cstddef>
#include <string>
#include <vector>

#include "i18n/ui_strings.h"
#include "model/model.h"
#include "model/portal_index.h"
#include "render/renderer.h"
#include "views/view_context.h"

namespace ashyq::site {

enum class PageKind {
  language_choice,      // /
  root_not_found,       // /404.html, both languages
  home,                 // /<lang>/
  not_found,            // /<lang>/404.html
  catalogue,            // /<lang>/grants/[sort/<s>/][page/<n>/]      a = sort
  facet_value,          // /<lang>/grants/<facet>/<key>/[page/<n>/]  a = facet, b = value
  grant,                // /<lang>/grants/<id>/                      a = grant
  subgrants,            // /<lang>/subgrants/[page/<n>/]
  subgrants_region,     // /<lang>/subgrants/region/<id>/            a = region
  subgrants_programme,  // /<lang>/subgrants/programme/<grant-id>/   a = grant
  organisations,        // /<lang>/organisations/
  organisation,         // /<lang>/organisations/<id>/               a = organisation
  regions,              // /<lang>/regions/
  region,               // /<lang>/regions/<id>/                     a = region
  plans,                // /<lang>/plans/
  plan,                 // /<lang>/plans/<id>/                       a = plan
  static_page,          // /<lang>/<name>/                           a = page
  media,                // /<lang>/media/[page/<n>/]
  media_facet_value,    // /<lang>/media/<facet>/<key>/[page/<n>/]   a = media facet, b = value
  link_report,          // /<lang>/link-report/: broken links, for operators; noindex
  data_dictionary,      // /<lang>/data/: the open data files and what every column means
  search,               // /<lang>/search/: full-text search over the static index (search.js)
};

inline constexpr std::size_t kPageKindCount = static_cast<std::size_t>(PageKind::search) + 1;
// The kind's name as written above ("facet_value"), for timings and messages.
const char* page_kind_name(PageKind kind);

struct PageKey {
  PageKind kind = PageKind::home;
  Lang lang = Lang::kk;
  std::size_t a = 0, b = 0;
  std::size_t page = 1;  // 1-based page of a paginated list
};

// Grant ids and static page names that would shadow a list page's URL.
bool is_reserved_grant_id(const std::string& id);
bool is_reserved_page_name(const std::string& name);

struct SharedParts;

struct SiteContext {
  const Portal& portal;
  const PortalIndex& index;
  const i18n::UiStrings& strings;
  const render::Renderer& renderer;
  std::size_t page_size = 50;
  // Parts shared by many pages, made before they render (prepare_shared_parts); null: every page
  // makes its own, with the same bytes.
  const SharedParts* shared = nullptr;
};

// What many pages show identically, made once per language before the pages render and only read
// while they do, so pages stay pure functions of (portal, language, key) and render in parallel.
// Vectors are indexed by the Lang's value.
struct SharedParts {
  std::vector<render::PreparedView> ui;  // the UI strings object `t`, converted once
  // templates/subgrants_summary as the registry's pages 2… show it: totals and a link to page 1
  // (whose own summary, with a row per programme, is made when that page renders).
  std::vector<std::string> registry_summary_later;
};
// Throws std::runtime_error on a template error, as render_page.
SharedParts prepare_shared_parts(const SiteContext& site);

// How many grants' programmes the registry's reconciliation table is made and rendered for at a
// time: its rows' view and their conversion for the renderer were 0.7 GB when made at once for
// N = 100 000 grants; a slice's are a few hundred KB.
inline constexpr std::size_t kProgrammeSlice = 256;
// The registry's summary on its first page (templates/subgrants_summary), with the reconciliation
// table's rows rendered `slice_grants` grants' programmes at a time (templates/
// subgrants_programmes). `ui` is the language's shared UI strings, or null to put them into each
// view. Throws std::runtime_error on a template error.
std::string registry_summary(const SiteContext& site, const views::ViewContext& ctx,
                             const render::PreparedView* ui,
                             std::size_t slice_grants = kProgrammeSlice);

std::vector<PageKey> list_pages(const SiteContext& site);

// The page's URL path ("/kk/grants/<id>/") and output file ("kk/grants/<id>/index.html").
std::string page_url(const SiteContext& site, const PageKey& key);
std::string page_path(const SiteContext& site, const PageKey& key);

// Renders one page to HTML. Throws std::runtime_error on a template error.
std::string render_page(const SiteContext& site, const PageKey& key);

}  // namespace ashyq::site
