#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/json_positions.h"
#include "content/loader.h"
#include "content/plans.h"
#include "i18n/format.h"
#include "i18n/ui_strings.h"
#include "render/renderer.h"
#include "validate/plan_validator.h"
#include "views/plan_view.h"
#include "views/view_context.h"

// Every name below is synthetic ("Test operator", "test-grant-a", 2030): the tests describe
// behaviour, not the real plan, except where a test says it reads content/.

namespace ashyq {
namespace {

using nlohmann::json;

static_assert(sizeof("\u00A0") == 3, "the execution character set must be UTF-8");

const char* const kPlanFile = "content/plans/test-plan.json";

// A plan file as the loader prepares it: parsed, positions indexed, decoded into a Plan whose
// source map names kPlanFile. Findings of decoding go into `diagnostics`.
struct DecodedPlan {
  explicit DecodedPlan(const std::string& text, const std::string& file = kPlanFile) {
    SourceMap source;
    source.file = file;
    source.positions = index_json_positions(text);
    JsonDecoder decoder(source, diagnostics);
    plan = decode_plan(decoder, json::parse(text));
    plan.source_map = std::move(source);
  }
  Diagnostics diagnostics;
  Plan plan;
};

// Every finding as the user sees it (without the quoted source line), in sorted order.
std::string findings(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.sorted()) out += format_diagnostic(d);
  return out;
}

// Errors only: the rule tables below use Russian-only texts, which also (rightly) draw
// missing-language warnings that are not what those cases test.
std::string error_findings(const Diagnostics& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics.sorted())
    if (d.severity == Severity::error) out += format_diagnostic(d);
  return out;
}

LocalizedText text(std::string_view kk, std::string_view ru) { return {kk, ru}; }

// ---------------------------------------------------------------------------------------------
// Decoding

const char* const kValidPlan = R"({
  "$schema": "../../schemas/plan.schema.json",
  "id": "test-plan",
  "title": {"kk": "Сынақ жоспары", "ru": "Тестовый план"},
  "approved_by": {"kk": "Сынақ бұйрығымен бекітілген", "ru": "Утверждён тестовым приказом"},
  "year": 2030,
  "operator": "test-operator",
  "source": {"kk": "Сынақ жоспарының құжаты", "ru": "Документ тестового плана"},
  "source_language": "kk",
  "directions": [
    {
      "title": {"kk": "Сынақ бағыты", "ru": "Тестовое направление"},
      "direction": "test-direction",
      "subtotal": 1500,
      "topics": [
        {
          "id": "topic-a",
          "number": 1,
          "title": {"kk": "А тақырыбы", "ru": "Тема А"},
          "goal": {"kk": "Сынақ мақсаты", "ru": "Тестовая цель"},
          "tasks": [{"kk": "Бірінші міндет", "ru": "Первая задача"}],
          "period": {"start": "2030-07", "end": "2030-11", "text": {"kk": "2030 жылғы шілде-қараша", "ru": "июль–ноябрь 2030 года"}},
          "territory": {"kk": "Сынақ облысы", "ru": "Тестовая область"},
          "regions": ["test-region"],
          "amount": 1000,
          "expected_results": [{"kk": "Сынақ нәтижесі", "ru": "Тестовый результат"}],
          "grants": ["test-grant-a", "test-grant-b"]
        },
        {
          "id": "topic-b",
          "number": 2,
          "title": {"kk": "Б тақырыбы", "ru": "Тема Б"},
          "goal": null,
          "period": null,
          "territory": null,
          "amount": null
        }
      ]
    }
  ],
  "total": 1500
})";

