#include "content/subgrants_csv.h"

#include <map>
#include <optional>
#include <utility>

#include "content/json_decoder.h"
#include "core/text_position.h"
#include "model/enum_names.h"

namespace ashyq {
namespace {

// ---- Reading: RFC 4180 records, each field with the place it starts ----

struct CsvField {
  std::string value;
  int line = 0;
  int column = 0;  // column (in characters) of the value's first character, or of its opening quote
  std::size_t raw_begin = 0, raw_end = 0;  // the field's bytes in the text, quotes included
};

enum class CsvProblem { unterminated_quote, text_after_quote };

struct CsvRecord {
  std::vector<CsvField> fields;
  int line = 0;                      // where the record starts
  int end_line = 0, end_column = 0;  // where it ends: its line break, or the end of the text
  std::vector<std::pair<std::size_t, CsvProblem>> problems;  // by field index

  // A blank line, or a row of empty fields (",,,,", which spreadsheets export for rows that
  // once held something).
  bool blank() const {
    if (!problems.empty()) return false;
    for (const CsvField& f : fields)
      if (!f.value.empty()) return false;
    return true;
  }
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }

  // The next record. A quote that is never closed would swallow the rest of the file; the
  // record is reported as such and reading resumes on the line after the opening quote, so that
  // the rows after a stray quote are still read and checked.
  CsvRecord next() {
    CsvRecord record;
    record.line = line_;
    while (true) {
      while (pos_ < text_.size() && is_blank(text_[pos_])) ++pos_;
      CsvField field;
      field.line = line_;
      field.column = column();
      field.raw_begin = pos_;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        const std::size_t quote_at = pos_;
        const int quote_line = line_;
        const std::size_t quote_line_start = line_start_;
        ++pos_;
        bool closed = false;
        while (pos_ < text_.size()) {
          if (text_[pos_] == '"') {
            if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
              field.value += '"';
              pos_ += 2;
              continue;
            }
            ++pos_;
            closed = true;
            break;
          }
          if (at_line_end()) {
            field.value += '\n';  // CRLF inside a field becomes LF, whatever the exporter used
            skip_line_end();
            continue;
          }
          field.value += text_[pos_++];
        }
        if (!closed) {
          field.raw_end = text_.size();
          record.problems.emplace_back(record.fields.size(), CsvProblem::unterminated_quote);
          record.fields.push_back(std::move(field));
          line_ = quote_line;
          line_start_ = quote_line_start;
          pos_ = text_.find('\n', quote_at);
          if (pos_ == std::string_view::npos) pos_ = text_.size();
          record.end_line = line_;
          record.end_column = column();
          if (pos_ < text_.size()) skip_line_end();
          return record;
        }
        while (pos_ < text_.size() && is_blank(text_[pos_])) ++pos_;
        if (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) {
          record.problems.emplace_back(record.fields.size(), CsvProblem::text_after_quote);
          while (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end())
            field.value += text_[pos_++];
        }
        field.raw_end = pos_;
      } else {
        const std::size_t begin = pos_;
        while (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) ++pos_;
        std::size_t end = pos_;
        while (end > begin && is_blank(text_[end - 1])) --end;
        field.value = std::string(text_.substr(begin, end - begin));
        field.raw_end = end;
      }
      record.fields.push_back(std::move(field));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      record.end_line = line_;
      record.end_column = column();
      if (pos_ < text_.size()) skip_line_end();
      return record;
    }
  }

 private:
  int column() const { return character_column(text_.substr(line_start_), pos_ - line_start_); }

  // LF, CRLF, or a CR that ends the text (an editor that wrote CRLF and lost the final LF).
  bool at_line_end() const {
    return text_[pos_] == '\n' ||
           (text_[pos_] == '\r' && (pos_ + 1 == text_.size() || text_[pos_ + 1] == '\n'));
  }

  void skip_line_end() {
    pos_ += text_[pos_] == '\r' && pos_ + 1 < text_.size() ? 2 : 1;
    ++line_;
    line_start_ = pos_;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
};

