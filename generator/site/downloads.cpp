#include "site/downloads.h"

#include <stdlib.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <variant>

#include "core/content_hash.h"
#include "export/datapackage.h"
#include "export/giving360.h"
#include "export/writers.h"
#include "export/xlsx_writer.h"
#include "routes/routes.h"
#include "views/list_views.h"

namespace ashyq::site {
namespace {

// The folder of a page's files: its URL without the leading slash, first page of a list.
std::string page_folder(const SiteContext& site, const PageKey& key) {
  return routes::download_base(site.portal, site.index, key, "");
}

// How many omitted records the data page lists; the rest are in data/360giving-omitted.
constexpr std::size_t kOmittedShown = 100;

// `text` with its first `placeholder` replaced by `value` (UI strings such as "{total}").
std::string fill(std::string text, std::string_view placeholder, const std::string& value) {
  if (const std::size_t at = text.find(placeholder); at != std::string::npos)
    text.replace(at, placeholder.size(), value);
  return text;
}

// A table over the `n` records of a list, `chunk_size` records a chunk: `make(begin, end)` makes
// the rows of the records at positions [begin, end) of the list.
BulkTable chunked(const opendata::TableSchema& schema, std::size_t n, std::size_t chunk_size,
                  std::function<opendata::Table(std::size_t begin, std::size_t end)> make) {
  chunk_size = std::max<std::size_t>(chunk_size, 1);
  const std::size_t chunks = n == 0 ? 0 : (n - 1) / chunk_size + 1;  // no overflow at SIZE_MAX
  return {&schema, chunks, [n, chunk_size, make = std::move(make)](std::size_t chunk) {
            const std::size_t begin = chunk * chunk_size;
            return make(begin, begin + std::min(chunk_size, n - begin));
          }};
}

// Positions [begin, end) of a list, copied: the record ids of one chunk.
template <typename T>
std::vector<T> slice(const T* list, std::size_t begin, std::size_t end) {
  return {list + begin, list + end};
}

// Whether grant `g` names the organisation `id` in role `role` (kOrganisationRoles order), as
// build_index() files it under PortalIndex::organisation_grants: grantee, operator, a partner.
bool has_role(const Grant& g, std::size_t role, const std::string& id) {
  switch (role) {
    case 0:
      return g.grantee_id == id;
    case 1:
      return g.operator_id == id;
    default:
      return std::any_of(g.partners.begin(), g.partners.end(),
                         [&](const Partner& p) { return p.organisation == id; });
  }
}

// The grants an organisation page lists under any role, each once, in the page's order: a role's
// grants less those listed under an earlier role. A grant is in a role's list once at most
// (build_index), and it is in an earlier role's list exactly when it names the organisation in
// that role, so each is checked against the grant itself: no set of the grants listed so far is
// kept (for the operator of every grant, that set was the whole portal).
struct OrganisationGrants {
  const Portal* portal;
  const std::array<std::vector<std::size_t>, 3>* roles;
  const std::string* id;