TEST_CASE("A plan file decodes with every field it may have, and no findings", "[plans]") {
  DecodedPlan decoded(kValidPlan);
  CHECK(findings(decoded.diagnostics) == "");
  const Plan& plan = decoded.plan;
  CHECK(plan.id == "test-plan");
  CHECK(plan.title.in(Lang::kk) == "Сынақ жоспары");
  CHECK(plan.approved_by.in(Lang::ru) == "Утверждён тестовым приказом");
  CHECK(plan.year == 2030);
  CHECK(plan.operator_id == "test-operator");
  CHECK(plan.source.in(Lang::kk) == "Сынақ жоспарының құжаты");
  CHECK(plan.source_language == Lang::kk);
  REQUIRE(plan.total);
  CHECK(plan.total->value() == 1500);
  REQUIRE(plan.directions.size() == 1);
  const PlanDirection& direction = plan.directions[0];
  CHECK(direction.title.in(Lang::ru) == "Тестовое направление");
  CHECK(direction.direction == "test-direction");
  REQUIRE(direction.subtotal);
  CHECK(direction.subtotal->value() == 1500);
  REQUIRE(direction.topics.size() == 2);
  const PlanTopic& a = direction.topics[0];
  CHECK(a.id == "topic-a");
  CHECK(a.number == 1);
  CHECK(a.goal.in(Lang::kk) == "Сынақ мақсаты");
  REQUIRE(a.tasks.size() == 1);
  CHECK(a.tasks[0].in(Lang::ru) == "Первая задача");
  REQUIRE(a.period);
  CHECK(a.period->start.iso() == "2030-07");
  REQUIRE(a.period->end);
  CHECK(a.period->end->iso() == "2030-11");
  CHECK(a.period_text.in(Lang::kk) == "2030 жылғы шілде-қараша");
  CHECK(a.territory.in(Lang::ru) == "Тестовая область");
  CHECK(a.regions == std::vector<std::string>{"test-region"});
  REQUIRE(a.amount);
  CHECK(a.amount->value() == 1000);
  REQUIRE(a.expected_results.size() == 1);
  CHECK(a.grants == std::vector<std::string>{"test-grant-a", "test-grant-b"});
}

TEST_CASE("A null amount, period, goal or territory stays absent: never zero, never derived",
          "[plans]") {
  DecodedPlan decoded(kValidPlan);
  REQUIRE(findings(decoded.diagnostics) == "");
  const PlanTopic& b = decoded.plan.directions.at(0).topics.at(1);
  CHECK_FALSE(b.amount.has_value());
  CHECK_FALSE(b.period.has_value());
  CHECK(b.period_text.empty());
  CHECK(b.goal.empty());
  CHECK(b.territory.empty());
  // The subtotal (1500) minus topic A (1000) would "give" 500 for topic B: it must not.
  CHECK(b.amount == std::nullopt);

  // Left out entirely is the same as null.
  DecodedPlan without(R"({"id": "test-plan", "title": {"ru": "План"}, "year": 2030,
    "operator": "test-operator", "directions": [{"title": {"ru": "Н"}, "topics": [
    {"id": "t", "title": {"ru": "Т"}}]}]})");
  CHECK(findings(without.diagnostics) == "");
  CHECK_FALSE(without.plan.total.has_value());
  CHECK_FALSE(without.plan.directions.at(0).subtotal.has_value());
  CHECK_FALSE(without.plan.directions.at(0).topics.at(0).amount.has_value());
}

