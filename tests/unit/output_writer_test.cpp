#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "output/output_writer.h"
#include "status_check.h"
#include "temp_folder.h"

namespace ashyq::output {
namespace {

namespace fs = std::filesystem;
using testing::read_bytes;
using testing::snapshot;
using Tree = std::map<std::string, std::string>;

// A previous build's output: nested folders, a file that the new build will not write, and
// non-ASCII bytes.
void write_previous_output(const testing::TempFolder& site) {
  site.write("public/index.html", "<html>old</html>");
  site.write("public/kk/grants/g1/index.html", "ескі бет");
  site.write("public/stale.html", "removed in the new build");
}

const Tree kPrevious = {{"index.html", "<html>old</html>"},
                        {"kk/grants/g1/index.html", "ескі бет"},
                        {"stale.html", "removed in the new build"}};

TEST_CASE("Publishing replaces the previous output with exactly the new files") {
  testing::TempFolder site("output");
  write_previous_output(site);
  {
    const auto writer = testing::open_writer(site / "public");
    CHECK(writer->write("index.html", "<html>new</html>") == Status());
    CHECK(writer->write("ru/grants/g1/index.html", "новая страница") == Status());
    // Until publish(), readers still see the previous output.
    CHECK(snapshot(site / "public") == kPrevious);
    CHECK(writer->publish() == Status());
    CHECK(writer->files_written() == 2);
    CHECK(writer->bytes_written() == 16 + 27);
  }
  CHECK(snapshot(site / "public") ==
        Tree{{"index.html", "<html>new</html>"}, {"ru/grants/g1/index.html", "новая страница"}});
  CHECK_FALSE(fs::exists(site / "public.staging"));
}

TEST_CASE("Publishing creates the output folder when there was none") {
  testing::TempFolder site("output");
  {
    // A trailing slash names the same folder.
    const auto writer = testing::open_writer(site / "build/public/");
    CHECK(writer->write("index.html", "x") == Status());
    CHECK(writer->publish() == Status());
  }
  CHECK(snapshot(site / "build/public") == Tree{{"index.html", "x"}});
  CHECK_FALSE(fs::exists(site / "build/public.staging"));
}

TEST_CASE("A writer destroyed without publishing leaves the previous output byte for byte") {
  testing::TempFolder site("output");
  write_previous_output(site);
  {
    const auto writer = testing::open_writer(site / "public");
    CHECK(writer->write("index.html", "<html>half-built</html>") == Status());
    CHECK(writer->write("kk/grants/g1/index.html", "жаңа") == Status());
    CHECK(fs::exists(site / "public.staging/index.html"));
    // The build fails here, e.g. a template error on a later page.
  }
  CHECK(snapshot(site / "public") == kPrevious);
  CHECK_FALSE(fs::exists(site / "public.staging"));
}

TEST_CASE("Staging left over from a killed build is cleared and never published") {
  testing::TempFolder site("output");
  site.write("public.staging/leftover.html", "from a killed build");
  {
    const auto writer = testing::open_writer(site / "public");
    CHECK(writer->write("index.html", "new") == Status());
    CHECK(writer->publish() == Status());
  }
  CHECK(snapshot(site / "public") == Tree{{"index.html", "new"}});
}

TEST_CASE("Copied files are published with written ones") {
  testing::TempFolder site("output");
  const fs::path css = site.write("assets/style.css", "body{}");
  {
    const auto writer = testing::open_writer(site / "public");
    CHECK(writer->copy(css, "assets/style.css") == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files_written() == 1);
    CHECK(writer->bytes_written() == 6);
  }
  CHECK(snapshot(site / "public") == Tree{{"assets/style.css", "body{}"}});
}

TEST_CASE("Paths that could leave the output folder are refused and nothing is written") {
  static const char* const kRefused[] = {
      "../index.html", "kk/../../index.html", "..", "/etc/passwd", "kk/..", "a/../b.html"};
  testing::TempFolder site("output");
  write_previous_output(site);
  const fs::path css = site.write("assets/style.css", "body{}");
  {
    const auto writer = testing::open_writer(site / "public");
    for (const char* path : kRefused) {
      INFO(path);
      const Status refused = Status::invalid_argument(
          std::string("refusing to write outside the output folder: ") + path, path);
      CHECK(writer->write(path, "evil") == refused);
      CHECK(writer->copy(css, path) == refused);
    }
    CHECK(writer->files_written() == 0);
  }
  CHECK(snapshot(site / "public") == kPrevious);
  CHECK(snapshot(site.root()) == Tree{{"assets/style.css", "body{}"},
                                      {"public/index.html", "<html>old</html>"},
                                      {"public/kk/grants/g1/index.html", "ескі бет"},
                                      {"public/stale.html", "removed in the new build"}});
}

// ---- Incremental publishing (a manifest from the previous build exists) ----

std::int64_t mtime_of(const fs::path& file) { return file_mtime_ns(file).value_or(-1); }

ino_t inode_of(const fs::path& file) {
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  return info.st_ino;
}

void publish_tree(const fs::path& out, const Tree& tree, const std::string& inputs = "in-1") {
  const auto writer = testing::open_writer(out, inputs);
  for (const auto& [path, bytes] : tree) CHECK(writer->write(path, bytes) == Status());
  CHECK(writer->publish() == Status());
}

const Tree kFirst = {{"index.html", "home"}, {"kk/a/index.html", "ақ"}, {"kk/b/index.html", "бе"}};

TEST_CASE("A full publish records a manifest beside the output, outside the published tree") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  CHECK(snapshot(site / "public") == kFirst);
  const std::optional<Manifest> manifest = read_manifest(site / "public.manifest");
  REQUIRE(manifest);
  CHECK(manifest->inputs == "in-1");
  REQUIRE(manifest->files.size() == 3);
  const ManifestEntry& entry = manifest->files.at("kk/a/index.html");
  CHECK(entry.size == 4);  // "ақ" is four bytes of UTF-8
  CHECK(entry.mtime_ns == mtime_of(site / "public/kk/a/index.html"));
}

TEST_CASE("Unchanged bytes are not written again; changed, new and gone files are") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  const ino_t home = inode_of(site / "public/index.html");
  const std::int64_t home_mtime = mtime_of(site / "public/index.html");
  const ino_t a = inode_of(site / "public/kk/a/index.html");
  {
    const auto writer = testing::open_writer(site / "public", "in-2");
    CHECK(writer->incremental());
    CHECK(writer->write("index.html", "home") == Status());           // same bytes
    CHECK(writer->write("kk/a/index.html", "ақ, жаңа") == Status());  // changed
    CHECK(writer->write("ru/c/index.html", "новое") == Status());     // new
    // kk/b/index.html is no longer produced.
    CHECK(snapshot(site / "public") == kFirst);  // nothing visible before publish()
    CHECK(writer->publish() == Status());
    CHECK(writer->files() == 3);
    CHECK(writer->files_written() == 2);
    CHECK(writer->bytes_written() == 14 + 10);
    CHECK(writer->files_removed() == 1);
  }
  const Tree expected = {
      {"index.html", "home"}, {"kk/a/index.html", "ақ, жаңа"}, {"ru/c/index.html", "новое"}};
  CHECK(snapshot(site / "public") == expected);
  CHECK_FALSE(fs::exists(site / "public/kk/b"));  // the emptied folder went with its file
  CHECK(inode_of(site / "public/index.html") == home);
  CHECK(mtime_of(site / "public/index.html") == home_mtime);
  CHECK(inode_of(site / "public/kk/a/index.html") != a);
  CHECK_FALSE(fs::exists(site / "public.staging"));
  CHECK(read_manifest(site / "public.manifest")->inputs == "in-2");
}

