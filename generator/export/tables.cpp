#include "export/tables.h"

#include <stdexcept>

#include "export/giving360.h"
#include "media/media_url.h"
#include "model/enum_names.h"
#include "routes/routes.h"

namespace ashyq::opendata {
namespace {

LocalizedText lt(std::string_view kk, std::string_view ru) { return {kk, ru}; }

// Builds a table's columns: plain ones, and a text in both languages as <field>_kk, <field>_ru.
class Columns {
 public:
  Columns& add(std::string id, ColumnType type, std::string kk, std::string ru) {
    columns_.push_back({std::move(id), type, lt(kk, ru)});
    return *this;
  }
  Columns& text(std::string id, std::string kk, std::string ru) {
    return add(std::move(id), ColumnType::text, std::move(kk), std::move(ru));
  }
  Columns& integer(std::string id, std::string kk, std::string ru) {
    return add(std::move(id), ColumnType::integer, std::move(kk), std::move(ru));
  }
  Columns& date(std::string id, std::string kk, std::string ru) {
    return add(std::move(id), ColumnType::date,
               std::move(kk) + " (ISO 8601: ЖЖЖЖ, ЖЖЖЖ-АА немесе ЖЖЖЖ-АА-КК)",
               std::move(ru) + " (ISO 8601: ГГГГ, ГГГГ-ММ или ГГГГ-ММ-ДД)");
  }
  Columns& money(std::string id, std::string kk, std::string ru) {
    return add(std::move(id), ColumnType::integer, std::move(kk) + ", теңге (бүтін сан)",
               std::move(ru) + ", тенге (целое число)");
  }
  Columns& bilingual(const std::string& field, const std::string& kk, const std::string& ru) {
    add(field + "_kk", ColumnType::text, kk + ", қазақ тілінде", ru + ", на казахском языке");
    return add(field + "_ru", ColumnType::text, kk + ", орыс тілінде", ru + ", на русском языке");
  }
  std::vector<Column> take() { return std::move(columns_); }

 private:
  std::vector<Column> columns_;
};

TableSchema make_schema(std::string name, LocalizedText title, LocalizedText description,
                        Columns columns) {
  return {std::move(name), std::move(title), std::move(description), columns.take()};
}

// One row, filled by column id; cells not set stay empty.
class RowBuilder {
 public:
  explicit RowBuilder(const TableSchema& schema) : schema_(schema), cells_(schema.columns.size()) {}

  RowBuilder& set(const std::string& id, Cell cell) {
    cells_[schema_.index_of(id)] = std::move(cell);
    return *this;
  }
  RowBuilder& text(const std::string& id, const std::string& value) {
    if (!value.empty()) set(id, value);
    return *this;
  }
  RowBuilder& localized(const std::string& field, const LocalizedText& value) {
    text(field + "_kk", std::string(value.in(Lang::kk)));
    return text(field + "_ru", std::string(value.in(Lang::ru)));
  }
  RowBuilder& money(const std::string& id, const std::optional<Tenge>& value) {
    if (value) set(id, value->value());
    return *this;
  }
  RowBuilder& count(const std::string& id, const std::optional<std::int64_t>& value) {
    if (value) set(id, *value);
    return *this;
  }
  RowBuilder& date(const std::string& id, const std::optional<PartialDate>& value) {
    if (value) set(id, value->iso());
    return *this;
  }
  std::vector<Cell> take() { return std::move(cells_); }

 private:
  const TableSchema& schema_;
  std::vector<Cell> cells_;
};

std::string join_ids(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : "; ") + id;
  return out;
}

template <typename E>
std::string enum_name(const EnumTable<E>& table, const std::optional<E>& value) {
  return value ? std::string(name_of(table, *value)) : std::string();
}

}  // namespace

const char* column_type_name(ColumnType type) {
  switch (type) {
    case ColumnType::text:
      return "string";
    case ColumnType::integer:
      return "integer";
    case ColumnType::number:
      return "number";
    case ColumnType::boolean:
      return "boolean";
    case ColumnType::date:
      return "date";
  }
  return "string";
}

const char* frictionless_type(ColumnType type) {
  return type == ColumnType::date ? "string" : column_type_name(type);
}

std::size_t TableSchema::index_of(const std::string& column_id) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].id == column_id) return i;
  // Column ids are the generator's own constants, so an unknown one is a programming error.
  throw std::logic_error("table " + name + " has no column " + column_id);
}

