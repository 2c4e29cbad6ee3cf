#pragma once
// workbook: the layout of a grant's workbook, the operator's report forms as sheets an NGO fills in
// a spreadsheet (`ashyq workbook`, `ashyq import`). One description serves both directions, so the
// workbook and the import cannot drift apart, and a test checks it covers every member of
// schemas/grant.schema.json.
//
// Two shapes of sheet:
//  - a table: one row per item of an array of the record (tasks, budget lines, media links…), one
//    column per member; Kazakh and Russian texts in neighbouring columns; a nested array (a task's
//    activities) names its parent in a first column;
//  - a form: one row per field, named in column A by a key ("title", "impact.staff"), its labels
//    in Kazakh and Russian in B and C, its values from D on; a list field (regions, target groups)
//    takes one row per item, all with the same key.
// Rows 1 and 2 of a table hold its headers in Kazakh and Russian; a form's row 1 and 2 head its
// columns the same way. Data starts on row 3.
//
// The record a workbook gives back is canonical (canonical_json): members in the schema's order, an
// empty cell an absent member, except a figure the form has a cell for (a participants count, a
// plan/fact figure), which a present row writes as null ("not reported"); a period with no end is a
// single date. Every grant of content/ is stored in this form, so record → workbook → record gives
// the same bytes.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ashyq::workbook {

enum class Kind {
  text,     // two cells: Kazakh, Russian → {"kk": …, "ru": …}; either may be empty
  string,   // a plain text (a contract number, a URL, a file name)
  slug,     // an id: lower-case letters, digits, hyphens (a task, a region, an organisation)
  integer,  // a whole number
  number,   // a number, whole or not (a quantity, an indicator's value)
  money,    // whole tenge
  count,    // a whole number the form has a cell for: null in a present row when the cell is empty
  date,     // 2024, 2024-04 or 2024-04-30
  range,    // two cells, start and end: "2024-04" alone, or {"start", "end"}
  boolean,  // TRUE or FALSE
  choice,   // one code of a list (status, region…)
  choices,  // codes of a list separated by commas (a budget subtotal's sections)
};

// The cells one member takes: two for texts and ranges.
int width(Kind kind);

// The header of a form row's presence cell.
inline constexpr const char* kPresenceKk = "Жол есепте бар (TRUE/FALSE)";
inline constexpr const char* kPresenceRu = "Строка есть в отчёте (TRUE/FALSE)";

struct Field {
  std::string key;  // the member's path below the row's object ("title", "planned/value"); empty:
                    // the row's value itself (a region of /regions)
  Kind kind = Kind::string;
  std::string kk, ru;  // its header or label
  // The list of a choice ("status", "regions"…) in the Lists sheet; for a text, the list its
  // drop-downs suggest in each language ("units": the units the site's records use)
  std::string list;
};

// A form's row: one field of the record, or one item of a list field when `repeated`.
struct FormRow {
  std::string key;   // column A
  std::string path;  // JSON pointer of the value or object; of the array when repeated
  bool repeated = false;
  std::string kk, ru;         // labels, columns B and C
  std::vector<Field> fields;  // from column D; keys relative to `path` (or to the item)
  // A last cell, TRUE when the row is in the report even with every figure empty: the final
  // report's impact table has its rows whether or not they were filled, and a row given as empty
  // reads "not reported" on the portal, where a row not given is not shown.
  bool presence = false;
};

struct Sheet {
  std::string name;    // as in the workbook: "Budget"
  std::string kk, ru;  // what the sheet holds, for the instructions sheet
  bool form = false;
  bool hidden = false;  // the workbook's own data (its record's $schema), not for the NGO to edit
  // Tables: the array's pointer ("/budget/lines"); a nested one has "*" for its parent's index
  // ("/tasks/*/activities") and its first column names the parent by `parent_key`.
  std::string array = {};
  std::string parent_key = {};      // "id": an activity's task is named by the task's id
  Field parent = {};                // the parent column's header
  std::vector<Field> columns = {};  // tables
  std::vector<FormRow> rows = {};   // forms
  // A form's value columns (from D), when its rows differ in shape; otherwise the fields of its
  // rows name them.
  std::vector<std::pair<std::string, std::string>> value_headers = {};
};

// Every sheet of a grant's workbook, in the workbook's order (after the instructions).
const std::vector<Sheet>& grant_sheets();

// The code lists the drop-downs offer. Values come from the site (regions, directions,
// organisations) or the schema (statuses…); labels from the UI strings.
struct ListItem {
  std::string code, kk, ru;
};
struct List {
  std::string name;
  std::vector<ListItem> items;
};

// The codes of a list the schema fixes (statuses, budget sections…); empty for the lists the site
// gives (regions, directions, organisations).
std::vector<std::string> fixed_codes(const std::string& list);
// The UI strings' section that names a fixed list's codes ("status" → "status"), for the labels
// beside the codes in the Lists sheet.
std::string label_section(const std::string& list);

// The record in canonical form (see above): members ordered as the schema orders them, two spaces
// of indentation, one member a line, ending with a newline.
std::string canonical_json(const nlohmann::ordered_json& record);
// `record` with its objects' members in the schema's order.
nlohmann::ordered_json canonical_order(const nlohmann::ordered_json& record);

}  // namespace ashyq::workbook
