// The CSV and JSON writers of the open-data downloads, byte for byte: quoting, line breaks inside
// texts, formula injection, Kazakh letters, the BOM of the spreadsheet flavour only, CRLF, numbers
// left alone; and datapackage.json's description of the files: licence, encoding, dialect, types.
#include <catch2/catch.hpp>

#include "export/datapackage.h"
#include "export/tables.h"
#include "export/writers.h"

namespace ashyq::opendata {
namespace {

const TableSchema& sample_schema() {
  static const TableSchema schema = {"sample",
                                     {"Үлгі", "Образец"},
                                     {"Сынақ кестесі", "Тестовая таблица"},
                                     {{"id", ColumnType::text, {"id", "id"}},
                                      {"amount", ColumnType::integer, {"сома", "сумма"}},
                                      {"share", ColumnType::number, {"үлес", "доля"}},
                                      {"note_kk", ColumnType::text, {"ескерту", "примечание"}},
                                      {"date", ColumnType::date, {"күні", "дата"}}}};
  return schema;
}

TEST_CASE(
    "A CSV field is quoted only when it holds a comma, a quote or a line break, or starts with a "
    "space",
    "[export]") {
  struct Case {
    Cell cell;
    ColumnType type;
    std::string expected;
  };
  const Case cases[] = {
      {std::string("plain"), ColumnType::text, "plain"},
      {std::string("a, b"), ColumnType::text, "\"a, b\""},
      {std::string("ОО \"Болашак\""), ColumnType::text, "\"ОО \"\"Болашак\"\"\""},
      {std::string("line one\nline two"), ColumnType::text, "\"line one\nline two\""},
      {std::string("a\r\nb"), ColumnType::text, "\"a\r\nb\""},
      // Readers that skip initial spaces (the Frictionless reference implementation) keep it.
      {std::string(" leading"), ColumnType::text, "\" leading\""},
      {std::string("trailing "), ColumnType::text, "trailing "},
      {std::string("Өңір: Маңғыстау, Ақтау"), ColumnType::text, "\"Өңір: Маңғыстау, Ақтау\""},
      {std::string("Қазақ әліпбиі: әғқңөұүһі"), ColumnType::text, "Қазақ әліпбиі: әғқңөұүһі"},
      {Cell{}, ColumnType::text, ""},
      {Cell{}, ColumnType::integer, ""},
      {std::int64_t{8000000}, ColumnType::integer, "8000000"},
      {std::int64_t{-5}, ColumnType::integer, "-5"},
      {0.5, ColumnType::number, "0.5"},
      {-1.25, ColumnType::number, "-1.25"},
      {true, ColumnType::boolean, "true"},
  };
  for (const Case& c : cases) {
    INFO(c.expected);
    CHECK(csv_field(c.cell, c.type) == c.expected);
  }
}

TEST_CASE("A text cell that a spreadsheet would run as a formula gets a leading apostrophe",
          "[export]") {
  CHECK(csv_field(std::string("=HYPERLINK(\"http://x\")"), ColumnType::text) ==
        "\"'=HYPERLINK(\"\"http://x\"\")\"");
  CHECK(csv_field(std::string("+7 701 000 0000"), ColumnType::text) == "'+7 701 000 0000");
  CHECK(csv_field(std::string("-10%"), ColumnType::text) == "'-10%");
  CHECK(csv_field(std::string("@SUM(A1)"), ColumnType::text) == "'@SUM(A1)");
  CHECK(csv_field(std::string("\tcmd"), ColumnType::text) == "'\tcmd");
  CHECK(csv_field(std::string("\rcmd"), ColumnType::text) == "\"'\rcmd\"");
  CHECK(csv_field(std::string("a=b"), ColumnType::text) == "a=b");
  CHECK(csv_field(std::string("-"), ColumnType::date) == "'-");
  // Numbers are written as numbers: a negative one stays a number the spreadsheet can sum.
  CHECK(csv_field(std::int64_t{-300}, ColumnType::integer) == "-300");
  CHECK(csv_field(-0.5, ColumnType::number) == "-0.5");
}

TEST_CASE("A plain CSV file is UTF-8 without BOM, CRLF, header of column ids, one line a row",
          "[export]") {
  Table table{&sample_schema(), {}};
  table.rows.push_back({std::string("sg-01"), std::int64_t{1500000}, 0.5,
                        std::string("Ескерту, үтірмен"), std::string("2024-06")});
  table.rows.push_back(
      {std::string("sg-02"), Cell{}, Cell{}, std::string("=1+2\nекінші жол"), Cell{}});
  const std::string plain =
      "id,amount,share,note_kk,date\r\n"
      "sg-01,1500000,0.5,\"Ескерту, үтірмен\",2024-06\r\n"
      "sg-02,,,\"'=1+2\nекінші жол\",\r\n";
  CHECK(write_csv(table, CsvFlavour::plain) == plain);
  // The spreadsheet flavour, beside the pages: the same bytes after a byte order mark.
  CHECK(write_csv(table, CsvFlavour::spreadsheet) == "\xEF\xBB\xBF" + plain);
}

TEST_CASE("datapackage.json names the licence and describes plain UTF-8 CSV with typed fields",
          "[export]") {
  Portal portal;
  portal.config.title = {"Атауы", "Название"};
  portal.config.description = {"Сипаттама", "Описание"};
  portal.config.base_url = "https://portal.example/";
  portal.config.data_licence =
      DataLicence{"CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/",
                  "Creative Commons Attribution 4.0 International"};
  const auto package = datapackage(portal, std::vector<TableSize>{{&sample_schema(), 2}});
  CHECK(package["licenses"] == nlohmann::ordered_json::parse(R"([{
    "name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International"}])"));
  const auto& csv = package["resources"][0];
  CHECK(csv["path"] == "sample.csv");
  CHECK(csv["profile"] == "tabular-data-resource");
  CHECK(csv["format"] == "csv");
  CHECK(csv["mediatype"] == "text/csv");
  CHECK(csv["encoding"] == "utf-8");  // not "utf-8-sig": no registered character set
  CHECK(csv["dialect"] == nlohmann::ordered_json::parse(R"({"delimiter": ",",
    "lineTerminator": "\r\n", "quoteChar": "\"", "doubleQuote": true, "skipInitialSpace": false,
    "header": true})"));
  CHECK(csv["rows"] == 2);
  const auto& fields = csv["schema"]["fields"];
  CHECK(fields[1]["type"] == "integer");
  CHECK(fields[2]["type"] == "number");
  // A date as precise as the source is a string held to YYYY, YYYY-MM or YYYY-MM-DD.
  CHECK(fields[4]["type"] == "string");
  CHECK(fields[4]["constraints"]["pattern"] == "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$");
  CHECK_FALSE(fields[0].contains("constraints"));
  // The XLSX copies are for people and no resources: clients would take them for tables to read.
  for (const auto& resource : package["resources"]) CHECK(resource["format"] != "xlsx");

