#pragma once
// Views of the list pages: catalogue with facets and pagination, sub-grant registry, organisations,
// regions, directions and home. Each returns a struct made for its template, the body's view; the
// site layout wraps it.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/portal_index.h"
#include "routes/routes.h"
#include "views/grant_view.h"
#include "views/map_view.h"
#include "views/parts.h"
#include "views/view_context.h"

namespace ashyq::views {

// templates/catalogue.mustache: the grants catalogue, sorted, one page of it.
struct CatalogueView {
  // No grant at all yet (a new portal): the page says so in words instead of totals of 0.
  bool nothing_published = false;
  std::string title;
  TotalsView totals;
  std::vector<CurrentLinkView> sorts;
  std::vector<GrantRowView> grants;
  PaginationView pagination;
  std::vector<FacetView> facets;

  template <class F>
  void fields(F& f) const {
    f("nothing_published", nothing_published);
    f("title", title);
    f("totals", totals);
    f("sorts", sorts);
    f("grants", grants);
    f("pagination", pagination);
    f("facets", facets);
  }
};
// The grants in a catalogue's order: by date, by amount, or by title in `lang`.
const std::vector<std::size_t>& catalogue_order(const PortalIndex& index,
                                                routes::CatalogueSort sort, Lang lang);
CatalogueView catalogue_view(const ViewContext& ctx, const PortalIndex& index,
                             routes::CatalogueSort sort, std::size_t page, std::size_t page_size);

// A facet's values (positions in facet.values) in the order a reader scans them: years newest
// first, statuses in their life order, everything else alphabetically in the page's language.
std::vector<std::size_t> facet_order(const ViewContext& ctx, const Facet& facet);
// templates/_facets.mustache's facets: every value of the small facets, the organisations with the
// most grants (and the current one) of the two organisation facets; `current_key` of
// `current_kind` is marked as the page shown ("" for none).
std::vector<FacetView> facets_view(const ViewContext& ctx, const PortalIndex& index,
                                   FacetKind current_kind, const std::string& current_key);

// templates/facet.mustache: one facet value's page: its grants (newest first), count and total.
struct FacetPageView {
  std::string title;        // "Регион: Маңғыстау облысы"
  std::string value_label;  // "Маңғыстау облысы", for the crumb
  TotalsView totals;
  std::optional<std::string> not_reported_note;  // the value "not reported": what that means
  std::optional<std::string> region_url;         // a region: its page
  std::optional<std::string> multi_region_note;  // a region: why the regions overlap
  std::optional<std::string> organisation_url;   // a grantee or operator: its page
  std::vector<GrantRowView> grants;
  PaginationView pagination;
  std::vector<FacetView> facets;

  template <class F>
  void fields(F& f) const {
    f("title", title);
    f("totals", totals);
    f("not_reported_note", not_reported_note);
    f("region_url", region_url);
    f("multi_region_note", multi_region_note);
    f("organisation_url", organisation_url);
    f("grants", grants);
    f("pagination", pagination);
    f("facets", facets);
  }
};
FacetPageView facet_value_view(const ViewContext& ctx, const PortalIndex& index, FacetKind kind,
                               std::size_t value, std::size_t page, std::size_t page_size);
// A row of the registry's tables (templates/_subgrant_table.mustache): the sub-grant's columns,
// its region the one the registry counts it under (its programme's when it names none, as in the
// totals by region), and its programme's grant.
struct SubgrantRegistryRowView {
  SubgrantRowView subgrant;
  std::optional<TextView> grant_title;
  std::string grant_url;

  template <class F>
  void fields(F& f) const {
    subgrant.fields(f);
    f("grant_title", grant_title);
    f("grant_url", grant_url);
  }
};

// templates/subgrants.mustache: one page of the sub-grant registry, its sub-grants and pagination
// under the registry's summary (rendered apart, site/pages.cpp).
struct SubgrantsView {
  std::string registry_summary;  // templates/subgrants_summary rendered
  std::vector<SubgrantRegistryRowView> subgrants;
  PaginationView pagination;

