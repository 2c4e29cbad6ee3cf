// Builds the synthetic portal fixture (tests/fixtures/portal) and the full fixture with the real
// binary and checks the open-data files: each page's downloads hold the rows and figures the page
// shows, the bulk files hold the whole portal, datapackage.json matches the CSV headers, the
// 360Giving package leaves out what it cannot state honestly, nothing private leaks, and two
// builds give the same bytes.
//
// Figures worked out by hand from tests/fixtures/portal (see portal_pages_test.cpp for the grants):
//   sub-grants: synthetic-2024-subgrants-csv 400 000 + 350 000 + 250 000, synthetic-2024-
//   subgrants-json 500 000 + 300 000 + 200 000: six, 2 000 000 in all. Year 2024: three grants
//   (two pages at page_size 2). Grantee synthetic-grantee-one: three grants.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "html_reading.h"
#include "test_site.h"

namespace ashyq::integration {
namespace {

using nlohmann::json;

const std::string kBom = "\xEF\xBB\xBF";

// The lines of a CSV file, split at CRLF (the fixtures' texts have no line breaks). A page's CSV
// starts with a BOM, for spreadsheets; a bulk file in data/ is plain UTF-8, for programs.
enum class Bom { page, bulk };
std::vector<std::string> csv_lines(const std::string& bytes, Bom bom) {
  if (bom == Bom::page)
    REQUIRE(bytes.substr(0, 3) == kBom);
  else
    REQUIRE(bytes.substr(0, 3) != kBom);
  std::vector<std::string> lines;
  std::size_t start = bom == Bom::page ? 3 : 0;
  for (std::size_t end; (end = bytes.find("\r\n", start)) != std::string::npos; start = end + 2)
    lines.push_back(bytes.substr(start, end - start));
  CHECK(start == bytes.size());  // the file ends with CRLF
  return lines;
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == sep)
      out.emplace_back();
    else
      out.back() += c;
  }
  return out;
}

// "8 000 000 ₸" with no-break spaces, as on the pages.
std::string tenge(long long amount) {
  std::string digits = std::to_string(amount), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u00A0";
    out += digits[i];
  }
  return out + "\u00A0₸";
}

struct BuiltPortal {
  TestSite site{"portal"};
  BuiltPortal() { REQUIRE(site.build().exit_code == 0); }
  // HTML pages read as a reader sees their figures (html_reading.h, plain_figures); other files as
  // bytes.
  std::string read(const std::string& path) const {
    const std::string bytes = site.read("public/" + path);
    return path.ends_with(".html") ? plain_figures(bytes) : bytes;
  }
  json read_json(const std::string& path) const { return json::parse(read(path)); }
};

