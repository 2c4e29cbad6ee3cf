#include "workbook/grant_workbook.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <set>

namespace ashyq::workbook {

using nlohmann::ordered_json;
using Pointer = ordered_json::json_pointer;

const GridCell* GridSheet::at(int row, int column) const {
  auto it = cells.find({row, column});
  return it == cells.end() ? nullptr : &it->second;
}

const GridSheet* Grid::sheet(const std::string& name) const {
  for (const GridSheet& s : sheets)
    if (s.name == name) return &s;
  return nullptr;
}

Grid grid_of(const xlsx::Workbook& book) {
  Grid grid;
  grid.date1904 = book.date1904;
  for (const xlsx::Sheet& sheet : book.sheets) {
    GridSheet g;
    g.name = sheet.name;
    g.merged = sheet.merged;
    g.rows = sheet.rows;
    for (const xlsx::Cell& cell : sheet.cells) {
      GridCell c;
      switch (cell.type) {
        case xlsx::CellType::number:
          c.type = GridCell::Type::number;
          break;
        case xlsx::CellType::boolean:
          c.type = GridCell::Type::boolean;
          break;
        case xlsx::CellType::error:
          c.type = GridCell::Type::error;
          break;
        case xlsx::CellType::text:
          c.type = GridCell::Type::text;
          break;
      }
      c.text = cell.text;
      c.number = cell.number;
      c.formula = cell.formula;
      c.formula_text = cell.formula_text;
      c.date_format = cell.date_format;
      g.cells[{cell.row, cell.col}] = std::move(c);
    }
    grid.sheets.push_back(std::move(g));
  }
  return grid;
}

SourceLocation Imported::place_of(const std::string& pointer) const {
  // The value's own cell, or the nearest enclosing object's first cell.
  for (std::string p = pointer;; p = p.substr(0, p.rfind('/'))) {
    if (auto it = places.find(p); it != places.end()) return it->second;
    if (p.empty()) break;
  }
  return {};
}

namespace {

constexpr int kFormValueColumn = 4;  // D: a form's first value column

std::vector<Header> field_headers(const Field& field) {
  switch (field.kind) {
    case Kind::text:
      return {{field.kk + " (қазақша)", field.ru + " (на казахском)"},
              {field.kk + " (орысша)", field.ru + " (на русском)"}};
    case Kind::range:
      return {{field.kk + ": басы", field.ru + ": начало"},
              {field.kk + ": соңы", field.ru + ": конец"}};
    default:
      return {{field.kk, field.ru}};
  }
}

// The member of `object` at the relative path `key` ("planned/value"), or null.
const ordered_json* member(const ordered_json& object, const std::string& key) {
  if (key.empty()) return &object;
  const Pointer pointer("/" + key);
  if (!object.is_object() || !object.contains(pointer)) return nullptr;
  return &object.at(pointer);
}

GridCell text_cell(std::string text) {
  GridCell cell;
  cell.text = std::move(text);
  return cell;
}

std::string plain_text(const ordered_json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

// Puts `value` of `field` in the cells of `row` from `column`.
void put(GridSheet& sheet, int row, int column, const Field& field, const ordered_json* value) {
  auto set = [&](int c, GridCell cell) {
    sheet.cells[{row, c}] = std::move(cell);
    sheet.rows = std::max(sheet.rows, row);
  };
  if (!value || value->is_null()) return;
  switch (field.kind) {
    case Kind::text:
      for (int i = 0; i < 2; ++i) {
        const char* lang = i == 0 ? "kk" : "ru";
        if (value->is_object() && value->contains(lang))
          set(column + i, text_cell(plain_text(value->at(lang))));
      }
      return;
    case Kind::range:
      if (value->is_object()) {
        if (value->contains("start")) set(column, text_cell(plain_text(value->at("start"))));
        if (value->contains("end")) set(column + 1, text_cell(plain_text(value->at("end"))));
      } else {
        set(column, text_cell(plain_text(*value)));
      }
      return;
    case Kind::integer:
    case Kind::number:
    case Kind::money:
    case Kind::count:
      if (value->is_number()) {
        GridCell cell;
        cell.type = GridCell::Type::number;
        cell.number = value->get<double>();
        cell.text = value->dump();
        set(column, std::move(cell));
      } else {
        set(column, text_cell(plain_text(*value)));
      }
      return;
    case Kind::boolean:
      if (value->is_boolean()) {
        GridCell cell;
        cell.type = GridCell::Type::boolean;
        cell.number = value->get<bool>() ? 1 : 0;
        cell.text = value->get<bool>() ? "TRUE" : "FALSE";
        set(column, std::move(cell));
      } else {
        set(column, text_cell(plain_text(*value)));
      }
      return;
    case Kind::choices:
      if (value->is_array()) {
        std::string joined;
        for (const auto& item : *value) joined += (joined.empty() ? "" : ", ") + plain_text(item);
        set(column, text_cell(joined));
      } else {
        set(column, text_cell(plain_text(*value)));
      }
      return;
    default:
      set(column, text_cell(plain_text(*value)));
  }
}

void put_headers(GridSheet& sheet, const Sheet& layout) {
  int column = 1;
  for (const Header& h : headers(layout)) {
    sheet.cells[{1, column}] = text_cell(h.kk);
    sheet.cells[{2, column}] = text_cell(h.ru);
    ++column;
  }
  sheet.rows = 2;
}

// The items of a table, each with its parent's key for a nested one.
struct Item {
  const ordered_json* value;
  std::string parent;
};

std::vector<Item> table_items(const ordered_json& record, const Sheet& layout) {
  std::vector<Item> items;
  const auto star = layout.array.find("/*/");
  if (star == std::string::npos) {
    const Pointer pointer(layout.array);
    if (record.contains(pointer))
      for (const auto& item : record.at(pointer)) items.push_back({&item, {}});
    return items;
  }
  const Pointer parents(layout.array.substr(0, star));
  const std::string child = layout.array.substr(star + 3);
  if (!record.contains(parents)) return items;
  for (const auto& parent : record.at(parents)) {
    if (!parent.is_object() || !parent.contains(child)) continue;
    const std::string key = parent.contains(layout.parent_key)
                                ? plain_text(parent.at(layout.parent_key))
                                : std::string();
    for (const auto& item : parent.at(child)) items.push_back({&item, key});
  }
  return items;
}

}  // namespace

std::vector<Header> headers(const Sheet& sheet) {
  std::vector<Header> out;
  if (sheet.form) {
    out.push_back({"Кілт (өзгертпеңіз)", "Ключ (не изменять)"});
    out.push_back({"Өріс (қазақша)", "Поле (на казахском)"});
    out.push_back({"Өріс (орысша)", "Поле (на русском)"});
    if (!sheet.value_headers.empty()) {
      for (const auto& [kk, ru] : sheet.value_headers) out.push_back({kk, ru});
    } else if (!sheet.rows.empty()) {
      for (const Field& field : sheet.rows.front().fields)
        for (const Header& h : field_headers(field)) out.push_back(h);
    }
    return out;
  }
  if (!sheet.parent_key.empty()) out.push_back({sheet.parent.kk, sheet.parent.ru});
  for (const Field& field : sheet.columns)
    for (const Header& h : field_headers(field)) out.push_back(h);
  return out;
}

namespace {

// A form's last column, where a presence cell goes.
int last_value_column(const Sheet& layout) { return static_cast<int>(headers(layout).size()); }

}  // namespace

Grid to_grid(const ordered_json& record) {
  Grid grid;
  for (const Sheet& layout : grant_sheets()) {
    GridSheet sheet;
    sheet.name = layout.name;
    put_headers(sheet, layout);
    int row = kFirstRow;
    if (layout.form) {
      for (const FormRow& form_row : layout.rows) {
        std::vector<const ordered_json*> values;
        const Pointer pointer(form_row.path);
        const ordered_json* at = record.contains(pointer) ? &record.at(pointer) : nullptr;
        if (form_row.repeated && at && at->is_array())
          for (const auto& item : *at) values.push_back(&item);
        else if (!form_row.repeated)
          values.push_back(at);
        // A list with no item still gets its row, so the form shows the field.
        if (values.empty()) values.push_back(nullptr);
        for (const ordered_json* value : values) {
          sheet.cells[{row, 1}] = text_cell(form_row.key);
          sheet.cells[{row, 2}] = text_cell(form_row.kk);
          sheet.cells[{row, 3}] = text_cell(form_row.ru);
          int column = kFormValueColumn;
          for (const Field& field : form_row.fields) {
            put(sheet, row, column, field, value ? member(*value, field.key) : nullptr);
            column += width(field.kind);
          }
          if (form_row.presence && value) {
            GridCell cell;
            cell.type = GridCell::Type::boolean;
            cell.number = 1;
            cell.text = "TRUE";
            sheet.cells[{row, last_value_column(layout)}] = cell;
          }
          sheet.rows = std::max(sheet.rows, row);
          ++row;
        }
      }
    } else {
      for (const Item& item : table_items(record, layout)) {
        int column = 1;
        if (!layout.parent_key.empty()) {
          sheet.cells[{row, column}] = text_cell(item.parent);
          ++column;
        }
        for (const Field& field : layout.columns) {
          put(sheet, row, column, field, member(*item.value, field.key));
          column += width(field.kind);
        }
        sheet.rows = std::max(sheet.rows, row);
        ++row;
      }
    }
    grid.sheets.push_back(std::move(sheet));
  }
  return grid;
}

namespace {

bool valid_date(int year, int month, int day) {
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

// An ISO date of the precision the records allow: "2024", "2024-04" or "2024-04-30".
bool iso_date(const std::string& text) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  auto digits = [&](std::size_t from, std::size_t n) {
    return std::all_of(text.begin() + static_cast<long>(from),
                       text.begin() + static_cast<long>(from + n),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  if (text.size() == 4) return digits(0, 4);
  if (text.size() == 7)
    return digits(0, 4) && text[4] == '-' && digits(5, 2) &&
           std::sscanf(text.c_str(), "%4d-%2d%c", &y, &m, &tail) == 2 && m >= 1 && m <= 12;
  if (text.size() == 10)
    return digits(0, 4) && text[4] == '-' && digits(5, 2) && text[7] == '-' && digits(8, 2) &&
           std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 &&
           valid_date(y, m, d);
  return false;
}

// A day as Excel counts (1900 date system: day 1 is 1900-01-01, with the fictitious 1900-02-29
// as day 60), to "YYYY-MM-DD"; empty when not a day from 1900-03-01 on.
std::string excel_day(double serial) {
  if (serial < 61 || serial != std::floor(serial) || serial > 2958465) return {};
  // Days since 1970-01-01: Excel's day 25569 (civil_from_days, after Howard Hinnant).
  std::int64_t z = static_cast<std::int64_t>(serial) - 25569 + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2);
  char out[64];
  std::snprintf(out, sizeof out, "%04lld-%02lld-%02lld", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d));
  return out;
}

// "30.04.2024", "30/04/2024" or "04.2024" as the ISO date they mean, for the finding's advice;
// empty when the text is no such date.
std::string iso_of_local_date(const std::string& text) {
  int d = 0, m = 0, y = 0;
  char s1 = 0, s2 = 0, tail = 0;
  if (std::sscanf(text.c_str(), "%2d%c%2d%c%4d%c", &d, &s1, &m, &s2, &y, &tail) == 5 && s1 == s2 &&
      (s1 == '.' || s1 == '/') && y >= 1000 && valid_date(y, m, d)) {
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
    return out;
  }
  if (std::sscanf(text.c_str(), "%2d%c%4d%c", &m, &s1, &y, &tail) == 3 &&
      (s1 == '.' || s1 == '/') && y >= 1000 && m >= 1 && m <= 12) {
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02d", y, m);
    return out;
  }
  return {};
}

// LibreOffice Calc saves a typed TRUE or FALSE as the formula TRUE() or FALSE(): a value, not a
// calculation.
bool constant_truth(const GridCell& cell) {
  if (cell.type != GridCell::Type::boolean) return false;
  std::string f = cell.formula_text;
  if (f.starts_with("=")) f.erase(0, 1);
  for (char& c : f) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return f == "TRUE()" || f == "FALSE()";
}

std::string quoted(const std::string& text) {
  constexpr std::size_t kShown = 60;
  return "\"" + (text.size() > kShown ? text.substr(0, kShown) + "…" : text) + "\"";
}

class Reader {
 public:
  Reader(const std::string& file, Diagnostics& diagnostics, Imported& out)
      : file_(file), diagnostics_(diagnostics), out_(out) {}

