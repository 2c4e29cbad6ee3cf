#include "site/site_context.h"

namespace ashyq::site {

std::vector<PageKey> list_pages(const SiteContext& site) {
  return routes::list_pages(site.portal, site.index, site.page_size);
}

std::string page_url(const SiteContext& site, const PageKey& key) {
  return routes::url(site.portal, site.index, key);
}

std::string page_path(const SiteContext& site, const PageKey& key) {
  return routes::output_path(site.portal, site.index, key);
}

bool writes_downloads(const SiteContext& site, const PageKey& key) {
  return key.page == 1 && key.lang == site.portal.config.languages.front();
}

}  // namespace ashyq::site
