#pragma once
// The one form of a moment in link-cache.json: "2026-11-23T21:40:19Z" (UTC, whole seconds). The
// loader reads it and `ashyq links` writes it, so it sits below both.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ashyq {

// "2026-11-23T21:40:19Z" (UTC, whole seconds).
std::string utc_timestamp(std::chrono::system_clock::time_point when);
// Reads exactly the form utc_timestamp writes; nullopt for anything else.
std::optional<std::chrono::system_clock::time_point> parse_utc_timestamp(std::string_view text);

}  // namespace ashyq
