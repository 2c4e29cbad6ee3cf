// The bulk files of /data/ are streamed to disk a chunk of records at a time (at national scale a
// whole table, or its CSV or JSON text, would not fit in memory); these tests hold the streamed
// bytes to those of the whole table written at once, and the streaming writer to write()'s rules.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "content/loader.h"
#include "core/content_hash.h"
#include "core/file_io.h"
#include "export/giving360.h"
#include "export/tables.h"
#include "export/writers.h"
#include "i18n/ui_strings.h"
#include "loaded_site.h"
#include "model/portal_index.h"
#include "output/output_writer.h"
#include "render/renderer.h"
#include "site/downloads.h"
#include "status_check.h"
#include "temp_folder.h"
#include "views/view_context.h"

namespace ashyq::site {
namespace {

namespace fs = std::filesystem;

using LoadedFixture = testing::LoadedSite;

TEST_CASE("Bulk files streamed a chunk at a time have the bytes of the whole table written at once",
          "[export]") {
  LoadedFixture fixture;
  const std::vector<opendata::Table> whole = opendata::bulk_tables(fixture.portal, fixture.index);
  std::vector<std::string> first_xlsx;  // of chunk size 1
  for (std::size_t chunk_size : {1, 2, 1000}) {
    INFO("chunk size " << chunk_size);
    testing::TempFolder out("bulk");
    const std::vector<BulkTable> streamed = bulk_tables(fixture.site, chunk_size);
    REQUIRE(streamed.size() == whole.size());
    std::vector<std::size_t> rows;
    {
      const auto writer = testing::open_writer(out / "public");
      for (const BulkTable& table : streamed)
        rows.push_back(write_bulk_table(*writer, "data/" + table.schema->name, table).value());
      CHECK(writer->publish() == Status());
    }
    for (std::size_t i = 0; i < whole.size(); ++i) {
      const std::string& name = whole[i].schema->name;
      INFO(name);
      CHECK(streamed[i].schema == whole[i].schema);
      CHECK(rows[i] == whole[i].rows.size());
      CHECK(streamed[i].row_count == whole[i].rows.size());  // counted without making the rows
      // Plain UTF-8: the bulk files are what datapackage.json describes, for programs.
      CHECK(read_file(out / ("public/data/" + name + ".csv")) ==
            opendata::write_csv(whole[i], opendata::CsvFlavour::plain));
      CHECK(read_file(out / ("public/data/" + name + ".json")) == opendata::write_json(whole[i]));
      // The XLSX copy: the same bytes however the rows were chunked (its rows are read back and
      // compared with the JSON by tests/data/check_datapackage.sh).
      const auto xlsx = read_file(out / ("public/data/" + name + ".xlsx"));
      REQUIRE(xlsx);
      CHECK(xlsx->starts_with("PK\x03\x04"));
      if (chunk_size == 1)
        first_xlsx.push_back(*xlsx);
      else
        CHECK(*xlsx == first_xlsx[i]);
    }
  }
}

TEST_CASE("A bulk table without rows streams to the header alone and to an empty JSON list",
          "[export]") {
  testing::TempFolder out("bulk");
  const BulkTable none{&opendata::plan_topics_schema(), 0, {}};
  const BulkTable empty_chunks{&opendata::media_schema(), 3, [](std::size_t) {
                                 return opendata::Table{&opendata::media_schema(), {}};
                               }};
  {
    const auto writer = testing::open_writer(out / "public");
    CHECK(write_bulk_table(*writer, "none", none).value() == 0);
    CHECK(write_bulk_table(*writer, "empty", empty_chunks).value() == 0);
    CHECK(writer->publish() == Status());
  }
  const opendata::Table no_topics{&opendata::plan_topics_schema(), {}};
  const opendata::Table no_media{&opendata::media_schema(), {}};
  CHECK(read_file(out / "public/none.csv") ==
        opendata::write_csv(no_topics, opendata::CsvFlavour::plain));
  CHECK(read_file(out / "public/none.json") == opendata::write_json(no_topics));
  CHECK(fs::exists(out / "public/none.xlsx"));  // a header row alone
  CHECK(read_file(out / "public/empty.csv") ==
        opendata::write_csv(no_media, opendata::CsvFlavour::plain));
  CHECK(read_file(out / "public/empty.json") == opendata::write_json(no_media));
}

TEST_CASE("Bytes hashed in pieces give the hash of the same bytes hashed at once") {
  std::string bytes;
  for (int i = 0; i < 200; ++i) bytes += static_cast<char>('a' + i % 26) + std::string("ә");
  for (std::size_t length : {0, 1, 7, 8, 31, 32, 33, 64, 100, 600}) {
    const std::string_view whole = std::string_view(bytes).substr(0, length);
    for (std::size_t piece : {1, 3, 8, 31, 32, 33, 1000}) {
      INFO("length " << length << ", pieces of " << piece);
      ContentHasher hasher;
      for (std::size_t at = 0; at < whole.size(); at += piece)
        hasher.update(whole.substr(at, piece));
      CHECK(hasher.finish() == content_hash(whole));
    }
  }
}

TEST_CASE("A streamed file whose bytes did not change is not written again; a changed one is") {
  testing::TempFolder site("output");
  auto stream = [](const std::string& text) {
    return [text](const output::OutputWriter::Append& append) {
      append(text.substr(0, 3));
      append(text.substr(3));
      return Status();
    };
  };
  {
    const auto writer = testing::open_writer(site / "public");
    CHECK(writer->write_streamed("data/same.csv", stream("жолдар, rows")) == Status());
    CHECK(writer->write_streamed("data/changed.csv", stream("old rows")) == Status());
    CHECK(writer->publish() == Status());
  }
  struct stat before {};
  REQUIRE(::stat((site / "public/data/same.csv").c_str(), &before) == 0);
  {
    const auto writer = testing::open_writer(site / "public");
    REQUIRE(writer->incremental());
    CHECK(writer->write_streamed("data/same.csv", stream("жолдар, rows")) == Status());
    CHECK(writer->write_streamed("data/changed.csv", stream("new rows!")) == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files() == 2);
    CHECK(writer->files_written() == 1);
    CHECK(writer->bytes_written() == 9);
  }
  struct stat after {};
  REQUIRE(::stat((site / "public/data/same.csv").c_str(), &after) == 0);
  CHECK(after.st_ino == before.st_ino);
  CHECK(read_file(site / "public/data/same.csv") == "жолдар, rows");
  CHECK(read_file(site / "public/data/changed.csv") == "new rows!");
  CHECK_FALSE(fs::exists(site / "public.staging"));
}

// The fixture portal with its first grant's Russian title changed, and its site.
struct Retitled {
  explicit Retitled(const LoadedFixture& fixture)
      : portal(retitle(fixture.portal)),
        index(build_index(portal)),
        site{portal, index, fixture.strings, *fixture.renderer, portal.config.page_size} {}
  static Portal retitle(Portal portal) {
    Grant& grant = portal.grants.front();
    grant.title.set(Lang::ru, std::string(grant.title.in(Lang::ru)) + " (изменено)");
    return portal;
  }
  const Portal portal;
  const PortalIndex index;
  const SiteContext site;
};

TEST_CASE("A bulk table's key is made from its rows, whatever the chunks, and changes with a cell",
          "[export][incremental]") {
  LoadedFixture fixture;
  const std::vector<opendata::Table> whole = opendata::bulk_tables(fixture.portal, fixture.index);
  const std::vector<BulkTable> by_one = bulk_tables(fixture.site, 1);
  const std::vector<BulkTable> by_many = bulk_tables(fixture.site, 1000);
  REQUIRE(by_one.size() == whole.size());
  std::set<std::uint64_t> keys;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    INFO(whole[i].schema->name);
    std::size_t rows_one = 0, rows_many = 0;
    const std::uint64_t key = bulk_table_key(by_one[i], 7, rows_one);
    CHECK(key == bulk_table_key(by_many[i], 7, rows_many));
    CHECK(rows_one == whole[i].rows.size());
    CHECK(rows_many == whole[i].rows.size());
    CHECK(key != bulk_table_key(by_one[i], 8, rows_one));  // another generator
    keys.insert(key);
  }
  CHECK(keys.size() == whole.size());  // empty tables too differ, by their names