  std::size_t size() const {  // positions, listed or not: the three lists one after another
    return (*roles)[0].size() + (*roles)[1].size() + (*roles)[2].size();
  }
  // Calls `f` with each grant listed at positions [begin, end).
  template <typename F>
  void for_each_listed(std::size_t begin, std::size_t end, F f) const {
    std::size_t first = 0;  // position of the current role's first grant
    for (std::size_t role = 0; role < roles->size(); ++role) {
      const std::vector<std::size_t>& grants = (*roles)[role];
      for (std::size_t i = std::max(begin, first); i < std::min(end, first + grants.size()); ++i) {
        const std::size_t g = grants[i - first];
        bool earlier = false;
        for (std::size_t r = 0; r < role && !earlier; ++r)
          earlier = has_role(portal->grants[g], r, *id);
        if (!earlier) f(g);
      }
      first += grants.size();
    }
  }
  std::vector<std::size_t> listed(std::size_t begin, std::size_t end) const {
    std::vector<std::size_t> out;
    for_each_listed(begin, end, [&](std::size_t g) { out.push_back(g); });
    return out;
  }
  std::size_t count() const {
    std::size_t n = 0;
    for_each_listed(0, size(), [&](std::size_t) { ++n; });
    return n;
  }
};

}  // namespace

std::vector<PageDownload> page_download_tables(const SiteContext& site, const PageKey& key,
                                               std::size_t chunk_size) {
  std::vector<PageDownload> out;
  if (routes::info(key.kind()).downloads.empty()) return out;  // the kind lists no records
  const Portal& portal = site.portal;
  const PortalIndex& index = site.index;
  const std::string folder = page_folder(site, key);
  auto add = [&](BulkTable table, std::size_t rows) {
    const std::string name = table.schema->name;
    out.push_back({folder + name, std::move(table), rows});
  };
  // Tables of a list of records the index already holds (grant positions, sub-grants), read in
  // place a chunk at a time; one row per record.
  auto grants = [&](const std::vector<std::size_t>& list) {
    add(chunked(opendata::grants_schema(), list.size(), chunk_size,
                [&portal, list = list.data()](std::size_t begin, std::size_t end) {
                  return opendata::grants_table(portal, slice(list, begin, end));
                }),
        list.size());
  };
  auto subgrants = [&](const SubgrantRef* list, std::size_t n) {
    add(chunked(opendata::subgrants_schema(), n, chunk_size,
                [&portal, list](std::size_t begin, std::size_t end) {
                  return opendata::subgrants_table(portal, slice(list, begin, end));
                }),
        n);
  };
  // The sub-grants the registry counts under a region (its position in Portal::regions), in
  // registry order: positions in index.subgrants.
  auto region_subgrants = [&](std::size_t region) {
    const std::vector<std::size_t>& positions = index.region_subgrants[region];
    add(chunked(opendata::subgrants_schema(), positions.size(), chunk_size,
                [&portal, &index, &positions](std::size_t begin, std::size_t end) {
                  std::vector<SubgrantRef> refs;
                  for (std::size_t i = begin; i < end; ++i)
                    refs.push_back(index.subgrants[positions[i]]);
                  return opendata::subgrants_table(portal, refs);
                }),
        positions.size());
  };
  // A grant's own sub-grants in record order, as the registry lists them.
  auto programme_subgrants = [&](std::size_t grant) {
    const std::size_t first = index.first_subgrant[grant];
    subgrants(index.subgrants.data() + first, index.first_subgrant[grant + 1] - first);
  };
  // A table of one record (a grant's budget lines, a plan's topics): one chunk, its rows bounded
  // by the record, not by the portal.
  auto one = [&](const opendata::TableSchema& schema, std::size_t rows,
                 std::function<opendata::Table()> make) {
    add(chunked(schema, 1, chunk_size,
                [make = std::move(make)](std::size_t, std::size_t) { return make(); }),
        rows);
  };
  // What each kind of page lists, by the type of its key; other pages have no files.
  if (const auto* k = std::get_if<routes::GrantKey>(&key.target)) {
    // The grant's row, then each table it has rows in; the counts are the tables' row counts:
    // one per budget line, indicator of a task, sub-grant and media link.
    const std::size_t a = k->grant;
    const Grant& g = portal.grants[a];
    one(opendata::grants_schema(), 1, [&portal, a] { return opendata::grants_table(portal, {a}); });
    if (!g.budget.lines.empty())
      one(opendata::budget_lines_schema(), g.budget.lines.size(),
          [&portal, a] { return opendata::budget_lines_table(portal, {a}); });
    std::size_t indicators = 0;
    for (const Task& task : g.tasks) indicators += task.indicators.size();
    if (indicators > 0)
      one(opendata::indicators_schema(), indicators,
          [&portal, a] { return opendata::indicators_table(portal, {a}); });
    if (index.first_subgrant[a + 1] > index.first_subgrant[a]) programme_subgrants(a);
    if (!g.media.empty())
      one(opendata::media_schema(), g.media.size(),
          [&portal, a] { return opendata::media_table(portal, {a}); });
  } else if (const auto* k = std::get_if<routes::FacetValueKey>(&key.target)) {
    grants(index.facet(k->facet).values[k->value].grants);
  } else if (std::holds_alternative<routes::SubgrantsKey>(key.target)) {
    subgrants(index.subgrants.data(), index.subgrants.size());
  } else if (const auto* k = std::get_if<routes::SubgrantsRegionKey>(&key.target)) {
    region_subgrants(k->region);
  } else if (const auto* k = std::get_if<routes::SubgrantsProgrammeKey>(&key.target)) {
    programme_subgrants(k->grant);
  } else if (std::holds_alternative<routes::OrganisationsKey>(key.target)) {
    const std::size_t n = portal.organisations.size();
    add(chunked(opendata::organisations_schema(), n, chunk_size,
                [&portal, &index](std::size_t begin, std::size_t end) {
                  std::vector<std::size_t> organisations;
                  for (std::size_t i = begin; i < end; ++i) organisations.push_back(i);
                  return opendata::organisations_table(portal, index, organisations);
                }),
        n);
  } else if (const auto* k = std::get_if<routes::OrganisationKey>(&key.target)) {
    // The profile, and every grant the page lists under any role, once, in the page's order.
    const std::size_t a = k->organisation;
    one(opendata::organisations_schema(), 1,
        [&portal, &index, a] { return opendata::organisations_table(portal, index, {a}); });
    const OrganisationGrants listed{&portal, &index.organisation_grants[a],
                                    &portal.organisations[a].id};
    add(chunked(opendata::grants_schema(), listed.size(), chunk_size,
                [&portal, listed](std::size_t begin, std::size_t end) {
                  return opendata::grants_table(portal, listed.listed(begin, end));
                }),
        listed.count());
  } else if (const auto* k = std::get_if<routes::RegionKey>(&key.target)) {
    grants(index.facet(FacetKind::region).value_or_empty(portal.regions[k->region].id).grants);
    region_subgrants(k->region);
  } else if (const auto* k = std::get_if<routes::PlanKey>(&key.target)) {
    const std::size_t a = k->plan;
    std::size_t topics = 0;
    for (const PlanDirection& direction : portal.plans[a].directions)
      topics += direction.topics.size();
    one(opendata::plan_topics_schema(), topics,
        [&portal, a] { return opendata::plan_topics_table(portal, {a}); });
  }
  return out;
}

std::vector<Download> page_downloads(const SiteContext& site, const PageKey& key) {
  std::vector<Download> out;
  for (const PageDownload& d :
       page_download_tables(site, key, std::numeric_limits<std::size_t>::max())) {
    // One chunk at most: the table of the whole list, made at once.
    opendata::Table table{d.table.schema, {}};
    for (std::size_t c = 0; c < d.table.chunks; ++c) {
      opendata::Table chunk = d.table.rows(c);
      for (auto& row : chunk.rows) table.rows.push_back(std::move(row));
    }
    out.push_back({d.base, std::move(table)});
  }
  return out;
}

std::vector<Download> bulk_downloads(const SiteContext& site) {
  std::vector<Download> out;
  for (opendata::Table& table : opendata::bulk_tables(site.portal, site.index)) {
    const std::string name = table.schema->name;
    out.push_back({routes::data_file_base(name), std::move(table)});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> download_files(
    const std::vector<Download>& downloads, opendata::CsvFlavour flavour) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const Download& d : downloads) {
    files.emplace_back(d.base + ".csv", opendata::write_csv(d.table, flavour));
    files.emplace_back(d.base + ".json", opendata::write_json(d.table));
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
                        opendata::Table (*make)(const Portal&, const std::vector<std::size_t>&),
                        std::size_t rows) {
    return BulkTable{
        &schema, chunks(grants),
        [&portal, make, range, grants](std::size_t c) { return make(portal, range(grants, c)); },
        rows};
  };
  // Each table has a row per record: a grant, a sub-grant, a programme, a budget line, an
  // indicator, a media link, an organisation, a plan's topic, a record left out of 360Giving.
  std::size_t budget_lines = 0, indicators = 0, media = 0, topics = 0;
  for (const Grant& g : portal.grants) {
    budget_lines += g.budget.lines.size();
    for (const Task& task : g.tasks) indicators += task.indicators.size();
    media += g.media.size();
  }
  for (const Plan& plan : portal.plans)
    for (const PlanDirection& direction : plan.directions) topics += direction.topics.size();
  const auto omitted =
      static_cast<std::size_t>(opendata::giving360_summary(portal).omitted_records());

  std::vector<BulkTable> out;
  out.push_back(per_grants(opendata::grants_schema(), opendata::grants_table, grants));
  out.push_back({&opendata::subgrants_schema(), chunks(index.subgrants.size()),
                 [&portal, &index, range](std::size_t c) {
                   std::vector<SubgrantRef> refs;
                   for (std::size_t i : range(index.subgrants.size(), c))
                     refs.push_back(index.subgrants[i]);
                   return opendata::subgrants_table(portal, refs);
                 },
                 index.subgrants.size()});
  out.push_back({&opendata::programmes_schema(), chunks(index.programmes.size()),
                 [&portal, &index, range](std::size_t c) {
                   std::vector<std::size_t> grants;
                   for (std::size_t i : range(index.programmes.size(), c))
                     grants.push_back(index.programmes[i]);
                   return opendata::programmes_table(portal, grants);
                 },
                 index.programmes.size()});
  out.push_back(
      per_grants(opendata::budget_lines_schema(), opendata::budget_lines_table, budget_lines));
  out.push_back(per_grants(opendata::indicators_schema(), opendata::indicators_table, indicators));
  out.push_back(per_grants(opendata::media_schema(), opendata::media_table, media));
  out.push_back({&opendata::organisations_schema(), chunks(portal.organisations.size()),
                 [&portal, &index, range](std::size_t c) {
                   return opendata::organisations_table(portal, index,
                                                        range(portal.organisations.size(), c));
                 },
                 portal.organisations.size()});
  out.push_back({&opendata::plan_topics_schema(), chunks(portal.plans.size()),
                 [&portal, range](std::size_t c) {
                   return opendata::plan_topics_table(portal, range(portal.plans.size(), c));
                 },
                 topics});
  out.push_back(
      per_grants(opendata::giving360_omitted_schema(), opendata::giving360_omitted_table, omitted));
  return out;
}

std::vector<opendata::TableSize> bulk_table_sizes(const SiteContext& site) {
  std::vector<opendata::TableSize> out;
  for (const BulkTable& table : bulk_tables(site)) out.push_back({table.schema, table.row_count});
  return out;
}

namespace {

// bulk_table_key() of rows that come a chunk at a time.
class TableKeyHasher {
 public:
  TableKeyHasher(const opendata::TableSchema& schema, std::uint64_t generator) {
    text("ashyq-table 1");
    number(generator);
    text(schema.name);
    number(schema.columns.size());
  }
  // Each cell as its kind and its bytes, each text preceded by its length, so that no two
  // different tables read the same.
  void add(const opendata::Table& chunk) {
    for (const auto& row : chunk.rows) {
      ++rows_;
      number(row.size());
      for (const opendata::Cell& cell : row) {
        number(cell.index());
        if (const auto* s = std::get_if<std::string>(&cell)) text(*s);
        if (const auto* i = std::get_if<std::int64_t>(&cell)) number(static_cast<std::uint64_t>(*i));
        if (const auto* d = std::get_if<double>(&cell)) {
          std::uint64_t bits = 0;
          std::memcpy(&bits, d, sizeof bits);
          number(bits);
        }
        if (const auto* b = std::get_if<bool>(&cell)) number(*b ? 1 : 0);
      }
    }
  }
  // Never 0, which means "no key".
  std::uint64_t key() const { return hasher_.finish() | 1; }
  std::size_t rows() const { return rows_; }

