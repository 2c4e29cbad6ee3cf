#pragma once
// export: tables to bytes, as CSV and as JSON. Both are pure functions of the table, so two builds
// of the same portal give the same bytes.
//
// CSV in two flavours, one per kind of reader (docs/open-data.md, "Who each file is for"):
//  - plain: UTF-8 without a byte order mark, for programs. The bulk files in /data/ are plain, as
//    datapackage.json describes them (encoding "utf-8"): a byte order mark is not part of UTF-8
//    for a CSV reader, and glues itself to the first header ("\uFEFFid"), so that a Frictionless
//    client finds no column "id". Spreadsheet users get an XLSX copy of each (xlsx_writer.h).
//  - spreadsheet: the same bytes after a byte order mark, the files beside each page, which a
//    reader opens with a double click: without the mark Excel reads UTF-8 in the system's code
//    page, and Kazakh and Russian letters come out as mojibake.
// Both: CRLF line ends, a header row of column ids;
//  - RFC 4180 quoting: a field with a comma, a double quote, CR or LF is put in double quotes and
//    its quotes doubled; a line break inside a text stays inside the quotes. A field that starts
//    with a space is quoted too, so that readers which skip initial spaces (the Frictionless
//    reference implementation does) keep it;
//  - formula injection defused: a text or date cell that starts with =, +, -, @, a tab or a CR is
//    written with a leading apostrophe (') so that no spreadsheet runs it as a formula. Integer
//    and number columns are written as plain numbers and never prefixed, so -5 stays a number;
//  - an empty cell means the value is not given.
// JSON: {"<table name>":[ {column id: value, …}, … ]} with keys in column order; integers and
// numbers as JSON numbers, booleans as true/false, a cell not given as null. Compact, one row a
// line: the opening {"<name>":[ on the first line, then each row as an object without spaces on
// a line of its own, rows separated by a comma at the end of the line, then ]} and a line break:
//   {"grants":[
//   {"id":"a","amount_kzt":5000000,…},
//   {"id":"b","amount_kzt":null,…}
//   ]}
// An empty table is {"grants":[]} and a line break. A line-based tool (grep, head, diff) reads it
// a row at a time, and it is half the size of an indented document.
#include <string>
#include <string_view>
#include <vector>

#include "export/tables.h"

namespace ashyq::opendata {

// One CSV field as written in a row: quoted, escaped and defused by the rules above.
std::string csv_field(const Cell& cell, ColumnType type);
enum class CsvFlavour { plain, spreadsheet };
std::string write_csv(const Table& table, CsvFlavour flavour);

// The pieces of write_json(), for writing a table a chunk of rows at a time: the document is
// json_open(), then for each row a line break and json_row() with a comma after every row but the
// last, then a line break when there were rows, then kJsonClose.
std::string json_open(const TableSchema& schema);  // {"<name>":[
std::string json_row(const TableSchema& schema, const std::vector<Cell>& row);
inline constexpr std::string_view kJsonClose = "]}\n";
std::string write_json(const Table& table);

}  // namespace ashyq::opendata
