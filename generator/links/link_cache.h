#pragma once
// link-cache.json: the result of the last check of every external link, at the site root. Written
// by `ashyq links` (sorted by URL, so a diff shows what changed), read by the loader
// (content/link_cache_decoder.h) so that the build can mark links known to be broken without
// making a request itself.
//
//   {"links": [{"url": "https://…", "status": "broken", "http_status": 404,
//               "final_url": "https://…", "checked_at": "2026-11-23T21:40:19Z",
//               "broken_since": "2026-11-20T08:00:00Z"}, …]}
//
// Results are judged honestly (model/link_status.h): only an answer that says the link is gone or
// wrong makes it "broken". A timeout, a refused connection or a server error says nothing about
// the link, so such a link is "unreachable": reported, never marked on public pages, never given
// broken_since.
#include <string>

#include "model/model.h"

namespace ashyq::links {

// The file's text: entries sorted by URL, two-space indented, ending with a newline.
std::string link_cache_json(const LinkCache& cache);

}  // namespace ashyq::links