  void dates_from_1904(bool yes) { date1904_ = yes; }
  // A sheet that is missing: its array is not read.
  void skip(const Sheet& layout) { skipped_.insert(layout.array); }

  void sheet(const GridSheet& grid, const Sheet& layout) {
    sheet_ = &grid;
    layout_ = &layout;
    if (!structure_ok()) {
      skipped_.insert(layout.array);
      return;
    }
    if (layout.form)
      form();
    else
      table();
  }

  // Counts a form gives as cells of a present object are null when empty ("not reported").
  void fill_counts() {
    for (const auto& [pointer, parent] : counts_) {
      if (!out_.record.contains(Pointer(parent))) continue;
      if (!out_.record.contains(Pointer(pointer))) out_.record[Pointer(pointer)] = nullptr;
    }
  }

 private:
  SourceLocation at(int row, int column) const { return {file_, row, column, sheet_->name}; }
  void error(int row, int column, const std::string& message) {
    diagnostics_.error(at(row, column), "", message);
  }

  // Merged cells, formulas, too many rows, headers changed: each one finding, and a sheet whose
  // rows cannot be trusted is not read further.
  bool structure_ok() {
    // Merged cells and formulas are reported, and the sheet is still read (a merged range's value
    // is in its first cell; a formula's last value is in the file), so that the findings of one run
    // are all there are.
    for (const std::string& range : sheet_->merged)
      diagnostics_.error({file_, 0, 0, sheet_->name}, "",
                         "cells " + range +
                             " are merged; the import reads one value a cell: unmerge them "
                             "(Format → Merge cells → Unmerge) and put the value in each row");
    if (sheet_->rows > kMaxRows + kFirstRow - 1) {
      error(kMaxRows + kFirstRow, 1,
            "the sheet has " + std::to_string(sheet_->rows - kFirstRow + 1) +
                " rows of data; a grant's sheet holds at most " + std::to_string(kMaxRows) +
                " (sub-grants beyond that belong in subgrants.csv, docs/subgrants-csv.md)");
      return false;
    }
    for (const auto& [place, cell] : sheet_->cells)
      if (cell.formula && !constant_truth(cell))
        error(place.first, place.second,
              "the cell holds a formula; the import reads typed values only: replace it by its "
              "value (copy, then Paste Special → Values only)");
    const std::vector<Header> expected = headers(*layout_);
    for (int row = 1; row <= 2; ++row)
      for (std::size_t c = 0; c < expected.size(); ++c) {
        const int column = static_cast<int>(c) + 1;
        const std::string& want = row == 1 ? expected[c].kk : expected[c].ru;
        const GridCell* cell = sheet_->at(row, column);
        const std::string have = cell ? cell->text : std::string();
        if (have != want) {
          error(row, column,
                "the column's header reads " + quoted(have) + "; it should read " + quoted(want) +
                    ": the import finds columns by their place, so a renamed, moved or inserted "
                    "column would put values in the wrong fields. Restore the header, or start "
                    "from a new workbook (ashyq workbook)");
          return false;
        }
      }
    return true;
  }

