#pragma once
// export: datapackage.json (Frictionless Data Package) describing the bulk files in /data/: one
// tabular resource per CSV file, with its fields (name, type, description in both languages) taken
// from the same TableSchema the CSV header is written from, and one resource per JSON file; the
// licence of site.toml's [data_licence] in `licenses`. The bulk files' XLSX copies are not
// resources: they are for people, and clients would take them for tables to read.
#include <cstddef>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/tables.h"
#include "model/model.h"

namespace ashyq::opendata {

// A bulk file's schema and row count: all datapackage.json says about its rows, so the bulk files
// can be streamed to disk without holding a whole table.
struct TableSize {
  const TableSchema* schema = nullptr;
  std::size_t rows = 0;
};

nlohmann::ordered_json datapackage(const Portal& portal, const std::vector<TableSize>& bulk);
nlohmann::ordered_json datapackage(const Portal& portal, const std::vector<Table>& bulk);

}  // namespace ashyq::opendata