  // One grant's Russian title changed: the grants table's key changes, the budget lines' does not.
  const Retitled retitled(fixture);
  const SiteContext& site = retitled.site;
  const std::vector<BulkTable> after = bulk_tables(site);
  std::size_t rows = 0;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    INFO(whole[i].schema->name);
    const bool has_title = whole[i].schema == &opendata::grants_schema();
    CHECK((bulk_table_key(after[i], 7, rows) != bulk_table_key(by_one[i], 7, rows)) == has_title);
  }
}

TEST_CASE("A rebuild keeps the bulk files of the tables whose rows did not change",
          "[export][incremental]") {
  LoadedFixture fixture;
  testing::TempFolder out("bulk-keep");
  const fs::path public_dir = out / "public";
  // Builds the portal files of `site` into public/; returns the tables kept and the files written.
  auto build = [&](const SiteContext& site, std::uint64_t generator) {
    const auto writer = testing::open_writer(public_dir);
    PortalDataFiles files(site, generator);
    for (std::size_t job = 0; job < files.jobs(); ++job) CHECK(files.run(job, *writer) == Status());
    CHECK(files.finish(*writer) == Status());
    CHECK(writer->publish() == Status());
    return std::pair(files.tables_kept(), writer->files_written());
  };
  const std::size_t tables = bulk_tables(fixture.site).size();
  CHECK(build(fixture.site, 7).first == 0);
  const auto clean = testing::snapshot(public_dir);
  // Nothing changed: every table is kept, no file is written.
  CHECK(build(fixture.site, 7) == std::pair<std::size_t, std::int64_t>(tables, 0));
  CHECK(testing::snapshot(public_dir) == clean);
  // Another generator: every table is made again (with the same bytes).
  CHECK(build(fixture.site, 8).first == 0);
  CHECK(testing::snapshot(public_dir) == clean);
  // One title changed: only the grants table is made again, and every file has the bytes a build
  // without keys gives.
  const Retitled retitled(fixture);
  const SiteContext& site = retitled.site;
  const auto [kept, written] = build(site, 8);
  CHECK(kept == tables - 1);
  // Written: the files whose bytes changed, the grants table's three among them.
  const auto now = testing::snapshot(public_dir);
  std::set<std::string> differ;
  for (const auto& [path, bytes] : now)
    if (clean.at(path) != bytes) differ.insert(path);
  CHECK(static_cast<std::int64_t>(differ.size()) == written);
  for (const char* file : {"data/grants.csv", "data/grants.json", "data/grants.xlsx"})
    CHECK(differ.count(file) == 1);
  CHECK(differ.count("data/budget_lines.csv") == 0);
  testing::TempFolder fresh("bulk-fresh");
  {
    const auto writer = testing::open_writer(fresh / "public");
    CHECK(write_portal_data_files(site, *writer) == Status());
    CHECK(writer->publish() == Status());
  }
  CHECK(testing::snapshot(public_dir) == testing::snapshot(fresh / "public"));
  CHECK(testing::snapshot(public_dir) != clean);
  // A kept file edited by hand is made again.
  {
    std::ofstream(public_dir / "data/budget_lines.json", std::ios::app) << " ";
  }
  CHECK(build(site, 8).first == tables - 1);
  CHECK(testing::snapshot(public_dir) == testing::snapshot(fresh / "public"));
}