// ---- Columns ----

enum class Column {
  id,
  recipient_kind,
  amount,
  recipient_name_kk,
  recipient_name_ru,
  name_consent,
  region,
  locality_kk,
  locality_ru,
  title_kk,
  title_ru,
  status,
  award_date
};

// Free text, published as written: the columns the privacy gate reads.
bool is_text_column(Column column) {
  switch (column) {
    case Column::recipient_name_kk:
    case Column::recipient_name_ru:
    case Column::locality_kk:
    case Column::locality_ru:
    case Column::title_kk:
    case Column::title_ru:
      return true;
    default:
      return false;
  }
}

struct ColumnSpec {
  std::string_view name;
  Column column;
  bool required;
};

constexpr ColumnSpec kColumns[] = {
    {"id", Column::id, true},
    {"recipient_kind", Column::recipient_kind, true},
    {"amount", Column::amount, true},
    {"recipient_name_kk", Column::recipient_name_kk, false},
    {"recipient_name_ru", Column::recipient_name_ru, false},
    {"name_consent", Column::name_consent, false},
    {"region", Column::region, false},
    {"locality_kk", Column::locality_kk, false},
    {"locality_ru", Column::locality_ru, false},
    {"title_kk", Column::title_kk, false},
    {"title_ru", Column::title_ru, false},
    {"status", Column::status, false},
    {"award_date", Column::award_date, false},
};

std::string column_list() {
  std::string out;
  for (const ColumnSpec& spec : kColumns) out += (out.empty() ? "" : ", ") + std::string(spec.name);
  return out;
}

// A value as quoted in a message: on one line, and cut on a character boundary when long.
std::string shown(std::string_view value) {
  std::string s(value);
  for (char& c : s)
    if (c == '\n') c = ' ';
  if (s.size() > 40) {
    std::size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "...";
  }
  return "\"" + s + "\"";
}

template <typename E>
std::string expected_names(const EnumTable<E>& table) {
  std::string out;
  for (const auto& [name, value] : table) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

// ---- Values ----

// Whole tenge as written by people and spreadsheets: "1000000", "1 000 000", or with the
// no-break spaces a Russian-locale spreadsheet puts between thousands. Nothing else: a point or a
// comma may be a decimal or a thousands separator depending on who typed it, and guessing wrong
// would publish an amount a thousand times off. On failure returns nullopt and says why.
std::optional<std::int64_t> parse_amount(std::string_view text, std::string& why) {
  constexpr std::string_view kNoBreakSpace = "\xC2\xA0";
  constexpr std::string_view kNarrowNoBreakSpace = "\xE2\x80\xAF";
  constexpr std::string_view kTengeSign = "\xE2\x82\xB8";
  auto separator_at = [&](std::size_t i) -> std::size_t {
    if (is_blank(text[i])) return 1;
    for (std::string_view s : {kNoBreakSpace, kNarrowNoBreakSpace})
      if (text.substr(i, s.size()) == s) return s.size();
    return 0;
  };
  // Separators around the number (a quoted " 1 000 ") are not part of it.
  while (!text.empty() && separator_at(0) > 0) text.remove_prefix(separator_at(0));
  while (!text.empty()) {
    std::size_t tail = 0;
    for (std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{3}})
      if (text.size() >= n && separator_at(text.size() - n) == n) tail = n;
    if (tail == 0) break;
    text.remove_suffix(tail);
  }

  std::vector<std::string> groups(1);
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      groups.back() += c;
      ++i;
    } else if (const std::size_t length = separator_at(i); length > 0) {
      if (groups.back().empty()) {
        why = "digits between spaces must come in groups of three";
        return std::nullopt;
      }
      groups.emplace_back();
      i += length;
    } else if (c == '-' && i == 0) {
      why = "a negative amount is not accepted";
      return std::nullopt;
    } else if (c == ',') {
      why = "a comma is not accepted, neither as decimal nor as thousands separator";
      return std::nullopt;
    } else if (c == '.') {
      why = "decimals are not accepted, nor a point between thousands";
      return std::nullopt;
    } else if (text.substr(i, kTengeSign.size()) == kTengeSign) {
      why = "no currency sign; the column is in tenge already";
      return std::nullopt;
    } else {
      std::size_t length = 1;
      while (i + length < text.size() &&
             (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80)
        ++length;
      why = "\"" + std::string(text.substr(i, length)) + "\" is not a digit";
      return std::nullopt;
    }
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const std::size_t size = groups[g].size();
    if (groups.size() > 1 && (size > 3 || (g > 0 && size != 3))) {
      // "1 000 00" is most likely a digit lost in typing, not 100 000 tenge.
      why = "digits between spaces must come in groups of three";
      return std::nullopt;
    }
  }
  std::string digits;
  for (const std::string& group : groups) digits += group;
  if (digits.size() > 18) {
    why = "the number is too large";
    return std::nullopt;
  }
  std::int64_t value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// Spreadsheets write booleans as TRUE and FALSE (or in other cases), so case is not significant.