  bool row_empty(int row, int from, int to) const {
    for (int c = from; c <= to; ++c)
      if (const GridCell* cell = sheet_->at(row, c); cell && !cell->text.empty()) return false;
    return true;
  }

  // Values right of the sheet's columns would be lost silently: report them.
  void check_beyond(int row, int last_column) {
    for (auto it = sheet_->cells.lower_bound({row, last_column + 1});
         it != sheet_->cells.end() && it->first.first == row; ++it)
      if (!it->second.text.empty()) {
        error(row, it->first.second,
              "a value outside the sheet's columns: the import reads columns A to " +
                  cell_name(1, last_column).substr(0, cell_name(1, last_column).size() - 1) +
                  " only; move it into its column");
        return;
      }
  }

  void table() {
    const std::vector<Header> columns = headers(*layout_);
    const int last = static_cast<int>(columns.size());
    const auto star = layout_->array.find("/*/");
    // Items of a sheet that could not be read name no parent it could check.
    if (star != std::string::npos && skipped_.count(layout_->array.substr(0, star))) return;
    for (int row = kFirstRow; row <= sheet_->rows; ++row) {
      check_beyond(row, last);
      if (row_empty(row, 1, last)) continue;
      int column = 1;
      std::string array = layout_->array;
      if (star != std::string::npos) {
        // A nested item: its first cell names the parent by its key.
        const std::optional<ordered_json> key = read(row, column, layout_->parent);
        ++column;
        const std::string parents = layout_->array.substr(0, star);
        const std::string name = key && key->is_string() ? key->get<std::string>() : "";
        const int index = parent_index(parents, name);
        if (name.empty() || index < 0) {
          error(row, 1,
                name.empty()
                    ? "the row names no " + layout_->parent.ru + " (" + layout_->parent.kk +
                          "): write the id of its row in " + sheet_of(parents)
                    : "no row of " + sheet_of(parents) + " has the id " + quoted(name) +
                          ": write one of its ids");
          continue;
        }
        array = parents + "/" + std::to_string(index) + layout_->array.substr(star + 2);
      }
      ordered_json item = ordered_json::object();
      const Pointer at_array(array);
      const std::size_t index =
          out_.record.contains(at_array) ? out_.record.at(at_array).size() : 0;
      const std::string base = array + "/" + std::to_string(index);
      for (const Field& field : layout_->columns) {
        if (std::optional<ordered_json> value = read(row, column, field)) {
          set(item, field.key, std::move(*value));
          place(base + "/" + field.key, row, column);
        } else if (field.kind == Kind::count) {
          counts_.emplace_back(base + "/" + field.key, base);
        }
        column += width(field.kind);
      }
      place(base, row, 1);
      place(array, row, 1);
      out_.record[at_array].push_back(std::move(item));
    }
  }

