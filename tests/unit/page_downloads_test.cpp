// A page's downloads are written a chunk of records at a time, once for both languages' pages (a
// registry or facet page lists a share of the whole portal, too much to hold as one table and its
// text at national scale). These tests hold the streamed files to write_csv() and write_json() of
// the tables made from the whole list at once, for lists longer than one chunk: the fixture portal
// with chunks of a few records, and a synthetic portal (bench/synth) with more than 256 grants and
// sub-grants in one list at the build's own chunk size.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "content/loader.h"
#include "core/file_io.h"
#include "export/writers.h"
#include "i18n/ui_strings.h"
#include "loaded_site.h"
#include "model/portal_index.h"
#include "output/output_writer.h"
#include "render/renderer.h"
#include "site/downloads.h"
#include "site/pages.h"
#include "status_check.h"
#include "temp_folder.h"

namespace ashyq::site {
namespace {

namespace fs = std::filesystem;

using testing::LoadedSite;

// The first-language, first pages: those whose build step writes the downloads of every language's
// page.
std::vector<PageKey> download_pages(const SiteContext& site) {
  std::vector<PageKey> out;
  for (const PageKey& key : list_pages(site))
    if (key.lang == site.portal.config.languages.front() && key.page == 1) out.push_back(key);
  return out;
}

// Writes the downloads of `keys` at `chunk_size` and checks every file against the whole tables
// written at once, which are the same files, same bytes, for every language's page. Returns how
// many tables took more than one chunk.
std::size_t check_streamed(const SiteContext& site, const std::vector<PageKey>& keys,
                           std::size_t chunk_size) {
  testing::TempFolder out("page-downloads");
  std::map<std::string, std::string> expected;
  std::size_t long_tables = 0;
  {
    const auto writer = testing::open_writer(out / "public");
    for (const PageKey& key : keys) {
      INFO(page_path(site, key));
      std::int64_t bytes = 0;
      for (Lang lang : site.portal.config.languages) {
        PageKey in_lang = key;
        in_lang.lang = lang;
        const std::vector<Download> whole = page_downloads(site, in_lang);
        const std::vector<PageDownload> chunked = page_download_tables(site, in_lang, chunk_size);
        REQUIRE(chunked.size() == whole.size());
        for (std::size_t i = 0; i < whole.size(); ++i) {
          CHECK(chunked[i].base == whole[i].base);
          CHECK(chunked[i].table.schema == whole[i].table.schema);
          CHECK(chunked[i].rows == whole[i].table.rows.size());
          if (lang == key.lang && chunked[i].table.chunks > 1) ++long_tables;
          // The spreadsheet flavour: a page's CSV is opened from the page, in a spreadsheet.
          const std::string csv =
              opendata::write_csv(whole[i].table, opendata::CsvFlavour::spreadsheet);
          const std::string json = opendata::write_json(whole[i].table);
          if (lang != key.lang) {  // the other language's page names the same files
            CHECK(expected[whole[i].base + ".csv"] == csv);
            CHECK(expected[whole[i].base + ".json"] == json);
            continue;
          }
          CHECK(expected.emplace(whole[i].base + ".csv", csv).second);
          CHECK(expected.emplace(whole[i].base + ".json", json).second);
          bytes += static_cast<std::int64_t>(csv.size() + json.size());
        }
      }
      CHECK(write_page_downloads(site, key, *writer, chunk_size).value() == bytes);
    }
    CHECK(writer->publish() == Status());
  }
  const std::map<std::string, std::string> written = testing::snapshot(out / "public");
  CHECK(written.size() == expected.size());
  for (const auto& [path, bytes] : expected) {
    INFO(path);
    const auto file = written.find(path);
    REQUIRE(file != written.end());
    CHECK(file->second == bytes);  // one CHECK a file: a mismatch names it
  }
  return long_tables;
}

TEST_CASE(
    "A page's download files are the tables its kind's row in routes names, each of them seen") {
  // The portal fixture has a page of every kind; the full one, grants with budget lines and
  // indicators. Together they show every table a row names.
  std::map<routes::PageKind, std::set<std::string>> seen;
  for (const char* name : {"portal", "full"}) {
    LoadedSite fixture(fs::path(ASHYQ_SOURCE_DIR) / "tests/fixtures" / name);
    for (const PageKey& key : list_pages(fixture.site)) {
      const std::string_view declared = routes::info(key.kind()).downloads;
      for (const PageDownload& d : page_download_tables(fixture.site, key, 256)) {
        const std::string table = d.table.schema->name;
        INFO(page_url(fixture.site, key) << " " << table);
        // The name is one of the row's words (" grants " within " grants subgrants ").
        CHECK(std::string(" ").append(declared).append(" ").find(" " + table + " ") !=
              std::string::npos);
        seen[key.kind()].insert(table);
      }
    }
  }
  for (const routes::PageKindInfo& row : routes::kPageKinds) {
    std::set<std::string> declared;
    std::istringstream words{std::string(row.downloads)};
    for (std::string word; words >> word;) declared.insert(word);
    INFO(row.name);
    CHECK(seen[row.kind] == declared);
  }
}

TEST_CASE("Page downloads streamed a few records a chunk have the bytes of the whole tables",
          "[export]") {
  LoadedSite fixture(fs::path(ASHYQ_SOURCE_DIR) / "tests/fixtures/portal");
  const std::vector<PageKey> keys = download_pages(fixture.site);
  for (std::size_t chunk_size : {1, 2, 3, 256}) {
    INFO("chunk size " << chunk_size);
    const std::size_t long_tables = check_streamed(fixture.site, keys, chunk_size);
    // The registry's six sub-grants, the organisations, a year's three grants: several chunks.
    if (chunk_size <= 2) CHECK(long_tables >= 5);
  }
}

TEST_CASE("The registry and facet downloads of a synthetic portal stream chunks of 256 records",
          "[export]") {
  // Synthetic data from bench/synth: 500 grants, about 350 of them of one operator and 300
  // completed, and about 4 000 sub-grants.
  testing::TempFolder folder("page-downloads-synth");
  const std::string synth = std::string(ASHYQ_SYNTH) + " --grants 500 --seed 5 --out " +
                            (folder / "site").string() + " >/dev/null";
  REQUIRE(std::system(synth.c_str()) == 0);
  LoadedSite synthetic(folder / "site");
  // The pages with a list longer than one chunk at the build's chunk size.
  std::vector<PageKey> keys;
  bool registry = false, grants = false;
  for (const PageKey& key : download_pages(synthetic.site))
    for (const PageDownload& d : page_download_tables(synthetic.site, key)) {
      if (d.table.chunks < 2) continue;
      CHECK(d.rows > 256);
      registry = registry || key.kind() == PageKind::subgrants;
      grants = grants || d.table.schema == &opendata::grants_schema();
      keys.push_back(key);
      break;
    }
  CHECK(registry);
  CHECK(grants);
  CHECK(check_streamed(synthetic.site, keys, 256) >= keys.size());
}

}  // namespace
}  // namespace ashyq::site