TEST_CASE("A grant page's downloads hold its own row with the page's figures", "[export]") {
  BuiltPortal p;
  for (const char* lang : {"kk", "ru"}) {
    const std::string dir = std::string(lang) + "/grants/synthetic-2024-subgrants-json/";
    // Both languages' pages link to the one file of each table: it holds both languages' texts.
    const std::string files = "downloads/grants/synthetic-2024-subgrants-json/";
    const json grants = p.read_json(files + "grants.json")["grants"];
    REQUIRE(grants.size() == 1);
    CHECK(grants[0]["id"] == "synthetic-2024-subgrants-json");
    CHECK(grants[0]["amount"] == 8000000);
    CHECK(grants[0]["subgrants_count"] == 3);
    CHECK(grants[0]["subgrants_amount"] == 1000000);
    CHECK(grants[0]["contract_date"] == "2024-02-01");
    CHECK(grants[0]["title_kk"] == "Қанат: синтетикалық шағын гранттар бағдарламасы");
    const std::string page = p.read(dir + "index.html");
    CHECK(page.find(tenge(8000000)) != std::string::npos);
    CHECK(page.find(tenge(1000000)) != std::string::npos);
    // The links are plain, and say how many rows each file has.
    CHECK(page.find("<a href=\"/" + files + "grants.csv\" type=\"text/csv\">CSV</a>") !=
          std::string::npos);
    CHECK(page.find("<a href=\"/" + files +
                    "subgrants.json\" type=\"application/json\">JSON</a>") != std::string::npos);
    CHECK_FALSE(p.site.exists("public/" + dir + "grants.csv"));
    CHECK(page.find(std::string(lang) == "kk" ? "(жолдар саны: 3)" : "(строк: 3)") !=
          std::string::npos);
    // The same row in CSV, same figures.
    const auto lines = csv_lines(p.read(files + "grants.csv"), Bom::page);
    REQUIRE(lines.size() == 2);
    const auto header = split(lines[0], ',');
    CHECK(header.front() == "id");
    const auto amount_at = std::find(header.begin(), header.end(), "amount") - header.begin();
    CHECK(split(lines[1], ',')[amount_at] == "8000000");
  }
  // A grant without a published amount has an empty amount, never 0.
  const json planned = p.read_json("downloads/grants/synthetic-2025-planned/grants.json")["grants"];
  CHECK(planned[0]["amount"].is_null());
  CHECK_FALSE(p.site.exists("public/downloads/grants/synthetic-2025-planned/subgrants.csv"));
}

TEST_CASE("The registry's download sums to the registry page's total, and hides private names",
          "[export]") {
  BuiltPortal p;
  const json rows = p.read_json("downloads/subgrants/subgrants.json")["subgrants"];
  REQUIRE(rows.size() == 6);
  long long sum = 0;
  for (const json& r : rows) sum += r["amount"].get<long long>();
  CHECK(sum == 2000000);
  CHECK(p.read("ru/subgrants/index.html").find(tenge(2000000)) != std::string::npos);
  // The registry is paginated (page_size 2): every page links to the one file of all six rows.
  const std::string page3 = p.read("ru/subgrants/page/3/index.html");
  CHECK(page3.find("href=\"/downloads/subgrants/subgrants.csv\"") != std::string::npos);
  CHECK(page3.find("(строк: 6)") != std::string::npos);

  // A person without consent: no name in any file; with consent and an NGO: named, as on the page.
  for (const json& r : rows) {
    INFO(r["id"]);
    if (r["id"] == "synthetic-csv-03" || r["id"] == "synthetic-sg-03") {
      CHECK(r["recipient_name_kk"].is_null());
      CHECK(r["recipient_name_ru"].is_null());
    }
  }
  CHECK(rows[3]["recipient_name_ru"] == "ОО «Синтетическая молодёжь»");
  CHECK(rows[4]["recipient_name_ru"] == "Синтетическое Согласное Лицо");
  for (const auto& [path, bytes] : p.site.files(p.site.dir() / "public")) {
    if (!path.ends_with(".csv") && !path.ends_with(".json")) continue;
    INFO(path);
    CHECK(bytes.find("Жасырын Азамат") == std::string::npos);
    CHECK(bytes.find("Скрытый Гражданин") == std::string::npos);
    CHECK(bytes.find("Тайное Лицо") == std::string::npos);
  }
  // Quotes inside a name come out doubled, inside quotes.
  const std::string csv = p.read("data/subgrants.csv");
  CHECK(csv.find(",\"Объединение \"\"Синтетическое искусство\"\"\",") != std::string::npos);
}

