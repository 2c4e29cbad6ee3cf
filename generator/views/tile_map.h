#pragma once
// A tile-grid map of Kazakhstan made at build time as inline SVG (no script, no map tiles from
// another host): each of the 17 regions and 3 cities of republican significance is one square of
// the same size, placed by approximate geography, shaded by a class of awarded money. A tile grid
// gives every region the same weight on the page whatever its area (Mangystau and Almaty city
// alike), and stays legible on a 360 px phone, where a drawn outline of Almaty city would be a dot.
//
// The grid, 6 columns west to east by 5 rows north to south (docs/map.md draws it too):
//
//          0                1         2           3             4              5
//   0  West Kazakhstan      ·     Kostanay   North Kaz.     Pavlodar      East Kazakhstan
//   1  Atyrau            Aktobe   Ulytau     Akmola         Astana*       Abai
//   2  Mangystau            ·     Kyzylorda  Karaganda         ·          Zhetisu
//   3     ·                 ·     Turkestan  Zhambyl        Almaty reg.      ·
//   4     ·                 ·     Shymkent*     ·           Almaty*          ·
//                                                               (* a city: rounded corners)
//
// The gaps are real: the Aral Sea and the Betpak-Dala (1,2)…(1,4), Lake Balkhash (4,2). The cities
// sit beside the region they lie in: Astana east of Akmola (it is in Akmola's east), Almaty south
// of the Almaty region, Shymkent south of Turkestan.
//
// A portal whose regions are not Kazakhstan's (a test fixture, a new portal from `ashyq init`)
// still gets a tile per region: ids the grid does not know go in rows below it, in file order.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ashyq::views {

inline constexpr int kTileColumns = 6;
inline constexpr int kTileRows = 5;

struct TilePlace {
  std::string_view id;  // the region's id in content/regions.json
  int column = 0;
  int row = 0;
};

// Kazakhstan's regions and cities of republican significance on the grid above.
inline constexpr std::array<TilePlace, 20> kKazakhstanTiles = {{
    {"west-kazakhstan", 0, 0},
    {"kostanay", 2, 0},
    {"north-kazakhstan", 3, 0},
    {"pavlodar", 4, 0},
    {"east-kazakhstan", 5, 0},
    {"atyrau", 0, 1},
    {"aktobe", 1, 1},
    {"ulytau", 2, 1},
    {"akmola", 3, 1},
    {"astana", 4, 1},
    {"abai", 5, 1},
    {"mangystau", 0, 2},
    {"kyzylorda", 2, 2},
    {"karaganda", 3, 2},
    {"zhetisu", 5, 2},
    {"turkestan", 2, 3},
    {"zhambyl", 3, 3},
    {"almaty-region", 4, 3},
    {"shymkent", 2, 4},
    {"almaty", 4, 4},
}};

struct TileCell {
  int column = 0;
  int row = 0;
  friend bool operator==(const TileCell&, const TileCell&) = default;
};

// The cell of each of `ids` (a portal's regions, in file order): its place on the grid, or, for an
// id the grid does not know, the next free cell in the rows below the grid (kTileColumns a row).
std::vector<TileCell> tile_cells(const std::vector<std::string>& ids);

// Shading classes of awarded money. The data are a handful of grants per region, so the classes
// are few (at most kMaxShadeClasses) and their bounds round: each bound is a quantile of the
// regions' sums rounded to one significant digit (4 000 000, not 3 741 250), kept only when it
// separates regions, so that every class holds at least one region. A class includes its lower
// bound: class i is [bounds[i - 1], bounds[i]), the first from 0, the last without an upper bound.
inline constexpr std::size_t kMaxShadeClasses = 4;
struct ShadeClasses {
  std::vector<std::int64_t> bounds;  // ascending; classes = bounds.size() + 1 when any amount
  bool any = false;                  // false when no region has a published sum: no class at all
  std::size_t count() const { return any ? bounds.size() + 1 : 0; }
  std::size_t class_of(std::int64_t amount) const;
};
// The classes of `amounts` (the regions' awarded sums, those that have one; any order).
ShadeClasses shade_classes(std::vector<std::int64_t> amounts);
// `value` rounded to one significant digit, halves up (3 740 000 → 4 000 000; 0 stays 0).
std::int64_t round_to_one_digit(std::int64_t value);

// The fill of class `i` of `count` classes: one blue hue from light to dark (readable in greyscale
// print; red is the portal's mark of a real inconsistency and never shades a map), spread over
// the palette when there are fewer classes than colours. Whether its text must be light is
// `dark_shade`.
std::string_view shade_fill(std::size_t i, std::size_t count);
bool dark_shade(std::size_t i, std::size_t count);
// The fill of a tile with no class: nothing awarded, or no published sum.
inline constexpr std::string_view kNoShadeFill = "#ffffff";

struct MapTile {
  std::string id;        // data-region="…", for the script that reshades the map (the explorer)
  std::string label;     // on the tile: a short name ("Маңғыстау", "ЗКО")
  std::string mark;      // the tile's second line: its class ("2") or a word ("жоқ")
  std::string title;     // the tooltip: the full name and its figure
  bool city = false;     // drawn with rounded corners
  bool current = false;  // the region whose page this is: a thick outline
  std::string fill;      // shade_fill or kNoShadeFill
  bool dark = false;     // light text on a dark fill
};

// The map as one <svg role="img"> with `title` and `desc` (ids `id_prefix`-title and -desc; a
// page has one map, the explorer may have another beside it). Tiles are not links: an image's
// content is presentational, and a link inside it (even out of the tab order) is an interactive
// element a screen reader cannot reach (axe-core's nested-interactive); the table beside the map
// has every region's link. Deterministic: the same tiles give the same bytes.
std::string tile_map_svg(const std::vector<MapTile>& tiles, const std::vector<TileCell>& cells,
                         const std::string& title, const std::string& desc,
                         const std::string& id_prefix);
// A legend swatch: a small aria-hidden <svg> square of `fill` (drawn, so that it prints, where a
// CSS background would not); dashed when `fill` is kNoShadeFill, as the tiles are.
std::string swatch_svg(std::string_view fill);

}  // namespace ashyq::views
