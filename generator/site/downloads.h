#pragma once
// The open-data files of the site: what each page offers for download beside it (the rows the page
// lists, as CSV and JSON), the bulk files of the whole portal in /data/, datapackage.json, the
// 360Giving package, and the data dictionary page's view. The build writes exactly the files these
// functions list, and the pages link exactly those, so a link cannot point at a missing file.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "export/datapackage.h"
#include "export/tables.h"
#include "export/writers.h"
#include "output/output_writer.h"
#include "site/site_context.h"
#include "views/view_context.h"
#include "views/view_json.h"

namespace ashyq::site {

struct Download {
  std::string base;  // output path without extension: "kk/grants/<id>/grants", "data/grants"
  opendata::Table table;
};

// A table made a chunk of records at a time (a few hundred grants), so that at national scale
// (millions of budget lines) no whole table, nor its CSV or JSON text, is ever held in memory.
struct BulkTable {
  const opendata::TableSchema* schema = nullptr;
  std::size_t chunks = 0;
  std::function<opendata::Table(std::size_t chunk)> rows;  // the rows of chunk 0 … chunks - 1
  // The rows of all chunks, counted from the model (one row per record), so that a page can say
  // how many rows a file has without making them.
  std::size_t row_count = 0;
};

// A pair of files beside a page, "<base>.csv" and "<base>.json", made a chunk of records at a time
// like the bulk files: the sub-grant registry, a facet value, a region or the operator's
// organisation page lists a share of the whole portal (a million sub-grants at N = 100 000), and
// such a list, held whole as a table and as CSV and JSON text on each render thread, was
// gigabytes.
struct PageDownload {
  std::string base;      // output path without extension, in the page's language folder
  BulkTable table;       // its rows, chunk by chunk; a chunk may have fewer rows than records
  std::size_t rows = 0;  // their number, counted without making them
};
// The files of a page: for a grant its own row and its budget lines, indicators, sub-grants and
// media (those it has); for a facet value, region, organisation, plan or sub-grant registry page
// every row it lists, all pages of a paginated list in one file, beside the list's first page.
// Empty for pages without records of their own. `chunk_size` is in records of the list (grants,
// sub-grants, organisations, plans); the tables' chunks together hold exactly the rows, in order,
// of the tables made from the whole list at once (page_downloads), whatever the chunk size.
std::vector<PageDownload> page_download_tables(const SiteContext& site, const PageKey& key,
                                               std::size_t chunk_size = 256);
// page_download_tables() with every table made whole, from the whole list at once. The build never
// calls it (see write_page_downloads); tests hold the streamed files to these tables.
std::vector<Download> page_downloads(const SiteContext& site, const PageKey& key);
// data/<table> for every table in opendata::all_schemas() order.
std::vector<Download> bulk_downloads(const SiteContext& site);

// Relative output path → bytes: "<base>.csv" and "<base>.json" of each download, in order; the
// CSV files in `flavour` (a page's are CsvFlavour::spreadsheet, the bulk files plain).
std::vector<std::pair<std::string, std::string>> download_files(
    const std::vector<Download>& downloads, opendata::CsvFlavour flavour);
// The tables of data/<table>, in opendata::all_schemas() order; their chunks together hold the rows
// of opendata::bulk_tables(), in its order. `chunk_size` is in records of the table's first level
// (grants, sub-grants, organisations, plans).
std::vector<BulkTable> bulk_tables(const SiteContext& site, std::size_t chunk_size = 256);
// data/<table> and its row count, for the data dictionary page and datapackage.json.
std::vector<opendata::TableSize> bulk_table_sizes(const SiteContext& site);

struct WrittenTable {
  std::size_t rows = 0;    // rows of the table
  std::int64_t bytes = 0;  // bytes written
  bool kept = false;       // the previous build's files kept (see write_table)
};
// Who a table's files are for (docs/open-data.md): a page's files for a reader who opens them from
// the page, the CSV with a byte order mark so that a spreadsheet reads its letters
// (CsvFlavour::spreadsheet), and JSON; the bulk files for programs, plain UTF-8 CSV as
// datapackage.json describes it and JSON, with an XLSX copy for spreadsheet users.
enum class TableFiles { page, bulk };
// Writes "<base>.csv" and "<base>.json" (and for TableFiles::bulk "<base>.xlsx") of `table`
// through `writer`, one chunk at a time, with the bytes opendata::write_csv() and write_json() give
// for the whole table. Each chunk is made once and goes to every file, so at most one chunk, as a
// table and as CSV and JSON text, is in memory at a time; the XLSX file is assembled in a
// temporary folder, a row at a time, and then streamed. Fails with the writer's or the XLSX file's
// error, which names the file.
//
// With a `generator` fingerprint (not 0) the table's files are kept as the previous build wrote
// them when its key (bulk_table_key) is the same (OutputWriter::keep_files): making a table's rows
// costs a few per cent of writing its files, so a rebuild after one grant's title changed writes
// the grants tables again and keeps the budget lines', indicators' and sub-grants'. Written files
// record their key, worked out as they are streamed (a full build makes each row once).
struct TableKey {
  std::uint64_t generator = 0;
};
Result<WrittenTable> write_table(output::OutputWriter& writer, const std::string& base,
                                 const BulkTable& table, TableFiles files, TableKey key = {});
// write_table() of a bulk file; returns its row count.
Result<std::size_t> write_bulk_table(output::OutputWriter& writer, const std::string& base,
                                     const BulkTable& table);
// Writes the page's files (page_download_tables), once for every language: the tables hold both
// languages' texts, so /kk/… and /ru/… link to the same files under downloads/ (see
// routes::download_base). Returns the bytes written, or write_table()'s error.
Result<std::int64_t> write_page_downloads(const SiteContext& site, const PageKey& key,
                                          output::OutputWriter& writer,
                                          std::size_t chunk_size = 256, TableKey tables = {});
// What a table's files are made from, as one key: `generator` (the generator binary's fingerprint:
// the files' bytes depend on its code as well as on the rows), the table's name and every cell of
// every row, in order. Two builds that give a table the same key give its files (CSV, JSON, and
// for a bulk table XLSX) the same bytes. Counts the rows into `rows`.
std::uint64_t bulk_table_key(const BulkTable& table, std::uint64_t generator, std::size_t& rows);

// The portal-wide files: the bulk files (CSV, JSON, XLSX), data/datapackage.json and, when at least
// one record qualifies, data/360giving.json, as jobs that may run side by side (site/build.cpp runs
// them on every core with the search index): one per bulk table, then the 360Giving package; and,
// once every job has run, finish() writes datapackage.json from the tables' row counts.
//
// A table whose rows did not change keeps its files (write_table with the generator's key).
class PortalDataFiles {
 public:
  // `generator` 0: no key, every table's files are written.
  PortalDataFiles(const SiteContext& site, std::uint64_t generator);
  std::size_t jobs() const { return tables_.size() + 1; }
  // Job `job` (0 … jobs() - 1); safe to call from several threads for different jobs. Fails with
  // the first write's error, which names the file.
  Status run(std::size_t job, output::OutputWriter& writer);
  // datapackage.json; after every job has run.
  Status finish(output::OutputWriter& writer);
  // Tables whose files were kept as the previous build wrote them.
  std::size_t tables_kept() const;

