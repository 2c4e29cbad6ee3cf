// ashyq-synth: writes a SYNTHETIC national-scale portal for the benchmark (bench/run.sh), in
// Ashyq's own format (docs/content-model.md), and optionally the same content as a Hugo site.
//
//   ashyq-synth --grants N --seed S --out DIR [--hugo DIR]
//
// N grants (default 10 000), each with about 10 sub-grants, 20 budget lines, 10 indicators, 5 media
// links and a narrative of a few paragraphs in kk and ru; spread over 20 regions, 5 years, 16
// directions and N/4 organisations. Every figure adds up, so `ashyq check` reports no finding.
// Every name says it is synthetic. The output depends only on N and the seed: the generator uses
// its own PRNG (splitmix64), never std distributions, whose results differ between libraries.
//
// DIR gets site.toml and content/ (templates/ and assets/ are the repository's; run.sh copies
// them). The Hugo site gets content/<lang>/… (one file per grant and language, JSON front matter
// with the same fields, localized texts resolved to the language) and the list pages' section
// files; the configuration and layouts are bench/hugo/, which run.sh copies beside it.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace ashyq::bench {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

constexpr int kRegions = 20;
constexpr int kCities = 3;  // the last three regions are republican cities
constexpr int kDirections = 16;
constexpr int kFirstYear = 2021;
constexpr int kYears = 5;
constexpr int kPageSize = 50;  // site.toml page_size and Hugo's paginate: the same lists
const char* const kLangs[] = {"kk", "ru"};

// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and the same sequence everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi]; the modulo bias is irrelevant for synthetic data.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }
  bool percent(int p) { return between(1, 100) <= p; }
  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[next() % N];
  }

 private:
  std::uint64_t state_;
};

struct Text {
  std::string kk, ru;
};

json loc(const Text& t) { return json{{"kk", t.kk}, {"ru", t.ru}}; }

std::string padded(std::int64_t n, int width) {
  std::string s = std::to_string(n);
  return std::string(width > static_cast<int>(s.size()) ? width - s.size() : 0, '0') + s;
}

std::string month(int year, int m) { return std::to_string(year) + "-" + padded(m, 2); }

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

void write_json(const fs::path& path, const json& value) { write_file(path, value.dump(2) + "\n"); }

// Word lists: titles differ in their first word so that the title sort is not the id order.
const Text kTopics[] = {
    {"Ашық кітапхана", "Открытая библиотека"},
    {"Бірлік алаңы", "Площадка единства"},
    {"Вагон-клуб", "Вагон-клуб"},
    {"Дала мектебі", "Степная школа"},
    {"Еріктілер үйі", "Дом волонтёров"},
    {"Жасыл аула", "Зелёный двор"},
    {"Зерде орталығы", "Центр знаний"},
    {"Игі бастама", "Доброе начало"},
    {"Кемел келешек", "Новое будущее"},
    {"Ләззат шеберханасы", "Мастерская радости"},
    {"Мейірім", "Милосердие"},
    {"Нұрлы жол", "Светлый путь"},
    {"Орда", "Орда"},
    {"Өнер әлемі", "Мир искусства"},
    {"Парасат", "Рассудок"},
    {"Сарыарқа", "Сарыарка"},
    {"Тұран", "Туран"},
    {"Ұлы дала", "Великая степь"},
    {"Үміт", "Надежда"},
    {"Шапағат", "Забота"},
};
const Text kGroups[] = {
    {"жастарға", "для молодёжи"},
    {"қарттарға", "для пожилых"},
    {"мүгедектігі бар адамдарға", "для людей с инвалидностью"},
    {"ауыл тұрғындарына", "для сельских жителей"},
    {"көп балалы отбасыларға", "для многодетных семей"},
    {"мектеп оқушыларына", "для школьников"},
};
const char* const kMediaKinds[] = {"video", "post", "article", "photo_album", "live_stream"};
const char* const kAgeGroups[] = {"13-16", "17-22", "23-27", "28-32"};

Text synthetic(const std::string& kk, const std::string& ru, std::int64_t n) {
  return {"Синтетикалық " + kk + " " + std::to_string(n),
          "Синтетический " + ru + " " + std::to_string(n)};
}

struct Site {
  int grants = 10000;
  std::uint64_t seed = 1;
  int organisations = 0;
  json regions = json::array();
  json directions = json::array();
  std::vector<std::string> organisation_ids;
};

std::string region_id(int i) { return "synth-region-" + padded(i + 1, 2); }
std::string direction_id(int i) { return "synth-direction-" + padded(i + 1, 2); }
std::string organisation_id(int i) { return "synth-org-" + padded(i + 1, 6); }
std::string grant_id(int i) { return "synth-grant-" + padded(i + 1, 6); }

json make_region(int i) {
  const bool city = i >= kRegions - kCities;
  const std::string n = std::to_string(i + 1);
  return json{{"id", region_id(i)},
              {"kind", city ? "city" : "region"},
              {"name", city ? loc({"Синтетикалық " + n + "-қала", "Синтетический город " + n})
                            : loc({"Синтетикалық " + n + "-облыс", "Синтетическая область " + n})}};
}

json make_direction(int i) {
  return json{{"id", direction_id(i)},
              {"number", i + 1},
              {"name", loc({"Синтетикалық " + std::to_string(i + 1) + "-бағыт",
                            "Синтетическое направление " + std::to_string(i + 1)})}};
}

