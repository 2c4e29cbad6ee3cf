#include "content/plans.h"

#include <limits>

namespace ashyq {
namespace {

using nlohmann::json;

// A member given as null stands for a cell the document leaves empty: it reads as absent, with no
// finding, so that "not published" is never confused with a figure.
bool is_null_member(const json& node, std::string_view key) {
  if (!node.is_object()) return false;
  auto it = node.find(std::string(key));
  return it != node.end() && it->is_null();
}

std::optional<Tenge> stated_money(ObjectReader& r, const json& node, std::string_view key) {
  if (!r.has(key) || is_null_member(node, key)) return std::nullopt;
  const json& value = node.at(std::string(key));
  if (!value.is_number_integer() || value.get<std::int64_t>() < 0) {
    r.decoder().error(r.child(key),
                      "expected a non-negative whole number of tenge without separators, e.g. "
                      "91058000, or null when the document does not give the amount, found " +
                          describe_json(value));
    return std::nullopt;
  }
  return Tenge(value.get<std::int64_t>());
}

LocalizedText nullable_text(ObjectReader& r, const json& node, std::string_view key) {
  if (is_null_member(node, key)) return {};
  return r.text(key);
}

// "period": null, a date ("2022"), or {"start", "end", "text"} where "text" keeps the document's
// wording. Either a start or a text is needed; an end needs a start.
void read_period(JsonDecoder& d, ObjectReader& r, const json& node, PlanTopic& topic) {
  if (!r.has("period") || is_null_member(node, "period")) return;
  const json& value = node.at("period");
  const std::string pointer = r.child("period");
  if (value.is_string()) {
    topic.period = r.range("period");
    return;
  }
  if (!value.is_object()) {
    d.error(pointer,
            "expected a date YYYY, YYYY-MM or YYYY-MM-DD, {\"start\": …, \"end\": …, \"text\": "
            "…}, or null when the document does not give the period, found " +
                describe_json(value));
    return;
  }
  ObjectReader p(d, value, pointer, {"start", "end", "text"});
  topic.period_text = p.text("text");
  const bool dated = p.has("start") || p.has("end");
  if (!dated && !p.has("text")) {
    d.error(pointer,
            "a period needs \"start\" (a date) or \"text\" (the document's wording); "
            "write null when the document does not give the period");
    return;
  }
  if (!dated) return;
  auto start = p.date("start", true);
  auto end = p.date("end");
  if (!start) return;
  topic.period = DateRange{*start, end};  // an end before the start is validation's
}

PlanTopic read_topic(JsonDecoder& d, const json& node, const std::string& pointer) {
  ObjectReader r(d, node, pointer,
                 {"id", "number", "title", "goal", "tasks", "period", "territory", "regions",
                  "amount", "expected_results", "grants"});
  PlanTopic t;
  if (!r.valid()) return t;
  t.id = r.slug("id", true);
  t.number = static_cast<int>(r.count("number").value_or(0));
  t.title = r.text("title", true);
  t.goal = nullable_text(r, node, "goal");
  t.tasks = r.text_list("tasks");
  read_period(d, r, node, t);
  t.territory = nullable_text(r, node, "territory");
  t.regions = r.slug_list("regions");
  t.amount = stated_money(r, node, "amount");
  t.expected_results = r.text_list("expected_results");
  t.grants = r.slug_list("grants");
  return t;
}

PlanDirection read_direction(JsonDecoder& d, const json& node, const std::string& pointer) {
  ObjectReader r(d, node, pointer, {"title", "direction", "subtotal", "topics"});
  PlanDirection direction;
  if (!r.valid()) return direction;
  direction.title = r.text("title", true);
  direction.direction = r.slug("direction");
  direction.subtotal = stated_money(r, node, "subtotal");
  r.array(
      "topics",
      [&](const json& item, const std::string& p) {
        direction.topics.push_back(read_topic(d, item, p));
      },
      true);
  return direction;
}

}  // namespace

Plan decode_plan(JsonDecoder& d, const json& root) {
  Plan plan;
  ObjectReader r(d, root, "",
                 {"$schema", "id", "title", "approved_by", "year", "operator", "source",
                  "source_language", "directions", "total"});
  if (!r.valid()) return plan;
  plan.id = r.slug("id", true);
  plan.title = r.text("title", true);
  plan.approved_by = r.text("approved_by");
  // Whether the year is plausible is validation's; a number no year can be is refused here.
  if (auto year = r.count("year", true)) {
    if (*year > std::numeric_limits<int>::max())
      d.error(r.child("year"), "year " + std::to_string(*year) +
                                   " is not a year; write the year the plan is for, e.g. 2022");
    else
      plan.year = static_cast<int>(*year);
  }
  plan.operator_id = r.slug("operator", true);
  // The source is named by the document's title, as a reader can look it up; an editor's file
  // name ("002_bc6f90b9c9ad1e41.txt") means nothing to a reader and is refused.
  if (r.has("source") && root.at("source").is_string())
    d.error(r.child("source"),
            "name the source document by its title in both languages, {\"kk\": \"…\", \"ru\": "
            "\"…\"}, as the document titles itself; found the string \"" +
                root.at("source").get<std::string>() + "\"");
  else
    plan.source = r.text("source");
  plan.source_language = r.language("source_language");
  r.array(
      "directions",
      [&](const json& item, const std::string& p) {
        plan.directions.push_back(read_direction(d, item, p));
      },
      true);
  plan.total = stated_money(r, root, "total");
  return plan;
}

}  // namespace ashyq
