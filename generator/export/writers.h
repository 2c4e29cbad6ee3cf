#pragma once
// export: tables to bytes, as CSV and as JSON. Both are pure functions of the table, so two builds
// of the same portal give the same bytes.
//
// CSV, made to open correctly in a spreadsheet:
//  - UTF-8 with a byte order mark (so Excel reads Kazakh and Russian letters), CRLF line ends, a
//    header row of column ids;
//  - RFC 4180 quoting: a field with a comma, a double quote, CR or LF is put in double quotes and
//    its quotes doubled; a line break inside a text stays inside the quotes;
//  - formula injection defused: a text or date cell that starts with =, +, -, @, a tab or a CR is
//    written with a leading apostrophe (') so that no spreadsheet runs it as a formula. Integer
//    and number columns are written as plain numbers and never prefixed, so -5 stays a number;
//  - an empty cell means the value is not given.
// JSON: {"<table name>": [ {column id: value, …}, … ]} with keys in column order; integers and
// numbers as JSON numbers, booleans as true/false, a cell not given as null.
#include <string>

#include <nlohmann/json.hpp>

#include "export/tables.h"

namespace ashyq::opendata {

// One CSV field as written in a row: quoted, escaped and defused by the rules above.
std::string csv_field(const Cell& cell, ColumnType type);
std::string write_csv(const Table& table);

nlohmann::ordered_json json_rows(const Table& table);
// The table as a JSON document, indented by one space, ending in a line break.
std::string write_json(const Table& table);

}  // namespace ashyq::opendata