json make_organisation(int i, Random& rng) {
  const std::string n = std::to_string(i + 1);
  const std::string id = organisation_id(i);
  const int year = static_cast<int>(rng.between(2015, 2020));
  return json{
      {"id", id},
      {"name", loc({"«Синтетикалық ұйым " + n + "» қоғамдық бірлестігі",
                    "Общественное объединение «Синтетическая организация " + n + "»"})},
      {"short_name", loc({"Синтетикалық ұйым " + n, "Синтетическая организация " + n})},
      {"kind", "ngo"},
      {"region", region_id(static_cast<int>(rng.between(0, kRegions - 1)))},
      {"registered", std::to_string(year)},
      {"leader", json{{"name", loc({"Синтетикалық Басшы " + n, "Синтетический Руководитель " + n})},
                      {"title", loc({"Төраға", "Председатель"})}}},
      {"website", "https://" + id + ".synthetic.example/"},
      {"about", loc({"Синтетикалық ұйым: тек өнімділікті өлшеуге арналған ойдан шығарылған жазба.",
                     "Синтетическая организация: вымышленная запись только для замера "
                     "производительности."})},
      {"track_record",
       json::array(
           {json{{"title", loc(synthetic("бұрынғы жоба", "прежний проект", i + 1))},
                 {"funder", loc({"Синтетикалық демеуші", "Синтетический спонсор"})},
                 {"amount", rng.between(20, 200) * 10000},
                 {"period", json{{"start", month(year + 1, 2)}, {"end", month(year + 1, 10)}}},
                 {"results", loc({"Синтетикалық нәтиже", "Синтетический результат"})}}})}};
}

json make_operator(const std::string& id, const Text& name) {
  return json{{"id", id},
              {"name", loc({"«" + name.kk + "» КеАҚ", "НАО «" + name.ru + "»"})},
              {"short_name", loc(name)},
              {"kind", "operator"},
              {"region", region_id(kRegions - kCities)},
              {"website", "https://" + id + ".synthetic.example/"}};
}

struct Grant {
  json record;
  Text narrative_title;
  std::string narrative[2];
};

std::string narrative(const std::string& lang, const Text& title, Random& rng) {
  const bool kk = lang == "kk";
  std::string md = "+++\ntitle = \"" + (kk ? title.kk : title.ru) + "\"\n+++\n\n";
  const int paragraphs = static_cast<int>(rng.between(3, 5));
  for (int p = 0; p < paragraphs; ++p) {
    if (p == 1) md += kk ? "## Синтетикалық нәтижелер\n\n" : "## Синтетические результаты\n\n";
    md += kk ? "Бұл синтетикалық есеп: барлық сандар мен атаулар ойдан шығарылған және тек "
               "өнімділікті өлшеуге арналған. Жоба аясында **синтетикалық** іс-шаралар өтті, "
               "қатысушылар синтетикалық дағдыларды меңгерді.\n\n"
             : "Это синтетический отчёт: все числа и названия вымышлены и служат только замеру "
               "производительности. В рамках проекта прошли **синтетические** мероприятия, "
               "участники освоили синтетические навыки.\n\n";
  }
  md += kk ? "- синтетикалық кездесулер;\n- синтетикалық тренингтер;\n- синтетикалық "
             "жарияланымдар.\n"
           : "- синтетические встречи;\n- синтетические тренинги;\n- синтетические "
             "публикации.\n";
  return md;
}