TEST_CASE("A publish that changes nothing writes nothing, not even the manifest") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  const std::int64_t manifest_mtime = mtime_of(site / "public.manifest");
  const auto before = snapshot(site / "public");
  {
    const auto writer = testing::open_writer(site / "public", "in-1");
    for (const auto& [path, bytes] : kFirst) CHECK(writer->write(path, bytes) == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files_written() == 0);
    CHECK(writer->files_removed() == 0);
  }
  CHECK(mtime_of(site / "public.manifest") == manifest_mtime);
  CHECK(snapshot(site / "public") == before);
}

TEST_CASE("A published file edited by hand is rewritten even when the new bytes are the old ones") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  site.write("public/kk/b/index.html", "hand edit");
  {
    const auto writer = testing::open_writer(site / "public", "in-1");
    for (const auto& [path, bytes] : kFirst) CHECK(writer->write(path, bytes) == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files_written() == 1);
  }
  CHECK(snapshot(site / "public") == kFirst);
}

// One content streamed to several paths, as a page's downloads go to every language's folder.
void stream_to(OutputWriter& writer, const std::vector<std::string>& paths,
               const std::string& text) {
  const Status streamed = writer.write_streamed(paths, [&](const OutputWriter::Append& append) {
    append(text.substr(0, 4));
    append(text.substr(4));
    return Status();
  });
  CHECK(streamed == Status());
}

