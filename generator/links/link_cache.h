#pragma once
// link-cache.json: the result of the last check of every external link, at the site root. Written
// by `ashyq links` (sorted by URL, so a diff shows what changed), read by the loader so that the
// build can mark links known to be broken without making a request itself.
//
//   {"links": [{"url": "https://…", "status": "broken", "http_status": 404,
//               "final_url": "https://…", "checked_at": "2026-11-23T21:40:19Z",
//               "broken_since": "2026-11-20T08:00:00Z"}, …]}
//
// Results are judged honestly: only an answer that says the link is gone or wrong makes it
// "broken". A timeout, a refused connection or a server error says nothing about the link, so
// such a link is "unreachable": reported, never marked on public pages, never given broken_since.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "content/json_decoder.h"
#include "model/model.h"

namespace ashyq::links {

enum class LinkClass {
  ok,           // ok, redirect_ok
  broken,       // broken (4xx), too_many_redirects, malformed_url
  unreachable,  // timeout, connection_failed, server_error
};

// The class of a checker status name (linkcheck::link_status_name); nullopt for a name the checker
// never gives.
std::optional<LinkClass> classify_link(std::string_view status);
// "ok", "broken", "unreachable".
std::string_view link_class_name(LinkClass link_class);

// "2026-11-23T21:40:19Z" (UTC, whole seconds).
std::string utc_timestamp(std::chrono::system_clock::time_point when);
// Reads exactly the form utc_timestamp writes; nullopt for anything else.
std::optional<std::chrono::system_clock::time_point> parse_utc_timestamp(std::string_view text);

// Decodes the parsed file. Problems (an unknown member, a missing url, status or checked_at, a
// status the checker does not give, a malformed timestamp, a URL listed twice) are errors at their
// place through `decoder`; the entries that could be read are returned.
LinkCache decode_link_cache(JsonDecoder& decoder, const nlohmann::json& root);

// The file's text: entries sorted by URL, two-space indented, ending with a newline.
std::string link_cache_json(const LinkCache& cache);

// The entry of `url` when its last check found it broken (with broken_since set); nullptr when it
// worked, was unreachable, or was never checked.
const LinkCacheEntry* known_broken(const LinkCache& cache, const std::string& url);

}  // namespace ashyq::links