const TableSchema& grants_schema() {
  static const TableSchema schema = make_schema(
      "grants", lt("Гранттар", "Гранты"), lt("Әр грант бір жол.", "Одна строка на грант."),
      Columns()
          .text("id", "Гранттың идентификаторы (беттің адресінде)",
                "Идентификатор гранта (в адресе его страницы)")
          .text("status", "Мәртебесі: application, planned, in_progress, completed",
                "Статус: application, planned, in_progress, completed")
          .text("status_as_of",
                "Беттердегі мәртебе site.toml as_of күні бойынша: status немесе report_overdue "
                "(кезеңі аяқталды, қорытынды есеп жарияланбаған)",
                "Статус на страницах на дату as_of из site.toml: status или report_overdue "
                "(период завершён, итоговый отчёт не опубликован)")
          .text("grant_type", "Грант түрі: short_term, medium_term, long_term, small",
                "Вид гранта: short_term, medium_term, long_term, small")
          .bilingual("title", "Жобаның атауы", "Название проекта")
          .bilingual("topic", "Грант тақырыбы", "Тема гранта")
          .bilingual("programme", "Гранттық бағдарлама", "Грантовая программа")
          .bilingual("goal", "Жобаның мақсаты", "Цель проекта")
          .text("operator_id", "Грант операторының идентификаторы (organisations кестесі)",
                "Идентификатор оператора гранта (таблица organisations)")
          .text("grantee_id", "Грант алушының идентификаторы (organisations кестесі)",
                "Идентификатор грантополучателя (таблица organisations)")
          .text("grantee_bin", "Грант алушының БСН-і", "БИН грантополучателя")
          .bilingual("grantee_name", "Грант алушының атауы", "Название грантополучателя")
          .text("partner_ids", "Серіктес ұйымдардың идентификаторлары, «; » арқылы",
                "Идентификаторы организаций-партнёров, через «; »")
          .text("direction_id", "Басым бағыттың идентификаторы",
                "Идентификатор приоритетного направления")
          .text("plan_topic", "Гранттар жоспарындағы тақырып: <жоспар>/<тақырып>",
                "Тема плана грантов: <план>/<тема>")
          .text("region_ids",
                "Өңірлердің идентификаторлары, «; » арқылы; бірнеше өңірдегі грант әр өңірде "
                "толық сомасымен көрсетіледі",
                "Идентификаторы регионов, через «; »; грант в нескольких регионах показан в "
                "каждом полной суммой")
          .text("contract_number", "Шарттың нөмірі", "Номер договора")
          .date("contract_date", "Шарттың күні", "Дата договора")
          .integer("year", "Грант тізімде көрсетілетін жыл",
                   "Год, под которым грант указан в каталоге")
          .date("planned_start", "Жоспарланған басталуы", "Плановое начало")
          .date("planned_end", "Жоспарланған аяқталуы", "Плановое окончание")
          .date("actual_start", "Нақты басталуы", "Фактическое начало")
          .date("actual_end", "Нақты аяқталуы", "Фактическое окончание")
          .money("amount", "Грант сомасы; бос болса, жарияланбаған",
                 "Сумма гранта; пусто, если не опубликована")
          .money("own_contribution", "Грант алушының өз салымы",
                 "Собственный вклад грантополучателя")
          .integer("subgrants_count", "Берілген шағын гранттар саны",
                   "Число выданных малых грантов")
          .money("subgrants_amount", "Берілген шағын гранттардың сомасы",
                 "Сумма выданных малых грантов")
          .integer("direct_beneficiaries_planned", "Тікелей пайда алушылар, жоспар",
                   "Прямые благополучатели, план")
          .integer("direct_beneficiaries_actual", "Тікелей пайда алушылар, факт",
                   "Прямые благополучатели, факт")
          .date("final_report_date", "Қорытынды есептің күні", "Дата итогового отчёта")
          .text("url_kk", "Гранттың беті, қазақ тілінде", "Страница гранта на казахском языке")
          .text("url_ru", "Гранттың беті, орыс тілінде", "Страница гранта на русском языке"));
  return schema;
}