// `rows`, then `changed`, streamed to several paths over four builds.
void check_streamed_to_paths(const std::string& rows, const std::string& changed) {
  testing::TempFolder site("output");
  const std::vector<std::string> both = {"kk/g/grants.csv", "ru/g/grants.csv"};
  {
    const auto writer = testing::open_writer(site / "public", "in-1");
    stream_to(*writer, both, rows);
    CHECK(writer->write("kk/g/index.html", "бет") == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files() == 3);
    CHECK(writer->files_written() == 3);
    CHECK(writer->bytes() == 2 * static_cast<std::int64_t>(rows.size()) + 6);
  }
  CHECK(snapshot(site / "public") ==
        Tree{{"kk/g/grants.csv", rows}, {"ru/g/grants.csv", rows}, {"kk/g/index.html", "бет"}});
  {
    const std::optional<Manifest> manifest = read_manifest(site / "public.manifest");
    REQUIRE(manifest);
    REQUIRE(manifest->files.size() == 3);
    for (const std::string& path : both) {
      INFO(path);
      const ManifestEntry& entry = manifest->files.at(path);
      CHECK(entry.size == static_cast<std::int64_t>(rows.size()));
      CHECK(entry.hash == manifest->files.at(both.front()).hash);
      CHECK(entry.mtime_ns == mtime_of(site / "public" / path));
    }
  }
  const ino_t kk = inode_of(site / "public/kk/g/grants.csv");
  const ino_t ru = inode_of(site / "public/ru/g/grants.csv");
  CHECK(kk != ru);  // two files, not two names of one
  const std::int64_t kk_mtime = mtime_of(site / "public/kk/g/grants.csv");
  const std::int64_t ru_mtime = mtime_of(site / "public/ru/g/grants.csv");

  // The same bytes again: neither is written, and a new third path is.
  {
    const auto writer = testing::open_writer(site / "public", "in-2");
    REQUIRE(writer->incremental());
    stream_to(*writer, {"kk/g/grants.csv", "ru/g/grants.csv", "en/g/grants.csv"}, rows);
    CHECK(writer->write("kk/g/index.html", "бет") == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files() == 4);
    CHECK(writer->files_written() == 1);
    CHECK(writer->bytes_written() == static_cast<std::int64_t>(rows.size()));
  }
  CHECK(inode_of(site / "public/kk/g/grants.csv") == kk);
  CHECK(inode_of(site / "public/ru/g/grants.csv") == ru);
  CHECK(mtime_of(site / "public/kk/g/grants.csv") == kk_mtime);
  CHECK(mtime_of(site / "public/ru/g/grants.csv") == ru_mtime);
  CHECK(read_bytes(site / "public/en/g/grants.csv") == rows);

  // A path whose published file was edited by hand is rewritten; the others are left alone.
  site.write("public/ru/g/grants.csv", "hand edit");
  {
    const auto writer = testing::open_writer(site / "public", "in-3");
    stream_to(*writer, {"kk/g/grants.csv", "ru/g/grants.csv", "en/g/grants.csv"}, rows);
    CHECK(writer->write("kk/g/index.html", "бет") == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files_written() == 1);
  }
  CHECK(read_bytes(site / "public/ru/g/grants.csv") == rows);
  CHECK(inode_of(site / "public/kk/g/grants.csv") == kk);
  // The inodes in use now: a rewritten file is made while its old one still exists, so it cannot
  // get the same inode (the first Russian file's inode was freed above and may be reused).
  const ino_t ru_now = inode_of(site / "public/ru/g/grants.csv");

  // Changed bytes: every path is rewritten with them; a path no longer given is removed.
  {
    const auto writer = testing::open_writer(site / "public", "in-4");
    stream_to(*writer, both, changed);
    CHECK(writer->write("kk/g/index.html", "бет") == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files() == 3);
    CHECK(writer->files_written() == 2);
    CHECK(writer->bytes_written() == 2 * static_cast<std::int64_t>(changed.size()));
    CHECK(writer->files_removed() == 1);
  }
  CHECK(snapshot(site / "public") == Tree{{"kk/g/grants.csv", changed},
                                          {"ru/g/grants.csv", changed},
                                          {"kk/g/index.html", "бет"}});
  CHECK(inode_of(site / "public/kk/g/grants.csv") != kk);
  CHECK(inode_of(site / "public/ru/g/grants.csv") != ru_now);
  const std::optional<Manifest> manifest = read_manifest(site / "public.manifest");
  REQUIRE(manifest);
  for (const std::string& path : both) {
    INFO(path);
    CHECK(manifest->files.at(path).size == static_cast<std::int64_t>(changed.size()));
    CHECK(manifest->files.at(path).mtime_ns == mtime_of(site / "public" / path));
  }
  CHECK_FALSE(fs::exists(site / "public.staging"));
}