  void form() {
    std::set<std::string> seen;
    const int last = static_cast<int>(headers(*layout_).size());
    for (int row = kFirstRow; row <= sheet_->rows; ++row) {
      check_beyond(row, last);
      const GridCell* key_cell = sheet_->at(row, 1);
      const std::string key = key_cell ? key_cell->text : std::string();
      if (key.empty()) {
        if (!row_empty(row, kFormValueColumn, last))
          error(row, 1,
                "the row has values but no key in column A: copy the key of the field it belongs "
                "to (e.g. " +
                    layout_->rows.front().key + ")");
        continue;
      }
      const FormRow* form_row = nullptr;
      for (const FormRow& r : layout_->rows)
        if (r.key == key) form_row = &r;
      if (!form_row) {
        std::string keys;
        for (const FormRow& r : layout_->rows) keys += (keys.empty() ? "" : ", ") + r.key;
        error(row, 1,
              "no field has the key " + quoted(key) + "; the keys of this sheet are: " + keys);
        continue;
      }
      if (!form_row->repeated && !seen.insert(key).second) {
        error(row, 1,
              "the field " + key +
                  " is given twice; it holds one value (only list fields such "
                  "as regions take one row an item)");
        continue;
      }
      const int width_of_row = [&] {
        int cells = 0;
        for (const Field& field : form_row->fields) cells += width(field.kind);
        return cells;
      }();
      const bool present = form_row->presence && presence_at(row, last);
      if (!present && row_empty(row, kFormValueColumn, kFormValueColumn + width_of_row - 1))
        continue;
      std::string base = form_row->path;
      if (form_row->repeated) {
        const Pointer at_array(form_row->path);
        const std::size_t index =
            out_.record.contains(at_array) ? out_.record.at(at_array).size() : 0;
        base += "/" + std::to_string(index);
      }
      ordered_json value = ordered_json::object();
      int column = kFormValueColumn;
      bool any = false;
      for (const Field& field : form_row->fields) {
        const std::string pointer = field.key.empty() ? base : base + "/" + field.key;
        if (std::optional<ordered_json> v = read(row, column, field)) {
          if (field.key.empty())
            value = std::move(*v);
          else
            set(value, field.key, std::move(*v));
          place(pointer, row, column);
          any = true;
        } else if (field.kind == Kind::count) {
          counts_.emplace_back(pointer, field.key.empty() ? parent_of(base) : base);
        }
        column += width(field.kind);
      }
      if (!any && !present) continue;
      place(base, row, kFormValueColumn);
      if (form_row->repeated) {
        place(form_row->path, row, kFormValueColumn);
        out_.record[Pointer(form_row->path)].push_back(std::move(value));
      } else {
        out_.record[Pointer(base)] = std::move(value);
      }
    }
  }