// The 360Giving package as the build wrote it before it was streamed: one document of every
// record, dumped whole.
std::string giving360_dumped_whole(const Portal& portal, const i18n::UiStrings& strings) {
  nlohmann::ordered_json grants = nlohmann::ordered_json::array();
  opendata::for_each_giving360_record(
      portal, strings, [&](const nlohmann::ordered_json& record) { grants.push_back(record); });
  nlohmann::ordered_json package = nlohmann::ordered_json::object();
  if (!grants.empty()) package["grants"] = std::move(grants);
  const nlohmann::ordered_json metadata = opendata::giving360_metadata(portal);
  for (const auto& member : metadata.items()) package[member.key()] = member.value();
  return package.dump(1) + "\n";
}

std::string giving360_streamed(const Portal& portal, const i18n::UiStrings& strings) {
  std::string text;
  opendata::write_giving360(portal, strings, [&](std::string_view bytes) { text += bytes; });
  return text;
}

TEST_CASE("The 360Giving package streamed a record at a time has the bytes of the whole document",
          "[export]") {
  for (const char* name : {"portal", "full"}) {
    INFO("fixture " << name);
    const fs::path source = fs::path(ASHYQ_SOURCE_DIR);
    Diagnostics diagnostics;
    Portal portal = load_portal(source / "tests/fixtures" / name, diagnostics);
    const i18n::UiStrings strings =
        i18n::UiStrings::load(source / "templates/i18n", ASHYQ_SOURCE_DIR, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());

    const opendata::Giving360Summary summary = opendata::giving360_summary(portal);
    REQUIRE_FALSE(summary.empty());
    std::int64_t records = 0;
    opendata::for_each_giving360_record(portal, strings,
                                        [&](const nlohmann::ordered_json&) { ++records; });
    CHECK(records == summary.grants + summary.subgrants);
    const std::string whole = giving360_dumped_whole(portal, strings);
    CHECK(whole.find("\"grants\": [") != std::string::npos);
    CHECK(giving360_streamed(portal, strings) == whole);

    // Nothing to export: no "grants" member at all, the metadata alone.
    portal.grants.clear();
    CHECK(opendata::giving360_summary(portal).empty());
    CHECK(giving360_streamed(portal, strings) == giving360_dumped_whole(portal, strings));
    CHECK(giving360_streamed(portal, strings).find("grants") == std::string::npos);
  }
}