  template <class F>
  void fields(F& f) const {
    f("registry_summary", registry_summary);
    f("subgrants", subgrants);
    f("pagination", pagination);
  }
};
SubgrantsView subgrants_view(const ViewContext& ctx, const PortalIndex& index, std::size_t page,
                             std::size_t page_size);

// The number and sum of a set of sub-grants.
struct SubgrantSumsView {
  Figure count;
  Figure amount;

  template <class F>
  void fields(F& f) const {
    f("count", count);
    f("amount", amount);
  }
};

// A row of the registry's sums by region (templates/subgrants_summary.mustache).
struct SubgrantRegionRowView {
  std::optional<TextView> label;
  std::string url;  // the region's part of the registry
  Figure count;
  Figure amount;

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("url", url);
    f("count", count);
    f("amount", amount);
  }
};

// A sub-grant programme against its plan: a row of the registry's table of inconsistent
// programmes (templates/subgrants_summary.mustache) and the head of
// templates/subgrants_programme.mustache.
struct ProgrammeView {
  std::optional<TextView> grant_title;
  std::string grant_url;
  std::string registry_url;  // the programme's page of the registry
  std::string grantee;
  Figure planned_count;
  Figure awarded_count;
  Figure ceiling;
  Figure envelope;
  Figure awarded_total;
  std::optional<Figure> envelope_share;
  bool reconciled = false;          // reported, and no issue
  std::vector<std::string> issues;  // inconsistencies between reported figures
  std::vector<std::string> notes;   // neutral remarks: not reported yet, fewer than planned

  template <class F>
  void fields(F& f) const {
    f("grant_title", grant_title);
    f("grant_url", grant_url);
    f("registry_url", registry_url);
    f("grantee", grantee);
    f("planned_count", planned_count);
    f("awarded_count", awarded_count);
    f("ceiling", ceiling);
    f("envelope", envelope);
    f("awarded_total", awarded_total);
    f("envelope_share", envelope_share);
    f("reconciled", reconciled);
    f("issues", issues);
    f("notes", notes);
    f("has_remarks", !issues.empty() || !notes.empty());
  }
};

// "1–20 / 345": a page shows the first `shown` of `total` rows and links the rest.
struct ShownView {
  std::string shown;
  std::string total;

  template <class F>
  void fields(F& f) const {
    f("shown", shown);
    f("total", total);
  }
};

// templates/subgrants_summary.mustache: what the registry shows above its list. Its first page
// says how many programmes there are and how many of them reconcile, have nothing reported yet or
// are inconsistent, lists the inconsistent ones (the first page_size of them) and links the full
// reconciliation table (data/programmes), then the sums by region; later pages, the count and
// amount and a link to the first (registry_summary_on_later_page, site/pages.cpp). A row per
// programme was 50 MB at N = 100 000: the page's size no longer grows with the portal.
struct SubgrantsSummaryView {
  // No grant at all yet (a new portal): the page says so in words instead of totals of 0.
  bool nothing_published = false;
  Figure count;
  Figure amount;
  bool later_page = false;
  std::string first_page_url;    // on a later page
  bool has_programmes = false;   // some grant has a sub-grant programme to reconcile
  std::string programme_counts;  // "12 programmes: 9 reconcile, 2 …, 1 …" in words
  std::vector<ProgrammeView> inconsistent;
  std::optional<ShownView> inconsistent_shown;  // when it lists only the first of them
  std::string table_csv_url;                    // the full reconciliation table, every programme
  std::string table_json_url;
  std::vector<SubgrantRegionRowView> regions;
  std::optional<SubgrantSumsView> unlocated;  // the sub-grants with no region, if any

  template <class F>
  void fields(F& f) const {
    f("nothing_published", nothing_published);
    f("count", count);
    f("amount", amount);
    f("later_page", later_page);
    f("first_page_url", first_page_url);
    f("has_programmes", has_programmes);
    f("programme_counts", programme_counts);
    f("inconsistent", inconsistent);
    f("has_inconsistent", !inconsistent.empty());
    f("inconsistent_shown", inconsistent_shown);
    f("table_csv_url", table_csv_url);
    f("table_json_url", table_json_url);
    f("regions", regions);
    f("unlocated", unlocated);
  }
};
// The registry's summary on its first page, with at most `shown` inconsistent programmes.
SubgrantsSummaryView subgrants_summary_view(const ViewContext& ctx, const PortalIndex& index,
                                            std::size_t shown);

