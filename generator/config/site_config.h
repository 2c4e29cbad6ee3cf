#pragma once
// site.toml: the portal's title and description per language, languages (default first), base URL,
// operator and currency; [links], [search] and data_licence, the licence of the open data.
#include <filesystem>

#include "core/diagnostics.h"
#include "model/model.h"

namespace ashyq {

// Reads `path`. Every problem (malformed TOML with its line and column, a missing or mistyped key,
// an unknown language, a base URL that is not absolute http(s)) is reported into `diagnostics`
// under the name `display_name`; the returned config then holds defaults for what could not be
// read.
SiteConfig load_site_config(const std::filesystem::path& path, const std::string& display_name,
                            Diagnostics& diagnostics);

// A portal whose site.toml states no data_licence publishes its open data under no licence: a
// warning (a new portal must build at once, and no licence is chosen on its publisher's behalf)
// located where the licence would go, the commented-out data_licence line `ashyq init` writes or
// else above the first table, saying how to state one and which licences Ashyq knows by their
// SPDX id. Nothing when site.toml states one, right or wrong, or cannot be read (load_site_config
// reports that). For the commands that publish (check, build, serve), not for every reader of the
// configuration.
void report_missing_data_licence(const std::filesystem::path& path, const std::string& display_name,
                                 Diagnostics& diagnostics);

}  // namespace ashyq