TEST_CASE("The 360Giving summary counts what the package leaves out, listed in grant order",
          "[export]") {
  LoadedFixture fixture;
  const Portal& portal = fixture.portal;
  const opendata::Giving360Summary summary = opendata::giving360_summary(portal);
  // The fixture's figures, as the data page states them ("grants: 5, sub-grants: 3").
  CHECK(summary.grants == 5);
  CHECK(summary.subgrants == 3);
  // Left out: the application and the planned grant; three sub-grants without a full award date.
  using opendata::OmissionReason;
  CHECK(summary.omitted_for(OmissionReason::not_awarded).grants == 2);
  CHECK(summary.omitted_for(OmissionReason::not_awarded).subgrants == 0);
  CHECK(summary.omitted_for(OmissionReason::no_amount).grants == 0);
  CHECK(summary.omitted_for(OmissionReason::no_amount).subgrants == 0);
  CHECK(summary.omitted_for(OmissionReason::no_award_date).grants == 0);
  CHECK(summary.omitted_for(OmissionReason::no_award_date).subgrants == 3);
  CHECK(summary.omitted_records() == 5);

  // The records, a grant at a time, are exactly the ones counted.
  std::vector<opendata::OmittedRecord> omitted;
  for (std::size_t gi = 0; gi < portal.grants.size(); ++gi)
    opendata::giving360_omitted(portal, gi, omitted);
  REQUIRE(omitted.size() == 5);
  opendata::Giving360Summary recounted;
  for (const opendata::OmittedRecord& o : omitted) {
    opendata::OmissionCount& count = recounted.omitted[static_cast<std::size_t>(o.reason)];
    ++(o.subgrant ? count.subgrants : count.grants);
  }
  CHECK(recounted.omitted == summary.omitted);
  // A grant comes before its sub-grants, and both in grant and record order.
  auto place = [](const opendata::OmittedRecord& o) {
    return std::pair(o.grant, o.subgrant ? *o.subgrant + 1 : 0);
  };
  for (std::size_t i = 1; i < omitted.size(); ++i) CHECK(place(omitted[i - 1]) < place(omitted[i]));

  // The bulk table has one row per record, in the same order.
  const opendata::Table table = opendata::bulk_tables(portal, fixture.index).back();
  REQUIRE(table.schema == &opendata::giving360_omitted_schema());
  REQUIRE(table.rows.size() == omitted.size());
  const opendata::TableSchema& schema = *table.schema;
  for (std::size_t i = 0; i < omitted.size(); ++i) {
    const Grant& g = portal.grants[omitted[i].grant];
    const auto& row = table.rows[i];
    CHECK(row[schema.index_of("grant_id")] == opendata::Cell(g.id));
    CHECK(row[schema.index_of("subgrant_id")] ==
          (omitted[i].subgrant ? opendata::Cell(g.subgrants.awarded[*omitted[i].subgrant].id)
                               : opendata::Cell()));
    CHECK(row[schema.index_of("reason")] ==
          opendata::Cell(std::string(opendata::omission_key(omitted[i].reason))));
  }
}

