#include <fcntl.h>
#include <stdio.h>
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

// Two paths trade names, as a build does when it publishes.
bool exchange_for_test(const fs::path& a, const fs::path& b) {
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
}

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

TEST_CASE("keep_files keeps a set of files when the first was written with the key and all are "
          "on disk as published") {
  testing::TempFolder site("output");
  const std::vector<std::string> table = {"data/t.csv", "data/t.json", "data/t.xlsx"};
  {
    const auto writer = testing::open_writer(site / "public", "in-1");
    CHECK_FALSE(writer->keep_files(table, 42));  // a full build keeps nothing
    std::uint64_t key = 0;
    CHECK(writer->write_streamed(
              "data/t.csv",
              [&](const OutputWriter::Append& append) {
                append("a,b\n");
                key = 42;  // known once streamed
                return Status();
              },
              &key) == Status());
    CHECK(writer->write("data/t.json", "[]") == Status());
    CHECK(writer->write("data/t.xlsx", "PK") == Status());
    CHECK(writer->write("index.html", "home") == Status());
    CHECK(writer->publish() == Status());
  }
  const Tree first = snapshot(site / "public");
  auto rebuild = [&](std::uint64_t key, const std::vector<std::string>& paths) {
    const auto writer = testing::open_writer(site / "public", "in-2");
    const bool kept = writer->keep_files(paths, key);
    if (!kept) {  // made again, with the same key
      CHECK(writer->write("data/t.csv", "a,b\n", 42) == Status());
      CHECK(writer->write("data/t.json", "[]") == Status());
      CHECK(writer->write("data/t.xlsx", "PK") == Status());
    } else {
      CHECK(writer->files_kept() == 3);
      CHECK(writer->files() == 3);
    }
    CHECK(writer->write("index.html", "home") == Status());
    CHECK(writer->publish() == Status());
    CHECK(snapshot(site / "public") == first);  // kept or made again, the same tree
    return kept;
  };
  CHECK_FALSE(rebuild(0, table));                                 // no key: never kept
  CHECK_FALSE(rebuild(41, table));                                // another key
  CHECK_FALSE(rebuild(42, {"data/t.csv", "data/missing.json"}));  // a file the build lacked
  CHECK_FALSE(rebuild(42, {"data/t.json", "data/t.csv"}));        // the key is on the first
  CHECK(rebuild(42, table));
  // A file of the set edited by hand: the set is made again.
  site.write("public/data/t.xlsx", "edited");
  CHECK_FALSE(rebuild(42, table));
  CHECK(rebuild(42, table));
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

// ---- Two trees in turn: the published one is never touched ----

const Tree kSecond = {
    {"index.html", "home"}, {"kk/a/index.html", "ақ, жаңа"}, {"ru/c/index.html", "новое"}};
const Tree kThird = {
    {"index.html", "home, 3"}, {"kk/a/index.html", "ақ, жаңа"}, {"ru/c/index.html", "новое"}};

// Each manifest beside public/ names its own folder.
void check_manifests_name_their_trees(const testing::TempFolder& site) {
  const std::optional<Manifest> published = read_manifest(site / "public.manifest");
  REQUIRE(published);
  CHECK(published->tree == tree_id(site / "public"));
  if (fs::exists(site / "public.spare")) {
    const std::optional<Manifest> spare = read_manifest(site / "public.spare.manifest");
    REQUIRE(spare);
    CHECK(spare->tree == tree_id(site / "public.spare"));
    for (std::size_t i = 0; i < spare->files.size(); ++i)
      CHECK(matches_disk(site / "public.spare" / spare->files.path(i), spare->files.entry(i)));
  }
}

TEST_CASE("An incremental publish switches whole trees; the old tree stays whole as the spare") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  const std::optional<TreeId> first = tree_id(site / "public");
  const ino_t home = inode_of(site / "public/index.html");
  {
    const auto writer = testing::open_writer(site / "public", "in-2");
    for (const auto& [path, bytes] : kSecond) CHECK(writer->write(path, bytes) == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files_linked() == 1);  // index.html, from the published tree
  }
  CHECK(snapshot(site / "public") == kSecond);
  // The tree that was published is now the spare, as it was, under the other name.
  CHECK(tree_id(site / "public.spare") == first);
  CHECK(snapshot(site / "public.spare") == kFirst);
  CHECK(inode_of(site / "public/index.html") == home);
  CHECK(inode_of(site / "public.spare/index.html") == home);
  check_manifests_name_their_trees(site);
  CHECK(OutputWriter::up_to_date(site / "public", "in-2"));

  // The next build brings the spare (the first tree) up to date from what changed in the last two
  // builds: kk/b goes, kk/a and ru/c are linked from the published tree, index.html is written.
  {
    const auto writer = testing::open_writer(site / "public", "in-3");
    CHECK(writer->incremental());
    for (const auto& [path, bytes] : kThird) CHECK(writer->write(path, bytes) == Status());
    CHECK(snapshot(site / "public") == kSecond);
    CHECK(snapshot(site / "public.spare") == kFirst);  // nothing changes before publish()
    CHECK(writer->publish() == Status());
    CHECK(writer->files_written() == 1);
    CHECK(writer->files_linked() == 2);
    CHECK(writer->files_removed() == 0);
  }
  CHECK(tree_id(site / "public") == first);
  CHECK(snapshot(site / "public") == kThird);
  CHECK(snapshot(site / "public.spare") == kSecond);
  CHECK_FALSE(fs::exists(site / "public/kk/b"));
  CHECK(inode_of(site / "public/kk/a/index.html") ==
        inode_of(site / "public.spare/kk/a/index.html"));
  CHECK(inode_of(site / "public/index.html") != home);
  CHECK(inode_of(site / "public.spare/index.html") == home);
  check_manifests_name_their_trees(site);

  // A fourth build with the same files links nothing that the spare already holds as published.
  {
    const auto writer = testing::open_writer(site / "public", "in-4");
    for (const auto& [path, bytes] : kSecond) CHECK(writer->write(path, bytes) == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files_written() == 1);
    CHECK(writer->files_linked() == 0);  // kk/a, ru/c: the spare's are the published files
  }
  CHECK(snapshot(site / "public") == kSecond);
  CHECK(snapshot(site / "public.spare") == kThird);
  check_manifests_name_their_trees(site);
}

