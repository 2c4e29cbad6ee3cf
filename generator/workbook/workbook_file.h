#pragma once
// workbook: a grant's cells (grant_workbook.h) as an XLSX file an NGO fills in LibreOffice Calc or
// Excel, written with libxlsxwriter:
//  - an Instructions sheet first, in Kazakh and Russian: what each sheet holds, how to write dates
//    and sums, how to import;
//  - one sheet per table of the forms, headers in Kazakh (row 1) and Russian (row 2), frozen;
//    Kazakh and Russian texts in neighbouring columns;
//  - typed columns: sums in tenge and counts as numbers ("#,##0"), dates, codes and texts as text
//    cells (so a spreadsheet never turns 2024-04 into a date or a 12-digit BIN into 1.2E+11);
//  - drop-down lists (regions, directions, organisations, statuses, units of the forms, sources of
//    funds…) from a Lists sheet that names every code in both languages;
//  - the record's $schema on a hidden sheet, so the import gives back the record it was made from.
// The file's bytes depend on the record only: its creation date is fixed.
#include <filesystem>
#include <string>
#include <vector>

#include "core/status.h"
#include "workbook/grant_form.h"
#include "workbook/grant_workbook.h"

namespace ashyq::workbook {

// Writes `grid` (made by to_grid) to `path` with the drop-downs of `lists` (every list a field
// names: the site's regions, directions and organisations, and the fixed lists with their
// labels). `display` names the file in errors.
Status write_workbook(const Grid& grid, const std::vector<List>& lists,
                      const std::filesystem::path& path, const std::string& display);

}  // namespace ashyq::workbook
