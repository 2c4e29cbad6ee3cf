#include "views/list_views.h"

#include <algorithm>
#include <map>

#include "i18n/collation.h"
#include "model/enum_names.h"
#include "views/charts.h"
#include "views/grant_view.h"
#include "views/parts.h"

namespace ashyq::views {
namespace {

// The totals of a set of grants, as every page shows them: the number of grant records and the
// money awarded, applied for and planned, apart; `key` ("region/mangystau") names them across
// pages, so that one figure reads the same wherever it is shown.
TotalsView totals_view(const ViewContext& ctx, const Totals& totals, const std::string& key) {
  TotalsView out;
  out.grants = ctx.computed_count(totals.grants, ctx.t("basis.grant_count"),
                                  key.empty() ? key : key + "/grants");
  for (MoneyKind kind : kAllMoneyKinds) {
    const Sums& sums = totals.of(kind);
    Figure figure = money_figure(ctx, sums, kind, key);
    // The lead lines and side bars name awarded money always, the others when there are any.
    if (kind == MoneyKind::awarded || sums.grants > 0)
      out.kinds.push_back(
          {ctx.t(std::string("total.") + money_kind_name(kind)), figure, ctx.integer(sums.grants)});
    (kind == MoneyKind::awarded   ? out.awarded
     : kind == MoneyKind::applied ? out.applied
                                  : out.planned) = std::move(figure);
  }
  return out;
}

// The number and sum of a set of sub-grants, as computed figures named `key` across pages.
// No sub-grant in the records is "not reported", not 0: a programme may have awarded sub-grants
// that its grantee has not reported yet.
Figure subgrant_count_figure(const ViewContext& ctx, std::int64_t count, const std::string& key) {
  if (count == 0) return ctx.not_reported();
  return ctx.computed_count(count, ctx.t("basis.subgrant_count"),
                            key.empty() ? key : key + "/count");
}
Figure subgrant_amount_figure(const ViewContext& ctx, std::int64_t count, Tenge sum,
                              const std::string& key) {
  if (count == 0) return ctx.not_reported();
  return ctx.computed_money(sum, ctx.t("basis.subgrants", {{"count", ctx.integer(count)}}),
                            key.empty() ? key : key + "/amount");
}

std::vector<GrantRowView> grant_rows(const ViewContext& ctx, const std::vector<std::size_t>& order,
                                     std::size_t from, std::size_t to) {
  std::vector<GrantRowView> rows;
  for (std::size_t i = from; i < to && i < order.size(); ++i)
    rows.push_back(grant_summary(ctx, ctx.portal.grants[order[i]]));
  return rows;
}

// `order` (indices into facet.values) in the order a reader scans them: years newest first,
// statuses in their life order, everything else alphabetically in the page's language.
std::vector<std::size_t> order_values(const ViewContext& ctx, const Facet& facet,
                                      std::vector<std::size_t> order) {
  if (facet.kind == FacetKind::year) {  // the index keeps years newest first
    std::sort(order.begin(), order.end());
    return order;
  }
  if (facet.kind == FacetKind::status) {
    auto rank = [](const std::string& key) {
      for (std::size_t i = 0; i < kStatusKeys.size(); ++i)
        if (kStatusKeys[i] == key) return i;
      return kStatusKeys.size();
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return rank(facet.values[a].key) < rank(facet.values[b].key);
    });
    return order;
  }
  std::vector<std::string> labels;
  for (std::size_t i : order)
    labels.push_back(facet_value_label(ctx, facet.kind, facet.values[i].key));
  std::vector<std::size_t> sorted;
  for (std::size_t i : order_by_label(ctx, labels)) sorted.push_back(order[i]);
  return sorted;
}

}  // namespace