 private:
  void number(std::uint64_t n) {
    hasher_.update(std::string_view(reinterpret_cast<const char*>(&n), sizeof n));
  }
  void text(std::string_view t) {
    number(t.size());
    hasher_.update(t);
  }
  ContentHasher hasher_;
  std::size_t rows_ = 0;
};

}  // namespace

std::uint64_t bulk_table_key(const BulkTable& table, std::uint64_t generator, std::size_t& rows) {
  TableKeyHasher hasher(*table.schema, generator);
  for (std::size_t c = 0; c < table.chunks; ++c) hasher.add(table.rows(c));
  rows = hasher.rows();
  return hasher.key();
}

namespace {

// A folder of its own under the system's temporary folder, removed with everything in it: where
// an XLSX file is assembled (libxlsxwriter writes to a path) before it goes through the writer.
// status() says whether it could be created.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ashyq-xlsx-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      status_ = Status::io_error(
          pattern, "cannot create a temporary folder " + pattern + " for the XLSX files");
    else
      path_ = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }
  const Status& status() const { return status_; }

 private:
  std::filesystem::path path_;
  Status status_;
};

}  // namespace

Result<WrittenTable> write_table(output::OutputWriter& writer, const std::string& base,
                                 const BulkTable& table, TableFiles files, TableKey key) {
  std::vector<std::string> paths = {base + ".csv", base + ".json"};
  if (files == TableFiles::bulk) paths.push_back(base + ".xlsx");
  // Only a rebuild can keep files; a full build works the key out as it writes, below.
  if (key.generator != 0 && writer.incremental()) {
    WrittenTable kept;
    if (writer.keep_files(paths, bulk_table_key(table, key.generator, kept.rows))) {
      kept.kept = true;
      return kept;
    }
  }
  std::optional<TableKeyHasher> hasher;
  if (key.generator != 0) hasher.emplace(*table.schema, key.generator);
  std::uint64_t table_key = 0;
  const opendata::CsvFlavour flavour =
      files == TableFiles::bulk ? opendata::CsvFlavour::plain : opendata::CsvFlavour::spreadsheet;
  // The bulk files' XLSX copy is assembled on disk beside the stream, a row at a time, and goes
  // through the writer once complete (its ZIP directory comes last).
  std::optional<TemporaryFolder> folder;
  std::unique_ptr<opendata::XlsxWriter> xlsx;
  const std::filesystem::path xlsx_file =
      files == TableFiles::bulk ? folder.emplace().path() / "table.xlsx" : std::filesystem::path();
  if (folder && !folder->status().ok()) return folder->status();
  if (files == TableFiles::bulk) {
    auto opened = opendata::XlsxWriter::open(xlsx_file, base + ".xlsx", *table.schema);
    if (!opened.ok()) return opened.status();
    xlsx = std::move(opened).value();
  }
  // write_csv() of a chunk is the header, then its rows; every chunk but the first loses the
  // header.
  const std::string header = opendata::write_csv(opendata::Table{table.schema, {}}, flavour);
  WrittenTable written;
  // The JSON file is streamed inside the CSV file's stream, so both are open at once and each
  // chunk, made once, goes to both.
  using Append = output::OutputWriter::Append;
  const Status streamed = writer.write_streamed(base + ".csv", [&](const Append& csv) {
    return writer.write_streamed(base + ".json", [&](const Append& json) {
      auto to_csv = [&](std::string_view text) {
        csv(text);
        written.bytes += static_cast<std::int64_t>(text.size());
      };
      auto to_json = [&](std::string_view text) {
        json(text);
        written.bytes += static_cast<std::int64_t>(text.size());
      };
      to_csv(header);
      to_json(opendata::json_open(*table.schema));
      for (std::size_t c = 0; c < table.chunks; ++c) {
        const opendata::Table chunk = table.rows(c);
        if (hasher) hasher->add(chunk);
        if (xlsx && !chunk.rows.empty())
          if (Status added = xlsx->add(chunk); !added.ok()) return added;
        to_csv(std::string_view(opendata::write_csv(chunk, flavour)).substr(header.size()));
        for (const auto& row : chunk.rows) {  // as write_json() joins the rows
          to_json(written.rows == 0 ? "\n" : ",\n");
          to_json(opendata::json_row(*table.schema, row));
          ++written.rows;
        }
      }
      if (written.rows > 0) to_json("\n");
      to_json(opendata::kJsonClose);
      if (hasher) table_key = hasher->key();
      return Status();
    });
  }, &table_key);
  if (!streamed.ok()) return streamed;
  if (xlsx) {
    if (Status closed = xlsx->close(); !closed.ok()) return closed;
    const Status copied = writer.write_streamed(base + ".xlsx", [&](const Append& append) {
      std::ifstream in(xlsx_file, std::ios::binary);
      std::string buffer(output::OutputWriter::kStreamBuffer, '\0');
      while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n == 0) break;
        append(std::string_view(buffer.data(), n));
        written.bytes += static_cast<std::int64_t>(n);
      }
      if (in.bad())
        return Status::io_error(xlsx_file.string(), "cannot read back " + base + ".xlsx");
      return Status();
    });
    if (!copied.ok()) return copied;
  }
  return written;
}

