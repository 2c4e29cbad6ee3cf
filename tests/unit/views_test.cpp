#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "i18n/format.h"
#include "i18n/ui_strings.h"
#include "loaded_site.h"
#include "views/grant_view.h"
#include "views/list_views.h"
#include "views/parts.h"
#include "views/view_context.h"

namespace ashyq::views {
namespace {

using nlohmann::json;

static_assert(sizeof("\u00A0") == 3, "the execution character set must be UTF-8");

LocalizedText text(std::string_view kk, std::string_view ru) { return {kk, ru}; }

// The UI strings the views below ask for, in both languages.
i18n::UiStrings ui_strings() {
  i18n::UiStrings s;
  const struct {
    const char* key;
    const char* kk;
    const char* ru;
  } kStrings[] = {
      {"fallback.kk", "қазақ тілінде", "на казахском языке"},
      {"fallback.ru", "орыс тілінде", "на русском языке"},
      {"bound.at_least", "кемінде", "не менее"},
      {"bound.at_most", "көп емес", "не более"},
      {"outcome.met", "орындалды", "выполнено"},
      {"outcome.exceeded", "асыра орындалды", "перевыполнено"},
      {"outcome.short", "орындалмады", "не выполнено"},
      {"outcome.not_reported", "есеп жоқ", "нет отчёта"},
      {"outcome.no_target", "жоспар жоқ", "нет плана"},
      {"section.salaries", "Еңбекақы", "Оплата труда"},
      {"section.taxes", "Салықтар", "Налоги"},
      {"section.equipment", "Жабдық", "Оборудование"},
      {"section.direct", "Тікелей шығыстар", "Прямые расходы"},
      {"source.grant", "Грант", "Грант"},
      {"source.own", "Өз қаражаты", "Собственные средства"},
      {"recipient.person", "Жеке тұлға", "Физическое лицо"},
      {"recipient.initiative_group", "Бастамашыл топ", "Инициативная группа"},
      {"recipient.ngo", "ҮЕҰ", "НПО"},
      {"subgrant_status.awarded", "берілді", "выдан"},
      {"translation.from_kk", "Қазақ тілінен аударма", "Перевод с казахского"},
      {"translation.from_ru", "Орыс тілінен аударма", "Перевод с русского"},
      {"translation.grant_note", "Грант мәтіндері аударылған.", "Тексты гранта переведены."},
      {"translation.narrative_note", "Есеп аударылған.", "Отчёт переведён."},
      {"translation.declared_note", "Мәлімдеме аударылған.", "Заявление переведено."},
      {"declared.status.completed", "аяқталған", "завершён"},
      {"report_finance.wage_fund", "Еңбекақы төлеу қоры", "Фонд оплаты труда"},
      {"report_finance.taxes", "Салықтар", "Налоги"},
  };
  for (const auto& row : kStrings) {
    s.set(Lang::kk, row.key, row.kk);
    s.set(Lang::ru, row.key, row.ru);
  }
  return s;
}

std::optional<Value> value(double v, Bound bound = Bound::exactly) {
  Value out;
  out.value = v;
  out.bound = bound;
  return out;
}

TEST_CASE(
    "The grant view shows indicators with their bound, unit and outcome, and counts outcomes") {
  const Portal portal;
  const i18n::UiStrings strings = ui_strings();
  Grant g;
  g.id = "g1";
  Task task;
  task.id = "t1";
  Indicator people;
  people.name = text("Қатысушылар", "Участники");
  people.unit = text("адам", "человек");
  people.planned = value(100, Bound::at_least);
  people.actual = value(120);
  Indicator events;
  events.name = text("Іс-шаралар", "Мероприятия");
  events.planned = value(3);
  Indicator costs;
  costs.name = text("Шығын", "Расход");
  costs.planned = value(2.5, Bound::at_most);
  costs.actual = value(2.25);
  task.indicators = {people, events, costs};
  g.tasks = {task};

  const json v = grant_view(ViewContext{portal, strings, Lang::ru}, g);
  const json& indicators = v["tasks"][0]["indicators"];
  CHECK(indicators[0]["planned"]["ltext"]["text"] == "не менее 100 человек");
  CHECK(indicators[0]["actual"]["ltext"]["text"] == "120 человек");
  CHECK(indicators[0]["actual"]["ltext"]["lang"] == "ru");
  CHECK(indicators[0]["outcome"] == "exceeded");
  CHECK(indicators[0]["outcome_label"] == "перевыполнено");
  CHECK(indicators[1]["actual"]["not_reported"] == true);
  CHECK(indicators[1]["outcome"] == "not_reported");
  CHECK(indicators[2]["planned"]["ltext"]["text"] == "не более 2,5");
  CHECK(indicators[2]["actual"]["ltext"]["text"] == "2,25");
  CHECK(indicators[2]["outcome"] == "met");
  // The verdicts are the portal's comparison of reported figures: computed.
  for (const auto& [k, n] : {std::pair{"met", "1"}, std::pair{"exceeded", "1"}, std::pair{"short", "0"},
                             std::pair{"not_reported", "1"}, std::pair{"no_target", "0"}}) {
    CHECK(v["indicator_totals"][k]["text"] == n);
    CHECK(v["indicator_totals"][k]["computed"] == true);
  }
  CHECK(v["has_indicators"] == true);
}

TEST_CASE("A sub-grant recipient's name is published only for an NGO or with consent") {
  struct Case {
    const char* what;
    RecipientKind kind;
    bool consent;
    const char* name_ru;  // "" for no name given
    bool published;
  };
  static const Case kCases[] = {
      {"person without consent", RecipientKind::person, false, "Айгерим Нурланкызы", false},
      {"person with consent", RecipientKind::person, true, "Ержан Сапаров", true},
      {"initiative group without consent", RecipientKind::initiative_group, false,
       "Инициатива Бекзата Оспанова", false},
      {"initiative group with consent", RecipientKind::initiative_group, true, "Жасыл аула", true},
      {"NGO, which is public, without consent", RecipientKind::ngo, false, "ОФ «Рухтан»", true},
      {"person with consent but no name", RecipientKind::person, true, "", false},
  };
  const Portal portal;
  const i18n::UiStrings strings = ui_strings();
  for (const Case& c : kCases) {
    INFO(c.what);
    Grant g;
    g.id = "g1";
    g.subgrants.present = true;
    Subgrant sg;
    sg.id = "sg1";
    sg.recipient_kind = c.kind;
    sg.name_consent = c.consent;
    sg.recipient_name.set(Lang::ru, c.name_ru);
    sg.locality = text("Қордай ауылы", "село Кордай");
    sg.amount = Tenge(500000);
    g.subgrants.awarded = {sg};

    for (Lang lang : kAllLangs) {
      const json v = grant_view(ViewContext{portal, strings, lang}, g);
      const json& row = v["subgrants"]["awarded"][0];
      if (c.published) {
        CHECK(row["name"]["text"] == c.name_ru);
        CHECK(row["name"]["lang"] == "ru");
      } else {
        CHECK(row["name"].is_null());
        // Not anywhere else on the page either.
        if (*c.name_ru) CHECK(v.dump().find(c.name_ru) == std::string::npos);
      }
      CHECK(row["locality"]["text"] == sg.locality.in(lang));
    }
  }
}

TEST_CASE("The budget view groups lines by section with totals, shares and variances") {
  const i18n::UiStrings strings = ui_strings();
  Portal portal;
  Grant g;
  g.id = "g1";
  g.amount = Tenge(1000000);
  Task task;
  task.id = "t1";
  Activity forum;
  forum.id = "forum";
  forum.title = text("Форум", "Форум молодёжи");
  task.activities = {forum};
  g.tasks = {task};
  g.budget.present = true;
  auto line = [](BudgetSection section, const char* article, std::int64_t total,
                 FundingSource source, std::optional<std::int64_t> actual) {
    BudgetLine l;
    l.section = section;
    l.article = text(article, article);
    l.total = Tenge(total);
    l.source = source;
    if (actual) l.actual = Tenge(*actual);
    return l;
  };
  BudgetLine coordinator =
      line(BudgetSection::salaries, "Координатор", 300000, FundingSource::grant, 300000);
  coordinator.quantity = Quantity{5000};
  coordinator.unit_cost = Tenge(60000);
  BudgetLine hall =
      line(BudgetSection::direct, "Аренда зала", 520000, FundingSource::grant, 530000);
  hall.activity = "forum";
  g.budget.lines = {
      coordinator,
      line(BudgetSection::taxes, "Налоги", 30000, FundingSource::grant, 25000),
      line(BudgetSection::equipment, "Ноутбук", 150000, FundingSource::grant, std::nullopt),
      hall,
      line(BudgetSection::direct, "Кофе-брейк", 100000, FundingSource::own, 100000),
  };
  BudgetSubtotal admin;
  admin.label = text("Әкімшілік шығыстар", "Административные расходы");
  admin.sections = {BudgetSection::salaries, BudgetSection::taxes};
  admin.amount = Tenge(330000);
  g.budget.subtotals = {admin};

  const json b = json(grant_view(ViewContext{portal, strings, Lang::ru}, g))["budget"];
  const json& sections = b["sections"];
  REQUIRE(sections.size() == 4);  // services and materials have no lines and are left out
  CHECK(sections[0]["key"] == "salaries");
  CHECK(sections[1]["key"] == "taxes");
  CHECK(sections[2]["key"] == "equipment");
  CHECK(sections[3]["key"] == "direct");

  CHECK(sections[0]["label"] == "Оплата труда");
  CHECK(sections[0]["administrative"] == true);
  CHECK(sections[0]["total"]["text"] == "300\u00A0000\u00A0₸");
  CHECK(sections[0]["share"]["text"] == "30\u00A0%");
  CHECK(sections[0]["variance"]["text"] == "0\u00A0₸");
  const json& coordinator_row = sections[0]["lines"][0];
  CHECK(coordinator_row["quantity"]["text"] == "5");
  CHECK(coordinator_row["unit_cost"]["text"] == "60\u00A0000\u00A0₸");
  CHECK(coordinator_row["source"] == "Грант");

  CHECK(sections[1]["actual"]["text"] == "25\u00A0000\u00A0₸");
  CHECK(sections[1]["variance"]["text"] == "\u22125\u00A0000\u00A0₸");  // a real minus sign

  CHECK(sections[2]["actual"]["not_reported"] == true);  // the laptop has no actual spending yet
  CHECK(sections[2]["variance"]["not_reported"] == true);
  CHECK(sections[2]["share"]["text"] == "15\u00A0%");

  CHECK(sections[3]["administrative"] == false);
  CHECK(sections[3]["total"]["text"] == "620\u00A0000\u00A0₸");
  CHECK(sections[3]["actual"]["text"] == "630\u00A0000\u00A0₸");
  CHECK(sections[3]["variance"]["text"] == "+10\u00A0000\u00A0₸");
  CHECK(sections[3]["lines"][0]["activity"]["text"] == "Форум молодёжи");
  CHECK(sections[3]["lines"][1]["activity"].is_null());
  CHECK(sections[3]["lines"][1]["source"] == "Собственные средства");

  CHECK(b["total"]["text"] == "1\u00A0100\u00A0000\u00A0₸");
  CHECK(b["grant_funds"]["text"] == "1\u00A0000\u00A0000\u00A0₸");
  CHECK(b["own_funds"]["text"] == "100\u00A0000\u00A0₸");
  CHECK(b["administrative"]["text"] == "330\u00A0000\u00A0₸");
  CHECK(b["administrative_share"]["text"] == "33\u00A0%");
  CHECK(b["direct_share"]["text"] == "62\u00A0%");
  CHECK(b["equipment_share"]["text"] == "15\u00A0%");
  CHECK(b["equipment_over_cap"] == true);  // more than 10 % of the grant
  CHECK(b["has_actual"] == true);
  CHECK(b["actual_total"]["not_reported"] == true);  // not every line has an actual yet
  CHECK(b["variance_total"]["not_reported"] == true);

  REQUIRE(b["subtotals"].size() == 1);
  CHECK(b["subtotals"][0]["scope"] == "Оплата труда + Налоги");
  CHECK(b["subtotals"][0]["amount"]["text"] == "330\u00A0000\u00A0₸");
  CHECK(b["subtotals"][0]["label"]["text"] == "Административные расходы");
}

TEST_CASE("Equipment of exactly a tenth of the grant is within the cap") {
  const Portal portal;
  const i18n::UiStrings strings = ui_strings();
  Grant g;
  g.amount = Tenge(1000000);
  g.budget.present = true;
  BudgetLine laptop;
  laptop.section = BudgetSection::equipment;
  laptop.total = Tenge(100000);
  g.budget.lines = {laptop};
  const json b = json(grant_view(ViewContext{portal, strings, Lang::kk}, g))["budget"];
  CHECK(b["equipment_over_cap"] == false);
  CHECK(b["equipment_share"]["text"] == "10%");
}

TEST_CASE("A text missing in the page's language falls back to the other, marked with its lang") {
  const Portal portal;
  const i18n::UiStrings strings = ui_strings();
  const ViewContext kk{portal, strings, Lang::kk};
  const ViewContext ru{portal, strings, Lang::ru};
  LocalizedText only_kk;
  only_kk.set(Lang::kk, "Жастар форумы");
  LocalizedText only_ru;
  only_ru.set(Lang::ru, "Молодёжный форум");

  CHECK(ru.text(only_kk) == json{{"text", "Жастар форумы"},
                                 {"lang", "kk"},
                                 {"fallback", true},
                                 {"fallback_note", "на казахском языке"}});
  CHECK(kk.text(only_ru) == json{{"text", "Молодёжный форум"},
                                 {"lang", "ru"},
                                 {"fallback", true},
                                 {"fallback_note", "орыс тілінде"}});
  CHECK(json(kk.text(only_kk)) == json{{"text", "Жастар форумы"},
                                       {"lang", "kk"},
                                       {"fallback", false},
                                       {"fallback_note", nullptr}});
  CHECK(json(ru.text(text("Форум", "Форум"))) ==
        json{{"text", "Форум"}, {"lang", "ru"}, {"fallback", false}, {"fallback_note", nullptr}});
  CHECK_FALSE(ru.text(LocalizedText{}).has_value());
  CHECK(ru.plain(only_kk) == "Жастар форумы");
  CHECK(ru.plain(LocalizedText{}) == "");
}

TEST_CASE("A narrative in one language only is shown on the other language's page, marked") {
  const Portal portal;
  const i18n::UiStrings strings = ui_strings();
  Grant g;
  g.id = "g1";
  Narrative& kk = g.narratives[static_cast<int>(Lang::kk)];
  kk.present = true;
  kk.title = "Қорытынды есеп";
  kk.markdown = "Жоба *аяқталды*.\n";

  const json ru_view = grant_view(ViewContext{portal, strings, Lang::ru}, g);
  CHECK(ru_view["narrative"]["lang"] == "kk");
  CHECK(ru_view["narrative"]["fallback"] == true);
  CHECK(ru_view["narrative"]["fallback_note"] == "на казахском языке");
  CHECK(ru_view["narrative"]["title"] == "Қорытынды есеп");
  CHECK(ru_view["narrative"]["html"].get<std::string>().find("<em>аяқталды</em>") !=
        std::string::npos);

  const json kk_view = grant_view(ViewContext{portal, strings, Lang::kk}, g);
  CHECK(kk_view["narrative"]["lang"] == "kk");
  CHECK(kk_view["narrative"]["fallback"] == false);

  g.narratives[static_cast<int>(Lang::kk)].present = false;
  CHECK(json(grant_view(ViewContext{portal, strings, Lang::ru}, g))["narrative"].is_null());
}

// A grant as seed 004 gives it (Russian), with what its grantee declared about it in seed 001
// (Kazakh), and narratives in both languages.
Grant translated_grant() {
  Grant g;
  g.id = "g1";
  g.status = GrantStatus::in_progress;
  g.source_language = Lang::ru;
  Document description;
  description.title = text("№3 қосымша. Жобаның сипаттамасы", "Приложение № 3. Описание проекта");
  g.documents.push_back(description);
  g.declared.present = true;
  g.declared.source = text("Конкурсқа қатысуға өтінім", "Заявка на участие в конкурсе");
  g.declared.source_language = Lang::kk;
  g.declared.status = GrantStatus::completed;
  g.declared.period = DateRange{*PartialDate::parse("2022-04"), PartialDate::parse("2022-11")};
  g.declared.results = text("Жоба іске асырылды.", "Проект реализован.");
  for (Lang lang : kAllLangs) {
    Narrative& n = g.narratives[static_cast<int>(lang)];
    n.present = true;
    n.markdown = "Есеп.\n";
  }
  return g;
}

TEST_CASE("Texts in the language other than their document's are marked as a translation") {
  const Portal portal;
  const i18n::UiStrings strings = ui_strings();
  const Grant g = translated_grant();

  // Kazakh page of a Russian document: the page's texts and its narrative are translations; the
  // declaration, from a Kazakh document, is not.
  const json kk = grant_view(ViewContext{portal, strings, Lang::kk}, g);
  CHECK(kk["translation"]["label"] == "Орыс тілінен аударма");
  CHECK(kk["translation"]["note"] == "Грант мәтіндері аударылған.");
  CHECK(kk["translation"]["source_lang"] == "ru");
  CHECK(kk["translation"]["documents"] ==
        json::array({{{"text", "Приложение № 3. Описание проекта"},
                      {"lang", "ru"},
                      {"separator", ""}}}));
  CHECK(kk["narrative"]["translation"]["label"] == "Орыс тілінен аударма");
  CHECK(kk["narrative"]["translation"]["note"] == "Есеп аударылған.");
  CHECK(kk["declared"]["translation"].is_null());

  // Russian page: the reverse.
  const json ru = grant_view(ViewContext{portal, strings, Lang::ru}, g);
  CHECK(ru["translation"].is_null());
  CHECK(ru["narrative"]["translation"].is_null());
  CHECK(ru["declared"]["translation"]["label"] == "Перевод с казахского");
  CHECK(ru["declared"]["translation"]["note"] == "Заявление переведено.");
  // No documents of its own: a template's has_documents inside it never reaches the page's list.
  CHECK(ru["declared"]["translation"]["documents"] == json::array());

  // A record that does not say its documents' language is not marked.
  Grant unknown = g;
  unknown.source_language.reset();
  const json unmarked = grant_view(ViewContext{portal, strings, Lang::kk}, unknown);
  CHECK(unmarked["translation"].is_null());
}

TEST_CASE("What the grantee declared is shown as its declaration, beside the record's own status") {
  const Portal portal;
  const i18n::UiStrings strings = ui_strings();
  const Grant g = translated_grant();
  const json ru = grant_view(ViewContext{portal, strings, Lang::ru}, g);
  const json& d = ru["declared"];
  // The document named by its title in its own language, with that language for the lang
  // attribute.
  CHECK(d["source"] == json{{"text", "Конкурсқа қатысуға өтінім"}, {"lang", "kk"}});
  CHECK(d["status"] == "завершён");
  CHECK(d["period"] ==
        i18n::format_range(DateRange{*PartialDate::parse("2022-04"), PartialDate::parse("2022-11")},
                           Lang::ru));
  CHECK(d["results"]["text"] == "Проект реализован.");
  CHECK(d["no_final_report"].is_string());  // the record has no final report
  CHECK(ru["header"]["declared_status"] == "завершён");
  CHECK(ru["header"]["declared_period"] == d["period"]);
  CHECK(ru["header"]["no_final_report"].is_string());
  CHECK(ru["header"]["status_key"] == "in_progress");

  Grant plain = g;
  plain.declared = {};
  const json none = grant_view(ViewContext{portal, strings, Lang::ru}, plain);
  CHECK(none["declared"].is_null());
  CHECK(none["header"]["declared_status"].is_null());
}

TEST_CASE("The final report's wage fund reaches the financial summary, empty cells left empty") {
  const Portal portal;
  const i18n::UiStrings strings = ui_strings();
  Grant g;
  g.id = "g1";
  g.impact.wage_fund = {true, Tenge(10125000), Tenge(10125000)};
  g.impact.taxes = {true, std::nullopt, std::nullopt};
  const json rows = json(grant_view(ViewContext{portal, strings, Lang::ru}, g))["report_finance"];
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["key"] == "wage_fund");
  CHECK(rows[0]["label"] == "Фонд оплаты труда");
  CHECK(rows[0]["planned"]["text"] == "10\u00A0125\u00A0000\u00A0₸");
  CHECK(rows[0]["planned"]["reported"] == true);
  CHECK(rows[0]["actual"]["text"] == "10\u00A0125\u00A0000\u00A0₸");
  CHECK(rows[1]["key"] == "taxes");
  CHECK(rows[1]["label"] == "Налоги");
  CHECK(rows[1]["planned"]["not_reported"] == true);  // an empty cell: "not reported", never 0
  CHECK(rows[1]["actual"]["not_reported"] == true);
  // Not a budget: the grant still has no budget lines to check.
  CHECK(json(grant_view(ViewContext{portal, strings, Lang::ru}, g))["budget"].is_null());
}

TEST_CASE("The grant view chooses the notes beside a missing budget and a final report") {
  const Portal portal;
  i18n::UiStrings strings = ui_strings();
  strings.set(Lang::ru, "grant.not_reported", "Не сообщается");
  strings.set(Lang::ru, "report_finance.no_budget", "Сметы нет, только суммы отчёта");
  strings.set(Lang::ru, "grant.final_report", "Итоговый отчёт");
  strings.set(Lang::ru, "grant.final_report_not_published", "итоговый отчёт не опубликован");
  const ViewContext ctx{portal, strings, Lang::ru};
  Grant g;
  g.id = "g1";
  g.status = GrantStatus::in_progress;

  // No budget and no money rows of a final report: not reported; with them, the sums stand alone.
  CHECK(json(grant_view(ctx, g))["no_budget_note"] == "Не сообщается");
  g.impact.wage_fund = {true, Tenge(10125000), Tenge(10125000)};
  CHECK(json(grant_view(ctx, g))["no_budget_note"] == "Сметы нет, только суммы отчёта");
  g.budget.present = true;
  CHECK(json(grant_view(ctx, g))["no_budget_note"].is_null());

  // A grant whose money was awarded owes a final report: its date, or that it is not published.
  CHECK(json(grant_view(ctx, g))["header"]["final_report_note"] == "итоговый отчёт не опубликован");
  const PartialDate reported = *PartialDate::parse("2024-12-20");
  g.final_report_date = reported;
  CHECK(json(grant_view(ctx, g))["header"]["final_report_note"] ==
        "Итоговый отчёт: " + i18n::format_date(reported, Lang::ru));
  Grant application = g;
  application.status = GrantStatus::application;
  application.final_report_date.reset();
  CHECK(json(grant_view(ctx, application))["header"]["final_report_note"].is_null());
}

}  // namespace
}  // namespace ashyq::views

