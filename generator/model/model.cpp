#include "model/model.h"

#include <algorithm>

namespace ashyq {
namespace {

bool reached(double actual, double planned, Bound bound) {
  switch (bound) {
    case Bound::at_least:
      return actual >= planned;
    case Bound::at_most:
      return actual <= planned;
    // "exactly" describes how the figure is stated, not a ceiling: delivering more than a plain
    // target reaches it (and counts as exceeded), as for at_least.
    default:
      return actual >= planned;
  }
}

}  // namespace

IndicatorOutcome indicator_outcome(const Indicator& indicator) {
  if (!indicator.planned) return IndicatorOutcome::no_target;
  if (!indicator.actual) return IndicatorOutcome::not_reported;
  const double planned = indicator.planned->value, actual = indicator.actual->value;
  if (!reached(actual, planned, indicator.planned->bound)) return IndicatorOutcome::short_of;
  if (indicator.planned->bound != Bound::at_most && actual > planned)
    return IndicatorOutcome::exceeded;
  return IndicatorOutcome::met;
}

PublicContacts collect_public_contacts(const std::vector<Organisation>& organisations) {
  PublicContacts contacts;
  for (const Organisation& o : organisations) {
    contacts.declare(o.email);
    contacts.declare(o.phone);
    for (const std::string& contact : o.public_contacts) contacts.declare(contact);
  }
  return contacts;
}

std::optional<DateRange> Grant::whole_period() const {
  if (!planned_period && !actual_period) return std::nullopt;
  if (!planned_period) return actual_period;
  if (!actual_period) return planned_period;
  DateRange whole;
  whole.start = planned_period->start.earliest() <= actual_period->start.earliest()
                    ? planned_period->start
                    : actual_period->start;
  const PartialDate a = planned_period->last(), b = actual_period->last();
  whole.end = a.latest() >= b.latest() ? a : b;
  return whole;
}

const Activity* Grant::find_activity(const std::string& activity_id) const {
  for (const Task& task : tasks)
    for (const Activity& activity : task.activities)
      if (activity.id == activity_id) return &activity;
  return nullptr;
}

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Region* Portal::find_region(const std::string& id) const { return find_by_id(regions, id); }
const Direction* Portal::find_direction(const std::string& id) const {
  return find_by_id(directions, id);
}
const Organisation* Portal::find_organisation(const std::string& id) const {
  auto it =
      std::lower_bound(organisations.begin(), organisations.end(), id,
                       [](const Organisation& o, const std::string& key) { return o.id < key; });
  return it != organisations.end() && it->id == id ? &*it : nullptr;
}

const Grant* Portal::find_grant(const std::string& id) const {
  auto it = std::lower_bound(grants.begin(), grants.end(), id,
                             [](const Grant& g, const std::string& key) { return g.id < key; });
  return it != grants.end() && it->id == id ? &*it : nullptr;
}

}  // namespace ashyq
