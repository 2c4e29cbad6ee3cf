#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "temp_folder.h"

namespace ashyq::cli {
namespace {

const std::string kUsage =
    "usage: ashyq <command> [options]\n"
    "\n"
    "commands:\n"
    "  build     build the portal from site.toml and content/ into public/\n"
    "  check     load and validate only; write nothing\n"
    "  links     check every external link; write link-cache.json\n"
    "  serve     build into a temporary folder, serve on 127.0.0.1, rebuild on changes\n"
    "  workbook  write a grant's workbook (XLSX) for an NGO to fill\n"
    "  import    read a filled workbook into content/grants/<id>/grant.json\n"
    "  init      write a new portal that builds at once into a folder\n"
    "  new       write the skeleton of a new grant or organisation record\n"
    "\n"
    "Run 'ashyq <command> --help' for a command's options.\n";

const std::string kBuildUsage =
    "usage: ashyq build [--site DIR] [--out DIR] [--jobs N] [--timings]\n"
    "\n"
    "Loads and validates the site in DIR (default: .), renders every page in both languages\n"
    "and publishes them into --out (default: DIR/public) in one atomic step. If anything fails,\n"
    "the previous output stays as it was.\n"
    "\n"
    "  --site DIR   the site: site.toml, content/, templates/, assets/ (default: .)\n"
    "  --out DIR    where to publish (default: DIR/public)\n"
    "  --jobs N     render threads (default: one per core)\n"
    "  --timings    print each phase's duration (load, validate, templates, views, render,\n"
    "               write, publish) and the peak memory when it ended, then each kind of\n"
    "               page's pages, render and download time, bytes and slowest page,\n"
    "               costliest first\n"
    "\n"
    "exit status: 0 built, 1 content or template errors, 2 usage error\n";

const std::string kCheckUsage =
    "usage: ashyq check [--site DIR]\n"
    "\n"
    "Runs the same loading and validation as build, reports every finding, and writes nothing.\n"
    "\n"
    "  --site DIR   the site (default: .)\n"
    "\n"
    "exit status: 0 no errors (warnings allowed), 1 errors, 2 usage error\n";

struct Run {
  int status;
  std::string out, err;
};

Run run_cli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int status = run(args, out, err);
  return {status, out.str(), err.str()};
}

TEST_CASE("Each command line gets its exit status, output and message") {
  // A path that is certainly not a directory: a file in a fresh temporary folder.
  testing::TempFolder folder("cli");
  const std::string file = folder.write("site.toml", "").string();
  const std::string missing = (folder / "no-such-site").string();

  struct Case {
    std::vector<std::string> args;
    int status;
    std::string out, err;
  };
  // The --jobs cases name a missing --site too, so that a wrongly accepted value fails on the site
  // instead of building the current directory.
  const Case cases[] = {
      {{}, kExitUsage, "", kUsage},
      {{"--help"}, kExitOk, kUsage, ""},
      {{"-h"}, kExitOk, kUsage, ""},
      {{"help"}, kExitOk, kUsage, ""},
      {{"--version"}, kExitOk, "ashyq 0.1.0\n", ""},
      {{"bild"}, kExitUsage, "", "ashyq: unknown command 'bild'\n\n" + kUsage},
      {{"--site", "."}, kExitUsage, "", "ashyq: unknown command '--site'\n\n" + kUsage},
      {{"build", "--help"}, kExitOk, kBuildUsage, ""},
      {{"build", "-h"}, kExitOk, kBuildUsage, ""},
      {{"check", "--help"}, kExitOk, kCheckUsage, ""},
      {{"build", "--site", missing, "--help"}, kExitOk, kBuildUsage, ""},
      {{"build", "--verbose"},
       kExitUsage,
       "",
       "ashyq build: unknown option '--verbose'\n\n" + kBuildUsage},
      {{"check", "--out", "dist"},
       kExitUsage,
       "",
       "ashyq check: unknown option '--out'\n\n" + kCheckUsage},
      {{"check", "--jobs", "2"},
       kExitUsage,
       "",
       "ashyq check: unknown option '--jobs'\n\n" + kCheckUsage},
      {{"build", "--site"}, kExitUsage, "", "ashyq build: --site needs a value\n\n" + kBuildUsage},
      {{"build", "--out"}, kExitUsage, "", "ashyq build: --out needs a value\n\n" + kBuildUsage},
      {{"build", "--jobs", "0", "--site", missing},
       kExitUsage,
       "",
       "ashyq build: --jobs needs a positive number, got '0'\n"},
      {{"build", "--jobs", "many", "--site", missing},
       kExitUsage,
       "",
       "ashyq build: --jobs needs a positive number, got 'many'\n"},
      {{"build", "--jobs", "4x", "--site", missing},
       kExitUsage,
       "",
       "ashyq build: --jobs needs a positive number, got '4x'\n"},
      {{"build", "--jobs", "-2", "--site", missing},
       kExitUsage,
       "",
       "ashyq build: --jobs needs a positive number, got '-2'\n"},
      {{"build", "--jobs", "99999999999", "--site", missing},
       kExitUsage,
       "",
       "ashyq build: --jobs needs a positive number, got '99999999999'\n"},
      {{"build", "--site", missing},
       kExitUsage,
       "",
       "ashyq build: --site " + missing + " is not a directory\n"},
      {{"check", "--timings"},
       kExitUsage,
       "",
       "ashyq check: unknown option '--timings'\n\n" + kCheckUsage},
      {{"check", "--site", file},
       kExitUsage,
       "",
       "ashyq check: --site " + file + " is not a directory\n"},
      {{"serve", "--port", "http", "--site", missing},
       kExitUsage,
       "",
       "ashyq serve: --port needs a number from 0 to 65535, got 'http'\n"},
      {{"serve", "--port", "65536", "--site", missing},
       kExitUsage,
       "",
       "ashyq serve: --port needs a number from 0 to 65535, got '65536'\n"},
      {{"serve", "--port", "-1", "--site", missing},
       kExitUsage,
       "",
       "ashyq serve: --port needs a number from 0 to 65535, got '-1'\n"},
      {{"serve", "--site", missing},
       kExitUsage,
       "",
       "ashyq serve: --site " + missing + " is not a directory\n"},
      {{"build", "--port", "8080"},
       kExitUsage,
       "",
       "ashyq build: unknown option '--port'\n\n" + kBuildUsage},
  };
  for (const Case& c : cases) {
    std::string line;
    for (const auto& arg : c.args) line += " " + arg;
    INFO("ashyq" << line);
    const Run r = run_cli(c.args);
    CHECK(r.status == c.status);
    CHECK(r.out == c.out);
    CHECK(r.err == c.err);
  }
}

TEST_CASE("Check on an empty site directory fails with content errors, not a usage error") {
  testing::TempFolder site("cli");
  const Run r = run_cli({"check", "--site", site.root().string()});
  CHECK(r.status == kExitContentError);
  CHECK(r.out == "");
  CHECK(r.err.find("check failed in phase load\n") != std::string::npos);
  CHECK(r.err.find("site.toml: error: cannot read the site configuration") != std::string::npos);
}

// The synthetic "full" fixture with the repository's templates and assets, in a folder of its own.
void copy_full_fixture(const testing::TempFolder& folder) {
  namespace fs = std::filesystem;
  const fs::path source = ASHYQ_SOURCE_DIR;
  const auto recursive = fs::copy_options::recursive;
  fs::copy(source / "tests/fixtures/full", folder / "site", recursive);
  fs::copy(source / "templates", folder / "site/templates", recursive);
  fs::copy(source / "assets", folder / "site/assets", recursive);
}

TEST_CASE("Build --timings prints one line a phase after the summary, in pipeline order") {
  testing::TempFolder folder("cli-timings");
  copy_full_fixture(folder);
  const std::string site = (folder / "site").string();
  const Run r = run_cli({"build", "--site", site, "--out", (folder / "out").string(), "--timings"});
  REQUIRE(r.status == kExitOk);
  const std::string peak = ", peak memory [0-9.]+ (KiB|MiB)\\n";
  const std::regex expected(
      "built \\d+ pages \\(\\d+ files, [0-9.]+ (KiB|MiB); \\d+ written, \\d+ removed; \\d+ "
      "pages kept from the last build\\) from 4 "
      "grants into [^\\n]+ in [0-9.]+ "
      "s, "
      "peak memory [0-9.]+ (KiB|MiB)\\n"
      "phase load \\d+\\.\\d{3} s" +
      peak + "phase validate \\d+\\.\\d{3} s" + peak + "phase templates \\d+\\.\\d{3} s" + peak +
      "phase views \\d+\\.\\d{3} s" + peak + "phase render \\d+\\.\\d{3} s \\(thread-seconds\\)" +
      peak + "phase write \\d+\\.\\d{3} s \\(thread-seconds\\)" + peak +
      "phase pages \\d+\\.\\d{3} s \\(wall time of render and write\\)" + peak +
      "phase data \\d+\\.\\d{3} s \\(thread-seconds, part of pages; 0 of 9 bulk tables kept\\)" +
      peak +
      "phase search \\d+\\.\\d{3} s \\(thread-seconds: the search index and the explorer's data, "
      "part of pages\\)" +
      peak +
      "phase publish \\d+\\.\\d{3} s" + peak +
      "(pages [a-z_]+ \\d+ kept \\d+ render \\d+\\.\\d{3} s downloads \\d+\\.\\d{3} s bytes "
      "[0-9.]+ "
      "(B|KiB|MiB) slowest \\d+\\.\\d ms [^ \\n]*\\.html\\n)+");
  INFO(r.out);
  CHECK(std::regex_match(r.out, expected));

  // The peak memory after each phase never falls, and the last is the summary's.
  const std::regex peak_line("phase [a-z]+ [^\\n]*, peak memory ([0-9.]+) (KiB|MiB)\\n");
  auto kib = [](const std::smatch& m) { return std::stod(m[1]) * (m[2] == "MiB" ? 1024 : 1); };
  std::vector<double> peaks;
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), peak_line);
       it != std::sregex_iterator(); ++it)
    peaks.push_back(kib(*it));
  REQUIRE(peaks.size() == 10);
  for (std::size_t i = 1; i < peaks.size(); ++i) CHECK(peaks[i] >= peaks[i - 1]);
  std::smatch summary;
  REQUIRE(std::regex_search(r.out, summary, std::regex("peak memory ([0-9.]+) (KiB|MiB)\\n")));
  CHECK(peaks.back() <= kib(summary) + 0.1);

  // The per-kind lines account for every page, once, costliest first.
  const std::regex kind_line(
      "pages ([a-z_]+) (\\d+) kept \\d+ render ([0-9.]+) s downloads ([0-9.]+) s bytes [^\\n]+ slowest "
      "[0-9.]+ ms ([^\\n]+)\\n");
  std::map<std::string, long> pages_of;
  std::vector<double> costs;
  long total = 0;
  for (auto it = std::sregex_iterator(r.out.begin(), r.out.end(), kind_line);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    CHECK(pages_of.count(m[1]) == 0);
    pages_of[m[1]] = std::stol(m[2]);
    total += std::stol(m[2]);
    costs.push_back(std::stod(m[3]) + std::stod(m[4]));
  }
  std::smatch built;
  REQUIRE(std::regex_search(r.out, built, std::regex("built (\\d+) pages")));
  CHECK(total == std::stol(built[1]));
  CHECK(pages_of["grant"] == 8);  // 4 grants × 2 languages
  CHECK(pages_of["home"] == 2);
  // Printed to the millisecond, so neighbours may look out of order by the rounding.
  for (std::size_t i = 1; i < costs.size(); ++i) CHECK(costs[i] <= costs[i - 1] + 0.0021);
}

TEST_CASE("Build without --timings prints the summary line only") {
  testing::TempFolder folder("cli-timings");
  copy_full_fixture(folder);
  const Run r =
      run_cli({"build", "--site", (folder / "site").string(), "--out", (folder / "out").string()});
  REQUIRE(r.status == kExitOk);
  CHECK(r.out.starts_with("built "));
  CHECK(r.out.find("phase ") == std::string::npos);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1);
}

}  // namespace
}  // namespace ashyq::cli