namespace ashyq::views {
namespace {

// The page numbers a pagination view shows, "…" for a gap.
std::string shown_pages(const nlohmann::json& pagination) {
  std::string out;
  for (const auto& p : pagination["pages"]) {
    if (!out.empty()) out += ' ';
    out += p["gap"].get<bool>() ? std::string("…") : p["number"].get<std::string>();
    if (p["current"].get<bool>()) out += '*';
  }
  return out;
}

TEST_CASE("Pagination links the first, last and nearby pages, and marks the gaps") {
  const std::string base = "/kk/subgrants/";
  // 1 000 items of 10 a page: 100 pages.
  CHECK(shown_pages(pagination_view(base, 1, 1000, 10)) == "1* 2 3 … 100");
  CHECK(shown_pages(pagination_view(base, 4, 1000, 10)) == "1 2 3 4* 5 6 … 100");
  CHECK(shown_pages(pagination_view(base, 5, 1000, 10)) == "1 2 3 4 5* 6 7 … 100");  // no gap of 1
  CHECK(shown_pages(pagination_view(base, 50, 1000, 10)) == "1 … 48 49 50* 51 52 … 100");
  CHECK(shown_pages(pagination_view(base, 100, 1000, 10)) == "1 … 98 99 100*");
  // Short lists show every page; one page shows none.
  CHECK(shown_pages(pagination_view(base, 3, 70, 10)) == "1 2 3* 4 5 6 7");
  CHECK(shown_pages(pagination_view(base, 1, 10, 10)).empty());
  const nlohmann::json middle = pagination_view(base, 50, 1000, 10);
  CHECK(middle["pages"][2]["url"] == "/kk/subgrants/page/48/");
  CHECK(middle["prev"] == "/kk/subgrants/page/49/");
  CHECK(middle["next"] == "/kk/subgrants/page/51/");
  CHECK(middle["first_item"] == "491");
  CHECK(middle["last_item"] == "500");
  // The view no longer grows with the list: a million pages give the same 9 entries.
  CHECK(pagination_view(base, 500000, 10000000, 10).pages.size() == 9);
}

}  // namespace
}  // namespace ashyq::views