TEST_CASE("Malformed plan records are reported with file, place and an exact message", "[plans]") {
  struct Case {
    const char* what;
    const char* json;
    const char* findings;
  };
  static const Case kCases[] = {
      {"unknown field at the top", R"({"id": "p", "title": {"ru": "П"}, "year": 2030,
"operator": "o", "directions": [], "budget": 5})",
       "content/plans/test-plan.json:2:36: error: /budget: unknown field \"budget\"; expected one "
       "of: $schema, id, title, approved_by, year, operator, source, source_language, directions, "
       "total\n"},
      {"source named by a file name", R"({"id": "p", "title": {"ru": "П"}, "year": 2030,
"operator": "o", "directions": [], "source": "002_bc6f90b9c9ad1e41.txt"})",
       "content/plans/test-plan.json:2:36: error: /source: name the source document by its title "
       "in both languages, {\"kk\": \"…\", \"ru\": \"…\"}, as the document titles itself; found "
       "the string \"002_bc6f90b9c9ad1e41.txt\"\n"},
      {"source language not kk or ru", R"({"id": "p", "title": {"ru": "П"}, "year": 2030,
"operator": "o", "directions": [], "source_language": "kz"})",
       "content/plans/test-plan.json:2:36: error: /source_language: expected the language the "
       "source document is written in, \"kk\" (Kazakh) or \"ru\" (Russian), found string "
       "\"kz\"\n"},
      {"unknown field in a topic", R"({"id": "p", "title": {"ru": "П"}, "year": 2030,
"operator": "o", "directions": [{"title": {"ru": "Н"}, "topics": [
{"id": "t", "title": {"ru": "Т"}, "colour": "red"}]}]})",
       "content/plans/test-plan.json:3:35: error: /directions/0/topics/0/colour: unknown field "
       "\"colour\"; expected one of: id, number, title, goal, tasks, period, territory, regions, "
       "amount, expected_results, grants\n"},
      {"unknown field in a direction", R"({"id": "p", "title": {"ru": "П"}, "year": 2030,
"operator": "o", "directions": [{"title": {"ru": "Н"}, "sum": 1, "topics": []}]})",
       "content/plans/test-plan.json:2:56: error: /directions/0/sum: unknown field \"sum\"; "
       "expected one of: title, direction, subtotal, topics\n"},
      {"amount with separators", R"({"id": "p", "title": {"ru": "П"}, "year": 2030,
"operator": "o", "directions": [{"title": {"ru": "Н"}, "topics": [
{"id": "t", "title": {"ru": "Т"}, "amount": "91 058 000"}]}]})",
       "content/plans/test-plan.json:3:35: error: /directions/0/topics/0/amount: expected a "
       "non-negative whole number of tenge without separators, e.g. 91058000, or null when the "
       "document does not give the amount, found string \"91 058 000\"\n"},
      {"negative total", R"({"id": "p", "title": {"ru": "П"}, "year": 2030,
"operator": "o", "directions": [], "total": -1})",
       "content/plans/test-plan.json:2:36: error: /total: expected a non-negative whole number "
       "of tenge without separators, e.g. 91058000, or null when the document does not give the "
       "amount, found number -1\n"},
      {"missing title and directions", R"({"id": "p", "year": 2030, "operator": "o"})",
       "content/plans/test-plan.json:1:1: error: /directions: missing required field "
       "\"directions\" (an array)\n"
       "content/plans/test-plan.json:1:1: error: /title: missing required field \"title\" (a "
       "text {\"kk\": …, \"ru\": …})\n"},
      {"period end without a start", R"({"id": "p", "title": {"ru": "П"}, "year": 2030,
"operator": "o", "directions": [{"title": {"ru": "Н"}, "topics": [
{"id": "t", "title": {"ru": "Т"}, "period": {"end": "2030-07"}}]}]})",
       "content/plans/test-plan.json:3:35: error: /directions/0/topics/0/period/start: missing "
       "required field \"start\" (a date)\n"},
      {"empty period", R"({"id": "p", "title": {"ru": "П"}, "year": 2030,
"operator": "o", "directions": [{"title": {"ru": "Н"}, "topics": [
{"id": "t", "title": {"ru": "Т"}, "period": {}}]}]})",
       "content/plans/test-plan.json:3:35: error: /directions/0/topics/0/period: a period needs "
       "\"start\" (a date) or \"text\" (the document's wording); write null when the document "
       "does not give the period\n"},
      {"year no int can hold", R"({"id": "p", "title": {"ru": "П"}, "year": 99999999999,
"operator": "o", "directions": []})",
       "content/plans/test-plan.json:1:35: error: /year: year 99999999999 is not a year; write "
       "the year the plan is for, e.g. 2022\n"},
      {"grant id that is not an id", R"({"id": "p", "title": {"ru": "П"}, "year": 2030,
"operator": "o", "directions": [{"title": {"ru": "Н"}, "topics": [
{"id": "t", "title": {"ru": "Т"}, "grants": ["Test Grant"]}]}]})",
       "content/plans/test-plan.json:3:46: error: /directions/0/topics/0/grants/0: expected an id "
       "(lowercase ASCII letters, digits, hyphens), found string \"Test Grant\"\n"},
  };
  for (const Case& c : kCases) {
    INFO(c.what);
    DecodedPlan decoded(c.json);
    CHECK(findings(decoded.diagnostics) == c.findings);
  }
}

TEST_CASE("A period given only in the document's words keeps the words and no dates", "[plans]") {
  DecodedPlan decoded(R"({"id": "p", "title": {"ru": "П"}, "year": 2030, "operator": "o",
    "directions": [{"title": {"ru": "Н"}, "topics": [{"id": "t", "title": {"ru": "Т"},
    "period": {"text": {"ru": "в течение года"}}}]}]})");
  CHECK(findings(decoded.diagnostics) == "");
  const PlanTopic& topic = decoded.plan.directions.at(0).topics.at(0);
  CHECK_FALSE(topic.period.has_value());
  CHECK(topic.period_text.in(Lang::ru) == "в течение года");
}

