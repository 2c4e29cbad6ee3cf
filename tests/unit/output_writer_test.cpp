#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "core/file_io.h"
#include "output/output_writer.h"
#include "temp_folder.h"

namespace ashyq::output {
namespace {

namespace fs = std::filesystem;
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
    OutputWriter writer(site / "public");
    writer.write("index.html", "<html>new</html>");
    writer.write("ru/grants/g1/index.html", "новая страница");
    // Until publish(), readers still see the previous output.
    CHECK(snapshot(site / "public") == kPrevious);
    writer.publish();
    CHECK(writer.files_written() == 2);
    CHECK(writer.bytes_written() == 16 + 27);
  }
  CHECK(snapshot(site / "public") ==
        Tree{{"index.html", "<html>new</html>"}, {"ru/grants/g1/index.html", "новая страница"}});
  CHECK_FALSE(fs::exists(site / "public.staging"));
}

TEST_CASE("Publishing creates the output folder when there was none") {
  testing::TempFolder site("output");
  {
    OutputWriter writer(site / "build/public/");  // a trailing slash names the same folder
    writer.write("index.html", "x");
    writer.publish();
  }
  CHECK(snapshot(site / "build/public") == Tree{{"index.html", "x"}});
  CHECK_FALSE(fs::exists(site / "build/public.staging"));
}

TEST_CASE("A writer destroyed without publishing leaves the previous output byte for byte") {
  testing::TempFolder site("output");
  write_previous_output(site);
  {
    OutputWriter writer(site / "public");
    writer.write("index.html", "<html>half-built</html>");
    writer.write("kk/grants/g1/index.html", "жаңа");
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
    OutputWriter writer(site / "public");
    writer.write("index.html", "new");
    writer.publish();
  }
  CHECK(snapshot(site / "public") == Tree{{"index.html", "new"}});
}

TEST_CASE("Copied files are published with written ones") {
  testing::TempFolder site("output");
  const fs::path css = site.write("assets/style.css", "body{}");
  {
    OutputWriter writer(site / "public");
    writer.copy(css, "assets/style.css");
    writer.publish();
    CHECK(writer.files_written() == 1);
    CHECK(writer.bytes_written() == 6);
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
    OutputWriter writer(site / "public");
    for (const char* path : kRefused) {
      INFO(path);
      CHECK_THROWS_WITH(writer.write(path, "evil"),
                        std::string("refusing to write outside the output folder: ") + path);
      CHECK_THROWS_WITH(writer.copy(css, path),
                        std::string("refusing to write outside the output folder: ") + path);
    }
    CHECK(writer.files_written() == 0);
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
  OutputWriter writer(out, inputs);
  for (const auto& [path, bytes] : tree) writer.write(path, bytes);
  writer.publish();
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
    OutputWriter writer(site / "public", "in-2");
    CHECK(writer.incremental());
    writer.write("index.html", "home");             // same bytes
    writer.write("kk/a/index.html", "ақ, жаңа");    // changed
    writer.write("ru/c/index.html", "новое");       // new
    // kk/b/index.html is no longer produced.
    CHECK(snapshot(site / "public") == kFirst);     // nothing visible before publish()
    writer.publish();
    CHECK(writer.files() == 3);
    CHECK(writer.files_written() == 2);
    CHECK(writer.bytes_written() == 14 + 10);
    CHECK(writer.files_removed() == 1);
  }
  const Tree expected = {{"index.html", "home"},
                         {"kk/a/index.html", "ақ, жаңа"},
                         {"ru/c/index.html", "новое"}};
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
    OutputWriter writer(site / "public", "in-1");
    for (const auto& [path, bytes] : kFirst) writer.write(path, bytes);
    writer.publish();
    CHECK(writer.files_written() == 0);
    CHECK(writer.files_removed() == 0);
  }
  CHECK(mtime_of(site / "public.manifest") == manifest_mtime);
  CHECK(snapshot(site / "public") == before);
}

TEST_CASE("A published file edited by hand is rewritten even when the new bytes are the old ones") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  site.write("public/kk/b/index.html", "hand edit");
  {
    OutputWriter writer(site / "public", "in-1");
    for (const auto& [path, bytes] : kFirst) writer.write(path, bytes);
    writer.publish();
    CHECK(writer.files_written() == 1);
  }
  CHECK(snapshot(site / "public") == kFirst);
}

TEST_CASE("An incremental build that fails before publishing changes nothing") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  const std::optional<std::string> manifest = read_file(site / "public.manifest");
  {
    OutputWriter writer(site / "public", "in-2");
    writer.write("index.html", "half-built");
    writer.write("kk/new/index.html", "жаңа");
  }
  CHECK(snapshot(site / "public") == kFirst);
  CHECK(read_file(site / "public.manifest") == manifest);
  CHECK_FALSE(fs::exists(site / "public.staging"));
}

TEST_CASE("A damaged manifest means a full build, never a wrong incremental one") {
  testing::TempFolder site("output");
  publish_tree(site / "public", kFirst);
  for (const char* damaged : {"", "ashyq-manifest 1\n", "ashyq-manifest 9\ninputs x\n",
                              "ashyq-manifest 1\ninputs x\nzz 1 2 index.html\n",
                              "ashyq-manifest 1\ninputs x\n0000000000000001 4 5 index.html"}) {
    INFO(damaged);
    site.write("public.manifest", damaged);
    OutputWriter writer(site / "public", "in-1");
    CHECK_FALSE(writer.incremental());
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
}

}  // namespace
}  // namespace ashyq::output
