#pragma once
// site.toml: the portal's title and description per language, languages (default first), base URL,
// operator and currency; [links], [search] and [data_licence], the licence of the open data.
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

}  // namespace ashyq
