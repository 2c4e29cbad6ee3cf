// The copy-paste and shape checks of issue 16 on a small synthetic site written to real files: the
// money for sub-grants without a budget behind it, a period moved without its dates, and one run
// that reports load and validation findings together. All records are synthetic.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "content/loader.h"
#include "routes/routes.h"
#include "site/build.h"
#include "temp_folder.h"
#include "validate/validator.h"

namespace ashyq {
namespace {

using testing::TempFolder;

// A site with one organisation, one region, the grant given and the repository's templates;
// `findings` checks it as `ashyq check` does and returns every finding as "severity field:
// message" (the file when no field), in order.
struct MiniSite {
  TempFolder dir{"shape-checks"};

  explicit MiniSite(const std::string& grant) {
    dir.write("site.toml",
              "base_url = \"https://synthetic.example/\"\noperator = \"fund\"\n"
              "data_licence = \"CC0-1.0\"\n[title]\nkk = "
              "\"Синтетикалық\"\nru = \"Синтетический\"\n");
    dir.write("content/regions.json",
              R"({"regions": [{"id": "north", "kind": "region", "name": {"kk": "Солтүстік", )"
              R"("ru": "Север"}}]})");
    dir.write("content/directions.json", R"({"directions": []})");
    dir.write("content/organisations/fund.json",
              R"({"id": "fund", "name": {"kk": "Синтетикалық қор", "ru": "Синтетический фонд"}})");
    dir.write("content/grants/g/grant.json", grant);
    std::filesystem::copy(std::filesystem::path(ASHYQ_SOURCE_DIR) / "templates", dir / "templates",
                          std::filesystem::copy_options::recursive);
  }

  std::vector<std::string> findings() const {
    Diagnostics diagnostics;
    site::BuildOptions options;
    options.site_dir = dir.root();
    options.write = false;
    failed_phase = site::build(options, diagnostics).failed_phase;
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics.sorted())
      out.push_back(std::string(d.severity == Severity::error ? "error " : "warning ") +
                    (d.field.empty() ? d.where.file : d.field) + ": " + d.message);
    return out;
  }
  mutable std::string failed_phase;
};

// A grant of the site above with `extra` members (each starting with a comma) after its own.
std::string grant(const std::string& period, const std::string& extra = "") {
  return R"({"id": "g", "status": "in_progress", "operator": "fund", "grantee": "fund",
    "title": {"kk": "Синтетикалық грант", "ru": "Синтетический грант"}, "amount": 1000000,
    "period": {"planned": )" +
         period + "}" + extra + "}";
}

// Activities a1, a2… dated as given.
std::string activities(const std::vector<std::string>& dates) {
  std::string out = R"(, "tasks": [{"id": "t1", "title": {"kk": "Міндет", "ru": "Задача"},
    "activities": [)";
  for (std::size_t i = 0; i < dates.size(); ++i)
    out += std::string(i ? ", " : "") + R"({"id": "a)" + std::to_string(i + 1) +
           R"(", "title": {"kk": "Іс-шара", "ru": "Мероприятие"}, "date": )" + dates[i] + "}";
  return out + "]}]";
}

TEST_CASE("Dates left behind by a moved period are one finding at the period", "[validate]") {
  SECTION("a record of 2024 copied to 2025: a whole year, activities and media together") {
    MiniSite site(grant(R"({"start": "2025-03-01", "end": "2025-11-30"})",
                        activities({R"("2024-04-10")", R"("2024-06")", R"("2025-05-01")"}) +
                            R"(, "media": [{"url": "https://www.youtube.com/watch?v=synthetic01",
                                "kind": "video", "date": "2024-09-15"}])"));
    CHECK(site.findings() ==
          std::vector<std::string>{
              "error /period/planned: the period moved later by 365 days (1 year); 3 dated items "
              "are outside it, all by that shift: /tasks/0/activities/0/date 2024-04-10, "
              "/tasks/0/activities/1/date 2024-06, /media/0/date 2024-09-15; move their dates "
              "with the period, or correct the period"});
  }
  SECTION("moved earlier by a shift of no whole year: the days it may have moved") {
    MiniSite site(grant(R"({"start": "2025-06-01", "end": "2025-08-31"})",
                        activities({R"("2025-09-10")", R"("2025-10")", R"("2025-11-05")"})));
    // The shifts that bring all three inside: from 2025-06-01 − 2025-09-10 = −101 days to
    // 2025-08-31 − 2025-11-05 = −66 days.
    CHECK(site.findings() ==
          std::vector<std::string>{
              "error /period/planned: the period moved earlier by 66 to 101 days; 3 dated items "
              "are outside it, all by that shift: /tasks/0/activities/0/date 2025-09-10, "
              "/tasks/0/activities/1/date 2025-10, /tasks/0/activities/2/date 2025-11-05; move "
              "their dates with the period, or correct the period"});
  }
  const std::string kOutside =
      " is outside the grant period 2025-03-01 to 2025-04-30; correct "
      "the date or the period";
  SECTION("one date outside is its own finding") {
    MiniSite site(grant(R"({"start": "2025-03-01", "end": "2025-04-30"})",
                        activities({R"("2024-03-10")", R"("2025-04-01")"})));
    CHECK(site.findings() == std::vector<std::string>{"error /tasks/0/activities/0/date: activity "
                                                      "date 2024-03-10" +
                                                      kOutside});
  }
  SECTION("dates on both sides of the period: each its own finding") {
    MiniSite site(grant(R"({"start": "2025-03-01", "end": "2025-04-30"})",
                        activities({R"("2025-01-10")", R"("2025-06-20")"})));
    CHECK(site.findings() ==
          std::vector<std::string>{
              "error /tasks/0/activities/0/date: activity date 2025-01-10" + kOutside,
              "error /tasks/0/activities/1/date: activity date 2025-06-20" + kOutside});
  }
  SECTION("dates before the period farther apart than it is long: no one shift, each its own") {
    MiniSite site(grant(R"({"start": "2025-03-01", "end": "2025-04-30"})",
                        activities({R"("2024-01-10")", R"("2024-12-20")"})));
    CHECK(site.findings() ==
          std::vector<std::string>{
              "error /tasks/0/activities/0/date: activity date 2024-01-10" + kOutside,
              "error /tasks/0/activities/1/date: activity date 2024-12-20" + kOutside});
  }
}

