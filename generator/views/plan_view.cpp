#include "views/plan_view.h"

#include <algorithm>
#include <set>
#include <string>

#include "model/enum_names.h"
#include "model/portal_index.h"
#include "routes/routes.h"

namespace ashyq::views {
namespace {

const Grant* find_grant(const Portal& portal, const std::string& id) {
  auto it = std::find_if(portal.grants.begin(), portal.grants.end(),
                         [&](const Grant& g) { return g.id == id; });
  return it == portal.grants.end() ? nullptr : &*it;
}

// What has been awarded for a set of grants. A grant counts once however many topics list it.
struct Awarded {
  std::set<std::string> counted;
  Tenge sum;
  bool complete = true;  // false when an awarded grant does not publish its amount

  void add(const Grant& grant) {
    if (!is_awarded(grant) || !counted.insert(grant.id).second) return;
    if (grant.amount)
      sum += *grant.amount;
    else
      complete = false;
  }
};

// Planned against awarded. Without a stated planned figure there is nothing to compare: the
// difference and share stay none rather than being computed against a derived figure. With an
// awarded grant whose amount is unpublished the awarded sum is a lower bound, so no difference
// either: the page says so in words (figure.not_computed).
AwardedView against(const ViewContext& ctx, const std::optional<Tenge>& planned,
                    const Awarded& awarded) {
  const auto count = static_cast<std::int64_t>(awarded.counted.size());
  AwardedView out;
  out.awarded =
      ctx.computed_money(awarded.sum, ctx.t("basis.awarded", {{"count", ctx.integer(count)}}));
  out.awarded_count = ctx.integer(count);
  out.awarded_incomplete = !awarded.complete;
  if (planned && awarded.complete) {
    out.difference = ctx.computed_difference(planned->value(), awarded.sum.value(), true,
                                             ctx.t("basis.plan_difference"));
    out.awarded_share =
        ctx.computed_share(awarded.sum.value(), planned->value(), ctx.t("basis.plan_share"));
  }
  return out;
}

// The period as a localized text for {{> _ltext}}: the dates formatted in the page's language, else
// the document's own wording, else none (the page says "not reported").
std::optional<TextView> period_view(const ViewContext& ctx, const PlanTopic& topic) {
  if (topic.period)
    return TextView{ctx.range(*topic.period), std::string(lang_code(ctx.lang)), false, {}};
  return ctx.text(topic.period_text);
}

PlanGrantView grant_row(const ViewContext& ctx, const Grant& g) {
  const std::string status(status_key(g, ctx.portal.config.as_of));
  return {routes::url_of(g, ctx.lang),
          ctx.text(g.title),
          ctx.t("status." + status),
          status,
          is_awarded(g),
          ctx.reported_money(g.amount)};
}

PlanTopicView topic_view(const ViewContext& ctx, const PlanTopic& topic, Awarded& direction_awarded,
                         Awarded& plan_awarded) {
  const Portal& portal = ctx.portal;
  PlanTopicView out;
  out.anchor = "topic-" + topic.id;
  if (topic.number > 0) out.number = topic.number;
  out.title = ctx.text(topic.title);
  out.goal = ctx.text(topic.goal);
  out.tasks = texts_view(ctx, topic.tasks);
  out.expected_results = texts_view(ctx, topic.expected_results);
  out.period = period_view(ctx, topic);
  out.territory = ctx.text(topic.territory);
  for (const std::string& id : topic.regions)
    if (const Region* r = portal.find_region(id))
      if (std::optional<TextView> name = ctx.text(r->name)) out.regions.push_back(*name);
  out.planned = ctx.reported_money(topic.amount);
  Awarded awarded;
  for (const std::string& id : topic.grants) {
    const Grant* g = find_grant(portal, id);
    if (!g) continue;  // reported by validation
    out.grants.push_back(grant_row(ctx, *g));
    awarded.add(*g);
    direction_awarded.add(*g);
    plan_awarded.add(*g);
  }
  out.against = against(ctx, topic.amount, awarded);
  return out;
}

}  // namespace

PlanView plan_view(const ViewContext& ctx, const Plan& plan) {
  const Portal& portal = ctx.portal;
  PlanView v;
  Awarded plan_awarded;
  int topic_count = 0;
  for (std::size_t i = 0; i < plan.directions.size(); ++i) {
    const PlanDirection& direction = plan.directions[i];
    Awarded direction_awarded;
    PlanDirectionView d;
    d.number = static_cast<int>(i + 1);
    d.anchor = "direction-" + std::to_string(i + 1);
    d.title = ctx.text(direction.title);
    if (const Direction* named = portal.find_direction(direction.direction))
      d.direction = ctx.text(named->name);
    d.subtotal = ctx.reported_money(direction.subtotal);
    for (const PlanTopic& topic : direction.topics) {
      d.topics.push_back(topic_view(ctx, topic, direction_awarded, plan_awarded));
      ++topic_count;
    }
    d.against = against(ctx, direction.subtotal, direction_awarded);
    v.directions.push_back(std::move(d));
  }
  v.url = routes::url_of(plan, ctx.lang);
  v.title = ctx.text(plan.title);
  v.approved_by = ctx.text(plan.approved_by);
  if (plan.year > 0) v.year = std::to_string(plan.year);
  if (const Organisation* op = portal.find_organisation(plan.operator_id))
    v.operator_name = ctx.text(op->name);
  v.source = ctx.original_text(plan.source, plan.source_language);
  v.translation = ctx.translation(plan.source_language, "translation.plan_note");
  v.total = ctx.reported_money(plan.total);
  v.topic_count = ctx.integer(topic_count);
  v.against = against(ctx, plan.total, plan_awarded);
  return v;
}

PlansView plans_index_view(const ViewContext& ctx) {
  std::vector<const Plan*> plans;
  for (const Plan& plan : ctx.portal.plans) plans.push_back(&plan);
  std::stable_sort(plans.begin(), plans.end(), [](const Plan* a, const Plan* b) {
    return a->year != b->year ? a->year > b->year : a->id < b->id;
  });
  PlansView v;
  for (const Plan* plan : plans) {
    PlanRowView row;
    row.id = plan->id;
    row.url = routes::url_of(*plan, ctx.lang);
    if (plan->year > 0) row.year = std::to_string(plan->year);
    row.title = ctx.text(plan->title);
    if (const Organisation* op = ctx.portal.find_organisation(plan->operator_id))
      row.operator_name = ctx.text(op->short_name.empty() ? op->name : op->short_name);
    row.total = ctx.reported_money(plan->total);
    v.plans.push_back(std::move(row));
  }
  return v;
}

}  // namespace ashyq::views
