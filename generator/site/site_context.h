#pragma once
// What every part of the site step reads: the portal, its index, the UI strings, the renderer and
// the page size, with the routes of this portal's pages. Pages, downloads and discovery include
// this, not each other.
#include <cstddef>
#include <string>
#include <vector>

#include "i18n/ui_strings.h"
#include "model/model.h"
#include "model/portal_index.h"
#include "render/renderer.h"
#include "routes/routes.h"

namespace ashyq::site {

using routes::PageKey;
using routes::PageKind;

struct SharedParts;  // site/pages.h

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

// Whether the page writes its list's download files: a paginated list's files hold all its rows and
// belong to its first page, and every language's page links to the same files, so the first
// language's first page writes them.
bool writes_downloads(const SiteContext& site, const PageKey& key);

// routes::list_pages, url and output_path of the site's portal.
std::vector<PageKey> list_pages(const SiteContext& site);
std::string page_url(const SiteContext& site, const PageKey& key);
std::string page_path(const SiteContext& site, const PageKey& key);

}  // namespace ashyq::site
