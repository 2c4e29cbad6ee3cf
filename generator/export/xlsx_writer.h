#pragma once
// export: a table as an XLSX workbook (Office Open XML), the copy of a bulk file for spreadsheet
// users. The bulk CSV files are plain UTF-8 for programs (writers.h); Excel opens such a file in
// the system's code page and shows Kazakh and Russian letters as mojibake, and turns "2024-05"
// into a date and a 12-digit BIN into 1.2E+11. An XLSX cell has a type, so none of that happens:
//  - texts and dates are text cells, exactly as in the JSON files: no apostrophe is needed against
//    formula injection, since a text cell is never a formula; dates stay as precise as the source;
//  - integer columns are numbers shown without exponent or separators (format "0"), number columns
//    numbers, booleans booleans; an empty cell is not written;
//  - row 1 holds the column ids, bold and frozen, with a filter over the columns.
// A sheet holds at most kMaxRowsPerSheet rows below its header (Excel's limit is 1 048 576 rows);
// more rows go on in a second sheet "<name> 2" with the same header, and so on.
//
// Written with libxlsxwriter in constant-memory mode: each row goes to a temporary file in the
// folder of the workbook as soon as the next starts, so a table of millions of rows takes no more
// memory than one. The bytes are a function of the rows: the creation time in docProps/core.xml is
// fixed (kCreated) and the ZIP entries carry libxlsxwriter's fixed date, so two builds give the
// same file.
#include <cstddef>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>

#include "core/status.h"
#include "export/tables.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace ashyq::opendata {

class XlsxWriter {
 public:
  static constexpr std::size_t kMaxRowsPerSheet = 1048575;
  // 1980-01-01T00:00:00Z, the first date a ZIP entry can carry: the build reads no clock.
  static constexpr std::time_t kCreated = 315532800;

  // Starts a workbook at `path` (replaced if it exists) for rows of `schema`; `display` names the
  // file in errors ("data/grants.xlsx"). Fails with an io_error when it cannot be created.
  static Result<std::unique_ptr<XlsxWriter>> open(const std::filesystem::path& path,
                                                  std::string display, const TableSchema& schema,
                                                  std::size_t rows_per_sheet = kMaxRowsPerSheet);
  // Closes the workbook if close() was not called (after an error: the file is then incomplete
  // and must not be used).
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // Appends the rows of `chunk` (a table of the same schema). Fails with an invalid_argument naming
  // the file, sheet, row and column of a cell a spreadsheet cannot hold (a text over 32 767
  // characters) and saying what would be right, or an io_error from libxlsxwriter.
  Status add(const Table& chunk);
  // Finishes the file. Fails with an io_error naming the file when it cannot be written.
  Status close();

  std::size_t rows() const { return rows_; }

 private:
  XlsxWriter(const std::filesystem::path& path, std::string display, const TableSchema& schema,
             std::size_t rows_per_sheet);
  Status start_sheet();
  void finish_sheet();
  Status check(int error, std::size_t row, std::size_t column) const;

  std::string display_;
  const TableSchema& schema_;
  std::size_t rows_per_sheet_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* integer_ = nullptr;
  std::string tmpdir_;
  std::size_t sheets_ = 0;
  std::size_t sheet_rows_ = 0;  // data rows in the current sheet
  std::size_t rows_ = 0;        // data rows in all sheets
};

}  // namespace ashyq::opendata