TEST_CASE("Facet, region, organisation and plan downloads hold exactly the rows their pages list",
          "[export]") {
  BuiltPortal p;
  auto ids = [&](const std::string& path, const std::string& table) {
    std::vector<std::string> out;
    const json doc = p.read_json(path);  // held: a range-for over a temporary's member dangles
    for (const json& r : doc[table]) out.push_back(r["id"]);
    return out;
  };
  using Ids = std::vector<std::string>;
  // Year 2024 has three grants on two pages, newest first; the file has all three.
  CHECK(ids("downloads/grants/year/2024/grants.json", "grants") ==
        Ids{"synthetic-2024-subgrants-csv", "synthetic-2024-ecology",
            "synthetic-2024-subgrants-json"});
  CHECK(p.read("kk/grants/year/2024/page/2/index.html")
            .find("href=\"/downloads/grants/year/2024/grants.csv\"") != std::string::npos);
  CHECK_FALSE(p.site.exists("public/downloads/grants/year/2024/page/2/grants.csv"));
  CHECK(ids("downloads/grants/status/completed/grants.json", "grants") ==
        Ids{"synthetic-2024-ecology", "synthetic-2023-culture-bridge", "synthetic-2023-literacy"});
  // The organisation page: its profile, and every grant it lists under any role.
  CHECK(ids("downloads/organisations/synthetic-grantee-one/organisations.json", "organisations") ==
        Ids{"synthetic-grantee-one"});
  CHECK(ids("downloads/organisations/synthetic-grantee-one/grants.json", "grants") ==
        Ids{"synthetic-2025-application", "synthetic-2024-subgrants-json",
            "synthetic-2023-literacy"});
  const json org = p.read_json("downloads/organisations/organisations.json")["organisations"];
  REQUIRE(org.size() == 6);
  // A region lists its grants and the sub-grants counted under it.
  CHECK(ids("downloads/regions/synthetic-shymkent/grants.json", "grants") ==
        Ids{"synthetic-2024-subgrants-csv"});
  CHECK(ids("downloads/regions/synthetic-shymkent/subgrants.json", "subgrants") ==
        Ids{"synthetic-csv-01", "synthetic-csv-03"});
  CHECK(ids("downloads/subgrants/region/synthetic-shymkent/subgrants.json", "subgrants") ==
        Ids{"synthetic-csv-01", "synthetic-csv-03"});
  CHECK(ids("downloads/subgrants/programme/synthetic-2024-subgrants-json/subgrants.json",
            "subgrants") == Ids{"synthetic-sg-01", "synthetic-sg-02", "synthetic-sg-03"});
  const json topics =
      p.read_json("downloads/plans/synthetic-plan-2024/plan_topics.json")["plan_topics"];
  CHECK(topics.size() >= 1);
  for (const json& t : topics) CHECK(t["plan_id"] == "synthetic-plan-2024");
}

TEST_CASE("The bulk files hold the whole portal, and datapackage.json describes every one",
          "[export]") {
  BuiltPortal p;
  const std::map<std::string, std::size_t> expected_rows = {
      {"grants", 7},        {"subgrants", 6},   {"programmes", 2},
      {"budget_lines", 0},  {"indicators", 0},  {"media", 8},
      {"organisations", 6}, {"plan_topics", 3}, {"360giving-omitted", 5}};
  const json package = p.read_json("data/datapackage.json");
  std::set<std::string> described;
  for (const json& resource : package["resources"]) {
    const std::string path = resource["path"];
    described.insert(path);
    if (resource["format"] != "csv") continue;
    INFO(path);
    const auto lines = csv_lines(p.read("data/" + path), Bom::bulk);
    const auto header = split(lines.at(0), ',');
    std::vector<std::string> fields;
    for (const json& f : resource["schema"]["fields"]) fields.push_back(f["name"]);
    CHECK(fields == header);
    const std::string name = resource["name"];
    CHECK(lines.size() - 1 == expected_rows.at(name));
    CHECK(resource["rows"] == expected_rows.at(name));
    CHECK(p.read_json("data/" + name + ".json")[name].size() == expected_rows.at(name));
  }
  for (const auto& [name, rows] : expected_rows) {
    CHECK(described.count(name + ".csv") == 1);
    CHECK(described.count(name + ".json") == 1);
    // The XLSX copy is beside it, for people, and not a resource (see datapackage.h).
    CHECK(p.site.exists("public/data/" + name + ".xlsx"));
  }
  CHECK(described.size() == 18);
  // The licence of site.toml's [data_licence] (CC0 in this fixture, CC BY in content/).
  CHECK(package["licenses"] ==
        json::parse(
            R"([{"name": "CC0-1.0", "path": "https://creativecommons.org/publicdomain/zero/1.0/",
                         "title": "Creative Commons Zero v1.0 Universal"}])"));
}