  // A presence cell: TRUE, or empty/FALSE; anything else is reported.
  bool presence_at(int row, int column) {
    const Field field{"", Kind::boolean, kPresenceKk, kPresenceRu, {}};
    const std::optional<ordered_json> value = read(row, column, field);
    return value && value->is_boolean() && value->get<bool>();
  }

  static std::string parent_of(const std::string& pointer) {
    return pointer.substr(0, pointer.rfind('/'));
  }

  static void set(ordered_json& object, const std::string& key, ordered_json value) {
    object[Pointer("/" + key)] = std::move(value);
  }

  void place(const std::string& pointer, int row, int column) {
    out_.places.try_emplace(pointer, at(row, column));
    // Ancestors not yet placed start here too (an object made of this row's cells).
    for (std::string p = parent_of(pointer); !p.empty(); p = parent_of(p))
      out_.places.try_emplace(p, at(row, column));
  }

  int parent_index(const std::string& parents, const std::string& key) const {
    const Pointer pointer(parents);
    if (key.empty() || !out_.record.contains(pointer)) return -1;
    const ordered_json& array = out_.record.at(pointer);
    for (std::size_t i = 0; i < array.size(); ++i)
      if (array[i].is_object() && array[i].value(layout_->parent_key, "") == key)
        return static_cast<int>(i);
    return -1;
  }

