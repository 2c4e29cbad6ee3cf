// A grant's workbook (issue 16, item 1): the layout covers the schema, every record of content/ and
// the fixtures goes record → cells → record and record → XLSX file → record byte for byte, and
// each kind of bad cell gets one finding at its sheet and cell.
#include <xlsxwriter.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/diagnostics.h"
#include "temp_folder.h"
#include "workbook/grant_form.h"
#include "workbook/grant_workbook.h"
#include "workbook/workbook_file.h"
#include "xlsx/xlsx_reader.h"

namespace fs = std::filesystem;
using nlohmann::ordered_json;
using namespace ashyq;
using namespace ashyq::workbook;

namespace {

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> records_in(const fs::path& grants) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(grants))
    if (fs::exists(entry.path() / "grant.json")) out.push_back(entry.path() / "grant.json");
  std::sort(out.begin(), out.end());
  return out;
}

// The grants of content/ and of the fixtures, all stored in canonical form (the fixtures were
// brought to it with `ashyq workbook` and `ashyq import`).
std::vector<fs::path> canonical_records() {
  std::vector<fs::path> out;
  for (const char* grants : {"content/grants", "tests/fixtures/full/content/grants",
                             "tests/fixtures/portal/content/grants"})
    for (const fs::path& p : records_in(fs::path(ASHYQ_SOURCE_DIR) / grants)) out.push_back(p);
  return out;
}

std::string shown(const fs::path& path) {
  return path.lexically_relative(ASHYQ_SOURCE_DIR).generic_string();
}

// The leaf members of the schema, as paths with "*" for array items ("/tasks/*/title/kk").
void schema_leaves(const ordered_json& schema, const ordered_json& node, const std::string& path,
                   std::set<std::string>& out) {
  if (node.contains("$ref")) {
    const std::string ref = node["$ref"].get<std::string>();  // "#/$defs/text"
    schema_leaves(schema, schema["$defs"][ref.substr(ref.rfind('/') + 1)], path, out);
    return;
  }
  if (node.contains("oneOf")) {
    // A period: one date, or {start, end}; both are the two cells of a range.
    bool any_object = false;
    for (const auto& alternative : node["oneOf"]) {
      const ordered_json* a = &alternative;
      if (a->contains("$ref")) {
        const std::string ref = (*a)["$ref"].get<std::string>();
        a = &schema["$defs"][ref.substr(ref.rfind('/') + 1)];
      }
      if (a->contains("properties")) {
        any_object = true;
        schema_leaves(schema, *a, path, out);
      }
    }
    if (!any_object) out.insert(path);
    return;
  }
  if (node.contains("properties")) {
    for (const auto& [key, child] : node["properties"].items())
      schema_leaves(schema, child, path + "/" + key, out);
    return;
  }
  if (node.value("type", ordered_json()) == "array" && node.contains("items")) {
    const ordered_json& items = node["items"];
    const bool scalar_items = !items.contains("properties") && !items.contains("$ref");
    if (scalar_items) {
      out.insert(path + "/*");
      return;
    }
    if (items.contains("$ref")) {
      const std::string ref = items["$ref"].get<std::string>();
      const ordered_json& target = schema["$defs"][ref.substr(ref.rfind('/') + 1)];
      if (!target.contains("properties")) {  // an array of codes or slugs
        out.insert(path + "/*");
        return;
      }
    }
    schema_leaves(schema, items, path + "/*", out);
    return;
  }
  out.insert(path);
}

// The leaves the layout gives a cell to, in the same form.
std::set<std::string> layout_leaves() {
  std::set<std::string> out;
  auto add = [&](const std::string& base, const Field& field) {
    const std::string path = field.key.empty() ? base : base + "/" + field.key;
    if (field.kind == Kind::text) {
      out.insert(path + "/kk");
      out.insert(path + "/ru");
    } else if (field.kind == Kind::range) {
      out.insert(path + "/start");
      out.insert(path + "/end");
    } else if (field.kind == Kind::choices) {
      out.insert(path + "/*");
    } else {
      out.insert(path);
    }
  };
  for (const Sheet& sheet : grant_sheets()) {
    for (const Field& field : sheet.columns) add(sheet.array + "/*", field);
    if (!sheet.parent_key.empty())
      out.insert(sheet.array.substr(0, sheet.array.find("/*/")) + "/*/" + sheet.parent_key);
    for (const FormRow& row : sheet.rows)
      for (const Field& field : row.fields) add(row.repeated ? row.path + "/*" : row.path, field);
  }
  return out;
}

