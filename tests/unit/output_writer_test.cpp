#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>

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

}  // namespace
}  // namespace ashyq::output