  static std::string sheet_of(const std::string& array) {
    for (const Sheet& s : grant_sheets())
      if (!s.form && s.array == array) return "the " + s.name + " sheet";
    return array;
  }

  // The value of `field` from the cells at (row, column), or nothing when they are empty or
  // wrong (then a finding was reported).
  std::optional<ordered_json> read(int row, int column, const Field& field) {
    switch (field.kind) {
      case Kind::text: {
        ordered_json text = ordered_json::object();
        for (int i = 0; i < 2; ++i)
          if (std::optional<std::string> s = string_at(row, column + i, field))
            text[i == 0 ? "kk" : "ru"] = *s;
        if (text.empty()) return std::nullopt;
        return text;
      }
      case Kind::range: {
        std::optional<std::string> start = date_at(row, column, field);
        std::optional<std::string> end = date_at(row, column + 1, field);
        if (!start && !end) return std::nullopt;
        if (!start) {
          error(row, column,
                "the period has an end but no start: write its start (2024-04 or 2024-04-30), or "
                "the single date in this cell");
          return std::nullopt;
        }
        if (!end) return *start;
        return ordered_json{{"start", *start}, {"end", *end}};
      }
      case Kind::date: {
        std::optional<std::string> date = date_at(row, column, field);
        if (!date) return std::nullopt;
        return *date;
      }
      case Kind::integer:
      case Kind::money:
      case Kind::count:
      case Kind::number:
        return number_at(row, column, field);
      case Kind::boolean: {
        const GridCell* cell = sheet_->at(row, column);
        if (!cell || cell->text.empty()) return std::nullopt;
        if (cell->type == GridCell::Type::boolean) return cell->number != 0;
        std::string lower = cell->text;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower == "true") return true;
        if (lower == "false") return false;
        error(row, column,
              quoted(cell->text) + " is not TRUE or FALSE: " + field.ru + " / " + field.kk +
                  " takes TRUE (yes, иә, да) or FALSE (no, жоқ, нет)");
        return std::nullopt;
      }
      case Kind::choice: {
        std::optional<std::string> code = string_at(row, column, field);
        if (!code) return std::nullopt;
        if (!in_list(row, column, field, *code)) return std::nullopt;
        return *code;
      }
      case Kind::choices: {
        std::optional<std::string> text = string_at(row, column, field);
        if (!text) return std::nullopt;
        ordered_json codes = ordered_json::array();
        std::size_t from = 0;
        while (from <= text->size()) {
          std::size_t comma = text->find(',', from);
          if (comma == std::string::npos) comma = text->size();
          std::string code = text->substr(from, comma - from);
          code.erase(0, code.find_first_not_of(' '));
          code.erase(code.find_last_not_of(' ') + 1);
          if (!code.empty()) {
            if (!in_list(row, column, field, code)) return std::nullopt;
            codes.push_back(code);
          }
          from = comma + 1;
        }
        return codes;
      }
      case Kind::string:
      case Kind::slug: {
        std::optional<std::string> s = string_at(row, column, field);
        if (!s) return std::nullopt;
        return *s;
      }
    }
    return std::nullopt;
  }

  bool in_list(int row, int column, const Field& field, const std::string& code) {
    const std::vector<std::string> codes = fixed_codes(field.list);
    // The site's lists (regions, organisations) are checked by validation, which knows them.
    if (codes.empty() || std::find(codes.begin(), codes.end(), code) != codes.end()) return true;
    std::string allowed;
    for (const std::string& c : codes) allowed += (allowed.empty() ? "" : ", ") + c;
    error(row, column,
          quoted(code) + " is not in the list of " + field.ru + " / " + field.kk +
              ": choose one of " + allowed + " (the Lists sheet names each)");
    return false;
  }