TEST_CASE("Killed between the trees' switch and the manifests', the next build pairs them again") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  publish_tree(site / "public", kSecond, "in-2");
  // What a kill right after the trees traded names leaves: each manifest beside the other tree.
  REQUIRE(exchange_for_test(site / "public.manifest", site / "public.spare.manifest"));
  CHECK(read_manifest_tree(site / "public.manifest") == tree_id(site / "public.spare"));
  CHECK_FALSE(OutputWriter::up_to_date(site / "public", "in-2"));
  {
    const auto writer = testing::open_writer(site / "public", "in-2");
    CHECK(writer->incremental());
    check_manifests_name_their_trees(site);
    for (const auto& [path, bytes] : kSecond) CHECK(writer->write(path, bytes) == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files_written() == 0);
  }
  CHECK(OutputWriter::up_to_date(site / "public", "in-2"));
  CHECK(snapshot(site / "public") == kSecond);
}

TEST_CASE("A spare without its manifest, or edited, is made again and never publishes a gap") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  publish_tree(site / "public", kSecond, "in-2");
  SECTION("the manifest is gone (killed while the spare was updated), a stray file is left") {
    fs::remove(site / "public.spare.manifest");
    site.write("public.spare/stray.html", "half of a killed build");
    {
      const auto writer = testing::open_writer(site / "public", "in-3");
      for (const auto& [path, bytes] : kThird) CHECK(writer->write(path, bytes) == Status());
      CHECK(writer->publish() == Status());
      CHECK(writer->files_linked() == 2);
    }
    CHECK(snapshot(site / "public") == kThird);
  }
  SECTION("a file the spare would keep was removed from it by hand") {
    // kk/a and ru/c of the spare (the first tree) differ from the published ones; index.html is
    // the published file itself, so the spare would keep it.
    fs::remove(site / "public.spare/index.html");
    {
      const auto writer = testing::open_writer(site / "public", "in-3");
      for (const auto& [path, bytes] : kSecond) CHECK(writer->write(path, bytes) == Status());
      CHECK(writer->write("ru/d/index.html", "ещё") == Status());
      CHECK(writer->publish() == Status());
      CHECK(writer->files_linked() == 3);
    }
    Tree expected = kSecond;
    expected["ru/d/index.html"] = "ещё";
    CHECK(snapshot(site / "public") == expected);
  }
  check_manifests_name_their_trees(site);
}