Grant make_grant(int index, const Site& site, Random& rng) {
  const std::string id = grant_id(index);
  const int year = kFirstYear + static_cast<int>(rng.between(0, kYears - 1));
  const int roll = static_cast<int>(rng.between(1, 100));
  std::string status;
  if (year <= 2023)
    status = roll <= 85 ? "completed" : "in_progress";
  else if (year == 2024)
    status = roll <= 40 ? "completed" : roll <= 90 ? "in_progress" : "application";
  else
    status = roll <= 40 ? "in_progress" : roll <= 70 ? "application" : "planned";
  const bool completed = status == "completed";
  const bool awarded = completed || status == "in_progress";

  const int contract_month = static_cast<int>(rng.between(1, 5));
  const int start_month = contract_month + 1;
  const int end_month = start_month + static_cast<int>(rng.between(4, 12 - start_month));
  const Text& topic = rng.pick(kTopics);
  const Text& group = rng.pick(kGroups);
  const Text title{
      topic.kk + ": " + group.kk + " синтетикалық жоба " + std::to_string(index + 1),
      topic.ru + ": синтетический проект " + group.ru + " " + std::to_string(index + 1)};

  json g;
  g["id"] = id;
  g["status"] = status;
  if (completed)
    g["final_report"] =
        json{{"date", month(year, end_month) + "-28"}, {"pages", rng.between(8, 40)}};
  if (awarded)
    g["contract"] =
        json{{"number", "SYN-" + std::to_string(index + 1)},
             {"date", month(year, contract_month) + "-" + padded(rng.between(1, 28), 2)}};
  g["operator"] = rng.percent(70) ? "synth-operator-a" : "synth-operator-b";
  g["programme"] = loc({"Синтетикалық мемлекеттік гранттар бағдарламасы",
                        "Синтетическая программа государственных грантов"});
  g["direction"] = direction_id(static_cast<int>(rng.between(0, kDirections - 1)));
  g["grant_type"] = rng.percent(50) ? "short_term" : "medium_term";
  g["grantee"] = site.organisation_ids[rng.next() % site.organisation_ids.size()];
  g["title"] = loc(title);
  g["goal"] = loc({"Синтетикалық мақсат: " + group.kk + " қолдау көрсету",
                   "Синтетическая цель: поддержка " + group.ru});
  g["problem"] = loc({"Синтетикалық мәселе: қызметтердің жеткіліксіздігі",
                      "Синтетическая проблема: нехватка услуг"});
  g["target_groups"] = json::array({loc(group)});
  g["expected_results"] =
      json::array({loc({"Синтетикалық нәтиже: қатысушылардың дағдылары артты",
                        "Синтетический результат: навыки участников выросли"})});
  json regions = json::array({region_id(static_cast<int>(rng.between(0, kRegions - 1)))});
  if (rng.percent(20)) {
    const std::string second = region_id(static_cast<int>(rng.between(0, kRegions - 1)));
    if (second != regions[0]) regions.push_back(second);
  }
  g["regions"] = regions;
  g["localities"] = json::array({loc({"Синтетикалық ауыл", "Синтетическое село"})});
  const json range{{"start", month(year, start_month)}, {"end", month(year, end_month)}};
  g["period"] = completed ? json{{"planned", range}, {"actual", range}} : json{{"planned", range}};

  // Tasks: 2 tasks × 2 activities, 5 indicators each; every date inside the period.
  auto activity_month = [&] {
    return month(year, static_cast<int>(rng.between(start_month, end_month)));
  };
  json tasks = json::array();
  for (int t = 0; t < 2; ++t) {
    json activities = json::array();
    for (int a = 0; a < 2; ++a) {
      const std::string aid = "a" + std::to_string(t * 2 + a + 1);
      json activity{{"id", aid},
                    {"title", loc(synthetic("іс-шара", "мероприятие", t * 2 + a + 1))},
                    {"date", activity_month()},
                    {"place", loc({"Синтетикалық қала", "Синтетический город"})}};
      if (completed) {
        activity["participants"] = rng.between(20, 300);
        activity["result"] =
            loc({"Синтетикалық іс-шара өтті", "Синтетическое мероприятие проведено"});
      }
      activities.push_back(activity);
    }
    json indicators = json::array();
    for (int i = 0; i < 5; ++i) {
      const std::int64_t planned = rng.between(1, 50) * (i == 1 ? 10 : 1);
      json indicator{{"name", loc(synthetic("көрсеткіш", "показатель", t * 5 + i + 1))},
                     {"activity", "a" + std::to_string(t * 2 + i % 2 + 1)},
                     {"unit", loc({"бірлік", "единиц"})},
                     {"planned", json{{"value", planned}}}};
      if (i == 1) indicator["planned"]["bound"] = "at_least";
      if (completed) indicator["actual"] = json{{"value", planned + rng.between(-2, 5)}};
      indicators.push_back(indicator);
    }
    tasks.push_back(json{{"id", "t" + std::to_string(t + 1)},
                         {"title", loc(synthetic("міндет", "задача", t + 1))},
                         {"activities", activities},
                         {"indicators", indicators}});
  }
  g["tasks"] = tasks;

  const std::int64_t direct = rng.between(100, 900);
  g["impact"] = json{{"direct_beneficiaries", json{{"planned", direct}}},
                     {"indirect_beneficiaries", json{{"planned", direct * 10}}},
                     {"volunteers", json{{"planned", rng.between(5, 30)}}}};
  if (completed) {
    const std::int64_t actual = direct + rng.between(-20, 60);
    g["impact"]["direct_beneficiaries"]["actual"] = actual;
    const std::int64_t male = rng.between(0, actual);
    json by_age = json::array();
    std::int64_t left = actual;
    for (int a = 0; a < 4; ++a) {
      const std::int64_t count = a == 3 ? left : rng.between(0, left);
      left -= count;
      by_age.push_back(json{{"group", kAgeGroups[a]}, {"count", count}});
    }
    g["participants"] = json{{"total", actual},
                             {"by_gender", json{{"male", male}, {"female", actual - male}}},
                             {"by_age", by_age}};
  }

  // Sub-grants: about 10 for awarded grants (a plan only for applications and planned grants).
  const std::int64_t ceiling = 500000;
  json awarded_list = json::array();
  std::int64_t envelope = 0;
  const int subgrant_count = static_cast<int>(rng.between(8, 12));
  for (int s = 0; s < subgrant_count; ++s) {
    const std::int64_t amount = rng.between(10, 50) * 10000;
    envelope += amount;
    if (!awarded) continue;
    const int kind = static_cast<int>(rng.between(0, 2));
    const char* kinds[] = {"person", "initiative_group", "ngo"};
    json sg{{"id", "sg" + std::to_string(s + 1)},
            {"recipient_kind", kinds[kind]},
            {"recipient_name", loc(synthetic("алушы", "получатель", s + 1))}};
    if (kind != 2) sg["name_consent"] = rng.percent(50);
    sg["region"] = region_id(static_cast<int>(rng.between(0, kRegions - 1)));
    sg["locality"] = loc({"Синтетикалық елді мекен", "Синтетический посёлок"});
    sg["title"] = loc(synthetic("шағын жоба", "малый проект", s + 1));
    sg["amount"] = amount;
    sg["status"] = completed ? "completed" : "in_progress";
    awarded_list.push_back(sg);
  }

  // Budget: 20 lines, quantity × unit cost = total; the grant-funded lines make the amount, the
  // own lines the own contribution; one direct line is the sub-grant envelope.
  json lines = json::array();
  std::int64_t grant_sum = 0, own_sum = 0, admin_sum = 0, all_sum = 0;
  auto add_line = [&](const char* section, const std::string& activity, const Text& article,
                      std::int64_t quantity, std::int64_t unit_cost, bool own) {
    json line{{"section", section}};
    if (!activity.empty()) line["activity"] = activity;
    line["article"] = loc(article);
    const std::int64_t total = quantity * unit_cost;
    if (quantity > 0) {
      line["unit"] = loc({"бірлік", "единица"});
      line["quantity"] = quantity;
      line["unit_cost"] = unit_cost;
    }
    line["total"] = quantity > 0 ? total : unit_cost;
    line["source"] = own ? "own" : "grant";
    if (completed) line["actual"] = line["total"];
    const std::int64_t value = line["total"];
    (own ? own_sum : grant_sum) += value;
    all_sum += value;
    if (std::string(section) != "equipment" && std::string(section) != "direct") admin_sum += value;
    lines.push_back(line);
  };
  for (int i = 0; i < 4; ++i)
    add_line("salaries", "", synthetic("қызметкер", "сотрудник", i + 1),
             end_month - start_month + 1, rng.between(15, 40) * 10000, false);
  for (int i = 0; i < 2; ++i)
    add_line("taxes", "", synthetic("салық", "налог", i + 1), 0, rng.between(5, 30) * 10000, false);
  for (int i = 0; i < 3; ++i)
    add_line("services", "", synthetic("қызмет", "услуга", i + 1), rng.between(1, 10),
             rng.between(1, 20) * 5000, false);
  for (int i = 0; i < 3; ++i)
    add_line("materials", "", synthetic("материал", "материал", i + 1), rng.between(1, 50),
             rng.between(1, 10) * 1000, i == 2);
  add_line("equipment", "", synthetic("жабдық", "оборудование", 1), 1, rng.between(5, 15) * 10000,
           false);
  add_line("direct", "a1", {"Синтетикалық шағын гранттар қоры", "Синтетический фонд малых грантов"},
           0, envelope, false);
  for (int i = 0; i < 6; ++i)
    add_line("direct", "a" + std::to_string(i % 4 + 1),
             synthetic("тікелей шығын", "прямой расход", i + 1), rng.between(1, 100),
             rng.between(1, 20) * 1000, i == 5);
  g["amount"] = grant_sum;
  g["own_contribution"] = own_sum;
  g["budget"] = json{
      {"lines", lines},
      {"subtotals",
       json::array({json{{"label", loc({"Синтетикалық әкімшілік шығыстар",
                                        "Синтетические административные расходы"})},
                         {"sections", json::array({"salaries", "taxes", "services", "materials"})},
                         {"amount", admin_sum}}})},
      {"total", all_sum}};
  g["subgrants"] =
      json{{"planned_count", subgrant_count},
           {"ceiling", ceiling},
           {"envelope", envelope},
           {"recipients", loc({"Синтетикалық жеке тұлғалар, бастамашыл топтар және ҮЕҰ",
                               "Синтетические физические лица, инициативные группы и НПО"})},
           {"awarded", awarded_list}};

  json media = json::array();
  for (int m = 0; m < 5; ++m)
    media.push_back(json{{"url", "https://media.synthetic.example/" + id + "/" + kMediaKinds[m]},
                         {"kind", kMediaKinds[m]},
                         {"title", loc(synthetic("жарияланым", "публикация", m + 1))},
                         {"date", activity_month()},
                         {"activity", "a" + std::to_string(m % 4 + 1)}});
  g["media"] = media;
  g["partners"] = json::array({json{
      {"name", loc({"Синтетикалық серіктес", "Синтетический партнёр"})},
      {"role", loc({"Синтетикалық ақпараттық қолдау", "Синтетическая информационная поддержка"})},
      {"organisation", site.organisation_ids[rng.next() % site.organisation_ids.size()]}}});
  g["team"] =
      json::array({json{{"name", loc({"Синтетикалық Жетекші", "Синтетический Руководитель"})},
                        {"role", loc({"Жоба жетекшісі", "Руководитель проекта"})}},
                   json{{"name", loc({"Синтетикалық Бухгалтер", "Синтетический Бухгалтер"})},
                        {"role", loc({"Бухгалтер", "Бухгалтер"})}}});

  Grant grant;
  grant.record = std::move(g);
  grant.narrative_title = {"Синтетикалық есеп " + std::to_string(index + 1),
                           "Синтетический отчёт " + std::to_string(index + 1)};
  for (int l = 0; l < 2; ++l) grant.narrative[l] = narrative(kLangs[l], grant.narrative_title, rng);
  return grant;
}

