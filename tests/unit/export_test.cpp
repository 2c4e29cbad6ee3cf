// The CSV and JSON writers of the open-data downloads, byte for byte: quoting, line breaks inside
// texts, formula injection, Kazakh letters, BOM and CRLF, numbers left alone.
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

TEST_CASE("A CSV field is quoted only when it holds a comma, a quote or a line break", "[export]") {
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

TEST_CASE("A CSV file is UTF-8 with BOM and CRLF, header of column ids, one line a row",
          "[export]") {
  Table table{&sample_schema(), {}};
  table.rows.push_back({std::string("sg-01"), std::int64_t{1500000}, 0.5,
                        std::string("Ескерту, үтірмен"), std::string("2024-06")});
  table.rows.push_back(
      {std::string("sg-02"), Cell{}, Cell{}, std::string("=1+2\nекінші жол"), Cell{}});
  CHECK(write_csv(table) ==
        "\xEF\xBB\xBF"
        "id,amount,share,note_kk,date\r\n"
        "sg-01,1500000,0.5,\"Ескерту, үтірмен\",2024-06\r\n"
        "sg-02,,,\"'=1+2\nекінші жол\",\r\n");
}

TEST_CASE("A JSON download is {table: rows} with keys in column order and null for empty cells",
          "[export]") {
  Table table{&sample_schema(), {}};
  table.rows.push_back({std::string("sg-01"), std::int64_t{-3}, 0.5, std::string("=x"), Cell{}});
  CHECK(write_json(table) ==
        "{\n"
        " \"sample\": [\n"
        "  {\n"
        "   \"id\": \"sg-01\",\n"
        "   \"amount\": -3,\n"
        "   \"share\": 0.5,\n"
        "   \"note_kk\": \"=x\",\n"
        "   \"date\": null\n"
        "  }\n"
        " ]\n"
        "}\n");
}

TEST_CASE("Every table defines each column once, and bilingual fields come as _kk and _ru pairs",
          "[export]") {
  REQUIRE(all_schemas().size() == 8);
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
