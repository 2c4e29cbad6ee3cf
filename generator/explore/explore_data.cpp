#include "explore/explore_data.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "export/tables.h"
#include "i18n/format.h"
#include "model/enum_names.h"
#include "routes/routes.h"
#include "views/list_views.h"
#include "views/parts.h"
#include "views/tile_map.h"
#include "views/view_context.h"

namespace ashyq::explore {
namespace {

using nlohmann::json;

// A placeholder the script replaces with a record's id in the URL patterns: not a valid id.
constexpr const char* kIdSlot = "{id}";

// A download table as the script writes its CSV: its columns' ids and types, in order, and its
// bulk JSON file, whose rows it copies.
json table_json(const opendata::TableSchema& schema) {
  json ids = json::array(), types = json::array();
  for (const opendata::Column& c : schema.columns) {
    ids.push_back(c.id);
    types.push_back(opendata::column_type_name(c.type));
  }
  return {{"columns", std::move(ids)},
          {"types", std::move(types)},
          {"bulk", routes::file_url(routes::data_file_base(schema.name) + ".json")}};
}

// Each grant's rank in an order of the index (by_date, by_amount, by_title).
std::vector<std::size_t> ranks(const std::vector<std::size_t>& order, std::size_t n) {
  std::vector<std::size_t> out(n);
  for (std::size_t r = 0; r < order.size(); ++r) out[order[r]] = r;
  return out;
}

// What the script needs to shade the explorer's tile map as views::map_view shades the static one
// (the tiles themselves are the page's server-made SVG): for each number of classes, each class's
// fill and whether its text is white (views/tile_map.h's palette and spread), the fill of a tile
// without a class, the most classes the bounds rule makes, and the regions in the map table's order
// (alphabetical by name) with their names and pages. The bounds rule itself is
// explore_engine.js's shadeClasses, the same rule as views::shade_classes (both tested against
// tests/data/shade_classes.json).
json map_json(const views::ViewContext& ctx) {
  // One object per number of classes (not a list of lists: no data file has "[[", which the tests
  // read as a missing UI string).
  json palettes = json::array();
  for (std::size_t count = 1; count <= views::kMaxShadeClasses; ++count) {
    json fill = json::array(), dark = json::array();
    for (std::size_t i = 0; i < count; ++i) {
      fill.push_back(std::string(views::shade_fill(i, count)));
      dark.push_back(views::dark_shade(i, count));
    }
    palettes.push_back({{"fill", std::move(fill)}, {"dark", std::move(dark)}});
  }
  std::vector<std::string> names;
  for (const Region& r : ctx.portal.regions) names.push_back(ctx.plain(r.name));
  json regions = json::array();
  for (std::size_t i : views::order_by_label(ctx, names)) {
    const Region& r = ctx.portal.regions[i];
    regions.push_back({{"k", r.id}, {"name", names[i]}, {"url", routes::url_of(r, ctx.lang)}});
  }
  return {{"max_classes", views::kMaxShadeClasses},
          {"palettes", std::move(palettes)},
          {"none_fill", std::string(views::kNoShadeFill)},
          {"regions", std::move(regions)}};
}

// What the script needs for the money by year and status as views::money_time_view makes it: the
// statuses of awarded money in life order, with their columns' data-part names, and the year
// facet's key of the grants with no year.
json money_time_json() {
  json statuses = json::array();
  for (std::string_view key : views::awarded_statuses())
    statuses.push_back({{"k", std::string(key)}, {"part", views::status_part_name(key)}});
  return {{"statuses", std::move(statuses)}, {"not_reported", kNotReportedKey}};
}

}  // namespace

std::vector<ExploreFile> explore_files(const Portal& portal, const PortalIndex& index,
                                       const i18n::UiStrings& strings, Lang lang,
                                       const ExploreLayout& layout) {
  const views::ViewContext ctx{portal, strings, lang};
  const std::size_t n = portal.grants.size();
  const std::string folder = routes::explore_data_folder(lang);

  // Each facet's values in the sidebar's order; per grant, the positions of its values in that
  // order (a grant may be in several regions: then a list).
  json facets = json::object();
  std::array<std::vector<std::vector<std::size_t>>, kAllFacets.size()> of_grant;
  for (FacetKind kind : kAllFacets) {
    const Facet& facet = index.facet(kind);
    auto& values_of = of_grant[static_cast<std::size_t>(kind)];
    values_of.assign(n, {});
    json values = json::array();
    const bool organisation = kind == FacetKind::grantee || kind == FacetKind::operator_;
    for (std::size_t i : views::facet_order(ctx, facet)) {
      const FacetValue& v = facet.values[i];
      json value = {{"k", v.key},
                    {"l", views::facet_value_label(ctx, kind, v.key)},
                    {"u", routes::facet_url(lang, kind, v.key)}};
      // An organisation with a profile: its page, where the table of organisations links.
      if (organisation && portal.find_organisation(v.key))
        value["o"] = routes::organisation_url(v.key, lang);
      for (std::size_t g : v.grants) values_of[g].push_back(values.size());
      values.push_back(std::move(value));
    }
    facets[facet_name(kind)] = std::move(values);
  }

  const std::vector<std::size_t> date_rank = ranks(index.by_date, n);
  const std::vector<std::size_t> amount_rank = ranks(index.by_amount, n);
  const std::vector<std::size_t> title_rank = ranks(index.by_title[static_cast<int>(lang)], n);

  std::vector<ExploreFile> files;
  json chunk_names = json::array();
  const std::size_t per_chunk = std::max<std::size_t>(layout.grants_per_chunk, 1);
  for (std::size_t begin = 0; begin < n || (n == 0 && begin == 0); begin += per_chunk) {
    const std::size_t end = std::min(n, begin + per_chunk);
    json c = {{"first", begin}};
    json id = json::array(), title = json::array(), kind = json::array(), amount = json::array(),
         subgrants = json::array(), subgrant_amount = json::array(), beneficiaries = json::array(),
         date = json::array(), by_amount = json::array(), by_title = json::array();
    std::array<json, kAllFacets.size()> facet_columns, more_columns;
    for (json& column : facet_columns) column = json::array();
    for (json& more : more_columns) more = json::object();
    for (std::size_t g = begin; g < end; ++g) {
      const Grant& grant = portal.grants[g];
      id.push_back(grant.id);
      title.push_back(ctx.plain(grant.title));
      kind.push_back(static_cast<int>(money_kind(grant)));
      amount.push_back(grant.amount ? json(grant.amount->value()) : json(nullptr));
      // The sub-grants the registry counts for this grant, and their sum.
      std::int64_t sub_sum = 0;
      for (const Subgrant& s : grant.subgrants.awarded) sub_sum += s.amount.value();
      subgrants.push_back(grant.subgrants.awarded.size());
      subgrant_amount.push_back(sub_sum);
      // Direct beneficiaries as the home page sums them: reported actuals of completed grants.
      const auto& actual = grant.impact.direct_beneficiaries.actual;
      beneficiaries.push_back(grant.status == GrantStatus::completed && actual ? json(*actual)
                                                                               : json(nullptr));
      date.push_back(date_rank[g]);
      by_amount.push_back(amount_rank[g]);
      by_title.push_back(title_rank[g]);
      // A grant's first value of each facet in the column; the values after it, when it has
      // several (regions), under its offset in the chunk in "<facet>_more".
      for (FacetKind f : kAllFacets) {
        const auto& values = of_grant[static_cast<std::size_t>(f)][g];
        facet_columns[static_cast<std::size_t>(f)].push_back(values.front());
        if (values.size() > 1)
          more_columns[static_cast<std::size_t>(f)][std::to_string(g - begin)] =
              std::vector<std::size_t>(values.begin() + 1, values.end());
      }
    }
    c["id"] = std::move(id);
    c["title"] = std::move(title);
    c["kind"] = std::move(kind);
    c["amount"] = std::move(amount);
    c["subgrants"] = std::move(subgrants);
    c["subgrant_amount"] = std::move(subgrant_amount);
    c["beneficiaries"] = std::move(beneficiaries);
    c["date_rank"] = std::move(date);
    c["amount_rank"] = std::move(by_amount);
    c["title_rank"] = std::move(by_title);
    for (FacetKind f : kAllFacets) {
      c[facet_name(f)] = std::move(facet_columns[static_cast<std::size_t>(f)]);
      json& more = more_columns[static_cast<std::size_t>(f)];
      if (!more.empty()) c[std::string(facet_name(f)) + "_more"] = std::move(more);
    }
    const std::string name = "grants-" + std::to_string(begin / per_chunk) + ".json";
    chunk_names.push_back(name);
    files.push_back({folder + name, c.dump()});
    if (n == 0) break;
  }

  json meta = {
      {"version", 1},
      {"lang", std::string(lang_code(lang))},
      {"grants", n},
      {"chunks", std::move(chunk_names)},
      {"facets", std::move(facets)},
      // money_kind order: the "kind" column's numbers.
      {"kinds",
       json::array({money_kind_name(MoneyKind::awarded), money_kind_name(MoneyKind::applied),
                    money_kind_name(MoneyKind::planned)})},
      {"grant_url", routes::grant_url(kIdSlot, lang)},
      {"organisation_url", routes::organisation_url(kIdSlot, lang)},
      // The script formats figures as the pages do: from samples of each format (4 digits, 7) it
      // reads the grouping and the currency's place.
      {"money_samples",
       {i18n::format_money(Tenge(1234), lang), i18n::format_money(Tenge(1234567), lang)}},
      {"integer_samples", {i18n::format_integer(1234, lang), i18n::format_integer(1234567, lang)}},
      {"tables",
       {{"grants", table_json(opendata::grants_schema())},
        {"organisations", table_json(opendata::organisations_schema())}}},
      {"map", map_json(ctx)},
      {"money_time", money_time_json()},
  };
  files.insert(files.begin(), {folder + "meta.json", meta.dump()});
  return files;
}

}  // namespace ashyq::explore