std::vector<std::size_t> facet_order(const ViewContext& ctx, const Facet& facet) {
  std::vector<std::size_t> all(facet.values.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  return order_values(ctx, facet, std::move(all));
}

namespace {

// The sidebar's values of a facet. Years, regions, directions and statuses are few by nature and
// all shown. Organisations grow with the portal (a national portal has thousands of grantees, and
// listing them all on every list page would make each page, and the site, grow with the square of
// the number of grants), so their facets show the kTopFacetValues organisations with the most
// grants (ties by id; the index finds them once for all pages), and the current one, with a link
// to the full list of organisations.
std::vector<std::size_t> sidebar_values(const ViewContext& ctx, const Facet& facet,
                                        const std::string& current_key, bool& capped) {
  const bool organisations = facet.kind == FacetKind::grantee || facet.kind == FacetKind::operator_;
  capped = organisations && facet.values.size() > kTopFacetValues;
  if (!capped) return facet_order(ctx, facet);
  std::vector<std::size_t> top = facet.top;
  if (const std::size_t current = facet.find(current_key);
      current < facet.values.size() && std::find(top.begin(), top.end(), current) == top.end())
    top.push_back(current);
  return order_values(ctx, facet, std::move(top));
}

}  // namespace

std::vector<FacetView> facets_view(const ViewContext& ctx, const PortalIndex& index,
                                   FacetKind current_kind, const std::string& current_key) {
  std::vector<FacetView> facets;
  for (FacetKind kind : kAllFacets) {
    const Facet& facet = index.facet(kind);
    bool capped = false;
    FacetView out;
    out.label = ctx.t(std::string("facet.") + facet_name(kind));
    for (std::size_t i :
         sidebar_values(ctx, facet, kind == current_kind ? current_key : std::string(), capped)) {
      const FacetValue& v = facet.values[i];
      out.values.push_back({facet_value_label(ctx, kind, v.key),
                            routes::facet_url(ctx.lang, kind, v.key),
                            kind == current_kind && v.key == current_key,
                            totals_view(ctx, v.totals, facet_key(kind, v.key)), std::nullopt});
    }
    if (capped) {
      std::string label = ctx.t("facet.more");
      if (const std::size_t at = label.find("{count}"); at != std::string::npos)
        label.replace(at, 7, ctx.integer(static_cast<std::int64_t>(facet.values.size())));
      out.more =
          LabelledLinkView{label, routes::list_url(ctx.lang, routes::PageKind::organisations)};
    }
    facets.push_back(std::move(out));
  }
  return facets;
}

namespace {

// A chart and its data table. `figures` are the bars' figures (the same, in the same order);
// `total` is the figure the parts stand beside. `overlap`: the parts may add up to more than the
// total, which `note` says.
ChartView chart_view(const ViewContext& ctx, const std::string& title, FacetKind kind,
                     const std::vector<ChartBar>& bars, std::vector<Figure> figures,
                     const Figure& total, bool overlap, const std::string& note) {
  ChartView v;
  v.title = title;
  v.svg = bar_chart_svg(bars, title);
  for (std::size_t i = 0; i < bars.size(); ++i)
    v.rows.push_back({bars[i].label, std::move(figures[i]),
                      bars[i].href.empty() ? std::nullopt : std::optional(bars[i].href)});
  v.total = total;
  v.breakdown = overlap ? "overlap" : "sum";
  if (!note.empty()) v.note = note;
  v.label_header = ctx.t(std::string("facet.") + facet_name(kind));
  v.value_header = ctx.t("total.awarded");
  return v;
}

}  // namespace

const std::vector<std::size_t>& catalogue_order(const PortalIndex& index,
                                                routes::CatalogueSort sort, Lang lang) {
  return sort == routes::CatalogueSort::date     ? index.by_date
         : sort == routes::CatalogueSort::amount ? index.by_amount
                                                 : index.by_title[static_cast<int>(lang)];
}

CatalogueView catalogue_view(const ViewContext& ctx, const PortalIndex& index,
                             routes::CatalogueSort sort, std::size_t page, std::size_t page_size) {
  const std::vector<std::size_t>& order = catalogue_order(index, sort, ctx.lang);
  const std::string base = routes::catalogue_url(ctx.lang, sort);
  CatalogueView v;
  v.nothing_published = ctx.portal.grants.empty();
  v.title = ctx.t("catalogue.title");
  v.totals = totals_view(ctx, index.totals, "portal");
  for (routes::CatalogueSort s : routes::kAllSorts)
    v.sorts.push_back({ctx.t(std::string("sort.") + routes::sort_name(s)),
                       routes::catalogue_url(ctx.lang, s), s == sort});
  v.grants = grant_rows(ctx, order, (page - 1) * page_size, page * page_size);
  v.pagination = pagination_view(base, page, order.size(), page_size);
  v.facets = facets_view(ctx, index, FacetKind::year, "");
  return v;
}

FacetPageView facet_value_view(const ViewContext& ctx, const PortalIndex& index, FacetKind kind,
                               std::size_t value, std::size_t page, std::size_t page_size) {
  const FacetValue& fv = index.facet(kind).values[value];
  const std::string base = routes::facet_url(ctx.lang, kind, fv.key);
  FacetPageView v;
  v.value_label = facet_value_label(ctx, kind, fv.key);
  v.title = ctx.t(std::string("facet.") + facet_name(kind)) + ": " + v.value_label;
  v.grants = grant_rows(ctx, fv.grants, (page - 1) * page_size, page * page_size);
  v.pagination = pagination_view(base, page, fv.grants.size(), page_size);
  v.totals = totals_view(ctx, fv.totals, facet_key(kind, fv.key));
  v.facets = facets_view(ctx, index, kind, fv.key);
  const bool reported = fv.key != kNotReportedKey;
  if (kind == FacetKind::region && reported) {
    v.region_url = routes::region_url(fv.key, ctx.lang);
    v.multi_region_note = ctx.t("region.multi_region_note");
  }
  if (!reported)
    v.not_reported_note = ctx.t(std::string("not_reported.") + facet_name(kind) + "_note");
  if (reported && (kind == FacetKind::grantee || kind == FacetKind::operator_))
    v.organisation_url = routes::organisation_url(fv.key, ctx.lang);
  return v;
}

namespace {

// When a page shows only the first `shown` of `total` rows and links the rest; none when it shows
// them all.
std::optional<ShownView> shown_of(const ViewContext& ctx, std::size_t shown, std::size_t total) {
  if (total <= shown) return std::nullopt;
  return ShownView{ctx.integer(static_cast<std::int64_t>(shown)),
                   ctx.integer(static_cast<std::int64_t>(total))};
}

SubgrantRegistryRowView subgrant_registry_row(const ViewContext& ctx, const SubgrantRef& ref) {
  const Grant& g = ctx.portal.grants[ref.grant];
  const Subgrant& sg = g.subgrants.awarded[ref.subgrant];
  SubgrantRegistryRowView row{subgrant_row(ctx, sg), ctx.text(g.title),
                              routes::url_of(g, ctx.lang)};
  const Region* region = ctx.portal.find_region(subgrant_region(g, sg));
  row.subgrant.region = region ? ctx.text(region->name) : std::nullopt;
  return row;
}

// A programme's sub-grants against its plan (check_programme). Red ("issues") means only a real
// inconsistency between reported figures: more sub-grants awarded than planned, their sum above
// the envelope, one above the ceiling. A programme whose grant is an application or planned, or
// whose sub-grants are not reported yet, says so in neutral style; fewer awarded than planned is a
// neutral note too (the programme may still be awarding, or awarded fewer), never an alarm.
ProgrammeView programme_reconciliation(const ViewContext& ctx, const Grant& g) {
  const SubgrantProgramme& p = g.subgrants;
  const ProgrammeCheck c = check_programme(g);
  const std::int64_t count = c.count;
  const Tenge sum = c.sum;
  const bool reported = c.reported;
  ProgrammeView v;
  if (reported) {
    if (c.over_planned_count.value_or(false))
      v.issues.push_back(
          ctx.t("registry.issue_count",
                {{"count", ctx.integer(count)}, {"planned", ctx.integer(*p.planned_count)}}));
    if (c.over_envelope.value_or(false))
      v.issues.push_back(
          ctx.t("registry.issue_over_envelope", {{"amount", ctx.money(sum - *p.envelope)}}));
    if (c.over_ceiling.value_or(false)) v.issues.push_back(ctx.t("registry.issue_over_ceiling"));
    if (c.fewer_than_planned.value_or(false))
      v.notes.push_back(ctx.t("registry.note_fewer", {{"count", ctx.integer(count)},
                                                      {"planned", ctx.integer(*p.planned_count)}}));
  } else {
    v.notes.push_back(ctx.t(is_awarded(g) ? "registry.not_reported_yet"
                                          : "registry.not_awarded_" +
                                                std::string(money_kind_name(money_kind(g)))));
  }
  const std::string key = "programme/" + g.id;
  v.grant_title = ctx.text(g.title);
  v.grant_url = routes::url_of(g, ctx.lang);
  v.registry_url = routes::programme_url(g, ctx.lang);
  v.grantee = org_name(ctx, g.grantee_id);
  v.planned_count = ctx.reported_count(p.planned_count);
  v.awarded_count = reported
                        ? ctx.computed_count(count, ctx.t("basis.subgrant_count"), key + "/count")
                        : ctx.not_reported();
  v.ceiling = ctx.reported_money(p.ceiling);
  v.envelope = ctx.reported_money(p.envelope);
  v.awarded_total =
      reported ? ctx.computed_money(sum, ctx.t("basis.subgrants", {{"count", ctx.integer(count)}}),
                                    key + "/amount")
               : ctx.not_reported();
  if (reported && p.envelope)
    v.envelope_share =
        ctx.computed_share(sum.value(), p.envelope->value(), ctx.t("basis.envelope_share"));
  v.reconciled = c.outcome == ProgrammeOutcome::reconciled;
  return v;
}

}  // namespace

SubgrantsView subgrants_view(const ViewContext& ctx, const PortalIndex& index, std::size_t page,
                             std::size_t page_size) {
  SubgrantsView v;
  for (std::size_t i = (page - 1) * page_size; i < page * page_size && i < index.subgrants.size();
       ++i)
    v.subgrants.push_back(subgrant_registry_row(ctx, index.subgrants[i]));
  v.pagination = pagination_view(routes::list_url(ctx.lang, routes::PageKind::subgrants), page,
                                 index.subgrants.size(), page_size);
  return v;
}

SubgrantsSummaryView subgrants_summary_view(const ViewContext& ctx, const PortalIndex& index,
                                            std::size_t shown) {
  const Portal& portal = ctx.portal;
  SubgrantsSummaryView v;
  v.nothing_published = portal.grants.empty();
  v.count = subgrant_count_figure(ctx, index.subgrant_count, "subgrants");
  v.amount = subgrant_amount_figure(ctx, index.subgrant_count, index.subgrant_amount, "subgrants");
  v.has_programmes = !index.programmes.empty();
  const auto outcome = [&](ProgrammeOutcome o) {
    return ctx.integer(index.programme_outcomes[static_cast<std::size_t>(o)]);
  };
  v.programme_counts =
      ctx.t("registry.programme_counts",
            {{"programmes", ctx.integer(static_cast<std::int64_t>(index.programmes.size()))},
             {"reconciled", outcome(ProgrammeOutcome::reconciled)},
             {"not_reported", outcome(ProgrammeOutcome::not_reported)},
             {"inconsistent", outcome(ProgrammeOutcome::inconsistent)}});
  const std::vector<std::size_t>& inconsistent = index.inconsistent_programmes;
  for (std::size_t i = 0; i < std::min(shown, inconsistent.size()); ++i)
    v.inconsistent.push_back(programme_reconciliation(ctx, portal.grants[inconsistent[i]]));
  v.inconsistent_shown = shown_of(ctx, shown, inconsistent.size());
  const std::string table = routes::data_file_base("programmes");
  v.table_csv_url = routes::file_url(table + ".csv");
  v.table_json_url = routes::file_url(table + ".json");

  std::map<std::string, std::pair<std::int64_t, Tenge>> by_region;
  for (const SubgrantRef& ref : index.subgrants) {
    const Grant& g = portal.grants[ref.grant];
    const Subgrant& sg = g.subgrants.awarded[ref.subgrant];
    auto& [count, sum] = by_region[subgrant_region(g, sg)];
    ++count;
    sum += sg.amount;
  }
  for (const Region& r : portal.regions) {
    auto it = by_region.find(r.id);
    if (it == by_region.end()) continue;
    const std::string key = "subgrants/region/" + r.id;
    v.regions.push_back({ctx.text(r.name), routes::region_subgrants_url(r, ctx.lang),
                         subgrant_count_figure(ctx, it->second.first, key),
                         subgrant_amount_figure(ctx, it->second.first, it->second.second, key)});
  }
  if (auto it = by_region.find(""); it != by_region.end())
    v.unlocated =
        SubgrantSumsView{subgrant_count_figure(ctx, it->second.first, ""),
                         subgrant_amount_figure(ctx, it->second.first, it->second.second, "")};
  return v;
}

namespace {

// The sub-grants listed under a region, rows [from, to) of them, with the count and amount of
// them all.
struct RegionSubgrants {
  std::vector<SubgrantRegistryRowView> rows;
  Figure count;
  Figure amount;
};
RegionSubgrants region_subgrants(const ViewContext& ctx, const PortalIndex& index,
                                 std::size_t region, std::size_t from, std::size_t to) {
  RegionSubgrants out;
  Tenge sum;
  const std::vector<std::size_t>& listed = index.region_subgrants[region];
  for (std::size_t n = 0; n < listed.size(); ++n) {
    const SubgrantRef& ref = index.subgrants[listed[n]];
    sum += ctx.portal.grants[ref.grant].subgrants.awarded[ref.subgrant].amount;
    if (n >= from && n < to) out.rows.push_back(subgrant_registry_row(ctx, ref));
  }
  const auto count = static_cast<std::int64_t>(listed.size());
  const std::string key = "subgrants/region/" + ctx.portal.regions[region].id;
  out.count = subgrant_count_figure(ctx, count, key);
  out.amount = subgrant_amount_figure(ctx, count, sum, key);
  return out;
}

}  // namespace

SubgrantsRegionView subgrants_region_view(const ViewContext& ctx, const PortalIndex& index,
                                          std::size_t region, std::size_t page,
                                          std::size_t page_size) {
  const Region& r = ctx.portal.regions[region];
  RegionSubgrants listed =
      region_subgrants(ctx, index, region, (page - 1) * page_size, page * page_size);
  SubgrantsRegionView v;
  v.title = ctx.plain(r.name);
  v.region = ctx.text(r.name);
  v.region_url = routes::url_of(r, ctx.lang);
  v.count = std::move(listed.count);
  v.amount = std::move(listed.amount);
  v.subgrants = std::move(listed.rows);
  v.pagination = pagination_view(routes::region_subgrants_url(r, ctx.lang), page,
                                 index.region_subgrants[region].size(), page_size);
  return v;
}

SubgrantsProgrammeView subgrants_programme_view(const ViewContext& ctx, const PortalIndex& index,
                                                std::size_t grant) {
  const Grant& g = ctx.portal.grants[grant];
  SubgrantsProgrammeView v;
  v.title = ctx.plain(g.title);
  v.programme = programme_reconciliation(ctx, g);
  for (std::size_t i = index.first_subgrant[grant]; i < index.first_subgrant[grant + 1]; ++i)
    v.subgrants.push_back(subgrant_registry_row(ctx, index.subgrants[i]));
  return v;
}

std::vector<RoleGrants> grants_by_role(const PortalIndex& index, std::size_t organisation) {
  std::vector<RoleGrants> roles;
  for (std::size_t r = 0; r < kOrganisationRoles.size(); ++r)
    roles.push_back({kOrganisationRoles[r], index.organisation_grants[organisation][r]});
  return roles;
}

OrganisationsView organisations_view(const ViewContext& ctx, const PortalIndex& index,
                                     std::size_t page, std::size_t page_size) {
  const Portal& portal = ctx.portal;
  const std::vector<std::size_t>& order = index.organisations_by_name[static_cast<int>(ctx.lang)];
  OrganisationsView v;
  v.nothing_published = portal.grants.empty();
  v.title = ctx.t("organisations.title");
  for (std::size_t n = (page - 1) * page_size; n < page * page_size && n < order.size(); ++n) {
    const std::size_t i = order[n];
    const Organisation& o = portal.organisations[i];
    Totals as_grantee;
    for (std::size_t g : index.organisation_grants[i][0]) as_grantee.add(portal.grants[g]);
    v.organisations.push_back({ctx.text(o.short_name.empty() ? o.name : o.short_name),
                               routes::url_of(o, ctx.lang),
                               o.bin.empty() ? ctx.not_reported() : Figure::reported(o.bin),
                               totals_view(ctx, as_grantee, facet_key(FacetKind::grantee, o.id))});
  }
  v.pagination = pagination_view(routes::list_url(ctx.lang, routes::PageKind::organisations), page,
                                 order.size(), page_size);
  return v;
}

OrganisationView organisation_view(const ViewContext& ctx, const PortalIndex& index,
                                   std::size_t org_index, std::size_t shown) {
  const Portal& portal = ctx.portal;
  const Organisation& o = portal.organisations[org_index];
  OrganisationView v;
  v.title = ctx.plain(o.name);
  v.name = ctx.text(o.name);
  v.short_name = ctx.text(o.short_name);
  v.bin = o.bin;
  v.address = ctx.text(o.address);
  v.leader_name = ctx.text(o.leader_name);
  v.leader_title = ctx.text(o.leader_title);
  v.website = website_view(ctx, o.website);
  v.email = o.email;
  v.phone = o.phone;
  v.about = ctx.text(o.about);
  if (o.registered) v.registered = ctx.date(*o.registered);
  if (const Region* r = portal.find_region(o.region)) v.region = ctx.text(r->name);
  v.social = social_view(ctx, o.social);
  v.translation = ctx.translation(o.source_language, "translation.organisation_note");

  // Totals by year and role: one row per (year, role) that has grants.
  std::map<std::pair<int, int>, Totals> by_year_role;
  const auto role_grants = grants_by_role(index, org_index);
  for (std::size_t r = 0; r < role_grants.size(); ++r) {
    OrganisationRoleView out;
    Totals sums;
    // The newest `shown` of each role: the operator of a national programme operates every
    // grant, and its page would otherwise grow with the portal. The grantee's and operator's
    // facet pages list them all, a page at a time; the page's files hold every grant.
    for (std::size_t g : role_grants[r].grants) {
      if (out.grants.size() < shown) out.grants.push_back(grant_summary(ctx, portal.grants[g]));
      sums.add(portal.grants[g]);
      by_year_role[{grant_year(portal.grants[g]).value_or(0), static_cast<int>(r)}].add(
          portal.grants[g]);
    }
    if (out.grants.empty()) continue;
    const std::string role = role_grants[r].role;
    if (role == "grantee") out.all_url = routes::facet_url(ctx.lang, FacetKind::grantee, o.id);
    if (role == "operator") out.all_url = routes::facet_url(ctx.lang, FacetKind::operator_, o.id);
    out.all_label =
        ctx.t(out.all_url ? "organisation.all_in_catalogue" : "organisation.all_in_files");
    out.role = ctx.t("role." + role);
    out.totals = totals_view(ctx, sums, role + "/" + o.id);
    out.shown = shown_of(ctx, shown, role_grants[r].grants.size());
    v.roles.push_back(std::move(out));
  }
  for (auto it = by_year_role.rbegin(); it != by_year_role.rend(); ++it)
    v.totals.push_back(
        {it->first.first ? std::to_string(it->first.first) : ctx.t("not_reported.year"),
         ctx.t(std::string("role.") + role_grants[it->first.second].role),
         totals_view(ctx, it->second, "")});

  for (const TrackRecordEntry& e : o.track_record)
    v.track_record.push_back({ctx.text(e.title), ctx.text(e.funder),
                              e.period ? std::optional(ctx.range(*e.period)) : std::nullopt,
                              ctx.reported_money(e.amount), ctx.text(e.results)});
  return v;
}

namespace {

// The row of an index page (regions, directions) for the grants that give no value of `kind`,
// linking their catalogue page; none when every grant gives one.
std::optional<TotalsRowView> not_reported_row(const ViewContext& ctx, const PortalIndex& index,
                                              FacetKind kind) {
  const Facet& facet = index.facet(kind);
  const std::size_t none = facet.find(kNotReportedKey);
  if (none >= facet.values.size()) return std::nullopt;
  return TotalsRowView{
      std::nullopt, ctx.t(std::string("not_reported.") + facet_name(kind)),
      routes::facet_url(ctx.lang, kind, kNotReportedKey),
      totals_view(ctx, facet.values[none].totals, facet_key(kind, kNotReportedKey))};
}

}  // namespace

RegionsView regions_view(const ViewContext& ctx, const PortalIndex& index) {
  const Facet& facet = index.facet(FacetKind::region);
  RegionsView v;
  v.nothing_published = ctx.portal.grants.empty();
  v.title = ctx.t("regions.title");
  v.multi_region_note = ctx.t("region.multi_region_note");
  for (const Region& r : ctx.portal.regions)
    v.regions.push_back(
        {ctx.text(r.name), std::nullopt, routes::url_of(r, ctx.lang),
         totals_view(ctx, facet.value_or_empty(r.id).totals, facet_key(FacetKind::region, r.id))});
  // The grants that name no region: a row of their own, so that no grant is silently left out.
  if (std::optional<TotalsRowView> none = not_reported_row(ctx, index, FacetKind::region))
    v.regions.push_back(std::move(*none));
  v.portal_totals = totals_view(ctx, index.totals, "portal");
  return v;
}

DirectionsView directions_view(const ViewContext& ctx, const PortalIndex& index) {
  const Facet& facet = index.facet(FacetKind::direction);
  DirectionsView v;
  v.nothing_published = ctx.portal.grants.empty();
  v.title = ctx.t("directions.title");
  // Every direction of content/directions.json, those without grants too (0, linking nowhere:
  // the catalogue has a page only for a value some grant has).
  for (const Direction& d : ctx.portal.directions)
    v.rows.push_back({ctx.text(d.name), std::nullopt,
                      facet.find(d.id) < facet.values.size()
                          ? std::optional(routes::facet_url(ctx.lang, FacetKind::direction, d.id))
                          : std::nullopt,
                      totals_view(ctx, facet.value_or_empty(d.id).totals,
                                  facet_key(FacetKind::direction, d.id))});
  // The grants that name no direction: a row of their own, so that the rows add up to the total.
  if (std::optional<TotalsRowView> none = not_reported_row(ctx, index, FacetKind::direction))
    v.rows.push_back(std::move(*none));
  v.portal_totals = totals_view(ctx, index.totals, "portal");
  return v;
}

RegionView region_view(const ViewContext& ctx, const PortalIndex& index, std::size_t region_index,
                       std::size_t shown) {
  const Portal& portal = ctx.portal;
  const Region& r = portal.regions[region_index];
  const FacetValue& value = index.facet(FacetKind::region).value_or_empty(r.id);
  const std::vector<std::size_t>& grants = value.grants;
  RegionView v;
  v.title = ctx.plain(r.name);
  v.name = ctx.text(r.name);
  v.nothing_published = portal.grants.empty();
  // The newest `shown` grants and the first `shown` sub-grants in registry order; the catalogue's
  // region page and the region's registry list them all, a page at a time. Listing them all here
  // made a region's page grow with the portal (8 MB a page at 10 000 grants).
  v.grants = grant_rows(ctx, grants, 0, shown);
  v.grants_shown = shown_of(ctx, shown, grants.size());
  v.totals = totals_view(ctx, value.totals, facet_key(FacetKind::region, r.id));
  std::map<int, Totals> by_year;
  std::map<std::string, Totals> by_direction;
  bool multi = false;
  for (std::size_t i : grants) {
    const Grant& g = portal.grants[i];
    multi = multi || g.regions.size() > 1;
    by_year[grant_year(g).value_or(0)].add(g);
    by_direction[g.direction_id].add(g);
  }
  if (multi) v.multi_region_note = ctx.t("region.multi_region_note");
  for (auto it = by_year.rbegin(); it != by_year.rend(); ++it)
    v.by_year.push_back({it->first ? std::to_string(it->first) : ctx.t("not_reported.year"),
                         totals_view(ctx, it->second, "")});
  for (const auto& [id, s] : by_direction) {
    const Direction* d = portal.find_direction(id);
    v.by_direction.push_back(
        {d ? ctx.plain(d->name) : ctx.t("not_reported.direction"), totals_view(ctx, s, "")});
  }
  RegionSubgrants subgrants = region_subgrants(ctx, index, region_index, 0, shown);
  v.subgrants = std::move(subgrants.rows);
  v.subgrant_count = std::move(subgrants.count);
  v.subgrant_amount = std::move(subgrants.amount);
  v.subgrants_shown = shown_of(ctx, shown, index.region_subgrants[region_index].size());
  v.subgrants_url = routes::region_subgrants_url(r, ctx.lang);
  v.map = map_view(ctx, portal_map_data(index, portal), region_index, true);
  v.catalogue_url = routes::facet_url(ctx.lang, FacetKind::region, r.id);
  return v;
}

int final_report_day(const Grant& g) {
  if (g.final_report_date) return g.final_report_date->latest();
  if (g.actual_period) return g.actual_period->last().latest();
  return grant_sort_date(g);
}

std::vector<std::size_t> latest_final_reports(const Portal& portal, std::size_t limit) {
  std::vector<std::size_t> completed;
  for (std::size_t i = 0; i < portal.grants.size(); ++i)
    if (portal.grants[i].status == GrantStatus::completed) completed.push_back(i);
  std::stable_sort(completed.begin(), completed.end(), [&](std::size_t a, std::size_t b) {
    return final_report_day(portal.grants[a]) > final_report_day(portal.grants[b]);
  });
  if (completed.size() > limit) completed.resize(limit);
  return completed;
}

HomeView home_view(const ViewContext& ctx, const PortalIndex& index) {
  const Portal& portal = ctx.portal;
  HomeView v;
  v.nothing_published = portal.grants.empty();
  const Sums& awarded = index.totals.of(MoneyKind::awarded);
  v.totals = totals_view(ctx, index.totals, "portal");
  v.subgrants = subgrant_count_figure(ctx, index.subgrant_count, "subgrants");
  v.subgrant_amount =
      subgrant_amount_figure(ctx, index.subgrant_count, index.subgrant_amount, "subgrants");
  v.beneficiaries = index.grants_reporting_beneficiaries
                        ? ctx.computed_count(
                              index.direct_beneficiaries_actual,
                              ctx.t("basis.beneficiaries",
                                    {{"count", ctx.integer(index.grants_reporting_beneficiaries)}}),
                              "portal/beneficiaries")
                        : ctx.not_reported();

  const std::vector<std::size_t> completed = latest_final_reports(portal, 5);
  v.latest_reports = grant_rows(ctx, completed, 0, completed.size());

  // Awarded money by region on the tile map (a multi-region grant in each of its regions), by year
  // and status (views/map_view.h), and by direction (each grant once). Grants without the key are
  // a row of their own ("year not reported"), so the parts of a year's or a direction's chart add
  // up to the awarded total.
  v.map = map_view(ctx, portal_map_data(index, portal), std::nullopt, true);
  std::vector<std::size_t> all(portal.grants.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  v.money_time = money_time_view(ctx, all, index, true);
  const Figure total = money_figure(ctx, awarded, MoneyKind::awarded, "portal");
  const Facet& facet = index.facet(FacetKind::direction);
  std::vector<ChartBar> bars;
  std::vector<Figure> figures;
  for (std::size_t i : facet_order(ctx, facet)) {
    const FacetValue& value = facet.values[i];
    const Sums& sums = value.totals.of(MoneyKind::awarded);
    if (sums.grants == 0) continue;
    Figure figure =
        money_figure(ctx, sums, MoneyKind::awarded, facet_key(FacetKind::direction, value.key));
    bars.push_back({facet_value_label(ctx, FacetKind::direction, value.key), sums.amount.value(),
                    figure.text, routes::facet_url(ctx.lang, FacetKind::direction, value.key)});
    figures.push_back(std::move(figure));
  }
  v.charts.push_back(chart_view(ctx, ctx.t("chart.by_direction"), FacetKind::direction, bars,
                                std::move(figures), total, false, ""));
  v.charts.back().more = LabelledLinkView{ctx.t("directions.all"),
                                          routes::list_url(ctx.lang, routes::PageKind::directions)};
  v.awarded_note = ctx.t("total.definition");
  v.grants_url = routes::list_url(ctx.lang, routes::PageKind::catalogue);
  return v;
}

}  // namespace ashyq::views