TEST_CASE("One streamed content goes to several paths, each a file written only if changed") {
  SECTION("kept in memory while produced") {
    check_streamed_to_paths("id,атауы\r\ng1,бір\r\n", "id,атауы\r\ng1,бір\r\ng2,екі\r\n");
  }
  SECTION("longer than the writer holds: staged while produced, copied to the other paths") {
    std::string rows = "id,атауы\r\n";
    while (rows.size() <= OutputWriter::kStreamBuffer) rows += "g1,бір\r\n";
    check_streamed_to_paths(rows, rows + "g2,екі\r\n");
  }
}

TEST_CASE("A streamed write to no path is refused, and one path twice fails the publish") {
  testing::TempFolder site("output");
  const auto writer = testing::open_writer(site / "public");
  bool produced = false;
  CHECK(writer->write_streamed(std::vector<std::string>{}, [&](const OutputWriter::Append&) {
    produced = true;
    return Status();
  }) == Status::invalid_argument("write_streamed: no path to write"));
  CHECK_FALSE(produced);
  stream_to(*writer, {"a.csv", "a.csv"}, "rows");
  const Status twice = writer->publish();
  CHECK(twice.code() == Status::Code::invalid_argument);
  CHECK(twice.message() == "two outputs for one file: a.csv");
  CHECK_FALSE(fs::exists(site / "public"));
}

TEST_CASE("A file that cannot be staged is an io_error naming it; the output stays as it was") {
  testing::TempFolder site("output");
  write_previous_output(site);
  {
    const auto writer = testing::open_writer(site / "public");
    CHECK(writer->write("a/b.html", "file") == Status());
    // a/b.html is a file in the staging tree, so nothing can go below it.
    const Status failed = writer->write("a/b.html/c.html", "below a file");
    const std::string staged = (site / "public.staging/a/b.html/c.html").string();
    CHECK(failed == Status::io_error(staged, "cannot write " + staged));
  }
  CHECK(snapshot(site / "public") == kPrevious);
  CHECK_FALSE(fs::exists(site / "public.staging"));
}

TEST_CASE("A streamed content's own error is returned as it is, and its path is not recorded") {
  testing::TempFolder site("output");
  const auto writer = testing::open_writer(site / "public");
  const Status broken = Status::io_error("/tmp/x.xlsx", "cannot read back data/x.xlsx");
  for (const std::size_t size : {std::size_t{10}, OutputWriter::kStreamBuffer + 10}) {
    CHECK(writer->write_streamed("data/x.xlsx", [&](const OutputWriter::Append& append) {
      append(std::string(size, 'x'));
      return broken;
    }) == broken);
  }
  CHECK(writer->files() == 0);
}

