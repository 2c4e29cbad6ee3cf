#pragma once
// The site's side of link checking (the checker itself, linkcheck/, knows nothing of the site):
// which external URLs the content holds and where, how each host is treated (site.toml [links]),
// which cached results are still fresh, and what a broken link means (error or warning).
#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "linkcheck/link_checker.h"
#include "model/enums.h"
#include "model/model.h"

namespace ashyq::links {

enum class LinkOwner { grant, organisation, page };

// One place an external URL appears.
struct LinkUse {
  std::string url;  // as published: a media link's canonical URL, any other as written
  LinkOwner owner = LinkOwner::grant;
  std::string owner_id;  // grant id, organisation id or static page name
  std::string field;     // "media", "document", "website", "social", "narrative"
  SourceLocation where;  // file, line, column of the URL in the record or narrative
};

// "grant", "organisation", "page".
std::string_view link_owner_name(LinkOwner owner);

// Every http(s) URL of the content, in a fixed order: grants by id (media, documents, then the
// Kazakh and the Russian narrative), organisations by id (website, social), static pages by name
// (Kazakh, Russian). A URL used in several places appears once per place.
std::vector<LinkUse> collect_link_uses(const Portal& portal);

// The policy for `url`'s host: the rule of the longest configured host name that is the host or a
// parent domain of it ("instagram.com" covers "www.instagram.com"); check when none matches.
HostPolicy host_policy(const LinkSettings& settings, std::string_view url);

// One distinct URL of the site and what is known about it after a run.
struct SiteLink {
  std::string url;
  HostPolicy policy = HostPolicy::check;
  std::vector<LinkUse> uses;            // every place, in collect_link_uses order
  std::optional<LinkCacheEntry> entry;  // none when skipped by policy
  bool checked_now = false;             // requested in this run (false: reused from the cache)
  std::string error;                    // the checker's explanation, for a link checked now

  // ok / broken / unreachable; nullopt when skipped.
  std::optional<LinkClass> link_class() const;
  // A broken link fails `ashyq links` when the site's severity is "error" and its host is "check".
  bool broken_is_error(const LinkSettings& settings) const;
};

struct LinksRunOptions {
  bool force = false;                         // recheck every link, fresh or not
  std::chrono::system_clock::time_point now;  // the time written as checked_at
  // Called after each link checked over the network: finished so far, total to check.
  std::function<void(std::size_t finished, std::size_t total)> on_progress;
};

struct LinksRun {
  std::vector<SiteLink> links;  // sorted by URL
  LinkCache cache;              // what link-cache.json should now hold (skipped links dropped)
  std::size_t checked = 0;      // requested in this run
  std::size_t reused = 0;       // fresh in the cache
};

// The checker's options from [links].
linkcheck::LinkCheckOptions check_options(const LinkSettings& settings);

// Collects the site's links, reuses cached results younger than max_age_days (unless `force`),
// checks the rest with `check` (linkcheck::check_links outside tests) and merges the results:
// broken_since is kept while a link stays broken and cleared when it works again or becomes
// unreachable (which is not known to be broken). URLs no longer in the content leave the cache.
// Fails with the checker's Status (libcurl could not start).
using CheckFunction = std::function<Result<std::vector<linkcheck::LinkResult>>(
    const std::vector<std::string>&, const linkcheck::LinkCheckOptions&)>;
Result<LinksRun> run_link_check(const Portal& portal, const LinksRunOptions& options,
                                const CheckFunction& check_fn = linkcheck::check_links);

// The JSON report of a run: counts by class, and every URL with its class, status, HTTP status,
// final URL, checked_at, broken_since, severity and every place it appears.
nlohmann::ordered_json links_report(const LinksRun& run, const LinkSettings& settings);

}  // namespace ashyq::links
