#include "model/portal_index.h"

#include <algorithm>
#include <map>

#include "i18n/collation.h"
#include "model/enum_names.h"

namespace ashyq {

const char* facet_name(FacetKind kind) {
  switch (kind) {
    case FacetKind::year:
      return "year";
    case FacetKind::region:
      return "region";
    case FacetKind::direction:
      return "direction";
    case FacetKind::operator_:
      return "operator";
    case FacetKind::status:
      return "status";
    case FacetKind::grantee:
      return "grantee";
  }
  return "";
}

void Sums::add(const Grant& grant) {
  ++grants;
  if (grant.amount)
    amount += *grant.amount;
  else
    ++without_amount;
}

std::optional<int> grant_year(const Grant& g) {
  if (g.contract_date) return g.contract_date->year;
  if (g.planned_period) return g.planned_period->start.year;
  if (g.actual_period) return g.actual_period->start.year;
  return std::nullopt;
}

int grant_sort_date(const Grant& g) {
  if (g.contract_date) return g.contract_date->earliest();
  if (g.planned_period) return g.planned_period->start.earliest();
  if (g.actual_period) return g.actual_period->start.earliest();
  return 0;
}

std::string subgrant_region(const Grant& g, const Subgrant& sg) {
  if (!sg.region.empty()) return sg.region;
  return g.regions.size() == 1 ? g.regions.front() : std::string();
}

bool is_awarded(const Grant& g) {
  return g.status == GrantStatus::in_progress || g.status == GrantStatus::completed;
}

PortalIndex build_index(const Portal& portal) {
  PortalIndex index;
  const std::size_t n = portal.grants.size();

  index.by_date.resize(n);
  for (std::size_t i = 0; i < n; ++i) index.by_date[i] = i;
  // Grants are sorted by id already, so stable sorts keep id order among equals.
  std::stable_sort(index.by_date.begin(), index.by_date.end(), [&](std::size_t a, std::size_t b) {
    return grant_sort_date(portal.grants[a]) > grant_sort_date(portal.grants[b]);
  });
  index.by_amount = index.by_date;
  std::stable_sort(index.by_amount.begin(), index.by_amount.end(),
                   [&](std::size_t a, std::size_t b) {
                     const auto& x = portal.grants[a].amount;
                     const auto& y = portal.grants[b].amount;
                     if (x.has_value() != y.has_value()) return x.has_value();
                     return x && *x > *y;
                   });
  for (Lang lang : kAllLangs) {
    std::vector<std::string> keys(n);
    for (std::size_t i = 0; i < n; ++i) {
      const LocalizedText& title = portal.grants[i].title;
      keys[i] =
          i18n::collation_key(title.has(lang) ? title.in(lang) : title.in(other_lang(lang)), lang);
    }
    auto& order = index.by_title[static_cast<int>(lang)];
    order.resize(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  }

  // Facets: each grant joins the values it has, in catalogue (date) order.
  std::array<std::map<std::string, FacetValue>, kAllFacets.size()> values;
  for (std::size_t i : index.by_date) {
    const Grant& g = portal.grants[i];
    auto join = [&](FacetKind kind, const std::string& key) {
      if (key.empty()) return;
      FacetValue& v = values[static_cast<int>(kind)][key];
      v.key = key;
      v.grants.push_back(i);
      v.sums.add(g);
    };
    if (auto year = grant_year(g)) join(FacetKind::year, std::to_string(*year));
    std::vector<std::string> regions = g.regions;
    std::sort(regions.begin(), regions.end());
    regions.erase(std::unique(regions.begin(), regions.end()), regions.end());
    for (const std::string& region : regions) join(FacetKind::region, region);
    join(FacetKind::direction, g.direction_id);
    join(FacetKind::operator_, g.operator_id);
    join(FacetKind::status, std::string(name_of(grant_status_names(), g.status)));
    join(FacetKind::grantee, g.grantee_id);
  }
  for (FacetKind kind : kAllFacets) {
    Facet facet{kind, {}};
    for (auto& [key, value] : values[static_cast<int>(kind)])
      facet.values.push_back(std::move(value));
    if (kind == FacetKind::year) std::reverse(facet.values.begin(), facet.values.end());
    index.facets.push_back(std::move(facet));
  }

  for (std::size_t i = 0; i < n; ++i) {
    const Grant& g = portal.grants[i];
    index.all.add(g);
    if (is_awarded(g)) index.awarded.add(g);
    for (std::size_t s = 0; s < g.subgrants.awarded.size(); ++s) {
      index.subgrants.push_back({i, s});
      ++index.subgrant_count;
      index.subgrant_amount += g.subgrants.awarded[s].amount;
    }
    if (g.status == GrantStatus::completed && g.impact.direct_beneficiaries.actual) {
      index.direct_beneficiaries_actual += *g.impact.direct_beneficiaries.actual;
      ++index.grants_reporting_beneficiaries;
    }
  }
  return index;
}

}  // namespace ashyq