TEST_CASE("An incremental build that fails before publishing changes nothing") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  const std::optional<std::string> manifest = read_file(site / "public.manifest");
  {
    const auto writer = testing::open_writer(site / "public", "in-2");
    CHECK(writer->write("index.html", "half-built") == Status());
    CHECK(writer->write("kk/new/index.html", "жаңа") == Status());
  }
  CHECK(snapshot(site / "public") == kFirst);
  CHECK(read_file(site / "public.manifest") == manifest);
  CHECK_FALSE(fs::exists(site / "public.staging"));
}

TEST_CASE("A damaged manifest means a full build, never a wrong incremental one") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  // The last: a manifest of the format before page inputs, which the next build cannot use.
  for (const char* damaged : {"", "ashyq-manifest 2\n", "ashyq-manifest 9\ninputs x\n",
                              "ashyq-manifest 2\ninputs x\nzz 1 2 0 index.html\n",
                              "ashyq-manifest 2\ninputs x\n0000000000000001 4 5 0 index.html",
                              "ashyq-manifest 1\ninputs x\n0000000000000001 4 5 index.html\n"}) {
    INFO(damaged);
    site.write("public.manifest", damaged);
    const auto writer = testing::open_writer(site / "public", "in-1");
    CHECK_FALSE(writer->incremental());
    CHECK_FALSE(OutputWriter::up_to_date(site / "public", "in-1"));
  }
}

TEST_CASE("up_to_date: same inputs and every published file as the manifest recorded it") {
  testing::TempFolder site("output");
  CHECK_FALSE(OutputWriter::up_to_date(site / "public", "in-1"));  // never built
  publish_tree(site / "public", kFirst);
  CHECK(OutputWriter::up_to_date(site / "public", "in-1"));
  CHECK(OutputWriter::up_to_date(site / "public/", "in-1"));
  CHECK_FALSE(OutputWriter::up_to_date(site / "public", "in-2"));
  CHECK_FALSE(OutputWriter::up_to_date(site / "public", ""));

  site.write("public/kk/a/index.html", "ақ!");  // edited by hand
  CHECK_FALSE(OutputWriter::up_to_date(site / "public", "in-1"));
  publish_tree(site / "public", kFirst);
  CHECK(OutputWriter::up_to_date(site / "public", "in-1"));
  fs::remove(site / "public/index.html");
  CHECK_FALSE(OutputWriter::up_to_date(site / "public", "in-1"));

  // A killed build's staging folder: the next build must run, to remove it.
  publish_tree(site / "public", kFirst);
  REQUIRE(OutputWriter::up_to_date(site / "public", "in-1"));
  site.write("public.staging/kk/a/index.html", "жартылай");
  CHECK_FALSE(OutputWriter::up_to_date(site / "public", "in-1"));
  publish_tree(site / "public", kFirst);
  CHECK_FALSE(fs::exists(site / "public.staging"));
  CHECK(OutputWriter::up_to_date(site / "public", "in-1"));
}

// ---- The manifest's files, held compactly ----

TEST_CASE("A manifest is read and written in the same text as before, one sorted line a file",
          "[manifest]") {
  testing::TempFolder site("output");
  Manifest manifest;
  manifest.inputs = "fingerprint 1";
  // Added out of order, as the render threads add them; paths longer than a short string.
  manifest.files.add("ru/grants/synthetic-2024-ecology/index.html",
                     {0x1f, 120, 1700000000123456789, 0xfedcba9876543210});
  manifest.files.add("index.html", {0xabcdef0123456789, 5, 7});
  manifest.files.add("kk/жобалар/index.html", {2, 0, -1});
  REQUIRE_FALSE(manifest.files.sort());
  REQUIRE(write_manifest(site / "public.manifest", manifest) == Status());
  const std::string text =
      "ashyq-manifest 2\n"
      "inputs fingerprint 1\n"
      "abcdef0123456789 5 7 0 index.html\n"
      "0000000000000002 0 -1 0 kk/жобалар/index.html\n"
      "000000000000001f 120 1700000000123456789 fedcba9876543210 "
      "ru/grants/synthetic-2024-ecology/index.html\n";
  CHECK(read_file(site / "public.manifest") == text);

  const std::optional<Manifest> read = read_manifest(site / "public.manifest");
  REQUIRE(read);
  CHECK(read->inputs == "fingerprint 1");
  REQUIRE(read->files.size() == 3);
  CHECK(read->files.path(0) == "index.html");
  CHECK(read->files.path(1) == "kk/жобалар/index.html");
  CHECK(read->files.entry(2).hash == 0x1f);
  CHECK(read->files.entry(2).size == 120);
  CHECK(read->files.entry(2).mtime_ns == 1700000000123456789);
  CHECK(read->files.entry(2).inputs == 0xfedcba9876543210);
  CHECK(read->files.entry(0).inputs == 0);
  CHECK(read->files.at("index.html").hash == 0xabcdef0123456789);
  CHECK(read->files.find("kk/") == nullptr);
  CHECK(read->files.find("zz.html") == nullptr);
  CHECK_THROWS_AS(read->files.at("missing.html"), std::out_of_range);
}

