#include <catch2/catch.hpp>

#include <clocale>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "views/charts.h"
#include "views/tile_map.h"

namespace ashyq::views {
namespace {

// What is wrong with `xml` as an XML document, or "" when it is well-formed: one root element,
// tags balanced and properly nested, attribute values quoted and unique per element, and no bare
// '<' or '&' (only the five entities the chart writer uses). Enough XML to catch a chart that a
// browser would parse differently from what we meant.
std::string xml_problem(std::string_view xml) {
  std::vector<std::string> open;
  int roots = 0;
  auto is_name_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == ':' || c == '_';
  };
  auto entity_ok = [&](std::size_t at) {
    for (std::string_view entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"})
      if (xml.substr(at, entity.size()) == entity) return true;
    return false;
  };
  std::size_t i = 0;
  while (i < xml.size()) {
    const char c = xml[i];
    if (c == '&') {
      if (!entity_ok(i)) return "bad entity at " + std::to_string(i);
      ++i;
      continue;
    }
    if (c != '<') {
      if (open.empty() && c != '\n' && c != ' ')
        return "text outside the root at " + std::to_string(i);
      ++i;
      continue;
    }
    const bool closing = xml.substr(i, 2) == "</";
    i += closing ? 2 : 1;
    std::string name;
    while (i < xml.size() && is_name_char(xml[i])) name += xml[i++];
    if (name.empty()) return "tag without a name at " + std::to_string(i);
    if (closing) {
      if (i >= xml.size() || xml[i] != '>') return "malformed end tag </" + name;
      if (open.empty() || open.back() != name) return "unbalanced </" + name + ">";
      open.pop_back();
      ++i;
      continue;
    }
    if (open.empty() && ++roots > 1) return "more than one root element";
    std::set<std::string> attributes;
    while (true) {
      while (i < xml.size() && xml[i] == ' ') ++i;
      if (i >= xml.size()) return "unterminated tag <" + name;
      if (xml.substr(i, 2) == "/>") {
        i += 2;
        break;
      }
      if (xml[i] == '>') {
        open.push_back(name);
        ++i;
        break;
      }
      std::string attribute;
      while (i < xml.size() && is_name_char(xml[i])) attribute += xml[i++];
      if (attribute.empty() || xml.substr(i, 2) != "=\"") return "malformed attribute in <" + name;
      if (!attributes.insert(attribute).second) return "duplicate attribute " + attribute;
      i += 2;
      while (i < xml.size() && xml[i] != '"') {
        if (xml[i] == '<') return "'<' in an attribute value of <" + name;
        if (xml[i] == '&' && !entity_ok(i)) return "bad entity in an attribute of <" + name;
        ++i;
      }
      if (i >= xml.size()) return "unterminated attribute value in <" + name;
      ++i;
    }
  }
  if (!open.empty()) return "unclosed <" + open.back() + ">";
  if (roots != 1) return "no root element";
  return "";
}

TEST_CASE("The well-formedness check itself rejects what a chart must never be", "[charts]") {
  CHECK(xml_problem("<svg><title>a</title></svg>") == "");
  CHECK(xml_problem("<svg><title>a</svg>") == "unbalanced </svg>");
  CHECK(xml_problem("<svg><text>a < b</text></svg>") != "");
  CHECK(xml_problem("<svg><text>a & b</text></svg>") != "");
  CHECK(xml_problem("<svg a=\"1\" a=\"2\"/>") == "duplicate attribute a");
  CHECK(xml_problem("<svg/><svg/>") == "more than one root element");
}

TEST_CASE("A two-bar chart is exactly this SVG: labels above bars, values after or inside them",
          "[charts]") {
  const std::vector<ChartBar> bars = {
      {"Маңғыстау облысы", 10125000, "10 125 000 ₸", "/kk/regions/mangystau/"},
      {"Алматы", 2500000, "2 500 000 ₸", ""},
  };
  // The longest bar fills the width and its value sits inside its end; the shorter bar scales to
  // 2 500 000 / 10 125 000 of 360 = 88.888… → 88.9 units, with its value right after it.
  CHECK(bar_chart_svg(bars, "Гранттар облыстар бойынша") ==
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 360 88\" "
        "width=\"360\" height=\"88\" font-size=\"15\" aria-hidden=\"true\" focusable=\"false\">\n"
        "<title>Гранттар облыстар бойынша</title>\n"
        "<a href=\"/kk/regions/mangystau/\" tabindex=\"-1\"><text class=\"label\" x=\"0\" "
        "y=\"16\">Маңғыстау облысы</text></a>\n"
        "<rect class=\"bar\" x=\"0\" y=\"22\" width=\"360\" height=\"18\"/>\n"
        "<text class=\"value value-inside\" x=\"356\" y=\"36\" text-anchor=\"end\">10 125 000 "
        "₸</text>\n"
        "<text class=\"label\" x=\"0\" y=\"62\">Алматы</text>\n"
        "<rect class=\"bar\" x=\"0\" y=\"68\" width=\"88.9\" height=\"18\"/>\n"
        "<text class=\"value\" x=\"92.9\" y=\"82\">2 500 000 ₸</text>\n"
        "</svg>");
}

TEST_CASE("Labels, values, links and the title are escaped for XML", "[charts]") {
  const std::string svg =
      bar_chart_svg({{"A <b> & \"c\" 'd'", 5, "<5> & \"5\"", "/x?a=1&b=\"2\""}}, "T <&\"> title");
  CHECK(svg.find("<title>T &lt;&amp;&quot;&gt; title</title>") != std::string::npos);
  CHECK(svg.find(">A &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;</text>") != std::string::npos);
  CHECK(svg.find(">&lt;5&gt; &amp; &quot;5&quot;</text>") != std::string::npos);
  CHECK(svg.find("<a href=\"/x?a=1&amp;b=&quot;2&quot;\"") != std::string::npos);
  CHECK(xml_problem(svg) == "");
}

TEST_CASE("Control characters, which XML cannot hold, are dropped from texts", "[charts]") {
  const std::string svg = bar_chart_svg({{std::string("a\x01") + "b", 1, "1", ""}}, "t\x1F");
  CHECK(svg.find(">ab</text>") != std::string::npos);
  CHECK(svg.find("<title>t</title>") != std::string::npos);
  CHECK(xml_problem(svg) == "");
}

TEST_CASE("A value of 0 keeps its row and label but draws no bar", "[charts]") {
  const std::string svg =
      bar_chart_svg({{"Алматы", 400, "400 ₸", ""}, {"Астана", 0, "0 ₸", ""}}, "t");
  CHECK(svg.find("<text class=\"label\" x=\"0\" y=\"62\">Астана</text>\n"
                 "<text class=\"value\" x=\"0\" y=\"82\">0 ₸</text>\n") != std::string::npos);
  // One bar only: Алматы's.
  CHECK(svg.find("<rect") == svg.rfind("<rect"));
  CHECK(svg.find("viewBox=\"0 0 360 88\"") != std::string::npos);
}

TEST_CASE("All bars at 0 give rows and values without any bar", "[charts]") {
  const std::string svg = bar_chart_svg({{"a", 0, "0", ""}, {"b", 0, "0", ""}}, "t");
  CHECK(svg.find("<rect") == std::string::npos);
  CHECK(svg.find(">a</text>") != std::string::npos);
  CHECK(svg.find(">b</text>") != std::string::npos);
  CHECK(xml_problem(svg) == "");
}

TEST_CASE("A negative value, which breaks the contract, is drawn as 0", "[charts]") {
  const std::string svg = bar_chart_svg({{"a", -5, "-5", ""}, {"b", 10, "10", ""}}, "t");
  CHECK(svg.find("<rect class=\"bar\" x=\"0\" y=\"22\"") == std::string::npos);
  CHECK(svg.find("<rect class=\"bar\" x=\"0\" y=\"68\" width=\"360\"") != std::string::npos);
}

TEST_CASE("Bars scale to the largest value, and a tiny value still shows a sliver", "[charts]") {
  const std::string svg = bar_chart_svg(
      {{"max", 1000000000, "1", ""}, {"half", 500000000, "2", ""}, {"tiny", 1, "3", ""}}, "t");
  CHECK(svg.find("y=\"22\" width=\"360\"") != std::string::npos);
  CHECK(svg.find("y=\"68\" width=\"180\"") != std::string::npos);
  CHECK(svg.find("y=\"114\" width=\"1\"") != std::string::npos);
}

TEST_CASE("A grouped chart: a label per group, each bar's text above it, words for an empty group",
          "[charts]") {
  const std::vector<ChartGroup> groups = {{"2023",
                                           "/ru/grants/year/2023/",
                                           {{"Реализуется", 6000000, "6 000 000 ₸", ""},
                                            {"Завершён & <b>", 3000000, "3 000 000 ₸", ""}},
                                           "нет"},
                                          {"Год не указан", "", {}, "выделенных грантов нет"}};
  const std::string svg = grouped_bar_chart_svg(groups, "Выделено");
  CHECK(xml_problem(svg) == "");
  std::size_t labels = 0;
  for (std::size_t at = svg.find("<text class=\"label\""); at != std::string::npos;
       at = svg.find("<text class=\"label\"", at + 1))
    ++labels;
  CHECK(labels == groups.size());
  CHECK(svg.find("<a href=\"/ru/grants/year/2023/\" tabindex=\"-1\"><text class=\"label\"") !=
        std::string::npos);
  CHECK(svg.find(">Реализуется: 6 000 000 ₸</text>") != std::string::npos);
  CHECK(svg.find(">Завершён &amp; &lt;b&gt;: 3 000 000 ₸</text>") != std::string::npos);
  // One scale: the largest bar fills the width, the other is half of it.
  CHECK(svg.find("width=\"360\" height=\"18\"") != std::string::npos);
  CHECK(svg.find("width=\"180\" height=\"18\"") != std::string::npos);
  // The empty group says so in words and draws no bar.
  CHECK(svg.find(">выделенных грантов нет</text>") > svg.rfind("<rect"));
  CHECK(grouped_bar_chart_svg({}, "t").empty());
}

TEST_CASE("The tile map is well-formed SVG with a title, a description and no link in the image",
          "[charts]") {
  const std::vector<MapTile> tiles = {
      {"mangystau", "Маңғыстау", "2", "Маңғыстау облысы: 10 ₸", false, false, "#6baed6", false},
      {"astana", "Астана", "жоқ", "Астана & <x>", true, true, std::string(kNoShadeFill), false}};
  const std::string svg =
      tile_map_svg(tiles, tile_cells({"mangystau", "astana"}), "Карта", "Сипаттама", "map");
  CHECK(xml_problem(svg) == "");
  CHECK(svg.find("role=\"img\" aria-labelledby=\"map-title map-desc\"") != std::string::npos);
  CHECK(svg.find("<title id=\"map-title\">Карта</title>") != std::string::npos);
  CHECK(svg.find("<desc id=\"map-desc\">Сипаттама</desc>") != std::string::npos);
  CHECK(svg.find("<title>Астана &amp; &lt;x&gt;</title>") != std::string::npos);
  // Mangystau at (0, 2), Astana at (4, 1), a city with rounded corners, outlined, drawn last.
  CHECK(svg.find("<rect x=\"1\" y=\"101\"") != std::string::npos);
  // The outline of the current tile is drawn inside its cell.
  CHECK(svg.find("<rect x=\"243\" y=\"53\" width=\"53\" height=\"43\" rx=\"12\"") !=
        std::string::npos);
  CHECK(svg.find("data-region=\"astana\"") > svg.find("data-region=\"mangystau\""));
  CHECK(svg.find("<g class=\"tile current\" data-region=\"astana\"") != std::string::npos);
  // An image's content is not interactive (axe-core's nested-interactive): the table has the links.
  CHECK(svg.find("<a ") == std::string::npos);
  // A name of more than eight letters is set smaller to stay inside its tile.
  CHECK(svg.find("font-size=\"9\">Маңғыстау</text>") != std::string::npos);
  CHECK(svg.find("fill=\"#000000\">Астана</text>") != std::string::npos);
  CHECK(xml_problem(swatch_svg(kNoShadeFill)) == "");
  CHECK(swatch_svg(kNoShadeFill).find("stroke-dasharray") != std::string::npos);
}

TEST_CASE("An empty chart is an empty string", "[charts]") {
  CHECK(bar_chart_svg({}, "t").empty());
}

TEST_CASE("The same bars give the same bytes, whatever the C locale says about decimals",
          "[charts]") {
  const std::vector<ChartBar> bars = {{"a", 3, "3", ""}, {"b", 1, "1", "/b/"}, {"c", 2, "2", ""}};
  const std::string first = bar_chart_svg(bars, "t");
  CHECK(first.find("width=\"120\"") != std::string::npos);  // 1/3 of 360
  CHECK(first.find("width=\"240\"") != std::string::npos);
  // A locale with a decimal comma, when the machine has one; the bytes must not change.
  const std::string previous = std::setlocale(LC_ALL, nullptr);
  for (const char* name : {"de_DE.UTF-8", "ru_RU.UTF-8", "kk_KZ.UTF-8"})
    if (std::setlocale(LC_ALL, name)) break;
  const std::string second = bar_chart_svg(bars, "t");
  std::setlocale(LC_ALL, previous.c_str());
  CHECK(first == second);
  CHECK(bar_chart_svg(bars, "t") == first);
}

TEST_CASE("Every chart is well-formed XML with one <svg> root", "[charts]") {
  std::vector<ChartBar> many;
  for (int i = 0; i < 20; ++i)
    many.push_back({"Облыс " + std::to_string(i), i * 1000, std::to_string(i * 1000) + " ₸",
                    i % 2 ? "/kk/regions/r" + std::to_string(i) + "/" : ""});
  for (const std::string& svg :
       {bar_chart_svg(many, "Барлығы & <бәрі>"), bar_chart_svg({{"x", 1, "", ""}}, "")}) {
    INFO(svg);
    CHECK(xml_problem(svg) == "");
    CHECK(svg.rfind("<svg ", 0) == 0);
  }
}

}  // namespace
}  // namespace ashyq::views
