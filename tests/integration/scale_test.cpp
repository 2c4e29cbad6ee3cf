// A synthetic portal from bench/synth (ashyq-synth) with more organisations than a facet sidebar
// shows: the grantee facet lists the 25 grantees with the most grants and links to the full list,
// so a list page's size does not grow with the number of organisations; a grantee outside the 25
// still appears, as the current value, on its own facet page.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include "../unit/temp_folder.h"
#include "synth_site.h"
#include "test_site.h"

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

// The grant pages a page links to, in order (each grant link once).
std::vector<std::string> grant_links(const std::string& html) {
  std::vector<std::string> links;
  const std::regex link("<a href=\"(/ru/grants/synth-grant-[0-9]+/)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator();
       ++it)
    links.push_back((*it)[1]);
  return links;
}

// The number in the first match of `pattern`'s group 1, digits only ("1 376" → 1376).
std::size_t number_in(const std::string& text, const std::string& pattern) {
  std::smatch m;
  REQUIRE(std::regex_search(text, m, std::regex(pattern)));
  std::string digits;
  for (char c : m[1].str())
    if (c >= '0' && c <= '9') digits += c;
  REQUIRE(!digits.empty());
  return std::stoul(digits);
}

std::size_t lines_in(const fs::path& csv) { return count(testing::read_bytes(csv), "\n"); }

