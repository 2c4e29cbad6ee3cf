#pragma once
// The model's enums that are not fields of a record (those are in model.h): how the portal is
// faceted and totalled, how an indicator came out, and what a link check found. Their names are
// in enum_names.h; they live apart from the code that computes them so that enum_names.h can name
// them without including that code.
#include <array>

namespace ashyq {

enum class FacetKind { year, region, direction, operator_, status, grantee };
inline constexpr std::array<FacetKind, 6> kAllFacets = {FacetKind::year,      FacetKind::region,
                                                        FacetKind::direction, FacetKind::operator_,
                                                        FacetKind::status,    FacetKind::grantee};

// What a grant's amount is: money awarded (in progress or completed), money applied for (an
// application), or money planned (a plan's topic not yet awarded). The three are never added up:
// a total always says which one it is (docs/content-model.md, "Figures").
enum class MoneyKind { awarded, applied, planned };
inline constexpr std::array<MoneyKind, 3> kAllMoneyKinds = {MoneyKind::awarded, MoneyKind::applied,
                                                            MoneyKind::planned};

enum class MediaFacetKind { platform, year, region };
inline constexpr std::array<MediaFacetKind, 3> kAllMediaFacets = {
    MediaFacetKind::platform, MediaFacetKind::year, MediaFacetKind::region};

// Outcome of an indicator: met, exceeded, short, or not reported (no actual value).
enum class IndicatorOutcome { met, exceeded, short_of, not_reported, no_target };

// The result of checking one external URL (linkcheck), as kept in link-cache.json.
enum class LinkStatus {
  ok,                  // 2xx (or a 3xx that carries no further Location), at the URL as given
  redirect_ok,         // 2xx after at least one redirect; `final_url` says where it ended
  broken,              // 4xx: 404, 410 and any other client error, including 429 after retries
  server_error,        // 5xx still answered after every retry
  timeout,             // connect or total timeout expired
  connection_failed,   // name not resolved, connection refused or reset, TLS failure, ...
  too_many_redirects,  // more than `max_redirects` redirects (a loop, usually)
  malformed_url,       // not http/https, no host, or not parseable; no request was made
};
inline constexpr std::array<LinkStatus, 8> kAllLinkStatuses = {LinkStatus::ok,
                                                               LinkStatus::redirect_ok,
                                                               LinkStatus::broken,
                                                               LinkStatus::server_error,
                                                               LinkStatus::timeout,
                                                               LinkStatus::connection_failed,
                                                               LinkStatus::too_many_redirects,
                                                               LinkStatus::malformed_url};

// What a status says about the link (model/link_status.h, link_class_of).
enum class LinkClass {
  ok,           // ok, redirect_ok
  broken,       // broken (4xx), too_many_redirects, malformed_url
  unreachable,  // timeout, connection_failed, server_error
};

}  // namespace ashyq