TEST_CASE("A build that fails before publishing leaves the spare and both manifests as they were") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  publish_tree(site / "public", kSecond, "in-2");
  const std::optional<std::string> published = read_file(site / "public.manifest");
  const std::optional<std::string> spare = read_file(site / "public.spare.manifest");
  {
    const auto writer = testing::open_writer(site / "public", "in-3");
    for (const auto& [path, bytes] : kThird) CHECK(writer->write(path, bytes) == Status());
  }
  CHECK(snapshot(site / "public") == kSecond);
  CHECK(snapshot(site / "public.spare") == kFirst);
  CHECK(read_file(site / "public.manifest") == published);
  CHECK(read_file(site / "public.spare.manifest") == spare);
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

// A content streamed in two pieces, as a table's rows are.
void stream_to(OutputWriter& writer, const std::string& path, const std::string& text) {
  const Status streamed = writer.write_streamed(path, [&](const OutputWriter::Append& append) {
    append(text.substr(0, 4));
    append(text.substr(4));
    return Status();
  });
  CHECK(streamed == Status());
}

// `rows`, then `changed`, streamed to one path over four builds.
void check_streamed(const std::string& rows, const std::string& changed) {
  testing::TempFolder site("output");
  const std::string csv = "downloads/g/grants.csv";
  {
    const auto writer = testing::open_writer(site / "public", "in-1");
    stream_to(*writer, csv, rows);
    CHECK(writer->write("kk/g/index.html", "бет") == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files() == 2);
    CHECK(writer->files_written() == 2);
    CHECK(writer->bytes() == static_cast<std::int64_t>(rows.size()) + 6);
  }
  CHECK(snapshot(site / "public") == Tree{{csv, rows}, {"kk/g/index.html", "бет"}});
  {
    const std::optional<Manifest> manifest = read_manifest(site / "public.manifest");
    REQUIRE(manifest);
    REQUIRE(manifest->files.size() == 2);
    CHECK(manifest->files.at(csv).size == static_cast<std::int64_t>(rows.size()));
    CHECK(manifest->files.at(csv).mtime_ns == mtime_of(site / "public" / csv));
  }
  const ino_t first = inode_of(site / "public" / csv);
  const std::int64_t first_mtime = mtime_of(site / "public" / csv);

  // The same bytes again, beside a new page: the file is not written, and keeps its inode and time.
  {
    const auto writer = testing::open_writer(site / "public", "in-2");
    REQUIRE(writer->incremental());
    stream_to(*writer, csv, rows);
    CHECK(writer->write("kk/g/index.html", "бет") == Status());
    CHECK(writer->write("ru/g/index.html", "страница") == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files() == 3);
    CHECK(writer->files_written() == 1);
  }
  CHECK(inode_of(site / "public" / csv) == first);
  CHECK(mtime_of(site / "public" / csv) == first_mtime);

  // Edited by hand: rewritten with the build's bytes.
  site.write("public/" + csv, "hand edit");
  {
    const auto writer = testing::open_writer(site / "public", "in-3");
    stream_to(*writer, csv, rows);
    CHECK(writer->write("kk/g/index.html", "бет") == Status());
    CHECK(writer->write("ru/g/index.html", "страница") == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files_written() == 1);
  }
  CHECK(read_bytes(site / "public" / csv) == rows);

  // Changed bytes: written.
  {
    const auto writer = testing::open_writer(site / "public", "in-4");
    stream_to(*writer, csv, changed);
    CHECK(writer->write("kk/g/index.html", "бет") == Status());
    CHECK(writer->write("ru/g/index.html", "страница") == Status());
    CHECK(writer->publish() == Status());
    CHECK(writer->files_written() == 1);
    CHECK(writer->bytes_written() == static_cast<std::int64_t>(changed.size()));
  }
  CHECK(snapshot(site / "public") ==
        Tree{{csv, changed}, {"kk/g/index.html", "бет"}, {"ru/g/index.html", "страница"}});
  const std::optional<Manifest> manifest = read_manifest(site / "public.manifest");
  REQUIRE(manifest);
  CHECK(manifest->files.at(csv).size == static_cast<std::int64_t>(changed.size()));
  CHECK(manifest->files.at(csv).mtime_ns == mtime_of(site / "public" / csv));
  CHECK_FALSE(fs::exists(site / "public.staging"));
}