TEST_CASE("Organisation facets show the 25 with the most grants and link to all of them",
          "[scale]") {
  testing::TempFolder folder("scale");
  const fs::path public_dir = build_synth_site(folder, 160, 11, 50);

  const std::string catalogue = testing::read_bytes(public_dir / "ru/grants/index.html");
  const std::string grantees =
      between(catalogue, "<summary>Грантополучатель</summary>", "</details>");
  CHECK(count(grantees, "<li>") == 25);
  // 160 grants over 40 synthetic NGOs: the link names them all and leads to the organisations.
  const std::regex more(
      "<p class=\"more\"><a href=\"/ru/organisations/\">Все организации \\(40\\)");
  CHECK(std::regex_search(grantees, more));
  // Small facets are never cut.
  const std::string regions = between(catalogue, "<summary>Регион</summary>", "</details>");
  CHECK(count(regions, "<li>") == 20);
  CHECK(regions.find("class=\"more\"") == std::string::npos);

  // Every grantee facet page marks its own grantee, listed or not among the 25.
  std::size_t pages = 0, outside = 0;
  for (const auto& entry : fs::directory_iterator(public_dir / "ru/grants/grantee")) {
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

// A region's page and an organisation's page show one page of their lists and link the lists
// that have them all, so their size does not grow with the portal (a region's page was 8 MB at
// 10 000 grants); a region's sub-grant registry is paginated like the registry.
TEST_CASE("Region and organisation pages show the first page of their lists and link all of them",
          "[scale]") {
  testing::TempFolder folder("scale-lists");
  const std::size_t page_size = 5;
  const fs::path public_dir = build_synth_site(folder, 160, 11, static_cast<int>(page_size));
  const fs::path regions = public_dir / "ru/regions";
  std::size_t regions_seen = 0, registry_pages_seen = 0, grants_cut = 0, subgrants_cut = 0;
  for (const auto& entry : fs::directory_iterator(regions)) {
    if (!entry.is_directory()) continue;
    const std::string id = entry.path().filename().string();
    const std::string html = testing::read_bytes(entry.path() / "index.html");
    ++regions_seen;

    // Grants: the newest page_size, the same as the catalogue's region page 1, then the count.
    const std::string facet =
        testing::read_bytes(public_dir / "ru/grants/region" / id / "index.html");
    // The number of grant records heads the totals strip, a computed figure named across pages.
    const std::size_t grants = number_in(
        facet,
        "<dt>Записей о грантах</dt><dd><span class=\"fig-computed\"[^>]*><data value=\"([0-9]+)\" "
        "data-total=\"region/" +
            id + "/grants\">");
    // (Tables carry the "stack" class of the phone layout.)
    const std::string table = between(html, "<table class=\"grant-list stack\">", "</table>");
    const std::vector<std::string> shown = grant_links(table);
    std::vector<std::string> newest =
        grant_links(between(facet, "<table class=\"grant-list stack\">", "</table>"));
    CHECK(shown.size() == std::min(grants, page_size));
    newest.resize(std::min(newest.size(), page_size));
    CHECK(shown == newest);
    CHECK(lines_in(public_dir / "downloads/regions" / id / "grants.csv") == grants + 1);  // all
    grants_cut += grants > page_size ? 1 : 0;
    if (grants > page_size)
      CHECK(html.find("<p>Показаны 1–5 / " + std::to_string(grants) +
                      ". <a href=\"/ru/grants/region/" + id + "/\">") != std::string::npos);

    // The region's number of sub-grants: a computed figure in the lead, named across pages.
    const std::string subgrant_count =
        "class=\"lead\">Малых грантов: <span class=\"fig-computed\"[^>]*>"
        "<data value=\"([0-9]+)\" data-total=\"subgrants/region/" +
        id + "/count\">";
    const std::size_t subgrants = number_in(html, subgrant_count);

    // A count line under a list only where it was cut.
    CHECK(count(html, "<p>Показаны 1–") ==
          static_cast<std::size_t>((grants > page_size ? 1 : 0) + (subgrants > page_size ? 1 : 0)));

    // Sub-grants: the first page_size of the region's registry, then the count and a link to it.
    const std::string sub_table =
        between(html, "<table class=\"subgrant-list stack\">", "</table>");
    CHECK(count(sub_table, "<tr>") == std::min(subgrants, page_size) + 1);  // and the head
    CHECK(lines_in(public_dir / "downloads/regions" / id / "subgrants.csv") == subgrants + 1);
    subgrants_cut += subgrants > page_size ? 1 : 0;
    if (subgrants > page_size)
      CHECK(html.find("<p>Показаны 1–5 / " + std::to_string(subgrants) +
                      ". <a href=\"/ru/subgrants/region/" + id + "/\">") != std::string::npos);

    // The region's registry, page by page: every sub-grant once, page_size a page.
    const fs::path registry = public_dir / "ru/subgrants/region" / id;
    const std::size_t pages = (subgrants + page_size - 1) / page_size;
    std::size_t rows = 0;
    for (std::size_t p = 1; p <= pages; ++p) {
      const fs::path page = p == 1 ? registry : registry / "page" / std::to_string(p);
      const std::string registry_html = testing::read_bytes(page / "index.html");
      const std::size_t on_page =
          count(between(registry_html, "<table class=\"subgrant-list stack\">", "</table>"),
                "<tr>") -
          1;
      CHECK(on_page == (p < pages ? page_size : subgrants - (pages - 1) * page_size));
      CHECK(number_in(registry_html, subgrant_count) == subgrants);
      rows += on_page;
      ++registry_pages_seen;
    }
    CHECK(rows == subgrants);
    CHECK_FALSE(fs::exists(registry / "page" / std::to_string(pages + 1)));
    CHECK(lines_in(public_dir / "downloads/subgrants/region" / id / "subgrants.csv") ==
          subgrants + 1);
  }
  CHECK(regions_seen == 20);
  // Most synthetic regions have more than page_size grants (19 of 20 with this seed) and all have
  // more sub-grants, so both the cut and the uncut lists are checked.
  CHECK(grants_cut > 0);
  CHECK(grants_cut < 20);
  CHECK(subgrants_cut == 20);
  CHECK(registry_pages_seen > 20);

  // The operator of every synthetic grant's page: page_size of them, a link to its facet's pages.
  const std::string operator_page =
      testing::read_bytes(public_dir / "ru/organisations/synth-operator-a/index.html");
  const std::string operator_facet =
      testing::read_bytes(public_dir / "ru/grants/operator/synth-operator-a/index.html");
  const std::size_t operated =
      number_in(operator_facet,
                "<dt>Записей о грантах</dt><dd><span class=\"fig-computed\"[^>]*><data "
                "value=\"([0-9]+)\" data-total=\"operator/synth-operator-a/grants\">");
  REQUIRE(operated > page_size);
  CHECK(operator_page.find(
            "<p>Показаны 1–5 / " + std::to_string(operated) +
            ". <a href=\"/ru/grants/operator/synth-operator-a/\">Все в каталоге</a>") !=
        std::string::npos);
  CHECK(grant_links(operator_page).size() == page_size);
}

}  // namespace
}  // namespace ashyq::integration
