#pragma once
// What the list pages need, computed once per build from the read-only portal: facets with their
// grants, counts and totals; every sub-grant with its parent; the grants of each organisation,
// region and plan topic; every media link, newest first, with its facets (platform, year, region).
// Amounts are summed over grants, never over (grant, region) pairs, so a grant in three regions
// counts once in every portal total.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "model/enums.h"
#include "model/model.h"

namespace ashyq {

struct Sums {
  std::int64_t grants = 0;
  std::int64_t without_amount = 0;  // grants whose amount is not published
  Tenge amount;                     // sum of published amounts
  void add(const Grant& grant);
};

// The kind of money a grant's amount is (MoneyKind).
MoneyKind money_kind(const Grant& grant);

// The totals of a set of grants, the three kinds of money apart.
struct Totals {
  std::int64_t grants = 0;      // every grant record, whatever its kind
  std::array<Sums, 3> by_kind;  // in kAllMoneyKinds order
  void add(const Grant& grant);
  const Sums& of(MoneyKind kind) const { return by_kind[static_cast<int>(kind)]; }
};

// The facet value that lists the grants a facet's key is not reported for (no year, no region, no
// direction, no grantee): a breakdown never silently drops a record. Not a valid record id (ids
// cannot contain "--"), so it never collides with a region's or an organisation's.
inline constexpr const char* kNotReportedKey = "not--reported";

struct FacetValue {
  std::string key;                  // URL segment: "2024", "mangystau", "completed", an org id
  std::vector<std::size_t> grants;  // indices into Portal::grants, in catalogue order
  Totals totals;
};

// How many organisations a list page's sidebar shows of an organisation facet (views/list_views).
inline constexpr std::size_t kTopFacetValues = 25;

struct Facet {
  FacetKind kind;
  std::vector<FacetValue>
      values;  // ordered: years descending, others by key (views re-sort by name)
  // Of the organisation facets (grantee, operator): the kTopFacetValues values with the most
  // grants, ties by key. Made once here, since every list page's sidebar shows them; empty for
  // other facets.
  std::vector<std::size_t> top;
  // The position of the value with this key in `values`, or values.size() when there is none.
  std::size_t find(const std::string& key) const;
  // The value with this key, or an empty value (no grants, zero sums) when there is none.
  const FacetValue& value_or_empty(const std::string& key) const;
};

// The roles an organisation can have in a grant, in the order organisation pages list them.
inline constexpr std::array<const char*, 3> kOrganisationRoles = {"grantee", "operator", "partner"};

struct SubgrantRef {
  std::size_t grant;     // index into Portal::grants
  std::size_t subgrant;  // index into grant.subgrants.awarded
};

struct MediaRef {
  std::size_t grant;  // index into Portal::grants
  std::size_t link;   // index into grant.media
};

struct MediaFacetValue {
  std::string key;                 // URL segment: "youtube", "2024", a region id
  std::vector<std::size_t> links;  // indices into PortalIndex::media, in its order
  std::size_t undated = 0;  // links without a date of their own (listed by their grant's year)
};

struct MediaFacet {
  MediaFacetKind kind;
  // Ordered: platforms in the order of media::Platform, years descending, regions by id (views
  // re-sort regions by name).
  std::vector<MediaFacetValue> values;
};

struct PortalIndex {
  std::vector<Facet> facets;                         // in kAllFacets order
  std::vector<std::size_t> by_date;                  // grant indices, newest first, then by id
  std::vector<std::size_t> by_amount;                // largest first; unpublished amounts last
  std::array<std::vector<std::size_t>, 2> by_title;  // per language, alphabetical (ICU collation)
  // Per language: indices into Portal::organisations by short name (name when it has none),
  // alphabetical, as the organisations list shows them a page at a time.
  std::array<std::vector<std::size_t>, 2> organisations_by_name;
  std::vector<SubgrantRef> subgrants;  // every awarded sub-grant, by grant then record order
  // Grant i's sub-grants are subgrants[first_subgrant[i] … first_subgrant[i + 1]); size grants + 1.
  std::vector<std::size_t> first_subgrant;
  // Per region of Portal::regions: positions in `subgrants` of the sub-grants listed under it
  // (subgrant_region), in registry order.
  std::vector<std::vector<std::size_t>> region_subgrants;
  // Per organisation of Portal::organisations: the grants it takes part in as grantee, operator
  // and partner (kOrganisationRoles order), each newest first (by_date order). Pages, downloads
  // and tables read these instead of scanning every grant for every organisation.
  std::vector<std::array<std::vector<std::size_t>, 3>> organisation_grants;
  Totals totals;  // every grant record, the money awarded, applied for and planned apart
  std::int64_t subgrant_count = 0;
  Tenge subgrant_amount;
  // Grants with a sub-grant programme (Portal::grants order), and how many of them are in each
  // ProgrammeOutcome (its order): the registry says the counts and lists only the inconsistent.
  std::vector<std::size_t> programmes;
  std::array<std::int64_t, 3> programme_outcomes{};
  std::vector<std::size_t> inconsistent_programmes;  // indices into Portal::grants
  std::int64_t direct_beneficiaries_actual = 0;      // reported actual figures, completed grants
  std::int64_t grants_reporting_beneficiaries = 0;
  // Every media link of every grant: links with a date of their own first, newest first; then the
  // links without one, by their grant's date, newest first; ties by grant id, then record order.
  std::vector<MediaRef> media;
  std::vector<MediaFacet> media_facets;  // in kAllMediaFacets order
  std::size_t media_without_year = 0;    // links on no year page: no date, and a grant without one

