// A synthetic portal from bench/synth (ashyq-synth) with more organisations than a facet sidebar
// shows: the grantee facet lists the 25 grantees with the most grants and links to the full list,
// so a list page's size does not grow with the number of organisations; a grantee outside the 25
// still appears, as the current value, on its own facet page.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>

#include "test_site.h"
#include "../unit/temp_folder.h"

namespace ashyq::integration {
namespace {

namespace fs = std::filesystem;

std::string between(const std::string& text, const std::string& from, const std::string& to) {
  const std::size_t start = text.find(from);
  REQUIRE(start != std::string::npos);
  const std::size_t end = text.find(to, start);
  REQUIRE(end != std::string::npos);
  return text.substr(start, end - start);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_CASE("Organisation facets show the 25 with the most grants and link to all of them",
          "[scale]") {
  testing::TempFolder folder("scale");
  const fs::path site = folder / "site";
  const std::string synth = std::string(ASHYQ_SYNTH) + " --grants 160 --seed 11 --out " +
                            site.string() + " >/dev/null";
  REQUIRE(std::system(synth.c_str()) == 0);
  fs::copy(fs::path(ASHYQ_SOURCE_DIR) / "templates", site / "templates",
           fs::copy_options::recursive);
  fs::copy(fs::path(ASHYQ_SOURCE_DIR) / "assets", site / "assets", fs::copy_options::recursive);
  const std::string build = std::string(ASHYQ_BINARY) + " build --site " + site.string() +
                            " >/dev/null 2>" + (folder / "err.txt").string();
  REQUIRE(std::system(build.c_str()) == 0);

  const std::string catalogue = testing::read_bytes(site / "public/ru/grants/index.html");
  const std::string grantees = between(catalogue, "<summary>Грантополучатель</summary>", "</details>");
  CHECK(count(grantees, "<li>") == 25);
  // 160 grants over 40 synthetic NGOs: the link names them all and leads to the organisations.
  const std::regex more("<p class=\"more\"><a href=\"/ru/organisations/\">Все организации \\(40\\)");
  CHECK(std::regex_search(grantees, more));
  // Small facets are never cut.
  const std::string regions = between(catalogue, "<summary>Регион</summary>", "</details>");
  CHECK(count(regions, "<li>") == 20);
  CHECK(regions.find("class=\"more\"") == std::string::npos);

  // Every grantee facet page marks its own grantee, listed or not among the 25.
  std::size_t pages = 0, outside = 0;
  for (const auto& entry : fs::directory_iterator(site / "public/ru/grants/grantee")) {
    const std::string html = testing::read_bytes(entry.path() / "index.html");
    const std::string sidebar = between(html, "<summary>Грантополучатель</summary>", "</details>");
    CHECK(count(sidebar, "aria-current=\"page\"") == 1);
    const std::size_t items = count(sidebar, "<li>");
    CHECK((items == 25 || items == 26));
    outside += items == 26 ? 1 : 0;
    ++pages;
  }
  CHECK(pages == 40);
  CHECK(outside == 15);  // the 15 grantees not among the 25 each add themselves
}

}  // namespace
}  // namespace ashyq::integration
