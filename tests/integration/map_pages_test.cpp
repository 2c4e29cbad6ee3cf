// The tile map and the money by year and status as the built pages show them (issue 15, items 3
// and 4), read back from the synthetic fixture portal's home and region pages in both languages:
// a tile per region linking its page, the region's own tile outlined on its page, the data table
// beside the map with the model's figures, the shading never red, and the year-not-reported row.
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "html_reading.h"
#include "test_site.h"

namespace ashyq::integration {
namespace {

const char* const kLangs[] = {"kk", "ru"};
const std::vector<std::string> kRegions = {"synthetic-west",   "synthetic-east",
                                           "synthetic-south",  "synthetic-astana",
                                           "synthetic-almaty", "synthetic-shymkent"};

const std::string& file(const std::string& path) {
  const auto& files = built_output("portal");
  const auto it = files.find(path);
  INFO(path);
  REQUIRE(it != files.end());
  return it->second;
}

std::vector<std::string> all_matches(const std::string& text, const std::regex& re, int group = 1) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator();
       ++it)
    out.push_back((*it)[group].str());
  return out;
}

// Each body row of the table after `marker`: its cells' markup.
std::vector<std::vector<std::string>> rows_of(const std::string& html, const std::string& marker) {
  const std::string body = between(between(html, marker, "</table>"), "<tbody>", "</tbody>");
  static const std::regex cell(R"re(<t[hd][^>]*>(.*?)</t[hd]>)re");
  std::vector<std::vector<std::string>> rows;
  for (std::size_t at = body.find("<tr>"); at != std::string::npos; at = body.find("<tr>", at + 1))
    rows.push_back(all_matches(body.substr(at, body.find("</tr>", at) - at), cell));
  return rows;
}

std::string value_of(const std::string& cell) {
  static const std::regex data(R"re(<data value="([0-9]+)")re");
  std::smatch m;
  return std::regex_search(cell, m, data) ? m[1].str() : std::string();
}

}  // namespace

