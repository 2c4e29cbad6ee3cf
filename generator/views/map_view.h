#pragma once
// Two pieces a page includes as partials, each a view of its own so that any page can show them
// (the home page, a region's page, the explorer, whose script redraws them for the grants its
// filters leave as these views draw them: assets/explore/explore.js, docs/map.md):
//   templates/_map.mustache         MapView: the tile-grid map of awarded money by region
//                                   (views/tile_map.h), its legend and its data table;
//   templates/_money_time.mustache  MoneyTimeView: awarded money by year and by status, a chart
//                                   of bars with their numbers as text, and its table.
// A page's view holds them as members named `map` and `money_time`; its template writes
// {{#map}}{{> _map}}{{/map}} and {{#money_time}}{{> _money_time}}{{/money_time}}.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/portal_index.h"
#include "views/view_context.h"

namespace ashyq::views {

// A class of the map's legend: its swatch, its mark on the tiles, and its range of money (a
// computed figure: the portal chose the bounds) or, for the tiles without a class, what they mean
// in words.
struct MapLegendItemView {
  std::string swatch;  // an aria-hidden <svg> square (views/tile_map.h swatch_svg)
  std::string mark;    // "2", "жоқ"
  std::optional<Figure> range;
  std::optional<std::string> words;

  template <class F>
  void fields(F& f) const {
    f("swatch", swatch);
    f("mark", mark);
    f("range", range);
    f("words", words);
  }
};

// A row of the map's data table: a region (or the grants that name none), its awarded money and
// the number of its awarded grants. A region with no awarded grant in the records has no figure:
// the row says so in words, never 0.
struct MapRowView {
  std::string name;
  std::optional<std::string> url;
  bool current = false;  // the region whose page this is
  std::optional<Figure> awarded;
  std::optional<Figure> grants;

  template <class F>
  void fields(F& f) const {
    f("name", name);
    f("url", url);
    f("current", current);
    f("awarded", awarded);
    f("grants", grants);
  }
};

// templates/_map.mustache.
struct MapView {
  std::string title;
  std::string svg;  // views/tile_map.h tile_map_svg
  std::vector<MapLegendItemView> legend;
  std::string legend_note;                  // how the bounds were chosen, what a rounded tile is
  std::optional<std::string> current_note;  // on a region's page: its tile is outlined
  std::vector<MapRowView> rows;             // alphabetical, the grants without a region last
  Figure total_awarded;
  Figure total_grants;
  std::string note;  // why the rows add up to more than the total

  template <class F>
  void fields(F& f) const {
    f("title", title);
    f("svg", svg);
    f("legend", legend);
    f("legend_note", legend_note);
    f("current_note", current_note);
    f("rows", rows);
    f("total_awarded", total_awarded);
    f("total_grants", total_grants);
    f("note", note);
  }
};

// What a map shows: the totals of each region of Portal::regions (its order), of the grants that
// name no region (none when every grant names one), and of all of them (a multi-region grant once).
struct MapData {
  std::vector<Totals> regions;
  std::optional<Totals> no_region;
  Totals whole;
};
// The portal's: every grant.
MapData portal_map_data(const PortalIndex& index, const Portal& portal);

// The map of `data`, the region at `current` (a position in Portal::regions) outlined. `keyed`:
// the figures are the portal's totals and carry their data-total keys (views/figure.h); a map of
// a filtered subset must not (its sums are not the totals other pages show under those keys).
MapView map_view(const ViewContext& ctx, const MapData& data, std::optional<std::size_t> current,
                 bool keyed);

// A cell of the money-by-year table: one status's awarded money in one year, or, when no awarded
// grant of that status has that year, none (the cell says so in words).
struct MoneyCellView {
  std::string part;   // the column's data-part name ("completed"; letters only)
  std::string label;  // its header, for the phone layout's data-label
  std::optional<Figure> amount;

  template <class F>
  void fields(F& f) const {
    f("part", part);
    f("label", label);
    f("amount", amount);
  }
};

struct MoneyYearRowView {
  std::string label;  // "2024", or "Год не указан"
  std::optional<std::string> url;
  bool not_reported = false;
  std::vector<MoneyCellView> cells;  // one per status column
  std::optional<Figure> total;

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("url", url);
    f("not_reported", not_reported);
    f("cells", cells);
    f("total", total);
  }
};

// templates/_money_time.mustache.
struct MoneyTimeView {
  std::string title;
  std::string svg;                    // views/charts.h grouped_bar_chart_svg
  std::vector<std::string> statuses;  // the column headers, in life order
  // Oldest year first, every year between the first and the last (a year with no awarded grant
  // is a row that says so), then the row of the grants with no year, always there.
  std::vector<MoneyYearRowView> rows;
  MoneyYearRowView footer;  // the whole: each status's and all awarded money
  std::string note;
  bool empty = false;  // no awarded grant at all: the page says so instead of a chart

  template <class F>
  void fields(F& f) const {
    f("title", title);
    f("svg", svg);
    f("statuses", statuses);
    f("rows", rows);
    f("footer", footer);
    f("note", note);
    f("empty", empty);
  }
};

// The statuses awarded money has (money_kind: in progress, its overdue form, completed), in life
// order: the money-by-year table's columns (those some awarded grant has).
std::vector<std::string_view> awarded_statuses();
// A status key as its column's data-part name: letters only, as tests/integration/figures_test.cpp
// reads them ("report_overdue" → "reportoverdue").
std::string status_part_name(std::string_view key);

// Awarded money by year (grant_year) and by status (status_key) of the grants `grants` (indices
// into Portal::grants; the explorer passes those its filters leave). `keyed` as for map_view.
MoneyTimeView money_time_view(const ViewContext& ctx, const std::vector<std::size_t>& grants,
                              const PortalIndex& index, bool keyed);

}  // namespace ashyq::views
