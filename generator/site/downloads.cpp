#include "site/downloads.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "export/datapackage.h"
#include "export/giving360.h"
#include "export/writers.h"
#include "views/list_views.h"

namespace ashyq::site {
namespace {

using nlohmann::json;

// The folder of a page's files: its URL without the leading slash, first page of a list.
std::string page_folder(const SiteContext& site, PageKey key) {
  key.page = 1;
  return page_url(site, key).substr(1);
}

// How many omitted records the data page lists; the rest are in data/360giving-omitted.
constexpr std::size_t kOmittedShown = 100;

// `text` with its first `placeholder` replaced by `value` (UI strings such as "{total}").
std::string fill(std::string text, std::string_view placeholder, const std::string& value) {
  if (const std::size_t at = text.find(placeholder); at != std::string::npos)
    text.replace(at, placeholder.size(), value);
  return text;
}

// The sub-grants the registry counts under a region (its position in Portal::regions), in
// registry order.
std::vector<SubgrantRef> region_subgrants(const SiteContext& site, std::size_t region) {
  std::vector<SubgrantRef> refs;
  for (std::size_t i : site.index.region_subgrants[region]) refs.push_back(site.index.subgrants[i]);
  return refs;
}

// A grant's own sub-grants in record order, as the registry lists them.
std::vector<SubgrantRef> programme_subgrants(const PortalIndex& index, std::size_t grant) {
  return {index.subgrants.begin() + static_cast<std::ptrdiff_t>(index.first_subgrant[grant]),
          index.subgrants.begin() + static_cast<std::ptrdiff_t>(index.first_subgrant[grant + 1])};
}

}  // namespace

std::vector<Download> page_downloads(const SiteContext& site, const PageKey& key) {
  const Portal& portal = site.portal;
  const PortalIndex& index = site.index;
  std::vector<Download> out;
  const std::string folder = page_folder(site, key);
  auto add = [&](opendata::Table table) {
    const std::string name = table.schema->name;
    out.push_back({folder + name, std::move(table)});
  };
  switch (key.kind) {
    case PageKind::grant: {
      const std::vector<std::size_t> one = {key.a};
      add(opendata::grants_table(portal, one));
      const auto subgrants = programme_subgrants(index, key.a);
      for (opendata::Table table :
           {opendata::budget_lines_table(portal, one), opendata::indicators_table(portal, one),
            opendata::subgrants_table(portal, subgrants), opendata::media_table(portal, one)})
        if (!table.rows.empty()) add(std::move(table));
      break;
    }
    case PageKind::facet_value:
      add(opendata::grants_table(portal, index.facets[key.a].values[key.b].grants));
      break;
    case PageKind::subgrants:
      add(opendata::subgrants_table(portal, index.subgrants));
      break;
    case PageKind::subgrants_region:
      add(opendata::subgrants_table(portal, region_subgrants(site, key.a)));
      break;
    case PageKind::subgrants_programme:
      add(opendata::subgrants_table(portal, programme_subgrants(index, key.a)));
      break;
    case PageKind::organisations: {
      std::vector<std::size_t> all(portal.organisations.size());
      for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
      add(opendata::organisations_table(portal, index, all));
      break;
    }
    case PageKind::organisation: {
      // The profile, and every grant the page lists under any role, once, in the page's order.
      add(opendata::organisations_table(portal, index, {key.a}));
      std::vector<std::size_t> grants;
      std::unordered_set<std::size_t> listed;
      for (const auto& role : index.organisation_grants[key.a])
        for (std::size_t g : role)
          if (listed.insert(g).second) grants.push_back(g);
      add(opendata::grants_table(portal, grants));
      break;
    }
    case PageKind::region: {
      const std::string& region = portal.regions[key.a].id;
      std::vector<std::size_t> grants;
      for (const FacetValue& v : index.facet(FacetKind::region).values)
        if (v.key == region) grants = v.grants;
      add(opendata::grants_table(portal, grants));
      add(opendata::subgrants_table(portal, region_subgrants(site, key.a)));
      break;
    }
    case PageKind::plan:
      add(opendata::plan_topics_table(portal, {key.a}));
      break;
    default:
      break;
  }
  return out;
}

std::vector<Download> bulk_downloads(const SiteContext& site) {
  std::vector<Download> out;
  for (opendata::Table& table : opendata::bulk_tables(site.portal, site.index)) {
    const std::string name = table.schema->name;
    out.push_back({"data/" + name, std::move(table)});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> download_files(
    const std::vector<Download>& downloads) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const Download& d : downloads) {
    files.emplace_back(d.base + ".csv", opendata::write_csv(d.table));
    files.emplace_back(d.base + ".json", opendata::write_json(d.table));
  }
  return files;
}

std::vector<std::pair<std::string, std::string>> page_download_files_all_languages(
    const SiteContext& site, const PageKey& key) {
  auto files = download_files(page_downloads(site, key));
  const std::size_t made = files.size();
  const std::string folder = page_folder(site, key);
  for (Lang lang : site.portal.config.languages) {
    if (lang == key.lang) continue;
    PageKey other = key;
    other.lang = lang;
    const std::string other_folder = page_folder(site, other);
    for (std::size_t i = 0; i < made; ++i)
      files.emplace_back(other_folder + files[i].first.substr(folder.size()), files[i].second);
  }
  return files;
}

std::vector<BulkTable> bulk_tables(const SiteContext& site, std::size_t chunk_size) {
  const Portal& portal = site.portal;
  const PortalIndex& index = site.index;
  // Indices [chunk * chunk_size, …) of `n` records.
  auto range = [chunk_size](std::size_t n, std::size_t chunk) {
    std::vector<std::size_t> v;
    for (std::size_t i = chunk * chunk_size; i < std::min(n, (chunk + 1) * chunk_size); ++i)
      v.push_back(i);
    return v;
  };
  auto chunks = [chunk_size](std::size_t n) { return (n + chunk_size - 1) / chunk_size; };
  const std::size_t grants = portal.grants.size();
  auto per_grants = [&](const opendata::TableSchema& schema,
                        opendata::Table (*make)(const Portal&, const std::vector<std::size_t>&)) {
    return BulkTable{&schema, chunks(grants), [&portal, make, range, grants](std::size_t c) {
                       return make(portal, range(grants, c));
                     }};
  };
  std::vector<BulkTable> out;
  out.push_back(per_grants(opendata::grants_schema(), opendata::grants_table));
  out.push_back({&opendata::subgrants_schema(), chunks(index.subgrants.size()),
                 [&portal, &index, range](std::size_t c) {
                   std::vector<SubgrantRef> refs;
                   for (std::size_t i : range(index.subgrants.size(), c))
                     refs.push_back(index.subgrants[i]);
                   return opendata::subgrants_table(portal, refs);
                 }});
  out.push_back(per_grants(opendata::budget_lines_schema(), opendata::budget_lines_table));
  out.push_back(per_grants(opendata::indicators_schema(), opendata::indicators_table));
  out.push_back(per_grants(opendata::media_schema(), opendata::media_table));
  out.push_back({&opendata::organisations_schema(), chunks(portal.organisations.size()),
                 [&portal, &index, range](std::size_t c) {
                   return opendata::organisations_table(portal, index,
                                                        range(portal.organisations.size(), c));
                 }});
  out.push_back({&opendata::plan_topics_schema(), chunks(portal.plans.size()),
                 [&portal, range](std::size_t c) {
                   return opendata::plan_topics_table(portal, range(portal.plans.size(), c));
                 }});
  out.push_back(
      per_grants(opendata::giving360_omitted_schema(), opendata::giving360_omitted_table));
  return out;
}

std::vector<opendata::TableSize> bulk_table_sizes(const SiteContext& site) {
  std::vector<opendata::TableSize> out;
  for (const BulkTable& table : bulk_tables(site)) {
    std::size_t rows = 0;
    for (std::size_t c = 0; c < table.chunks; ++c) rows += table.rows(c).rows.size();
    out.push_back({table.schema, rows});
  }
  return out;
}

std::size_t write_bulk_table(output::OutputWriter& writer, const std::string& base,
                             const BulkTable& table) {
  const opendata::Table empty{table.schema, {}};
  // write_csv() of a chunk is the header, then its rows; every chunk but the first loses the
  // header.
  const std::string header = opendata::write_csv(empty);
  std::size_t rows = 0;
  writer.write_streamed(base + ".csv", [&](const output::OutputWriter::Append& append) {
    append(header);
    for (std::size_t c = 0; c < table.chunks; ++c) {
      const opendata::Table chunk = table.rows(c);
      rows += chunk.rows.size();
      if (chunk.rows.empty()) continue;
      append(std::string_view(opendata::write_csv(chunk)).substr(header.size()));
    }
  });
  // write_json() of a chunk is {"<name>": [ the rows ]} indented by one space: the rows sit
  // between the opening "[\n" and the closing "\n ]\n}\n", and chunks join with ",\n".
  const std::string no_rows = opendata::write_json(empty);  // {\n "<name>": []\n}\n
  const std::string open = no_rows.substr(0, no_rows.rfind("[]") + 1) + "\n";
  const std::string close = "\n ]\n}\n";
  writer.write_streamed(base + ".json", [&](const output::OutputWriter::Append& append) {
    bool first = true;
    for (std::size_t c = 0; c < table.chunks; ++c) {
      const opendata::Table chunk = table.rows(c);
      if (chunk.rows.empty()) continue;
      const std::string text = opendata::write_json(chunk);
      append(first ? open : ",\n");
      append(std::string_view(text).substr(open.size(), text.size() - open.size() - close.size()));
      first = false;
    }
    append(first ? no_rows : close);
  });
  return rows;
}

void write_portal_data_files(const SiteContext& site, output::OutputWriter& writer) {
  std::vector<opendata::TableSize> sizes;
  for (const BulkTable& table : bulk_tables(site))
    sizes.push_back({table.schema, write_bulk_table(writer, "data/" + table.schema->name, table)});
  writer.write("data/datapackage.json", opendata::datapackage(site.portal, sizes).dump(1) + "\n");
  if (!opendata::giving360_summary(site.portal).empty())
    writer.write_streamed("data/360giving.json", [&](const output::OutputWriter::Append& append) {
      opendata::write_giving360(site.portal, site.strings, append);
    });
}

json downloads_view(const views::ViewContext& ctx, const std::vector<Download>& files) {
  std::vector<std::pair<std::string, opendata::TableSize>> sizes;
  for (const Download& d : files) sizes.push_back({d.base, {d.table.schema, d.table.rows.size()}});
  return downloads_view(ctx, sizes);
}

json downloads_view(const views::ViewContext& ctx,
                    const std::vector<std::pair<std::string, opendata::TableSize>>& files) {
  json out = json::array();
  for (const auto& [base, size] : files)
    out.push_back({{"label", ctx.plain(size.schema->title)},
                   {"csv_url", "/" + base + ".csv"},
                   {"json_url", "/" + base + ".json"},
                   {"rows", ctx.t("download.rows") + " " +
                                ctx.integer(static_cast<std::int64_t>(size.rows))}});
  return out;
}

json page_downloads_view(const SiteContext& site, const views::ViewContext& ctx,
                         const PageKey& key) {
  json out = json::array();
  auto add = [&](const opendata::TableSchema& schema, std::size_t rows) {
    const std::string base = "/" + page_folder(site, key) + schema.name;
    out.push_back(
        {{"label", ctx.plain(schema.title)},
         {"csv_url", base + ".csv"},
         {"json_url", base + ".json"},
         {"rows", ctx.t("download.rows") + " " + ctx.integer(static_cast<std::int64_t>(rows))}});
  };
  switch (key.kind) {
    case PageKind::grant: {
      // As page_downloads: the grant's row, then each table it has rows in.
      const Grant& g = site.portal.grants[key.a];
      std::size_t indicators = 0;
      for (const Task& task : g.tasks) indicators += task.indicators.size();
      add(opendata::grants_schema(), 1);
      if (!g.budget.lines.empty()) add(opendata::budget_lines_schema(), g.budget.lines.size());
      if (indicators > 0) add(opendata::indicators_schema(), indicators);
      if (!g.subgrants.awarded.empty())
        add(opendata::subgrants_schema(), g.subgrants.awarded.size());
      if (!g.media.empty()) add(opendata::media_schema(), g.media.size());
      return out;
    }
    case PageKind::facet_value:
      add(opendata::grants_schema(), site.index.facets[key.a].values[key.b].grants.size());
      return out;
    case PageKind::subgrants:
      add(opendata::subgrants_schema(), site.index.subgrants.size());
      return out;
    default:
      return downloads_view(ctx, page_downloads(site, key));
  }
}

json data_dictionary_view(const SiteContext& site, const views::ViewContext& ctx) {
  const Portal& portal = site.portal;
  json v;
  v["title"] = ctx.t("data.title");
  std::vector<std::pair<std::string, opendata::TableSize>> bulk;
  for (const opendata::TableSize& size : bulk_table_sizes(site))
    bulk.push_back({"data/" + size.schema->name, size});
  v["bulk"] = downloads_view(ctx, bulk);
  v["datapackage_url"] = "/data/datapackage.json";

  // The 360Giving export: what it holds, and what it leaves out. The records left out run to
  // hundreds of thousands at national scale (84 000 for 10 000 synthetic grants), so the page
  // gives their counts per reason and the first kOmittedShown of them, and links the file of
  // them all; the view stays the same size whatever the portal's.
  const opendata::Giving360Summary giving = opendata::giving360_summary(portal);
  json reasons = json::array();
  opendata::OmissionCount all;
  for (opendata::OmissionReason reason : opendata::kOmissionReasons) {
    const opendata::OmissionCount& count = giving.omitted_for(reason);
    if (count.grants == 0 && count.subgrants == 0) continue;
    all.grants += count.grants;
    all.subgrants += count.subgrants;
    reasons.push_back(
        {{"reason", ctx.t(std::string("export.omitted.") + opendata::omission_key(reason))},
         {"grants", ctx.integer(count.grants)},
         {"subgrants", ctx.integer(count.subgrants)}});
  }
  std::vector<opendata::OmittedRecord> first;
  for (std::size_t gi = 0; gi < portal.grants.size() && first.size() < kOmittedShown; ++gi)
    opendata::giving360_omitted(portal, gi, first);
  if (first.size() > kOmittedShown) first.resize(kOmittedShown);
  json omitted = json::array();
  for (const opendata::OmittedRecord& o : first) {
    const Grant& g = portal.grants[o.grant];
    omitted.push_back(
        {{"grant", ctx.text(g.title)},
         {"url", ctx.path("grants/" + g.id + "/")},
         {"subgrant", o.subgrant ? json(g.subgrants.awarded[*o.subgrant].id) : json(nullptr)},
         {"reason", ctx.t(std::string("export.omitted.") + opendata::omission_key(o.reason))}});
  }
  const std::int64_t total = all.grants + all.subgrants;
  const std::int64_t shown = static_cast<std::int64_t>(first.size());
  json more = nullptr;  // null, not absent: Mustache would look for it in the enclosing view
  if (total > shown)
    more = fill(fill(ctx.t("data.omitted_more"), "{shown}", ctx.integer(shown)), "{total}",
                ctx.integer(total));
  const std::string omitted_base = "/data/" + opendata::giving360_omitted_schema().name;
  v["giving360"] = {
      {"url", !giving.empty() ? json("/data/360giving.json") : json(nullptr)},
      {"grants", ctx.integer(giving.grants)},
      {"subgrants", ctx.integer(giving.subgrants)},
      {"omitted_reasons", reasons},
      // A total row only under two reasons or more, where it adds something.
      {"omitted_total", reasons.size() > 1 ? json{{"grants", ctx.integer(all.grants)},
                                                  {"subgrants", ctx.integer(all.subgrants)}}
                                           : json(nullptr)},
      {"omitted_file",
       {{"csv_url", omitted_base + ".csv"},
        {"json_url", omitted_base + ".json"},
        {"rows", ctx.t("download.rows") + " " + ctx.integer(total)}}},
      {"omitted_more", more},
      {"omitted", omitted}};

  json tables = json::array();
  for (const opendata::TableSchema* schema : opendata::all_schemas()) {
    json columns = json::array();
    for (const opendata::Column& c : schema->columns)
      columns.push_back({{"id", c.id},
                         {"type", opendata::column_type_name(c.type)},
                         {"description", ctx.plain(c.description)}});
    tables.push_back({{"name", schema->name},
                      {"title", ctx.plain(schema->title)},
                      {"description", ctx.plain(schema->description)},
                      {"csv_url", "/data/" + schema->name + ".csv"},
                      {"columns", columns}});
  }
  v["tables"] = tables;
  return v;
}

}  // namespace ashyq::site
