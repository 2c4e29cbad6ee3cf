#pragma once
// load: reads site.toml and content/ into the typed Portal, recording where every value came from.
// It reports malformed files and wrongly shaped records, and does not judge whether figures agree.
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "core/diagnostics.h"
#include "core/file_io.h"
#include "model/model.h"

namespace ashyq {

// What could not be loaded. A record with a load error (unreadable, malformed, or wrongly shaped:
// any error in its files) is left out of the portal, so that validation judges only records that
// loaded and reports nothing that follows from a value the decoder could not read. The ids of the
// grants and organisations left out (their file or folder names), which other records refer to,
// are kept here, so that a reference to one is not reported as unknown.
struct LoadFailures {
  std::set<std::string> grants, organisations;
  bool regions = false;     // regions.json, or one of its regions, has a load error
  bool directions = false;  // the same for directions.json
  bool content = false;     // there is no content/ folder: nothing to validate
  // The text of the organisation files that failed to load: every phone and e-mail in it may be
  // an organisation's declared public contact, so none of them is reported as private elsewhere.
  std::string organisation_text;
};

// Reads the whole site under `site_dir`:
//   site.toml, content/regions.json, content/directions.json, content/organisations/*.json,
//   content/grants/<id>/grant.json with report.kk.md and report.ru.md,
//   link-cache.json (written by `ashyq links`) when it exists.
// Files are read in sorted order, so findings and output do not depend on the directory listing.
// Every problem goes into `diagnostics` with a file name relative to `site_dir`.
// Records with a load error are left out and listed in `failures` (when given). Grants are read by
// `jobs` threads (0: one a core); the result, findings included, does not depend on it.
Portal load_portal(const std::filesystem::path& site_dir, Diagnostics& diagnostics,
                   LoadFailures* failures = nullptr, unsigned jobs = 0);

}  // namespace ashyq
