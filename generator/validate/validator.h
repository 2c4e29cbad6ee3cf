#pragma once
// validate: every rule that judges the loaded portal, in one place. Each finding names the file,
// line, column and field and says what would be right. Errors fail the build; warnings do not.
#include <string>
#include <vector>

#include "content/loader.h"
#include "core/diagnostics.h"
#include "model/model.h"

namespace ashyq {

// Names that records may not take because a page's URL would shadow them. The routes module lists
// them (routes::reserved_grant_ids, reserved_page_names); the site passes them in, so that
// validation sits below routing and rendering.
struct ReservedNames {
  std::vector<std::string> grant_ids;         // segments under /<lang>/grants/ ("page", "year"...)
  std::vector<std::string> organisation_ids;  // segments under /<lang>/organisations/ ("page")
  std::vector<std::string> page_names;        // segments under /<lang>/ ("grants", "data"...)
};

// `failed`: what the loader left out (content/loader.h). Validation runs after a load with errors
// too, so that one run reports every finding: it judges the records that loaded, and a reference
// to a record that failed to load is not reported as unknown. The grants are checked on `jobs`
// threads (0: one a core), each into its own findings, added in the grants' order: the findings
// and their order do not depend on the threads.
void validate_portal(const Portal& portal, const ReservedNames& reserved, Diagnostics& diagnostics,
                     const LoadFailures& failed = {}, unsigned jobs = 0);

}  // namespace ashyq