TEST_CASE("The real 2022 additional plan decodes without findings, its missing amounts absent",
          "[plans]") {
  const std::filesystem::path file =
      std::filesystem::path(ASHYQ_SOURCE_DIR) / "content" / "plans" / "2022-additional.json";
  const std::optional<std::string> text = read_file(file);
  REQUIRE(text);
  DecodedPlan decoded(*text, "content/plans/2022-additional.json");
  CHECK(findings(decoded.diagnostics) == "");
  const Plan& plan = decoded.plan;
  CHECK(plan.id == "2022-additional");
  CHECK(plan.year == 2022);
  REQUIRE(plan.total);
  CHECK(plan.total->value() == 399826000);
  REQUIRE(plan.directions.size() == 2);
  int missing = 0;
  for (const PlanDirection& direction : plan.directions)
    for (const PlanTopic& topic : direction.topics) missing += topic.amount ? 0 : 1;
  CHECK(missing == 3);  // the document gives no amount for three of the five topics

  // And it passes the plan checks against the real regions, directions, organisations and grants.
  Diagnostics load_findings;
  Portal portal = load_portal(ASHYQ_SOURCE_DIR, load_findings);
  portal.plans = {plan};
  Diagnostics diagnostics;
  validate_plans(portal, diagnostics);
  CHECK(findings(diagnostics) == "");
}

// ---------------------------------------------------------------------------------------------
// Validation

// Lines and columns below refer to this text. Values a case changes each begin a line or are
// easy to count to.
const char* const kCheckedPlan = R"({
  "id": "test-plan",
  "title": {"ru": "Тестовый план"},
  "year": 2030,
  "operator": "test-operator",
  "directions": [
    {
      "title": {"ru": "Направление А"},
      "direction": "test-direction",
      "subtotal": 300,
      "topics": [
        {"id": "topic-a", "number": 1, "title": {"ru": "Тема"},
         "regions": ["test-region"], "amount": 100, "grants": ["test-grant-a"]},
        {"id": "topic-b", "number": 2, "title": {"ru": "Тема"},
         "amount": 200}
      ]
    },
    {
      "title": {"ru": "Направление Б"},
      "subtotal": 50,
      "topics": [{"id": "topic-c", "number": 3, "title": {"ru": "Тема"}, "amount": 50}]
    }
  ],
  "total": 350
})";

