#include "model/portal_index.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include "i18n/collation.h"
#include "media/media_url.h"
#include "model/enum_names.h"

namespace ashyq {

void Sums::add(const Grant& grant) {
  ++grants;
  if (grant.amount)
    amount += *grant.amount;
  else
    ++without_amount;
}

MoneyKind money_kind(const Grant& grant) {
  switch (grant.status) {
    case GrantStatus::application:
      return MoneyKind::applied;
    case GrantStatus::planned:
      return MoneyKind::planned;
    case GrantStatus::in_progress:
    case GrantStatus::completed:
      return MoneyKind::awarded;
  }
  return MoneyKind::planned;
}

void Totals::add(const Grant& grant) {
  ++grants;
  by_kind[static_cast<int>(money_kind(grant))].add(grant);
}

std::optional<PartialDate> period_end(const Grant& g) {
  if (g.actual_period) return g.actual_period->last();
  if (g.planned_period) return g.planned_period->last();
  return std::nullopt;
}

bool report_overdue(const Grant& g, const std::optional<PartialDate>& as_of) {
  if (!as_of || g.status != GrantStatus::in_progress || g.final_report_date) return false;
  const auto end = period_end(g);
  return end && end->latest() < as_of->earliest();
}

std::string_view status_key(const Grant& g, const std::optional<PartialDate>& as_of) {
  if (report_overdue(g, as_of)) return "report_overdue";
  return name_of(grant_status_names(), g.status);
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

std::optional<int> media_year(const Grant& grant, const MediaLink& link) {
  if (link.date) return link.date->year;
  return grant_year(grant);
}

std::vector<std::string> grant_regions(const Grant& grant) {
  std::vector<std::string> regions = grant.regions;
  std::sort(regions.begin(), regions.end());
  regions.erase(std::unique(regions.begin(), regions.end()), regions.end());
  return regions;
}

namespace {

void index_media(const Portal& portal, PortalIndex& index) {
  for (std::size_t g = 0; g < portal.grants.size(); ++g)
    for (std::size_t l = 0; l < portal.grants[g].media.size(); ++l) index.media.push_back({g, l});
  // Grants are sorted by id and links pushed in record order, so a stable sort keeps those ties.
  auto link_of = [&](const MediaRef& r) -> const MediaLink& {
    return portal.grants[r.grant].media[r.link];
  };
  std::stable_sort(
      index.media.begin(), index.media.end(), [&](const MediaRef& a, const MediaRef& b) {
        const MediaLink& x = link_of(a);
        const MediaLink& y = link_of(b);
        if (x.date.has_value() != y.date.has_value()) return x.date.has_value();
        if (x.date) return x.date->earliest() > y.date->earliest();
        return grant_sort_date(portal.grants[a.grant]) > grant_sort_date(portal.grants[b.grant]);
      });

  std::array<std::map<std::string, MediaFacetValue>, kAllMediaFacets.size()> values;
  for (std::size_t i = 0; i < index.media.size(); ++i) {
    const Grant& grant = portal.grants[index.media[i].grant];
    const MediaLink& link = link_of(index.media[i]);
    auto join = [&](MediaFacetKind kind, const std::string& key) {
      MediaFacetValue& v = values[static_cast<int>(kind)][key];
      v.key = key;
      v.links.push_back(i);
      if (!link.date) ++v.undated;
    };
    join(MediaFacetKind::platform,
         std::string(media::platform_key(media::analyse_media_url(link.url).platform)));
    if (auto year = media_year(grant, link))
      join(MediaFacetKind::year, std::to_string(*year));
    else
      ++index.media_without_year;
    for (const std::string& region : grant_regions(grant)) join(MediaFacetKind::region, region);
  }
  for (MediaFacetKind kind : kAllMediaFacets) {
    MediaFacet facet{kind, {}};
    for (auto& [key, value] : values[static_cast<int>(kind)])
      facet.values.push_back(std::move(value));
    if (kind == MediaFacetKind::year) std::reverse(facet.values.begin(), facet.values.end());
    if (kind == MediaFacetKind::platform) {
      auto rank = [](const std::string& key) {
        std::size_t p = 0;
        while (p < std::size(media::kAllPlatforms) &&
               media::platform_key(media::kAllPlatforms[p]) != key)
          ++p;
        return p;
      };
      std::stable_sort(facet.values.begin(), facet.values.end(),
                       [&](const MediaFacetValue& a, const MediaFacetValue& b) {
                         return rank(a.key) < rank(b.key);
                       });
    }
    index.media_facets.push_back(std::move(facet));
  }
}

}  // namespace

std::size_t Facet::find(const std::string& key) const {
  if (kind == FacetKind::year) {  // newest first
    for (std::size_t i = 0; i < values.size(); ++i)
      if (values[i].key == key) return i;
    return values.size();
  }
  auto it = std::lower_bound(values.begin(), values.end(), key,
                             [](const FacetValue& v, const std::string& k) { return v.key < k; });
  return it != values.end() && it->key == key ? static_cast<std::size_t>(it - values.begin())
                                              : values.size();
}

const FacetValue& Facet::value_or_empty(const std::string& key) const {
  static const FacetValue empty{};
  const std::size_t at = find(key);
  return at < values.size() ? values[at] : empty;
}

std::string subgrant_region(const Grant& g, const Subgrant& sg) {
  if (!sg.region.empty()) return sg.region;
  return g.regions.size() == 1 ? g.regions.front() : std::string();
}

bool is_awarded(const Grant& g) {
  return g.status == GrantStatus::in_progress || g.status == GrantStatus::completed;
}

ProgrammeCheck check_programme(const Grant& g) {
  const SubgrantProgramme& p = g.subgrants;
  ProgrammeCheck c;
  for (const Subgrant& sg : p.awarded) {
    c.sum += sg.amount;
    c.largest = std::max(c.largest, sg.amount);
  }
  c.count = static_cast<std::int64_t>(p.awarded.size());
  c.reported = is_awarded(g) && c.count > 0;
  if (!c.reported) return c;
  if (p.planned_count) {
    c.over_planned_count = c.count > *p.planned_count;
    c.fewer_than_planned = c.count < *p.planned_count;
  }
  if (p.envelope) c.over_envelope = c.sum > *p.envelope;
  if (p.ceiling) c.over_ceiling = c.largest > *p.ceiling;
  const bool inconsistent = c.over_planned_count.value_or(false) ||
                            c.over_envelope.value_or(false) || c.over_ceiling.value_or(false);
  c.outcome = inconsistent ? ProgrammeOutcome::inconsistent : ProgrammeOutcome::reconciled;
  return c;
}

const char* programme_outcome_name(ProgrammeOutcome outcome) {
  switch (outcome) {
    case ProgrammeOutcome::reconciled:
      return "reconciled";
    case ProgrammeOutcome::inconsistent:
      return "inconsistent";
    case ProgrammeOutcome::not_reported:
      return "not_reported";
  }
  return "";
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
  // A text's collation key in `lang`, or in the other language where it has none in `lang`; and
  // the positions 0 … keys.size() - 1 in the order of their keys, equal keys in position order.
  auto key_of = [](const LocalizedText& text, Lang lang) {
    return i18n::collation_key(text.has(lang) ? text.in(lang) : text.in(other_lang(lang)), lang);
  };
  auto sorted_by = [](const std::vector<std::string>& keys) {
    std::vector<std::size_t> order(keys.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    return order;
  };
  for (Lang lang : kAllLangs) {
    std::vector<std::string> keys(n);
    for (std::size_t i = 0; i < n; ++i) keys[i] = key_of(portal.grants[i].title, lang);
    index.by_title[static_cast<int>(lang)] = sorted_by(keys);

    keys.resize(portal.organisations.size());
    for (std::size_t i = 0; i < keys.size(); ++i) {
      const Organisation& o = portal.organisations[i];
      keys[i] = key_of(o.short_name.empty() ? o.name : o.short_name, lang);
    }
    index.organisations_by_name[static_cast<int>(lang)] = sorted_by(keys);
  }

  // Facets: each grant joins the values it has, in catalogue (date) order.
  std::array<std::map<std::string, FacetValue>, kAllFacets.size()> values;
  for (std::size_t i : index.by_date) {
    const Grant& g = portal.grants[i];
    // A grant without the facet's key joins the kNotReportedKey value, so that every facet's
    // values together hold every grant.
    auto join = [&](FacetKind kind, const std::string& key) {
      const std::string& k = key.empty() ? std::string(kNotReportedKey) : key;
      FacetValue& v = values[static_cast<int>(kind)][k];
      v.key = k;
      v.grants.push_back(i);
      v.totals.add(g);
    };
    const auto year = grant_year(g);
    join(FacetKind::year, year ? std::to_string(*year) : std::string());
    const auto regions = grant_regions(g);
    for (const std::string& region : regions) join(FacetKind::region, region);
    if (regions.empty()) join(FacetKind::region, "");
    join(FacetKind::direction, g.direction_id);
    join(FacetKind::operator_, g.operator_id);
    join(FacetKind::status, std::string(status_key(g, portal.config.as_of)));
    join(FacetKind::grantee, g.grantee_id);
  }
  for (FacetKind kind : kAllFacets) {
    Facet facet{kind, {}, {}};
    for (auto& [key, value] : values[static_cast<int>(kind)])
      facet.values.push_back(std::move(value));
    if (kind == FacetKind::year) {
      // Newest first, the grants without a year last ("not--reported" sorts after the digits, so
      // first once reversed).
      std::reverse(facet.values.begin(), facet.values.end());
      if (!facet.values.empty() && facet.values.front().key == kNotReportedKey)
        std::rotate(facet.values.begin(), facet.values.begin() + 1, facet.values.end());
    }
    if (kind == FacetKind::grantee || kind == FacetKind::operator_) {
      auto& top = facet.top;
      top.resize(facet.values.size());
      for (std::size_t i = 0; i < top.size(); ++i) top[i] = i;
      const std::size_t keep = std::min(kTopFacetValues, top.size());
      std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(keep), top.end(),
                        [&](std::size_t a, std::size_t b) {
                          const auto ga = facet.values[a].totals.grants;
                          const auto gb = facet.values[b].totals.grants;
                          return ga != gb ? ga > gb : facet.values[a].key < facet.values[b].key;
                        });
      top.resize(keep);
    }
    index.facets.push_back(std::move(facet));
  }

  std::map<std::string, std::size_t> region_position;
  for (std::size_t r = 0; r < portal.regions.size(); ++r) region_position[portal.regions[r].id] = r;
  index.region_subgrants.resize(portal.regions.size());
  index.first_subgrant.reserve(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    const Grant& g = portal.grants[i];
    index.totals.add(g);
    index.first_subgrant.push_back(index.subgrants.size());
    for (std::size_t s = 0; s < g.subgrants.awarded.size(); ++s) {
      const auto region = region_position.find(subgrant_region(g, g.subgrants.awarded[s]));
      if (region != region_position.end())
        index.region_subgrants[region->second].push_back(index.subgrants.size());
      index.subgrants.push_back({i, s});
      ++index.subgrant_count;
      index.subgrant_amount += g.subgrants.awarded[s].amount;
    }
    if (g.subgrants.present) {
      index.programmes.push_back(i);
      const ProgrammeOutcome outcome = check_programme(g).outcome;
      ++index.programme_outcomes[static_cast<std::size_t>(outcome)];
      if (outcome == ProgrammeOutcome::inconsistent) index.inconsistent_programmes.push_back(i);
    }
    if (g.status == GrantStatus::completed && g.impact.direct_beneficiaries.actual) {
      index.direct_beneficiaries_actual += *g.impact.direct_beneficiaries.actual;
      ++index.grants_reporting_beneficiaries;
    }
  }
  index.first_subgrant.push_back(index.subgrants.size());

  std::unordered_map<std::string_view, std::size_t> organisation_position;
  for (std::size_t o = 0; o < portal.organisations.size(); ++o)
    organisation_position.emplace(portal.organisations[o].id, o);
  index.organisation_grants.resize(portal.organisations.size());
  for (std::size_t i : index.by_date) {
    const Grant& g = portal.grants[i];
    auto join = [&](std::size_t role, const std::string& id) {
      const auto o = organisation_position.find(id);
      if (o == organisation_position.end()) return;
      auto& grants = index.organisation_grants[o->second][role];
      if (grants.empty() || grants.back() != i) grants.push_back(i);  // a partner listed twice
    };
    join(0, g.grantee_id);
    join(1, g.operator_id);
    for (const Partner& p : g.partners) join(2, p.organisation);
  }
  index_media(portal, index);
  return index;
}

}  // namespace ashyq
