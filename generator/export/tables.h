#pragma once
// export: the portal's records as tables for the open-data downloads. Each table has one
// TableSchema (column id, type, description in Kazakh and Russian); the CSV writer, the JSON
// writer, the data dictionary page and datapackage.json all read it, so they cannot disagree.
//
// Conventions: money is whole tenge as an integer; dates are ISO 8601 as precise as the source
// (YYYY, YYYY-MM or YYYY-MM-DD); ids are the records' ids; a text in both languages is two
// columns, <field>_kk and <field>_ru; a list of ids is one text cell, ids separated by "; ". An
// empty cell (null in JSON) means the source does not give the value.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "model/model.h"
#include "model/portal_index.h"

namespace ashyq::opendata {

enum class ColumnType { text, integer, number, boolean, date };
// "string", "integer", "number", "boolean", "date": the Frictionless Data type names, except that
// a date as precise as the source is a "string" there (a year or a month is not a Frictionless
// date). See frictionless_type().
const char* column_type_name(ColumnType type);
const char* frictionless_type(ColumnType type);

struct Column {
  std::string id;
  ColumnType type = ColumnType::text;
  LocalizedText description;
};

struct TableSchema {
  std::string name;  // file name without extension: "grants", "subgrants", ...
  LocalizedText title, description;
  std::vector<Column> columns;

  // The column's index; throws std::logic_error for an unknown id (a programming error).
  std::size_t index_of(const std::string& column_id) const;
};

// A cell: empty (not given), text, integer, number or boolean.
using Cell = std::variant<std::monostate, std::string, std::int64_t, double, bool>;

struct Table {
  const TableSchema* schema = nullptr;
  std::vector<std::vector<Cell>> rows;  // each row has one cell per column, in column order
};

// The tables, each defined once. The order is the order of the bulk files and the dictionary.
const TableSchema& grants_schema();
const TableSchema& subgrants_schema();
// "programmes": every sub-grant programme against its plan (check_programme), the registry's full
// reconciliation table: its first page lists only the inconsistent programmes.
const TableSchema& programmes_schema();
const TableSchema& budget_lines_schema();
const TableSchema& indicators_schema();
const TableSchema& media_schema();
const TableSchema& organisations_schema();
const TableSchema& plan_topics_schema();
// "360giving-omitted": every grant and sub-grant the 360Giving export leaves out, with the reason
// (giving360.h). The data page shows the counts and the first records only, and links this file
// for the whole list: at national scale it runs to hundreds of thousands of rows.
const TableSchema& giving360_omitted_schema();
const std::vector<const TableSchema*>& all_schemas();

// Tables of a selection of records, rows in the order given.
Table grants_table(const Portal& portal, const std::vector<std::size_t>& grants);
// Sub-grants: a private person's or initiative group's name only with consent, as on the pages.
Table subgrants_table(const Portal& portal, const std::vector<SubgrantRef>& subgrants);
// Programmes of the given grants (each must have one: PortalIndex::programmes).
Table programmes_table(const Portal& portal, const std::vector<std::size_t>& grants);
Table budget_lines_table(const Portal& portal, const std::vector<std::size_t>& grants);
Table indicators_table(const Portal& portal, const std::vector<std::size_t>& grants);
Table media_table(const Portal& portal, const std::vector<std::size_t>& grants);
Table organisations_table(const Portal& portal, const PortalIndex& index,
                          const std::vector<std::size_t>& organisations);
Table plan_topics_table(const Portal& portal, const std::vector<std::size_t>& plans);
// The records of the given grants (each grant, then its sub-grants) that the 360Giving export
// leaves out, in opendata::giving360_omitted() order.
Table giving360_omitted_table(const Portal& portal, const std::vector<std::size_t>& grants);

// The whole portal, one table per schema in all_schemas() order: grants by id, sub-grants by grant
// then record order, programmes by grant id, organisations by id, plans by id, omitted records in
// package order.
std::vector<Table> bulk_tables(const Portal& portal, const PortalIndex& index);

}  // namespace ashyq::opendata