  const Facet& facet(FacetKind kind) const { return facets[static_cast<int>(kind)]; }
  const MediaFacet& media_facet(MediaFacetKind kind) const {
    return media_facets[static_cast<int>(kind)];
  }
};

// The year a grant is listed under: its contract date, else the start of its planned period, else
// of its actual period; nullopt when no date is known.
std::optional<int> grant_year(const Grant& grant);
// The date a grant is sorted by, as yyyymmdd of the earliest day it may mean; 0 when unknown.
int grant_sort_date(const Grant& grant);
// The year a media link is listed under: the year of its own date, else its grant's year (a link
// without a date is not claimed to be from any other year than the grant it documents); nullopt
// when neither is known.
std::optional<int> media_year(const Grant& grant, const MediaLink& link);
// The regions a grant is listed under, each once, by id.
std::vector<std::string> grant_regions(const Grant& grant);
// The region a sub-grant is listed under: its own, else its programme's when that has one region;
// "" when neither says.
std::string subgrant_region(const Grant& grant, const Subgrant& subgrant);
// True for grants whose money has been awarded (in progress or completed).
bool is_awarded(const Grant& grant);

// A sub-grant programme's reported figures against its plan: the registry's reconciliation, the
// programme's page and data/programmes read this one check, so they cannot disagree.
enum class ProgrammeOutcome {
  reconciled,    // sub-grants reported, and no inconsistency
  inconsistent,  // sub-grants reported, and at least one of the over_* checks failed
  not_reported,  // no sub-grant reported: the grant is not awarded, or its NGO has not reported
};
struct ProgrammeCheck {
  bool reported = false;  // an awarded grant with at least one sub-grant reported
  std::int64_t count = 0;
  Tenge sum, largest;
  // Each check only when the plan gives the figure and sub-grants are reported, else nullopt.
  std::optional<bool> over_planned_count;  // more sub-grants than planned: inconsistent
  std::optional<bool> over_envelope;       // their sum above the envelope: inconsistent
  std::optional<bool> over_ceiling;        // one above the ceiling: inconsistent
  std::optional<bool> fewer_than_planned;  // a neutral note (it may still be awarding)
  ProgrammeOutcome outcome = ProgrammeOutcome::not_reported;
};
ProgrammeCheck check_programme(const Grant& grant);
// "reconciled", "inconsistent", "not_reported": data/programmes' `outcome` column.
const char* programme_outcome_name(ProgrammeOutcome outcome);
// The day a grant's period ends: the actual period's end when reported, else the planned one's;
// nullopt when neither is known.
std::optional<PartialDate> period_end(const Grant& grant);
// True for a grant in progress whose period ended before `as_of` (every day the end may mean lies
// before it) and that has no final report: "period ended, final report not published".
bool report_overdue(const Grant& grant, const std::optional<PartialDate>& as_of);
// The key a grant's status is shown and faceted under: its recorded status, or "report_overdue"
// for a grant in progress past its period (report_overdue). "status.<key>" is its UI string.
std::string_view status_key(const Grant& grant, const std::optional<PartialDate>& as_of);
// Every status key in the order a reader scans them (life order).
inline constexpr std::array<std::string_view, 5> kStatusKeys = {
    "application", "planned", "in_progress", "report_overdue", "completed"};

PortalIndex build_index(const Portal& portal);

}  // namespace ashyq
