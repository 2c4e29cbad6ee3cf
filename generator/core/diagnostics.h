#pragma once
// Findings of a run. Every stage reports into one Diagnostics so that all findings of a run are
// shown together; errors fail the build, warnings do not.
#include <string>
#include <vector>

namespace ashyq {

enum class Severity { error, warning };

struct SourceLocation {
  std::string file;  // path as shown to the user, relative to the site directory where possible
  int line = 0;      // 1-based; 0 when the finding concerns the whole file
  int column = 0;    // 1-based, in characters (code points), as editors count
  // A spreadsheet's sheet (a workbook an NGO fills): then line and column are the cell's row and
  // column, shown as "grant.xlsx:Budget!E12".
  std::string sheet = {};
};

// "E12" for row 12, column 5 (both 1-based); "AA3" for column 27.
std::string cell_name(int row, int column);

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string field;    // JSON pointer, TOML key or CSV column; empty when not about one field
  std::string message;  // says what is wrong and what would be right
};

class Diagnostics {
 public:
  void error(SourceLocation where, std::string field, std::string message);
  void warning(SourceLocation where, std::string field, std::string message);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }

  bool has_errors() const;
  int error_count() const;
  int warning_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }

  // Findings ordered by file, line, column, then message, so output is deterministic whatever the
  // order in which stages found them.
  std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> items_;
};

// "file:line:col: error: field: message", followed by the source line and a caret under the column
// when `source_line` is given (ninja and compilers do the same).
std::string format_diagnostic(const Diagnostic& d, const std::string* source_line = nullptr);

// Formats every finding, reading each file once to quote the offending line. `site_dir` is where
// relative file names are resolved.
std::string format_all(const Diagnostics& diagnostics, const std::string& site_dir);

}  // namespace ashyq