TEST_CASE("A streamed content is a file written only if its bytes changed") {
  SECTION("kept in memory while produced") {
    check_streamed("id,атауы\r\ng1,бір\r\n", "id,атауы\r\ng1,бір\r\ng2,екі\r\n");
  }
  SECTION("longer than the writer holds: staged while produced") {
    std::string rows = "id,атауы\r\n";
    while (rows.size() <= OutputWriter::kStreamBuffer) rows += "g1,бір\r\n";
    check_streamed(rows, rows + "g2,екі\r\n");
  }
}

TEST_CASE("One path streamed twice fails the publish") {
  testing::TempFolder site("output");
  const auto writer = testing::open_writer(site / "public");
  stream_to(*writer, "a.csv", "rows");
  stream_to(*writer, "a.csv", "rows");
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
  // The last three: a manifest of the format before trees were named, one of the format before
  // page inputs, and one that names a folder other than public/ (another generation's).
  const TreeId other{1, 2};
  const std::vector<std::string> damaged_manifests = {
      "",
      "ashyq-manifest 3\n",
      "ashyq-manifest 9\ntree 1 2\ninputs x\n",
      "ashyq-manifest 3\ntree 1\ninputs x\n",
      "ashyq-manifest 3\ntree 1 2\ninputs x\nzz 1 2 0 index.html\n",
      "ashyq-manifest 3\ntree 1 2\ninputs x\n0000000000000001 4 5 0 index.html",
      "ashyq-manifest 2\ninputs in-1\n0000000000000001 4 5 0 index.html\n",
      "ashyq-manifest 1\ninputs x\n0000000000000001 4 5 index.html\n",
      "ashyq-manifest 3\ntree " + std::to_string(other.device) + " " + std::to_string(other.inode) +
          "\ninputs in-1\n"};
  for (const std::string& damaged : damaged_manifests) {
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
  manifest.tree = {2049, 131074};
  manifest.inputs = "fingerprint 1";
  // Added out of order, as the render threads add them; paths longer than a short string.
  manifest.files.add("ru/grants/synthetic-2024-ecology/index.html",
                     {0x1f, 120, 1700000000123456789, 0xfedcba9876543210});
  manifest.files.add("index.html", {0xabcdef0123456789, 5, 7});
  manifest.files.add("kk/жобалар/index.html", {2, 0, -1});
  REQUIRE_FALSE(manifest.files.sort());
  REQUIRE(write_manifest(site / "public.manifest", manifest) == Status());
  const std::string text =
      "ashyq-manifest 3\n"
      "tree 2049 131074\n"
      "inputs fingerprint 1\n"
      "abcdef0123456789 5 7 0 index.html\n"
      "0000000000000002 0 -1 0 kk/жобалар/index.html\n"
      "000000000000001f 120 1700000000123456789 fedcba9876543210 "
      "ru/grants/synthetic-2024-ecology/index.html\n";
  CHECK(read_file(site / "public.manifest") == text);

  const std::optional<Manifest> read = read_manifest(site / "public.manifest");
  REQUIRE(read);
  CHECK(read->tree == TreeId{2049, 131074});
  CHECK(read_manifest_tree(site / "public.manifest") == TreeId{2049, 131074});
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
  const TreeId public_id = tree_id(site / "public").value();
  site.write("public.manifest", "ashyq-manifest 3\ntree " + std::to_string(public_id.device) + " " +
                                    std::to_string(public_id.inode) +
                                    "\ninputs in-1\n"
                                    "0000000000000001 4 5 0 index.html\n"
                                    "0000000000000001 4 5 0 index.html\n");
  REQUIRE(read_manifest_tree(site / "public.manifest") == public_id);
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