// ---- Hugo ----

// A record with every localized text {"kk", "ru"} replaced by the text in `lang`.
json in_language(const json& value, const std::string& lang) {
  if (value.is_object()) {
    if (value.size() == 2 && value.contains("kk") && value.contains("ru")) return value[lang];
    json out = json::object();
    for (const auto& [key, item] : value.items()) out[key] = in_language(item, lang);
    return out;
  }
  if (value.is_array()) {
    json out = json::array();
    for (const auto& item : value) out.push_back(in_language(item, lang));
    return out;
  }
  return value;
}

// An organisation or region as Hugo front matter: its "region" and "kind" renamed, since "region"
// is the grants' taxonomy (facet) and "kind" is Hugo's own page kind; "title" is its name.
json hugo_record(const json& record, const std::string& lang) {
  json front = in_language(record, lang);
  front["title"] = front["name"];
  if (front.contains("region")) {
    front["home_region"] = front["region"];
    front.erase("region");
  }
  front["record_kind"] = front["kind"];
  front.erase("kind");
  return front;
}

// A content file: JSON front matter, then the Markdown body.
void write_hugo_page(const fs::path& path, const json& front, const std::string& body = "") {
  write_file(path, front.dump(1) + "\n" + body);
}

std::string strip_front_matter(const std::string& md) {
  const std::size_t end = md.find("+++\n", 4);
  return end == std::string::npos ? md : md.substr(end + 4);
}