Result<std::size_t> write_bulk_table(output::OutputWriter& writer, const std::string& base,
                                     const BulkTable& table) {
  Result<WrittenTable> written = write_table(writer, base, table, TableFiles::bulk);
  if (!written.ok()) return written.status();
  return written->rows;
}

Result<std::int64_t> write_page_downloads(const SiteContext& site, const PageKey& key,
                                          output::OutputWriter& writer, std::size_t chunk_size,
                                          TableKey tables) {
  std::int64_t bytes = 0;
  for (const PageDownload& d : page_download_tables(site, key, chunk_size)) {
    Result<WrittenTable> written = write_table(writer, d.base, d.table, TableFiles::page, tables);
    if (!written.ok()) return written.status();
    bytes += written->bytes;
  }
  return bytes;
}

PortalDataFiles::PortalDataFiles(const SiteContext& site, std::uint64_t generator)
    : site_(site), generator_(generator), tables_(bulk_tables(site)) {
  rows_.assign(tables_.size(), 0);
  kept_.assign(tables_.size(), 0);
}

Status PortalDataFiles::run(std::size_t job, output::OutputWriter& writer) {
  if (job == tables_.size()) {  // the 360Giving package
    if (opendata::giving360_summary(site_.portal).empty()) return Status();
    return writer.write_streamed(routes::data_file_base("360giving") + ".json",
                                 [&](const output::OutputWriter::Append& append) {
                                   opendata::write_giving360(site_.portal, site_.strings, append);
                                   return Status();
                                 });
  }
  const BulkTable& table = tables_[job];
  Result<WrittenTable> written = write_table(writer, routes::data_file_base(table.schema->name),
                                             table, TableFiles::bulk, {generator_});
  if (!written.ok()) return written.status();
  rows_[job] = written->rows;
  kept_[job] = written->kept ? 1 : 0;
  return Status();
}

