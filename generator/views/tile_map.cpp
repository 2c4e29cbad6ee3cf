#include "views/tile_map.h"

#include <algorithm>
#include <set>
#include <utility>

#include "core/xml_escape.h"

namespace ashyq::views {
namespace {

// Geometry in viewBox units: 6 columns of 60 make the 360 units of views/charts.cpp, so a map and
// a chart scale alike on a phone (a unit is about 0.9 px on a 360 px screen).
constexpr int kCellWidth = 60;
constexpr int kCellHeight = 50;
constexpr int kGap = 3;             // white space between tiles
constexpr int kLabelBaseline = 21;  // the short name
constexpr int kMarkBaseline = 39;   // the class or the word under it
constexpr int kFontSize = 11;
// A short name longer than this many code points ("Маңғыстау", "Қызылорда") is set smaller, so
// that it stays inside its tile.
constexpr std::size_t kLongLabel = 8;
constexpr int kSmallFontSize = 9;
constexpr int kCurrentStroke = 4;

// ColorBrewer's sequential "Blues", light to dark; every step prints as a distinct grey.
constexpr std::array<std::string_view, 4> kPalette = {"#c6dbef", "#6baed6", "#2171b5", "#08306b"};
// Which colours `count` classes take: spread out, so that two classes never look alike.
constexpr std::array<std::array<std::size_t, 4>, 4> kSpread = {
    {{2, 0, 0, 0}, {1, 3, 0, 0}, {0, 2, 3, 0}, {0, 1, 2, 3}}};

std::size_t palette_index(std::size_t i, std::size_t count) {
  count = std::clamp<std::size_t>(count, 1, kPalette.size());
  return kSpread[count - 1][std::min(i, count - 1)];
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

std::vector<TileCell> tile_cells(const std::vector<std::string>& ids) {
  std::vector<TileCell> cells;
  int overflow = 0;
  for (const std::string& id : ids) {
    const auto place = std::find_if(kKazakhstanTiles.begin(), kKazakhstanTiles.end(),
                                    [&](const TilePlace& p) { return p.id == id; });
    if (place != kKazakhstanTiles.end()) {
      cells.push_back({place->column, place->row});
    } else {
      cells.push_back({overflow % kTileColumns, kTileRows + overflow / kTileColumns});
      ++overflow;
    }
  }
  return cells;
}

std::int64_t round_to_one_digit(std::int64_t value) {
  if (value <= 0) return 0;
  std::int64_t power = 1;
  while (value / power >= 10) power *= 10;
  const std::int64_t digit = (value + power / 2) / power;  // 1 … 10
  return digit * power;
}

std::size_t ShadeClasses::class_of(std::int64_t amount) const {
  return static_cast<std::size_t>(std::upper_bound(bounds.begin(), bounds.end(), amount) -
                                  bounds.begin());
}

ShadeClasses shade_classes(std::vector<std::int64_t> amounts) {
  ShadeClasses out;
  if (amounts.empty()) return out;
  out.any = true;
  std::sort(amounts.begin(), amounts.end());
  const std::size_t n = amounts.size();
  const std::size_t k = std::min(kMaxShadeClasses, n);
  std::set<std::int64_t> candidates;
  for (std::size_t i = 1; i < k; ++i) candidates.insert(round_to_one_digit(amounts[i * n / k]));
  // A bound is kept when some region lies below it (and at or above the previous bound) and some
  // at or above it: no class is empty, so the legend names no range that nothing falls in.
  std::int64_t previous = 0;
  bool first = true;
  for (std::int64_t bound : candidates) {
    const bool below = std::any_of(amounts.begin(), amounts.end(), [&](std::int64_t a) {
      return a < bound && (first || a >= previous);
    });
    const bool above = amounts.back() >= bound;
    if (bound > 0 && below && above) {
      out.bounds.push_back(bound);
      previous = bound;
      first = false;
    }
  }
  return out;
}

std::string_view shade_fill(std::size_t i, std::size_t count) {
  return kPalette[palette_index(i, count)];
}

bool dark_shade(std::size_t i, std::size_t count) { return palette_index(i, count) >= 2; }

std::string tile_map_svg(const std::vector<MapTile>& tiles, const std::vector<TileCell>& cells,
                         const std::string& title, const std::string& desc,
                         const std::string& id_prefix) {
  int rows = kTileRows;
  for (const TileCell& c : cells) rows = std::max(rows, c.row + 1);
  const std::string width = std::to_string(kTileColumns * kCellWidth);
  const std::string height = std::to_string(rows * kCellHeight);
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tile-map\" viewBox=\"0 0 " +
                    width + " " + height + "\" width=\"" + width + "\" height=\"" + height +
                    "\" font-size=\"" + std::to_string(kFontSize) +
                    "\" role=\"img\" aria-labelledby=\"" + id_prefix + "-title " + id_prefix +
                    "-desc\">\n";
  out += "<title id=\"" + id_prefix + "-title\">" + xml_escape(title) + "</title>\n";
  out += "<desc id=\"" + id_prefix + "-desc\">" + xml_escape(desc) + "</desc>\n";
  // The current tile is drawn last, so that its thick outline is not covered by its neighbours.
  std::vector<std::size_t> order(tiles.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_partition(order.begin(), order.end(),
                        [&](std::size_t i) { return !tiles[i].current; });
  for (std::size_t i : order) {
    const MapTile& t = tiles[i];
    const int x = cells[i].column * kCellWidth;
    const int y = cells[i].row * kCellHeight;
    const int cx = x + kCellWidth / 2;
    const bool none = t.fill == kNoShadeFill;
    out += std::string("<g class=\"tile") + (t.current ? " current" : "") + "\" data-region=\"" +
           xml_escape(t.id) + "\">";
    out += "<title>" + xml_escape(t.title) + "</title>";
    // The current tile's thick outline is drawn inside its cell (a stroke straddles its edge), so
    // that it covers no neighbour and is not cut at the map's edge.
    const int inset = kGap / 2 + (t.current ? kCurrentStroke / 2 : 0);
    out += "<rect x=\"" + std::to_string(x + inset) + "\" y=\"" + std::to_string(y + inset) +
           "\" width=\"" + std::to_string(kCellWidth - 2 * inset - 1) + "\" height=\"" +
           std::to_string(kCellHeight - 2 * inset - 1) + "\"" + (t.city ? " rx=\"12\"" : "") +
           " fill=\"" + std::string(t.fill) + "\" stroke=\"" +
           (t.current ? "#000000\" stroke-width=\"" + std::to_string(kCurrentStroke) + "\""
                      : std::string("#4d4d4d\" stroke-width=\"1\"")) +
           (none && !t.current ? " stroke-dasharray=\"3 2\"" : "") + "/>";
    const std::string ink = t.dark ? "#ffffff" : "#000000";
    out +=
        "<text x=\"" + std::to_string(cx) + "\" y=\"" + std::to_string(y + kLabelBaseline) +
        "\" text-anchor=\"middle\" fill=\"" + ink + "\"" +
        (code_points(t.label) > kLongLabel ? " font-size=\"" + std::to_string(kSmallFontSize) + "\""
                                           : std::string()) +
        ">" + xml_escape(t.label) + "</text>";
    out += "<text x=\"" + std::to_string(cx) + "\" y=\"" + std::to_string(y + kMarkBaseline) +
           "\" text-anchor=\"middle\" fill=\"" + ink + "\" font-weight=\"bold\">" +
           xml_escape(t.mark) + "</text>";
    out += "</g>\n";
  }
  out += "</svg>";
  return out;
}

std::string swatch_svg(std::string_view fill) {
  const bool none = fill == kNoShadeFill;
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" viewBox=\"0 0 16 16\" "
         "width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\"><rect x=\"0.5\" "
         "y=\"0.5\" width=\"15\" height=\"15\" fill=\"" +
         std::string(fill) + "\" stroke=\"#4d4d4d\"" + (none ? " stroke-dasharray=\"3 2\"" : "") +
         "/></svg>";
}

}  // namespace ashyq::views