const TableSchema& subgrants_schema() {
  static const TableSchema schema = make_schema(
      "subgrants", lt("Шағын гранттар", "Малые гранты"),
      lt("Үкіметтік емес ұйым өз гранты есебінен берген әр шағын грант бір жол.",
         "Одна строка на малый грант, выданный НПО из средств своего гранта."),
      Columns()
          .text("grant_id", "Шағын гранттар берілген гранттың идентификаторы",
                "Идентификатор гранта, из которого выданы малые гранты")
          .text("id", "Шағын гранттың идентификаторы (грант ішінде бірегей)",
                "Идентификатор малого гранта (уникален в пределах гранта)")
          .text("recipient_kind", "Алушы: person, initiative_group, ngo",
                "Получатель: person, initiative_group, ngo")
          .bilingual("recipient_name",
                     "Алушының атауы; жеке тұлғаның немесе бастамашыл топтың аты тек "
                     "келісімімен жарияланады, әйтпесе бос",
                     "Имя получателя; имя частного лица или инициативной группы публикуется "
                     "только с согласия, иначе пусто")
          .bilingual("locality", "Елді мекен", "Населённый пункт")
          .bilingual("title", "Шағын жобаның атауы", "Название малого проекта")
          .text("region_id", "Шағын гранттың өз өңірі", "Собственный регион малого гранта")
          .text("registry_region_id",
                "Тізілімде көрсетілетін өңір: өз өңірі, болмаса бір өңірлі гранттың өңірі",
                "Регион в реестре: собственный, иначе регион гранта, если он один")
          .money("amount", "Шағын грант сомасы", "Сумма малого гранта")
          .text("status", "Мәртебесі: awarded, in_progress, completed, terminated",
                "Статус: awarded, in_progress, completed, terminated")
          .date("award_date", "Берілген күні", "Дата выдачи"));
  return schema;
}

const TableSchema& programmes_schema() {
  // The registry's reconciliation (check_programme): its first page lists only the inconsistent
  // programmes and links this file for every one.
  auto check = [](Columns& c, std::string id, const std::string& kk, const std::string& ru) {
    c.add(std::move(id), ColumnType::boolean,
          kk + "; бос: шағын гранттар хабарланбаған немесе жоспарда бұл сан жоқ",
          ru + "; пусто: малые гранты не сообщены или в плане этой цифры нет");
  };
  Columns columns;
  columns
      .text("grant_id", "Бағдарламасы бар гранттың идентификаторы (grants кестесі)",
            "Идентификатор гранта с программой (таблица grants)")
      .text("grantee_id", "Грант алушының идентификаторы (organisations кестесі)",
            "Идентификатор грантополучателя (таблица organisations)")
      .text("outcome",
            "Салыстыру нәтижесі: reconciled — сандар жоспармен сәйкес келеді, inconsistent — "
            "кемінде бір тексеру өтпеді (over_* бағандары), not_reported — шағын гранттар "
            "хабарланбаған немесе грант әлі берілмеген",
            "Итог сверки: reconciled — цифры сходятся с планом, inconsistent — не пройдена хотя "
            "бы одна проверка (столбцы over_*), not_reported — малые гранты не сообщены или "
            "грант ещё не выделен")
      .integer("planned_count", "Жоспардағы шағын гранттар саны; бос болса, жоспарда жоқ",
               "Плановое число малых грантов; пусто, если в плане его нет")
      .integer("awarded_count", "Хабарланған шағын гранттар саны, портал есептеген",
               "Число сообщённых малых грантов, вычислено порталом")
      .money("ceiling", "Бір шағын гранттың шекті сомасы (жоспар)",
             "Предельная сумма одного малого гранта (план)")
      .money("envelope", "Шағын гранттар қоры (жоспар)", "Фонд малых грантов (план)")
      .money("awarded_total", "Хабарланған шағын гранттар сомаларының қосындысы, портал есептеген",
             "Сумма сумм сообщённых малых грантов, вычислена порталом")
      .money("largest_amount", "Ең ірі хабарланған шағын грант",
             "Крупнейший сообщённый малый грант");
  check(columns, "over_planned_count", "Жоспардағыдан көп шағын грант берілген",
        "Выдано больше малых грантов, чем по плану");
  check(columns, "over_envelope", "Сомалардың қосындысы қордан асады", "Сумма выше фонда");
  check(columns, "over_ceiling", "Шекті сомадан асатын шағын грант бар",
        "Есть малый грант выше предельной суммы");
  check(columns, "fewer_than_planned",
        "Жоспардағыдан аз шағын грант хабарланған (сәйкессіздік емес: бағдарлама әлі жалғасуы "
        "мүмкін)",
        "Сообщено меньше малых грантов, чем по плану (не несоответствие: программа может "
        "продолжаться)");
  columns
      .text("url_kk", "Бағдарламаның тізілімдегі беті, қазақ тілінде",
            "Страница программы в реестре на казахском языке")
      .text("url_ru", "Бағдарламаның тізілімдегі беті, орыс тілінде",
            "Страница программы в реестре на русском языке");
  static const TableSchema schema = make_schema(
      "programmes", lt("Шағын гранттар бағдарламаларын салыстыру", "Сверка программ малых грантов"),
      lt("Шағын гранттар бағдарламасы бар әр грант бір жол: хабарланған шағын гранттар жоспармен "
         "(саны, қоры, шекті сомасы) салыстырылады.",
         "Одна строка на грант с программой малых грантов: сообщённые малые гранты сверены с "
         "планом (число, фонд, предельная сумма)."),
      std::move(columns));
  return schema;
}