TEST_CASE("The home page's tile map: a tile per region, its table with the links, no red",
          "[integration][map]") {
  std::map<std::string, std::vector<std::string>> values_by_lang;
  for (const std::string lang : kLangs) {
    INFO(lang);
    const std::string& home = file(lang + "/index.html");
    const std::string section = between(home, "<section class=\"map-block\"", "</section>");
    const std::string svg = between(section, "<svg", "</svg>");
    CHECK(contains(svg, "role=\"img\" aria-labelledby=\"map-title map-desc\""));
    CHECK(contains(svg, "<title id=\"map-title\">"));
    CHECK(contains(svg, "<desc id=\"map-desc\">"));
    CHECK_FALSE(contains(section, "<script"));
    CHECK_FALSE(contains(svg, "current"));  // the home page outlines no region

    // One tile per region; no link inside the image (the table has them: an image's links are
    // interactive content no screen reader reaches).
    static const std::regex tile(R"re(<g class="tile" data-region="([^"]+)">)re");
    std::set<std::string> tiles;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tile); it != std::sregex_iterator();
         ++it)
      CHECK(tiles.insert((*it)[1].str()).second);
    CHECK(tiles == std::set<std::string>(kRegions.begin(), kRegions.end()));
    CHECK_FALSE(contains(svg, "<a "));

    // Shading: only the blue steps, white for no class; black and white for outlines and text.
    static const std::regex colour(R"re((?:fill|stroke)="(#[0-9a-f]{6})")re");
    const std::set<std::string> allowed = {"#c6dbef", "#6baed6", "#2171b5", "#08306b",
                                           "#ffffff", "#000000", "#4d4d4d"};
    for (const std::string& c : all_matches(section, colour)) {
      INFO(c);
      CHECK(allowed.count(c) == 1);
    }
    // The fixture's regions fall in three classes (2 and 3.5 million; 5 and 5; 6 and 8), each
    // with its range in the legend, marked as computed.
    const std::string legend = between(section, "<ul class=\"map-legend\">", "</ul>");
    CHECK(all_matches(legend, std::regex(R"re(<b class="map-mark">([^<]*)</b>)re")) ==
          std::vector<std::string>{"1", "2", "3"});
    CHECK(all_matches(legend, std::regex("(fig-computed)")).size() == 3);

    // The data table: region, awarded, number of awarded grants, alphabetical, linking each region.
    const auto rows = rows_of(section, "<caption id=\"map-c\">");
    REQUIRE(rows.size() == kRegions.size());
    std::vector<std::string> values;
    for (const auto& row : rows) {
      REQUIRE(row.size() == 3);
      CHECK(contains(row[0], "href=\"/" + lang + "/regions/synthetic-"));
      CHECK(contains(row[1], "fig-computed"));
      values.push_back(value_of(row[1]));
    }
    std::multiset<std::string> sorted(values.begin(), values.end());
    CHECK(sorted == std::multiset<std::string>{"2000000", "3500000", "5000000", "5000000",
                                               "6000000", "8000000"});
    const std::string foot = between(section, "<tfoot>", "</tfoot>");
    CHECK(value_of(between(foot, "data-whole=\"amount\"", "</td>")) == "24500000");
    CHECK(value_of(between(foot, "data-whole=\"grants\"", "</td>")) == "5");
    // Both languages show the same figures (in their own alphabetical order).
    values_by_lang[lang] = std::vector<std::string>(sorted.begin(), sorted.end());
  }
  CHECK(values_by_lang["kk"] == values_by_lang["ru"]);
}

TEST_CASE("A region's page shows the map with its own tile outlined", "[integration][map]") {
  for (const std::string lang : kLangs) {
    for (const std::string& region : kRegions) {
      INFO(lang << " " << region);
      const std::string& html = file(lang + "/regions/" + region + "/index.html");
      const std::string section = between(html, "<section class=\"map-block\"", "</section>");
      const std::string svg = between(section, "<svg", "</svg>");
      CHECK(all_matches(svg, std::regex("(class=\"tile current\")")).size() == 1);
      CHECK(contains(svg, "class=\"tile current\" data-region=\"" + region + "\""));
      CHECK(all_matches(svg, std::regex("(data-region=)")).size() == kRegions.size());
      // In the table, the link to this very page says so.
      CHECK(contains(section,
                     "<a href=\"/" + lang + "/regions/" + region + "/\" aria-current=\"page\">"));
      CHECK(all_matches(section, std::regex("(aria-current)")).size() == 1);
    }
  }
}

TEST_CASE("The home page's money by year and status, with the year-not-reported row",
          "[integration][map]") {
  const std::map<std::string, std::string> not_reported = {{"kk", "Жылы көрсетілмеген"},
                                                           {"ru", "Год не указан"}};
  // "None", in words: in a table cell, and on the chart's row.
  const std::map<std::string, std::string> none = {{"kk", "жоқ"}, {"ru", "нет"}};
  const std::map<std::string, std::string> none_in_chart = {{"kk", "бөлінген грант жоқ"},
                                                            {"ru", "выделенных грантов нет"}};
  for (const std::string lang : kLangs) {
    INFO(lang);
    const std::string& home = file(lang + "/index.html");
    const std::string section = between(home, "<section class=\"money-time\"", "</section>");
    const auto rows = rows_of(section, "<caption id=\"mt-c\">");
    // 2023, 2024, then the grants with no year: none in the fixture, said in words.
    REQUIRE(rows.size() == 3);
    CHECK(text_of(rows[0][0]) == "2023");
    CHECK(text_of(rows[1][0]) == "2024");
    CHECK(value_of(rows[0].back()) == "8500000");
    CHECK(value_of(rows[1].back()) == "16000000");
    CHECK(text_of(rows[2][0]) == not_reported.at(lang));
    for (std::size_t c = 1; c < rows[2].size(); ++c) CHECK(text_of(rows[2][c]) == none.at(lang));
    // Statuses apart: the fixture's awarded grants are completed or in progress (as_of is before
    // the in-progress periods end, so none is overdue).
    const std::string head = between(section, "<thead>", "</thead>");
    CHECK(all_matches(head, std::regex(R"re(<th scope="col"[^>]*>)re"), 0).size() == 4);
    const std::string foot = between(section, "<tfoot>", "</tfoot>");
    CHECK(value_of(between(foot, "data-whole=\"inprogress\"", "</td>")) == "14000000");
    CHECK(value_of(between(foot, "data-whole=\"completed\"", "</td>")) == "10500000");
    CHECK(value_of(between(foot, "data-whole=\"amount\"", "</td>")) == "24500000");
    // The chart: a label per row, the numbers as text, the year not reported among them.
    const std::string svg = between(section, "<svg", "</svg>");
    CHECK(all_matches(svg, std::regex("(<text class=\"label\")")).size() == 3);
    CHECK(contains(svg, not_reported.at(lang)));
    CHECK(contains(svg, none_in_chart.at(lang)));
  }
}

}  // namespace ashyq::integration
