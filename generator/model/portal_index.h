#pragma once
// What the list pages need, computed once per build from the read-only portal: facets with their
// grants, counts and totals; every sub-grant with its parent; the grants of each organisation,
// region and plan topic. Amounts are summed over grants, never over (grant, region) pairs, so a
// grant in three regions counts once in every portal total.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "model/model.h"

namespace ashyq {

enum class FacetKind { year, region, direction, operator_, status, grantee };
inline constexpr std::array<FacetKind, 6> kAllFacets = {FacetKind::year,      FacetKind::region,
                                                        FacetKind::direction, FacetKind::operator_,
                                                        FacetKind::status,    FacetKind::grantee};
// The URL segment and UI-string key of a facet: "year", "region", "direction", "operator",
// "status", "grantee".
const char* facet_name(FacetKind kind);

struct Sums {
  std::int64_t grants = 0;
  std::int64_t without_amount = 0;  // grants whose amount is not published
  Tenge amount;                     // sum of published amounts
  void add(const Grant& grant);
};

struct FacetValue {
  std::string key;                  // URL segment: "2024", "mangystau", "completed", an org id
  std::vector<std::size_t> grants;  // indices into Portal::grants, in catalogue order
  Sums sums;
};

struct Facet {
  FacetKind kind;
  std::vector<FacetValue>
      values;  // ordered: years descending, others by id (views re-sort by name)
};

struct SubgrantRef {
  std::size_t grant;     // index into Portal::grants
  std::size_t subgrant;  // index into grant.subgrants.awarded
};

struct PortalIndex {
  std::vector<Facet> facets;                         // in kAllFacets order
  std::vector<std::size_t> by_date;                  // grant indices, newest first, then by id
  std::vector<std::size_t> by_amount;                // largest first; unpublished amounts last
  std::array<std::vector<std::size_t>, 2> by_title;  // per language, alphabetical (ICU collation)
  std::vector<SubgrantRef> subgrants;  // every awarded sub-grant, by grant then record order
  Sums awarded;                        // grants in progress or completed: the money awarded
  Sums all;                            // every grant record, whatever its status
  std::int64_t subgrant_count = 0;
  Tenge subgrant_amount;
  std::int64_t direct_beneficiaries_actual = 0;  // reported actual figures, completed grants
  std::int64_t grants_reporting_beneficiaries = 0;

  const Facet& facet(FacetKind kind) const { return facets[static_cast<int>(kind)]; }
};

// The year a grant is listed under: its contract date, else the start of its planned period, else
// of its actual period; nullopt when no date is known.
std::optional<int> grant_year(const Grant& grant);
// The date a grant is sorted by, as yyyymmdd of the earliest day it may mean; 0 when unknown.
int grant_sort_date(const Grant& grant);
// The region a sub-grant is listed under: its own, else its programme's when that has one region;
// "" when neither says.
std::string subgrant_region(const Grant& grant, const Subgrant& subgrant);
// True for grants whose money has been awarded (in progress or completed).
bool is_awarded(const Grant& grant);

PortalIndex build_index(const Portal& portal);

}  // namespace ashyq