Status PortalDataFiles::finish(output::OutputWriter& writer) {
  std::vector<opendata::TableSize> sizes;
  for (std::size_t i = 0; i < tables_.size(); ++i) sizes.push_back({tables_[i].schema, rows_[i]});
  return writer.write(routes::data_file_base("datapackage") + ".json",
                      opendata::datapackage(site_.portal, sizes).dump(1) + "\n");
}

std::size_t PortalDataFiles::tables_kept() const {
  return static_cast<std::size_t>(std::count(kept_.begin(), kept_.end(), 1));
}

Status write_portal_data_files(const SiteContext& site, output::OutputWriter& writer,
                               std::uint64_t generator) {
  PortalDataFiles files(site, generator);
  for (std::size_t job = 0; job < files.jobs(); ++job)
    if (Status s = files.run(job, writer); !s.ok()) return s;
  return files.finish(writer);
}

std::vector<DownloadView> downloads_view(const views::ViewContext& ctx,
                                         const std::vector<Download>& files) {
  std::vector<std::pair<std::string, opendata::TableSize>> sizes;
  for (const Download& d : files) sizes.push_back({d.base, {d.table.schema, d.table.rows.size()}});
  return downloads_view(ctx, sizes);
}

std::vector<DownloadView> downloads_view(
    const views::ViewContext& ctx,
    const std::vector<std::pair<std::string, opendata::TableSize>>& files) {
  std::vector<DownloadView> out;
  for (const auto& [base, size] : files)
    out.push_back(
        {ctx.plain(size.schema->title), routes::file_url(base + ".csv"),
         routes::file_url(base + ".json"),
         // A new portal's empty file in words: "rows: 0" would read as a count reported.
         size.rows == 0 && ctx.portal.grants.empty()
             ? ctx.t("empty.rows")
             : ctx.t("download.rows") + " " + ctx.integer(static_cast<std::int64_t>(size.rows))});
  return out;
}