// A workbook file of `record`, written and read back.
struct FileRoundTrip {
  testing::TempFolder folder{"workbook"};
  fs::path file = folder / "grant.xlsx";
};

}  // namespace

TEST_CASE("The grant workbook has a cell for every member of the grant schema, and no other",
          "[workbook]") {
  const ordered_json schema =
      ordered_json::parse(read_all(fs::path(ASHYQ_SOURCE_DIR) / "schemas/grant.schema.json"));
  std::set<std::string> in_schema;
  schema_leaves(schema, schema, "", in_schema);
  // A range's single-date form is the start cell; the record's own $schema is on the hidden sheet.
  const std::set<std::string> in_layout = layout_leaves();
  std::vector<std::string> missing, extra;
  for (const std::string& leaf : in_schema)
    if (!in_layout.count(leaf)) missing.push_back(leaf);
  for (const std::string& leaf : in_layout)
    if (!in_schema.count(leaf)) extra.push_back(leaf);
  INFO("in the schema, without a cell: " << ordered_json(missing).dump());
  INFO("a cell the schema does not know: " << ordered_json(extra).dump());
  CHECK(missing.empty());
  CHECK(extra.empty());
  CHECK(in_schema.size() > 100);
}

TEST_CASE("Every grant of content/ and of the fixtures goes record → cells → record byte for byte",
          "[workbook]") {
  const std::vector<fs::path> records = canonical_records();
  REQUIRE(records.size() >= 9 + 11);
  for (const fs::path& path : records) {
    const std::string bytes = read_all(path);
    Diagnostics diagnostics;
    const Imported back = from_grid(to_grid(ordered_json::parse(bytes)), "grant.xlsx", diagnostics);
    INFO(shown(path) << "\n" << format_all(diagnostics, "."));
    CHECK(diagnostics.items().empty());
    CHECK(canonical_json(back.record) == bytes);
  }
}

TEST_CASE(
    "Every grant of content/ and of the fixtures goes record → XLSX file → record byte for byte",
    "[workbook]") {
  for (const fs::path& path : canonical_records()) {
    const std::string bytes = read_all(path);
    FileRoundTrip trip;
    const Status written =
        write_workbook(to_grid(ordered_json::parse(bytes)), {}, trip.file, "grant.xlsx");
    INFO(shown(path) << ": " << written.message());
    REQUIRE(written.ok());
    Result<xlsx::Workbook> book = xlsx::read_workbook(trip.file);
    REQUIRE(book.ok());
    Diagnostics diagnostics;
    const Imported back = from_grid(grid_of(*book), "grant.xlsx", diagnostics);
    INFO(format_all(diagnostics, "."));
    CHECK(diagnostics.items().empty());
    CHECK(canonical_json(back.record) == bytes);
  }
}

namespace {

// The one finding of importing `grid` after `edit`, formatted.
std::string one_finding(Grid grid, const std::function<void(Grid&)>& edit) {
  edit(grid);
  Diagnostics diagnostics;
  from_grid(grid, "grant.xlsx", diagnostics);
  const std::string text = format_all(diagnostics, ".");
  INFO(text);
  CHECK(diagnostics.error_count() == 1);
  return text;
}

GridSheet& sheet(Grid& grid, const std::string& name) {
  for (GridSheet& s : grid.sheets)
    if (s.name == name) return s;
  throw std::runtime_error("no sheet " + name);
}

GridCell number(double n) {
  GridCell c;
  c.type = GridCell::Type::number;
  c.number = n;
  std::ostringstream s;
  s << n;
  c.text = s.str();
  return c;
}

GridCell text(std::string t) {
  GridCell c;
  c.text = std::move(t);
  return c;
}

}  // namespace

