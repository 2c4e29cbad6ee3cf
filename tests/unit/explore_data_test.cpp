// The explorer's data (explore/explore_data.h) against the model the static pages are made from:
// on the fixture portal (synthetic), every facet value's grants and totals read off the columns
// must be the static facet page's (PortalIndex), the portal's totals the home page's, and the
// download columns the open data's; split into chunks, the columns are the same.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "explore/explore_data.h"
#include "export/tables.h"
#include "loaded_site.h"
#include "model/enum_names.h"
#include "routes/routes.h"
#include "views/map_view.h"
#include "views/tile_map.h"
#include "views/view_context.h"

namespace ashyq::explore {
namespace {

using nlohmann::json;
using testing::LoadedSite;

// meta.json and every chunk's columns joined, as the script joins them.
struct Read {
  json meta;
  json columns = json::object();
};

Read read(const std::vector<ExploreFile>& files, Lang lang) {
  const std::string folder = routes::explore_data_folder(lang);
  REQUIRE(!files.empty());
  REQUIRE(files.front().path == folder + "meta.json");
  Read out{json::parse(files.front().bytes)};
  REQUIRE(out.meta["chunks"].size() == files.size() - 1);
  for (std::size_t i = 1; i < files.size(); ++i) {
    CHECK(files[i].path == folder + out.meta["chunks"][i - 1].get<std::string>());
    const json chunk = json::parse(files[i].bytes);
    for (const auto& [name, values] : chunk.items()) {
      if (!values.is_array()) continue;
      json& column = out.columns[name];
      if (column.is_null()) column = json::array();
      for (const json& v : values) column.push_back(v);
    }
    // A facet's cell as the list of its values: the column's, then those of "<facet>_more".
    for (FacetKind f : kAllFacets) {
      const std::string name = facet_name(f);
      json& column = out.columns[name];
      const std::size_t first = column.size() - chunk[name].size();
      for (std::size_t k = 0; k < chunk[name].size(); ++k) {
        json cell = json::array({column[first + k]});
        if (chunk.contains(name + "_more") && chunk[name + "_more"].contains(std::to_string(k)))
          for (const json& v : chunk[name + "_more"][std::to_string(k)]) cell.push_back(v);
        column[first + k] = std::move(cell);
      }
    }
  }
  return out;
}

// The totals of grants [positions] from the columns, as Totals adds them.
Totals totals_of(const json& columns, const std::vector<std::size_t>& grants) {
  Totals t;
  for (std::size_t g : grants) {
    ++t.grants;
    Sums& sums = t.by_kind[columns["kind"][g].get<int>()];
    ++sums.grants;
    if (columns["amount"][g].is_null())
      ++sums.without_amount;
    else
      sums.amount += Tenge(columns["amount"][g].get<std::int64_t>());
  }
  return t;
}

void check_same(const Totals& a, const Totals& b) {
  CHECK(a.grants == b.grants);
  for (MoneyKind kind : kAllMoneyKinds) {
    CHECK(a.of(kind).grants == b.of(kind).grants);
    CHECK(a.of(kind).without_amount == b.of(kind).without_amount);
    CHECK(a.of(kind).amount.value() == b.of(kind).amount.value());
  }
}

TEST_CASE("The explorer's facet values hold exactly their static pages' grants and totals",
          "[explore]") {
  const LoadedSite s;
  for (Lang lang : s.portal.config.languages) {
    const Read data = read(explore_files(s.portal, s.index, s.strings, lang), lang);
    const std::size_t n = s.portal.grants.size();
    REQUIRE(data.meta["grants"] == n);
    REQUIRE(data.columns["id"].size() == n);
    for (std::size_t g = 0; g < n; ++g) CHECK(data.columns["id"][g] == s.portal.grants[g].id);
    for (FacetKind kind : kAllFacets) {
      const Facet& facet = s.index.facet(kind);
      const json& values = data.meta["facets"][facet_name(kind)];
      REQUIRE(values.size() == facet.values.size());
      // Each value's grants: those whose cell names it.
      std::vector<std::vector<std::size_t>> grants(values.size());
      const json& column = data.columns[facet_name(kind)];
      REQUIRE(column.size() == n);
      for (std::size_t g = 0; g < n; ++g)
        for (std::size_t v : column[g].get<std::vector<std::size_t>>()) grants.at(v).push_back(g);
      for (std::size_t v = 0; v < values.size(); ++v) {
        const std::string key = values[v]["k"];
        const FacetValue& fv = facet.values[facet.find(key)];
        INFO(facet_name(kind) << "/" << key);
        CHECK(values[v]["u"] == routes::facet_url(lang, kind, key));
        CHECK(std::set<std::size_t>(grants[v].begin(), grants[v].end()) ==
              std::set<std::size_t>(fv.grants.begin(), fv.grants.end()));
        check_same(totals_of(data.columns, grants[v]), fv.totals);
      }
    }
  }
}

TEST_CASE("The explorer's data has no \"[[\": a grant's other regions are in region_more",
          "[explore]") {
  const LoadedSite s;
  bool more = false;
  for (const ExploreFile& file : explore_files(s.portal, s.index, s.strings, Lang::kk, {2})) {
    CHECK(file.bytes.find("[[") == std::string::npos);  // read as a missing UI string
    more = more || file.bytes.find("\"region_more\"") != std::string::npos;
  }
  CHECK(more);  // the fixture has a grant in two regions
}

// The map and the money by year are shaded and laid out by the generator's own palette, region
// order and statuses: the script reads them from meta.json instead of having its own.
TEST_CASE(
    "The explorer's map and money by year data are the static views' palette, regions and "
    "statuses",
    "[explore]") {
  const LoadedSite s;
  for (Lang lang : s.portal.config.languages) {
    const views::ViewContext ctx{s.portal, s.strings, lang};
    const json meta = read(explore_files(s.portal, s.index, s.strings, lang), lang).meta;
    const json& map = meta.at("map");
    CHECK(map.at("max_classes") == views::kMaxShadeClasses);
    CHECK(map.at("none_fill") == std::string(views::kNoShadeFill));
    REQUIRE(map.at("palettes").size() == views::kMaxShadeClasses);
    for (std::size_t count = 1; count <= views::kMaxShadeClasses; ++count) {
      const json& palette = map.at("palettes")[count - 1];
      REQUIRE(palette.at("fill").size() == count);
      for (std::size_t i = 0; i < count; ++i) {
        CHECK(palette.at("fill")[i] == std::string(views::shade_fill(i, count)));
        CHECK(palette.at("dark")[i] == views::dark_shade(i, count));
      }
    }
    // Every region once, in the static map table's order (its rows' links, in order).
    const views::MapView view =
        views::map_view(ctx, views::portal_map_data(s.index, s.portal), std::nullopt, false);
    const json& regions = map.at("regions");
    REQUIRE(regions.size() == s.portal.regions.size());
    for (std::size_t i = 0; i < regions.size(); ++i) {
      CHECK(regions[i].at("url") == view.rows.at(i).url.value());
      CHECK(regions[i].at("name") == view.rows.at(i).name);
      const Region* r = s.portal.find_region(regions[i].at("k").get<std::string>());
      REQUIRE(r);
      CHECK(regions[i].at("url") == routes::url_of(*r, lang));
    }
    std::vector<std::string> statuses, parts;
    for (const json& st : meta.at("money_time").at("statuses")) {
      statuses.push_back(st.at("k"));
      parts.push_back(st.at("part"));
    }
    CHECK(statuses == std::vector<std::string>{"in_progress", "report_overdue", "completed"});
    CHECK(parts == std::vector<std::string>{"inprogress", "reportoverdue", "completed"});
    CHECK(meta.at("money_time").at("not_reported") == kNotReportedKey);
  }
}

TEST_CASE("The explorer's columns total what the home page totals", "[explore]") {
  const LoadedSite s;
  const Read data = read(explore_files(s.portal, s.index, s.strings, Lang::ru), Lang::ru);
  const std::size_t n = s.portal.grants.size();
  std::vector<std::size_t> all(n);
  for (std::size_t g = 0; g < n; ++g) all[g] = g;
  check_same(totals_of(data.columns, all), s.index.totals);
  std::int64_t subgrants = 0, subgrant_amount = 0, beneficiaries = 0, reporting = 0;
  for (std::size_t g = 0; g < n; ++g) {
    subgrants += data.columns["subgrants"][g].get<std::int64_t>();
    subgrant_amount += data.columns["subgrant_amount"][g].get<std::int64_t>();
    if (!data.columns["beneficiaries"][g].is_null()) {
      beneficiaries += data.columns["beneficiaries"][g].get<std::int64_t>();
      ++reporting;
    }
  }
  CHECK(subgrants == s.index.subgrant_count);
  CHECK(subgrant_amount == s.index.subgrant_amount.value());
  CHECK(beneficiaries == s.index.direct_beneficiaries_actual);
  CHECK(reporting == s.index.grants_reporting_beneficiaries);
  // The ranks give the catalogue's orders.
  for (const auto& [column, order] :
       {std::pair{"date_rank", &s.index.by_date}, std::pair{"amount_rank", &s.index.by_amount},
        std::pair{"title_rank", &s.index.by_title[static_cast<int>(Lang::ru)]}})
    for (std::size_t r = 0; r < n; ++r)
      CHECK(data.columns[column][(*order)[r]].get<std::size_t>() == r);
}

TEST_CASE("The explorer's download columns are the open data's, and its URLs the routes'",
          "[explore]") {
  const LoadedSite s;
  const Read data = read(explore_files(s.portal, s.index, s.strings, Lang::kk), Lang::kk);
  for (const opendata::TableSchema* schema :
       {&opendata::grants_schema(), &opendata::organisations_schema()}) {
    const json& table = data.meta["tables"][schema->name];
    REQUIRE(table["columns"].size() == schema->columns.size());
    REQUIRE(table["types"].size() == schema->columns.size());
    for (std::size_t c = 0; c < schema->columns.size(); ++c) {
      CHECK(table["columns"][c] == schema->columns[c].id);
      CHECK(table["types"][c] == opendata::column_type_name(schema->columns[c].type));
    }
    CHECK(table["bulk"] == routes::file_url(routes::data_file_base(schema->name) + ".json"));
  }
  const Grant& first = s.portal.grants.front();
  std::string url = data.meta["grant_url"];
  url.replace(url.find("{id}"), 4, first.id);
  CHECK(url == routes::url_of(first, Lang::kk));
  // An organisation value links its profile exactly when the portal has it.
  for (const json& value : data.meta["facets"]["grantee"])
    CHECK(value.contains("o") == (s.portal.find_organisation(value["k"]) != nullptr));
  // The number formats' samples are the pages' own.
  CHECK(data.meta["money_samples"][1] == "1\u00A0234\u00A0567\u00A0₸");
}

TEST_CASE("The explorer's data split into chunks has the columns of one chunk", "[explore]") {
  const LoadedSite s;
  const auto whole = explore_files(s.portal, s.index, s.strings, Lang::kk);
  REQUIRE(whole.size() == 2);  // the fixture is far below a chunk
  const auto parts = explore_files(s.portal, s.index, s.strings, Lang::kk, {2});
  const std::size_t n = s.portal.grants.size();
  CHECK(parts.size() == 1 + (n + 1) / 2);
  const Read a = read(whole, Lang::kk);
  const Read b = read(parts, Lang::kk);
  CHECK(a.columns == b.columns);
  CHECK(json::parse(parts[1].bytes)["first"] == 0);
  CHECK(json::parse(parts[2].bytes)["first"] == 2);
}

}  // namespace
}  // namespace ashyq::explore
