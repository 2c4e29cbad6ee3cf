#include "export/writers.h"

#include <charconv>

#include <nlohmann/json.hpp>

namespace ashyq::opendata {
namespace {

// The shortest text that reads back as the same double: 0.5, 12, 1.333.
std::string number_text(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string cell_text(const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&cell)) return number_text(*d);
  if (const auto* b = std::get_if<bool>(&cell)) return *b ? "true" : "false";
  return "";
}

bool starts_formula(const std::string& text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

nlohmann::ordered_json json_value(const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&cell)) return *i;
  if (const auto* d = std::get_if<double>(&cell)) return *d;
  if (const auto* b = std::get_if<bool>(&cell)) return *b;
  return nullptr;
}

}  // namespace

std::string csv_field(const Cell& cell, ColumnType type) {
  std::string text = cell_text(cell);
  const bool numeric = type == ColumnType::integer || type == ColumnType::number;
  if (!numeric && std::holds_alternative<std::string>(cell) && starts_formula(text))
    text.insert(0, 1, '\'');
  if (text.find_first_of(",\"\r\n") == std::string::npos && !text.starts_with(' ')) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string write_csv(const Table& table, CsvFlavour flavour) {
  const TableSchema& schema = *table.schema;
  std::string out = flavour == CsvFlavour::spreadsheet ? "\xEF\xBB\xBF" : "";
  for (std::size_t i = 0; i < schema.columns.size(); ++i)
    out += (i ? "," : "") + csv_field(Cell(schema.columns[i].id), ColumnType::text);
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i)
      out += (i ? "," : "") + csv_field(row[i], schema.columns[i].type);
    out += "\r\n";
  }
  return out;
}

std::string json_open(const TableSchema& schema) {
  return "{" + nlohmann::json(schema.name).dump() + ":[";
}

std::string json_row(const TableSchema& schema, const std::vector<Cell>& row) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < row.size(); ++i) object[schema.columns[i].id] = json_value(row[i]);
  return object.dump();
}

std::string write_json(const Table& table) {
  std::string out = json_open(*table.schema);
  for (std::size_t i = 0; i < table.rows.size(); ++i)
    out += (i == 0 ? "\n" : ",\n") + json_row(*table.schema, table.rows[i]);
  if (!table.rows.empty()) out += '\n';
  out += kJsonClose;
  return out;
}

}  // namespace ashyq::opendata