 private:
  const SiteContext& site_;
  std::uint64_t generator_;
  std::vector<BulkTable> tables_;
  std::vector<std::size_t> rows_;
  std::vector<char> kept_;
};

// PortalDataFiles' jobs one after the other, then finish().
Status write_portal_data_files(const SiteContext& site, output::OutputWriter& writer,
                               std::uint64_t generator = 0);

// The views below have the JSON form of views/view_json.h, for tests.
using views::to_json;

// A pair of files in a download list: the table's title, its row count and the links to its CSV
// and JSON files (the download box of templates/base.mustache, the data page's lists).
struct DownloadView {
  std::string label;  // empty for the data page's file of omitted records, which it names itself
  std::string csv_url;
  std::string json_url;
  std::string rows;  // "строк: 1 505"

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("csv_url", csv_url);
    f("json_url", json_url);
    f("rows", rows);
  }
};
// A page's download list.
std::vector<DownloadView> downloads_view(const views::ViewContext& ctx,
                                         const std::vector<Download>& files);
std::vector<DownloadView> downloads_view(
    const views::ViewContext& ctx,
    const std::vector<std::pair<std::string, opendata::TableSize>>& files);
// The same for a page's own downloads (page_download_tables), from the row counts those know
// without making any row: building the tables only to count them made every page of a long list
// cost as much as the whole list's files.
std::vector<DownloadView> page_downloads_view(const SiteContext& site,
                                              const views::ViewContext& ctx, const PageKey& key);

