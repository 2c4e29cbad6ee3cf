#include "views/link_report_view.h"

#include <map>
#include <set>

#include "links/site_links.h"
#include "model/enum_names.h"
#include "model/link_status.h"
#include "routes/routes.h"

namespace ashyq::views {
namespace {

std::string day_of(const ViewContext& ctx, const std::string& timestamp) {
  const auto day = PartialDate::parse(std::string_view(timestamp).substr(0, 10));
  return day ? ctx.date(*day) : timestamp;
}

// Where a group of links points: the grant's, organisation's or page's own page.
LinkReportGroupView owner_view(const ViewContext& ctx, const links::LinkUse& use) {
  const Portal& portal = ctx.portal;
  std::string name = use.owner_id, url;
  switch (use.owner) {
    case links::LinkOwner::grant:
      if (const Grant* g = portal.find_grant(use.owner_id)) name = ctx.plain(g->title);
      url = routes::grant_url(use.owner_id, ctx.lang);
      break;
    case links::LinkOwner::organisation:
      if (const Organisation* o = portal.find_organisation(use.owner_id)) name = ctx.plain(o->name);
      url = routes::organisation_url(use.owner_id, ctx.lang);
      break;
    case links::LinkOwner::page:
      url = routes::static_page_url(use.owner_id, ctx.lang);
      break;
  }
  const std::string owner(links::link_owner_name(use.owner));
  return {"links-" + owner + "-" + use.owner_id,
          ctx.t("link_report.owner_" + owner),
          name.empty() ? use.owner_id : name,
          url,
          {}};
}

}  // namespace

LinkReportView link_report_view(const ViewContext& ctx) {
  const LinkCache& cache = ctx.portal.links;
  LinkReportView v;
  v.checked = cache.present;
  if (!cache.present) return v;

  std::map<std::string, std::size_t> counts = {
      {"ok", 0}, {"broken", 0}, {"unreachable", 0}, {"unchecked", 0}};
  std::set<std::string> counted;
  std::vector<LinkReportGroupView>& groups = v.groups;
  std::map<std::string, std::size_t> group_of;                     // anchor → index in groups
  std::map<std::pair<std::string, std::string>, std::size_t> row;  // (anchor, url) → row
  for (const links::LinkUse& use : links::collect_link_uses(ctx.portal)) {
    const auto cached = cache.entries.find(use.url);
    // The loader admits only known statuses, so a cached entry always has a class.
    const std::string class_name =
        cached == cache.entries.end()
            ? "unchecked"
            : std::string(
                  link_class_name(classify_link(cached->second.status).value_or(LinkClass::ok)));
    if (counted.insert(use.url).second) ++counts[class_name];
    if (class_name == "unchecked" || class_name == "ok") continue;

    LinkReportGroupView owner = owner_view(ctx, use);
    const std::string anchor = owner.anchor;
    auto [group, new_group] = group_of.emplace(anchor, groups.size());
    if (new_group) groups.push_back(std::move(owner));
    std::vector<LinkReportRowView>& links = groups[group->second].links;
    auto [at, new_row] = row.emplace(std::pair{anchor, use.url}, links.size());
    if (new_row) {
      const LinkCacheEntry& e = cached->second;
      links.push_back({use.url,
                       ctx.t("link_report.state_" + class_name),
                       e.status + (e.http_status ? " " + std::to_string(e.http_status) : ""),
                       e.broken_since.empty() ? "—" : day_of(ctx, e.broken_since),
                       day_of(ctx, e.checked_at),
                       {}});
    }
    links[at->second].places.push_back(
        {ctx.t("link_report.field_" + use.field), use.where.file, use.where.line});
  }
  v.count_broken = ctx.integer(static_cast<std::int64_t>(counts["broken"]));
  v.count_unreachable = ctx.integer(static_cast<std::int64_t>(counts["unreachable"]));
  v.count_ok = ctx.integer(static_cast<std::int64_t>(counts["ok"]));
  v.count_unchecked = ctx.integer(static_cast<std::int64_t>(counts["unchecked"]));
  return v;
}

}  // namespace ashyq::views