TEST_CASE("The full fixture's budget lines, indicators and media come out with their figures",
          "[export]") {
  TestSite site("full");
  REQUIRE(site.build().exit_code == 0);
  const json budget = json::parse(site.read("public/data/budget_lines.json"))["budget_lines"];
  const json grant = json::parse(
      site.read("public/downloads/grants/synthetic-2024-full/grants.json"))["grants"][0];
  REQUIRE(budget.size() > 0);
  // One file for both languages' pages, none in the languages' folders.
  CHECK(site.exists("public/downloads/grants/synthetic-2024-full/budget_lines.json"));
  CHECK_FALSE(site.exists("public/kk/grants/synthetic-2024-full/budget_lines.json"));
  CHECK_FALSE(site.exists("public/ru/grants/synthetic-2024-full/budget_lines.json"));
  CHECK(json::parse(site.read("public/data/indicators.json"))["indicators"].size() > 0);
  CHECK(json::parse(site.read("public/data/media.json"))["media"].size() > 0);
  CHECK(grant["id"] == "synthetic-2024-full");
}

TEST_CASE("The 360Giving package exports awarded grants and dated sub-grants, and lists the rest",
          "[export]") {
  BuiltPortal p;
  const json package = p.read_json("data/360giving.json");
  std::vector<std::string> ids;
  for (const json& g : package["grants"]) ids.push_back(g["id"]);
  CHECK(ids == std::vector<std::string>{
                   "360G-ashyq-synthetic-2023-culture-bridge", "360G-ashyq-synthetic-2023-literacy",
                   "360G-ashyq-synthetic-2024-ecology", "360G-ashyq-synthetic-2024-subgrants-csv",
                   "360G-ashyq-synthetic-2024-subgrants-csv-synthetic-csv-01",
                   "360G-ashyq-synthetic-2024-subgrants-json",
                   "360G-ashyq-synthetic-2024-subgrants-json-synthetic-sg-01",
                   "360G-ashyq-synthetic-2024-subgrants-json-synthetic-sg-02"});
  const json& parent = package["grants"][5];
  CHECK(parent["regrantType"] == "FRG010");
  CHECK(parent["currency"] == "KZT");
  CHECK(parent["amountAwarded"] == 8000000);
  CHECK(parent["awardDate"] == "2024-02-01");
  CHECK(parent["recipientOrganization"][0]["id"] == "KZ-BIN-000000000011");
  CHECK_FALSE(package["grants"][2].contains("regrantType"));
  const json& sub = package["grants"][7];
  CHECK(sub["fundingOrganization"][0]["id"] == "KZ-BIN-000000000011");
  CHECK(sub["recipientIndividual"]["name"] == "Синтетикалық Келісуші Тұлға");
  CHECK(sub["amountAwarded"] == 300000);

  // The omitted ones, with their reasons, on the data page of each language.
  const std::string page = p.read("ru/data/index.html");
  for (const char* row : {"synthetic-csv-02</td><td>дата выдачи (день, месяц, год) неизвестна",
                          "synthetic-csv-03</td><td>дата выдачи (день, месяц, год) неизвестна",
                          "synthetic-sg-03</td><td>дата выдачи (день, месяц, год) неизвестна"}) {
    INFO(row);
    CHECK(page.find(row) != std::string::npos);
  }
  CHECK(page.find("href=\"/ru/grants/synthetic-2025-application/\"") != std::string::npos);
  CHECK(page.find("грант не выдан (заявка или план)") != std::string::npos);
  CHECK(page.find("грантов: 5, малых грантов: 3.") != std::string::npos);
  CHECK(p.read("kk/data/index.html").find("гранттар: 5, шағын гранттар: 3.") != std::string::npos);
}