// templates/subgrants_region.mustache: one page of a region's part of the registry.
struct SubgrantsRegionView {
  std::string title;  // the region's name
  std::optional<TextView> region;
  std::string region_url;
  Figure count;
  Figure amount;
  std::vector<SubgrantRegistryRowView> subgrants;
  PaginationView pagination;

  template <class F>
  void fields(F& f) const {
    f("region", region);
    f("region_url", region_url);
    f("count", count);
    f("amount", amount);
    f("subgrants", subgrants);
    f("pagination", pagination);
  }
};
SubgrantsRegionView subgrants_region_view(const ViewContext& ctx, const PortalIndex& index,
                                          std::size_t region, std::size_t page,
                                          std::size_t page_size);

// templates/subgrants_programme.mustache: a programme's page of the registry.
struct SubgrantsProgrammeView {
  std::string title;  // the grant's title
  ProgrammeView programme;
  std::vector<SubgrantRegistryRowView> subgrants;

  template <class F>
  void fields(F& f) const {
    programme.fields(f);
    f("subgrants", subgrants);
  }
};
SubgrantsProgrammeView subgrants_programme_view(const ViewContext& ctx, const PortalIndex& index,
                                                std::size_t grant);

// The grants an organisation (its position in Portal::organisations) takes part in, by role
// ("grantee", "operator", "partner", in that order), each list newest first as on its page.
struct RoleGrants {
  const char* role;
  std::vector<std::size_t> grants;  // indices into Portal::grants
};
std::vector<RoleGrants> grants_by_role(const PortalIndex& index, std::size_t organisation);

// A row of templates/organisations.mustache.
struct OrganisationRowView {
  std::optional<TextView> name;
  std::string url;
  Figure bin;
  TotalsView totals;  // of the grants it holds as grantee

  template <class F>
  void fields(F& f) const {
    f("name", name);
    f("url", url);
    f("bin", bin);
    f("totals", totals);
  }
};

// templates/organisations.mustache: one page of every organisation, alphabetically (a list of
// them all on one page was 1.2 MB at N = 2 000 grants, 500 organisations).
struct OrganisationsView {
  // No grant at all yet (a new portal): the page says so in words instead of totals of 0.
  bool nothing_published = false;
  std::string title;
  std::vector<OrganisationRowView> organisations;
  PaginationView pagination;

  template <class F>
  void fields(F& f) const {
    f("nothing_published", nothing_published);
    f("title", title);
    f("organisations", organisations);
    f("has_organisations", !organisations.empty());
    f("pagination", pagination);
  }
};
OrganisationsView organisations_view(const ViewContext& ctx, const PortalIndex& index,
                                     std::size_t page, std::size_t page_size);

// A role of an organisation's page (templates/organisation.mustache): its grants and totals.
struct OrganisationRoleView {
  std::string role;  // "Грантополучатель"
  TotalsView totals;
  std::vector<GrantRowView> grants;
  std::optional<ShownView> shown;  // when it lists only the newest
  // Where all of them are listed: the facet's pages for a grantee or operator; none for a
  // partner, whose grants only the page's files list.
  std::optional<std::string> all_url;
  std::string all_label;  // "all in the catalogue" with all_url, else "all in the files"

  template <class F>
  void fields(F& f) const {
    f("role", role);
    f("totals", totals);
    f("grants", grants);
    f("shown", shown);
    f("all_url", all_url);
    f("all_label", all_label);
  }
};

// A row of an organisation's totals by year and role.
struct YearRoleTotalsView {
  std::string year;
  std::string role;
  TotalsView totals;

  template <class F>
  void fields(F& f) const {
    f("year", year);
    f("role", role);
    f("totals", totals);
  }
};