std::optional<bool> parse_consent(std::string_view text) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (lower.empty() || lower == "no" || lower == "false" || lower == "0") return false;
  if (lower == "yes" || lower == "true" || lower == "1") return true;
  return std::nullopt;
}

// ---- Parsing ----

class SubgrantsCsvParser {
 public:
  SubgrantsCsvParser(std::string_view text, const std::string& file, Diagnostics& diagnostics)
      : text_(text), file_(file), diagnostics_(diagnostics) {}

  std::vector<Subgrant> parse() {
    CsvReader reader(text_);
    CsvRecord header;
    while (!reader.done()) {
      header = reader.next();
      if (!header.blank()) break;
    }
    if (header.fields.empty() || header.blank()) {
      diagnostics_.error({file_, 0, 0}, "",
                         "no header row; the first line must name the columns, at least "
                         "id,recipient_kind,amount");
      return {};
    }
    if (!read_header(header)) return {};

    std::vector<Subgrant> out;
    while (!reader.done()) {
      const CsvRecord record = reader.next();
      if (record.blank()) continue;
      if (auto subgrant = read_row(record)) {
        subgrant->csv_line = record.line;
        out.push_back(std::move(*subgrant));
      }
    }
    // Without a required column no row is complete; the rows were still read so that all their
    // other findings show at once.
    if (missing_required_) return {};
    return out;
  }

 private:
  void error(const CsvField& field, const std::string& column_name, std::string message) {
    diagnostics_.error({file_, field.line, field.column}, column_name, std::move(message));
  }

  // The name findings about field `index` carry: the header's name for it, when there is one.
  std::string name_at(std::size_t index) const {
    return index < names_.size() ? names_[index] : std::string();
  }

  void report_problems(const CsvRecord& record) {
    for (const auto& [index, problem] : record.problems) {
      const CsvField& field = record.fields[index];
      if (problem == CsvProblem::unterminated_quote)
        error(field, name_at(index),
              "the quoted field is not closed; add the closing quote, and write a quote inside a "
              "field as two (\"\")");
      else
        error(field, name_at(index),
              "text after the closing quote; put the whole field in quotes and write each quote "
              "inside it as two, e.g. \"Ассоциация \"\"Болашак\"\"\"");
    }
  }

