// `ashyq init` and `ashyq new` through the real binary: a new portal builds at once, a new record's
// placeholders are each reported at their line and column until filled, bad ids are refused. The
// records the tests fill in are synthetic.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "test_site.h"

namespace ashyq::integration {
namespace {
namespace fs = std::filesystem;

// The about page's placeholders, as every check of a new portal reports them (warnings: the
// portal's own pages may be published with them, so that a new portal builds at once).
const std::vector<std::string> kAboutPlaceholders = {
    "content/pages/about.kk.md:7:28: warning: still to fill: порталды жүргізетін және гранттарды "
    "беретін ұйымның толық атауы; write it in place of the TODO text",
    "content/pages/about.kk.md:9:1: warning: still to fill: ұйым туралы бір-екі сөйлем және онымен "
    "қалай байланысуға болады (сайтының мекенжайы немесе ұйымның жария электрондық поштасы); "
    "write it in place of the TODO text",
    "content/pages/about.ru.md:7:19: warning: still to fill: полное название организации, которая "
    "ведёт портал и выдаёт гранты; write it in place of the TODO text",
    "content/pages/about.ru.md:9:1: warning: still to fill: одно-два предложения об организации и "
    "как с ней связаться (адрес её сайта или её публичный адрес электронной почты); write it in "
    "place of the TODO text",
};

std::string source_file(const std::string& relative) {
  std::ifstream in(fs::path(ASHYQ_SOURCE_DIR) / relative, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The warning of a new portal's open data without a licence, at the commented-out key of the
// site.toml init writes (found there, so that its comment may grow), until the NGO chooses one.
std::string licence_warning() {
  const std::string config = source_file("scaffold/site.toml");
  const std::size_t at = config.find("\n# data_licence = \"CC-BY-4.0\"\n");
  REQUIRE(at != std::string::npos);
  const auto line =
      std::count(config.begin(), config.begin() + static_cast<long>(at) + 1, '\n') + 1;
  return "site.toml:" + std::to_string(line) +
         ":1: warning: data_licence: the portal publishes its open data (data/datapackage.json, "
         "the CSV, JSON and XLSX files) under no licence: datapackage.json names none and the data "
         "page says none is stated, so nobody may reuse the data without asking; choose one and "
         "state it here without the #: data_licence = \"CC-BY-4.0\" (Ashyq knows CC-BY-4.0, "
         "CC-BY-SA-4.0, CC0-1.0, ODC-By-1.0, ODbL-1.0 and PDDL-1.0 by their SPDX id), or for "
         "another licence a table [data_licence] with its id, url and title";
}

// Every warning a new portal's check and build give, in the order printed: its about page's
// placeholders, and its open data without a licence.
std::vector<std::string> new_portal_warnings() {
  std::vector<std::string> warnings = kAboutPlaceholders;
  warnings.push_back(licence_warning());
  return warnings;
}

// A new portal in a folder of the test's own; `site` only lends the binary and the temporary root.
struct NewPortal {
  TestSite site{"full"};
  fs::path dir = site.scratch("new-portal");

  RunResult run(std::vector<std::string> args) const {
    args.push_back("--site");
    args.push_back(dir.string());
    return site.run(args);
  }
  std::string read(const std::string& relative) const {
    std::ifstream in(dir / relative, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  void write(const std::string& relative, const std::string& bytes) const {
    std::ofstream(dir / relative, std::ios::binary | std::ios::trunc) << bytes;
  }
};

TEST_CASE("ashyq init writes a portal that builds at once and says that nothing is published yet",
          "[scaffold]") {
  NewPortal p;
  const RunResult init = p.site.run({"init", p.dir.string()});
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  CHECK(init.out.find("wrote a new portal into " + p.dir.string()) != std::string::npos);

  // The templates, UI strings, assets and schemas are the generator's own, from the binary.
  for (const char* file :
       {"templates/base.mustache", "templates/home.mustache", "templates/i18n/kk.toml",
        "templates/i18n/ru.toml", "assets/style.css", "assets/search/search.js",
        "schemas/grant.schema.json", "content/regions.json", "content/directions.json"}) {
    INFO(file);
    CHECK(!p.read(file).empty());
    CHECK(p.read(file) == source_file(file));
  }
  CHECK(p.read("site.toml") == source_file("scaffold/site.toml"));
  CHECK(fs::is_directory(p.dir / "content/grants"));
  CHECK(fs::is_directory(p.dir / "content/organisations"));

  const RunResult check = p.run({"check"});
  CHECK(check.exit_code == 0);
  CHECK(finding_lines(check.err) == new_portal_warnings());

  const RunResult build = p.run({"build"});
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  for (const char* lang : {"kk", "ru"}) {
    const std::string home = p.read(std::string("public/") + lang + "/index.html");
    INFO(lang);
    CHECK(home.find(lang == std::string("kk")
                        ? "Порталда әзірге бірде-бір грант жарияланған жоқ"
                        : "На портале пока не опубликовано ни одного гранта") != std::string::npos);
    // No totals, which would show 0 grants and 0 tenge as if reported.
    CHECK(home.find("totals-strip") == std::string::npos);
    CHECK(home.find("chart-block") == std::string::npos);
    CHECK(fs::exists(p.dir / "public" / lang / "about/index.html"));
  }
}

// A page's own content, without the legend of figure marks every page's footer shows.
std::string main_of(const std::string& html) {
  const std::size_t start = html.find("<main");
  const std::size_t end = html.find("</main>");
  return start == std::string::npos || end == std::string::npos ? std::string()
                                                                : html.substr(start, end - start);
}

TEST_CASE("An empty portal's list pages say in words that nothing is published yet, with no 0",
          "[scaffold]") {
  NewPortal p;
  REQUIRE(p.site.run({"init", p.dir.string()}).exit_code == 0);
  const RunResult build = p.run({"build"});
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  for (const bool kk : {true, false}) {
    const std::string lang = kk ? "kk" : "ru";
    const std::string nothing = kk ? "Порталда әзірге бірде-бір грант жарияланған жоқ"
                                   : "На портале пока не опубликовано ни одного гранта";
    for (const char* page : {"grants/index.html", "regions/index.html", "regions/abai/index.html",
                             "directions/index.html", "organisations/index.html",
                             "subgrants/index.html", "data/index.html"}) {
      const std::string html = main_of(p.read("public/" + lang + "/" + page));
      INFO(lang << "/" << page);
      REQUIRE(!html.empty());
      CHECK(html.find(nothing) != std::string::npos);
      // A computed figure (a count or a sum of nothing) is marked so; none is left, nor a total
      // row, nor a file's row count of 0.
      CHECK(html.find("fig-computed") == std::string::npos);
      CHECK(html.find("<tfoot>") == std::string::npos);
      CHECK(html.find(kk ? "жолдар саны: 0" : "строк: 0") == std::string::npos);
    }
    // The registry's count and sum of sub-grants, "not reported" on a portal that has grants.
    CHECK(main_of(p.read("public/" + lang + "/subgrants/index.html"))
              .find(kk ? "хабарланбаған" : "не сообщено") == std::string::npos);
    // The files are there, and say in words that they are empty.
    CHECK(p.read("public/" + lang + "/data/index.html")
              .find(kk ? "Гранттар (әзірге бос)" : "Гранты (пока пусто)") != std::string::npos);
    // The media list says in words that it has none, without a count of 0.
    const std::string media = main_of(p.read("public/" + lang + "/media/index.html"));
    CHECK(media.find(kk ? "Материалдар жоқ" : "Материалов нет.") != std::string::npos);
    CHECK(media.find(kk ? "Материалдар:" : "Материалов:") == std::string::npos);
    // The plans page already says so in its own words.
    CHECK(p.read("public/" + lang + "/plans/index.html")
              .find(kk ? "Жоспарлар әзірге жарияланбаған" : "Планы пока не опубликованы") !=
          std::string::npos);
  }
}

TEST_CASE(
    "A new portal builds with its open data under no licence, warned at its site.toml line, "
    "until its publisher states one",
    "[scaffold]") {
  NewPortal p;
  REQUIRE(p.site.run({"init", p.dir.string()}).exit_code == 0);
  // The build warns as check does, and publishes: datapackage.json claims no licence and the data
  // page says that none is stated, in both languages.
  const RunResult build = p.run({"build"});
  INFO(build.err);
  REQUIRE(build.exit_code == 0);
  CHECK(warnings_in(finding_lines(build.err)) == new_portal_warnings());
  CHECK_FALSE(nlohmann::json::parse(p.read("public/data/datapackage.json")).contains("licenses"));
  CHECK(p.read("public/kk/data/index.html").find("Деректердің лицензиясы портал баптауларында") !=
        std::string::npos);
  CHECK(
      p.read("public/ru/data/index.html").find("Лицензия данных в настройках портала не указана") !=
      std::string::npos);

  // The line the warning points at, without its #: the warning goes, the licence is published.
  std::string config = p.read("site.toml");
  const std::size_t at = config.find("\n# data_licence = \"CC-BY-4.0\"\n");
  REQUIRE(at != std::string::npos);
  config.erase(at + 1, 2);
  p.write("site.toml", config);
  const RunResult check = p.run({"check"});
  CHECK(check.exit_code == 0);
  CHECK(finding_lines(check.err) == kAboutPlaceholders);
  REQUIRE(p.run({"build"}).exit_code == 0);
  CHECK(nlohmann::json::parse(p.read("public/data/datapackage.json"))["licenses"] ==
        nlohmann::json::parse(R"([{"name": "CC-BY-4.0",
                                   "path": "https://creativecommons.org/licenses/by/4.0/",
                                   "title": "Creative Commons Attribution 4.0 International"}])"));
  CHECK(p.read("public/ru/data/index.html")
            .find(R"(<a href="https://creativecommons.org/licenses/by/4.0/" rel="license">)") !=
        std::string::npos);
}

TEST_CASE("The national portal's content/, which states its licence, is given no licence finding",
          "[scaffold]") {
  const TestSite lender("full");
  const RunResult check = lender.run({"check", "--site", ASHYQ_SOURCE_DIR});
  INFO(check.err);
  CHECK(check.exit_code == 0);
  CHECK(check.out.starts_with("checked "));
  CHECK(check.err.find("data_licence") == std::string::npos);
}

TEST_CASE("ashyq init refuses a folder that is not empty, unless --force", "[scaffold]") {
  NewPortal p;
  fs::create_directories(p.dir);
  p.write("notes.txt", "mine");
  const RunResult refused = p.site.run({"init", p.dir.string()});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err == "ashyq init: " + p.dir.string() +
                           " is not empty; init writes a new portal into an empty or new folder "
                           "(--force writes it anyway, overwriting the files it writes and leaving "
                           "any other alone)\n");
  CHECK(!fs::exists(p.dir / "site.toml"));

  const RunResult forced = p.site.run({"init", p.dir.string(), "--force"});
  CHECK(forced.exit_code == 0);
  CHECK(fs::exists(p.dir / "site.toml"));
  CHECK(p.read("notes.txt") == "mine");

  CHECK(p.site.run({"init"}).exit_code == 2);  // no folder
}

// The grant skeleton's placeholders at their lines and columns, in the order printed: each hint in
// Kazakh, then in Russian.
const std::vector<std::string> kGrantPlaceholders = {
    "content/grants/fund-2025-youth/grant.json:4:3: error: /status: still to fill: гранттың "
    "мәртебесі: application (өтінім), planned (жоспарланған), in_progress (берілген, іске "
    "асырылуда) немесе completed (қорытынды есебі жарияланған) / статус гранта: application "
    "(заявка), planned (запланирован), in_progress (предоставлен, реализуется) или completed "
    "(итоговый отчёт опубликован)",
    "content/grants/fund-2025-youth/grant.json:5:3: error: /operator: still to fill: грант беретін "
    "ұйымның id-і (оның жазбасы content/organisations/<id>.json) / id организации, которая "
    "предоставляет грант (её запись content/organisations/<id>.json)",
    "content/grants/fund-2025-youth/grant.json:6:3: error: /grantee: still to fill: грант алушы "
    "ұйым жазбасының id-і, content/organisations/<id>.json (оны ashyq new organisation ID "
    "жазады); \"grantee\" өрісін тек жоспарланған грант қалдыра алады / id записи "
    "организации-грантополучателя, content/organisations/<id>.json (её пишет ashyq new "
    "organisation ID); без \"grantee\" может быть только запланированный грант",
    "content/grants/fund-2025-youth/grant.json:8:5: error: /title/kk: still to fill: гранттың "
    "атауы қазақ тілінде / название гранта на казахском языке",
    "content/grants/fund-2025-youth/grant.json:9:5: error: /title/ru: still to fill: гранттың "
    "атауы орыс тілінде / название гранта на русском языке",
    "content/grants/fund-2025-youth/grant.json:11:3: error: /amount: still to fill: берілген грант "
    "сомасы бүтін теңгемен, тырнақшасыз және бөлгіштерсіз сан, мысалы 3000000; \"amount\" "
    "өрісін тек жоспарланған грант қалдыра алады / сумма гранта в целых тенге, число без кавычек "
    "и разделителей, например 3000000; без \"amount\" может быть только запланированный грант",
};
const std::vector<std::string> kOrganisationPlaceholders = {
    "content/organisations/fund.json:5:5: error: /name/kk: still to fill: ұйымның тіркелген "
    "толық атауы қазақ тілінде / зарегистрированное полное название организации на казахском "
    "языке",
    "content/organisations/fund.json:6:5: error: /name/ru: still to fill: ұйымның тіркелген "
    "толық атауы орыс тілінде / зарегистрированное полное название организации на русском языке",
};

TEST_CASE("ashyq new writes skeletons whose placeholders check reports until they are filled",
          "[scaffold]") {
  NewPortal p;
  REQUIRE(p.site.run({"init", p.dir.string()}).exit_code == 0);

  const RunResult grant = p.run({"new", "grant", "fund-2025-youth"});
  INFO(grant.err);
  REQUIRE(grant.exit_code == 0);
  const RunResult organisation = p.run({"new", "organisation", "fund"});
  REQUIRE(organisation.exit_code == 0);
  CHECK(fs::exists(p.dir / "content/grants/fund-2025-youth/grant.json"));
  CHECK(fs::exists(p.dir / "content/organisations/fund.json"));

  // Every placeholder, each once, and nothing else: no "missing required field" beside them.
  const RunResult check = p.run({"check"});
  CHECK(check.exit_code == 1);
  std::vector<std::string> expected = kGrantPlaceholders;
  expected.insert(expected.end(), kOrganisationPlaceholders.begin(),
                  kOrganisationPlaceholders.end());
  CHECK(errors_in(finding_lines(check.err)) == expected);
  CHECK(warnings_in(finding_lines(check.err)) == new_portal_warnings());
  CHECK(p.run({"build"}).exit_code == 1);  // placeholders are never published as a record's data

  // Filled in (synthetic values), the records pass and the portal builds with the grant.
  p.write("content/organisations/fund.json", R"({
  "id": "fund",
  "name": {"kk": "Синтетикалық қор", "ru": "Синтетический фонд"}
})");
  p.write("content/grants/fund-2025-youth/grant.json", R"({
  "id": "fund-2025-youth",
  "status": "in_progress",
  "operator": "fund",
  "grantee": "fund",
  "title": {"kk": "Синтетикалық грант", "ru": "Синтетический грант"},
  "amount": 3000000
})");
  const RunResult filled = p.run({"check"});
  INFO(filled.err);
  CHECK(filled.exit_code == 0);
  CHECK(finding_lines(filled.err) == new_portal_warnings());
  const RunResult build = p.run({"build"});
  CHECK(build.exit_code == 0);
  CHECK(p.read("public/ru/index.html").find("На портале пока не опубликовано") ==
        std::string::npos);
}

TEST_CASE("ashyq new takes the portal's operator when site.toml names one", "[scaffold]") {
  NewPortal p;
  REQUIRE(p.site.run({"init", p.dir.string()}).exit_code == 0);
  std::string config = p.read("site.toml");
  config.replace(config.find("# operator = \"my-fund\""), 22, "operator = \"my-fund\"");
  p.write("site.toml", config);
  REQUIRE(p.run({"new", "grant", "my-fund-2025"}).exit_code == 0);
  CHECK(p.read("content/grants/my-fund-2025/grant.json").find("\"operator\": \"my-fund\",") !=
        std::string::npos);
}

TEST_CASE("ashyq new refuses an id that is invalid, reserved or taken", "[scaffold]") {
  NewPortal p;
  REQUIRE(p.site.run({"init", p.dir.string()}).exit_code == 0);
  REQUIRE(p.run({"new", "grant", "fund-2025"}).exit_code == 0);
  REQUIRE(p.run({"new", "organisation", "fund"}).exit_code == 0);
  const std::string before = p.read("content/grants/fund-2025/grant.json");

  const struct {
    std::vector<std::string> args;
    std::string message;
  } refused[] = {
      {{"new", "grant", "Fund_2025"},
       "ashyq new: \"Fund_2025\" is not a valid grant id; use lowercase ASCII letters, digits and "
       "single hyphens, e.g. \"fund-2025-youth\"\n"},
      {{"new", "organisation", "fund--x"},
       "ashyq new: \"fund--x\" is not a valid organisation id; use lowercase ASCII letters, "
       "digits and single hyphens, e.g. \"fund-2025-youth\"\n"},
      {{"new", "grant", "page"},
       "ashyq new: \"page\" is reserved for catalogue pages (/grants/page/); choose another id\n"},
      {{"new", "grant", "region"},
       "ashyq new: \"region\" is reserved for catalogue pages (/grants/region/); choose another "
       "id\n"},
      {{"new", "organisation", "page"},
       "ashyq new: \"page\" is reserved for the organisations list's pages "
       "(/organisations/page/); choose another id\n"},
      {{"new", "grant", "fund-2025"},
       "ashyq new: grant \"fund-2025\" already exists (content/grants/fund-2025); choose another "
       "id\n"},
      {{"new", "organisation", "fund"},
       "ashyq new: organisation \"fund\" already exists (content/organisations/fund.json); choose "
       "another id\n"},
      {{"new", "plan", "x"},
       "ashyq new: unknown kind of record 'plan'; expected grant or organisation\n"},
  };
  for (const auto& r : refused) {
    INFO(r.args[1] + " " + r.args[2]);
    const RunResult run = p.run(r.args);
    CHECK(run.exit_code == 2);
    CHECK(run.err == r.message);
  }
  CHECK(p.read("content/grants/fund-2025/grant.json") == before);
  CHECK(!fs::exists(p.dir / "content/grants/Fund_2025"));

  // Outside a portal there is nothing to add to.
  const RunResult outside =
      p.site.run({"new", "grant", "x", "--site", p.site.scratch("").string()});
  CHECK(outside.exit_code == 2);
  CHECK(outside.err.find("has no site.toml") != std::string::npos);
}

TEST_CASE("A TODO quoted as code in a page is shown, not reported as a placeholder", "[scaffold]") {
  NewPortal p;
  REQUIRE(p.site.run({"init", p.dir.string()}).exit_code == 0);
  for (const char* lang : {"kk", "ru"})
    p.write(std::string("content/pages/howto.") + lang + ".md",
            "+++\ntitle = \"How-to\"\n+++\n\nLines starting `TODO:` are still to fill.\n\n"
            "```sh\n# TODO: not a placeholder either\n```\n\nTODO: this one is\n");
  const RunResult check = p.run({"check"});
  std::vector<std::string> howto;
  for (const std::string& line : finding_lines(check.err))
    if (line.find("howto") != std::string::npos) howto.push_back(line);
  INFO(check.err);
  REQUIRE(howto.size() == 2);
  CHECK(
      howto[0].starts_with("content/pages/howto.kk.md:11:1: warning: still to fill: this one is"));
  CHECK(
      howto[1].starts_with("content/pages/howto.ru.md:11:1: warning: still to fill: this one is"));
}

}  // namespace
}  // namespace ashyq::integration
