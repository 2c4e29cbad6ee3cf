#include "views/map_view.h"

#include <algorithm>
#include <map>
#include <utility>

#include "routes/routes.h"
#include "views/charts.h"
#include "views/parts.h"
#include "views/tile_map.h"

namespace ashyq::views {
namespace {

// A tile's short name: [map.short] of its id when the UI strings have one (Kazakhstan's regions),
// else its name, cut to fit the tile.
std::string short_label(const ViewContext& ctx, const Region& region) {
  const std::string key = "map.short." + region.id;
  const auto& strings = ctx.strings.all(ctx.lang);
  if (const auto it = strings.find(key); it != strings.end()) return it->second;
  const std::string name = ctx.plain(region.name);
  // Nine code points fit a tile; the tooltip and the table carry the whole name.
  std::size_t points = 0, at = 0;
  for (; at < name.size(); ++at)
    if ((static_cast<unsigned char>(name[at]) & 0xC0) != 0x80 && ++points > 8) break;
  return at < name.size() ? name.substr(0, at) + "…" : name;
}

}  // namespace

std::vector<std::string_view> awarded_statuses() {
  std::vector<std::string_view> out;
  for (std::string_view key : kStatusKeys)
    if (key == "in_progress" || key == "report_overdue" || key == "completed") out.push_back(key);
  return out;
}

std::string status_part_name(std::string_view key) {
  std::string out;
  for (char c : key)
    if (c != '_') out += c;
  return out;
}

MapData portal_map_data(const PortalIndex& index, const Portal& portal) {
  MapData data;
  const Facet& facet = index.facet(FacetKind::region);
  for (const Region& r : portal.regions) data.regions.push_back(facet.value_or_empty(r.id).totals);
  if (const std::size_t none = facet.find(kNotReportedKey); none < facet.values.size())
    data.no_region = facet.values[none].totals;
  data.whole = index.totals;
  return data;
}

MapView map_view(const ViewContext& ctx, const MapData& data, std::optional<std::size_t> current,
                 bool keyed) {
  const Portal& portal = ctx.portal;
  MapView v;
  v.title = ctx.t("map.title");

  // The classes of the regions that have a published sum of awarded money.
  std::vector<std::int64_t> amounts;
  for (const Totals& t : data.regions) {
    const Sums& s = t.of(MoneyKind::awarded);
    if (s.grants > s.without_amount) amounts.push_back(s.amount.value());
  }
  const ShadeClasses classes = shade_classes(amounts);
  auto class_mark = [](std::size_t i) { return std::to_string(i + 1); };

  std::vector<MapTile> tiles;
  std::vector<std::string> ids, labels;
  std::vector<MapRowView> rows;
  bool any_none = false, any_without_sum = false;
  for (std::size_t i = 0; i < portal.regions.size(); ++i) {
    const Region& r = portal.regions[i];
    const Sums& s = data.regions[i].of(MoneyKind::awarded);
    const std::string name = ctx.plain(r.name);
    const std::string url = routes::url_of(r, ctx.lang);
    const std::string key = keyed ? facet_key(FacetKind::region, r.id) : std::string();
    MapTile tile{r.id,
                 short_label(ctx, r),
                 {},
                 {},
                 r.is_city,
                 current && *current == i,
                 std::string(kNoShadeFill),
                 false};
    MapRowView row{name, url, tile.current, std::nullopt, std::nullopt};
    if (s.grants == 0) {
      any_none = true;
      tile.mark = ctx.t("map.none_short");
      tile.title = name + ": " + ctx.t("map.none");
    } else {
      row.awarded = money_figure(ctx, s, MoneyKind::awarded, key);
      row.grants = ctx.computed_count(s.grants, ctx.t("map.basis_grants"),
                                      keyed ? key + "/awarded_grants" : std::string());
      if (s.grants == s.without_amount) {
        any_without_sum = true;
        tile.mark = ctx.t("map.no_sum_short");
        tile.title = name + ": " + ctx.t("map.no_sum");
      } else {
        const std::size_t c = classes.class_of(s.amount.value());
        tile.fill = std::string(shade_fill(c, classes.count()));
        tile.dark = dark_shade(c, classes.count());
        tile.mark = class_mark(c);
        tile.title = name + ": " + ctx.money(s.amount);
      }
    }
    tiles.push_back(std::move(tile));
    ids.push_back(r.id);
    labels.push_back(name);
    rows.push_back(std::move(row));
  }
  const std::string desc =
      current ? ctx.t("map.desc_current", {{"region", ctx.plain(portal.regions[*current].name)}})
              : ctx.t("map.desc");
  v.svg = tile_map_svg(tiles, tile_cells(ids), v.title, desc, "map");
  for (std::size_t i : order_by_label(ctx, labels)) v.rows.push_back(std::move(rows[i]));
  // The grants that name no region: a row of their own, so that no awarded grant is left out.
  if (data.no_region) {
    const Sums& s = data.no_region->of(MoneyKind::awarded);
    MapRowView row{ctx.t("not_reported.region"), std::nullopt, false, std::nullopt, std::nullopt};
    if (s.grants > 0) {
      const std::string key = keyed ? facet_key(FacetKind::region, kNotReportedKey) : "";
      row.url = routes::facet_url(ctx.lang, FacetKind::region, kNotReportedKey);
      row.awarded = money_figure(ctx, s, MoneyKind::awarded, key);
      row.grants = ctx.computed_count(s.grants, ctx.t("map.basis_grants"),
                                      keyed ? key + "/awarded_grants" : std::string());
      v.rows.push_back(std::move(row));
    }
  }

  // The legend: each class's range, then the words of the tiles without a class.
  const std::string basis = ctx.t("map.basis_bounds");
  for (std::size_t c = 0; c < classes.count(); ++c) {
    std::string text;
    if (classes.count() == 1)
      text = ctx.t("map.any_amount");
    else if (c == 0)
      text = ctx.t("map.below", {{"amount", ctx.money(Tenge(classes.bounds[0]))}});
    else if (c + 1 == classes.count())
      text = ctx.t("map.at_least", {{"amount", ctx.money(Tenge(classes.bounds[c - 1]))}});
    else
      text = ctx.t("map.between", {{"from", ctx.money(Tenge(classes.bounds[c - 1]))},
                                   {"to", ctx.money(Tenge(classes.bounds[c]))}});
    v.legend.push_back({swatch_svg(shade_fill(c, classes.count())), class_mark(c),
                        Figure::computed(std::move(text), basis), std::nullopt});
  }
  if (any_without_sum)
    v.legend.push_back(
        {swatch_svg(kNoShadeFill), ctx.t("map.no_sum_short"), std::nullopt, ctx.t("map.no_sum")});
  if (any_none)
    v.legend.push_back(
        {swatch_svg(kNoShadeFill), ctx.t("map.none_short"), std::nullopt, ctx.t("map.none")});
  v.legend_note = ctx.t("map.legend_note");
  if (current) v.current_note = ctx.t("map.current_note");

  const Sums& whole = data.whole.of(MoneyKind::awarded);
  v.total_awarded = money_figure(ctx, whole, MoneyKind::awarded, keyed ? "portal" : "");
  v.total_grants = ctx.computed_count(whole.grants, ctx.t("map.basis_grants"),
                                      keyed ? "portal/awarded_grants" : std::string());
  v.note = ctx.t("map.overlap_note");
  return v;
}

MoneyTimeView money_time_view(const ViewContext& ctx, const std::vector<std::size_t>& grants,
                              const PortalIndex& index, bool keyed) {
  const Portal& portal = ctx.portal;
  const std::vector<std::string_view> statuses = awarded_statuses();
  // Per year (0: not reported), per status: the totals of the awarded grants.
  std::map<int, std::map<std::string_view, Totals>> by_year;
  std::map<std::string_view, Totals> by_status;
  Totals whole;
  for (std::size_t i : grants) {
    const Grant& g = portal.grants[i];
    if (!is_awarded(g)) continue;
    const std::string_view status = status_key(g, portal.config.as_of);
    by_year[grant_year(g).value_or(0)][status].add(g);
    by_status[status].add(g);
    whole.add(g);
  }

  MoneyTimeView v;
  v.title = ctx.t("map.time_title");
  v.note = ctx.t("map.time_note");
  v.empty = whole.grants == 0;
  // The statuses some awarded grant has: a column that would say "none" on every row says nothing.
  std::vector<std::string_view> columns;
  for (std::string_view s : statuses)
    if (by_status.count(s)) columns.push_back(s);
  for (std::string_view s : columns) v.statuses.push_back(ctx.t("map.status." + std::string(s)));

  const Facet& year_facet = index.facet(FacetKind::year);
  auto row_of = [&](int year, const std::map<std::string_view, Totals>* cells) {
    MoneyYearRowView row;
    const std::string facet_value = year ? std::to_string(year) : std::string(kNotReportedKey);
    row.not_reported = year == 0;
    row.label = year ? facet_value : ctx.t("not_reported.year");
    if (year_facet.find(facet_value) < year_facet.values.size())
      row.url = routes::facet_url(ctx.lang, FacetKind::year, facet_value);
    Sums all;  // the row's awarded money, its statuses together
    for (std::string_view s : columns) {
      MoneyCellView cell{status_part_name(s), ctx.t("map.status." + std::string(s)), std::nullopt};
      const auto it = cells ? cells->find(s) : std::map<std::string_view, Totals>::const_iterator();
      if (cells && it != cells->end()) {
        const Sums& sums = it->second.of(MoneyKind::awarded);
        cell.amount = money_figure(ctx, sums, MoneyKind::awarded, "");
        all.grants += sums.grants;
        all.without_amount += sums.without_amount;
        all.amount += sums.amount;
      }
      row.cells.push_back(std::move(cell));
    }
    if (all.grants > 0)
      row.total = money_figure(ctx, all, MoneyKind::awarded,
                               keyed ? facet_key(FacetKind::year, facet_value) : std::string());
    return row;
  };
  std::vector<int> years;
  for (const auto& [year, cells] : by_year)
    if (year) years.push_back(year);
  if (!years.empty())
    for (int year = years.front(); year <= years.back(); ++year) {
      const auto it = by_year.find(year);
      v.rows.push_back(row_of(year, it == by_year.end() ? nullptr : &it->second));
    }
  // The grants with no year: always a row, in words when there are none, never dropped.
  const auto none = by_year.find(0);
  v.rows.push_back(row_of(0, none == by_year.end() ? nullptr : &none->second));

  v.footer.label = ctx.t("total.awarded_all");
  for (std::string_view s : columns)
    v.footer.cells.push_back(
        {status_part_name(s), ctx.t("map.status." + std::string(s)),
         money_figure(ctx, by_status[s].of(MoneyKind::awarded), MoneyKind::awarded,
                      keyed ? facet_key(FacetKind::status, std::string(s)) : std::string())});
  v.footer.total =
      money_figure(ctx, whole.of(MoneyKind::awarded), MoneyKind::awarded, keyed ? "portal" : "");

  std::vector<ChartGroup> groups;
  for (const MoneyYearRowView& row : v.rows) {
    ChartGroup group{row.label, row.url.value_or(""), {}, ctx.t("map.time_none")};
    for (const MoneyCellView& cell : row.cells) {
      if (!cell.amount) continue;
      group.bars.push_back({cell.label, cell.amount->value.value_or(0),
                            cell.amount->kind == FigureKind::not_reported
                                ? ctx.t("figure.not_reported")
                                : cell.amount->text,
                            ""});
    }
    groups.push_back(std::move(group));
  }
  v.svg = grouped_bar_chart_svg(groups, v.title);
  return v;
}

}  // namespace ashyq::views
