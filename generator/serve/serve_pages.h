#pragma once
// What `ashyq serve` adds to the built site when it answers, never on disk: the script that
// reloads a page after a good rebuild, and the page that shows a failed rebuild's findings.
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"
#include "core/lang.h"
#include "i18n/ui_strings.h"

namespace ashyq::serve {

// The server's own URLs, under a prefix no page of a site can have (routes' segments and page
// names are lower-case words).
inline constexpr std::string_view kEventsUrl = "/__ashyq/events";       // Server-Sent Events
inline constexpr std::string_view kFindingsUrl = "/__ashyq/findings/";  // + "<lang>/"
inline constexpr std::string_view kStatusUrl = "/__ashyq/status";       // the state as JSON

// Where the builds stand, as the events endpoint sends it (one JSON object a message):
// {"build": the good build being served ("" before the first), "ok": whether the last build
// succeeded, "failure": the failed build whose findings are shown ("" when ok)}.
struct BuildState {
  std::string build;
  bool ok = false;
  std::string failure;
};
std::string state_json(const BuildState& state);

// The script for a page served from good build `build` (or, with `build` empty, a findings page
// served for failed build `failure` in place of a page): it listens to kEventsUrl, reloads the
// page when a newer good build is served, and on a failed build lays the findings page of `lang`
// over the page (the page itself stays as the previous good build made it).
std::string reload_script(const BuildState& page, Lang lang);

// `html` with `script` before its last "</body>" (at the end when it has none).
std::string with_script(std::string html, std::string_view script);

// The page of a failed build's findings in `lang`, its frame in the UI strings of
// templates/i18n/<lang>.toml (serve.*): each finding with its file, line, column, field, message
// and quoted source line (read from `site_dir`), every text escaped. `served` says whether a
// previous good build is still served.
std::string findings_page(const std::vector<Diagnostic>& findings, const i18n::UiStrings& strings,
                          Lang lang, const std::string& site_dir, bool served);

}  // namespace ashyq::serve
