#include "workbook/grant_form.h"

#include <map>

#include "model/enum_names.h"

namespace ashyq::workbook {

int width(Kind kind) { return kind == Kind::text || kind == Kind::range ? 2 : 1; }

namespace {

Field f(std::string key, Kind kind, std::string kk, std::string ru, std::string list = {}) {
  return {std::move(key), kind, std::move(kk), std::move(ru), std::move(list)};
}

// A form row of one field whose value is the row's path itself.
FormRow one(std::string key, std::string path, Kind kind, std::string kk, std::string ru,
            std::string list = {}) {
  FormRow row{std::move(key), std::move(path), false, kk, ru, {}};
  row.fields.push_back(f("", kind, std::move(kk), std::move(ru), std::move(list)));
  return row;
}

FormRow many(std::string key, std::string path, Kind kind, std::string kk, std::string ru,
             std::string list = {}) {
  FormRow row =
      one(std::move(key), std::move(path), kind, std::move(kk), std::move(ru), std::move(list));
  row.repeated = true;
  return row;
}

std::vector<Sheet> make_sheets() {
  std::vector<Sheet> sheets;

  Sheet grant{"Grant", "Грант: негізгі деректер, мерзімі, сомасы, өңірлері",
              "Грант: основные данные, сроки, сумма, регионы", true};
  grant.rows = {
      one("id", "/id", Kind::slug, "Грант коды (id)", "Код гранта (id)"),
      one("status", "/status", Kind::choice, "Мәртебесі", "Статус", "status"),
      one("source_language", "/source_language", Kind::choice, "Құжаттардың тілі",
          "Язык документов", "language"),
      one("contract.number", "/contract/number", Kind::string, "Шарттың нөмірі", "Номер договора"),
      one("contract.date", "/contract/date", Kind::date, "Шарттың күні", "Дата договора"),
      one("operator", "/operator", Kind::choice, "Грант операторы", "Оператор гранта",
          "organisations"),
      one("programme", "/programme", Kind::text, "Бағдарлама", "Программа"),
      one("plan_topic", "/plan_topic", Kind::string, "Жоспардағы тақырып нөмірі",
          "Номер темы в плане"),
      one("direction", "/direction", Kind::choice, "Бағыты", "Направление", "directions"),
      one("grant_type", "/grant_type", Kind::choice, "Грант түрі", "Вид гранта", "grant_type"),
      one("grantee", "/grantee", Kind::choice, "Грант алушы", "Грантополучатель", "organisations"),
      one("title", "/title", Kind::text, "Жобаның атауы", "Название проекта"),
      one("topic", "/topic", Kind::text, "Тақырыбы", "Тема"),
      one("goal", "/goal", Kind::text, "Мақсаты", "Цель"),
      one("problem", "/problem", Kind::text, "Шешілетін мәселе", "Решаемая проблема"),
      many("target_groups", "/target_groups", Kind::text, "Нысаналы топ", "Целевая группа"),
      many("expected_results", "/expected_results", Kind::text, "Күтілетін нәтиже",
           "Ожидаемый результат"),
      many("regions", "/regions", Kind::choice, "Өңір", "Регион", "regions"),
      many("localities", "/localities", Kind::text, "Елді мекен, аудан", "Населённый пункт, район"),
      one("period.planned", "/period/planned", Kind::range, "Жоспарланған мерзімі",
          "Плановый срок"),
      one("period.actual", "/period/actual", Kind::range, "Нақты мерзімі", "Фактический срок"),
      one("amount", "/amount", Kind::money, "Грант сомасы, теңге", "Сумма гранта, тенге"),
      one("own_contribution", "/own_contribution", Kind::money, "Өз салымы, теңге",
          "Собственный вклад, тенге"),
      one("budget.total", "/budget/total", Kind::money, "Бюджеттің жиыны, теңге",
          "Итого по бюджету, тенге"),
      one("subgrants.planned_count", "/subgrants/planned_count", Kind::integer,
          "Шағын гранттардың жоспарланған саны", "Плановое число малых грантов"),
      one("subgrants.ceiling", "/subgrants/ceiling", Kind::money, "Бір шағын гранттың шегі, теңге",
          "Предел одного малого гранта, тенге"),
      one("subgrants.envelope", "/subgrants/envelope", Kind::money, "Шағын гранттардың қоры, теңге",
          "Фонд малых грантов, тенге"),
      one("subgrants.recipients", "/subgrants/recipients", Kind::text, "Шағын грант алушылар",
          "Получатели малых грантов"),
      one("final_report.date", "/final_report/date", Kind::date, "Қорытынды есептің күні",
          "Дата итогового отчёта"),
      one("final_report.pages", "/final_report/pages", Kind::integer, "Есептің беттері",
          "Страниц в отчёте"),
      one("final_report.signed_by", "/final_report/signed_by", Kind::text, "Есепке қол қойған",
          "Отчёт подписал"),
      one("declared.source", "/declared/source", Kind::text, "Мәлімдеме құжаты",
          "Документ с заявлением"),
      one("declared.source_language", "/declared/source_language", Kind::choice,
          "Мәлімдеме құжатының тілі", "Язык документа с заявлением", "language"),
      one("declared.status", "/declared/status", Kind::choice, "Мәлімделген мәртебе",
          "Заявленный статус", "status"),
      one("declared.period", "/declared/period", Kind::range, "Мәлімделген мерзімі",
          "Заявленный срок"),
      one("declared.results", "/declared/results", Kind::text, "Мәлімделген нәтижелер",
          "Заявленные результаты"),
  };
  grant.value_headers = {
      {"Мәні; мәтін қазақша; мерзімнің басы", "Значение; текст на казахском; начало срока"},
      {"Мәтін орысша; мерзімнің соңы", "Текст на русском; конец срока"}};
  sheets.push_back(std::move(grant));

  Sheet tasks{"Tasks", "Міндеттер", "Задачи"};
  tasks.array = "/tasks";
  tasks.columns = {
      f("id", Kind::slug, "Міндет коды (t1…)", "Код задачи (t1…)"),
      f("title", Kind::text, "Міндет", "Задача"),
      f("long_term_result", Kind::text, "Ұзақ мерзімді нәтиже", "Долгосрочный результат")};
  sheets.push_back(std::move(tasks));

  Sheet activities{"Activities", "Іс-шаралар, міндеттер бойынша", "Мероприятия, по задачам"};
  activities.array = "/tasks/*/activities";
  activities.parent_key = "id";
  activities.parent = f("", Kind::slug, "Міндет коды", "Код задачи");
  activities.columns = {f("id", Kind::slug, "Іс-шара коды (t1-a1…)", "Код мероприятия (t1-a1…)"),
                        f("title", Kind::text, "Іс-шара", "Мероприятие"),
                        f("date", Kind::range, "Мерзімі", "Срок"),
                        f("place", Kind::text, "Өтетін орны", "Место проведения"),
                        f("participants", Kind::integer, "Қатысушылар", "Участников"),
                        f("result", Kind::text, "Нәтижесі", "Результат")};
  sheets.push_back(std::move(activities));

  Sheet indicators{"Indicators", "Көрсеткіштер: жоспар және нақты", "Показатели: план и факт"};
  indicators.array = "/tasks/*/indicators";
  indicators.parent_key = "id";
  indicators.parent = f("", Kind::slug, "Міндет коды", "Код задачи");
  indicators.columns = {f("name", Kind::text, "Көрсеткіш", "Показатель"),
                        f("activity", Kind::slug, "Іс-шара коды", "Код мероприятия"),
                        f("unit", Kind::text, "Өлшем бірлігі", "Единица измерения", "units"),
                        f("planned/value", Kind::number, "Жоспар", "План"),
                        f("planned/bound", Kind::choice, "Жоспар: шегі", "План: граница", "bound"),
                        f("planned/text", Kind::text, "Жоспар: мәтінмен", "План: текстом"),
                        f("actual/value", Kind::number, "Нақты", "Факт"),
                        f("actual/bound", Kind::choice, "Нақты: шегі", "Факт: граница", "bound"),
                        f("actual/text", Kind::text, "Нақты: мәтінмен", "Факт: текстом"),
                        f("comment", Kind::text, "Түсініктеме", "Комментарий")};
  sheets.push_back(std::move(indicators));

  Sheet impact{"Impact", "Әлеуметтік-экономикалық әсер: жоспар және нақты",
               "Социально-экономический эффект: план и факт", true};
  const std::pair<const char*, std::pair<const char*, const char*>> people[] = {
      {"direct_beneficiaries", {"Тікелей алушылар", "Прямые благополучатели"}},
      {"indirect_beneficiaries", {"Жанама алушылар", "Косвенные благополучатели"}},
      {"staff", {"Жоба қызметкерлері", "Сотрудники проекта"}},
      {"specialists", {"Тартылған мамандар", "Привлечённые специалисты"}},
      {"ngos_involved", {"Тартылған ҮЕҰ", "Вовлечённые НПО"}},
      {"volunteers", {"Еріктілер", "Волонтёры"}}};
  for (const auto& [key, label] : people)
    impact.rows.push_back(
        {std::string("impact.") + key,
         std::string("/impact/") + key,
         false,
         label.first,
         label.second,
         {f("planned", Kind::count, "Жоспар", "План"), f("actual", Kind::count, "Нақты", "Факт"),
          f("unit", Kind::text, "Өлшем бірлігі", "Единица измерения", "units")},
         true});
  const std::pair<const char*, std::pair<const char*, const char*>> money[] = {
      {"wage_fund", {"Еңбекақы қоры, теңге", "Фонд оплаты труда, тенге"}},
      {"taxes", {"Салықтар, теңге", "Налоги, тенге"}},
      {"economic_contribution", {"Экономикаға үлес, теңге", "Вклад в экономику, тенге"}}};
  for (const auto& [key, label] : money)
    impact.rows.push_back(
        {std::string("impact.") + key,
         std::string("/impact/") + key,
         false,
         label.first,
         label.second,
         {f("planned", Kind::count, "Жоспар", "План"), f("actual", Kind::count, "Нақты", "Факт")},
         true});
  impact.value_headers = {{"Жоспар", "План"},
                          {"Нақты", "Факт"},
                          {"Өлшем бірлігі (қазақша)", "Единица измерения (на казахском)"},
                          {"Өлшем бірлігі (орысша)", "Единица измерения (на русском)"},
                          {kPresenceKk, kPresenceRu}};
  sheets.push_back(std::move(impact));

  Sheet participants{"Participants", "Қатысушылар: жынысы, жасы, санаты бойынша",
                     "Участники: по полу, возрасту, категориям", true};
  participants.rows = {
      one("total", "/participants/total", Kind::integer, "Қатысушылардың барлығы",
          "Всего участников"),
      one("male", "/participants/by_gender/male", Kind::count, "Ерлер", "Мужчины"),
      one("female", "/participants/by_gender/female", Kind::count, "Әйелдер", "Женщины"),
      {"by_age",
       "/participants/by_age",
       true,
       "Жас тобы",
       "Возрастная группа",
       {f("group", Kind::choice, "Жас тобы", "Возрастная группа", "age"),
        f("count", Kind::count, "Саны", "Число")}},
      {"by_category",
       "/participants/by_category",
       true,
       "Әлеуметтік санат",
       "Социальная категория",
       {f("category", Kind::choice, "Санат", "Категория", "category"),
        f("count", Kind::count, "Саны", "Число")}},
  };
  participants.value_headers = {
      {"Саны; жас тобы немесе санат", "Число; возрастная группа или категория"},
      {"Жас тобы, санат бойынша саны", "Число по возрастной группе, категории"}};
  sheets.push_back(std::move(participants));

  Sheet budget{"Budget", "Бюджет баптары", "Статьи бюджета"};
  budget.array = "/budget/lines";
  budget.columns = {f("section", Kind::choice, "Бөлім", "Раздел", "section"),
                    f("activity", Kind::slug, "Іс-шара коды", "Код мероприятия"),
                    f("article", Kind::text, "Шығыс бабы", "Статья расходов"),
                    f("unit", Kind::text, "Өлшем бірлігі", "Единица измерения", "units"),
                    f("quantity", Kind::number, "Саны", "Количество"),
                    f("unit_cost", Kind::money, "Бірлік құны, теңге", "Цена за единицу, тенге"),
                    f("total", Kind::money, "Барлығы, теңге", "Всего, тенге"),
                    f("source", Kind::choice, "Қаржы көзі", "Источник средств", "source"),
                    f("actual", Kind::money, "Нақты шығыс, теңге", "Фактический расход, тенге"),
                    f("note", Kind::text, "Ескерту", "Примечание")};
  sheets.push_back(std::move(budget));

  Sheet subtotals{"BudgetSubtotals", "Бюджеттің аралық жиындары", "Промежуточные итоги бюджета"};
  subtotals.array = "/budget/subtotals";
  subtotals.columns = {
      f("label", Kind::text, "Жиын", "Итог"),
      f("sections", Kind::choices, "Бөлімдер (үтір арқылы)", "Разделы (через запятую)", "section"),
      f("activity", Kind::slug, "Іс-шара коды", "Код мероприятия"),
      f("amount", Kind::money, "Сомасы, теңге", "Сумма, тенге"),
      f("actual", Kind::money, "Нақты, теңге", "Факт, тенге")};
  sheets.push_back(std::move(subtotals));

  Sheet subgrants{"Subgrants", "Берілген шағын гранттар", "Выданные малые гранты"};
  subgrants.array = "/subgrants/awarded";
  subgrants.columns = {
      f("id", Kind::slug, "Шағын грант коды", "Код малого гранта"),
      f("recipient_kind", Kind::choice, "Алушы түрі", "Вид получателя", "recipient"),
      f("recipient_name", Kind::text, "Алушы", "Получатель"),
      f("name_consent", Kind::boolean, "Атын жариялауға келісім (TRUE/FALSE)",
        "Согласие на публикацию имени (TRUE/FALSE)"),
      f("region", Kind::choice, "Өңір", "Регион", "regions"),
      f("locality", Kind::text, "Елді мекен", "Населённый пункт"),
      f("title", Kind::text, "Жоба", "Проект"),
      f("amount", Kind::money, "Сомасы, теңге", "Сумма, тенге"),
      f("status", Kind::choice, "Мәртебесі", "Статус", "subgrant_status"),
      f("award_date", Kind::date, "Берілген күні", "Дата выдачи")};
  sheets.push_back(std::move(subgrants));

  Sheet media{"Media", "Жоба туралы жарияланымдар", "Публикации о проекте"};
  media.array = "/media";
  media.columns = {f("url", Kind::string, "Сілтеме (URL)", "Ссылка (URL)"),
                   f("kind", Kind::choice, "Түрі", "Вид", "media_kind"),
                   f("title", Kind::text, "Атауы", "Название"),
                   f("date", Kind::date, "Күні", "Дата"),
                   f("activity", Kind::slug, "Іс-шара коды", "Код мероприятия")};
  sheets.push_back(std::move(media));

  Sheet partners{"Partners", "Серіктестер", "Партнёры"};
  partners.array = "/partners";
  partners.columns = {f("name", Kind::text, "Серіктес", "Партнёр"),
                      f("role", Kind::text, "Рөлі", "Роль"),
                      f("organisation", Kind::choice, "Порталдағы ұйым коды",
                        "Код организации на портале", "organisations")};
  sheets.push_back(std::move(partners));

  Sheet team{"Team", "Жоба командасы", "Команда проекта"};
  team.array = "/team";
  team.columns = {f("name", Kind::text, "Аты-жөні", "ФИО"),
                  f("role", Kind::text, "Жобадағы рөлі", "Роль в проекте"),
                  f("employment", Kind::text, "Жұмыспен қамтылуы", "Занятость")};
  sheets.push_back(std::move(team));

  Sheet documents{"Documents", "Құжаттар", "Документы"};
  documents.array = "/documents";
  documents.columns = {f("title", Kind::text, "Құжат", "Документ"),
                       f("kind", Kind::choice, "Түрі", "Вид", "document_kind"),
                       f("date", Kind::date, "Күні", "Дата"),
                       f("pages", Kind::integer, "Беттері", "Страниц"),
                       f("url", Kind::string, "Сілтеме (URL)", "Ссылка (URL)"),
                       f("source", Kind::string, "Көшірме файлы", "Файл копии")};
  sheets.push_back(std::move(documents));

  Sheet meta{"Ashyq", "Порталдың қызметтік деректері", "Служебные данные портала", true, true};
  meta.rows = {one("schema", "/$schema", Kind::string, "Жазба схемасы", "Схема записи")};
  meta.value_headers = {{"Мәні", "Значение"}};
  sheets.push_back(std::move(meta));
  return sheets;
}

// The schema's order of members, by the object's path with "*" for array indices. Texts
// ({kk, ru}), periods ({start, end}) and values ({value, bound, text}) are ordered by their keys'
// own table below, wherever they are.
const std::map<std::string, std::vector<std::string>>& member_order() {
  static const std::map<std::string, std::vector<std::string>> order = {
      {"",
       {"$schema",
        "id",
        "status",
        "source_language",
        "declared",
        "final_report",
        "contract",
        "operator",
        "programme",
        "plan_topic",
        "direction",
        "grant_type",
        "grantee",
        "title",
        "topic",
        "goal",
        "problem",
        "target_groups",
        "expected_results",
        "regions",
        "localities",
        "period",
        "amount",
        "own_contribution",
        "tasks",
        "impact",
        "participants",
        "budget",
        "subgrants",
        "media",
        "partners",
        "team",
        "documents"}},
      {"/declared", {"source", "source_language", "status", "period", "results"}},
      {"/final_report", {"date", "pages", "signed_by"}},
      {"/contract", {"number", "date"}},
      {"/period", {"planned", "actual"}},
      {"/tasks/*", {"id", "title", "activities", "indicators", "long_term_result"}},
      {"/tasks/*/activities/*", {"id", "title", "date", "place", "participants", "result"}},
      {"/tasks/*/indicators/*", {"name", "activity", "unit", "planned", "actual", "comment"}},
      {"/impact",
       {"direct_beneficiaries", "indirect_beneficiaries", "staff", "specialists", "ngos_involved",
        "volunteers", "wage_fund", "taxes", "economic_contribution"}},
      {"/participants", {"total", "by_gender", "by_age", "by_category"}},
      {"/participants/by_gender", {"male", "female"}},
      {"/participants/by_age/*", {"group", "count"}},
      {"/participants/by_category/*", {"category", "count"}},
      {"/budget", {"lines", "subtotals", "total"}},
      {"/budget/lines/*",
       {"section", "activity", "article", "unit", "quantity", "unit_cost", "total", "source",
        "actual", "note"}},
      {"/budget/subtotals/*", {"label", "sections", "activity", "amount", "actual"}},
      {"/subgrants", {"planned_count", "ceiling", "envelope", "recipients", "awarded"}},
      {"/subgrants/awarded/*",
       {"id", "recipient_kind", "recipient_name", "name_consent", "region", "locality", "title",
        "amount", "status", "award_date"}},
      {"/media/*", {"url", "kind", "title", "date", "activity"}},
      {"/partners/*", {"name", "role", "organisation"}},
      {"/team/*", {"name", "role", "employment"}},
      {"/documents/*", {"title", "kind", "date", "pages", "url", "source"}},
  };
  return order;
}

const std::vector<std::string>* order_of(const std::string& path,
                                         const nlohmann::ordered_json& object) {
  static const std::vector<std::string> text{"kk", "ru"}, range{"start", "end"},
      value{"value", "bound", "text"}, plan_fact{"planned", "actual", "unit"};
  const auto& table = member_order();
  if (auto it = table.find(path); it != table.end()) return &it->second;
  if (path.starts_with("/impact/")) return &plan_fact;
  if (object.contains("start")) return &range;
  if (object.contains("value")) return &value;
  if (object.contains("kk") || object.contains("ru")) return &text;
  return nullptr;
}

nlohmann::ordered_json ordered(const nlohmann::ordered_json& node, const std::string& path) {
  if (node.is_array()) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& item : node) out.push_back(ordered(item, path + "/*"));
    return out;
  }
  if (!node.is_object()) return node;
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  if (const std::vector<std::string>* keys = order_of(path, node))
    for (const std::string& key : *keys)
      if (auto it = node.find(key); it != node.end()) out[key] = ordered(*it, path + "/" + key);
  // Members the schema does not know keep their place after the known ones: validation reports
  // them, and the import loses nothing it was given.
  for (auto it = node.begin(); it != node.end(); ++it)
    if (!out.contains(it.key())) out[it.key()] = ordered(it.value(), path + "/" + it.key());
  return out;
}