TEST_CASE("A folder's own files are found apart from its subfolders' and its neighbours'",
          "[manifest]") {
  ManifestFiles files;
  for (const char* path : {"downloads/grants/a/grants.csv", "downloads/grants/grants.csv",
                           "downloads/grants/a-b/grants.csv", "downloads/grants/z.json",
                           "downloads/grants.csv", "downloads/grantsx/y.csv"})
    files.add(path, {});
  REQUIRE_FALSE(files.sort());
  std::vector<std::string> found;
  for (std::size_t i : files.files_in("downloads/grants/")) found.emplace_back(files.path(i));
  CHECK(found ==
        std::vector<std::string>{"downloads/grants/grants.csv", "downloads/grants/z.json"});
  found.clear();
  for (std::size_t i : files.files_in("downloads/grants/a/")) found.emplace_back(files.path(i));
  CHECK(found == std::vector<std::string>{"downloads/grants/a/grants.csv"});
  CHECK(files.files_in("downloads/none/").empty());
}

TEST_CASE("Manifest files hold many paths across blocks, each found again by its path") {
  ManifestFiles files;
  // About 60 bytes a path: some 3 MB of paths, more than one block.
  const int n = 50000;
  for (int i = n - 1; i >= 0; --i)
    files.add("kk/grants/synthetic-grant-" + std::to_string(i) + "/budget_lines-and-more.json",
              {static_cast<std::uint64_t>(i), i, 0});
  REQUIRE_FALSE(files.sort());
  REQUIRE(files.size() == n);
  for (std::size_t i = 1; i < files.size(); ++i) REQUIRE(files.path(i - 1) < files.path(i));
  for (int i = 0; i < n; i += 997) {
    const ManifestEntry* entry = files.find("kk/grants/synthetic-grant-" + std::to_string(i) +
                                            "/budget_lines-and-more.json");
    REQUIRE(entry);
    CHECK(entry->hash == static_cast<std::uint64_t>(i));
  }
  // A path longer than a block is kept whole.
  const std::string huge(3 << 20, 'x');
  files.add(huge, {1, 2, 3});
  REQUIRE_FALSE(files.sort());
  REQUIRE(files.find(huge));
  CHECK(files.find(huge)->mtime_ns == 3);
}

TEST_CASE("A manifest that lists a path twice is not trusted: the next build is a full one") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  site.write("public.manifest",
             "ashyq-manifest 2\ninputs in-1\n"
             "0000000000000001 4 5 0 index.html\n"
             "0000000000000001 4 5 0 index.html\n");
  CHECK_FALSE(read_manifest(site / "public.manifest"));
  const auto writer = testing::open_writer(site / "public", "in-1");
  CHECK_FALSE(writer->incremental());
}

TEST_CASE("Two outputs for one file fail the publish and leave the previous output as it was") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  const std::optional<std::string> manifest = read_file(site / "public.manifest");
  for (bool incremental : {true, false}) {
    INFO("incremental " << incremental);
    if (!incremental) fs::remove(site / "public.manifest");
    const auto writer = testing::open_writer(site / "public", "in-2");
    REQUIRE(writer->incremental() == incremental);
    CHECK(writer->write("kk/a/index.html", "first") == Status());
    CHECK(writer->write("index.html", "changed") == Status());
    CHECK(writer->write("kk/a/index.html", "second") == Status());
    CHECK(writer->publish() ==
          Status::invalid_argument("two outputs for one file: kk/a/index.html", "kk/a/index.html"));
    CHECK(snapshot(site / "public") == kFirst);
  }
}

}  // namespace
}  // namespace ashyq::output