const TableSchema& budget_lines_schema() {
  static const TableSchema schema = make_schema(
      "budget_lines", lt("Бюджет баптары", "Статьи бюджета"),
      lt("Гранттар бюджетінің әр бабы бір жол.", "Одна строка на статью бюджета гранта."),
      Columns()
          .text("grant_id", "Гранттың идентификаторы", "Идентификатор гранта")
          .integer("line", "Гранттың бюджетіндегі баптың реттік нөмірі",
                   "Порядковый номер статьи в бюджете гранта")
          .text("section", "Бөлім: salaries, taxes, services, materials, equipment, direct",
                "Раздел: salaries, taxes, services, materials, equipment, direct")
          .text("activity", "Іс-шараның идентификаторы", "Идентификатор мероприятия")
          .bilingual("article", "Баптың атауы", "Название статьи")
          .bilingual("unit", "Өлшем бірлігі", "Единица измерения")
          .add("quantity", ColumnType::number, "Саны (үш ондық белгіге дейін)",
               "Количество (до трёх знаков после точки)")
          .money("unit_cost", "Бірлік құны", "Цена за единицу")
          .money("total", "Жоспарланған сома", "Плановая сумма")
          .text("source", "Қаржы көзі: grant немесе own", "Источник: grant или own")
          .money("actual", "Нақты жұмсалғаны", "Фактически израсходовано")
          .bilingual("note", "Ескерту", "Примечание"));
  return schema;
}

const TableSchema& indicators_schema() {
  static const TableSchema schema = make_schema(
      "indicators", lt("Көрсеткіштер", "Показатели"),
      lt("Міндеттердің әр көрсеткіші бір жол: жоспар мен факт.",
         "Одна строка на показатель задачи: план и факт."),
      Columns()
          .text("grant_id", "Гранттың идентификаторы", "Идентификатор гранта")
          .text("task_id", "Міндеттің идентификаторы", "Идентификатор задачи")
          .text("activity", "Іс-шараның идентификаторы", "Идентификатор мероприятия")
          .bilingual("name", "Көрсеткіш", "Показатель")
          .bilingual("unit", "Өлшем бірлігі", "Единица измерения")
          .add("planned", ColumnType::number, "Жоспарлы мәні", "Плановое значение")
          .text("planned_bound", "Жоспардың түрі: exactly, at_least, at_most",
                "Вид плана: exactly, at_least, at_most")
          .bilingual("planned_text", "Жоспар сөзбен (сан жоқ болса)",
                     "План словами (когда нет числа)")
          .add("actual", ColumnType::number, "Нақты мәні", "Фактическое значение")
          .text("actual_bound", "Фактінің түрі: exactly, at_least, at_most",
                "Вид факта: exactly, at_least, at_most")
          .bilingual("actual_text", "Факт сөзбен (сан жоқ болса)", "Факт словами (когда нет числа)")
          .text("outcome", "Нәтиже: met, exceeded, short_of, not_reported, no_target",
                "Итог: met, exceeded, short_of, not_reported, no_target")
          .bilingual("comment", "Түсініктеме", "Комментарий"));
  return schema;
}

const TableSchema& media_schema() {
  static const TableSchema schema = make_schema(
      "media", lt("Медиа сілтемелер", "Ссылки на медиа"),
      lt("Гранттардың жарияланымдарына әр сілтеме бір жол.",
         "Одна строка на ссылку на публикацию о гранте."),
      Columns()
          .text("grant_id", "Гранттың идентификаторы", "Идентификатор гранта")
          .text("url", "Сілтеме (бақылау параметрлерінсіз, беттегідей)",
                "Ссылка (без параметров отслеживания, как на странице)")
          .text("platform",
                "Платформа: instagram, youtube, facebook, tiktok, telegram, google_drive, news, "
                "other",
                "Платформа: instagram, youtube, facebook, tiktok, telegram, google_drive, news, "
                "other")
          .text("kind", "Түрі: video, post, article, photo_album, live_stream",
                "Вид: video, post, article, photo_album, live_stream")
          .bilingual("title", "Атауы", "Название")
          .date("date", "Жарияланған күні", "Дата публикации")
          .text("activity", "Іс-шараның идентификаторы", "Идентификатор мероприятия"));
  return schema;
}