template <typename E>
std::vector<std::string> codes(const EnumTable<E>& table) {
  std::vector<std::string> out;
  for (const auto& [name, value] : table) out.emplace_back(name);
  return out;
}

}  // namespace

std::vector<std::string> fixed_codes(const std::string& list) {
  if (list == "status") return codes(grant_status_names());
  if (list == "grant_type") return codes(grant_type_names());
  if (list == "bound") return codes(bound_names());
  if (list == "section") return codes(section_names());
  if (list == "source") return codes(source_names());
  if (list == "recipient") return codes(recipient_kind_names());
  if (list == "subgrant_status") return codes(subgrant_status_names());
  if (list == "media_kind") return codes(media_kind_names());
  if (list == "document_kind") return codes(document_kind_names());
  if (list == "language") return {"kk", "ru"};
  if (list == "age") return {std::begin(kAgeGroups), std::end(kAgeGroups)};
  if (list == "category") return {std::begin(kSocialCategories), std::end(kSocialCategories)};
  return {};
}

std::string label_section(const std::string& list) {
  return fixed_codes(list).empty() ? std::string() : list;
}

const std::vector<Sheet>& grant_sheets() {
  static const std::vector<Sheet> sheets = make_sheets();
  return sheets;
}

nlohmann::ordered_json canonical_order(const nlohmann::ordered_json& record) {
  return ordered(record, "");
}

std::string canonical_json(const nlohmann::ordered_json& record) {
  return canonical_order(record).dump(2, ' ', false,
                                      nlohmann::ordered_json::error_handler_t::strict) +
         "\n";
}

}  // namespace ashyq::workbook
