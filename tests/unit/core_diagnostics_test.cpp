#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "temp_folder.h"

namespace ashyq {
namespace {

TEST_CASE("A finding is formatted as file, line, column, severity, field and message") {
  struct Case {
    Diagnostic diagnostic;
    const char* formatted;
  };
  static const Case kCases[] = {
      {{Severity::error, {"content/grants/g1/grant.json", 3, 5}, "/title/kk", "must not be empty"},
       "content/grants/g1/grant.json:3:5: error: /title/kk: must not be empty\n"},
      {{Severity::warning, {"content/grants/g1/grant.json", 3, 5}, "/title/kk", "text missing"},
       "content/grants/g1/grant.json:3:5: warning: /title/kk: text missing\n"},
      {{Severity::error, {"site.toml", 0, 0}, "title", "missing required table [title]"},
       "site.toml: error: title: missing required table [title]\n"},
      {{Severity::error, {"site.toml", 7, 0}, "", "line only"}, "site.toml:7: error: line only\n"},
      {{Severity::warning, {"content/grants/g1", 0, 0}, "", "no field"},
       "content/grants/g1: warning: no field\n"},
  };
  for (const Case& c : kCases) {
    CHECK(format_diagnostic(c.diagnostic) == c.formatted);
  }
}

TEST_CASE("Columns count characters: the caret sits under the column's character after Cyrillic") {
  // Column 16 is the opening quote of "ru": the tab, "kk": "Ашық", and a space come before it, 15
  // characters (19 bytes, as each Cyrillic letter is two), as an editor counts them.
  const std::string line = "\t\"kk\": \"Ашық\", \"ru\": 5";
  const Diagnostic d{Severity::error,
                     {"content/grants/g1/grant.json", 4, 16},
                     "/ru",
                     "expected a text, found number 5"};
  CHECK(format_diagnostic(d, &line) ==
        "content/grants/g1/grant.json:4:16: error: /ru: expected a text, found number 5\n"
        "    \t\"kk\": \"Ашық\", \"ru\": 5\n"
        "    \t              ^\n");
}

TEST_CASE("A long Cyrillic line is cut after the column's character plus sixty, whole characters") {
  std::string letters;
  for (int i = 0; i < 70; ++i) letters += "қ";
  const std::string cyrillic = letters + "x" + letters + letters;
  const Diagnostic d{Severity::error, {"f.json", 1, 71}, "", "here"};
  const std::string out = format_diagnostic(d, &cyrillic);
  // 131 characters kept (the column, then sixty; at least 120), then the ellipsis.
  CHECK(out == "f.json:1:71: error: here\n    " + letters + "x" + letters.substr(0, 60 * 2) +
                   "…\n    " + std::string(70, ' ') + "^\n");
}

TEST_CASE("The caret is placed after the last character when the column is past the line end") {
  const std::string line = "қ";  // two bytes
  const Diagnostic d{Severity::error, {"f.json", 1, 9}, "", "unexpected end"};
  CHECK(format_diagnostic(d, &line) ==
        "f.json:1:9: error: unexpected end\n"
        "    қ\n"
        "     ^\n");
}

TEST_CASE("No source line is quoted without a column") {
  const std::string line = "title = 5";
  const Diagnostic d{Severity::error, {"site.toml", 1, 0}, "title", "expected a table"};
  CHECK(format_diagnostic(d, &line) == "site.toml:1: error: title: expected a table\n");
}

TEST_CASE("Findings are sorted by file, line, column, field and message whatever the order found") {
  Diagnostics diagnostics;
  diagnostics.warning({"content/regions.json", 2, 1}, "", "b");
  diagnostics.error({"content/grants/g2/grant.json", 1, 1}, "/id", "x");
  diagnostics.error({"content/grants/g1/grant.json", 10, 3}, "/b", "z");
  diagnostics.error({"content/grants/g1/grant.json", 10, 3}, "/a", "z");
  diagnostics.error({"content/grants/g1/grant.json", 2, 30}, "", "y");
  diagnostics.warning({"content/grants/g1/grant.json", 10, 2}, "", "w");
  diagnostics.error({"content/grants/g1/grant.json", 10, 3}, "/a", "a");
  diagnostics.error({"content/grants/g1/grant.json", 0, 0}, "", "whole file");

  std::string order;
  for (const Diagnostic& d : diagnostics.sorted()) order += format_diagnostic(d);
  CHECK(order ==
        "content/grants/g1/grant.json: error: whole file\n"
        "content/grants/g1/grant.json:2:30: error: y\n"
        "content/grants/g1/grant.json:10:2: warning: w\n"
        "content/grants/g1/grant.json:10:3: error: /a: a\n"
        "content/grants/g1/grant.json:10:3: error: /a: z\n"
        "content/grants/g1/grant.json:10:3: error: /b: z\n"
        "content/grants/g2/grant.json:1:1: error: /id: x\n"
        "content/regions.json:2:1: warning: b\n");
  // sorted() is a copy: the findings stay in the order they were found.
  CHECK(diagnostics.items().front().message == "b");
}

TEST_CASE("Errors and warnings are counted apart and only errors fail") {
  Diagnostics diagnostics;
  CHECK_FALSE(diagnostics.has_errors());
  diagnostics.warning({"a", 0, 0}, "", "w1");
  diagnostics.warning({"a", 0, 0}, "", "w2");
  CHECK_FALSE(diagnostics.has_errors());
  CHECK(diagnostics.warning_count() == 2);
  diagnostics.error({"a", 0, 0}, "", "e1");
  CHECK(diagnostics.has_errors());
  CHECK(diagnostics.error_count() == 1);
  CHECK(diagnostics.warning_count() == 2);
}

TEST_CASE("Formatting all findings quotes each line from its file, relative to the site") {
  testing::TempFolder site("diagnostics");
  site.write("content/regions.json", "{\r\n  \"regions\": 5\r\n}\r\n");
  Diagnostics diagnostics;
  diagnostics.error({"content/regions.json", 2, 14}, "/regions",
                    "expected an array, found number 5");
  diagnostics.error({"content/regions.json", 9, 1}, "", "beyond the last line");
  diagnostics.error({"content/missing.json", 1, 1}, "", "file gone");
  diagnostics.warning({"content/regions.json", 0, 0}, "", "whole file");

  CHECK(format_all(diagnostics, site.root().string()) ==
        "content/missing.json:1:1: error: file gone\n"
        "content/regions.json: warning: whole file\n"
        "content/regions.json:2:14: error: /regions: expected an array, found number 5\n"
        "      \"regions\": 5\n"  // the CR of the CRLF line end is not quoted
        "                 ^\n"
        "content/regions.json:9:1: error: beyond the last line\n");
}

}  // namespace
}  // namespace ashyq
