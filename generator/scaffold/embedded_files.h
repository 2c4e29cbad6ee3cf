#pragma once
// The files `ashyq init` writes, compiled into the binary (scripts/embed_files.cmake generates
// their definition from the source tree), so that a binary copied anywhere can start a portal.
#include <string_view>
#include <vector>

namespace ashyq::scaffold {

struct EmbeddedFile {
  std::string_view path;   // relative to the source tree, e.g. "templates/base.mustache"
  std::string_view bytes;  // the file's contents
};

// Every embedded file, sorted by path: templates/ (with i18n/), assets/, schemas/, the regions and
// directions of content/, and scaffold/ (the starting site.toml and about pages).
const std::vector<EmbeddedFile>& embedded_files();

}  // namespace ashyq::scaffold