const TableSchema& organisations_schema() {
  static const TableSchema schema = make_schema(
      "organisations", lt("Ұйымдар", "Организации"),
      lt("Әр ұйым бір жол: грант алушылар, операторлар, серіктестер.",
         "Одна строка на организацию: грантополучатели, операторы, партнёры."),
      Columns()
          .text("id", "Ұйымның идентификаторы (беттің адресінде)",
                "Идентификатор организации (в адресе её страницы)")
          .text("bin", "БСН (бизнес-сәйкестендіру нөмірі, 12 цифр)",
                "БИН (бизнес-идентификационный номер, 12 цифр)")
          .text("kind", "Түрі: ngo, operator, state_body, media, business, other",
                "Вид: ngo, operator, state_body, media, business, other")
          .bilingual("name", "Толық атауы", "Полное название")
          .bilingual("short_name", "Қысқа атауы", "Краткое название")
          .text("region_id", "Өңірдің идентификаторы", "Идентификатор региона")
          .date("registered", "Тіркелген күні", "Дата регистрации")
          .text("website", "Сайты", "Сайт")
          .integer("grants_as_grantee", "Грант алушы ретіндегі гранттар саны",
                   "Число грантов в роли грантополучателя")
          .money("awarded_as_grantee",
                 "Бөлінген (іске асырылып жатқан немесе аяқталған) гранттардың жарияланған "
                 "сомаларының қосындысы, портал есептеген",
                 "Сумма опубликованных сумм выделенных грантов (реализуются или завершены), "
                 "вычислена порталом")
          .money("applied_as_grantee", "Өтінімдердегі сомалардың қосындысы, портал есептеген",
                 "Сумма сумм заявок, вычислена порталом")
          .money("planned_as_grantee",
                 "Жоспарланған гранттардың сомаларының қосындысы, портал есептеген",
                 "Сумма сумм запланированных грантов, вычислена порталом")
          .integer("grants_as_grantee_without_amount", "Оның ішінде сомасы жарияланбаған гранттар",
                   "Из них грантов без опубликованной суммы")
          .text("url_kk", "Ұйымның беті, қазақ тілінде", "Страница организации на казахском языке")
          .text("url_ru", "Ұйымның беті, орыс тілінде", "Страница организации на русском языке"));
  return schema;
}

const TableSchema& plan_topics_schema() {
  static const TableSchema schema =
      make_schema("plan_topics", lt("Гранттар жоспарларының тақырыптары", "Темы планов грантов"),
                  lt("Оператордың гранттар жоспарындағы әр тақырып бір жол.",
                     "Одна строка на тему плана грантов оператора."),
                  Columns()
                      .text("plan_id", "Жоспардың идентификаторы", "Идентификатор плана")
                      .integer("plan_year", "Жоспардың жылы", "Год плана")
                      .bilingual("direction_title", "Жоспардағы бағыт", "Направление в плане")
                      .text("direction_id", "Басым бағыттың идентификаторы",
                            "Идентификатор приоритетного направления")
                      .money("direction_subtotal", "Бағыт бойынша сома (құжаттағыдай)",
                             "Сумма по направлению (как в документе)")
                      .text("topic_id", "Тақырыптың идентификаторы", "Идентификатор темы")
                      .integer("number", "Тақырыптың нөмірі", "Номер темы")
                      .bilingual("title", "Тақырыптың атауы", "Название темы")
                      .date("period_start", "Мерзімінің басы", "Начало срока")
                      .date("period_end", "Мерзімінің соңы", "Окончание срока")
                      .text("region_ids", "Өңірлердің идентификаторлары, «; » арқылы",
                            "Идентификаторы регионов, через «; »")
                      .money("amount", "Жоспарланған сома; бос болса, құжатта жоқ",
                             "Плановая сумма; пусто, если в документе её нет")
                      .text("grant_ids", "Тақырыпты орындайтын гранттар, «; » арқылы",
                            "Гранты, выполняющие тему, через «; »"));
  return schema;
}

