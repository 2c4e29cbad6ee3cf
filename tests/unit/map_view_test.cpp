// The tile map and the money by year and status (views/tile_map.h, views/map_view.h): the grid
// places every region of the real content/regions.json once, the shading classes are few and
// round, and the views' sums are the model's totals. The fixture portal is synthetic.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "loaded_site.h"
#include "views/map_view.h"
#include "views/tile_map.h"

namespace ashyq::views {
namespace {

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("The tile grid places every region and city of content/regions.json exactly once",
          "[map]") {
  std::ifstream in(std::string(ASHYQ_SOURCE_DIR) + "/content/regions.json");
  const auto regions = nlohmann::json::parse(in).at("regions");
  std::vector<std::string> ids;
  std::map<std::string, int> kinds;
  for (const auto& r : regions) {
    ids.push_back(r.at("id").get<std::string>());
    ++kinds[r.at("kind").get<std::string>()];
  }
  // 17 regions and 3 cities of republican significance.
  CHECK(kinds == std::map<std::string, int>{{"city", 3}, {"region", 17}});
  REQUIRE(ids.size() == kKazakhstanTiles.size());

  std::set<std::string> layout_ids;
  std::set<std::pair<int, int>> places;
  for (const TilePlace& p : kKazakhstanTiles) {
    INFO(p.id);
    CHECK(layout_ids.insert(std::string(p.id)).second);  // an id placed once
    CHECK(places.insert({p.column, p.row}).second);      // a cell holds one tile
    CHECK((p.column >= 0 && p.column < kTileColumns && p.row >= 0 && p.row < kTileRows));
  }
  CHECK(layout_ids == std::set<std::string>(ids.begin(), ids.end()));
  // Every id of the file is on the grid itself, none in the rows below it for unknown ids.
  for (const TileCell& c : tile_cells(ids)) CHECK(c.row < kTileRows);
}

TEST_CASE("Regions the grid does not know get tiles of their own below it", "[map]") {
  const std::vector<TileCell> cells =
      tile_cells({"synthetic-a", "mangystau", "synthetic-b", "synthetic-c", "synthetic-d",
                  "synthetic-e", "synthetic-f", "synthetic-g"});
  CHECK(cells[1] == TileCell{0, 2});
  CHECK(cells[0] == TileCell{0, kTileRows});
  CHECK(cells[2] == TileCell{1, kTileRows});
  CHECK(cells[7] == TileCell{0, kTileRows + 1});  // the seventh unknown id starts a new row
  std::set<std::pair<int, int>> distinct;
  for (const TileCell& c : cells) distinct.insert({c.column, c.row});
  CHECK(distinct.size() == cells.size());
}

TEST_CASE("Shading classes are few, with bounds of one significant digit, and none is empty",
          "[map]") {
  CHECK(round_to_one_digit(3'740'000) == 4'000'000);
  CHECK(round_to_one_digit(3'499'999) == 3'000'000);
  CHECK(round_to_one_digit(9'600'000) == 10'000'000);
  CHECK(round_to_one_digit(7) == 7);
  CHECK(round_to_one_digit(0) == 0);

  CHECK(shade_classes({}).count() == 0);
  const ShadeClasses one = shade_classes({5'000'000});
  CHECK(one.count() == 1);
  CHECK(one.class_of(5'000'000) == 0);

  // The fixture's regions: 2, 3.5, 5, 5, 6 and 8 million. The quantile 5 million would leave the
  // class [4 million, 5 million) empty, so it is not a bound.
  const std::vector<std::int64_t> amounts = {8'000'000, 2'000'000, 3'500'000,
                                             5'000'000, 5'000'000, 6'000'000};
  const ShadeClasses c = shade_classes(amounts);
  CHECK(c.bounds == std::vector<std::int64_t>{4'000'000, 6'000'000});
  CHECK(c.class_of(2'000'000) == 0);
  CHECK(c.class_of(3'999'999) == 0);
  CHECK(c.class_of(4'000'000) == 1);  // a class includes its lower bound
  CHECK(c.class_of(6'000'000) == 2);

  // Many regions: never more than kMaxShadeClasses, each bound one significant digit, every class
  // holding a region.
  std::vector<std::int64_t> many;
  for (std::int64_t i = 1; i <= 20; ++i) many.push_back(i * i * 123'457);
  const ShadeClasses m = shade_classes(many);
  CHECK(m.count() <= kMaxShadeClasses);
  CHECK(m.count() >= 2);
  std::vector<int> members(m.count());
  for (std::int64_t a : many) ++members[m.class_of(a)];
  for (int n : members) CHECK(n > 0);
  for (std::int64_t b : m.bounds) CHECK(round_to_one_digit(b) == b);
}

// The vectors tests/explore/map_rule_test.mjs checks the explorer's map with: the same sums give
// the same classes on the static map and the explorer's.
TEST_CASE("Shading classes of the vectors shared with the explorer's script", "[map]") {
  std::ifstream in(std::string(ASHYQ_SOURCE_DIR) + "/tests/data/shade_classes.json");
  const auto vectors = nlohmann::json::parse(in);
  CHECK(vectors.at("max_classes").get<std::size_t>() == kMaxShadeClasses);
  REQUIRE(vectors.at("cases").size() >= 10);
  for (const auto& v : vectors.at("cases")) {
    INFO(v.at("checks").get<std::string>());
    const auto amounts = v.at("amounts").get<std::vector<std::int64_t>>();
    const ShadeClasses classes = shade_classes(amounts);
    CHECK(classes.any == !v.at("bounds").is_null());
    if (!classes.any) continue;
    CHECK(classes.bounds == v.at("bounds").get<std::vector<std::int64_t>>());
    std::vector<std::size_t> of;
    for (std::int64_t a : amounts) of.push_back(classes.class_of(a));
    CHECK(of == v.at("classes").get<std::vector<std::size_t>>());
  }
}

TEST_CASE("The shading is one blue hue, never red, its classes distinct", "[map]") {
  for (std::size_t count = 1; count <= kMaxShadeClasses; ++count) {
    std::set<std::string_view> fills;
    for (std::size_t i = 0; i < count; ++i) {
      const std::string_view fill = shade_fill(i, count);
      fills.insert(fill);
      // Blue dominates: the red channel is the smallest of the three.
      const int red = std::stoi(std::string(fill.substr(1, 2)), nullptr, 16);
      const int blue = std::stoi(std::string(fill.substr(5, 2)), nullptr, 16);
      CHECK(red < blue);
    }
    CHECK(fills.size() == count);
    // Light text on the darker colours: the darkest class always, the lightest never (but when it
    // is the only class, which takes a middle colour).
    CHECK(dark_shade(count - 1, count));
    if (count > 1) CHECK_FALSE(dark_shade(0, count));
  }
}

TEST_CASE("The map's table adds up to the model's totals, one tile per region, words for none",
          "[map]") {
  testing::LoadedSite site;
  // Synthetic: the fixture's west region loses its awarded grants here, so that a region has
  // nothing to show.
  Portal portal = site.portal;
  for (Grant& g : portal.grants)
    if (g.regions == std::vector<std::string>{"synthetic-west"} && is_awarded(g))
      g.status = GrantStatus::application;
  const PortalIndex index = build_index(portal);
  const ViewContext ctx{portal, site.strings, Lang::ru};
  const MapView v = map_view(ctx, portal_map_data(index, portal), 1, true);

  CHECK(count_of(v.svg, "data-region=\"") == portal.regions.size());
  for (const Region& r : portal.regions)
    CHECK(count_of(v.svg, "data-region=\"" + r.id + "\"") == 1);
  CHECK(count_of(v.svg, "class=\"tile current\"") == 1);
  CHECK(v.svg.find("data-region=\"" + portal.regions[1].id + "\"") ==
        v.svg.find("class=\"tile current\"") + std::string("class=\"tile current\" ").size());
  CHECK(v.svg.find("role=\"img\"") != std::string::npos);
  CHECK(v.current_note);

  REQUIRE(v.rows.size() == portal.regions.size());  // every grant of the fixture names a region
  const Facet& regions = index.facet(FacetKind::region);
  std::size_t nothing = 0;
  for (const MapRowView& row : v.rows) {
    INFO(row.name);
    const Region* r = nullptr;
    for (const Region& x : portal.regions)
      if (ctx.plain(x.name) == row.name) r = &x;
    REQUIRE(r);
    const Sums& s = regions.value_or_empty(r->id).totals.of(MoneyKind::awarded);
    if (s.grants == 0) {
      ++nothing;
      CHECK_FALSE(row.awarded);  // said in words by the template, never 0
      CHECK_FALSE(row.grants);
      continue;
    }
    REQUIRE(row.awarded);
    CHECK(row.awarded->kind == FigureKind::computed);
    CHECK(row.awarded->value == s.amount.value());
    CHECK(row.awarded->key == "region/" + r->id + "/awarded");
    CHECK(row.grants->value == s.grants);
  }
  CHECK(nothing == 1);
  const std::string west_title = "Синтетическая западная область: выделенных грантов в записях нет";
  CHECK(v.svg.find(west_title) != std::string::npos);
  CHECK(v.total_awarded.value == index.totals.of(MoneyKind::awarded).amount.value());
  CHECK(v.total_awarded.key == "portal/awarded");
  CHECK(v.total_grants.value == index.totals.of(MoneyKind::awarded).grants);

  // The legend: each class's range as a computed figure, then the words for the tiles without one.
  REQUIRE(v.legend.size() >= 2);
  for (std::size_t i = 0; i + 1 < v.legend.size(); ++i) {
    REQUIRE(v.legend[i].range);
    CHECK(v.legend[i].range->kind == FigureKind::computed);
  }
  CHECK(v.legend.back().words == std::optional<std::string>("выделенных грантов в записях нет"));
  // A map of a subset (the explorer's) has no keys: its sums are not the portal's totals.
  const MapView unkeyed = map_view(ctx, portal_map_data(index, portal), std::nullopt, false);
  CHECK(unkeyed.total_awarded.key.empty());
  CHECK_FALSE(unkeyed.current_note);
  CHECK(unkeyed.svg.find("current") == std::string::npos);
}

TEST_CASE("Money by year and status adds up to the model's totals, the year not reported a row",
          "[map]") {
  testing::LoadedSite site;
  const PortalIndex& index = site.index;
  for (Lang lang : kAllLangs) {
    const ViewContext ctx{site.portal, site.strings, lang};
    std::vector<std::size_t> all(site.portal.grants.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    const MoneyTimeView v = money_time_view(ctx, all, index, true);
    REQUIRE_FALSE(v.empty);
    REQUIRE(v.rows.size() >= 2);
    // The row of the grants with no year is there, last, in words, though every awarded grant
    // of the fixture has a year.
    const MoneyYearRowView& none = v.rows.back();
    CHECK(none.not_reported);
    CHECK(none.label == ctx.t("not_reported.year"));
    CHECK_FALSE(none.total);
    for (const MoneyCellView& cell : none.cells) CHECK_FALSE(cell.amount);

    // Rows by year, oldest first; each status column adds up to its status's total in the index,
    // each row to its year's, all to the portal's awarded money.
    std::int64_t whole = 0;
    std::vector<std::int64_t> columns(v.statuses.size());
    int previous = 0;
    for (const MoneyYearRowView& row : v.rows) {
      if (row.not_reported) continue;
      const int year = std::stoi(row.label);
      CHECK(year > previous);
      previous = year;
      std::int64_t sum = 0;
      for (std::size_t c = 0; c < row.cells.size(); ++c)
        if (row.cells[c].amount) {
          sum += *row.cells[c].amount->value;
          columns[c] += *row.cells[c].amount->value;
        }
      const Sums& year_sums =
          index.facet(FacetKind::year).value_or_empty(row.label).totals.of(MoneyKind::awarded);
      if (row.total) {
        CHECK(*row.total->value == sum);
        CHECK(sum == year_sums.amount.value());
        CHECK(row.total->key == "year/" + row.label + "/awarded");
      } else {
        CHECK(year_sums.grants == 0);
      }
      whole += sum;
    }
    CHECK(whole == index.totals.of(MoneyKind::awarded).amount.value());
    CHECK(*v.footer.total->value == whole);
    REQUIRE(v.footer.cells.size() == v.statuses.size());
    const Facet& statuses = index.facet(FacetKind::status);
    for (std::size_t c = 0; c < v.footer.cells.size(); ++c) {
      const MoneyCellView& cell = v.footer.cells[c];
      CHECK(*cell.amount->value == columns[c]);
      const std::string key = cell.amount->key.substr(7, cell.amount->key.size() - 7 - 8);
      CHECK(cell.amount->key == "status/" + key + "/awarded");
      CHECK(columns[c] ==
            statuses.value_or_empty(key).totals.of(MoneyKind::awarded).amount.value());
    }
    // One label per row in the chart, as the data table has one row per year.
    CHECK(count_of(v.svg, "<text class=\"label\"") == v.rows.size());
    CHECK(v.svg.find(ctx.t("not_reported.year")) != std::string::npos);

    // A subset with no awarded grant (the explorer's filters may leave one): said in words, and
    // the year-not-reported row is still there; no figure carries a portal total's key.
    const MoneyTimeView nothing = money_time_view(ctx, {}, index, false);
    CHECK(nothing.empty);
    REQUIRE(nothing.rows.size() == 1);
    CHECK(nothing.rows[0].not_reported);
    CHECK(nothing.footer.total->key.empty());
  }
}

TEST_CASE("A grant without a year is counted in the year-not-reported row", "[map]") {
  testing::LoadedSite site;
  // Synthetic: one awarded grant of the fixture loses its dates here.
  Portal portal = site.portal;
  Grant* dateless = nullptr;
  for (Grant& g : portal.grants)
    if (is_awarded(g) && g.amount && !dateless) dateless = &g;
  REQUIRE(dateless);
  dateless->contract_date.reset();
  dateless->planned_period.reset();
  dateless->actual_period.reset();
  const PortalIndex index = build_index(portal);
  const ViewContext ctx{portal, site.strings, Lang::kk};
  std::vector<std::size_t> all(portal.grants.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  const MoneyTimeView v = money_time_view(ctx, all, index, true);
  const MoneyYearRowView& none = v.rows.back();
  CHECK(none.label == "Жылы көрсетілмеген");
  REQUIRE(none.total);
  CHECK(*none.total->value == dateless->amount->value());
  CHECK(none.total->key == "year/not--reported/awarded");
  CHECK(none.url);
}

}  // namespace ashyq::views