// The portal the checked plan refers to: one of each, all synthetic.
Portal checked_portal(const std::string& grant_plan_topic) {
  Portal portal;
  Region region;
  region.id = "test-region";
  portal.regions = {region};
  Direction direction;
  direction.id = "test-direction";
  portal.directions = {direction};
  Organisation op;
  op.id = "test-operator";
  portal.organisations = {op};
  Grant grant;
  grant.id = "test-grant-a";
  grant.plan_topic = grant_plan_topic;
  portal.grants = {grant};
  return portal;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

TEST_CASE("Plan checks report each wrong reference and sum at its place, with an exact message",
          "[plans]") {
  struct Case {
    const char* what;
    const char* from;  // replaced once in kCheckedPlan ("" for no change)
    const char* to;
    const char* grant_plan_topic;
    const char* findings;
  };
  static const Case kCases[] = {
      {"a consistent plan", "", "", "test-plan/topic-a", ""},
      {"a grant without plan_topic", "", "", "", ""},
      {"unknown operator", "\"test-operator\"", "\"no-such-operator\"", "",
       "content/plans/test-plan.json:5:3: error: /operator: unknown organisation "
       "\"no-such-operator\"; add content/organisations/no-such-operator.json or use an existing "
       "id\n"},
      {"unknown priority direction", "\"test-direction\"", "\"no-such-direction\"", "",
       "content/plans/test-plan.json:9:7: error: /directions/0/direction: unknown priority "
       "direction \"no-such-direction\"; use an id from content/directions.json\n"},
      {"unknown region", "\"test-region\"", "\"no-such-region\"", "",
       "content/plans/test-plan.json:13:22: error: /directions/0/topics/0/regions/0: unknown "
       "region \"no-such-region\"; use an id from content/regions.json\n"},
      {"unknown grant", "\"test-grant-a\"", "\"no-such-grant\"", "",
       "content/plans/test-plan.json:13:64: error: /directions/0/topics/0/grants/0: unknown grant "
       "\"no-such-grant\"; add content/grants/no-such-grant/grant.json or use the id of an "
       "existing grant\n"},
      {"duplicate topic id", "\"topic-b\"", "\"topic-a\"", "",
       "content/plans/test-plan.json:14:10: error: /directions/0/topics/1/id: duplicate topic id "
       "\"topic-a\"; it is already used at /directions/0/topics/0; ids must be unique within a "
       "plan\n"},
      {"subtotal that differs from its topics", "\"subtotal\": 300", "\"subtotal\": 310", "",
       "content/plans/test-plan.json:10:7: error: /directions/0/subtotal: the amounts of the 2 "
       "topics of this direction sum to 300, but the subtotal says 310; the topics and the "
       "subtotal must agree\n"
       "content/plans/test-plan.json:24:3: error: /total: the subtotals of the 2 directions sum "
       "to 360, but the stated total is 350; the subtotals and the total must agree\n"},
      {"subtotal not checked when a topic amount is missing", "\"amount\": 200", "\"amount\": null",
       "", ""},
      {"total that differs from the subtotals", "\"total\": 350", "\"total\": 351", "",
       "content/plans/test-plan.json:24:3: error: /total: the subtotals of the 2 directions sum "
       "to 350, but the stated total is 351; the subtotals and the total must agree\n"},
      {"total not checked when a subtotal is missing", "\"subtotal\": 50", "\"subtotal\": null", "",
       ""},
      {"total given as null", "\"total\": 350", "\"total\": null", "", ""},
      {"grant whose plan_topic names another topic", "", "", "test-plan/topic-b",
       "content/plans/test-plan.json:13:64: error: /directions/0/topics/0/grants/0: grant "
       "\"test-grant-a\" names plan topic \"test-plan/topic-b\" in its plan_topic, not "
       "\"test-plan/topic-a\"; list the grant under the topic it carries out, or correct its "
       "plan_topic\n"},
      {"grant whose plan_topic names another plan", "", "", "other-plan/topic-a",
       "content/plans/test-plan.json:13:64: error: /directions/0/topics/0/grants/0: grant "
       "\"test-grant-a\" names plan topic \"other-plan/topic-a\" in its plan_topic, not "
       "\"test-plan/topic-a\"; list the grant under the topic it carries out, or correct its "
       "plan_topic\n"},
      {"period end before start", "\"amount\": 200}",
       "\"amount\": 200, \"period\": {\"start\": \"2030-11\", \"end\": \"2030-07\"}}", "",
       "content/plans/test-plan.json:15:56: error: /directions/0/topics/1/period/end: end 2030-07 "
       "is before start 2030-11; swap them or correct the date\n"},
      {"period ending the day before it starts", "\"amount\": 200}",
       "\"amount\": 200, \"period\": {\"start\": \"2030-04-15\", \"end\": \"2030-04-14\"}}", "",
       "content/plans/test-plan.json:15:59: error: /directions/0/topics/1/period/end: end "
       "2030-04-14 is before start 2030-04-15; swap them or correct the date\n"},
      {"year out of range", "\"year\": 2030", "\"year\": 22", "",
       "content/plans/test-plan.json:4:3: error: /year: year 22 is out of range; write the year "
       "the plan is for, e.g. 2022\n"},
      {"id that differs from the file name", "\"id\": \"test-plan\"", "\"id\": \"other-plan\"", "",
       "content/plans/test-plan.json:2:3: error: /id: id \"other-plan\" differs from the file "
       "name \"test-plan.json\"; rename one so references and URLs stay stable\n"},
  };
  for (const Case& c : kCases) {
    INFO(c.what);
    const std::string text = *c.from ? replaced(kCheckedPlan, c.from, c.to) : kCheckedPlan;
    DecodedPlan decoded(text);
    REQUIRE(findings(decoded.diagnostics) == "");
    Portal portal = checked_portal(c.grant_plan_topic);
    portal.plans = {decoded.plan};
    Diagnostics diagnostics;
    validate_plans(portal, diagnostics);
    CHECK(error_findings(diagnostics) == c.findings);
  }
}

TEST_CASE("Two plan files with the same id are reported at the second one", "[plans]") {
  DecodedPlan first(kCheckedPlan);
  DecodedPlan second(kCheckedPlan, "content/plans/test-plan-copy.json");
  REQUIRE(findings(first.diagnostics) == "");
  REQUIRE(findings(second.diagnostics) == "");
  Portal portal = checked_portal("");
  portal.plans = {first.plan, second.plan};
  Diagnostics diagnostics;
  validate_plans(portal, diagnostics);
  CHECK(error_findings(diagnostics) ==
        "content/plans/test-plan-copy.json:2:3: error: /id: duplicate plan id \"test-plan\"; also "
        "used by content/plans/test-plan.json; ids must be unique\n"
        "content/plans/test-plan-copy.json:2:3: error: /id: id \"test-plan\" differs from the "
        "file name \"test-plan-copy.json\"; rename one so references and URLs stay stable\n");
}

// ---------------------------------------------------------------------------------------------
// Views

// The UI strings the views ask for (status labels), in both languages.
i18n::UiStrings view_strings() {
  i18n::UiStrings s;
  const struct {
    const char* key;
    const char* kk;
    const char* ru;
  } kStrings[] = {
      {"status.application", "Өтінім", "Заявка"},
      {"status.planned", "Жоспарланған", "Запланирован"},
      {"status.in_progress", "Іске асырылуда", "Реализуется"},
      {"status.completed", "Аяқталған", "Завершён"},
  };
  for (const auto& row : kStrings) {
    s.set(Lang::kk, row.key, row.kk);
    s.set(Lang::ru, row.key, row.ru);
  }
  return s;
}

Grant synthetic_grant(const std::string& id, GrantStatus status,
                      std::optional<std::int64_t> amount) {
  Grant g;
  g.id = id;
  g.status = status;
  g.title = text("Сынақ гранты " + id, "Тестовый грант " + id);
  if (amount) g.amount = Tenge(*amount);
  return g;
}

// A portal with one plan of two directions: topic A (planned 1 000 000) carried out by a completed,
// an in-progress, a planned and an applied-for grant; topic B with no amount in the document;
// topic C with a stated amount and no grants yet.
Portal view_portal() {
  Portal portal;
  Region region;
  region.id = "test-region";
  region.name = text("Сынақ облысы", "Тестовая область");
  portal.regions = {region};
  Direction direction;
  direction.id = "test-direction";
  direction.name = text("Сынақ басым бағыты", "Тестовое приоритетное направление");
  portal.directions = {direction};
  Organisation op;
  op.id = "test-operator";
  op.name = text("Сынақ операторы", "Тестовый оператор");
  portal.organisations = {op};
  portal.grants = {
      synthetic_grant("test-grant-applied", GrantStatus::application, 50000),
      synthetic_grant("test-grant-completed", GrantStatus::completed, 700000),
      synthetic_grant("test-grant-in-progress", GrantStatus::in_progress, 200000),
      synthetic_grant("test-grant-planned", GrantStatus::planned, 400000),
      synthetic_grant("test-grant-unpriced", GrantStatus::planned, std::nullopt),
  };

  PlanTopic a;
  a.id = "topic-a";
  a.number = 1;
  a.title = text("А тақырыбы", "Тема А");
  a.goal = text("Сынақ мақсаты", "Тестовая цель");
  a.tasks = {text("Міндет", "Задача")};
  a.period = DateRange{*PartialDate::parse("2030-07"), PartialDate::parse("2030-11")};
  a.period_text = text("2030 жылғы шілде-қараша", "июль–ноябрь 2030 года");
  a.territory = text("Сынақ облысы", "Тестовая область");
  a.regions = {"test-region"};
  a.amount = Tenge(1000000);
  a.grants = {"test-grant-completed", "test-grant-in-progress", "test-grant-planned",
              "test-grant-applied"};
  PlanTopic b;
  b.id = "topic-b";
  b.number = 2;
  b.title = text("Б тақырыбы", "Тема Б");
  b.period_text = text("жыл бойы", "в течение года");
  b.grants = {"test-grant-unpriced", "test-grant-completed"};
  PlanTopic c;
  c.id = "topic-c";
  c.number = 3;
  c.title = text("В тақырыбы", "Тема В");
  c.amount = Tenge(300000);

  PlanDirection first;
  first.title = text("Бірінші бағыт", "Первое направление");
  first.direction = "test-direction";
  first.subtotal = Tenge(1500000);
  first.topics = {a, b};
  PlanDirection second;
  second.title = text("Екінші бағыт", "Второе направление");
  second.topics = {c};  // the document gives no subtotal here

  Plan plan;
  plan.id = "test-plan";
  plan.year = 2030;
  plan.title = text("Сынақ жоспары", "Тестовый план");
  plan.approved_by = text("Сынақ бұйрығы", "Тестовый приказ");
  plan.operator_id = "test-operator";
  plan.source = text("Сынақ жоспарының құжаты", "Документ тестового плана");
  plan.source_language = Lang::kk;
  plan.directions = {first, second};
  plan.total = Tenge(1800000);
  portal.plans = {plan};
  return portal;
}

TEST_CASE(
    "A topic's planned amount stands against what its in-progress and completed grants "
    "were awarded",
    "[plans]") {
  const Portal portal = view_portal();
  const i18n::UiStrings strings = view_strings();
  const views::ViewContext ctx{portal, strings, Lang::ru};
  const json v = views::plan_view(ctx, portal.plans[0]);

  const json& a = v["directions"][0]["topics"][0];
  CHECK(a["number"] == 1);
  CHECK(a["anchor"] == "topic-topic-a");
  CHECK(a["title"]["text"] == "Тема А");
  CHECK(a["goal"]["text"] == "Тестовая цель");
  CHECK(a["tasks"].size() == 1);
  CHECK(a["territory"]["text"] == "Тестовая область");
  CHECK(a["regions"] == json::array({{{"text", "Тестовая область"},
                                      {"lang", "ru"},
                                      {"fallback", false},
                                      {"fallback_note", nullptr}}}));
  // The dates formatted in the page's language, not the document's wording.
  CHECK(a["period"]["text"] ==
        i18n::format_range(*portal.plans[0].directions[0].topics[0].period, Lang::ru));
  CHECK(a["planned"]["text"] == "1\u00A0000\u00A0000\u00A0₸");
  // 700 000 completed + 200 000 in progress; the planned grant and the application do not count.
  CHECK(a["awarded"]["text"] == "900\u00A0000\u00A0₸");
  // The plan states the planned figure; the awarded sum and the difference are the portal's.
  CHECK(a["planned"]["reported"] == true);
  CHECK(a["awarded"]["computed"] == true);
  CHECK(a["difference"]["computed"] == true);
  CHECK(a["awarded_count"] == "2");
  CHECK(a["awarded_incomplete"] == false);
  CHECK(a["difference"]["text"] == "\u2212100\u00A0000\u00A0₸");  // a real minus sign
  CHECK(a["awarded_share"]["text"] == "90\u00A0%");

  const json& grants = a["grants"];
  REQUIRE(grants.size() == 4);
  CHECK(grants[0]["title"]["text"] == "Тестовый грант test-grant-completed");
  CHECK(grants[0]["url"] == "/ru/grants/test-grant-completed/");
  CHECK(grants[0]["status"] == "Завершён");
  CHECK(grants[0]["status_key"] == "completed");
  CHECK(grants[0]["amount"]["text"] == "700\u00A0000\u00A0₸");
  CHECK(grants[0]["awarded"] == true);
  CHECK(grants[2]["status"] == "Запланирован");
  CHECK(grants[2]["awarded"] == false);
  CHECK(grants[3]["status"] == "Заявка");
  CHECK(grants[3]["awarded"] == false);

  // Topic C: planned, nothing awarded yet, so the whole planned amount is the difference.
  const json& c = v["directions"][1]["topics"][0];
  CHECK(c["planned"]["text"] == "300\u00A0000\u00A0₸");
  CHECK(c["awarded"]["text"] == "0\u00A0₸");
  CHECK(c["difference"]["text"] == "\u2212300\u00A0000\u00A0₸");
  CHECK(c["grants"] == json::array());
  CHECK(c["period"].is_null());  // neither dates nor the document's wording
  CHECK(c["goal"].is_null());
  CHECK(c["territory"].is_null());

  // Directions: the subtotal as stated; a grant listed under two topics counts once.
  const json& first = v["directions"][0];
  CHECK(first["number"] == 1);
  CHECK(first["title"]["text"] == "Первое направление");
  CHECK(first["direction"]["text"] == "Тестовое приоритетное направление");
  CHECK(first["subtotal"]["text"] == "1\u00A0500\u00A0000\u00A0₸");
  CHECK(first["awarded"]["text"] == "900\u00A0000\u00A0₸");
  CHECK(first["difference"]["text"] == "\u2212600\u00A0000\u00A0₸");

  // The plan.
  CHECK(v["title"]["text"] == "Тестовый план");
  CHECK(v["approved_by"]["text"] == "Тестовый приказ");
  CHECK(v["year"] == "2030");  // a year, not a grouped number
  CHECK(v["operator"]["text"] == "Тестовый оператор");
  // The source by its title in the document's own language, and the page marked as translated.
  CHECK(v["source"] == json{{"text", "Сынақ жоспарының құжаты"}, {"lang", "kk"}});
  CHECK(v["translation"]["source_lang"] == "kk");
  CHECK(v["url"] == "/ru/plans/test-plan/");
  CHECK(v["total"]["text"] == "1\u00A0800\u00A0000\u00A0₸");
  CHECK(v["awarded"]["text"] == "900\u00A0000\u00A0₸");
  CHECK(v["difference"]["text"] == "\u2212900\u00A0000\u00A0₸");
  CHECK(v["topic_count"] == "3");
}

TEST_CASE(
    "A topic or direction without a stated amount shows it as not published, with no "
    "difference",
    "[plans]") {
  const Portal portal = view_portal();
  const i18n::UiStrings strings = view_strings();
  for (Lang lang : kAllLangs) {
    INFO(lang_code(lang));
    const views::ViewContext ctx{portal, strings, lang};
    const json v = views::plan_view(ctx, portal.plans[0]);
    const json& b = v["directions"][0]["topics"][1];
    CHECK(b["planned"]["not_reported"] == true);
    CHECK(b["difference"].is_null());
    CHECK(b["awarded_share"].is_null());
    // What was awarded is still shown: it is a fact about the grants, not about the plan.
    CHECK(b["awarded"]["text"] == ctx.money(Tenge(700000)));
    // The document's wording of the period, since it gives no dates.
    CHECK(b["period"]["text"] == portal.plans[0].directions[0].topics[1].period_text.in(lang));

    const json& second = v["directions"][1];
    CHECK(second["subtotal"]["not_reported"] == true);
    CHECK(second["difference"].is_null());
    CHECK(second["direction"].is_null());
    CHECK(second["awarded"]["text"] == ctx.money(Tenge(0)));
  }
}

TEST_CASE(
    "An awarded grant without a published amount makes the awarded sum a lower bound, with "
    "no difference",
    "[plans]") {
  Portal portal = view_portal();
  portal.grants[2].amount.reset();  // the grant in progress
  const i18n::UiStrings strings = view_strings();
  const json a = json(views::plan_view(views::ViewContext{portal, strings, Lang::ru},
                                       portal.plans[0]))["directions"][0]["topics"][0];
  CHECK(a["awarded"]["text"] == "700\u00A0000\u00A0₸");
  CHECK(a["awarded_incomplete"] == true);
  CHECK(a["difference"].is_null());
  CHECK(a["grants"][1]["amount"]["not_reported"] == true);
}

TEST_CASE("The plans index lists plans newest first with year, title and stated total", "[plans]") {
  Portal portal = view_portal();
  Plan older = portal.plans[0];
  older.id = "test-plan-older";
  older.year = 2029;
  older.total.reset();
  portal.plans.insert(portal.plans.begin(), older);
  const i18n::UiStrings strings = view_strings();
  const json v = views::plans_index_view(views::ViewContext{portal, strings, Lang::kk});
  REQUIRE(v["plans"].size() == 2);
  CHECK(v["plans"][0]["id"] == "test-plan");
  CHECK(v["plans"][0]["year"] == "2030");
  CHECK(v["plans"][0]["url"] == "/kk/plans/test-plan/");
  CHECK(v["plans"][0]["title"]["text"] == "Сынақ жоспары");
  CHECK(v["plans"][0]["total"]["text"] == "1\u00A0800\u00A0000\u00A0₸");
  CHECK(v["plans"][1]["id"] == "test-plan-older");
  CHECK(v["plans"][1]["total"]["not_reported"] == true);
}

TEST_CASE("The plan templates render with the real UI strings of both languages", "[plans]") {
  const std::filesystem::path repo(ASHYQ_SOURCE_DIR);
  Diagnostics diagnostics;
  const i18n::UiStrings strings =
      i18n::UiStrings::load(repo / "templates" / "i18n", repo, diagnostics);
  auto renderer = render::Renderer::load(repo / "templates", "templates", diagnostics);
  REQUIRE(findings(diagnostics) == "");
  const Portal portal = view_portal();
  for (Lang lang : kAllLangs) {
    INFO(lang_code(lang));
    const views::ViewContext ctx{portal, strings, lang};
    const render::PreparedStrings t = renderer->prepare_strings(strings.all(lang));
    const std::string html =
        renderer->render("plan", render::to_view_data(views::plan_view(ctx, portal.plans[0])), &t)
            .value();
    CHECK(html.find("[[") == std::string::npos);  // no missing UI string
    CHECK(html.find("<caption") != std::string::npos);
    CHECK(html.find("id=\"topic-topic-b\"") != std::string::npos);
    CHECK(html.find(strings.get(lang, "plan.not_published")) != std::string::npos);
    CHECK(html.find("href=\"/" + std::string(lang_code(lang)) +
                    "/grants/test-grant-completed/\"") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);

    const std::string list =
        renderer->render("plans", render::to_view_data(views::plans_index_view(ctx)), &t).value();
    CHECK(list.find("[[") == std::string::npos);
    CHECK(list.find("href=\"/" + std::string(lang_code(lang)) + "/plans/test-plan/\"") !=
          std::string::npos);
  }
}

}  // namespace
}  // namespace ashyq
