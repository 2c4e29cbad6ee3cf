// Incremental builds of the portal fixture with the real binary: an unchanged site is not built
// again and no file is touched; after one grant changes, only the pages that show that grant are
// written, and the result is byte for byte what a clean build gives.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "test_site.h"

namespace ashyq::integration {
namespace {

namespace fs = std::filesystem;

// Each output file's identity: a rewritten file is a new inode (written to staging, renamed into
// place), so this tells written from untouched files even within one clock tick.
struct FileStamp {
  ino_t inode = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

std::map<std::string, FileStamp> stamps(const fs::path& dir) {
  std::map<std::string, FileStamp> out;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    struct stat info {};
    REQUIRE(::stat(entry.path().c_str(), &info) == 0);
    out[entry.path().lexically_relative(dir).generic_string()] = {
        info.st_ino, info.st_mtim.tv_sec * 1'000'000'000LL + info.st_mtim.tv_nsec};
  }
  return out;
}

std::set<std::string> changed_files(const std::map<std::string, FileStamp>& before,
                                    const std::map<std::string, FileStamp>& after) {
  std::set<std::string> changed;
  for (const auto& [file, stamp] : after) {
    const auto old = before.find(file);
    if (old == before.end() || !(old->second == stamp)) changed.insert(file);
  }
  return changed;
}

TEST_CASE("A rebuild with nothing changed does nothing and touches no file", "[incremental]") {
  const TestSite site("portal");
  const RunResult first = site.build();
  REQUIRE(first.exit_code == 0);
  const auto before = stamps(site.dir() / "public");
  REQUIRE(before.size() > 50);
  REQUIRE(fs::exists(site.dir() / "public.manifest"));

  const RunResult second = site.build();
  INFO(second.err);
  CHECK(second.exit_code == 0);
  CHECK(second.out.find("is up to date: no input changed since the last build") !=
        std::string::npos);
  CHECK(stamps(site.dir() / "public") == before);

  // A published file removed or edited by hand is noticed: the site is no longer up to date, and
  // the rebuild restores exactly that file.
  fs::remove(site.dir() / "public/kk/index.html");
  site.write("public/ru/index.html", "edited by hand");
  const RunResult third = site.build();
  INFO(third.err);
  CHECK(third.exit_code == 0);
  CHECK(third.out.find("2 written, 0 removed") != std::string::npos);
  const auto after = stamps(site.dir() / "public");
  CHECK(changed_files(before, after) == std::set<std::string>{"kk/index.html", "ru/index.html"});
  CHECK(site.read("public/ru/index.html").starts_with("<!DOCTYPE html>"));
}

TEST_CASE("After one grant changes only the pages showing it are written, as a clean build would",
          "[incremental]") {
  const TestSite site("portal");
  REQUIRE(site.build().exit_code == 0);
  const auto before = stamps(site.dir() / "public");

  // A longer title, in both languages, for one grant. The title keeps its beginning, so the grant
  // keeps its place in the title-sorted lists: a change that moved it would also, rightly, rewrite
  // the pages of the grants it moved past.
  site.replace_once("content/grants/synthetic-2023-literacy/grant.json", "сауаттылық жобасы\"",
                    "сауаттылық жобасы ӨЗГЕРТІЛГЕН\"");
  site.replace_once("content/grants/synthetic-2023-literacy/grant.json", "проект грамотности\"",
                    "проект грамотности ИЗМЕНЁННОЕ\"");

  const RunResult rebuild = site.build({"--timings"});
  INFO(rebuild.err);
  REQUIRE(rebuild.exit_code == 0);
  const auto after = stamps(site.dir() / "public");
  const std::set<std::string> written = changed_files(before, after);
  // Of the nine bulk tables only the grants table holds titles: the other eight keep their files
  // without being written out again (site/downloads.h, PortalDataFiles).
  CHECK(rebuild.out.find("; 8 of 9 bulk tables kept)") != std::string::npos);

  // Exactly the pages that show the changed title were written. The search index (search/)
  // changes too, in its own way: its chunks are named by their bytes, so a changed chunk is a new
  // file and the old one is removed (docs/search.md); only its files are ever removed here.
  std::set<std::string> showing, written_pages, removed;
  for (const auto& [file, bytes] : site.files("public"))
    if (!file.starts_with("search/") && (bytes.find(" ӨЗГЕРТІЛГЕН") != std::string::npos ||
                                         bytes.find(" ИЗМЕНЁННОЕ") != std::string::npos))
      showing.insert(file);
  // A bulk file's XLSX copy is compressed: it shows the title when its CSV does.
  for (const auto& [file, bytes] : site.files("public"))
    if (file.ends_with(".xlsx") && showing.count(file.substr(0, file.size() - 5) + ".csv"))
      showing.insert(file);
  for (const std::string& file : written)
    if (!file.starts_with("search/")) written_pages.insert(file);
  for (const auto& [file, stamp] : before)
    if (!after.count(file)) removed.insert(file);
  CHECK(!showing.empty());
  CHECK(written_pages == showing);
  CHECK(written.size() < before.size() / 2);
  for (const std::string& file : removed) CHECK(file.starts_with("search/"));
  CHECK(rebuild.out.find(" " + std::to_string(written.size()) + " written, " +
                         std::to_string(removed.size()) + " removed") != std::string::npos);

  // Byte-identical to a clean build of the same inputs.
  const RunResult clean = site.build({"--out", site.scratch("clean").string()});
  REQUIRE(clean.exit_code == 0);
  CHECK(site.files("public") == site.files(site.scratch("clean")));
}

// A page's key holds the text of its own templates, partials included, not every template's: an
// edit of templates/grant.mustache makes the grant pages again and keeps the catalogue's, the
// organisations', the registry's and the other tracked kinds' pages.
TEST_CASE("After a template changes only the pages made with it are made again", "[incremental]") {
  const TestSite site("portal");
  REQUIRE(site.build().exit_code == 0);
  const auto before = stamps(site.dir() / "public");
  site.write("templates/grant.mustache",
             "<!-- grant template edited -->" + site.read("templates/grant.mustache"));
  const RunResult rebuild = site.build();
  INFO(rebuild.out << rebuild.err);
  REQUIRE(rebuild.exit_code == 0);
  const std::set<std::string> written = changed_files(before, stamps(site.dir() / "public"));
  std::set<std::string> grant_pages;
  for (const auto& [file, bytes] : site.files("public"))
    if (bytes.find("<!-- grant template edited -->") != std::string::npos) grant_pages.insert(file);
  CHECK(grant_pages.size() >= 2);
  CHECK(written == grant_pages);
  for (const std::string& file : grant_pages) {
    INFO(file);
    CHECK((file.starts_with("kk/grants/") || file.starts_with("ru/grants/")));
    CHECK(std::count(file.begin(), file.end(), '/') == 3);  // <lang>/grants/<id>/index.html
  }
  // Kept, not made again: every page but the grants' and the kinds made at every build.
  std::smatch kept;
  REQUIRE(std::regex_search(rebuild.out, kept, std::regex("(\\d+) pages kept")));
  std::smatch pages;
  REQUIRE(std::regex_search(rebuild.out, pages, std::regex("built (\\d+) pages")));
  CHECK(std::stoi(kept[1]) > std::stoi(pages[1]) / 2);

  const RunResult clean = site.build({"--out", site.scratch("clean").string()});
  REQUIRE(clean.exit_code == 0);
  CHECK(site.files("public") == site.files(site.scratch("clean")));
}

TEST_CASE("Pages the site no longer has are removed by an incremental build", "[incremental]") {
  const TestSite site("portal");
  REQUIRE(site.build().exit_code == 0);
  const fs::path page = site.dir() / "public/kk/about";
  REQUIRE(fs::exists(site.dir() / "content/pages/about.kk.md"));
  fs::remove(site.dir() / "content/pages/about.kk.md");
  fs::remove(site.dir() / "content/pages/about.ru.md");
  const RunResult rebuild = site.build();
  INFO(rebuild.err);
  REQUIRE(rebuild.exit_code == 0);
  CHECK_FALSE(fs::exists(page));  // the page and its now-empty folder
  CHECK(rebuild.out.find(" removed;") != std::string::npos);
  const RunResult clean = site.build({"--out", site.scratch("clean").string()});
  REQUIRE(clean.exit_code == 0);
  CHECK(site.files("public") == site.files(site.scratch("clean")));
}

}  // namespace
}  // namespace ashyq::integration