// A bulk file of templates/data.mustache: CSV and JSON, and a copy for spreadsheets.
struct BulkFileView {
  DownloadView files;
  std::string xlsx_url;

  template <class F>
  void fields(F& f) const {
    files.fields(f);
    f("xlsx_url", xlsx_url);
  }
};

// The data's licence as site.toml [data_licence] states it.
struct LicenceView {
  std::string id;
  std::string url;
  std::string title;

  template <class F>
  void fields(F& f) const {
    f("id", id);
    f("url", url);
    f("title", title);
  }
};

// How many records (grants, sub-grants) the 360Giving export leaves out, for one reason or all.
struct OmittedCountView {
  std::string reason;  // in the page's language; empty for the total of every reason
  std::string grants;
  std::string subgrants;

  template <class F>
  void fields(F& f) const {
    f("reason", reason);
    f("grants", grants);
    f("subgrants", subgrants);
  }
};

// A record the 360Giving export leaves out: the grant, or one of its sub-grants, and why.
struct OmittedRecordView {
  std::optional<views::TextView> grant;
  std::string url;
  std::string subgrant;  // the sub-grant's id, or a dash when the grant itself is left out
  std::string reason;

  template <class F>
  void fields(F& f) const {
    f("grant", grant);
    f("url", url);
    f("subgrant", subgrant);
    f("reason", reason);
  }
};

// The data page's 360Giving section: what the export holds and what it leaves out.
struct Giving360View {
  std::string url;  // data/360giving.json; empty when no record qualifies and there is no file
  std::string grants;
  std::string subgrants;
  std::vector<OmittedCountView> omitted_reasons;
  // A total row only under two reasons or more, where it adds something.
  std::optional<OmittedCountView> omitted_total;
  DownloadView omitted_file;  // data/360giving-omitted: every record left out
  std::string omitted_more;   // "the first 100 of 1 505": empty when all are listed
  std::vector<OmittedRecordView> omitted;

  template <class F>
  void fields(F& f) const {
    f("url", url);
    f("grants", grants);
    f("subgrants", subgrants);
    f("omitted_reasons", omitted_reasons);
    f("omitted_total", omitted_total);
    f("omitted_file", omitted_file);
    f("omitted_more", omitted_more);
    f("omitted", omitted);
  }
};

// A column of a table in the data dictionary.
struct ColumnView {
  std::string id;
  std::string type;
  std::string description;

  template <class F>
  void fields(F& f) const {
    f("id", id);
    f("type", type);
    f("description", description);
  }
};

// A table in the data dictionary: its columns described in the page's language.
struct TableView {
  std::string name;
  std::string title;
  std::string description;
  std::string csv_url;
  std::vector<ColumnView> columns;

  template <class F>
  void fields(F& f) const {
    f("name", name);
    f("title", title);
    f("description", description);
    f("csv_url", csv_url);
    f("columns", columns);
  }
};

// templates/data.mustache: the data dictionary page (/<lang>/data/): the data's licence
// (site.toml [data_licence]) or that none is stated, the bulk files (CSV, JSON and XLSX), every
// column of every table described in the page's language, the CSV rules, datapackage.json, and the
// 360Giving export with how many records it leaves out for each reason, the first 100 of them and
// a link to the file of them all (data/360giving-omitted): the view's size does not grow with the
// portal's.
struct DataDictionaryView {
  // No grant at all yet (a new portal): the page says so, and that the files hold only headers.
  bool nothing_published = false;
  std::string title;
  std::optional<LicenceView> licence;
  std::vector<BulkFileView> bulk;
  std::string datapackage_url;
  Giving360View giving360;
  std::vector<TableView> tables;

  template <class F>
  void fields(F& f) const {
    f("nothing_published", nothing_published);
    f("title", title);
    f("licence", licence);
    f("bulk", bulk);
    f("datapackage_url", datapackage_url);
    f("giving360", giving360);
    f("tables", tables);
  }
};
DataDictionaryView data_dictionary_view(const SiteContext& site, const views::ViewContext& ctx);

}  // namespace ashyq::site