const TableSchema& giving360_omitted_schema() {
  // The name is the file's, beside data/360giving.json; the reason keys are those of
  // opendata::omission_key() and the texts those of [export.omitted] in templates/i18n.
  static const TableSchema schema = make_schema(
      "360giving-omitted",
      lt("360Giving экспортына кірмегендер", "Не вошедшие в экспорт 360Giving"),
      lt("360Giving экспортына кірмеген әр грант немесе шағын грант бір жол, себебімен.",
         "Одна строка на грант или малый грант, не вошедший в экспорт 360Giving, с причиной."),
      Columns()
          .text("grant_id", "Гранттың идентификаторы (grants кестесі)",
                "Идентификатор гранта (таблица grants)")
          .text("subgrant_id",
                "Шағын гранттың идентификаторы (subgrants кестесіндегі grant_id және id); "
                "гранттың өз жолында бос",
                "Идентификатор малого гранта (grant_id и id в таблице subgrants); пусто в "
                "строке самого гранта")
          .text("reason",
                "Себебі: not_awarded — грант берілмеген (өтінім немесе жоспар; оның шағын "
                "гранттары бөлек көрсетілмейді), no_amount — сомасы жарияланбаған, no_award_date — "
                "берілген күні (күні, айы, жылы) белгісіз",
                "Причина: not_awarded — грант не выдан (заявка или план; его малые гранты "
                "отдельно не указываются), no_amount — сумма не опубликована, no_award_date — "
                "дата выдачи (день, месяц, год) неизвестна"));
  return schema;
}

const std::vector<const TableSchema*>& all_schemas() {
  static const std::vector<const TableSchema*> schemas = {
      &grants_schema(),        &subgrants_schema(),   &programmes_schema(),
      &budget_lines_schema(),  &indicators_schema(),  &media_schema(),
      &organisations_schema(), &plan_topics_schema(), &giving360_omitted_schema(),
  };
  return schemas;
}

Table grants_table(const Portal& portal, const std::vector<std::size_t>& grants) {
  Table table{&grants_schema(), {}};
  for (std::size_t i : grants) {
    const Grant& g = portal.grants[i];
    RowBuilder row(grants_schema());
    row.text("id", g.id)
        .text("status", std::string(name_of(grant_status_names(), g.status)))
        .text("status_as_of", std::string(status_key(g, portal.config.as_of)))
        .text("grant_type", enum_name(grant_type_names(), g.grant_type))
        .localized("title", g.title)
        .localized("topic", g.topic)
        .localized("programme", g.programme)
        .localized("goal", g.goal)
        .text("operator_id", g.operator_id)
        .text("grantee_id", g.grantee_id);
    if (const Organisation* o = portal.find_organisation(g.grantee_id))
      row.text("grantee_bin", o->bin).localized("grantee_name", o->name);
    std::vector<std::string> partners;
    for (const Partner& p : g.partners)
      if (!p.organisation.empty()) partners.push_back(p.organisation);
    row.text("partner_ids", join_ids(partners))
        .text("direction_id", g.direction_id)
        .text("plan_topic", g.plan_topic)
        .text("region_ids", join_ids(g.regions))
        .text("contract_number", g.contract_number)
        .date("contract_date", g.contract_date);
    if (auto year = grant_year(g)) row.set("year", std::int64_t{*year});
    if (g.planned_period)
      row.date("planned_start", g.planned_period->start).date("planned_end", g.planned_period->end);
    if (g.actual_period)
      row.date("actual_start", g.actual_period->start).date("actual_end", g.actual_period->end);
    row.money("amount", g.amount).money("own_contribution", g.own_contribution);
    if (g.subgrants.present) {
      Tenge sum;
      for (const Subgrant& sg : g.subgrants.awarded) sum += sg.amount;
      row.set("subgrants_count", static_cast<std::int64_t>(g.subgrants.awarded.size()))
          .set("subgrants_amount", sum.value());
    }
    row.count("direct_beneficiaries_planned", g.impact.direct_beneficiaries.planned)
        .count("direct_beneficiaries_actual", g.impact.direct_beneficiaries.actual)
        .date("final_report_date", g.final_report_date)
        .text("url_kk", routes::absolute(portal.config, routes::url_of(g, Lang::kk)))
        .text("url_ru", routes::absolute(portal.config, routes::url_of(g, Lang::ru)));
    table.rows.push_back(row.take());
  }
  return table;
}