// The records the fixture's 360Giving export leaves out, in package order (grants by id, each
// before its sub-grants): the application and the planned grant, and the three sub-grants whose
// award date is a month or missing. Rows of data/360giving-omitted.csv.
const std::vector<std::string> kOmittedRows = {
    "synthetic-2024-subgrants-csv,synthetic-csv-02,no_award_date",
    "synthetic-2024-subgrants-csv,synthetic-csv-03,no_award_date",
    "synthetic-2024-subgrants-json,synthetic-sg-03,no_award_date",
    "synthetic-2025-application,,not_awarded",
    "synthetic-2025-planned,,not_awarded",
};

// The rows of the list of omitted records on a data page.
std::size_t omitted_rows_listed(const std::string& page) {
  const std::size_t from = page.find("<caption id=\"omitted-list-c\">");
  REQUIRE(from != std::string::npos);
  const std::string list = page.substr(from, page.find("</table>", from) - from);
  std::size_t rows = 0;
  for (std::size_t at = 0; (at = list.find("<tr><td><a href=", at)) != std::string::npos; ++at)
    ++rows;
  return rows;
}

TEST_CASE("The data page counts the omitted records per reason and links the file of them all",
          "[export]") {
  BuiltPortal p;
  // The file: exactly the omitted records, with the machine keys of the reasons.
  const auto lines = csv_lines(p.read("data/360giving-omitted.csv"), Bom::bulk);
  REQUIRE(lines.size() == kOmittedRows.size() + 1);
  CHECK(lines[0] == "grant_id,subgrant_id,reason");
  CHECK(std::vector<std::string>(lines.begin() + 1, lines.end()) == kOmittedRows);
  const json rows = p.read_json("data/360giving-omitted.json")["360giving-omitted"];
  REQUIRE(rows.size() == kOmittedRows.size());
  CHECK(rows[0] == json({{"grant_id", "synthetic-2024-subgrants-csv"},
                         {"subgrant_id", "synthetic-csv-02"},
                         {"reason", "no_award_date"}}));
  CHECK(rows[3]["subgrant_id"].is_null());
  CHECK(rows[3]["reason"] == "not_awarded");

  struct Expected {
    const char* lang;
    std::vector<std::string> fragments;
  };
  for (const Expected& e : std::vector<Expected>{
           {"ru",
            {"<tr><th scope=\"row\">грант не выдан (заявка или план)</th><td class=\"num\">2</td>"
             "<td class=\"num\">0</td></tr>",
             "<tr><th scope=\"row\">дата выдачи (день, месяц, год) неизвестна</th>"
             "<td class=\"num\">0</td><td class=\"num\">3</td></tr>",
             "<tfoot><tr><th scope=\"row\">Всего</th><td class=\"num\">2</td>"
             "<td class=\"num\">3</td></tr></tfoot>",
             "<p>Полный список с причинами (строк: 5): <a href=\"/data/360giving-omitted.csv\" "
             "type=\"text/csv\">CSV</a>, <a href=\"/data/360giving-omitted.json\" "
             "type=\"application/json\">JSON</a></p>"}},
           {"kk",
            {"<tr><th scope=\"row\">грант берілмеген (өтінім немесе жоспар)</th>"
             "<td class=\"num\">2</td><td class=\"num\">0</td></tr>",
             "<tr><th scope=\"row\">берілген күні (күні, айы, жылы) белгісіз</th>"
             "<td class=\"num\">0</td><td class=\"num\">3</td></tr>",
             "<tfoot><tr><th scope=\"row\">Барлығы</th><td class=\"num\">2</td>"
             "<td class=\"num\">3</td></tr></tfoot>",
             "<p>Толық тізім, себептерімен (жолдар саны: 5): "
             "<a href=\"/data/360giving-omitted.csv\" type=\"text/csv\">CSV</a>"}}}) {
    INFO(e.lang);
    const std::string page = p.read(std::string(e.lang) + "/data/index.html");
    for (const std::string& fragment : e.fragments) {
      INFO(fragment);
      CHECK(page.find(fragment) != std::string::npos);
    }
    // Every grant of the fixture that is awarded has an amount: that reason has no row.
    const std::string no_amount =
        e.lang == std::string("ru") ? "сумма не опубликована" : "сомасы жарияланбаған";
    CHECK(page.find("<th scope=\"row\">" + no_amount + "</th>") == std::string::npos);
    // Five records: all listed, so no "the first 100 of …" sentence.
    CHECK(omitted_rows_listed(page) == kOmittedRows.size());
    CHECK(page.find(e.lang == std::string("ru") ? "Ниже показаны первые" : "Төменде тек алғашқы") ==
          std::string::npos);
    // The file's columns are described with the other tables'.
    CHECK(page.find("<h3 id=\"table-360giving-omitted\">") != std::string::npos);
  }
}

