#pragma once
// The workbook commands' pipeline: a grant's record out as a workbook an NGO fills, and a filled
// workbook back into content/ (workbook/ has the layout and the cells; this file reads and writes
// the site).
//
// An import changes content/ only when the whole workbook is valid: the record it gives is
// checked by the same loading and validation as `ashyq check`, on a copy of the site in which the
// grant's grant.json is the new one (the other files are linked, not copied), and every finding
// about that record is shown at the workbook's cell it came from ("grant.xlsx:Budget!G12").
#include <filesystem>
#include <string>

#include "core/diagnostics.h"

namespace ashyq::site {

struct WorkbookRequest {
  std::filesystem::path site_dir = ".";
  std::string grant_id;
  std::filesystem::path file;  // the .xlsx to write
  bool empty = false;          // --new: a workbook for a grant not yet in content/
  bool force = false;          // replace `file` if it exists
};

// Writes the workbook. Problems (no such grant, a grant that already exists with --new, a file
// that exists, a record that cannot be read) go into `diagnostics`; returns whether it was written.
bool write_grant_workbook(const WorkbookRequest& request, Diagnostics& diagnostics);

struct ImportResult {
  bool ok = false;
  std::string grant_id;
  std::filesystem::path written;  // content/grants/<id>/grant.json
  bool changed = false;           // false: the record already had these bytes
  bool created = false;           // a grant new to the site
};

// Reads `file` into content/grants/<id>/grant.json of `site_dir`, as described above.
ImportResult import_grant_workbook(const std::filesystem::path& site_dir,
                                   const std::filesystem::path& file, Diagnostics& diagnostics);

}  // namespace ashyq::site
