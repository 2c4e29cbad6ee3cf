#include "views/plan_view.h"

#include <algorithm>
#include <set>
#include <string>

#include "model/enum_names.h"
#include "model/portal_index.h"
#include "routes/routes.h"

namespace ashyq::views {
namespace {

using nlohmann::json;

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
// difference and share stay null rather than being computed against a derived figure. With an
// awarded grant whose amount is unpublished the awarded sum is a lower bound, so no difference
// either.
void add_comparison(const ViewContext& ctx, const std::optional<Tenge>& planned,
                    const Awarded& awarded, json& out) {
  const auto count = static_cast<std::int64_t>(awarded.counted.size());
  out["awarded"] =
      ctx.computed_money(awarded.sum, ctx.t("basis.awarded", {{"count", ctx.integer(count)}}));
  out["awarded_count"] = ctx.integer(count);
  out["awarded_incomplete"] = !awarded.complete;
  const bool comparable = planned && awarded.complete;
  // Without a stated planned figure, or with an awarded grant whose amount is unpublished, there
  // is no difference to give: the page says so in words (figure.not_computed).
  out["difference"] = comparable ? ctx.computed_difference(planned->value(), awarded.sum.value(),
                                                           true, ctx.t("basis.plan_difference"))
                                 : json(nullptr);
  out["awarded_share"] = comparable ? ctx.computed_share(awarded.sum.value(), planned->value(),
                                                         ctx.t("basis.plan_share"))
                                    : json(nullptr);
}

json stated(const ViewContext& ctx, const std::optional<Tenge>& amount) {
  return ctx.reported_money(amount);
}

json texts(const ViewContext& ctx, const std::vector<LocalizedText>& items) {
  json out = json::array();
  for (const auto& item : items)
    if (auto t = ctx.text(item)) out.push_back(*t);
  return out;
}

// The period as a localized text for {{> _ltext}}: the dates formatted in the page's language, else
// the document's own wording, else null (the page says "not reported").
json period_view(const ViewContext& ctx, const PlanTopic& topic) {
  if (topic.period)
    return {{"text", ctx.range(*topic.period)},
            {"lang", std::string(lang_code(ctx.lang))},
            {"fallback", false}};
  return ctx.text(topic.period_text);
}

json grant_row(const ViewContext& ctx, const Grant& g) {
  const std::string status(status_key(g, ctx.portal.config.as_of));
  return {{"id", g.id},
          {"url", routes::url_of(g, ctx.lang)},
          {"title", ctx.text(g.title)},
          {"status", ctx.t("status." + status)},
          {"status_key", status},
          {"awarded", is_awarded(g)},
          {"amount", stated(ctx, g.amount)}};
}

json topic_view(const ViewContext& ctx, const PlanTopic& topic, Awarded& direction_awarded,
                Awarded& plan_awarded) {
  const Portal& portal = ctx.portal;
  json regions = json::array();
  for (const std::string& id : topic.regions)
    if (const Region* r = portal.find_region(id)) regions.push_back(ctx.text(r->name));
  json grants = json::array();
  Awarded awarded;
  for (const std::string& id : topic.grants) {
    const Grant* g = find_grant(portal, id);
    if (!g) continue;  // reported by validation
    grants.push_back(grant_row(ctx, *g));
    awarded.add(*g);
    direction_awarded.add(*g);
    plan_awarded.add(*g);
  }
  json out = {{"id", topic.id},
              {"anchor", "topic-" + topic.id},
              {"number", topic.number > 0 ? json(topic.number) : json(nullptr)},
              {"title", ctx.text(topic.title)},
              {"goal", ctx.text(topic.goal)},
              {"tasks", texts(ctx, topic.tasks)},
              {"expected_results", texts(ctx, topic.expected_results)},
              {"period", period_view(ctx, topic)},
              {"territory", ctx.text(topic.territory)},
              {"regions", regions},
              {"planned", stated(ctx, topic.amount)},
              {"grants", grants}};
  add_comparison(ctx, topic.amount, awarded, out);
  return out;
}

}  // namespace

json plan_view(const ViewContext& ctx, const Plan& plan) {
  const Portal& portal = ctx.portal;
  json directions = json::array();
  Awarded plan_awarded;
  int topic_count = 0;
  for (std::size_t i = 0; i < plan.directions.size(); ++i) {
    const PlanDirection& direction = plan.directions[i];
    Awarded direction_awarded;
    json topics = json::array();
    for (const PlanTopic& topic : direction.topics) {
      topics.push_back(topic_view(ctx, topic, direction_awarded, plan_awarded));
      ++topic_count;
    }
    json d = {{"number", i + 1},
              {"anchor", "direction-" + std::to_string(i + 1)},
              {"title", ctx.text(direction.title)},
              {"direction", nullptr},
              {"subtotal", stated(ctx, direction.subtotal)},
              {"topics", topics}};
    if (const Direction* named = portal.find_direction(direction.direction))
      d["direction"] = ctx.text(named->name);
    add_comparison(ctx, direction.subtotal, direction_awarded, d);
    directions.push_back(std::move(d));
  }
  json v = {{"id", plan.id},
            {"url", routes::url_of(plan, ctx.lang)},
            {"title", ctx.text(plan.title)},
            {"approved_by", ctx.text(plan.approved_by)},
            // A year is a name, not a quantity: no digit grouping ("2022", not "2 022").
            {"year", plan.year > 0 ? json(std::to_string(plan.year)) : json(nullptr)},
            {"operator", nullptr},
            // The source document by its title, in its own language (and lang attribute).
            {"source", ctx.original_text(plan.source, plan.source_language)},
            {"translation", ctx.translation(plan.source_language, "translation.plan_note")},
            {"total", stated(ctx, plan.total)},
            {"topic_count", ctx.integer(topic_count)},
            {"directions", directions}};
  if (const Organisation* op = portal.find_organisation(plan.operator_id))
    v["operator"] = ctx.text(op->name);
  add_comparison(ctx, plan.total, plan_awarded, v);
  return v;
}

json plans_index_view(const ViewContext& ctx) {
  std::vector<const Plan*> plans;
  for (const Plan& plan : ctx.portal.plans) plans.push_back(&plan);
  std::stable_sort(plans.begin(), plans.end(), [](const Plan* a, const Plan* b) {
    return a->year != b->year ? a->year > b->year : a->id < b->id;
  });
  json rows = json::array();
  for (const Plan* plan : plans) {
    json row = {{"id", plan->id},
                {"url", routes::url_of(*plan, ctx.lang)},
                {"year", plan->year > 0 ? json(std::to_string(plan->year)) : json(nullptr)},
                {"title", ctx.text(plan->title)},
                {"operator", nullptr},
                {"total", stated(ctx, plan->total)}};
    if (const Organisation* op = ctx.portal.find_organisation(plan->operator_id))
      row["operator"] = ctx.text(op->short_name.empty() ? op->name : op->short_name);
    rows.push_back(std::move(row));
  }
  return {{"plans", rows}};
}

}  // namespace ashyq::views
