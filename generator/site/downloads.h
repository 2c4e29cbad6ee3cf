#pragma once
// The open-data files of the site: what each page offers for download beside it (the rows the page
// lists, as CSV and JSON), the bulk files of the whole portal in /data/, datapackage.json, the
// 360Giving package, and the data dictionary page's view. The build writes exactly the files these
// functions list, and the pages link exactly those, so a link cannot point at a missing file.
#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/datapackage.h"
#include "export/tables.h"
#include "output/output_writer.h"
#include "site/pages.h"
#include "views/view_context.h"

namespace ashyq::site {

struct Download {
  std::string base;  // output path without extension: "kk/grants/<id>/grants", "data/grants"
  opendata::Table table;
};

// The files of a page: for a grant its own row and its budget lines, indicators, sub-grants and
// media (those it has); for a facet value, region, organisation, plan or sub-grant registry page
// every row it lists, all pages of a paginated list in one file, beside the list's first page.
// Empty for pages without records of their own.
std::vector<Download> page_downloads(const SiteContext& site, const PageKey& key);
// data/<table> for every table in opendata::all_schemas() order.
std::vector<Download> bulk_downloads(const SiteContext& site);

// Relative output path → bytes: "<base>.csv" and "<base>.json" of each download, in order.
std::vector<std::pair<std::string, std::string>> download_files(
    const std::vector<Download>& downloads);
// A bulk table made a chunk of records at a time (a few hundred grants), so that at national scale
// (millions of budget lines) no whole table, nor its CSV or JSON text, is ever held in memory.
struct BulkTable {
  const opendata::TableSchema* schema = nullptr;
  std::size_t chunks = 0;
  std::function<opendata::Table(std::size_t chunk)> rows;  // the rows of chunk 0 … chunks - 1
};
// The tables of data/<table>, in opendata::all_schemas() order; their chunks together hold the rows
// of opendata::bulk_tables(), in its order. `chunk_size` is in records of the table's first level
// (grants, sub-grants, organisations, plans).
std::vector<BulkTable> bulk_tables(const SiteContext& site, std::size_t chunk_size = 256);
// data/<table> and its row count, for the data dictionary page and datapackage.json.
std::vector<opendata::TableSize> bulk_table_sizes(const SiteContext& site);

// Writes "<base>.csv" and "<base>.json" of `table` through `writer`, one chunk at a time, with the
// bytes opendata::write_csv() and write_json() give for the whole table; returns its row count.
std::size_t write_bulk_table(output::OutputWriter& writer, const std::string& base,
                             const BulkTable& table);
// download_files(page_downloads(site, key)) for the page in every language of the site: the tables
// hold both languages' texts, so the files of /kk/… and /ru/… are the same bytes, made once here
// and listed under each language's folder.
std::vector<std::pair<std::string, std::string>> page_download_files_all_languages(
    const SiteContext& site, const PageKey& key);
// The portal-wide files: the bulk files, data/datapackage.json and, when at least one record
// qualifies, data/360giving.json, streamed to `writer`.
void write_portal_data_files(const SiteContext& site, output::OutputWriter& writer);

// [{label, csv_url, json_url, rows}] for a page's download list.
nlohmann::json downloads_view(const views::ViewContext& ctx, const std::vector<Download>& files);
nlohmann::json downloads_view(
    const views::ViewContext& ctx,
    const std::vector<std::pair<std::string, opendata::TableSize>>& files);
// The same for a page's own downloads (page_downloads), without building the tables where their
// row counts are known beforehand: a grant's (one row per record of each kind), a facet value's
// and the sub-grant registry's (one row per record listed). Building the tables only to count
// them made every page of a long list cost as much as the whole list's files.
nlohmann::json page_downloads_view(const SiteContext& site, const views::ViewContext& ctx,
                                   const PageKey& key);
// The data dictionary page (/<lang>/data/): the bulk files, every column of every table described
// in the page's language, the CSV rules, datapackage.json, and the 360Giving export with how many
// records it leaves out for each reason, the first 100 of them and a link to the file of them all
// (data/360giving-omitted): the view's size does not grow with the portal's.
nlohmann::json data_dictionary_view(const SiteContext& site, const views::ViewContext& ctx);

}  // namespace ashyq::site
