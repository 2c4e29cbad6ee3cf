#pragma once
// xlsx: reads the cells of an XLSX workbook (Office Open XML, as Excel, LibreOffice and
// libxlsxwriter write it), for `ashyq import`. It gives every sheet's typed cells as written, with
// no interpretation: what a column means is the importer's business.
//
// The workbook is untrusted input (a file an NGO sends), so the container and the XML are read by
// maintained libraries from Debian, never by hand: libzip for the ZIP archive (it checks each
// entry's CRC) and libxml2 for the XML. Every part goes through libxml2's streaming xmlTextReader,
// fed straight from libzip's inflater, so a 50 000-row sheet is never held as bytes or as a tree:
// memory is the cells, not the file. The parser runs with XML_PARSE_NONET, without entity
// substitution and without loading DTDs, and a part that has a DOCTYPE at all is refused (no OOXML
// part has one; refusing it closes the door on entity tricks such as "billion laughs" and external
// entities).
//
// Limits, against a ZIP bomb (a small file that inflates to gigabytes): a part may inflate to at
// most Limits::part_bytes (256 MiB) and all parts read together to at most Limits::total_bytes
// (1 GiB). The sizes are counted as the bytes come out of the inflater, so an entry whose header
// understates its size is caught too.
//
// The parts are found as a spreadsheet program finds them: the main part through _rels/.rels
// (xl/workbook.xml when the package has no such relationship), the sheets in the order of the
// workbook's <sheets> through xl/_rels/workbook.xml.rels, shared strings and styles through the
// same relationships. Element names are matched without their prefix, so Strict OOXML and files
// with an `x:` prefix read the same.
//
// Texts are UTF-8 with OOXML's `_xHHHH_` escapes decoded (`_x000D_` is a carriage return), rich
// text runs concatenated and phonetic runs (<rPh>) left out; whitespace is kept as written.
//
// Every failure is a Status naming the file and saying what is wrong and what would be right:
// io_error when the file cannot be read at all (missing, a folder), invalid_argument when it is not
// a readable XLSX workbook (not a ZIP archive, an .xls or password-protected file, no workbook
// part, malformed XML with the part and line, a cell that cannot be, a part over a limit).
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ashyq::xlsx {

enum class CellType { number, text, boolean, error };

struct Cell {
  int row = 0, col = 0;  // 1-based (A = 1)
  CellType type = CellType::text;
  // text cells: the text (shared, inline or a formula's string result), UTF-8; numbers: the value
  // as written in the XML ("1500000", "45413.5"); booleans "TRUE"/"FALSE"; errors "#DIV/0!"...
  // A formula without a cached value is a text cell with an empty text. A cell of type "d" (an
  // ISO 8601 date, which Excel does not write but the standard allows) is a text cell holding it.
  std::string text;
  double number = 0;     // numbers (and booleans as 0/1)
  bool formula = false;  // the cell has a formula (<f>); its cached value is in text/number
  // The formula as written, without "=" ("TRUE()", "SUM(A1:A3)"); empty for a cell that shares
  // another cell's formula.
  std::string formula_text;
  // A number cell whose style's number format is a date or time format: a built-in one (ids 14-22,
  // 27-36, 45-47, 50-58) or a custom format code with d, m, y, h or s outside quotes, brackets
  // and escapes. The number is then a serial day count (see Workbook::date1904).
  bool date_format = false;
};

struct Sheet {
  std::string name;
  // Every cell with a value or a formula, in row-major order; cells with only a style and no value
  // (the covered cells of a merged range, formatted blanks) are left out.
  std::vector<Cell> cells;
  std::vector<std::string> merged;  // merged ranges as written ("B2:D2")
  int rows = 0;                     // the highest row number with a cell in `cells` (0: empty)
  bool hidden = false;              // state="hidden" or "veryHidden" in the workbook
};

struct Workbook {
  std::vector<Sheet> sheets;  // in the workbook's order (xl/workbook.xml)
  // The workbook counts dates from 1904-01-01 (day 0) instead of 1899-12-30 (old Mac Excel): a
  // date's serial number is then 1462 days smaller.
  bool date1904 = false;
  const Sheet* sheet(std::string_view name) const;  // nullptr when absent
};

// What a workbook may inflate to; see the top of this file.
struct Limits {
  std::uint64_t part_bytes = std::uint64_t{256} << 20;
  std::uint64_t total_bytes = std::uint64_t{1} << 30;
};

// "E12" for row 12, column 5; "AA3" etc.
std::string cell_name(int row, int col);

// Reads the workbook at `path`; see the top of this file for what fails and how.
Result<Workbook> read_workbook(const std::filesystem::path& path, const Limits& limits = {});

}  // namespace ashyq::xlsx