// The grant's catalogue date (contract date, else planned start), as Ashyq sorts and facets it.
std::string catalogue_date(const json& g) {
  if (g.contains("contract")) return g["contract"]["date"];
  return std::string(g["period"]["planned"]["start"]) + "-01";
}

void write_hugo_grant(const fs::path& hugo, const Grant& grant) {
  const json& g = grant.record;
  for (int l = 0; l < 2; ++l) {
    const std::string lang = kLangs[l];
    json front = in_language(g, lang);
    // Hugo's own fields beside the record's, for sorting and the taxonomies (facets).
    const std::string date = catalogue_date(g);
    front["date"] = date;
    front["year"] = date.substr(0, 4);
    front["region"] = g["regions"];
    front["narrative_title"] = l == 0 ? grant.narrative_title.kk : grant.narrative_title.ru;
    // The downloads beside the page, as Ashyq writes them: the grant's own row, and the tables it
    // has rows in (bench/hugo/hugo.toml defines one output format per table and file type).
    json outputs = json::array({"html"});
    std::vector<std::string> tables = {"grants", "budget_lines", "indicators"};
    if (!g["subgrants"]["awarded"].empty()) tables.push_back("subgrants");
    if (!g["media"].empty()) tables.push_back("media");
    for (const std::string& table : tables) {
      outputs.push_back(table + "csv");
      outputs.push_back(table + "json");
    }
    front["outputs"] = outputs;
    // The regions its sub-grants are counted under (their own, else the grant's first), so that
    // a region's sub-grant downloads select grants with `where … "intersect"` instead of every
    // grant's rows. Precomputed, this favours Hugo slightly.
    json subgrant_regions = json::array();
    for (const json& sg : g["subgrants"]["awarded"]) {
      const json region = sg.contains("region") ? sg["region"] : g["regions"][0];
      if (std::find(subgrant_regions.begin(), subgrant_regions.end(), region) ==
          subgrant_regions.end())
        subgrant_regions.push_back(region);
    }
    front["subgrant_regions"] = subgrant_regions;
    // The organisations named as partners: an organisation's downloads list the grants it has
    // any role in (grantee and operator are taxonomies; partners are few, so no term pages).
    json partner_ids = json::array();
    for (const json& partner : g["partners"])
      if (partner.contains("organisation")) partner_ids.push_back(partner["organisation"]);
    front["partner_ids"] = partner_ids;
    write_hugo_page(hugo / "content" / lang / "grants" / (std::string(g["id"]) + ".md"), front,
                    strip_front_matter(grant.narrative[l]));
  }
}

// Hugo's "outputs" of a page: its HTML and, per table, the CSV and JSON downloads beside it.
json outputs_with(std::initializer_list<const char*> tables, bool html = true) {
  json outputs = json::array();
  if (html) outputs.push_back("html");
  for (const char* table : tables) {
    outputs.push_back(std::string(table) + "csv");
    outputs.push_back(std::string(table) + "json");
  }
  return outputs;
}

// A sub-grant as the registry lists it: its grant, its place in the grant's awarded list, and the
// region it is counted under.
struct RegistryEntry {
  std::string grant;
  int subgrant;
  std::string region;
};

// The region a sub-grant is counted under, as Ashyq's subgrant_region: its own, else its grant's
// when the grant has one region, else none.
std::string subgrant_region(const json& g, const json& sg) {
  if (sg.contains("region")) return sg["region"];
  return g["regions"].size() == 1 ? std::string(g["regions"][0]) : std::string();
}

// Content files of a list Hugo cannot paginate itself (sub-grants are not pages): one file a page,
// page_size entries each, named by (grant id, sub-grant index). The first page is `first` (with
// the list's downloads in its `outputs`); page p is `folder`/`prefix`page-p.md at `url`page/p/,
// with the layout `later_layout`.
void write_hugo_registry_pages(const std::vector<RegistryEntry>& registry,
                               const std::vector<std::size_t>& positions, const json& first,
                               const fs::path& first_file, const fs::path& folder,
                               const std::string& prefix, const std::string& later_layout,
                               const std::string& url) {
  const std::size_t pages = positions.empty() ? 1 : (positions.size() + kPageSize - 1) / kPageSize;
  for (std::size_t p = 1; p <= pages; ++p) {
    json items = json::array();
    for (std::size_t i = (p - 1) * kPageSize; i < std::min(positions.size(), p * kPageSize); ++i)
      items.push_back(json::array({registry[positions[i]].grant, registry[positions[i]].subgrant}));
    json front = first;
    front.erase("outputs");
    front["page"] = p;
    front["pages"] = pages;
    front["items"] = items;
    if (p == 1) {
      if (first.contains("outputs")) front["outputs"] = first["outputs"];
      front["url"] = url;
      write_hugo_page(first_file, front);
    } else {
      front["url"] = url + "page/" + std::to_string(p) + "/";
      front["layout"] = later_layout;
      write_hugo_page(folder / (prefix + "page-" + std::to_string(p) + ".md"), front);
    }
  }
}