TEST_CASE("Of more than 100 omitted records the data page lists 100 and says how many in all",
          "[export]") {
  // Synthetic: 120 more applications, copies of the fixture's, under ids that sort after every
  // grant of the fixture. Applications are awarded nothing, so each is one omitted record:
  // 5 + 120 = 125 in all, of which the page shows the first 100.
  TestSite site("portal");
  const std::string application = site.read("content/grants/synthetic-2025-application/grant.json");
  const std::string id = "\"id\": \"synthetic-2025-application\"";
  REQUIRE(application.find(id) != std::string::npos);
  auto many = [](int i) {
    const std::string n = std::to_string(i);
    return "synthetic-2026-many-" + std::string(3 - n.size(), '0') + n;
  };
  for (int i = 0; i < 120; ++i) {
    std::string grant = application;
    grant.replace(grant.find(id), id.size(), "\"id\": \"" + many(i) + "\"");
    site.write("content/grants/" + many(i) + "/grant.json", grant);
  }
  REQUIRE(site.build().exit_code == 0);

  const auto lines = csv_lines(site.read("public/data/360giving-omitted.csv"), Bom::bulk);
  REQUIRE(lines.size() == 1 + 125);
  CHECK(std::vector<std::string>(lines.begin() + 1, lines.begin() + 6) == kOmittedRows);
  CHECK(lines[6] == many(0) + ",,not_awarded");
  CHECK(lines.back() == many(119) + ",,not_awarded");
  CHECK(json::parse(site.read("public/data/360giving-omitted.json"))["360giving-omitted"].size() ==
        125);
  CHECK(json::parse(site.read("public/data/datapackage.json"))["resources"][16]["rows"] == 125);

  for (const char* lang : {"kk", "ru"}) {
    INFO(lang);
    const std::string l = lang;
    // Read as a reader sees its figures (no data-label, no figure marks), like BuiltPortal's pages.
    const std::string page = plain_figures(site.read("public/" + l + "/data/index.html"));
    // The first 100 in file order: the fixture's five, then many-000 … many-094.
    CHECK(omitted_rows_listed(page) == 100);
    CHECK(page.find("href=\"/" + l + "/grants/" + many(94) + "/\"") != std::string::npos);
    CHECK(page.find("href=\"/" + l + "/grants/" + many(95) + "/\"") == std::string::npos);
    CHECK(page.find(l == "ru" ? "<p>Ниже показаны первые 100 из 125; полный список — в файлах CSV "
                                "и JSON выше.</p>"
                              : "<p>Төменде тек алғашқы 100 жазба көрсетілген, барлығы — 125; "
                                "толық тізім жоғарыдағы CSV және JSON файлдарында.</p>") !=
          std::string::npos);
    CHECK(page.find(l == "ru" ? "<p>Полный список с причинами (строк: 125): <a href="
                              : "<p>Толық тізім, себептерімен (жолдар саны: 125): <a href=") !=
          std::string::npos);
    CHECK(page.find("<td class=\"num\">122</td><td class=\"num\">0</td>") != std::string::npos);
  }
}