  // Reports a field that is not UTF-8 (a spreadsheet saved in a Windows code page) and returns
  // false; its text would make every later message about it malformed too.
  bool check_utf8(const CsvField& field, const std::string& column_name) {
    const std::string_view raw = text_.substr(field.raw_begin, field.raw_end - field.raw_begin);
    const std::size_t bad = find_invalid_utf8(raw);
    if (bad == std::string_view::npos) return true;
    const auto [line, column] = line_column_at(text_, field.raw_begin + bad);
    static constexpr char kHex[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(raw[bad]);
    error(field, column_name,
          std::string("not valid UTF-8 (byte 0x") + kHex[byte >> 4] + kHex[byte & 0xF] + " at " +
              std::to_string(line) + ":" + std::to_string(column) +
              "); save the file as UTF-8, e.g. Excel's \"CSV UTF-8 (Comma delimited)\"");
    return false;
  }

  // Maps header fields to columns. Returns false when the header itself cannot be read.
  bool read_header(const CsvRecord& header) {
    if (!header.problems.empty()) {
      report_problems(header);
      return false;
    }
    std::map<Column, const CsvField*> seen;
    for (const CsvField& field : header.fields) {
      columns_.emplace_back();
      names_.emplace_back();
      if (!check_utf8(field, "")) continue;
      names_.back() = field.value;
      const ColumnSpec* spec = nullptr;
      for (const ColumnSpec& s : kColumns)
        if (s.name == field.value) spec = &s;
      if (!spec) {
        error(field, field.value,
              field.value.empty()
                  ? "empty column name; name every column (or remove a trailing comma); "
                    "expected one of: " +
                        column_list()
                  : "unknown column " + shown(field.value) + "; expected one of: " + column_list());
        continue;
      }
      auto [it, inserted] = seen.emplace(spec->column, &field);
      if (!inserted) {
        error(field, field.value,
              "duplicate column " + shown(field.value) + "; it is already at " +
                  std::to_string(it->second->line) + ":" + std::to_string(it->second->column) +
                  "; keep one");
        continue;
      }
      columns_.back() = spec->column;
    }
    for (const ColumnSpec& spec : kColumns) {
      if (!spec.required || seen.count(spec.column)) continue;
      missing_required_ = true;
      diagnostics_.error({file_, header.line, 1}, std::string(spec.name),
                         "missing required column \"" + std::string(spec.name) +
                             "\"; name it in the header row (columns may come in any order)");
    }
    return true;
  }

  std::optional<Subgrant> read_row(const CsvRecord& record) {
    if (!record.problems.empty()) {
      report_problems(record);
      return std::nullopt;
    }
    const std::size_t expected = columns_.size();
    if (record.fields.size() < expected) {
      diagnostics_.error({file_, record.end_line, record.end_column}, name_at(record.fields.size()),
                         "the row has " + std::to_string(record.fields.size()) +
                             " fields but the header has " + std::to_string(expected) +
                             " columns; every row needs one field per column, empty ones too "
                             "(a,,c)");
      return std::nullopt;
    }
    if (record.fields.size() > expected) {
      error(record.fields[expected], "",
            "the row has " + std::to_string(record.fields.size()) + " fields but the header has " +
                std::to_string(expected) +
                " columns; put a field that holds a comma in double quotes, e.g. "
                "\"Алматы, Медеу\"");
      return std::nullopt;
    }

    Subgrant subgrant;
    bool ok = true;
    for (std::size_t i = 0; i < expected; ++i) {
      if (!columns_[i]) continue;
      const CsvField& field = record.fields[i];
      const std::string& name = names_[i];
      if (!check_utf8(field, name)) {
        ok = false;
        continue;
      }
      const std::string& value = field.value;
      if (is_text_column(*columns_[i]) && needs_string_check(value))
        subgrant.csv_contact_cells.push_back({name, field.line, field.column, value});
      switch (*columns_[i]) {
        case Column::id:
          if (value.empty()) {
            error(field, name,
                  "must not be empty; give each sub-grant an id of lowercase ASCII letters, "
                  "digits and single hyphens, e.g. \"sg-01\"");
            ok = false;
          } else if (!is_slug(value)) {
            error(field, name,
                  shown(value) +
                      " is not a valid id; use lowercase ASCII letters, digits and "
                      "single hyphens, e.g. \"sg-01\"");
            ok = false;
          } else if (auto [it, inserted] = ids_.emplace(value, field.line); !inserted) {
            error(field, name,
                  "duplicate sub-grant id " + shown(value) + "; it is already used at line " +
                      std::to_string(it->second) + "; ids must be unique");
            ok = false;
          } else {
            subgrant.id = value;
          }
          break;
        case Column::recipient_kind:
          ok = read_enum(field, name, recipient_kind_names(), true, subgrant.recipient_kind) && ok;
          break;
        case Column::status:
          ok = read_enum(field, name, subgrant_status_names(), false, subgrant.status) && ok;
          break;
        case Column::amount: {
          std::string why;
          if (value.empty()) {
            error(field, name, "must not be empty; write whole tenge, e.g. 1000000 or 1 000 000");
            ok = false;
          } else if (auto amount = parse_amount(value, why)) {
            subgrant.amount = Tenge(*amount);
          } else {
            error(field, name,
                  shown(value) + " is not a whole number of tenge (" + why +
                      "); write digits only, with spaces between thousands if you like: 1000000 "
                      "or 1 000 000");
            ok = false;
          }
          break;
        }
        case Column::name_consent:
          if (auto consent = parse_consent(value)) {
            subgrant.name_consent = *consent;
          } else {
            error(field, name,
                  "unknown value " + shown(value) +
                      "; expected one of: yes, no, true, false, 1, 0 (empty means no)");
            ok = false;
          }
          break;
        case Column::region:
          if (!value.empty() && !is_slug(value)) {
            error(field, name,
                  shown(value) +
                      " is not a valid region id; use an id from "
                      "content/regions.json, e.g. \"almaty\"");
            ok = false;
          } else {
            subgrant.region = value;
          }
          break;
        case Column::recipient_name_kk:
          subgrant.recipient_name.set(Lang::kk, value);
          break;
        case Column::recipient_name_ru:
          subgrant.recipient_name.set(Lang::ru, value);
          break;
        case Column::locality_kk:
          subgrant.locality.set(Lang::kk, value);
          break;
        case Column::locality_ru:
          subgrant.locality.set(Lang::ru, value);
          break;
        case Column::title_kk:
          subgrant.title.set(Lang::kk, value);
          break;
        case Column::title_ru:
          subgrant.title.set(Lang::ru, value);
          break;
        case Column::award_date:
          if (value.empty()) break;
          if (auto date = PartialDate::parse(value)) {
            subgrant.award_date = *date;
            subgrant.csv_award_date_column = field.column;
          } else {
            error(field, name,
                  shown(value) +
                      " is not a date; write YYYY-MM-DD (or YYYY-MM, YYYY when the day is not "
                      "known), e.g. 2024-06-15");
            ok = false;
          }
          break;
      }
    }
    if (!ok) return std::nullopt;
    return subgrant;
  }

  // An enum by its record name (exact, as in JSON). Empty is an error when required, else keeps
  // the default already in `out`.
  template <typename E>
  bool read_enum(const CsvField& field, const std::string& name, const EnumTable<E>& table,
                 bool required, E& out) {
    if (field.value.empty()) {
      if (!required) return true;
      error(field, name, "must not be empty; expected one of: " + expected_names(table));
      return false;
    }
    for (const auto& [text, value] : table) {
      if (text == field.value) {
        out = value;
        return true;
      }
    }
    error(field, name,
          "unknown value " + shown(field.value) + "; expected one of: " + expected_names(table));
    return false;
  }

  std::string_view text_;
  const std::string& file_;
  Diagnostics& diagnostics_;
  std::vector<std::optional<Column>> columns_;  // by field index; none for a column we ignore
  std::vector<std::string> names_;              // by field index, as the header writes them
  std::map<std::string, int> ids_;              // id → line of its first use
  bool missing_required_ = false;
};

}  // namespace

std::vector<Subgrant> parse_subgrants_csv(std::string_view text, const std::string& display_file,
                                          Diagnostics& diagnostics) {
  // Columns are counted from the first character a reader sees, so a BOM does not shift line 1.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return SubgrantsCsvParser(text, display_file, diagnostics).parse();
}

}  // namespace ashyq