Table subgrants_table(const Portal& portal, const std::vector<SubgrantRef>& subgrants) {
  Table table{&subgrants_schema(), {}};
  for (const SubgrantRef& ref : subgrants) {
    const Grant& g = portal.grants[ref.grant];
    const Subgrant& sg = g.subgrants.awarded[ref.subgrant];
    RowBuilder row(subgrants_schema());
    row.text("grant_id", g.id)
        .text("id", sg.id)
        .text("recipient_kind", std::string(name_of(recipient_kind_names(), sg.recipient_kind)));
    if (sg.name_publishable()) row.localized("recipient_name", sg.recipient_name);
    row.localized("locality", sg.locality)
        .localized("title", sg.title)
        .text("region_id", sg.region)
        .text("registry_region_id", subgrant_region(g, sg))
        .set("amount", sg.amount.value())
        .text("status", std::string(name_of(subgrant_status_names(), sg.status)))
        .date("award_date", sg.award_date);
    table.rows.push_back(row.take());
  }
  return table;
}

Table programmes_table(const Portal& portal, const std::vector<std::size_t>& grants) {
  Table table{&programmes_schema(), {}};
  for (std::size_t i : grants) {
    const Grant& g = portal.grants[i];
    const SubgrantProgramme& p = g.subgrants;
    const ProgrammeCheck c = check_programme(g);
    RowBuilder row(programmes_schema());
    row.text("grant_id", g.id)
        .text("grantee_id", g.grantee_id)
        .text("outcome", programme_outcome_name(c.outcome))
        .count("planned_count", p.planned_count)
        .money("ceiling", p.ceiling)
        .money("envelope", p.envelope);
    if (c.reported)
      row.set("awarded_count", c.count)
          .set("awarded_total", c.sum.value())
          .set("largest_amount", c.largest.value());
    const auto flag = [&](const std::string& id, const std::optional<bool>& value) {
      if (value) row.set(id, *value);
    };
    flag("over_planned_count", c.over_planned_count);
    flag("over_envelope", c.over_envelope);
    flag("over_ceiling", c.over_ceiling);
    flag("fewer_than_planned", c.fewer_than_planned);
    row.text("url_kk", routes::absolute(portal.config, routes::programme_url(g, Lang::kk)))
        .text("url_ru", routes::absolute(portal.config, routes::programme_url(g, Lang::ru)));
    table.rows.push_back(row.take());
  }
  return table;
}

Table budget_lines_table(const Portal& portal, const std::vector<std::size_t>& grants) {
  Table table{&budget_lines_schema(), {}};
  for (std::size_t i : grants) {
    const Grant& g = portal.grants[i];
    std::int64_t number = 0;
    for (const BudgetLine& line : g.budget.lines) {
      RowBuilder row(budget_lines_schema());
      row.text("grant_id", g.id)
          .set("line", ++number)
          .text("section", std::string(name_of(section_names(), line.section)))
          .text("activity", line.activity)
          .localized("article", line.article)
          .localized("unit", line.unit);
      if (line.quantity)
        row.set("quantity", static_cast<double>(line.quantity->thousandths) / 1000);
      row.money("unit_cost", line.unit_cost)
          .money("total", line.total)
          .text("source", std::string(name_of(source_names(), line.source)))
          .money("actual", line.actual)
          .localized("note", line.note);
      table.rows.push_back(row.take());
    }
  }
  return table;
}

Table indicators_table(const Portal& portal, const std::vector<std::size_t>& grants) {
  Table table{&indicators_schema(), {}};
  auto value = [](RowBuilder& row, const std::string& field, const std::optional<Value>& v) {
    if (!v) return;
    if (v->text.empty()) row.set(field, v->value);
    row.text(field + "_bound", std::string(name_of(bound_names(), v->bound)))
        .localized(field + "_text", v->text);
  };
  for (std::size_t i : grants) {
    const Grant& g = portal.grants[i];
    for (const Task& task : g.tasks)
      for (const Indicator& indicator : task.indicators) {
        RowBuilder row(indicators_schema());
        row.text("grant_id", g.id)
            .text("task_id", task.id)
            .text("activity", indicator.activity)
            .localized("name", indicator.name)
            .localized("unit", indicator.unit);
        value(row, "planned", indicator.planned);
        value(row, "actual", indicator.actual);
        row.text("outcome", outcome_name(indicator_outcome(indicator)))
            .localized("comment", indicator.comment);
        table.rows.push_back(row.take());
      }
  }
  return table;
}