TEST_CASE("The data page states the data's licence with a link in both languages, or that none is",
          "[export]") {
  TestSite site("portal");
  REQUIRE(site.build().exit_code == 0);
  const std::string link =
      "<a href=\"https://creativecommons.org/publicdomain/zero/1.0/\" rel=\"license\">Creative "
      "Commons Zero v1.0 Universal</a> (<code>CC0-1.0</code>); ";
  const std::string ru = site.read("public/ru/data/index.html");
  const std::string kk = site.read("public/kk/data/index.html");
  CHECK(ru.find("<p>Лицензия данных: " + link) != std::string::npos);
  CHECK(kk.find("<p>Деректердің лицензиясы: " + link) != std::string::npos);
  // Every bulk file offers its XLSX copy, and the page says who each kind of file is for.
  CHECK(ru.find("<a href=\"/data/grants.xlsx\" "
                "type=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\">"
                "XLSX</a>") != std::string::npos);
  CHECK(ru.find("UTF-8 без метки BOM") != std::string::npos);
  CHECK(kk.find("BOM белгісі жоқ UTF-8") != std::string::npos);

  site.replace_once("site.toml",
                    "[data_licence]\nid = \"CC0-1.0\"\n"
                    "url = \"https://creativecommons.org/publicdomain/zero/1.0/\"\n"
                    "title = \"Creative Commons Zero v1.0 Universal\"\n",
                    "");
  REQUIRE(site.build().exit_code == 0);
  CHECK(site.read("public/ru/data/index.html")
            .find("Лицензия данных в настройках портала не указана") != std::string::npos);
  CHECK(site.read("public/kk/data/index.html").find("rel=\"license\"") == std::string::npos);
  CHECK_FALSE(json::parse(site.read("public/data/datapackage.json")).contains("licenses"));
}

TEST_CASE("A title starting with = is defused in every CSV, and kept as is in JSON", "[export]") {
  TestSite site("portal");
  site.replace_once("content/grants/synthetic-2024-ecology/grant.json",
                    "\"title\": {\n    \"kk\": \"Ырыс:", "\"title\": {\n    \"kk\": \"=1+2 Ырыс:");
  REQUIRE(site.build().exit_code == 0);
  for (const char* path :
       {"public/data/grants.csv", "public/downloads/grants/synthetic-2024-ecology/grants.csv",
        "public/downloads/grants/year/2024/grants.csv"}) {
    INFO(path);
    CHECK(site.read(path).find(",'=1+2 ") != std::string::npos);
    CHECK(site.read(path).find(",=1+2") == std::string::npos);
  }
  CHECK(site.read("public/data/grants.json").find("\"title_kk\":\"=1+2 ") != std::string::npos);
}

TEST_CASE("Two builds of the same portal give byte-identical data files", "[export]") {
  TestSite site("portal");
  REQUIRE(site.build({"--out", site.scratch("one").string(), "--jobs", "1"}).exit_code == 0);
  REQUIRE(site.build({"--out", site.scratch("two").string(), "--jobs", "2"}).exit_code == 0);
  const auto one = site.files(site.scratch("one"));
  const auto two = site.files(site.scratch("two"));
  std::size_t data_files = 0;
  std::size_t xlsx_files = 0;
  for (const auto& [path, bytes] : one) {
    if (path.ends_with(".csv") || path.ends_with(".json")) ++data_files;
    if (path.ends_with(".xlsx")) ++xlsx_files;
  }
  CHECK(data_files > 100);
  CHECK(xlsx_files == 9);  // the bulk files' copies only; a page's files are CSV and JSON
  CHECK(one == two);
}

}  // namespace
}  // namespace ashyq::integration
