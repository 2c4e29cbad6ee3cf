#pragma once
// workbook: a grant's record as the cells of its workbook, and back (grant_form.h has the layout).
//
// to_grid() lays a record out as sheets of cells; write_workbook() (workbook_file.h) writes them as
// an XLSX file with headers, number formats, drop-downs and instructions. from_grid() reads cells
// back into the record in canonical form, and reports every cell it cannot read at its sheet and
// cell ("grant.xlsx:Budget!G12") with what would be right; it also returns where each value came
// from, so validation findings about the record can be shown at their cells.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "workbook/grant_form.h"
#include "xlsx/xlsx_reader.h"

namespace ashyq::workbook {

struct GridCell {
  enum class Type { text, number, boolean, error } type = Type::text;
  std::string text;          // texts; numbers as written; booleans "TRUE"/"FALSE"
  double number = 0;         // numbers
  bool formula = false;      // read from a workbook: the cell holds a formula
  std::string formula_text;  // and that formula, without "="
  bool date_format = false;  // read from a workbook: a number shown as a date
};

struct GridSheet {
  std::string name;
  std::map<std::pair<int, int>, GridCell> cells;  // by (row, column), 1-based
  std::vector<std::string> merged;                // merged ranges ("B2:D2")
  int rows = 0;                                   // the last row with a cell
  const GridCell* at(int row, int column) const;
};

struct Grid {
  std::vector<GridSheet> sheets;
  bool date1904 = false;  // the workbook counts days from 1904 (old Mac Excel), not 1900
  const GridSheet* sheet(const std::string& name) const;
};

// The first data row of every sheet: rows 1 and 2 are the Kazakh and Russian headers.
inline constexpr int kFirstRow = 3;
// A sheet holds at most this many rows of data: a grant has a few hundred items at most (its
// sub-grants), and a larger sheet is a mistake to report, not a record to write.
inline constexpr int kMaxRows = 10000;

// The headers of a sheet's columns, in order: for a table the parent column (nested tables) and
// each field's cells; for a form "key", the two labels, then the widest row's value cells.
struct Header {
  std::string kk, ru;
};
std::vector<Header> headers(const Sheet& sheet);

// The record's cells, sheet by sheet in grant_sheets() order (headers included). The record
// should be valid; members the layout has no cell for are not in the grid (a test checks the
// layout covers the schema).
Grid to_grid(const nlohmann::ordered_json& record);

// The cells of a workbook the XLSX reader read.
Grid grid_of(const xlsx::Workbook& book);

struct Imported {
  nlohmann::ordered_json record;  // canonical order; valid only when no error was reported
  // Where each value came from, by JSON pointer: the cell of a leaf, the first cell of an object or
  // array. Findings about the record are placed with place_of().
  std::map<std::string, SourceLocation> places;
  SourceLocation place_of(const std::string& pointer) const;
};

// Reads the record back from `grid`. `file` names the workbook in findings. Every finding is an
// error: nothing is imported from a workbook that has one.
Imported from_grid(const Grid& grid, const std::string& file, Diagnostics& diagnostics);

}  // namespace ashyq::workbook