Table media_table(const Portal& portal, const std::vector<std::size_t>& grants) {
  Table table{&media_schema(), {}};
  for (std::size_t i : grants) {
    const Grant& g = portal.grants[i];
    for (const MediaLink& link : g.media) {
      const media::MediaUrl m = media::analyse_media_url(link.url);
      RowBuilder row(media_schema());
      row.text("grant_id", g.id)
          .text("url", m.canonical)
          .text("platform", std::string(media::platform_key(m.platform)))
          .text("kind", enum_name(media_kind_names(), link.kind))
          .localized("title", link.title)
          .date("date", link.date)
          .text("activity", link.activity);
      table.rows.push_back(row.take());
    }
  }
  return table;
}

Table organisations_table(const Portal& portal, const PortalIndex& index,
                          const std::vector<std::size_t>& organisations) {
  Table table{&organisations_schema(), {}};
  for (std::size_t i : organisations) {
    const Organisation& o = portal.organisations[i];
    // The organisations page's figures: its grants as grantee.
    Totals as_grantee;
    for (std::size_t g : index.organisation_grants[i][0]) as_grantee.add(portal.grants[g]);
    std::int64_t without_amount = 0;
    for (const Sums& sums : as_grantee.by_kind) without_amount += sums.without_amount;
    RowBuilder row(organisations_schema());
    row.text("id", o.id)
        .text("bin", o.bin)
        .text("kind", o.kind)
        .localized("name", o.name)
        .localized("short_name", o.short_name)
        .text("region_id", o.region)
        .date("registered", o.registered)
        .text("website", o.website)
        .set("grants_as_grantee", as_grantee.grants)
        .set("awarded_as_grantee", as_grantee.of(MoneyKind::awarded).amount.value())
        .set("applied_as_grantee", as_grantee.of(MoneyKind::applied).amount.value())
        .set("planned_as_grantee", as_grantee.of(MoneyKind::planned).amount.value())
        .set("grants_as_grantee_without_amount", without_amount)
        .text("url_kk", routes::absolute(portal.config, routes::url_of(o, Lang::kk)))
        .text("url_ru", routes::absolute(portal.config, routes::url_of(o, Lang::ru)));
    table.rows.push_back(row.take());
  }
  return table;
}

Table plan_topics_table(const Portal& portal, const std::vector<std::size_t>& plans) {
  Table table{&plan_topics_schema(), {}};
  for (std::size_t i : plans) {
    const Plan& plan = portal.plans[i];
    for (const PlanDirection& direction : plan.directions)
      for (const PlanTopic& topic : direction.topics) {
        RowBuilder row(plan_topics_schema());
        row.text("plan_id", plan.id)
            .set("plan_year", std::int64_t{plan.year})
            .localized("direction_title", direction.title)
            .text("direction_id", direction.direction)
            .money("direction_subtotal", direction.subtotal)
            .text("topic_id", topic.id)
            .set("number", std::int64_t{topic.number})
            .localized("title", topic.title);
        if (topic.period)
          row.date("period_start", topic.period->start).date("period_end", topic.period->end);
        row.text("region_ids", join_ids(topic.regions))
            .money("amount", topic.amount)
            .text("grant_ids", join_ids(topic.grants));
        table.rows.push_back(row.take());
      }
  }
  return table;
}

Table giving360_omitted_table(const Portal& portal, const std::vector<std::size_t>& grants) {
  Table table{&giving360_omitted_schema(), {}};
  std::vector<OmittedRecord> omitted;
  for (std::size_t i : grants) {
    omitted.clear();
    giving360_omitted(portal, i, omitted);
    const Grant& g = portal.grants[i];
    for (const OmittedRecord& o : omitted) {
      RowBuilder row(giving360_omitted_schema());
      row.text("grant_id", g.id).text("reason", omission_key(o.reason));
      if (o.subgrant) row.text("subgrant_id", g.subgrants.awarded[*o.subgrant].id);
      table.rows.push_back(row.take());
    }
  }
  return table;
}

std::vector<Table> bulk_tables(const Portal& portal, const PortalIndex& index) {
  auto all = [](std::size_t n) {
    std::vector<std::size_t> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = i;
    return v;
  };
  const std::vector<std::size_t> grants = all(portal.grants.size());
  return {grants_table(portal, grants),
          subgrants_table(portal, index.subgrants),
          programmes_table(portal, index.programmes),
          budget_lines_table(portal, grants),
          indicators_table(portal, grants),
          media_table(portal, grants),
          organisations_table(portal, index, all(portal.organisations.size())),
          plan_topics_table(portal, all(portal.plans.size())),
          giving360_omitted_table(portal, grants)};
}

}  // namespace ashyq::opendata
