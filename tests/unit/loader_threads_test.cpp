#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "content/loader.h"
#include "temp_folder.h"

namespace ashyq {
namespace {

namespace fs = std::filesystem;

// Every finding as the command line prints it, in the order found.
std::vector<std::string> printed(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& finding : diagnostics.items()) lines.push_back(format_diagnostic(finding));
  return lines;
}

std::vector<std::string> grant_ids(const Portal& portal) {
  std::vector<std::string> ids;
  for (const Grant& grant : portal.grants) ids.push_back(grant.id + " in " + grant.folder);
  return ids;
}

// Grants are read by several threads; what a load gives (records, findings in their order, the
// failed records) must not depend on how many. The fixture portal (synthetic records) with three
// grants broken in three ways between good ones.
TEST_CASE("Loading with several threads gives the records and findings one thread gives") {
  testing::TempFolder site("loader-threads");
  fs::copy(fs::path(ASHYQ_SOURCE_DIR) / "tests/fixtures/portal", site.root(),
           fs::copy_options::recursive);
  const std::string grants = "content/grants/";
  site.write(grants + "synthetic-2023-literacy/grant.json",
             "{\"id\": \"synthetic-2023-literacy\",\n  oops}");
  fs::remove(site / (grants + "synthetic-2024-ecology/grant.json"));
  site.write(grants + "synthetic-2025-planned/report.ru.md", "# Отчёт\n\nбайт \xff не UTF-8\n");

  Diagnostics serial_findings;
  LoadFailures serial_failures;
  const Portal serial = load_portal(site.root(), serial_findings, &serial_failures, 1);
  // The three broken grants are the ones left out, and each has its finding.
  CHECK(serial_failures.grants == std::set<std::string>{"synthetic-2023-literacy",
                                                        "synthetic-2024-ecology",
                                                        "synthetic-2025-planned"});
  REQUIRE(serial.grants.size() == 4);
  const std::vector<std::string> lines = printed(serial_findings);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].starts_with("content/grants/synthetic-2023-literacy/grant.json:2:3: error"));
  CHECK(lines[1].starts_with("content/grants/synthetic-2024-ecology:"));
  CHECK(lines[2].starts_with("content/grants/synthetic-2025-planned/report.ru.md:3:"));

  for (unsigned jobs : {2u, 3u, 8u}) {
    INFO(jobs << " threads");
    Diagnostics findings;
    LoadFailures failures;
    const Portal loaded = load_portal(site.root(), findings, &failures, jobs);
    CHECK(printed(findings) == lines);
    CHECK(failures.grants == serial_failures.grants);
    CHECK(grant_ids(loaded) == grant_ids(serial));
    for (std::size_t i = 0; i < loaded.grants.size() && i < serial.grants.size(); ++i) {
      CHECK(loaded.grants[i].budget.lines.size() == serial.grants[i].budget.lines.size());
      CHECK(loaded.grants[i].narratives[0].markdown == serial.grants[i].narratives[0].markdown);
      CHECK(loaded.grants[i].subgrants.awarded.size() == serial.grants[i].subgrants.awarded.size());
    }
  }
}

}  // namespace
}  // namespace ashyq
