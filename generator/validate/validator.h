#pragma once
// validate: every rule that judges the loaded portal, in one place. Each finding names the file,
// line, column and field and says what would be right. Errors fail the build; warnings do not.
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "model/model.h"

namespace ashyq {

// Names that records may not take because a page's URL would shadow them. The routes module lists
// them (routes::reserved_grant_ids, reserved_page_names); the site passes them in, so that
// validation sits below routing and rendering.
struct ReservedNames {
  std::vector<std::string> grant_ids;   // segments under /<lang>/grants/ ("page", "year"...)
  std::vector<std::string> page_names;  // segments under /<lang>/ ("grants", "data"...)
};

void validate_portal(const Portal& portal, const ReservedNames& reserved, Diagnostics& diagnostics);

}  // namespace ashyq