// A project of an organisation's declared track record.
struct TrackRecordRowView {
  std::optional<TextView> title;
  std::optional<TextView> funder;
  std::optional<std::string> period;
  Figure amount;
  std::optional<TextView> results;

  template <class F>
  void fields(F& f) const {
    f("title", title);
    f("funder", funder);
    f("period", period);
    f("amount", amount);
    f("results", results);
  }
};

// templates/organisation.mustache: an organisation's page.
struct OrganisationView {
  std::string title;  // its full name in plain text
  std::optional<TextView> name;
  std::optional<TranslationView> translation;
  std::optional<TextView> short_name;
  std::string bin;
  std::optional<TextView> address;
  std::optional<TextView> leader_name;
  std::optional<TextView> leader_title;
  std::optional<std::string> registered;
  std::optional<TextView> region;
  std::optional<LinkView> website;
  std::string email;
  std::string phone;
  std::vector<SocialLinkView> social;
  std::optional<TextView> about;
  std::vector<YearRoleTotalsView> totals;
  std::vector<OrganisationRoleView> roles;
  std::vector<TrackRecordRowView> track_record;

  template <class F>
  void fields(F& f) const {
    f("name", name);
    f("translation", translation);
    f("short_name", short_name);
    f("bin", bin);
    f("address", address);
    f("leader_name", leader_name);
    f("leader_title", leader_title);
    f("registered", registered);
    f("region", region);
    f("website", website);
    f("email", email);
    f("phone", phone);
    f("social", social);
    f("about", about);
    f("totals", totals);
    f("roles", roles);
    f("track_record", track_record);
  }
};
// An organisation's page; of each role's grants it lists the newest `shown`.
OrganisationView organisation_view(const ViewContext& ctx, const PortalIndex& index,
                                   std::size_t org, std::size_t shown);

// A row of templates/regions.mustache or directions.mustache: a region's or direction's totals,
// or those of the grants that give none.
struct TotalsRowView {
  std::optional<TextView> name;                   // none on the row of grants that give none
  std::optional<std::string> not_reported_label;  // "Регион не указан" on that row
  std::optional<std::string> url;                 // none for a direction without grants
  TotalsView totals;

  template <class F>
  void fields(F& f) const {
    f("name", name);
    f("not_reported_label", not_reported_label);
    f("url", url);
    f("totals", totals);
  }
};

// templates/regions.mustache: every region's totals beside the portal's.
struct RegionsView {
  // No grant at all yet (a new portal): the page says so in words instead of totals of 0.
  bool nothing_published = false;
  std::string title;
  std::string multi_region_note;
  std::vector<TotalsRowView> regions;
  TotalsView portal_totals;

  template <class F>
  void fields(F& f) const {
    f("nothing_published", nothing_published);
    f("title", title);
    f("multi_region_note", multi_region_note);
    f("regions", regions);
    f("portal_totals", portal_totals);
  }
};
RegionsView regions_view(const ViewContext& ctx, const PortalIndex& index);

// templates/directions.mustache: /<lang>/directions/.
struct DirectionsView {
  // No grant at all yet (a new portal): the page says so in words instead of totals of 0.
  bool nothing_published = false;
  std::string title;
  std::vector<TotalsRowView> rows;
  TotalsView portal_totals;

  template <class F>
  void fields(F& f) const {
    f("nothing_published", nothing_published);
    f("title", title);
    f("rows", rows);
    f("portal_totals", portal_totals);
  }
};
// Each priority direction with its grants' count and totals, the grants that name none as a row
// of their own, and the portal's totals, which the rows add up to (a grant has one direction at
// most).
DirectionsView directions_view(const ViewContext& ctx, const PortalIndex& index);

// A row of a region's totals by year or by direction.
struct LabelTotalsView {
  std::string label;
  TotalsView totals;

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("totals", totals);
  }
};

