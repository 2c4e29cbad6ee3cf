// The XLSX copies of the bulk files, opened as a spreadsheet program would: the ZIP container is
// read back (central directory, then each entry inflated with zlib) and its sheet XML checked for
// typed cells, the header, the sheets past Excel's row limit, and bytes that carry no clock.
#include <zlib.h>
#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

#include "core/file_io.h"
#include "export/xlsx_writer.h"
#include "status_check.h"
#include "temp_folder.h"

namespace ashyq::opendata {
namespace {

struct ZipEntry {
  std::uint16_t dos_time = 0, dos_date = 0;
  std::string bytes;  // inflated
};

std::uint32_t le(const std::string& b, std::size_t at, int n) {
  std::uint32_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b.at(at + i));
  return v;
}

std::string inflate_raw(const std::string& in, std::size_t size) {
  std::string out(size, '\0');
  z_stream z{};
  REQUIRE(inflateInit2(&z, -MAX_WBITS) == Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int status = inflate(&z, Z_FINISH);
  inflateEnd(&z);
  REQUIRE(status == Z_STREAM_END);
  return out;
}

// The entries of a ZIP file by name, from its central directory.
std::map<std::string, ZipEntry> unzip(const std::string& zip) {
  const std::size_t end = zip.rfind(std::string("PK\x05\x06", 4));
  REQUIRE(end != std::string::npos);
  const std::size_t count = le(zip, end + 10, 2);
  std::size_t at = le(zip, end + 16, 4);
  std::map<std::string, ZipEntry> entries;
  for (std::size_t i = 0; i < count; ++i) {
    REQUIRE(le(zip, at, 4) == 0x02014b50);
    const auto method = le(zip, at + 10, 2);
    ZipEntry entry;
    entry.dos_time = static_cast<std::uint16_t>(le(zip, at + 12, 2));
    entry.dos_date = static_cast<std::uint16_t>(le(zip, at + 14, 2));
    const std::size_t compressed = le(zip, at + 20, 4), size = le(zip, at + 24, 4);
    const std::size_t name_length = le(zip, at + 28, 2), extra = le(zip, at + 30, 2),
                      comment = le(zip, at + 32, 2), local = le(zip, at + 42, 4);
    const std::string name = zip.substr(at + 46, name_length);
    const std::size_t data = local + 30 + le(zip, local + 26, 2) + le(zip, local + 28, 2);
    const std::string raw = zip.substr(data, compressed);
    entry.bytes = method == 0 ? raw : inflate_raw(raw, size);
    entries[name] = entry;
    at += 46 + name_length + extra + comment;
  }
  return entries;
}

const TableSchema& sample_schema() {
  static const TableSchema schema = {"sample",
                                     {"Үлгі", "Образец"},
                                     {"Сынақ кестесі", "Тестовая таблица"},
                                     {{"bin", ColumnType::text, {"БСН", "БИН"}},
                                      {"amount", ColumnType::integer, {"сома", "сумма"}},
                                      {"share", ColumnType::number, {"үлес", "доля"}},
                                      {"note_kk", ColumnType::text, {"ескерту", "примечание"}},
                                      {"date", ColumnType::date, {"күні", "дата"}}}};
  return schema;
}

Table sample_rows(std::size_t n) {
  Table table{&sample_schema(), {}};
  for (std::size_t i = 0; i < n; ++i)
    table.rows.push_back({std::string("0123456789") + std::to_string(10 + i),
                          std::int64_t{120000000000}, 0.5, std::string("=1+2 Ескерту"),
                          i == 0 ? Cell{} : Cell{std::string("2024-05")}});
  return table;
}

std::string write_xlsx(const testing::TempFolder& folder, const Table& table,
                       std::size_t rows_per_sheet = XlsxWriter::kMaxRowsPerSheet) {
  const auto path = folder / "sample.xlsx";
  auto xlsx = XlsxWriter::open(path, "data/sample.xlsx", *table.schema, rows_per_sheet);
  REQUIRE(xlsx.ok());
  REQUIRE(xlsx.value()->add(table) == Status());
  REQUIRE(xlsx.value()->close() == Status());
  const auto bytes = read_file(path);
  REQUIRE(bytes);
  return *bytes;
}

TEST_CASE(
    "An XLSX copy holds texts as text, integers as numbers, and a bold frozen header with a "
    "filter",
    "[export]") {
  testing::TempFolder folder("xlsx");
  const auto entries = unzip(write_xlsx(folder, sample_rows(2)));
  REQUIRE(entries.count("xl/worksheets/sheet1.xml") == 1);
  const std::string& sheet = entries.at("xl/worksheets/sheet1.xml").bytes;
  INFO(sheet);
  // The header: column ids, in the bold style.
  CHECK(sheet.find("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>bin</t></is></c>") !=
        std::string::npos);
  // A 12-digit BIN and a month stay text; a text starting with = is a text cell, no apostrophe.
  CHECK(sheet.find("<c r=\"A2\" t=\"inlineStr\"><is><t>012345678910</t></is></c>") !=
        std::string::npos);
  CHECK(sheet.find("<is><t>=1+2 Ескерту</t></is>") != std::string::npos);
  CHECK(sheet.find("<c r=\"E3\" t=\"inlineStr\"><is><t>2024-05</t></is></c>") != std::string::npos);
  CHECK(sheet.find("r=\"E2\"") == std::string::npos);  // not given: no cell
  // Money a number in format "0" (no 1.2E+11), a share a plain number.
  CHECK(sheet.find("<c r=\"B2\" s=\"2\"><v>120000000000</v></c>") != std::string::npos);
  CHECK(sheet.find("<c r=\"C2\"><v>0.5</v></c>") != std::string::npos);
  CHECK(entries.at("xl/styles.xml").bytes.find("formatCode=\"0\"") != std::string::npos);
  CHECK(sheet.find("<pane ySplit=\"1\" topLeftCell=\"A2\"") != std::string::npos);
  CHECK(sheet.find("<autoFilter ref=\"A1:E3\"/>") != std::string::npos);
}

TEST_CASE("An XLSX copy's bytes carry no clock: a fixed creation time and ZIP dates of 1980-01-01",
          "[export]") {
  testing::TempFolder folder("xlsx");
  const std::string one = write_xlsx(folder, sample_rows(3));
  const auto entries = unzip(one);
  CHECK(entries.at("docProps/core.xml")
            .bytes.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
                        "1980-01-01T00:00:00Z</dcterms:created>") != std::string::npos);
  CHECK(entries.at("docProps/core.xml").bytes.find("<dc:title>Үлгі / Образец</dc:title>") !=
        std::string::npos);
  for (const auto& [name, entry] : entries) {
    INFO(name);
    CHECK(entry.dos_date == ((0 << 9) | (1 << 5) | 1));  // 1980-01-01
    CHECK(entry.dos_time == 0);
  }
  CHECK(write_xlsx(folder, sample_rows(3)) == one);
}

TEST_CASE("Rows past a sheet's limit go on in the next sheet, under the same header", "[export]") {
  testing::TempFolder folder("xlsx");
  const auto entries = unzip(write_xlsx(folder, sample_rows(5), 2));
  const std::string& workbook = entries.at("xl/workbook.xml").bytes;
  CHECK(workbook.find("<sheet name=\"sample\" sheetId=\"1\"") != std::string::npos);
  CHECK(workbook.find("<sheet name=\"sample 2\" sheetId=\"2\"") != std::string::npos);
  CHECK(workbook.find("<sheet name=\"sample 3\" sheetId=\"3\"") != std::string::npos);
  const std::string& third = entries.at("xl/worksheets/sheet3.xml").bytes;
  CHECK(third.find("<t>bin</t>") != std::string::npos);
  CHECK(third.find("<t>012345678914</t>") != std::string::npos);  // the fifth row
  CHECK(third.find("r=\"A3\"") == std::string::npos);
  CHECK(entries.at("xl/worksheets/sheet2.xml").bytes.find("<autoFilter ref=\"A1:E3\"/>") !=
        std::string::npos);
}

TEST_CASE("A text longer than a spreadsheet cell holds is an error naming the file, row and column",
          "[export]") {
  testing::TempFolder folder("xlsx");
  Table table = sample_rows(1);
  // 32 767 Cyrillic letters (65 534 bytes) fit: Excel counts characters.
  std::string longest;
  for (int i = 0; i < 32767; ++i) longest += "ә";
  table.rows[0][3] = longest;
  // The Status of writing `t` whole.
  auto written = [&](const Table& t) {
    auto xlsx = XlsxWriter::open(folder / "sample.xlsx", "data/sample.xlsx", *t.schema);
    REQUIRE(xlsx.ok());
    const Status added = xlsx.value()->add(t);
    return added.ok() ? xlsx.value()->close() : added;
  };
  CHECK(written(table) == Status());
  table.rows[0][3] = longest + "a";
  CHECK(written(table) ==
        Status::invalid_argument(
            "data/sample.xlsx: sheet 1, row 2, column note_kk: a text longer than a "
            "spreadsheet cell holds (32 767 characters); shorten it in the record",
            "data/sample.xlsx"));
}

}  // namespace
}  // namespace ashyq::opendata