TEST_CASE("Each kind of bad cell gets one finding naming its sheet and cell and what is right",
          "[workbook]") {
  const ordered_json record = ordered_json::parse(
      read_all(fs::path(ASHYQ_SOURCE_DIR) / "content/grants/gamo-2025-rural-youth/grant.json"));
  const Grid grid = to_grid(record);
  // Budget: G is the line's total (section, activity, article kk/ru, unit kk/ru, quantity,
  // unit cost, total).
  SECTION("text in a number cell") {
    const std::string f = one_finding(grid, [](Grid& g) {
      sheet(g, "Budget").cells[{3, 9}] = text("1 500 000 тг");
    });
    CHECK(f.find("grant.xlsx:Budget!I3: error") != std::string::npos);
    CHECK(f.find("text in a number cell") != std::string::npos);
  }
  SECTION("a formula") {
    const std::string f = one_finding(grid, [](Grid& g) {
      GridCell c = number(100);
      c.formula = true;
      sheet(g, "Budget").cells[{3, 9}] = c;
    });
    CHECK(f.find("grant.xlsx:Budget!I3") != std::string::npos);
    CHECK(f.find("formula") != std::string::npos);
  }
  SECTION("a merged range") {
    const std::string f =
        one_finding(grid, [](Grid& g) { sheet(g, "Tasks").merged.push_back("B3:C3"); });
    CHECK(f.find("grant.xlsx:Tasks") != std::string::npos);
    CHECK(f.find("B3:C3 are merged") != std::string::npos);
  }
  SECTION("a date typed as text in a local form") {
    const std::string f = one_finding(grid, [](Grid& g) {
      GridSheet& s = sheet(g, "Grant");
      for (auto& [place, cell] : s.cells)
        if (place.second == 1 && cell.text == "contract.date")
          s.cells[{place.first, 4}] = text("30.04.2025");
    });
    CHECK(f.find("grant.xlsx:Grant!D") != std::string::npos);
    CHECK(f.find("2025-04-30") != std::string::npos);
  }
  SECTION("a renamed column") {
    const std::string f = one_finding(grid, [](Grid& g) {
      sheet(g, "Budget").cells[{2, 3}] = text("Статья");
    });
    CHECK(f.find("grant.xlsx:Budget!C2") != std::string::npos);
    CHECK(f.find("should read") != std::string::npos);
  }
  SECTION("a missing sheet") {
    const std::string f = one_finding(grid, [](Grid& g) {
      std::erase_if(g.sheets, [](const GridSheet& s) { return s.name == "Media"; });
    });
    CHECK(f.find("grant.xlsx:Media: error") != std::string::npos);
  }
  SECTION("a sheet of 50 000 rows") {
    const std::string f = one_finding(grid, [](Grid& g) {
      GridSheet& s = sheet(g, "Partners");
      for (int row = 3; row < 3 + 50000; ++row) s.cells[{row, 1}] = text("Серіктес");
      s.rows = 50002;
    });
    CHECK(f.find("grant.xlsx:Partners!A10003") != std::string::npos);
    CHECK(f.find("50000 rows") != std::string::npos);
  }
  SECTION("a code not in its list") {
    const std::string f = one_finding(grid, [](Grid& g) {
      sheet(g, "Budget").cells[{3, 1}] = text("salary");
    });
    CHECK(f.find("grant.xlsx:Budget!A3") != std::string::npos);
    CHECK(f.find("salaries") != std::string::npos);
  }
  SECTION("an activity naming a task that is not there") {
    const std::string f = one_finding(grid, [](Grid& g) {
      sheet(g, "Activities").cells[{3, 1}] = text("t99");
    });
    CHECK(f.find("grant.xlsx:Activities!A3") != std::string::npos);
    CHECK(f.find("t99") != std::string::npos);
  }
}

TEST_CASE("A date cell of a spreadsheet is read as the day it shows, and a bare number is refused",
          "[workbook]") {
  Grid grid = to_grid(ordered_json{{"id", "x"}, {"contract", {{"date", "2024-04-30"}}}});
  GridSheet& g = sheet(grid, "Grant");
  int row = 0;
  for (auto& [place, cell] : g.cells)
    if (place.second == 1 && cell.text == "contract.date") row = place.first;
  REQUIRE(row > 0);
  GridCell day = number(45412);  // 2024-04-30 in Excel's 1900 date system
  day.date_format = true;
  g.cells[{row, 4}] = day;
  Diagnostics diagnostics;
  Imported back = from_grid(grid, "grant.xlsx", diagnostics);
  CHECK(diagnostics.items().empty());
  CHECK(back.record["contract"]["date"] == "2024-04-30");
  g.cells[{row, 4}] = number(45412);
  Diagnostics refused;
  from_grid(grid, "grant.xlsx", refused);
  CHECK(refused.error_count() == 1);
}