  std::optional<std::string> string_at(int row, int column, const Field& field) {
    const GridCell* cell = sheet_->at(row, column);
    if (!cell || cell->text.empty()) return std::nullopt;
    if (cell->type == GridCell::Type::error) {
      error(row, column,
            "the cell shows the error " + cell->text + ": type the value of " + field.ru);
      return std::nullopt;
    }
    if (cell->type == GridCell::Type::number && cell->number == std::floor(cell->number) &&
        std::fabs(cell->number) < 9007199254740992.0) {
      // A number typed into a text column (a contract number): its digits are the text.
      return std::to_string(static_cast<std::int64_t>(cell->number));
    }
    return cell->text;
  }

  std::optional<std::string> date_at(int row, int column, const Field& field) {
    const GridCell* cell = sheet_->at(row, column);
    if (!cell || cell->text.empty()) return std::nullopt;
    if (cell->type == GridCell::Type::number) {
      const std::string day =
          cell->date_format ? excel_day(cell->number + (date1904_ ? 1462 : 0)) : std::string();
      if (!day.empty()) return day;
      error(row, column,
            "the number " + cell->text + " is not a date: write " + field.ru + " / " + field.kk +
                " as text, 2024-04-30, 2024-04 or 2024");
      return std::nullopt;
    }
    if (cell->type == GridCell::Type::text && iso_date(cell->text)) return cell->text;
    const std::string iso = iso_of_local_date(cell->text);
    error(row, column,
          "the date " + quoted(cell->text) + " is not written as the portal reads dates: write " +
              (iso.empty() ? std::string("2024-04-30, 2024-04 (a month) or 2024 (a year)")
                           : iso + " (year-month-day)"));
    return std::nullopt;
  }

  std::optional<ordered_json> number_at(int row, int column, const Field& field) {
    const GridCell* cell = sheet_->at(row, column);
    if (!cell || cell->text.empty()) return std::nullopt;
    const bool whole = field.kind != Kind::number;
    const char* example = field.kind == Kind::money ? "1500000 (tenge, no spaces or ₸)" : "150";
    if (cell->type != GridCell::Type::number) {
      error(row, column,
            quoted(cell->text) + " is text in a number cell: type " + field.ru + " / " + field.kk +
                " as " + (whole ? "a whole number" : "a number") + ", e.g. " + example);
      return std::nullopt;
    }
    const double n = cell->number;
    if (!std::isfinite(n) || std::fabs(n) >= 9007199254740992.0) {
      error(row, column, "the number " + cell->text + " is too large for " + field.ru);
      return std::nullopt;
    }
    if (n == std::floor(n)) return static_cast<std::int64_t>(n);
    if (whole) {
      error(row, column,
            "the number " + cell->text + " is not whole: " + field.ru + " / " + field.kk +
                " takes a whole number, e.g. " + example);
      return std::nullopt;
    }
    return n;
  }

  const std::string& file_;
  Diagnostics& diagnostics_;
  Imported& out_;
  const GridSheet* sheet_ = nullptr;
  const Sheet* layout_ = nullptr;
  bool date1904_ = false;
  std::set<std::string> skipped_;  // arrays whose sheets were not read
  // Count cells left empty: (their pointer, the object whose presence makes them null).
  std::vector<std::pair<std::string, std::string>> counts_;
};

}  // namespace

Imported from_grid(const Grid& grid, const std::string& file, Diagnostics& diagnostics) {
  Imported out;
  out.record = ordered_json::object();
  out.places[""] = {file, 0, 0, "Grant"};
  Reader reader(file, diagnostics, out);
  reader.dates_from_1904(grid.date1904);
  for (const Sheet& layout : grant_sheets()) {
    const GridSheet* sheet = grid.sheet(layout.name);
    if (!sheet) {
      diagnostics.error({file, 0, 0, layout.name}, "",
                        "the workbook has no sheet " + layout.name + " (" + layout.ru + " / " +
                            layout.kk +
                            "); every sheet of the form must be there, even empty: "
                            "restore it, or start from a new workbook (ashyq workbook)");
      reader.skip(layout);
      continue;
    }
    reader.sheet(*sheet, layout);
  }
  reader.fill_counts();
  out.record = canonical_order(out.record);
  return out;
}

}  // namespace ashyq::workbook
