#include "export/xlsx_writer.h"

#include <cstring>
#include <variant>

#include <xlsxwriter.h>

namespace ashyq::opendata {
namespace {

// Column widths in characters: wide enough to read an id or a date, texts cut at a readable width
// (the whole text is in the cell).
double width_of(const Column& column) {
  switch (column.type) {
    case ColumnType::text:
      return 28;
    case ColumnType::date:
      return 12;
    case ColumnType::boolean:
      return 8;
    default:
      return 14;
  }
}

// The longest text a cell holds.
constexpr std::size_t kMaxCellText = 32767;

// Excel counts a cell's characters in UTF-16 code units.
std::size_t utf16_length(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++n;  // a lead byte or an ASCII byte
    if ((c & 0xF8) == 0xF0) ++n;  // four bytes: a surrogate pair
  }
  return n;
}

}  // namespace

XlsxWriter::XlsxWriter(const std::filesystem::path& path, std::string display,
                       const TableSchema& schema, std::size_t rows_per_sheet)
    : display_(std::move(display)),
      schema_(schema),
      rows_per_sheet_(rows_per_sheet == 0 ? 1 : rows_per_sheet),
      tmpdir_(path.parent_path().string()) {}

Result<std::unique_ptr<XlsxWriter>> XlsxWriter::open(const std::filesystem::path& path,
                                                     std::string display, const TableSchema& schema,
                                                     std::size_t rows_per_sheet) {
  std::unique_ptr<XlsxWriter> x(new XlsxWriter(path, std::move(display), schema, rows_per_sheet));
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = x->tmpdir_.empty() ? nullptr : x->tmpdir_.data();
  x->workbook_ = workbook_new_opt(path.c_str(), &options);
  if (!x->workbook_)
    return Status::io_error(path.string(), x->display_ + ": cannot create the spreadsheet file");
  lxw_doc_properties properties;
  std::memset(&properties, 0, sizeof properties);
  std::string title =
      std::string(schema.title.in(Lang::kk)) + " / " + std::string(schema.title.in(Lang::ru));
  properties.title = title.data();
  properties.created = kCreated;
  workbook_set_properties(x->workbook_, &properties);  // copies the strings
  x->header_ = workbook_add_format(x->workbook_);
  format_set_bold(x->header_);
  x->integer_ = workbook_add_format(x->workbook_);
  format_set_num_format(x->integer_, "0");
  if (Status started = x->start_sheet(); !started.ok()) return started;
  return x;
}

XlsxWriter::~XlsxWriter() {
  if (workbook_) workbook_close(workbook_);
}

Status XlsxWriter::check(int error, std::size_t row, std::size_t column) const {
  if (error == LXW_NO_ERROR) return Status();
  const std::string where = display_ + ": sheet " + std::to_string(sheets_) + ", row " +
                            std::to_string(row + 1) + ", column " + schema_.columns[column].id;
  if (error == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
    return Status::invalid_argument(
        where +
            ": a text longer than a spreadsheet cell holds (32 767 characters); "
            "shorten it in the record",
        display_);
  return Status::io_error(display_, where + ": " + lxw_strerror(static_cast<lxw_error>(error)));
}

Status XlsxWriter::start_sheet() {
  ++sheets_;
  sheet_rows_ = 0;
  std::string name = schema_.name.substr(0, LXW_SHEETNAME_MAX - 8);
  if (sheets_ > 1) name += " " + std::to_string(sheets_);
  sheet_ = workbook_add_worksheet(workbook_, name.c_str());
  if (!sheet_) return Status::io_error(display_, display_ + ": cannot add the sheet " + name);
  // In constant-memory mode column settings come before the rows.
  for (std::size_t i = 0; i < schema_.columns.size(); ++i)
    worksheet_set_column(sheet_, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i),
                         width_of(schema_.columns[i]), nullptr);
  for (std::size_t i = 0; i < schema_.columns.size(); ++i)
    if (Status s = check(worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(i),
                                                schema_.columns[i].id.c_str(), header_),
                         0, i);
        !s.ok())
      return s;
  worksheet_freeze_panes(sheet_, 1, 0);
  return Status();
}

void XlsxWriter::finish_sheet() {
  if (!sheet_ || schema_.columns.empty()) return;
  worksheet_autofilter(sheet_, 0, 0, static_cast<lxw_row_t>(sheet_rows_),
                       static_cast<lxw_col_t>(schema_.columns.size() - 1));
}

Status XlsxWriter::add(const Table& chunk) {
  for (const auto& row : chunk.rows) {
    if (sheet_rows_ == rows_per_sheet_) {
      finish_sheet();
      if (Status s = start_sheet(); !s.ok()) return s;
    }
    const auto r = static_cast<lxw_row_t>(++sheet_rows_);
    for (std::size_t i = 0; i < row.size(); ++i) {
      const Cell& cell = row[i];
      const auto c = static_cast<lxw_col_t>(i);
      int error = LXW_NO_ERROR;
      if (const auto* s = std::get_if<std::string>(&cell)) {
        // Excel counts UTF-16 code units against the limit.
        if (utf16_length(*s) > kMaxCellText)
          error = LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
        else if (!s->empty())
          error = worksheet_write_string(sheet_, r, c, s->c_str(), nullptr);
      } else if (const auto* n = std::get_if<std::int64_t>(&cell)) {
        error = worksheet_write_number(sheet_, r, c, static_cast<double>(*n), integer_);
      } else if (const auto* d = std::get_if<double>(&cell)) {
        error = worksheet_write_number(sheet_, r, c, *d, nullptr);
      } else if (const auto* b = std::get_if<bool>(&cell)) {
        error = worksheet_write_boolean(sheet_, r, c, *b, nullptr);
      }
      if (Status s = check(error, r, i); !s.ok()) return s;
    }
    ++rows_;
  }
  return Status();
}

Status XlsxWriter::close() {
  finish_sheet();
  lxw_workbook* workbook = workbook_;
  workbook_ = nullptr;
  const lxw_error error = workbook_close(workbook);
  if (error != LXW_NO_ERROR)
    return Status::io_error(
        display_, display_ + ": cannot write the spreadsheet file: " + lxw_strerror(error));
  return Status();
}

}  // namespace ashyq::opendata
