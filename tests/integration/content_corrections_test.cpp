// Builds the repository's own content/ (the portal made from the five source documents) and checks
// the corrections of issue 13, point 10, on the pages: links exactly as the documents have them, a
// grant's results declared by its grantee shown as such, translated texts marked with the
// document's language, the final report's wage fund in the financial summary, and sources named by
// their titles, never by an editor's file name.
//
// The expected texts come from the source documents (/work/shared/seeds, not read here: the tests
// must not depend on files outside the repository) and from templates/i18n/*.toml.
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <string>

#include "core/date.h"
#include "core/lang.h"
#include "html_reading.h"
#include "i18n/format.h"
#include "test_site.h"

namespace ashyq::integration {
namespace {

// content/ built once for every test of this file, into a scratch folder of the portal fixture's
// test site (removed at exit).
struct ContentBuild {
  RunResult result;
  std::map<std::string, std::string> files;
};

const ContentBuild& content_build() {
  static const ContentBuild build = [] {
    const BuiltSite& p = built_site("portal");
    const auto out = p.site.scratch("content-corrections-public");
    ContentBuild b;
    b.result = p.site.run({"build", "--site", ASHYQ_SOURCE_DIR, "--out", out.string()});
    b.files = p.site.files(out);
    return b;
  }();
  return build;
}

const std::string& page(const std::string& path) {
  const ContentBuild& b = content_build();
  INFO(b.result.err);
  REQUIRE(b.result.exit_code == 0);
  const auto it = b.files.find(path);
  INFO(path);
  REQUIRE(it != b.files.end());
  return it->second;
}

std::string section(const std::string& html, const std::string& id) {
  return between(html, "<section id=\"" + id + "\"", "</section>");
}

std::string tenge(const char* grouped) {  // "10 125 000" → "10 125 000 ₸" with no-break spaces
  std::string out;
  for (const char* c = grouped; *c; ++c)
    out += *c == ' ' ? std::string("\u00A0") : std::string(1, *c);
  return out + "\u00A0₸";
}

TEST_CASE("No page or download built from content/ names a source document by its file name",
          "[integration][content]") {
  const ContentBuild& b = content_build();
  INFO(b.result.err);
  REQUIRE(b.result.exit_code == 0);
  // The editors' names of the seed files: 000_281bc1436806137e.txt and the like.
  const std::regex seed_file("[0-9]{3}_[0-9a-f]{16}\\.txt");
  std::size_t checked = 0;
  for (const auto& [path, bytes] : b.files) {
    INFO(path);
    CHECK_FALSE(std::regex_search(bytes, seed_file));
    ++checked;
  }
  CHECK(checked > 100);
}

TEST_CASE("The Rukhtan grant links the Instagram reel exactly as its final report has it",
          "[integration][content]") {
  for (const char* lang : {"kk", "ru"}) {
    const std::string& html = page(std::string(lang) + "/grants/rukhtan-2024-debate/index.html");
    INFO(lang);
    // Seed 003, line 56: <https://www.instagram.com/reel/C8AAgdsCEQ/?igsh=YzY5YjN5cWhudDli>,
    // published under its canonical URL (the tracking parameter stripped).
    CHECK(contains(html, "https://www.instagram.com/reel/C8AAgdsCEQ/"));
    CHECK_FALSE(contains(html, "C8AAgsdsCEO"));
    // The other reels of task 5 as the document has them.
    CHECK(contains(html, "https://www.instagram.com/reel/C74he6jMSqy/"));
    CHECK(contains(html, "https://www.instagram.com/reel/C9r7DDZMQ7/"));
  }
  // The document's shortcode has 10 characters, not 11: published as written, with the warning.
  CHECK(contains(content_build().result.err, "\"C8AAgdsCEQ\" has 10 characters"));
}

TEST_CASE("The Rukhtan financial summary shows the final report's wage fund, planned and actual",
          "[integration][content]") {
  const struct {
    const char* lang;
    const char* label;
    const char* not_reported;
  } kCases[] = {
      {"kk", "Гранттың жалпы сомасынан еңбекақы төлеу қоры", "хабарланбаған"},
      {"ru", "Фонд оплаты труда из общей суммы гранта", "не сообщено"},
  };
  for (const auto& c : kCases) {
    INFO(c.lang);
    const std::string finance =
        section(page(std::string(c.lang) + "/grants/rukhtan-2024-debate/index.html"), "finance");
    const std::string wage = between(finance, "<tr class=\"report-finance-wage_fund\">", "</tr>");
    // Seed 003, line 223: planned 10 125 000, actual 10 125 000.
    CHECK(text_of(wage) == std::string(c.label) + tenge("10 125 000") + tenge("10 125 000"));
    // Rows 7 and 8 of the same table are empty in the document: not reported, never 0.
    const std::string taxes = between(finance, "<tr class=\"report-finance-taxes\">", "</tr>");
    CHECK(contains(text_of(taxes), std::string(c.not_reported) + c.not_reported));
    CHECK_FALSE(contains(taxes, tenge("0")));
  }
}

TEST_CASE("GAMO 2022 shows its period and results as declared by the grantee, in both languages",
          "[integration][content]") {
  const DateRange declared{*PartialDate::parse("2022-04"), PartialDate::parse("2022-11")};
  const struct {
    Lang lang;
    const char* heading;
    const char* status;
    const char* no_report;
    const char* results;  // the start of the declared results (seed 001, line 191)
    const char* record_status;
  } kCases[] = {
      {Lang::kk, "Грант алушының мәлімдемесі", "Грант алушы мәлімдеген мәртебе: аяқталған",
       "қорытынды есеп жарияланбаған",
       "Жоба Алматы, Қызылорда, Түркістан, Жамбыл, Маңғыстау, Батыс Қазақстан және Атырау "
       "облыстарында іске асырылды.",
       "Іске асырылуда"},
      {Lang::ru, "Заявлено грантополучателем", "Статус, заявленный грантополучателем: завершён",
       "итоговый отчёт не опубликован",
       "Проект реализован в Алматинской, Кызылординской, Туркестанской, Жамбылской, "
       "Мангистауской, Западно-Казахстанской и Атырауской областях.",
       "Реализуется"},
  };
  for (const auto& c : kCases) {
    const std::string lang(lang_code(c.lang));
    INFO(lang);
    const std::string& html = page(lang + "/grants/gamo-2022-local-self-government/index.html");
    const std::string period = i18n::format_range(declared, c.lang);
    // The record's own status is unchanged (no final report); the grantee's word stands beside it.
    CHECK(contains(html, "<p class=\"status status-in_progress\">" + std::string(c.record_status)));
    CHECK(contains(html, std::string(c.status) + "; " + c.no_report));
    const std::string block = section(html, "declared");
    CHECK(contains(block, std::string(">") + c.heading + "</h2>"));
    CHECK(contains(block, period));
    CHECK(contains(block, c.results));
    // The document the declaration comes from, by its title in its own language (Kazakh).
    CHECK(contains(block,
                   "<cite lang=\"kk\">Үкіметтік емес ұйымдар үшін қысқа мерзімді және орта "
                   "мерзімді гранттар беруге арналған конкурсқа қатысуға өтінім"));
    // The header's period is the declared one, labelled as such.
    CHECK(contains(between(html, "<p class=\"flow\">", "</p>"), period + " <small>("));
  }
}

TEST_CASE("Texts translated for the portal are marked with the language of their document",
          "[integration][content]") {
  // Seed 004 (GAMO 2022) is Russian: its Kazakh page is a translation, its Russian page is not.
  const std::string& gamo_kk = page("kk/grants/gamo-2022-local-self-government/index.html");
  const std::string notice = between(gamo_kk, "<p class=\"translation-note\">", "</p>");
  CHECK(contains(notice, "<strong class=\"translation-mark\">Орыс тілінен аударма.</strong>"));
  CHECK(contains(
      notice, "<cite lang=\"ru\">Приложение № 3. Детальное описание социального проекта</cite>"));
  CHECK(contains(section(gamo_kk, "report"), "Орыс тілінен аударма."));
  const std::string& gamo_ru = page("ru/grants/gamo-2022-local-self-government/index.html");
  CHECK_FALSE(contains(section(gamo_ru, "goal"), "translation-note"));
  CHECK_FALSE(contains(section(gamo_ru, "report"), "translation-note"));
  // …but its declared results come from seed 001, which is Kazakh.
  CHECK(contains(section(gamo_ru, "declared"), "Перевод с казахского."));
  CHECK_FALSE(contains(section(gamo_kk, "declared"), "translation-note"));

  // Seed 003 (Rukhtan) is Kazakh: the Russian page and narrative are translations.
  const std::string& rukhtan_ru = page("ru/grants/rukhtan-2024-debate/index.html");
  CHECK(contains(rukhtan_ru, "<strong class=\"translation-mark\">Перевод с казахского.</strong>"));
  CHECK(contains(section(rukhtan_ru, "report"), "Перевод с казахского."));
  CHECK_FALSE(contains(page("kk/grants/rukhtan-2024-debate/index.html"), "translation-mark"));

  // An organisation profile from a Kazakh document, and the plan (seed 002, Kazakh).
  CHECK(contains(page("ru/organisations/gamo/index.html"), "Перевод с казахского."));
  CHECK_FALSE(contains(page("kk/organisations/gamo/index.html"), "translation-mark"));
  CHECK(contains(page("ru/plans/2022-additional/index.html"), "Перевод с казахского."));
}

TEST_CASE("The plan page names its source document by its title, in both languages",
          "[integration][content]") {
  for (const char* lang : {"kk", "ru"}) {
    INFO(lang);
    const std::string& html = page(std::string(lang) + "/plans/2022-additional/index.html");
    CHECK(contains(html,
                   "<cite lang=\"kk\">Үкіметтік емес ұйымдарға гранттар берудің 2022 жылға "
                   "арналған қосымша жоспары</cite>"));
    CHECK_FALSE(contains(html, ".txt"));
  }
}

}  // namespace
}  // namespace ashyq::integration
