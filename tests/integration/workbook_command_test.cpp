// `ashyq workbook` and `ashyq import` run as a user runs them (issue 16, item 1): the real binary
// on a copy of a site, real XLSX files written by libxlsxwriter and read back by the import.
#include <catch2/catch.hpp>

#include <filesystem>

#include "../unit/temp_folder.h"
#include "test_site.h"
#include "workbook/grant_workbook.h"
#include "workbook/workbook_file.h"

#include <zip.h>

namespace fs = std::filesystem;
using ashyq::integration::RunResult;
using ashyq::integration::TestSite;
using ashyq::testing::snapshot;
using nlohmann::ordered_json;

namespace {

// The fixture's site with the repository's own site.toml and content/ in its place: the real
// grants, as an NGO's copy of the portal holds them.
void use_real_content(const TestSite& site) {
  const fs::path repo = ASHYQ_SOURCE_DIR;
  fs::remove_all(site.dir() / "content");
  fs::copy(repo / "content", site.dir() / "content", fs::copy_options::recursive);
  fs::copy_file(repo / "site.toml", site.dir() / "site.toml", fs::copy_options::overwrite_existing);
}

std::string where(const RunResult& r) { return "stdout:\n" + r.out + "\nstderr:\n" + r.err; }

// A workbook of `record` with `edit` applied to its cells, written as a real XLSX file.
fs::path edited_workbook(const TestSite& site, const std::string& record,
                         const std::function<void(ashyq::workbook::Grid&)>& edit) {
  ashyq::workbook::Grid grid = ashyq::workbook::to_grid(ordered_json::parse(record));
  edit(grid);
  const fs::path file = site.scratch("edited.xlsx");
  const ashyq::Status written = ashyq::workbook::write_workbook(grid, {}, file, "edited.xlsx");
  REQUIRE(written.ok());
  return file;
}

ashyq::workbook::GridSheet& sheet(ashyq::workbook::Grid& grid, const std::string& name) {
  for (auto& s : grid.sheets)
    if (s.name == name) return s;
  throw std::runtime_error("no sheet " + name);
}

}  // namespace

namespace {

// Each grant of `site` through `ashyq workbook` and `ashyq import`: every import says "unchanged"
// and content/ keeps its bytes. Returns the number of grants.
int round_trip_every_grant(const TestSite& site) {
  const auto before = snapshot(site.dir() / "content");
  int grants = 0;
  for (const auto& entry : fs::directory_iterator(site.dir() / "content/grants")) {
    const std::string id = entry.path().filename().string();
    const std::string file = site.scratch(id + ".xlsx").string();
    const RunResult written = site.run({"workbook", id, file, "--site", site.dir().string()});
    INFO(id << "\n" << where(written));
    REQUIRE(written.exit_code == 0);
    const RunResult imported = site.run({"import", file, "--site", site.dir().string()});
    INFO(where(imported));
    CHECK(imported.exit_code == 0);
    CHECK(imported.out.starts_with("unchanged: "));
    ++grants;
  }
  CHECK(snapshot(site.dir() / "content") == before);
  return grants;
}

}  // namespace

TEST_CASE("Every grant of content/ goes through ashyq workbook and ashyq import unchanged",
          "[workbook][cli]") {
  TestSite site("full");
  use_real_content(site);
  CHECK(round_trip_every_grant(site) >= 9);
}

TEST_CASE("Every grant of the fixtures goes through ashyq workbook and ashyq import unchanged",
          "[workbook][cli]") {
  // The fixtures' grants are stored in the canonical form the import writes, so the round trip
  // gives their bytes back, as it does for content/.
  CHECK(round_trip_every_grant(TestSite("full")) == 4);
  CHECK(round_trip_every_grant(TestSite("portal")) == 7);
}

TEST_CASE("ashyq import writes a changed record, and the site builds from it", "[workbook][cli]") {
  TestSite site("full");
  use_real_content(site);
  const std::string path = "content/grants/rukhtan-2024-debate/grant.json";
  const std::string record = site.read(path);
  const fs::path file = edited_workbook(site, record, [](ashyq::workbook::Grid& g) {
    // Grant!E: the Russian value of the title row.
    auto& s = sheet(g, "Grant");
    for (auto& [place, cell] : s.cells)
      if (place.second == 1 && cell.text == "title")
        s.cells[{place.first, 5}].text = "Развитие дебатного движения (изменено в книге)";
  });
  const RunResult imported = site.run({"import", file.string(), "--site", site.dir().string()});
  INFO(where(imported));
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.out.starts_with("updated "));
  const ordered_json after = ordered_json::parse(site.read(path));
  CHECK(after["title"]["ru"] == "Развитие дебатного движения (изменено в книге)");
  CHECK(after["title"]["kk"] == ordered_json::parse(record)["title"]["kk"]);
  const RunResult checked = site.check();
  INFO(where(checked));
  CHECK(checked.exit_code == 0);
}