  // Without [data_licence] no licence is claimed.
  portal.config.data_licence.reset();
  CHECK_FALSE(datapackage(portal, std::vector<TableSize>{}).contains("licenses"));
}

TEST_CASE("A JSON download is {table: rows}, one row a line, keys in column order, null for empty",
          "[export]") {
  Table table{&sample_schema(), {}};
  CHECK(write_json(table) == "{\"sample\":[]}\n");
  table.rows.push_back({std::string("sg-01"), std::int64_t{-3}, 0.5, std::string("=x"), Cell{}});
  CHECK(write_json(table) ==
        "{\"sample\":[\n"
        "{\"id\":\"sg-01\",\"amount\":-3,\"share\":0.5,\"note_kk\":\"=x\",\"date\":null}\n"
        "]}\n");
  table.rows.push_back({std::string("sg-02"), std::int64_t{7}, Cell{}, std::string("\"ә\"\n"),
                        std::string("2024-05")});
  const std::string two = write_json(table);
  CHECK(two ==
        "{\"sample\":[\n"
        "{\"id\":\"sg-01\",\"amount\":-3,\"share\":0.5,\"note_kk\":\"=x\",\"date\":null},\n"
        "{\"id\":\"sg-02\",\"amount\":7,\"share\":null,\"note_kk\":\"\\\"ә\\\"\\n\","
        "\"date\":\"2024-05\"}\n"
        "]}\n");
  // It is JSON, and gives the rows back.
  const nlohmann::json parsed = nlohmann::json::parse(two);
  REQUIRE(parsed["sample"].size() == 2);
  CHECK(parsed["sample"][1]["note_kk"] == "\"ә\"\n");
}

TEST_CASE("Every table defines each column once, and bilingual fields come as _kk and _ru pairs",
          "[export]") {
  REQUIRE(all_schemas().size() == 9);
  for (const TableSchema* schema : all_schemas()) {
    INFO(schema->name);
    for (std::size_t i = 0; i < schema->columns.size(); ++i) {
      const Column& c = schema->columns[i];
      CHECK(schema->index_of(c.id) == i);
      CHECK(c.description.has(Lang::kk));
      CHECK(c.description.has(Lang::ru));
      if (c.id.ends_with("_kk")) {
        REQUIRE(i + 1 < schema->columns.size());
        CHECK(schema->columns[i + 1].id == c.id.substr(0, c.id.size() - 3) + "_ru");
      }
    }
  }
  CHECK_THROWS_AS(grants_schema().index_of("no_such_column"), std::logic_error);
}

}  // namespace
}  // namespace ashyq::opendata