std::vector<DownloadView> page_downloads_view(const SiteContext& site,
                                              const views::ViewContext& ctx, const PageKey& key) {
  std::vector<std::pair<std::string, opendata::TableSize>> sizes;
  for (const PageDownload& d : page_download_tables(site, key))
    sizes.push_back({d.base, {d.table.schema, d.rows}});
  return downloads_view(ctx, sizes);
}

DataDictionaryView data_dictionary_view(const SiteContext& site, const views::ViewContext& ctx) {
  const Portal& portal = site.portal;
  DataDictionaryView v;
  v.title = ctx.t("data.title");
  v.nothing_published = portal.grants.empty();
  std::vector<std::pair<std::string, opendata::TableSize>> bulk;
  for (const opendata::TableSize& size : bulk_table_sizes(site))
    bulk.push_back({routes::data_file_base(size.schema->name), size});
  std::vector<DownloadView> files = downloads_view(ctx, bulk);
  for (std::size_t i = 0; i < bulk.size(); ++i)  // the bulk files' copies for spreadsheets
    v.bulk.push_back({std::move(files[i]), routes::file_url(bulk[i].first + ".xlsx")});
  if (const auto& licence = portal.config.data_licence)
    v.licence = LicenceView{licence->id, licence->url, licence->title};
  v.datapackage_url = routes::file_url(routes::data_file_base("datapackage") + ".json");

  // The 360Giving export: what it holds, and what it leaves out. The records left out run to
  // hundreds of thousands at national scale (84 000 for 10 000 synthetic grants), so the page
  // gives their counts per reason and the first kOmittedShown of them, and links the file of
  // them all; the view stays the same size whatever the portal's.
  const opendata::Giving360Summary giving = opendata::giving360_summary(portal);
  Giving360View& g360 = v.giving360;
  opendata::OmissionCount all;
  for (opendata::OmissionReason reason : opendata::kOmissionReasons) {
    const opendata::OmissionCount& count = giving.omitted_for(reason);
    if (count.grants == 0 && count.subgrants == 0) continue;
    all.grants += count.grants;
    all.subgrants += count.subgrants;
    g360.omitted_reasons.push_back(
        {ctx.t(std::string("export.omitted.") + opendata::omission_key(reason)),
         ctx.integer(count.grants), ctx.integer(count.subgrants)});
  }
  std::vector<opendata::OmittedRecord> first;
  for (std::size_t gi = 0; gi < portal.grants.size() && first.size() < kOmittedShown; ++gi)
    opendata::giving360_omitted(portal, gi, first);
  if (first.size() > kOmittedShown) first.resize(kOmittedShown);
  for (const opendata::OmittedRecord& o : first) {
    const Grant& g = portal.grants[o.grant];
    g360.omitted.push_back(
        {ctx.text(g.title), routes::url_of(g, ctx.lang),
         o.subgrant ? g.subgrants.awarded[*o.subgrant].id : "—",
         ctx.t(std::string("export.omitted.") + opendata::omission_key(o.reason))});
  }
  const std::int64_t total = all.grants + all.subgrants;
  const std::int64_t shown = static_cast<std::int64_t>(first.size());
  if (total > shown)
    g360.omitted_more = fill(fill(ctx.t("data.omitted_more"), "{shown}", ctx.integer(shown)),
                             "{total}", ctx.integer(total));
  const std::string omitted_base =
      routes::file_url(routes::data_file_base(opendata::giving360_omitted_schema().name));
  if (!giving.empty()) g360.url = routes::file_url(routes::data_file_base("360giving") + ".json");
  g360.grants = ctx.integer(giving.grants);
  g360.subgrants = ctx.integer(giving.subgrants);
  if (g360.omitted_reasons.size() > 1)
    g360.omitted_total = OmittedCountView{"", ctx.integer(all.grants), ctx.integer(all.subgrants)};
  g360.omitted_file = {"", omitted_base + ".csv", omitted_base + ".json",
                       ctx.t("download.rows") + " " + ctx.integer(total)};

  for (const opendata::TableSchema* schema : opendata::all_schemas()) {
    TableView table{schema->name,
                    ctx.plain(schema->title),
                    ctx.plain(schema->description),
                    routes::file_url(routes::data_file_base(schema->name) + ".csv"),
                    {}};
    for (const opendata::Column& c : schema->columns)
      table.columns.push_back(
          {c.id, std::string(opendata::column_type_name(c.type)), ctx.plain(c.description)});
    v.tables.push_back(std::move(table));
  }
  return v;
}

}  // namespace ashyq::site