// A budget of 300 000 of salaries and 700 000 of direct costs of activity a1, the grant's amount.
const std::string kBudget = activities({R"("2025-04")"}) + R"(, "budget": {"lines": [
    {"section": "salaries", "article": {"kk": "Үйлестіруші", "ru": "Координатор"},
     "total": 300000, "source": "grant"},
    {"section": "direct", "activity": "a1", "article": {"kk": "Шағын гранттар",
     "ru": "Малые гранты"}, "total": 700000, "source": "grant"}]})";
const std::string kPeriod = R"({"start": "2025-01", "end": "2025-12"})";
std::string subgrants(const std::string& members) { return R"(, "subgrants": {)" + members + "}"; }
const std::string kAwards =
    R"("awarded": [{"id": "s1", "recipient_kind": "ngo", "amount": 400000},
                   {"id": "s2", "recipient_kind": "ngo", "amount": 350000}])";

TEST_CASE("Money for sub-grants needs a budget behind it on a grant that reports a budget",
          "[validate]") {
  SECTION("an envelope above the grant-funded direct costs") {
    MiniSite site(grant(kPeriod, kBudget + subgrants(R"("envelope": 800000)")));
    CHECK(site.findings() ==
          std::vector<std::string>{
              "warning /subgrants/envelope: the sub-grant envelope of 800\u00A0000 has no budget "
              "behind it: the budget's direct costs funded by the grant sum to 700\u00A0000, and "
              "sub-grants are paid out of them; add the sub-grants' line to the budget (section "
              "direct, for the activity that awards them), or correct the envelope"});
  }
  SECTION("sub-grants awarded without an envelope, above the direct costs") {
    MiniSite site(grant(kPeriod, kBudget + subgrants(kAwards)));
    CHECK(site.findings() ==
          std::vector<std::string>{
              "warning /subgrants/awarded: the sub-grants awarded sum to 750\u00A0000 and have no "
              "budget behind them: the budget's direct costs funded by the grant sum to "
              "700\u00A0000, and sub-grants are paid out of them; add the sub-grants' line to the "
              "budget (section direct, for the activity that awards them), or correct the "
              "amounts"});
  }
  SECTION("an envelope the direct costs cover, and a grant without a budget, are no finding") {
    CHECK(
        MiniSite(grant(kPeriod, kBudget + subgrants(R"("envelope": 700000)"))).findings().empty());
    CHECK(MiniSite(grant(kPeriod, subgrants(R"("envelope": 800000, )" + kAwards)))
              .findings()
              .empty());
  }
}

TEST_CASE("One run reports load and validation findings together, judging what loaded",
          "[validate]") {
  // The grant's budget does not add up to its amount (a validation error of a record that loads).
  const std::string unbalanced = grant(kPeriod, kBudget);
  const std::string kSum =
      "error /budget/lines: budget lines funded by the grant sum to 1\u00A0000\u00A0000, but the "
      "grant amount is 1\u00A0200\u00A0000; the estimate must add up to the amount awarded";
  auto with_amount = [](std::string text) {
    text.replace(text.find("\"amount\": 1000000"), 17, "\"amount\": 1200000");
    return text;
  };

  SECTION(
      "a malformed organisation: its load error, the grant's validation error, and no "
      "\"unknown organisation\" for the grant or site.toml that name it, nor a private "
      "phone for the one its file may declare") {
    std::string text = with_amount(unbalanced);
    text.replace(text.find("Синтетический грант"), 37, "Синтетический грант, тел. 8 (7292) 303784");
    MiniSite site(text);
    site.dir.write("content/organisations/fund.json",
                   R"({"id": "fund", "phone": "8 (7292) 303784",)");
    const std::vector<std::string> findings = site.findings();
    REQUIRE(findings.size() == 2);
    CHECK(findings[0] == kSum);
    CHECK(findings[1].starts_with("error content/organisations/fund.json: malformed JSON"));
    CHECK(site.failed_phase == "load");
  }
  SECTION("a grant with a load error is not validated: no finding follows from what it lacks") {
    std::string broken = with_amount(unbalanced);
    broken.replace(broken.find("\"status\": \"in_progress\""), 23, "\"status\": \"finished\"");
    MiniSite site(broken);
    CHECK(site.findings() ==
          std::vector<std::string>{
              "error /status: unknown value \"finished\"; expected one of: application, planned, "
              "in_progress, completed"});
    CHECK(site.failed_phase == "load");
  }
  SECTION("a broken regions.json: no region reference is reported unknown") {
    MiniSite site(grant(kPeriod, R"(, "regions": ["north"])"));
    site.dir.write("content/regions.json", R"({"regions": [{"id": "north", "kind": "province",
      "name": {"kk": "Солтүстік", "ru": "Север"}}]})");
    CHECK(site.findings() ==
          std::vector<std::string>{
              "error /regions/0/kind: unknown value \"province\"; expected one of: region, city"});
  }
  SECTION("without load errors the validation phase fails as before") {
    MiniSite site(with_amount(unbalanced));
    CHECK(site.findings() == std::vector<std::string>{kSum});
    CHECK(site.failed_phase == "validate");
  }
}

}  // namespace
}  // namespace ashyq