TEST_CASE("A workbook whose record fails validation changes nothing and names the cell",
          "[workbook][cli]") {
  TestSite site("full");
  use_real_content(site);
  const auto before = snapshot(site.dir() / "content");
  const std::string record = site.read("content/grants/rukhtan-2024-debate/grant.json");
  SECTION("an activity's date outside the grant's period") {
    const fs::path file = edited_workbook(site, record, [](ashyq::workbook::Grid& g) {
      // Activities: A task, B id, C–D title, E–F date.
      auto& s = sheet(g, "Activities");
      s.cells[{3, 5}].text = "2019-01";
      s.cells[{3, 6}].text = "2019-02";
    });
    const RunResult imported = site.run({"import", file.string(), "--site", site.dir().string()});
    INFO(where(imported));
    CHECK(imported.exit_code == 1);
    CHECK(imported.err.find("edited.xlsx:Activities!E3: error: /tasks/0/activities/0/date") !=
          std::string::npos);
    CHECK(imported.err.find("nothing in content/ was changed") != std::string::npos);
  }
  SECTION("a grant with a title in neither language") {
    const fs::path file = edited_workbook(site, record, [](ashyq::workbook::Grid& g) {
      auto& s = sheet(g, "Grant");
      for (auto& [place, cell] : s.cells)
        if (place.second == 1 && cell.text == "title") {
          s.cells.erase({place.first, 4});
          s.cells.erase({place.first, 5});
          break;
        }
    });
    const RunResult imported = site.run({"import", file.string(), "--site", site.dir().string()});
    INFO(where(imported));
    CHECK(imported.exit_code == 1);
    CHECK(imported.err.find("edited.xlsx:Grant") != std::string::npos);
    CHECK(imported.err.find("/title") != std::string::npos);
  }
  SECTION("a file that is not a workbook") {
    site.write("notes.xlsx", "Бұл кесте емес / это не таблица\n");
    const RunResult imported =
        site.run({"import", (site.dir() / "notes.xlsx").string(), "--site", site.dir().string()});
    INFO(where(imported));
    CHECK(imported.exit_code == 1);
    CHECK(imported.err.find("notes.xlsx") != std::string::npos);
  }
  CHECK(snapshot(site.dir() / "content") == before);
}

TEST_CASE("ashyq workbook --new gives an empty workbook whose import names what is missing",
          "[workbook][cli]") {
  TestSite site("full");
  const std::string file = site.scratch("new.xlsx").string();
  RunResult written =
      site.run({"workbook", "ngo-2026-new-project", file, "--new", "--site", site.dir().string()});
  INFO(where(written));
  REQUIRE(written.exit_code == 0);
  // Written once; the second run would lose what the NGO typed.
  written =
      site.run({"workbook", "ngo-2026-new-project", file, "--new", "--site", site.dir().string()});
  CHECK(written.exit_code == 1);
  CHECK(written.err.find("--force") != std::string::npos);
  const auto before = snapshot(site.dir() / "content");
  const RunResult imported = site.run({"import", file, "--site", site.dir().string()});
  INFO(where(imported));
  CHECK(imported.exit_code == 1);
  CHECK(imported.err.find("new.xlsx:Grant") != std::string::npos);
  CHECK(snapshot(site.dir() / "content") == before);
  // An existing grant is not "new".
  const RunResult existing =
      site.run({"workbook", "synthetic-2024-full", site.scratch("x.xlsx").string(), "--new",
                "--site", site.dir().string()});
  CHECK(existing.exit_code == 1);
}

TEST_CASE("The workbook's drop-downs offer the Lists sheet's codes, and the units the site uses",
          "[workbook][cli]") {
  TestSite site("full");
  use_real_content(site);
  const std::string file = site.scratch("r.xlsx").string();
  REQUIRE(site.run({"workbook", "rukhtan-2024-debate", file, "--site", site.dir().string()})
              .exit_code == 0);
  // The Indicators sheet (sheet 5: Instructions, Grant, Tasks, Activities, Indicators) as written.
  int error = 0;
  zip_t* archive = zip_open(file.c_str(), ZIP_RDONLY, &error);
  REQUIRE(archive);
  zip_stat_t stat;
  REQUIRE(zip_stat(archive, "xl/worksheets/sheet5.xml", 0, &stat) == 0);
  std::string xml(stat.size, '\0');
  zip_file_t* part = zip_fopen(archive, "xl/worksheets/sheet5.xml", 0);
  REQUIRE(part);
  CHECK(zip_fread(part, xml.data(), stat.size) == static_cast<zip_int64_t>(stat.size));
  zip_fclose(part);
  zip_close(archive);
  // Columns E and F are the unit in Kazakh and Russian; H and L the bounds of plan and fact.
  for (const char* column : {"E3:E", "F3:F", "H3:H", "L3:L"}) {
    INFO(column);
    CHECK(xml.find(std::string("sqref=\"") + column) != std::string::npos);
  }
  CHECK(xml.find("<formula1>Lists!$") != std::string::npos);
}
