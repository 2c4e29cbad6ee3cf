#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "content/loader.h"
#include "routes/routes.h"
#include "validate/validator.h"
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

// Grants are also validated by several threads, each into its own findings: the findings and their
// order must be those of one thread. Private phone numbers (invented) in the Kazakh narratives of
// four grants, between clean grants.
TEST_CASE("Validating with several threads gives the findings one thread gives") {
  testing::TempFolder site("validate-threads");
  fs::copy(fs::path(ASHYQ_SOURCE_DIR) / "tests/fixtures/portal", site.root(),
           fs::copy_options::recursive);
  const std::string grants = "content/grants/";
  for (const char* folder : {"synthetic-2023-culture-bridge", "synthetic-2024-ecology",
                             "synthetic-2024-subgrants-json", "synthetic-2025-planned"})
    site.write(grants + folder + "/report.kk.md",
               "# Есеп\n\nБайланыс: +7 701 123 45 67 (ойдан шығарылған нөмір)\n");
  Diagnostics loading;
  const Portal portal = load_portal(site.root(), loading, nullptr, 1);
  REQUIRE_FALSE(loading.has_errors());
  Diagnostics serial;
  validate_portal(portal, routes::reserved_names(), serial, {}, 1);
  const std::vector<std::string> lines = printed(serial);
  std::size_t phones = 0;
  for (const std::string& line : lines) phones += line.find("report.kk.md") != std::string::npos;
  CHECK(phones >= 4);
  for (unsigned jobs : {2u, 3u, 8u}) {
    INFO(jobs << " threads");
    Diagnostics findings;
    validate_portal(portal, routes::reserved_names(), findings, {}, jobs);
    CHECK(printed(findings) == lines);
  }
}

}  // namespace
}  // namespace ashyq
