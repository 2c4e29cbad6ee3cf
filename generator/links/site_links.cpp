#include "links/site_links.h"

#include <algorithm>
#include <map>

#include "content/json_decoder.h"
#include "core/utc_timestamp.h"
#include "core/web_url.h"
#include "markup/markdown.h"
#include "media/media_url.h"
#include "model/enum_names.h"
#include "model/link_status.h"

namespace ashyq::links {
namespace {

void add_narrative_links(const Narrative& narrative, LinkOwner owner, const std::string& owner_id,
                         std::vector<LinkUse>& uses) {
  if (!narrative.present) return;
  for (const markup::LinkRef& link : markup::extract_links(narrative.markdown))
    if (is_web_url(link.url))
      uses.push_back({link.url,
                      owner,
                      owner_id,
                      "narrative",
                      {narrative.file, narrative.body_line + link.line - 1, link.column}});
}

void add_record_link(const std::string& url, const SourceMap& source, const std::string& pointer,
                     LinkOwner owner, const std::string& owner_id, const char* field,
                     std::vector<LinkUse>& uses) {
  if (is_web_url(url)) uses.push_back({url, owner, owner_id, field, locate(source, pointer)});
}

}  // namespace

std::string_view link_owner_name(LinkOwner owner) {
  switch (owner) {
    case LinkOwner::grant:
      return "grant";
    case LinkOwner::organisation:
      return "organisation";
    case LinkOwner::page:
      return "page";
  }
  return "page";
}

std::vector<LinkUse> collect_link_uses(const Portal& portal) {
  std::vector<LinkUse> uses;
  for (const Grant& g : portal.grants) {
    for (std::size_t i = 0; i < g.media.size(); ++i)
      // The portal publishes the canonical form (tracking parameters stripped), so that is what a
      // visitor follows and what is checked.
      add_record_link(media::analyse_media_url(g.media[i].url).canonical, g.source,
                      "/media/" + std::to_string(i) + "/url", LinkOwner::grant, g.id, "media",
                      uses);
    for (std::size_t i = 0; i < g.documents.size(); ++i)
      add_record_link(g.documents[i].url, g.source, "/documents/" + std::to_string(i) + "/url",
                      LinkOwner::grant, g.id, "document", uses);
    for (Lang lang : kAllLangs)
      add_narrative_links(g.narrative(lang), LinkOwner::grant, g.id, uses);
  }
  for (const Organisation& o : portal.organisations) {
    add_record_link(o.website, o.source, "/website", LinkOwner::organisation, o.id, "website",
                    uses);
    for (std::size_t i = 0; i < o.social.size(); ++i)
      add_record_link(o.social[i].url, o.source, "/social/" + std::to_string(i) + "/url",
                      LinkOwner::organisation, o.id, "social", uses);
  }
  for (const StaticPage& page : portal.pages)
    for (Lang lang : kAllLangs)
      add_narrative_links(page.narratives[static_cast<int>(lang)], LinkOwner::page, page.name,
                          uses);
  return uses;
}

HostPolicy host_policy(const LinkSettings& settings, std::string_view url) {
  const std::string host = media::host_of(url);
  std::size_t best_length = 0;
  HostPolicy best = HostPolicy::check;
  for (const auto& [rule, policy] : settings.hosts) {
    const bool matches = host == rule || (host.size() > rule.size() && host.ends_with(rule) &&
                                          host[host.size() - rule.size() - 1] == '.');
    if (matches && rule.size() > best_length) {
      best_length = rule.size();
      best = policy;
    }
  }
  return best;
}

std::optional<LinkClass> SiteLink::link_class() const {
  if (!entry) return std::nullopt;
  return classify_link(entry->status);
}

bool SiteLink::broken_is_error(const LinkSettings& settings) const {
  return link_class() == LinkClass::broken && settings.broken_is_error &&
         policy == HostPolicy::check;
}

linkcheck::LinkCheckOptions check_options(const LinkSettings& settings) {
  linkcheck::LinkCheckOptions options;
  options.max_concurrency = static_cast<std::size_t>(settings.concurrency);
  options.per_host_delay = std::chrono::milliseconds(settings.per_host_delay_ms);
  options.connect_timeout = std::chrono::milliseconds(settings.connect_timeout_ms);
  options.total_timeout = std::chrono::milliseconds(settings.timeout_ms);
  options.user_agent = settings.user_agent;
  return options;
}

Result<LinksRun> run_link_check(const Portal& portal, const LinksRunOptions& options,
                                const CheckFunction& check_fn) {
  const LinkSettings& settings = portal.config.links;
  std::map<std::string, SiteLink> by_url;
  for (LinkUse& use : collect_link_uses(portal)) {
    SiteLink& link = by_url[use.url];
    link.url = use.url;
    link.uses.push_back(std::move(use));
  }

  LinksRun run;
  const auto max_age = std::chrono::hours(24) * settings.max_age_days;
  std::vector<std::string> to_check;
  for (auto& [url, link] : by_url) {
    link.policy = host_policy(settings, url);
    if (link.policy == HostPolicy::skip) continue;
    const auto cached = portal.links.entries.find(url);
    if (cached != portal.links.entries.end()) {
      link.entry = cached->second;
      const auto checked_at = parse_utc_timestamp(cached->second.checked_at);
      if (!options.force && checked_at && options.now - *checked_at < max_age) {
        ++run.reused;
        continue;
      }
    }
    to_check.push_back(url);
  }

  if (!to_check.empty()) {
    linkcheck::LinkCheckOptions check = check_options(settings);
    if (options.on_progress)
      check.on_progress = [&](const linkcheck::LinkResult&, std::size_t finished,
                              std::size_t total) { options.on_progress(finished, total); };
    const std::string now = utc_timestamp(options.now);
    Result<std::vector<linkcheck::LinkResult>> results = check_fn(to_check, check);
    if (!results.ok()) return results.status();
    for (const linkcheck::LinkResult& result : *results) {
      SiteLink& link = by_url.at(result.url);
      const std::string previous_since = link.entry ? link.entry->broken_since : "";
      LinkCacheEntry entry;
      entry.status = std::string(link_status_name(result.status));
      entry.http_status = result.http_status;
      entry.final_url = result.final_url;
      entry.checked_at = now;
      if (classify_link(entry.status) == LinkClass::broken)
        entry.broken_since = previous_since.empty() ? now : previous_since;
      link.entry = std::move(entry);
      link.checked_now = true;
      link.error = result.error;
      ++run.checked;
    }
  }

  run.cache.present = true;
  for (auto& [url, link] : by_url) {
    if (link.entry) run.cache.entries[url] = *link.entry;
    run.links.push_back(std::move(link));
  }
  return run;
}

nlohmann::ordered_json links_report(const LinksRun& run, const LinkSettings& settings) {
  std::map<std::string, std::size_t> counts = {
      {"ok", 0}, {"broken", 0}, {"unreachable", 0}, {"skipped", 0}};
  nlohmann::ordered_json links = nlohmann::ordered_json::array();
  for (const SiteLink& link : run.links) {
    const auto link_class = link.link_class();
    const std::string class_name =
        link_class ? std::string(link_class_name(*link_class)) : std::string("skipped");
    ++counts[class_name];
    nlohmann::ordered_json item;
    item["url"] = link.url;
    item["class"] = class_name;
    item["policy"] = link.policy == HostPolicy::skip   ? "skip"
                     : link.policy == HostPolicy::warn ? "warn"
                                                       : "check";
    if (link.entry) {
      item["status"] = link.entry->status;
      item["http_status"] = link.entry->http_status;
      item["final_url"] = link.entry->final_url;
      item["checked_at"] = link.entry->checked_at;
      item["checked_now"] = link.checked_now;
      if (!link.entry->broken_since.empty()) item["broken_since"] = link.entry->broken_since;
      if (!link.error.empty()) item["error"] = link.error;
    }
    if (link_class == LinkClass::broken)
      item["severity"] = link.broken_is_error(settings) ? "error" : "warning";
    nlohmann::ordered_json places = nlohmann::ordered_json::array();
    for (const LinkUse& use : link.uses)
      places.push_back({{"owner", std::string(link_owner_name(use.owner))},
                        {"id", use.owner_id},
                        {"field", use.field},
                        {"file", use.where.file},
                        {"line", use.where.line},
                        {"column", use.where.column}});
    item["places"] = std::move(places);
    links.push_back(std::move(item));
  }
  nlohmann::ordered_json report;
  report["summary"] = {{"links", run.links.size()},   {"checked", run.checked},
                       {"reused", run.reused},        {"ok", counts["ok"]},
                       {"broken", counts["broken"]},  {"unreachable", counts["unreachable"]},
                       {"skipped", counts["skipped"]}};
  report["links"] = std::move(links);
  return report;
}

}  // namespace ashyq::links