// The section pages and list pages that are not one record each.
void write_hugo_sections(const fs::path& hugo, const Site& site,
                         const std::vector<json>& organisations,
                         const std::vector<RegistryEntry>& registry) {
  std::vector<std::size_t> all(registry.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  std::map<std::string, std::vector<std::size_t>> by_region;  // registry positions, in order
  for (std::size_t i = 0; i < registry.size(); ++i) by_region[registry[i].region].push_back(i);
  for (int l = 0; l < 2; ++l) {
    const std::string lang = kLangs[l];
    const fs::path c = hugo / "content" / lang;
    write_hugo_page(c / "_index.md", json{{"title", l == 0 ? "Синтетикалық гранттар порталы"
                                                           : "Синтетический портал грантов"}});
    // The open data page (the bulk files, every column explained). The first language's also
    // writes the portal's bulk files, datapackage.json and the 360Giving package, once, as Ashyq
    // writes them once under /data/ (here /kk/data/).
    json data{{"title", "data"}, {"url", "/" + lang + "/data/"}};
    if (l == 0) {
      data["outputs"] = outputs_with({"grants", "subgrants", "budget_lines", "indicators", "media",
                                      "organisations", "plan_topics"});
      for (const char* format : {"datapackage", "giving360"}) data["outputs"].push_back(format);
    }
    write_hugo_page(c / "data" / "_index.md", data);
    // The operators' link report: empty, as the synthetic site has no link-cache.json.
    write_hugo_page(c / "link-report" / "_index.md", json{{"title", "link report"}});
    write_hugo_page(c / "grants" / "_index.md", json{{"title", "grants"}, {"sort", "date"}});
    for (const char* sort : {"amount", "title"})
      write_hugo_page(c / "grants" / "sort" / sort / "_index.md",
                      json{{"title", "grants"}, {"sort", sort}, {"layout", "catalogue"}});
    // A section's own url puts its downloads inside its folder: without it Hugo writes a format
    // whose base name is the section's name beside the folder (organisations/ → organisations.csv).
    write_hugo_page(c / "organisations" / "_index.md",
                    json{{"title", "organisations"},
                         {"url", "/" + lang + "/organisations/"},
                         {"outputs", outputs_with({"organisations"})}});
    for (const json& o : organisations) {
      json front = hugo_record(o, lang);
      front["outputs"] = outputs_with({"organisations", "grants"});
      write_hugo_page(c / "organisations" / (std::string(o["id"]) + ".md"), front);
    }
    write_hugo_page(c / "regions" / "_index.md", json{{"title", "regions"}});
    for (const json& r : site.regions) {
      json front = hugo_record(r, lang);
      front["outputs"] = outputs_with({"grants", "subgrants"});
      write_hugo_page(c / "regions" / (std::string(r["id"]) + ".md"), front);
      // The region's sub-grant registry, paginated as the registry.
      const std::string id = r["id"];
      json sub = front;
      sub["outputs"] = outputs_with({"subgrants"});
      sub["type"] = "subgrants";
      sub["layout"] = "region";
      write_hugo_registry_pages(registry, by_region[id], sub,
                                c / "subgrants" / "region" / (id + ".md"),
                                c / "subgrants" / "region", id + "-", "region",
                                "/" + lang + "/subgrants/region/" + id + "/");
    }
    write_hugo_page(c / "plans" / "_index.md", json{{"title", "plans"}});
    // The sub-grant registry: every sub-grant in grant id order, page_size a page. Hugo paginates
    // pages, not the sub-grants inside them, so each registry page is a content file that names
    // its sub-grants (grant id, index); the layout looks each grant up and prints the sub-grant.
    json registry_front{{"title", "subgrants"}, {"outputs", outputs_with({"subgrants"})}};
    write_hugo_registry_pages(registry, all, registry_front, c / "subgrants" / "_index.md",
                              c / "subgrants", "", "registry", "/" + lang + "/subgrants/");
    write_hugo_page(
        c / "about.md",
        json{{"title", l == 0 ? "Синтетикалық портал туралы" : "О синтетическом портале"}},
        l == 0 ? "Бұл синтетикалық портал: тек өнімділікті өлшеуге арналған.\n"
               : "Это синтетический портал: только для замера производительности.\n");
  }
}

void write_hugo_programmes(const fs::path& hugo, const json& g) {
  for (const char* lang : kLangs) {
    const std::string id = g["id"];
    write_hugo_page(hugo / "content" / lang / "subgrants" / "programme" / (id + ".md"),
                    json{{"title", id},
                         {"grant", id},
                         {"type", "subgrants"},
                         {"layout", "programme"},
                         {"outputs", outputs_with({"subgrants"})},
                         {"url", "/" + std::string(lang) + "/subgrants/programme/" + id + "/"}});
  }
}

// A media link as the media lists show it: its grant, its place in the grant's record, its date.
struct MediaRef {
  std::string grant;
  int index = 0;
  std::string date;                  // YYYY-MM
  std::vector<std::string> regions;  // its grant's: a link is listed in each
};

// The media pages (/<lang>/media/…): every link newest first, and the links of each platform, year
// and region, page_size a page. As for the sub-grant registry, Hugo paginates pages and not the
// records inside them, so each list page is a content file naming its links (grant id, index); the
// layout looks each grant up and prints the link. The facet index beside the lists (values and
// counts) is data/media.json. This favours Hugo slightly: the order and the cuts are precomputed.
void write_hugo_media(const fs::path& hugo, std::vector<MediaRef> refs) {
  std::stable_sort(refs.begin(), refs.end(),
                   [](const MediaRef& a, const MediaRef& b) { return a.date > b.date; });
  std::map<std::string, std::vector<const MediaRef*>> lists;  // "platform/news/" → links
  std::map<std::string, std::map<std::string, int>> counts;   // facet → value → links
  for (const MediaRef& ref : refs) {
    lists[""].push_back(&ref);
    // Every synthetic link is on media.synthetic.example, which Ashyq files under "news".
    lists["platform/news/"].push_back(&ref);
    ++counts["platform"]["news"];
    const std::string year = ref.date.substr(0, 4);
    lists["year/" + year + "/"].push_back(&ref);
    ++counts["year"][year];
    for (const std::string& region : ref.regions) {
      lists["region/" + region + "/"].push_back(&ref);
      ++counts["region"][region];
    }
  }
  json index = json::object();
  for (const auto& [facet, values] : counts) {
    json list = json::array();
    for (const auto& [value, count] : values) list.push_back({{"key", value}, {"count", count}});
    index[facet] = list;
  }
  write_json(hugo / "data" / "media.json", index);
  for (const char* lang : kLangs) {
    const fs::path c = hugo / "content" / lang / "media";
    int file = 0;
    for (const auto& [path, links] : lists) {
      const std::size_t pages = (links.size() + kPageSize - 1) / kPageSize;
      const std::string base = "/" + std::string(lang) + "/media/" + path;
      for (std::size_t p = 1; p <= pages; ++p) {
        json items = json::array();
        for (std::size_t i = (p - 1) * kPageSize; i < std::min(links.size(), p * kPageSize); ++i)
          items.push_back(json::array({links[i]->grant, links[i]->index}));
        json front{{"title", "media"},
                   {"page", p},
                   {"pages", pages},
                   {"base", base},
                   {"total", links.size()},
                   {"items", items},
                   {"facet", path.empty() ? "" : path.substr(0, path.find('/'))}};
        if (path.empty() && p == 1) {
          write_hugo_page(c / "_index.md", front);
        } else {
          front["url"] = p == 1 ? base : base + "page/" + std::to_string(p) + "/";
          front["layout"] = "page";
          write_hugo_page(c / "pages" / ("list-" + std::to_string(++file) + ".md"), front);
        }
      }
    }
  }
}

// The columns of Ashyq's download tables, in its order (generator/export/tables.cpp): the Hugo
// layouts print the same columns (data/tables.json).
json download_tables() {
  const std::pair<const char*, const char*> tables[] = {
      {"budget_lines",
       "grant_id,line,section,activity,article_kk,article_ru,unit_kk,unit_ru,quantity,unit_cost,"
       "total,source,actual,note_kk,note_ru"},
      {"grants",
       "id,status,grant_type,title_kk,title_ru,topic_kk,topic_ru,programme_kk,programme_ru,goal_kk,"
       "goal_ru,operator_id,grantee_id,grantee_bin,grantee_name_kk,grantee_name_ru,partner_ids,"
       "direction_id,plan_topic,region_ids,contract_number,contract_date,year,planned_start,"
       "planned_end,actual_start,actual_end,amount,own_contribution,subgrants_count,subgrants_"
       "amount,direct_beneficiaries_planned,direct_beneficiaries_actual,final_report_date,url_kk,"
       "url_ru"},
      {"indicators",
       "grant_id,task_id,activity,name_kk,name_ru,unit_kk,unit_ru,planned,planned_bound,planned_"
       "text_kk,planned_text_ru,actual,actual_bound,actual_text_kk,actual_text_ru,outcome,comment_"
       "kk,comment_ru"},
      {"media", "grant_id,url,platform,kind,title_kk,title_ru,date,activity"},
      {"organisations",
       "id,bin,kind,name_kk,name_ru,short_name_kk,short_name_ru,region_id,registered,website,"
       "grants_as_grantee,amount_as_grantee,grants_as_grantee_without_amount,url_kk,url_ru"},
      {"plan_topics",
       "plan_id,plan_year,direction_title_kk,direction_title_ru,direction_id,direction_subtotal,"
       "topic_id,number,title_kk,title_ru,period_start,period_end,region_ids,amount,grant_ids"},
      {"subgrants",
       "grant_id,id,recipient_kind,recipient_name_kk,recipient_name_ru,locality_kk,locality_ru,"
       "title_kk,title_ru,region_id,registry_region_id,amount,status,award_date"},
  };
  json out = json::object();
  for (const auto& [name, columns] : tables) {
    json list = json::array();
    std::string all = columns;
    for (std::size_t start = 0, comma;; start = comma + 1) {
      comma = all.find(',', start);
      list.push_back(all.substr(start, comma - start));
      if (comma == std::string::npos) break;
    }
    out[name] = list;
  }
  return out;
}

// ---- the Ashyq site ----

int run(int argc, char** argv) {
  Site site;
  fs::path out, hugo;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(arg + " needs a value");
      return argv[++i];
    };
    // A whole number, or a usage error that names the option.
    auto number = [&](const std::string& text) -> std::uint64_t {
      if (text.empty() || text.size() > 18 ||
          text.find_first_not_of("0123456789") != std::string::npos)
        throw std::invalid_argument(arg + " needs a whole number, got '" + text + "'");
      return std::stoull(text);
    };
    if (arg == "--grants")
      site.grants = static_cast<int>(std::min<std::uint64_t>(number(value()), 10000000));
    else if (arg == "--seed")
      site.seed = number(value());
    else if (arg == "--out")
      out = value();
    else if (arg == "--hugo")
      hugo = value();
    else
      throw std::invalid_argument("unknown option '" + arg + "'");
  }
  if (out.empty() || site.grants < 1)
    throw std::invalid_argument("--out DIR is required and --grants must be positive");
  for (const fs::path& dir : {out, hugo})
    if (!dir.empty() && fs::exists(dir / "content"))
      throw std::invalid_argument(dir.string() + "/content exists; give an empty folder");

  Random rng(site.seed);
  site.organisations = std::max(1, site.grants / 4);
  write_file(
      out / "site.toml",
      "# SYNTHETIC benchmark portal written by ashyq-synth (bench/synth): every name and\n"
      "# number is invented for performance measurement; it is not real data.\n"
      "languages = [\"kk\", \"ru\"]\n"
      "base_url = \"https://bench.synthetic.example/\"\n"
      "operator = \"synth-operator-a\"\n"
      "currency = \"KZT\"\n"
      "# The open data's licence, stated as a real portal states one (content/: CC-BY-4.0); the\n"
      "# invented data are public domain.\n"
      "data_licence = \"CC0-1.0\"\n"
      "page_size = " +
          std::to_string(kPageSize) +
          "\n\n"
          "[title]\nkk = \"Синтетикалық гранттар порталы\"\nru = \"Синтетический портал "
          "грантов\"\n\n"
          "[description]\nkk = \"Синтетикалық деректер: тек өнімділікті өлшеуге арналған.\"\n"
          "ru = \"Синтетические данные: только для замера производительности.\"\n");
  const fs::path content = out / "content";
  for (int i = 0; i < kRegions; ++i) site.regions.push_back(make_region(i));
  for (int i = 0; i < kDirections; ++i) site.directions.push_back(make_direction(i));
  write_json(content / "regions.json", json{{"regions", site.regions}});
  write_json(content / "directions.json",
             json{{"source", "synthetic benchmark portal (ashyq-synth)"},
                  {"directions", site.directions}});
  std::vector<json> organisations = {
      make_operator("synth-operator-a",
                    {"Синтетикалық бірінші оператор", "Синтетический первый оператор"}),
      make_operator("synth-operator-b",
                    {"Синтетикалық екінші оператор", "Синтетический второй оператор"})};
  for (int i = 0; i < site.organisations; ++i) {
    organisations.push_back(make_organisation(i, rng));
    site.organisation_ids.push_back(organisation_id(i));
  }
  for (const json& o : organisations)
    write_json(content / "organisations" / (std::string(o["id"]) + ".json"), o);
  write_file(content / "pages" / "about.kk.md",
             "+++\ntitle = \"Синтетикалық портал туралы\"\n+++\n\n"
             "Бұл синтетикалық портал: тек өнімділікті өлшеуге арналған.\n");
  write_file(content / "pages" / "about.ru.md",
             "+++\ntitle = \"О синтетическом портале\"\n+++\n\n"
             "Это синтетический портал: только для замера производительности.\n");

  std::vector<RegistryEntry> registry;  // every sub-grant, in grant id order
  std::vector<MediaRef> media;
  for (int i = 0; i < site.grants; ++i) {
    const Grant grant = make_grant(i, site, rng);
    const std::string id = grant.record["id"];
    const fs::path dir = content / "grants" / id;
    write_json(dir / "grant.json", grant.record);
    write_file(dir / "report.kk.md", grant.narrative[0]);
    write_file(dir / "report.ru.md", grant.narrative[1]);
    const json& awarded = grant.record["subgrants"]["awarded"];
    for (std::size_t s = 0; s < awarded.size(); ++s)
      registry.push_back({id, static_cast<int>(s), subgrant_region(grant.record, awarded[s])});
    if (!hugo.empty()) {
      write_hugo_grant(hugo, grant);
      write_hugo_programmes(hugo, grant.record);
      for (std::size_t m = 0; m < grant.record["media"].size(); ++m)
        media.push_back({id, static_cast<int>(m), grant.record["media"][m]["date"],
                         grant.record["regions"].get<std::vector<std::string>>()});
    }
  }
  if (!hugo.empty()) {
    write_hugo_sections(hugo, site, organisations, registry);
    write_hugo_media(hugo, std::move(media));
    write_json(hugo / "data" / "tables.json", download_tables());
    write_json(
        hugo / "data" / "site.json",
        json{{"regions", site.regions}, {"directions", site.directions}, {"page_size", kPageSize}});
  }
  std::cout << "wrote " << site.grants << " synthetic grants, " << organisations.size()
            << " organisations, " << registry.size() << " sub-grants into " << out.string()
            << (hugo.empty() ? "" : " and the Hugo site into " + hugo.string()) << "\n";
  return 0;
}

}  // namespace
}  // namespace ashyq::bench

int main(int argc, char** argv) {
  try {
    return ashyq::bench::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "ashyq-synth: " << e.what()
              << "\nusage: ashyq-synth --grants N --seed S --out DIR [--hugo DIR]\n";
    return 2;
  }
}
