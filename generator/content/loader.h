#pragma once
// load: reads site.toml and content/ into the typed Portal, recording where every value came from.
// It reports malformed files and wrongly shaped records, and does not judge whether figures agree.
#include <filesystem>
#include <optional>
#include <string>

#include "core/diagnostics.h"
#include "core/file_io.h"
#include "model/model.h"

namespace ashyq {

// Reads the whole site under `site_dir`:
//   site.toml, content/regions.json, content/directions.json, content/organisations/*.json,
//   content/grants/<id>/grant.json with report.kk.md and report.ru.md,
//   link-cache.json (written by `ashyq links`) when it exists.
// Files are read in sorted order, so findings and output do not depend on the directory listing.
// Every problem goes into `diagnostics` with a file name relative to `site_dir`.
Portal load_portal(const std::filesystem::path& site_dir, Diagnostics& diagnostics);

}  // namespace ashyq
