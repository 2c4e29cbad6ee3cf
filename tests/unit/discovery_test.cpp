#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "content/loader.h"
#include "i18n/ui_strings.h"
#include "model/portal_index.h"
#include "render/renderer.h"
#include "site/discovery.h"
#include "site/pages.h"

namespace ashyq::site {
namespace {

TEST_CASE("More pages than one sitemap may hold give an index of numbered sitemaps") {
  const std::filesystem::path fixture =
      std::filesystem::path(ASHYQ_SOURCE_DIR) / "tests/fixtures/portal";
  Diagnostics diagnostics;
  const Portal portal = load_portal(fixture, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const PortalIndex index = build_index(portal);
  const i18n::UiStrings strings =
      i18n::UiStrings::load(std::filesystem::path(ASHYQ_SOURCE_DIR) / "templates/i18n",
                            ASHYQ_SOURCE_DIR, diagnostics);
  const auto renderer =
      render::Renderer::load(std::filesystem::path(ASHYQ_SOURCE_DIR) / "templates", "templates",
                             diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const SiteContext site{portal, index, strings, *renderer, portal.config.page_size};
  const std::vector<PageKey> pages = list_pages(site);
  std::size_t indexable = 0;
  for (const PageKey& key : pages) indexable += is_indexable(key.kind()) ? 1 : 0;
  // Not indexed: the root 404 page, and the 404 page and the link report of each language.
  REQUIRE(indexable == pages.size() - 5);

  const std::vector<OutputFile> one = sitemap_files(site, pages, indexable);
  REQUIRE(one.size() == 1);
  CHECK(one[0].path == "sitemap.xml");

  const std::size_t limit = indexable / 3 + 1;  // three files, the last one shorter
  const std::vector<OutputFile> files = sitemap_files(site, pages, limit);
  REQUIRE(files.size() == 4);
  CHECK(files[0].path == "sitemap.xml");
  CHECK(files[0].bytes ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "<sitemap><loc>https://portal.synthetic.example/sitemap-1.xml</loc></sitemap>\n"
        "<sitemap><loc>https://portal.synthetic.example/sitemap-2.xml</loc></sitemap>\n"
        "<sitemap><loc>https://portal.synthetic.example/sitemap-3.xml</loc></sitemap>\n"
        "</sitemapindex>\n");
  std::size_t urls = 0;
  for (std::size_t i = 1; i < files.size(); ++i) {
    CHECK(files[i].path == "sitemap-" + std::to_string(i) + ".xml");
    std::size_t in_file = 0;
    for (std::size_t at = files[i].bytes.find("<url>"); at != std::string::npos;
         at = files[i].bytes.find("<url>", at + 1))
      ++in_file;
    CHECK(in_file == (i < 3 ? limit : indexable - 2 * limit));
    urls += in_file;
  }
  CHECK(urls == indexable);
  // The same URLs, in the same order, as the single sitemap.
  std::string joined;
  for (std::size_t i = 1; i < files.size(); ++i) {
    const std::string& b = files[i].bytes;
    joined += b.substr(b.find("<url>"), b.rfind("</urlset>") - b.find("<url>"));
  }
  const std::string& single = one[0].bytes;
  CHECK(joined == single.substr(single.find("<url>"), single.rfind("</urlset>") - single.find("<url>")));
}

}  // namespace
}  // namespace ashyq::site