TEST_CASE("The data page's view lists at most 100 omitted records, whatever their number",
          "[export]") {
  // Synthetic: the fixture with 1 500 more applications (each awarded nothing, so each one omitted
  // record), copies of its own under new ids, built in code.
  LoadedFixture fixture;
  Portal portal = fixture.portal;
  const Grant* application = nullptr;
  for (const Grant& g : fixture.portal.grants)
    if (g.id == "synthetic-2025-application") application = &g;
  REQUIRE(application != nullptr);
  for (int i = 0; i < 1500; ++i) {
    Grant copy = *application;
    copy.id = "synthetic-2026-many-" + std::to_string(1000 + i);
    portal.grants.push_back(std::move(copy));
  }
  const PortalIndex index = build_index(portal);
  const SiteContext site{portal, index, fixture.strings, *fixture.renderer,
                         portal.config.page_size};
  for (Lang lang : {Lang::kk, Lang::ru}) {
    INFO(lang_code(lang));
    const views::ViewContext ctx{portal, fixture.strings, lang};
    const nlohmann::json view = nlohmann::json(data_dictionary_view(site, ctx))["giving360"];
    REQUIRE(view["omitted"].size() == 100);
    // The fixture's five first, then the copies in grant order.
    CHECK(view["omitted"][4]["url"] ==
          "/" + std::string(lang_code(lang)) + "/grants/synthetic-2025-planned/");
    CHECK(view["omitted"][5]["url"] ==
          "/" + std::string(lang_code(lang)) + "/grants/synthetic-2026-many-1000/");
    CHECK(view["omitted"][99]["url"] ==
          "/" + std::string(lang_code(lang)) + "/grants/synthetic-2026-many-1094/");
    const std::string more = view["omitted_more"];
    CHECK(more.find(ctx.integer(1505)) != std::string::npos);
    CHECK(more.find("100") != std::string::npos);
    CHECK(more.find('{') == std::string::npos);  // every placeholder filled
    CHECK(view["omitted_file"]["rows"] == ctx.t("download.rows") + " " + ctx.integer(1505));
    REQUIRE(view["omitted_reasons"].size() == 2);
    CHECK(view["omitted_reasons"][0]["grants"] == ctx.integer(1502));
    CHECK(view["omitted_total"]["subgrants"] == ctx.integer(3));
  }
  // The file holds them all, streamed in chunks like every bulk table.
  const std::vector<BulkTable> tables = bulk_tables(site, 256);
  REQUIRE(tables.back().schema == &opendata::giving360_omitted_schema());
  std::size_t rows = 0;
  for (std::size_t c = 0; c < tables.back().chunks; ++c) rows += tables.back().rows(c).rows.size();
  CHECK(rows == 1505);
  CHECK(tables.back().row_count == 1505);
}

}  // namespace
}  // namespace ashyq::site
