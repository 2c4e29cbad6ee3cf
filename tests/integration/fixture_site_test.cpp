// Builds the synthetic full fixture (tests/fixtures/full) with the real binary and checks the
// generated HTML in both languages. Expected strings are UTF-8 bytes; the spaces ICU puts into
// numbers and dates are written as escapes so they can be told apart:
//   \u00A0 NO-BREAK SPACE         digit groups, before "₸", before "%" in Russian;
//   \u202F NARROW NO-BREAK SPACE  between the year and "ж." (kk) or "г." (ru).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "html_reading.h"
#include "i18n/format.h"
#include "test_site.h"

namespace ashyq::integration {
namespace {

const std::vector<std::string> kGrantIds = {"synthetic-2023-fallback", "synthetic-2024-full",
                                            "synthetic-2025-application", "synthetic-2025-planned"};
const char* const kLangs[] = {"kk", "ru"};

// The fixture's deliberate warnings, and nothing else: one text and one narrative given in Kazakh
// only, so the pages can show the fallback marker.
const std::vector<std::string> kDeliberateWarnings = {
    "content/grants/synthetic-2023-fallback/grant.json:10:3: warning: /goal: text missing in "
    "Russian (ru); add \"ru\" (the page shows the Kazakh (kk) text, marked as such, until then)",
    "content/grants/synthetic-2023-fallback/report.kk.md: warning: the narrative exists only in "
    "Kazakh (kk); add report.ru.md beside it",
    // The raw HTML the fixture plants (it must never reach a page), each tag where it is.
    // Sub-grant money without a budget line behind it (the fixture's estimate has none).
    "content/grants/synthetic-2024-full/grant.json:498:5: warning: /subgrants/envelope: the "
    "sub-grant envelope of 1\u00A0500\u00A0000 has no budget behind it: the budget's direct costs "
    "funded by the grant sum to 700\u00A0000, and sub-grants are paid out of them; add the "
    "sub-grants' line to the budget (section direct, for the activity that awards them), or "
    "correct the envelope",
    "content/grants/synthetic-2024-full/report.kk.md:16:1: warning: raw HTML "
    "\"<script>alert(\"synthetic "
    "raw HTML blo...\" is not published (the text around it is); write Markdown instead, e.g. "
    "**bold**, *italic*, [text](https://…)",
    "content/grants/synthetic-2024-full/report.kk.md:18:28: warning: raw HTML \"<script>\" is not "
    "published (the text around it is); write Markdown instead, e.g. **bold**, *italic*, "
    "[text](https://…)",
    "content/grants/synthetic-2024-full/report.kk.md:18:44: warning: raw HTML \"</script>\" is not "
    "published (the text around it is); write Markdown instead, e.g. **bold**, *italic*, "
    "[text](https://…)",
};

// The full fixture, built once for all tests of this file and removed at exit.
struct BuiltFixture {
  TestSite site{"full"};
  RunResult result = site.build();
};

const BuiltFixture& built() {
  static const BuiltFixture fixture;
  return fixture;
}

// A file of the built site, relative to public/. Fails the test when the build failed or the file
// is missing.
std::string output(const std::string& relative) {
  const BuiltFixture& f = built();
  INFO(f.result.err);
  REQUIRE(f.result.exit_code == 0);
  REQUIRE(f.site.exists("public/" + relative));
  return f.site.read("public/" + relative);
}

std::string grant_page(const std::string& lang, const std::string& id) {
  return plain_figures(output(lang + "/grants/" + id + "/index.html"));
}

// The <section id="…"> … </section> of a page.
std::string section(const std::string& html, const std::string& id) {
  const std::size_t start = html.find("<section id=\"" + id + "\"");
  REQUIRE(start != std::string::npos);
  const std::size_t end = html.find("</section>", start);
  REQUIRE(end != std::string::npos);
  return html.substr(start, end - start);
}

std::string money(std::int64_t tenge, const std::string& lang) {
  return i18n::format_money(Tenge(tenge), lang == "kk" ? Lang::kk : Lang::ru);
}

std::map<std::string, std::string> all_output() {
  const BuiltFixture& f = built();
  REQUIRE(f.result.exit_code == 0);
  return f.site.files("public");
}

TEST_CASE("The full fixture builds with no errors and only its deliberate warnings",
          "[integration]") {
  const BuiltFixture& f = built();
  INFO(f.result.err);
  CHECK(f.result.exit_code == 0);
  CHECK(finding_lines(f.result.err) == kDeliberateWarnings);
  CHECK(f.result.out.starts_with("built "));

  // check runs the same load and validation, with the same findings (on a copy of its own, so
  // that nothing it might do can touch the output the other tests read).
  const TestSite fresh("full");
  const RunResult check = fresh.check();
  CHECK(check.exit_code == 0);
  CHECK(finding_lines(check.err) == kDeliberateWarnings);
  CHECK(check.out.starts_with("checked 4 grants in "));
}

TEST_CASE("Every grant has a page in Kazakh and in Russian at /<lang>/grants/<id>/",
          "[integration]") {
  std::vector<std::string> expected = {"assets/style.css", "index.html", "kk/index.html",
                                       "ru/index.html"};
  for (const char* lang : kLangs)
    for (const std::string& id : kGrantIds)
      expected.push_back(std::string(lang) + "/grants/" + id + "/index.html");
  const auto written = all_output();
  for (const std::string& path : expected) {
    INFO(path);
    CHECK(written.count(path) == 1);
  }
  // No grant pages beyond the fixture's four: a grant page is <lang>/grants/<one
  // segment>/index.html.
  for (const auto& [path, bytes] : written) {
    const std::string_view prefix = std::string_view(path).substr(0, 10);  // "kk/grants/"
    const std::string_view suffix = "/index.html";
    if ((prefix != "kk/grants/" && prefix != "ru/grants/") || !path.ends_with(suffix) ||
        path.size() <= prefix.size() + suffix.size())
      continue;  // not under grants/, or the catalogue's own index.html
    const std::string middle = path.substr(10, path.size() - 10 - suffix.size());
    if (middle.find('/') != std::string::npos) continue;  // a listing, not a grant
    INFO(path);
    CHECK(std::find(expected.begin(), expected.end(), path) != expected.end());
  }

  // Each grant page is linked from another page of its language, at /<lang>/grants/<id>/.
  for (const char* lang : kLangs)
    for (const std::string& id : kGrantIds) {
      const std::string page = std::string(lang) + "/grants/" + id + "/index.html";
      const std::string href = "href=\"/" + std::string(lang) + "/grants/" + id + "/\"";
      bool linked = false;
      for (const auto& [path, bytes] : written)
        linked = linked ||
                 (path != page && path.starts_with(lang) && bytes.find(href) != std::string::npos);
      INFO(page);
      CHECK(linked);
    }
}

TEST_CASE(
    "Hreflang alternates and the language switch point at the same grant in the other language",
    "[integration]") {
  for (const std::string& id : kGrantIds) {
    for (const char* lang : kLangs) {
      INFO(lang << " " << id);
      const std::string other = std::string(lang) == "kk" ? "ru" : "kk";
      const std::string html = grant_page(lang, id);
      const std::string base = "https://synthetic.example/";
      CHECK(html.find("<html lang=\"" + std::string(lang) + "\">") != std::string::npos);
      CHECK(html.find("<link rel=\"canonical\" href=\"" + base + lang + "/grants/" + id + "/\">") !=
            std::string::npos);
      for (const char* alt : kLangs)
        CHECK(html.find("<link rel=\"alternate\" hreflang=\"" + std::string(alt) + "\" href=\"" +
                        base + alt + "/grants/" + id + "/\">") != std::string::npos);
      CHECK(html.find("<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + base +
                      "kk/grants/" + id + "/\">") != std::string::npos);

      const std::string other_label = other == "kk" ? "Қазақша" : "Русский";
      const std::string own_label = other == "kk" ? "Русский" : "Қазақша";
      CHECK(html.find("<a href=\"/" + other + "/grants/" + id + "/\" hreflang=\"" + other +
                      "\" lang=\"" + other + "\">" + other_label + "</a>") != std::string::npos);
      CHECK(html.find("<span aria-current=\"true\" lang=\"" + std::string(lang) + "\">" +
                      own_label + "</span>") != std::string::npos);
    }
  }
}

TEST_CASE("Money on the grant page is formatted exactly as the formatter formats it",
          "[integration]") {
  // The formatter's own output for the grant amount, spelled out once so a change in it shows here.
  CHECK(money(3987500, "kk") == "3\u00A0987\u00A0500\u00A0₸");
  CHECK(money(3987500, "ru") == "3\u00A0987\u00A0500\u00A0₸");
  for (const char* lang : kLangs) {
    INFO(lang);
    const std::string html = grant_page(lang, "synthetic-2024-full");
    CHECK(html.find("<strong class=\"money\">" + money(3987500, lang) + "</strong>") !=
          std::string::npos);
    CHECK(html.find("<dd class=\"money\">" + money(150000, lang) + "</dd>") != std::string::npos);
    const std::string finance = section(html, "finance");
    CHECK(finance.find("<dd class=\"money\">" + money(4137500, lang) + "</dd>") !=
          std::string::npos);
    CHECK(finance.find("<td class=\"num\">" + money(125000, lang) + "</td>") != std::string::npos);
  }
}

TEST_CASE("Dates are written with Kazakh and Russian month names", "[integration]") {
  const std::string kk = grant_page("kk", "synthetic-2024-full");
  const std::string ru = grant_page("ru", "synthetic-2024-full");
  // Contract date (a day), planned period (two months), an activity's months.
  CHECK(kk.find("№&nbsp;SYN-001, 2024\u202Fж. 15 наурыз</dd>") != std::string::npos);
  CHECK(ru.find("№&nbsp;SYN-001, 15 марта 2024\u202Fг.</dd>") != std::string::npos);
  CHECK(kk.find("<dd>2024\u202Fж. сәуір – қараша</dd>") != std::string::npos);
  CHECK(ru.find("<dd>апрель – ноябрь 2024\u202Fг.</dd>") != std::string::npos);
  CHECK(kk.find("· 2024\u202Fж. маусым – қыркүйек</span>") != std::string::npos);
  CHECK(ru.find("· июнь – сентябрь 2024\u202Fг.</span>") != std::string::npos);
  // The final report date in the status line.
  CHECK(kk.find("(қорытынды есеп: 2024\u202Fж. 20 желтоқсан)") != std::string::npos);
  CHECK(ru.find("(итоговый отчёт: 20 декабря 2024\u202Fг.)") != std::string::npos);
}

TEST_CASE("An activity shows the participants its report counts, and no count when it gives none",
          "[integration]") {
  // The fixture's first activity reports 150 participants; the second and third report none.
  const std::string ru = grant_page("ru", "synthetic-2024-full");
  const std::string kk = grant_page("kk", "synthetic-2024-full");
  CHECK(ru.find("· участников: 150</span>") != std::string::npos);
  CHECK(kk.find("· қатысушы: 150</span>") != std::string::npos);
  // Never a label without its figure (the count was once left out of every activity's line).
  CHECK(ru.find("участников: </span>") == std::string::npos);
  CHECK(kk.find("қатысушы: </span>") == std::string::npos);
  const std::size_t second = ru.find("<li id=\"activity-a2\">");
  REQUIRE(second != std::string::npos);
  CHECK(ru.substr(second, ru.find("</li>", second) - second).find("участников") ==
        std::string::npos);
}

TEST_CASE("Indicator outcomes are labelled met, exceeded, short and not reported",
          "[integration]") {
  const std::string ru = section(grant_page("ru", "synthetic-2024-full"), "indicators");
  const std::string kk = section(grant_page("kk", "synthetic-2024-full"), "indicators");

  CHECK(ru.find("<p class=\"summary\">Выполнен: 3 · Перевыполнен: 3 · Не выполнен: 1 · Факт не "
                "указан: 1</p>") != std::string::npos);
  CHECK(kk.find("<p class=\"summary\">Орындалды: 3 · Асыра орындалды: 3 · Орындалмады: 1 · Нақты "
                "мәні көрсетілмеген: 1</p>") != std::string::npos);

  // Each row: planned, actual and its outcome. exactly 1 of 1 is met; at least 100 with 150 is
  // exceeded; 3 of 5 is short; no actual is not reported; exactly 10 with 12 is exceeded; at most 3
  // with 2 is met; a worded value keeps its words; a decimal value uses the language's decimal
  // comma.
  const char* const ru_rows[] = {
      "<td><span lang=\"ru\">1</span></td><td><span lang=\"ru\">1</span></td><td><span "
      "class=\"outcome outcome-met\">Выполнен</span></td>",
      "<td><span lang=\"ru\">не менее 100 человек</span></td><td><span lang=\"ru\">150 "
      "человек</span></td><td><span class=\"outcome outcome-exceeded\">Перевыполнен</span></td>",
      "<td><span lang=\"ru\">5</span></td><td><span lang=\"ru\">3</span></td><td><span "
      "class=\"outcome outcome-short\">Не выполнен</span></td>",
      "<td><span lang=\"ru\">20</span></td><td><span class=\"not-reported\">не "
      "сообщено</span></td><td><span class=\"outcome "
      "outcome-not_reported\">Факт не указан</span></td>",
      "<td><span lang=\"ru\">10</span></td><td><span lang=\"ru\">12</span></td><td><span "
      "class=\"outcome outcome-exceeded\">Перевыполнен</span></td>",
      "<td><span lang=\"ru\">не более 3</span></td><td><span lang=\"ru\">2</span></td><td><span "
      "class=\"outcome outcome-met\">Выполнен</span></td>",
      "<td><span lang=\"ru\">не менее 80 % довольных</span></td><td><span lang=\"ru\">85 % "
      "довольных</span></td><td><span class=\"outcome outcome-exceeded\">Перевыполнен</span></td>",
      "<td><span lang=\"ru\">4,5 балла</span></td><td><span lang=\"ru\">4,5 "
      "балла</span></td><td><span class=\"outcome outcome-met\">Выполнен</span></td>",
  };
  for (const char* row : ru_rows) CHECK(ru.find(row) != std::string::npos);
  CHECK(kk.find("<td><span lang=\"kk\">кемінде 100 адам</span></td><td><span lang=\"kk\">150 "
                "адам</span></td><td><span class=\"outcome outcome-exceeded\">Асыра "
                "орындалды</span></td>") != std::string::npos);
  CHECK(kk.find("<span class=\"outcome outcome-short\">Орындалмады</span>") != std::string::npos);
  CHECK(kk.find("<td><span class=\"not-reported\">хабарланбаған</span></td><td><span "
                "class=\"outcome outcome-not_reported\">Нақты мәні "
                "көрсетілмеген</span></td>") != std::string::npos);
}

TEST_CASE("The grant page shows its sections in the fixed order", "[integration]") {
  const char* const order[] = {"<header class=\"grant-header\">", "<section id=\"goal\"",
                               "<section id=\"indicators\"",      "<section id=\"beneficiaries\"",
                               "<section id=\"finance\"",         "<section id=\"subgrants\"",
                               "<section id=\"media\"",           "<section id=\"people\"",
                               "<section id=\"report\"",          "<section id=\"documents\""};
  for (const std::string& id : kGrantIds) {
    for (const char* lang : kLangs) {
      INFO(lang << " " << id);
      const std::string html = grant_page(lang, id);
      std::size_t previous = 0;
      for (const char* marker : order) {
        INFO(marker);
        const std::size_t at = html.find(marker);
        REQUIRE(at != std::string::npos);
        CHECK(html.find(marker, at + 1) == std::string::npos);
        CHECK(at > previous);
        previous = at;
      }
    }
  }
}

TEST_CASE("A grant without a budget says its finance section is not reported", "[integration]") {
  const std::map<std::string, std::string> not_reported = {
      {"kk", "<p class=\"not-reported\">Жоба құжаттарында бұл мәліметтер келтірілмеген.</p>"},
      {"ru", "<p class=\"not-reported\">В документах проекта эти сведения не приводятся.</p>"}};
  for (const char* lang : kLangs) {
    for (const char* id : {"synthetic-2025-application", "synthetic-2025-planned"}) {
      INFO(lang << " " << id);
      const std::string finance = section(grant_page(lang, id), "finance");
      CHECK(finance.find(not_reported.at(lang)) != std::string::npos);
      CHECK(finance.find("<table") == std::string::npos);
    }
    // The full grant has a budget, so its finance section must not say so.
    CHECK(section(grant_page(lang, "synthetic-2024-full"), "finance").find(not_reported.at(lang)) ==
          std::string::npos);
  }
  // A planned grant has no grantee and no amount yet, and says so.
  const std::string planned = grant_page("ru", "synthetic-2025-planned");
  CHECK(planned.find("<strong>ещё не определён</strong>") != std::string::npos);
  CHECK(planned.find("<strong class=\"money\"><span class=\"not-reported\">не "
                     "сообщено</span></strong>") != std::string::npos);
  CHECK(grant_page("ru", "synthetic-2025-application")
            .find("<p class=\"status status-application\">Заявка</p>") != std::string::npos);
}

TEST_CASE(
    "A text missing in the page's language shows the other language, marked and with its lang",
    "[integration]") {
  const std::string ru = grant_page("ru", "synthetic-2023-fallback");
  CHECK(section(ru, "goal")
            .find("<p><span lang=\"kk\">Синтетикалық мақсат тек қазақ тілінде</span> <small "
                  "class=\"fallback\">(текст только на казахском)</small></p>") !=
        std::string::npos);
  CHECK(section(ru, "report")
            .find("<p class=\"fallback-note\">текст только на казахском</p>\n<div "
                  "class=\"narrative\" lang=\"kk\">") != std::string::npos);

  // In its own language the same text carries no marker.
  const std::string kk = grant_page("kk", "synthetic-2023-fallback");
  CHECK(section(kk, "goal")
            .find("<p><span lang=\"kk\">Синтетикалық мақсат тек қазақ тілінде</span></p>") !=
        std::string::npos);
  CHECK(kk.find("class=\"fallback") == std::string::npos);
  CHECK(section(kk, "report").find("<div class=\"narrative\" lang=\"kk\">") != std::string::npos);
}

TEST_CASE("A private person's name is published only with consent", "[integration]") {
  // sg2 is a person without name_consent: the name must not be in any file, in either language.
  const char* const hidden[] = {"Синтетический Скрытый Получатель", "Синтетикалық Жасырын Алушы",
                                "Скрытый", "Жасырын"};
  const auto files = all_output();
  REQUIRE(!files.empty());
  for (const auto& [path, bytes] : files)
    for (const char* name : hidden) {
      INFO(path << " contains " << name);
      CHECK(bytes.find(name) == std::string::npos);
    }
  // Their sub-grant is still listed, by kind and locality.
  CHECK(grant_page("ru", "synthetic-2024-full")
            .find("<tr><th scope=\"row\">Физическое лицо</th><td><span lang=\"ru\">Синтетический "
                  "город</span></td><td><span lang=\"ru\">Синтетический двор</span></td>") !=
        std::string::npos);
  // sg1 consented, and an NGO's name is always public.
  const std::string kk = section(grant_page("kk", "synthetic-2024-full"), "subgrants");
  const std::string ru = section(grant_page("ru", "synthetic-2024-full"), "subgrants");
  CHECK(ru.find("<span lang=\"ru\">Синтетическая Согласная "
                "Получательница</span><br><small>Физическое лицо</small>") != std::string::npos);
  CHECK(kk.find(
            "<span lang=\"kk\">Синтетикалық Келісім Берген</span><br><small>Жеке тұлға</small>") !=
        std::string::npos);
  CHECK(ru.find("<span lang=\"ru\">Синтетическая инициативная группа</span><br><small>Инициативная "
                "группа</small>") != std::string::npos);
  CHECK(ru.find("<span lang=\"ru\">ОО «Синтетический образец»</span><br><small>НПО</small>") !=
        std::string::npos);
  CHECK(ru.find("<td class=\"num\">" + money(1450000, "ru") + "</td><td>96,7\u00A0% фонда</td>") !=
        std::string::npos);
}

TEST_CASE("Actual spending is shown beside each budget line with its variance", "[integration]") {
  for (const char* lang : kLangs) {
    INFO(lang);
    const std::string finance = section(grant_page(lang, "synthetic-2024-full"), "finance");
    // Services: 120 000 planned, 118 400 spent; materials: 150 000 planned, 162 000 spent.
    CHECK(finance.find("<td class=\"num\">" + money(120000, lang) + "</td><td class=\"num\">" +
                       money(118400, lang) + "</td><td class=\"num\">−" + money(1600, lang) +
                       "</td>") != std::string::npos);
    CHECK(finance.find("<td class=\"num\">" + money(150000, lang) + "</td><td class=\"num\">" +
                       money(162000, lang) + "</td><td class=\"num\">+" + money(12000, lang) +
                       "</td>") != std::string::npos);
    // A line spent exactly as planned shows a zero variance.
    CHECK(finance.find("<td class=\"num\">" + money(240000, lang) + "</td><td class=\"num\">" +
                       money(240000, lang) + "</td><td class=\"num\">" + money(0, lang) +
                       "</td>") != std::string::npos);
    // Total actual spending, 400 tenge over plan.
    CHECK(finance.find("<dd class=\"money\">" + money(4137900, lang) + " <small>(+" +
                       money(400, lang) + ")</small></dd>") != std::string::npos);
  }
}

TEST_CASE("The budget shows every section, own contribution, decimal quantities and subtotals",
          "[integration]") {
  const std::string ru = section(grant_page("ru", "synthetic-2024-full"), "finance");
  for (const char* key : {"salaries", "taxes", "services", "materials", "equipment", "direct"})
    CHECK(ru.find("<tbody class=\"section section-" + std::string(key) + "\">") !=
          std::string::npos);
  CHECK(ru.find("<td class=\"num\">0,5</td><td class=\"num\">" + money(250000, "ru") + "</td>") !=
        std::string::npos);
  CHECK(section(grant_page("kk", "synthetic-2024-full"), "finance")
            .find("<td class=\"num\">0,5</td>") != std::string::npos);
  CHECK(ru.find("<td>Собственный вклад</td>") != std::string::npos);
  CHECK(ru.find("<dt>Собственный вклад</dt><dd class=\"money\">" + money(150000, "ru") + "</dd>") !=
        std::string::npos);
  CHECK(
      ru.find(
          "<span lang=\"ru\">Синтетические административные расходы</span></th><td class=\"num\">" +
          money(3097500, "ru") + "</td><td class=\"num\">" + money(3107900, "ru") + "</td>") !=
      std::string::npos);
  CHECK(ru.find(
            "<p class=\"note\">Каждый итог сверен с суммой строк сметы при сборке портала.</p>") !=
        std::string::npos);
  // Equipment is 6 % of the grant: within the 10 % cap.
  CHECK(ru.find("<span class=\"outcome outcome-met\">в пределах 10 %</span>") != std::string::npos);
}

TEST_CASE("Beneficiaries show plan against fact and participants by gender, age and category",
          "[integration]") {
  const std::string ru = section(grant_page("ru", "synthetic-2024-full"), "beneficiaries");
  CHECK(ru.find("<tr><th scope=\"row\">Прямые благополучатели</th><td class=\"num\">500</td><td "
                "class=\"num\">620</td><td class=\"num\">+120</td></tr>") != std::string::npos);
  CHECK(ru.find("<tr><th scope=\"row\">Косвенные благополучатели</th><td "
                "class=\"num\">5\u00A0000</td><td class=\"num\">4\u00A0200</td><td "
                "class=\"num\">−800</td></tr>") != std::string::npos);
  CHECK(ru.find("<tr><th scope=\"row\">Женщины</th><td class=\"num\">340</td><td "
                "class=\"num\">54,8\u00A0%</td></tr>") != std::string::npos);
  // The age group the document leaves empty says "not reported" in words, not a zero or a dash,
  // and has no share.
  CHECK(ru.find("<tr><th scope=\"row\">23–27 лет</th><td class=\"num\"><span "
                "class=\"not-reported\">не сообщено</span></td><td class=\"num\"><span "
                "class=\"not-reported\">не вычисляется</span></td></tr>") != std::string::npos);
  CHECK(ru.find("<tr><th scope=\"row\">Молодёжь</th><td class=\"num\">400</td>") !=
        std::string::npos);
}

TEST_CASE("Media links are grouped by activity and kind, with platform, date and the canonical URL",
          "[integration]") {
  const std::string ru = section(grant_page("ru", "synthetic-2024-full"), "media");
  // One group for the activity the video belongs to, one for the links of no activity, in that
  // order; kinds within a group in the order of the kind enum.
  const std::size_t activity =
      ru.find("<h3>Мероприятие: <span lang=\"ru\">Синтетический форум</span></h3>");
  const std::size_t no_activity = ru.find("<h3>Материалы без привязки к мероприятию</h3>");
  CHECK(activity != std::string::npos);
  CHECK(no_activity != std::string::npos);
  CHECK(activity < no_activity);
  CHECK(ru.find("<h4>Видео</h4>") < no_activity);
  std::size_t previous = no_activity;
  for (const char* heading : {"<h4>Публикации</h4>", "<h4>Статьи</h4>", "<h4>Фотоальбомы</h4>",
                              "<h4>Прямые эфиры</h4>", "<h4>Другое</h4>"}) {
    const std::size_t at = ru.find(heading, previous);
    CHECK(at != std::string::npos);
    previous = at;
  }
  // The youtu.be link with its share tracking is published as the canonical watch URL.
  CHECK(
      ru.find("<a href=\"https://www.youtube.com/watch?v=synthetic01\" rel=\"nofollow noopener\" "
              "referrerpolicy=\"no-referrer\"><span lang=\"ru\">Видео синтетического "
              "форума</span></a> <span class=\"meta\">YouTube · видео · 15 мая "
              "2024\u202Fг.</span><button type=\"button\" class=\"media-play\" "
              "data-youtube-id=\"synthetic01\" data-player-title=\"Видео синтетического "
              "форума\" hidden>Смотреть здесь — загрузится с youtube-nocookie.com</button></li>") !=
      std::string::npos);
  CHECK(ru.find("si=") == std::string::npos);
  // Links without a title are named by platform, kind and id instead of their raw URL.
  CHECK(ru.find("<a href=\"https://www.instagram.com/p/synthetic02/\" rel=\"nofollow noopener\" "
                "referrerpolicy=\"no-referrer\">Instagram публикация synthetic02</a></li>") !=
        std::string::npos);
  CHECK(ru.find("igsh=") == std::string::npos);
  CHECK(ru.find("<a href=\"https://t.me/synthetic_live/5\" rel=\"nofollow noopener\" "
                "referrerpolicy=\"no-referrer\">Telegram публикация synthetic_live/5</a></li>") !=
        std::string::npos);
  CHECK(ru.find("<span class=\"meta\">news.synthetic.example</span>") != std::string::npos);
  CHECK(ru.find(">synthetic.example/misc</a>") != std::string::npos);

  const std::string kk = section(grant_page("kk", "synthetic-2024-full"), "media");
  CHECK(kk.find("<h3>Іс-шара: <span lang=\"kk\">") != std::string::npos);
  CHECK(kk.find("<h3>Іс-шараға байланыстырылмаған материалдар</h3>") != std::string::npos);
  CHECK(kk.find("<span class=\"meta\">YouTube · бейне · ") != std::string::npos);
  CHECK(kk.find(">Instagram жарияланым synthetic02</a>") != std::string::npos);
}

TEST_CASE("Partners, team, narrative and documents are shown", "[integration]") {
  const std::string ru = grant_page("ru", "synthetic-2024-full");
  CHECK(section(ru, "people")
            .find("<li><span lang=\"ru\">ТОО «Синтетический партнёр»</span> — <span "
                  "lang=\"ru\">Синтетическая информационная поддержка</span></li>") !=
        std::string::npos);
  CHECK(
      section(ru, "people")
          .find(
              "<li><span lang=\"ru\">Синтетический Руководитель</span> — <span "
              "lang=\"ru\">Руководитель проекта</span> (<span lang=\"ru\">штатный</span>)</li>") !=
      std::string::npos);
  // The narrative's GFM table becomes an HTML table; its heading is moved below the page's h2.
  const std::string report = section(ru, "report");
  CHECK(report.find("<div class=\"narrative\" lang=\"ru\">\n<h3>Синтетические итоги</h3>") !=
        std::string::npos);
  CHECK(report.find("<th align=\"right\">План</th>") != std::string::npos);
  CHECK(report.find("<td>Синтетические тренинги</td>\n<td align=\"right\">5</td>\n<td "
                    "align=\"right\">3</td>") != std::string::npos);
  // A document with a URL is a link; one without says it is not online.
  const std::string documents = section(ru, "documents");
  CHECK(documents.find(
            "<a href=\"https://operator.synthetic.example/docs/syn-001.pdf\" rel=\"nofollow "
            "noopener\"><span lang=\"ru\">Синтетический договор о гранте</span></a>") !=
        std::string::npos);
  CHECK(documents.find("<span lang=\"ru\">Синтетический итоговый отчёт</span> <span "
                       "class=\"meta\">· Итоговый отчёт</span> <span class=\"meta\">· 20 декабря "
                       "2024\u202Fг.</span> <span class=\"meta\">· страниц: 12</span> <span "
                       "class=\"meta\">· не опубликован в сети</span>") != std::string::npos);
}

TEST_CASE("No output file contains a script element or a javascript: URL", "[integration]") {
  // The fixture tries: <script> in a JSON text (escaped on output) and raw HTML in a narrative
  // (dropped on output). The scripts the portal has are the click-to-play file, loaded only on
  // pages with a YouTube video, and the search page's and the explorer's modules; they are taken
  // out before looking.
  REQUIRE(built().site.read("content/grants/synthetic-2024-full/report.kk.md").find("<script>") !=
          std::string::npos);
  const std::string player = "<script src=\"/assets/media.js\" defer></script>";
  CHECK(grant_page("ru", "synthetic-2024-full").find(player) != std::string::npos);
  CHECK(grant_page("ru", "synthetic-2023-fallback").find(player) == std::string::npos);
  // Grant pages also carry schema.org data, a script element that is data, not code; its JSON has
  // no raw "<" (written as \u003c), so nothing in it can close or alter the element.
  const std::string data_open = "<script type=\"application/ld+json\">";
  for (const auto& [path, bytes] : all_output()) {
    std::string lower = bytes;
    if (const std::size_t at = lower.find(player); at != std::string::npos)
      lower.erase(at, player.size());
    // The search page's module and the explorer's.
    for (const auto& [page, module] :
         {std::pair{"search/index.html", "/assets/search/search.js"},
          std::pair{"explore/index.html", "/assets/explore/explore.js"}}) {
      if (!path.ends_with(page)) continue;
      const std::string script =
          "<script type=\"module\" src=\"" + std::string(module) + "\"></script>";
      const std::size_t at = lower.find(script);
      CHECK(at != std::string::npos);
      if (at != std::string::npos) lower.erase(at, script.size());
    }
    if (const std::size_t at = lower.find(data_open); at != std::string::npos) {
      const std::size_t end = lower.find("</script>", at);
      REQUIRE(end != std::string::npos);
      const std::string json = lower.substr(at + data_open.size(), end - at - data_open.size());
      INFO(json);
      CHECK(json.find('<') == std::string::npos);
      CHECK(json.starts_with("{\"@context\":\"https://schema.org\""));
      lower.erase(at, end + 9 - at);
    }
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    INFO(path);
    CHECK(lower.find("<script") == std::string::npos);
    CHECK(lower.find("javascript:") == std::string::npos);
  }
  CHECK(grant_page("ru", "synthetic-2024-full")
            .find("Синтетическая проблема &lt;script&gt;alert(1)&lt;/script&gt;") !=
        std::string::npos);
}

TEST_CASE("No page shows a missing UI string", "[integration]") {
  for (const auto& [path, bytes] : all_output()) {
    INFO(path);
    CHECK(bytes.find("[[") == std::string::npos);
  }
}

}  // namespace
}  // namespace ashyq::integration