// templates/region.mustache: a region's page.
struct RegionView {
  std::string title;  // its name in plain text
  std::optional<TextView> name;
  TotalsView totals;
  Figure subgrant_count;
  Figure subgrant_amount;
  // Why the regions' totals overlap, when some of its grants are in other regions too.
  std::optional<std::string> multi_region_note;
  std::vector<GrantRowView> grants;
  std::optional<ShownView> grants_shown;
  std::string catalogue_url;
  std::vector<LabelTotalsView> by_year;
  std::vector<LabelTotalsView> by_direction;
  std::vector<SubgrantRegistryRowView> subgrants;
  std::optional<ShownView> subgrants_shown;
  std::string subgrants_url;
  MapView map;  // the portal's map, this region outlined
  // No grant on the portal yet (a new one): the page says so in words, with no totals of 0.
  bool nothing_published = false;

  template <class F>
  void fields(F& f) const {
    f("nothing_published", nothing_published);
    f("name", name);
    f("totals", totals);
    f("subgrant_count", subgrant_count);
    f("subgrant_amount", subgrant_amount);
    f("multi_region_note", multi_region_note);
    f("grants", grants);
    f("grants_shown", grants_shown);
    f("catalogue_url", catalogue_url);
    f("by_year", by_year);
    f("by_direction", by_direction);
    // The footer row of both tables: the region's totals, which their rows add up to.
    f("region_totals", totals);
    f("subgrants", subgrants);
    f("subgrants_shown", subgrants_shown);
    f("subgrants_url", subgrants_url);
    f("map", map);
  }
};
// A region's page; of its grants and sub-grants it lists the newest `shown`.
RegionView region_view(const ViewContext& ctx, const PortalIndex& index, std::size_t region,
                       std::size_t shown);
// Completed grants, newest final report first (the report's date, else the end of the actual
// period, else the grant's own date; ties keep id order), at most `limit`. Home and the feeds.
std::vector<std::size_t> latest_final_reports(const Portal& portal, std::size_t limit);
// The day (as PartialDate::latest) that orders final reports.
int final_report_day(const Grant& grant);

// A bar of a home page chart as its data table's row.
struct ChartRowView {
  std::string label;
  Figure value;
  std::optional<std::string> url;

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("value", value);
    f("url", url);
  }
};

// A chart of templates/home.mustache and its data table. The rows are the bars' figures, in the
// same order; `total` is the figure they stand beside.
struct ChartView {
  std::string title;
  std::string svg;  // views/charts.h
  std::vector<ChartRowView> rows;
  Figure total;
  // "sum": the rows add up to the total exactly (tests/integration/figures_test.cpp checks every
  // such table); "overlap": they may add up to more (a multi-region grant counts in each of its
  // regions), which `note` says.
  std::string breakdown;
  std::optional<std::string> note;
  std::string label_header;
  std::string value_header;
  std::optional<LabelledLinkView> more;  // a page with more than the chart shows

  template <class F>
  void fields(F& f) const {
    f("title", title);
    f("svg", svg);
    f("rows", rows);
    f("total", total);
    f("breakdown", breakdown);
    f("note", note);
    f("label_header", label_header);
    f("value_header", value_header);
    f("more", more);
  }
};

// templates/home.mustache.
struct HomeView {
  // No grant at all yet (a new portal): the page says so in words instead of totals of 0, which
  // would read as reported.
  bool nothing_published = false;
  TotalsView totals;
  Figure subgrants;  // their number
  Figure subgrant_amount;
  Figure beneficiaries;
  std::string awarded_note;
  std::vector<GrantRowView> latest_reports;
  std::string grants_url;
  MapView map;
  MoneyTimeView money_time;
  std::vector<ChartView> charts;  // by direction

  template <class F>
  void fields(F& f) const {
    f("nothing_published", nothing_published);
    f("totals", totals);
    f("subgrants", subgrants);
    f("subgrant_amount", subgrant_amount);
    f("beneficiaries", beneficiaries);
    f("awarded_note", awarded_note);
    f("latest_reports", latest_reports);
    f("grants_url", grants_url);
    f("map", map);
    f("money_time", money_time);
    f("charts", charts);
  }
};
HomeView home_view(const ViewContext& ctx, const PortalIndex& index);

}  // namespace ashyq::views