namespace ashyq::views {
namespace {

TEST_CASE("An organisation's roles link their full lists, or say the files hold them") {
  const testing::LoadedSite loaded;
  const ViewContext ctx{loaded.portal, loaded.strings, Lang::ru};
  bool linked = false, in_files = false;
  for (std::size_t o = 0; o < loaded.portal.organisations.size(); ++o)
    for (const OrganisationRoleView& role : organisation_view(ctx, loaded.index, o, 1).roles) {
      // A grantee's and an operator's grants have a facet page; a partner's only the files.
      const bool partner = role.role == ctx.t("role.partner");
      CHECK(role.all_url.has_value() == !partner);
      CHECK(role.all_label == ctx.t(partner ? "organisation.all_in_files"
                                            : "organisation.all_in_catalogue"));
      (partner ? in_files : linked) = true;
    }
  CHECK(linked);
  CHECK(in_files);
}

TEST_CASE("A region's page notes overlapping regions only when one of its grants has several") {
  const testing::LoadedSite loaded;
  const ViewContext ctx{loaded.portal, loaded.strings, Lang::ru};
  bool noted = false, plain = false;
  for (std::size_t r = 0; r < loaded.portal.regions.size(); ++r) {
    bool multi = false;
    for (std::size_t g : loaded.index.facet(FacetKind::region)
                             .value_or_empty(loaded.portal.regions[r].id)
                             .grants)
      multi = multi || loaded.portal.grants[g].regions.size() > 1;
    const RegionView v = region_view(ctx, loaded.index, r, 10);
    CHECK(v.multi_region_note.has_value() == multi);
    (multi ? noted : plain) = true;
  }
  CHECK(noted);
  CHECK(plain);
}

}  // namespace
}  // namespace ashyq::views
