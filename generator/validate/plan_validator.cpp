#include "validate/plan_validator.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#include "content/json_decoder.h"
#include "i18n/format.h"
#include "validate/reporter.h"

namespace ashyq {
namespace {

const Grant* find_grant(const Portal& portal, const std::string& id) {
  auto it = std::find_if(portal.grants.begin(), portal.grants.end(),
                         [&](const Grant& g) { return g.id == id; });
  return it == portal.grants.end() ? nullptr : &*it;
}

void check_topic(const Plan& plan, const PlanTopic& topic, const std::string& pointer,
                 const Portal& portal, const References& known, Reporter& report) {
  for (std::size_t i = 0; i < topic.regions.size(); ++i)
    if (!topic.regions[i].empty() && !known.region(topic.regions[i]))
      report.error(
          pointer + "/regions/" + std::to_string(i),
          "unknown region \"" + topic.regions[i] + "\"; use an id from content/regions.json");
  const std::string reference = plan.id + "/" + topic.id;
  for (std::size_t i = 0; i < topic.grants.size(); ++i) {
    const std::string& id = topic.grants[i];
    if (id.empty()) continue;
    const std::string p = pointer + "/grants/" + std::to_string(i);
    const Grant* grant = find_grant(portal, id);
    if (!grant) {
      if (!known.failed.grants.count(id))
        report.error(p, "unknown grant \"" + id + "\"; add content/grants/" + id +
                            "/grant.json or use the id of an existing grant");
      continue;
    }
    if (!grant->plan_topic.empty() && !topic.id.empty() && grant->plan_topic != reference)
      report.error(p, "grant \"" + id + "\" names plan topic \"" + grant->plan_topic +
                          "\" in its plan_topic, not \"" + reference +
                          "\"; list the grant under the topic it carries out, or correct its "
                          "plan_topic");
  }
}

// A subtotal is checked only when every topic states its amount: a missing amount is not zero and
// is never derived, so with one missing there is nothing to compare.
void check_subtotal(const PlanDirection& direction, const std::string& pointer, Reporter& report) {
  if (!direction.subtotal) return;
  Tenge sum;
  for (const PlanTopic& topic : direction.topics) {
    if (!topic.amount) return;
    sum += *topic.amount;
  }
  if (sum != *direction.subtotal)
    report.error(pointer + "/subtotal",
                 "the amounts of the " + std::to_string(direction.topics.size()) +
                     " topics of this direction sum to " + money_text(sum) +
                     ", but the subtotal says " + money_text(*direction.subtotal) +
                     "; the topics and the subtotal must agree");
}

void check_total(const Plan& plan, Reporter& report) {
  if (!plan.total) return;
  Tenge sum;
  for (const PlanDirection& direction : plan.directions) {
    if (!direction.subtotal) return;
    sum += *direction.subtotal;
  }
  if (sum != *plan.total)
    report.error("/total", "the subtotals of the " + std::to_string(plan.directions.size()) +
                               " directions sum to " + money_text(sum) +
                               ", but the stated total is " + money_text(*plan.total) +
                               "; the subtotals and the total must agree");
}

void check_plan(const Plan& plan, const Portal& portal, const References& known,
                const PublicContacts& contacts, Diagnostics& diagnostics) {
  Reporter report(plan.source_map, diagnostics);
  check_placeholders(plan.source_map, report);
  check_texts(plan.source_map, report);
  check_privacy(plan.source_map, report, contacts);
  const std::string stem = std::filesystem::path(plan.source_map.file).stem().string();
  if (!plan.id.empty() && !stem.empty() && plan.id != stem)
    report.error("/id", "id \"" + plan.id + "\" differs from the file name \"" + stem +
                            ".json\"; rename one so references and URLs stay stable");
  if (plan.year < 1991 || plan.year > 2100)
    report.error("/year", "year " + std::to_string(plan.year) +
                              " is out of range; write the year the plan is for, e.g. 2022");
  if (!plan.operator_id.empty() && !known.organisation(plan.operator_id))
    report.error("/operator", "unknown organisation \"" + plan.operator_id +
                                  "\"; add content/organisations/" + plan.operator_id +
                                  ".json or use an existing id");
  std::map<std::string, std::string> topic_ids;  // id → pointer of its first use
  for (std::size_t d = 0; d < plan.directions.size(); ++d) {
    const PlanDirection& direction = plan.directions[d];
    const std::string dp = "/directions/" + std::to_string(d);
    if (!direction.direction.empty() && !known.direction(direction.direction))
      report.error(dp + "/direction", "unknown priority direction \"" + direction.direction +
                                          "\"; use an id from content/directions.json");
    for (std::size_t t = 0; t < direction.topics.size(); ++t) {
      const PlanTopic& topic = direction.topics[t];
      const std::string tp = dp + "/topics/" + std::to_string(t);
      if (!topic.id.empty()) {
        auto [it, inserted] = topic_ids.emplace(topic.id, tp);
        if (!inserted)
          report.error(tp + "/id", "duplicate topic id \"" + topic.id +
                                       "\"; it is already used at " + it->second +
                                       "; ids must be unique within a plan");
      }
      check_range(report, tp + "/period", topic.period);
      check_topic(plan, topic, tp, portal, known, report);
    }
    check_subtotal(direction, dp, report);
  }
  check_total(plan, report);
}

}  // namespace

void validate_plans(const Portal& portal, Diagnostics& diagnostics, const LoadFailures& failed) {
  const References known{portal, failed};
  const PublicContacts contacts = declared_contacts(portal, known.failed);
  std::map<std::string, const Plan*> seen;  // id → first plan with it
  for (const Plan& plan : portal.plans) {
    if (!plan.id.empty()) {
      auto [it, inserted] = seen.emplace(plan.id, &plan);
      if (!inserted)
        Reporter(plan.source_map, diagnostics)
            .error("/id", "duplicate plan id \"" + plan.id + "\"; also used by " +
                              it->second->source_map.file + "; ids must be unique");
    }
    check_plan(plan, portal, known, contacts, diagnostics);
  }
}

}  // namespace ashyq
