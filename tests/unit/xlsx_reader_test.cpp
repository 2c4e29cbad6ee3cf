// The XLSX reader on real workbooks: files written by libxlsxwriter (as a spreadsheet program
// writes them: shared strings, styles, formulas with cached values, merged ranges; and in
// constant-memory mode, inline strings), ZIP archives assembled part by part with libzip for what
// libxlsxwriter never writes (cells without references, escapes, phonetic runs, Strict OOXML, a
// prefix, relationship targets), and bad files, each refused with a message that names the file and
// says what would be right. All data here is synthetic.
#include <xlsxwriter.h>
#include <zip.h>
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "status_check.h"
#include "temp_folder.h"
#include "xlsx/xlsx_reader.h"

namespace ashyq::xlsx {
namespace {

using Catch::Contains;
using Parts = std::vector<std::pair<std::string, std::string>>;  // name → bytes, in this order

Workbook must_read(const std::filesystem::path& path, const Limits& limits = {}) {
  Result<Workbook> book = read_workbook(path, limits);
  INFO(book.status().message());
  REQUIRE(book.ok());
  return std::move(book).value();
}

const Sheet& must_sheet(const Workbook& book, std::string_view name) {
  const Sheet* sheet = book.sheet(name);
  INFO(name);
  REQUIRE(sheet);
  return *sheet;
}

const Cell* find(const Sheet& sheet, std::string_view ref) {
  for (const Cell& c : sheet.cells)
    if (cell_name(c.row, c.col) == ref) return &c;
  return nullptr;
}

bool has(const Sheet& sheet, std::string_view ref) { return find(sheet, ref) != nullptr; }

// The cell at `ref` ("B3"), or a failed test.
const Cell& at(const Sheet& sheet, std::string_view ref) {
  const Cell* cell = find(sheet, ref);
  INFO("cell " << ref << " of sheet " << sheet.name);
  REQUIRE(cell);
  return *cell;
}

// A ZIP archive of `parts`, deflated, written with libzip.
std::filesystem::path write_zip(const std::filesystem::path& path, const Parts& parts) {
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(zip);
  for (const auto& [name, bytes] : parts) {
    zip_source_t* source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    REQUIRE(source);
    REQUIRE(zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8) >= 0);
  }
  REQUIRE(zip_close(zip) == 0);
  return path;
}

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string worksheet(const std::string& rows, const std::string& after = {}) {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"") +
         kMain + "\"><sheetData>" + rows + "</sheetData>" + after + "</worksheet>";
}

// The parts of a one-sheet workbook ("Парақ") whose sheet is `sheet`, with shared strings when
// `strings` is not empty.
Parts one_sheet(const std::string& sheet, const std::string& strings = {}) {
  const std::string rel = kRel;
  Parts parts = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
       "Id=\"rId1\" Type=\"" +
           rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", std::string("<?xml version=\"1.0\"?><workbook xmlns=\"") + kMain +
                              "\" xmlns:r=\"" + rel +
                              "\"><sheets><sheet name=\"Парақ\" sheetId=\"1\" "
                              "r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
       "Id=\"rId1\" Type=\"" +
           rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
           (strings.empty() ? ""
                            : "<Relationship Id=\"rId2\" Type=\"" + rel +
                                  "/sharedStrings\" Target=\"sharedStrings.xml\"/>") +
           "</Relationships>"},
      {"xl/worksheets/sheet1.xml", sheet}};
  if (!strings.empty()) parts.emplace_back("xl/sharedStrings.xml", strings);
  return parts;
}

Status read_error(const std::filesystem::path& path, const Limits& limits = {}) {
  Result<Workbook> book = read_workbook(path, limits);
  REQUIRE_FALSE(book.ok());
  INFO(book.status().message());
  CHECK(book.status().path() == path.string());
  CHECK_THAT(book.status().message(), Catch::StartsWith(path.string() + ": "));
  return book.status();
}

TEST_CASE("cell_name gives Excel's name of a cell", "[xlsx]") {
  CHECK(cell_name(12, 5) == "E12");
  CHECK(cell_name(1, 1) == "A1");
  CHECK(cell_name(1, 26) == "Z1");
  CHECK(cell_name(3, 27) == "AA3");
  CHECK(cell_name(1, 52) == "AZ1");
  CHECK(cell_name(1, 702) == "ZZ1");
  CHECK(cell_name(1, 703) == "AAA1");
  CHECK(cell_name(1048576, 16384) == "XFD1048576");
}

TEST_CASE(
    "A workbook written by libxlsxwriter reads back: Kazakh and Russian texts, numbers, a BIN as "
    "number and as text, booleans, formulas, a merged range, date formats, sheets in order",
    "[xlsx]") {
  testing::TempFolder folder("xlsx-reader");
  const auto path = folder / "grants.xlsx";
  lxw_workbook* wb = workbook_new(path.c_str());  // not constant-memory: shared strings
  REQUIRE(wb);
  lxw_worksheet* grants = workbook_add_worksheet(wb, "Гранттар");
  REQUIRE(workbook_add_worksheet(wb, "Бос парақ"));
  lxw_worksheet* gaps = workbook_add_worksheet(wb, "Gaps");
  lxw_worksheet* hidden = workbook_add_worksheet(wb, "Скрытый лист");
  worksheet_hide(hidden);

  lxw_format* integer = workbook_add_format(wb);
  format_set_num_format(integer, "0");
  lxw_format* iso_date = workbook_add_format(wb);
  format_set_num_format(iso_date, "yyyy-mm-dd");
  lxw_format* builtin_date = workbook_add_format(wb);
  format_set_num_format_index(builtin_date, 14);
  lxw_format* quoted = workbook_add_format(wb);
  format_set_num_format(quoted, "0.00\" days\"");  // d, y, s only inside quotes: not a date
  lxw_format* colour = workbook_add_format(wb);
  format_set_num_format(colour, "[Red]0.00;[Blue]-0.00");  // d, s only inside brackets
  lxw_format* elapsed = workbook_add_format(wb);
  format_set_num_format(elapsed, "[h]:mm");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);

  const std::string kk = "Әлеуметтік жобалар: ә ғ қ ң ө ұ ү һ і, Ә Ғ Қ Ң Ө Ұ Ү Һ І";
  const std::string ru = "Общественный фонд «Ёлка», отчёт о расходах";
  REQUIRE(worksheet_write_string(grants, 0, 0, kk.c_str(), nullptr) == LXW_NO_ERROR);
  REQUIRE(worksheet_write_string(grants, 0, 1, ru.c_str(), nullptr) == LXW_NO_ERROR);
  lxw_rich_string_tuple run1 = {bold, const_cast<char*>("Қазақ")};
  lxw_rich_string_tuple run2 = {nullptr, const_cast<char*>(" тілі")};
  lxw_rich_string_tuple* runs[] = {&run1, &run2, nullptr};
  REQUIRE(worksheet_write_rich_string(grants, 0, 2, runs, nullptr) == LXW_NO_ERROR);
  worksheet_write_number(grants, 1, 0, 1500000, nullptr);
  worksheet_write_number(grants, 1, 1, 45413.5, nullptr);
  worksheet_write_number(grants, 1, 2, 123456789012, integer);
  worksheet_write_string(grants, 1, 3, "012345678901", nullptr);
  worksheet_write_boolean(grants, 2, 0, 1, nullptr);
  worksheet_write_boolean(grants, 2, 1, 0, nullptr);
  worksheet_write_formula_num(grants, 3, 0, "=A2*2", nullptr, 3000000);
  worksheet_write_formula_str(grants, 3, 1, "=\"Қ\"&\"азақ\"", nullptr, "Қазақ");
  worksheet_write_number(grants, 4, 0, 45413, iso_date);
  worksheet_write_number(grants, 4, 1, 45413, nullptr);
  worksheet_write_number(grants, 4, 2, 45413, builtin_date);
  worksheet_write_number(grants, 4, 3, 12.5, quoted);
  worksheet_write_number(grants, 4, 4, 12.5, colour);
  worksheet_write_number(grants, 4, 5, 1.25, elapsed);
  REQUIRE(worksheet_merge_range(grants, 6, 1, 6, 3, "Біріктірілген ұяшық", bold) == LXW_NO_ERROR);
  worksheet_write_blank(grants, 8, 0, bold);  // a style and no value

  worksheet_write_string(gaps, 0, 0, "a", nullptr);
  worksheet_write_string(gaps, 0, 2, "c", nullptr);
  worksheet_write_string(gaps, 4, 0, "e", nullptr);
  worksheet_write_string(hidden, 0, 0, "жасырын", nullptr);
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);

  const Workbook book = must_read(path);
  REQUIRE(book.sheets.size() == 4);
  CHECK(book.sheets[0].name == "Гранттар");
  CHECK(book.sheets[1].name == "Бос парақ");
  CHECK(book.sheets[2].name == "Gaps");
  CHECK(book.sheets[3].name == "Скрытый лист");
  CHECK_FALSE(book.sheets[0].hidden);
  CHECK(book.sheets[3].hidden);
  CHECK_FALSE(book.date1904);
  CHECK(book.sheet("Нет такого") == nullptr);
  CHECK(book.sheet("Gaps") == &book.sheets[2]);

  const Sheet& g = must_sheet(book, "Гранттар");
  CHECK(at(g, "A1").type == CellType::text);
  CHECK(at(g, "A1").text == kk);
  CHECK(at(g, "B1").text == ru);
  CHECK(at(g, "C1").text == "Қазақ тілі");  // rich text runs, concatenated

  CHECK(at(g, "A2").type == CellType::number);
  CHECK(at(g, "A2").text == "1500000");
  CHECK(at(g, "A2").number == 1500000);
  CHECK(at(g, "B2").text == "45413.5");
  CHECK(at(g, "B2").number == 45413.5);
  CHECK(at(g, "C2").type == CellType::number);  // a 12-digit BIN, whole
  CHECK(at(g, "C2").text == "123456789012");
  CHECK(at(g, "C2").number == 123456789012.0);
  CHECK_FALSE(at(g, "C2").date_format);
  CHECK(at(g, "D2").type == CellType::text);  // as text: the leading zero stays
  CHECK(at(g, "D2").text == "012345678901");

  CHECK(at(g, "A3").type == CellType::boolean);
  CHECK(at(g, "A3").text == "TRUE");
  CHECK(at(g, "A3").number == 1);
  CHECK(at(g, "B3").type == CellType::boolean);
  CHECK(at(g, "B3").text == "FALSE");
  CHECK(at(g, "B3").number == 0);

  CHECK(at(g, "A4").formula);
  CHECK(at(g, "A4").type == CellType::number);
  CHECK(at(g, "A4").number == 3000000);
  CHECK(at(g, "B4").formula);
  CHECK(at(g, "B4").type == CellType::text);
  CHECK(at(g, "B4").text == "Қазақ");
  CHECK_FALSE(at(g, "A2").formula);

  CHECK(at(g, "A5").date_format);  // yyyy-mm-dd
  CHECK(at(g, "A5").number == 45413);
  CHECK_FALSE(at(g, "B5").date_format);  // the same number, unformatted
  CHECK(at(g, "B5").number == 45413);
  CHECK(at(g, "C5").date_format);  // built-in format 14
  CHECK_FALSE(at(g, "D5").date_format);
  CHECK_FALSE(at(g, "E5").date_format);
  CHECK(at(g, "F5").date_format);  // [h]:mm, a time

  REQUIRE(g.merged == std::vector<std::string>{"B7:D7"});
  CHECK(at(g, "B7").text == "Біріктірілген ұяшық");
  CHECK_FALSE(has(g, "C7"));  // covered by the merge: a style, no value
  CHECK_FALSE(has(g, "D7"));
  CHECK_FALSE(has(g, "A9"));
  CHECK(g.rows == 7);
  CHECK(g.cells.size() == 18);
  for (std::size_t i = 1; i < g.cells.size(); ++i) {  // row-major order
    INFO(i);
    const Cell &a = g.cells[i - 1], &b = g.cells[i];
    CHECK((a.row < b.row || (a.row == b.row && a.col < b.col)));
  }

  const Sheet& e = must_sheet(book, "Бос парақ");
  CHECK(e.cells.empty());
  CHECK(e.rows == 0);
  CHECK(e.merged.empty());

  const Sheet& gap = must_sheet(book, "Gaps");
  REQUIRE(gap.cells.size() == 3);
  CHECK(cell_name(gap.cells[0].row, gap.cells[0].col) == "A1");
  CHECK(cell_name(gap.cells[1].row, gap.cells[1].col) == "C1");
  CHECK(cell_name(gap.cells[2].row, gap.cells[2].col) == "A5");
  CHECK(gap.cells[1].text == "c");
  CHECK(gap.rows == 5);

  CHECK(at(must_sheet(book, "Скрытый лист"), "A1").text == "жасырын");
}

TEST_CASE("A 50 000-row sheet of 10 columns reads whole, in order", "[xlsx]") {
  testing::TempFolder folder("xlsx-reader");
  const auto path = folder / "large.xlsx";
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // inline strings, as a streaming writer writes them
  const std::string tmpdir = folder.root().string();
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  REQUIRE(wb);
  lxw_worksheet* ws = workbook_add_worksheet(wb, "Үлкен");
  constexpr int kRows = 50000, kCols = 10;
  for (int r = 0; r < kRows; ++r) {
    const std::string text = "Жол " + std::to_string(r + 1);
    worksheet_write_string(ws, static_cast<lxw_row_t>(r), 0, text.c_str(), nullptr);
    for (int c = 1; c < kCols; ++c)
      worksheet_write_number(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                             r * 100.0 + c, nullptr);
  }
  REQUIRE(workbook_close(wb) == LXW_NO_ERROR);

  const Workbook book = must_read(path);
  REQUIRE(book.sheets.size() == 1);
  const Sheet& sheet = book.sheets[0];
  REQUIRE(sheet.cells.size() == std::size_t{kRows} * kCols);
  CHECK(sheet.rows == kRows);
  const Cell& last = sheet.cells.back();
  CHECK(cell_name(last.row, last.col) == "J50000");
  CHECK(last.type == CellType::number);
  CHECK(last.number == 49999 * 100.0 + 9);
  const Cell& first_of_last_row = sheet.cells[sheet.cells.size() - kCols];
  CHECK(cell_name(first_of_last_row.row, first_of_last_row.col) == "A50000");
  CHECK(first_of_last_row.text == "Жол 50000");
  const Cell& middle = sheet.cells[std::size_t{25000} * kCols + 3];  // row 25001, column D
  CHECK(cell_name(middle.row, middle.col) == "D25001");
  CHECK(middle.number == 25000 * 100.0 + 3);
}

TEST_CASE(
    "Cells and rows without a reference follow the one before them; merged ranges are listed "
    "after the data",
    "[xlsx]") {
  testing::TempFolder folder("xlsx-reader");
  const auto path =
      write_zip(folder / "no-refs.xlsx",
                one_sheet(worksheet("<row><c><v>1</v></c><c><v>2</v></c><c r=\"E1\"><v>5</v></c>"
                                    "<c><v>6</v></c></row>"
                                    "<row r=\"4\"><c t=\"inlineStr\"><is><t>d</t></is></c></row>"
                                    "<row><c><v>7</v></c><c s=\"0\"/><c><v>9</v></c></row>",
                                    "<mergeCells count=\"2\"><mergeCell ref=\"A1:B1\"/>"
                                    "<mergeCell ref=\"A4:C4\"/></mergeCells>")));
  const Workbook book = must_read(path);
  const Sheet& sheet = book.sheets.at(0);
  std::vector<std::string> names;
  for (const Cell& c : sheet.cells) names.push_back(cell_name(c.row, c.col) + "=" + c.text);
  CHECK(names == std::vector<std::string>{"A1=1", "B1=2", "E1=5", "F1=6", "A4=d", "A5=7", "C5=9"});
  CHECK(sheet.rows == 5);
  CHECK(sheet.merged == std::vector<std::string>{"A1:B1", "A4:C4"});
}

TEST_CASE(
    "Shared and inline strings: rich text runs joined, phonetic runs left out, whitespace kept, "
    "_xHHHH_ escapes decoded; str, error and boolean cells; a formula without a value",
    "[xlsx]") {
  testing::TempFolder folder("xlsx-reader");
  const std::string strings =
      std::string("<?xml version=\"1.0\"?>\n<sst xmlns=\"") + kMain +
      "\" count=\"3\" uniqueCount=\"3\">"
      "<si><t xml:space=\"preserve\">  Жол 1_x000D_\nЖол 2  </t></si>"
      "<si><r><rPr><b/></rPr><t>Қазақ</t></r><r><t xml:space=\"preserve\"> тілі</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>カザフ</t></rPh></si>"
      "<si><t>_x005F_x000D_ as typed</t></si>"
      "<si><t xml:space=\"preserve\"> </t></si>"
      "</sst>";
  const auto path = write_zip(
      folder / "strings.xlsx",
      one_sheet(worksheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                          "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
                          "<c r=\"D1\" t=\"s\"><v>3</v></c></row>"
                          "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><r><t>ә</t></r>"
                          "<r><rPr><i/></rPr><t>ғ_x000D_</t></r></is></c>"
                          "<c r=\"B2\" t=\"str\"><f>\"a\"&amp;CHAR(9)&amp;\"b\"</f>"
                          "<v>a_x0009_b</v></c>"
                          "<c r=\"C2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
                          "<c r=\"D2\" t=\"b\"><v>1</v></c>"
                          "<c r=\"E2\"><f>NOW()</f></c>"
                          "<c r=\"F2\" s=\"1\"/>"
                          "<c r=\"G2\" t=\"inlineStr\"><is><t>_xD83D__xDE00_ ok</t></is></c>"
                          "<c r=\"H2\" t=\"d\"><v>2024-05-01T00:00:00</v></c></row>"),
                strings));
  const Workbook book = must_read(path);
  const Sheet& s = book.sheets.at(0);
  CHECK(at(s, "A1").text == "  Жол 1\r\nЖол 2  ");
  CHECK(at(s, "B1").text == "Қазақ тілі");
  CHECK(at(s, "C1").text == "_x000D_ as typed");
  CHECK(at(s, "D1").text == " ");
  CHECK(at(s, "A2").type == CellType::text);
  CHECK(at(s, "A2").text == "әғ\r");
  CHECK(at(s, "B2").type == CellType::text);
  CHECK(at(s, "B2").formula);
  CHECK(at(s, "B2").text == "a\tb");
  CHECK(at(s, "C2").type == CellType::error);
  CHECK(at(s, "C2").text == "#DIV/0!");
  CHECK(at(s, "C2").formula);
  CHECK(at(s, "D2").type == CellType::boolean);
  CHECK(at(s, "D2").text == "TRUE");
  CHECK(at(s, "E2").formula);  // never calculated: no value
  CHECK(at(s, "E2").text.empty());
  CHECK_FALSE(has(s, "F2"));
  CHECK(at(s, "G2").text == "\U0001F600 ok");  // a surrogate pair, escaped
  CHECK(at(s, "H2").type == CellType::text);
  CHECK(at(s, "H2").text == "2024-05-01T00:00:00");
}

TEST_CASE(
    "Parts are found through the relationships, in Strict OOXML with a prefix too; styles give "
    "date formats from cellXfs only; a 1904 workbook says so",
    "[xlsx]") {
  testing::TempFolder folder("xlsx-reader");
  const std::string strict = "http://purl.oclc.org/ooxml/spreadsheetml/main";
  const std::string rel = "http://purl.oclc.org/ooxml/officeDocument/relationships";
  const std::string pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
  const auto sheet = [&](const std::string& cells) {
    return "<x:worksheet xmlns:x=\"" + strict + "\"><x:sheetData><x:row r=\"1\">" + cells +
           "</x:row></x:sheetData></x:worksheet>";
  };
  const Parts parts = {
      {"_rels/.rels", "<Relationships xmlns=\"" + pkg + "\"><Relationship Id=\"rId1\" Type=\"" +
                          rel + "/officeDocument\" Target=\"/xl/book.xml\"/></Relationships>"},
      {"xl/book.xml", "<x:workbook xmlns:x=\"" + strict + "\" xmlns:r=\"" + rel +
                          "\"><x:workbookPr date1904=\"1\"/><x:sheets>"
                          "<x:sheet name=\"Бірінші\" sheetId=\"2\" r:id=\"rId3\"/>"
                          "<x:sheet name=\"Второй\" sheetId=\"1\" r:id=\"rId7\"/>"
                          "</x:sheets></x:workbook>"},
      {"xl/_rels/book.xml.rels",
       "<Relationships xmlns=\"" + pkg + "\">" + "<Relationship Id=\"rId7\" Type=\"" + rel +
           "/worksheet\" Target=\"/xl/data/b.xml\"/>" + "<Relationship Id=\"rId3\" Type=\"" + rel +
           "/worksheet\" Target=\"./data/../data/a%20sheet.xml\"/>" +
           "<Relationship Id=\"rId9\" Type=\"" + rel + "/styles\" Target=\"look.xml\"/>" +
           "<Relationship Id=\"rId4\" Type=\"" + rel +
           "/hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/>" +
           "</Relationships>"},
      {"xl/look.xml",
       "<x:styleSheet xmlns:x=\"" + strict +
           "\"><x:numFmts count=\"1\"><x:numFmt numFmtId=\"164\" formatCode=\"dd.mm.yyyy\"/>"
           "</x:numFmts>"
           "<x:cellStyleXfs count=\"1\"><x:xf numFmtId=\"14\"/></x:cellStyleXfs>"
           "<x:cellXfs count=\"3\"><x:xf numFmtId=\"0\"/><x:xf numFmtId=\"164\"/>"
           "<x:xf numFmtId=\"4\"/></x:cellXfs>"
           "<x:dxfs count=\"1\"><x:dxf><x:numFmt numFmtId=\"164\" formatCode=\"0.00\"/></x:dxf>"
           "</x:dxfs></x:styleSheet>"},
      {"xl/data/a sheet.xml", sheet("<x:c r=\"A1\" s=\"1\"><x:v>44000</x:v></x:c>"
                                    "<x:c r=\"B1\"><x:v>44000</x:v></x:c>"
                                    "<x:c r=\"C1\" s=\"2\"><x:v>44000</x:v></x:c>")},
      {"xl/data/b.xml",
       sheet("<x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>екінші</x:t></x:is></x:c>")},
      // Named like a sheet, referenced by nothing: guessing file names would read it and fail.
      {"xl/worksheets/sheet1.xml", "<not xml"}};
  const Workbook book = must_read(write_zip(folder / "strict.xlsx", parts));
  REQUIRE(book.sheets.size() == 2);
  CHECK(book.sheets[0].name == "Бірінші");
  CHECK(book.sheets[1].name == "Второй");
  CHECK(book.date1904);
  const Sheet& first = book.sheets[0];
  CHECK(at(first, "A1").date_format);        // custom dd.mm.yyyy, not the dxf's 0.00
  CHECK_FALSE(at(first, "B1").date_format);  // no style: cellXfs 0, General
  CHECK_FALSE(at(first, "C1").date_format);  // #,##0.00, not cellStyleXfs' 14
  CHECK(at(book.sheets[1], "A1").text == "екінші");
}

TEST_CASE("A file that is not there or is a folder is an io_error naming it", "[xlsx]") {
  testing::TempFolder folder("xlsx-reader");
  const Status missing = read_error(folder / "нет.xlsx");
  CHECK(missing.code() == Status::Code::io_error);
  CHECK_THAT(missing.message(), Contains("no such file"));
  const Status dir = read_error(folder.root());
  CHECK(dir.code() == Status::Code::io_error);
  CHECK_THAT(dir.message(), Contains("is a folder"));
}

TEST_CASE(
    "A file that is no XLSX workbook is refused saying what it is: text, empty, .xls, "
    "password-protected, a ZIP without a workbook, a Word document, .xlsb",
    "[xlsx]") {
  testing::TempFolder folder("xlsx-reader");
  const auto check = [&](const std::filesystem::path& path, const std::string& says) {
    const Status s = read_error(path);
    CHECK(s.code() == Status::Code::invalid_argument);
    CHECK_THAT(s.message(), Contains(says));
  };
  check(folder.write("renamed.xlsx", "id,amount\nG-1,1500000\n"),
        "is not a ZIP archive, which every XLSX workbook is");
  check(folder.write("empty.xlsx", ""), "is empty (0 bytes)");

  // An OLE compound file: .xls, or an XLSX with a password to open when it holds the stream
  // "EncryptedPackage" (its name is UTF-16 in the directory).
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(1000, '\0');
  check(folder.write("old.xls.xlsx", ole), "is an Excel 97-2003 workbook (.xls)");
  for (char c : std::string("EncryptedPackage")) {
    ole += c;
    ole += '\0';
  }
  ole += std::string(3 << 20, '\0');  // past the first chunk the search reads
  check(folder.write("password.xlsx", ole), "is protected with a password");

  check(write_zip(folder / "notes.xlsx", {{"readme.txt", "Есеп"}}),
        "it has no xl/workbook.xml, so it is a ZIP archive but not an XLSX workbook");
  const std::string rel = kRel;
  check(write_zip(folder / "report.xlsx",
                  {{"_rels/.rels",
                    "<Relationships "
                    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    "<Relationship Id=\"rId1\" Type=\"" +
                        rel + "/officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
                   {"word/document.xml",
                    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
                    "2006/main\"/>"}}),
        "its main part word/document.xml is a <document>, not a <workbook>");
  check(write_zip(folder / "binary.xlsx",
                  {{"_rels/.rels",
                    "<Relationships "
                    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    "<Relationship Id=\"rId1\" Type=\"" +
                        rel + "/officeDocument\" Target=\"xl/workbook.bin\"/></Relationships>"},
                   {"xl/workbook.bin", "\x83\x01"}}),
        "is an Excel binary workbook (.xlsb)");
}

TEST_CASE("A ZIP archive whose parts are encrypted is refused as password-protected", "[xlsx]") {
  REQUIRE(zip_encryption_method_supported(ZIP_EM_AES_256, 1));  // Debian's libzip can
  testing::TempFolder folder("xlsx-reader");
  const auto path = folder / "locked.xlsx";
  const Parts parts = one_sheet(worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"));
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(zip);
  for (const auto& [name, bytes] : parts) {
    const zip_int64_t index =
        zip_file_add(zip, name.c_str(), zip_source_buffer(zip, bytes.data(), bytes.size(), 0), 0);
    REQUIRE(index >= 0);
    REQUIRE(zip_file_set_encryption(zip, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256,
                                    "құпия") == 0);
  }
  REQUIRE(zip_close(zip) == 0);
  const Status s = read_error(path);
  CHECK(s.code() == Status::Code::invalid_argument);
  CHECK_THAT(s.message(), Contains("is encrypted") && Contains("without a password"));
}

TEST_CASE("Malformed XML is refused naming the part and the line", "[xlsx]") {
  testing::TempFolder folder("xlsx-reader");
  const auto path =
      write_zip(folder / "broken.xlsx",
                one_sheet(std::string("<?xml version=\"1.0\"?>\n<worksheet xmlns=\"") + kMain +
                          "\"><sheetData>\n<row r=\"1\"><c r=\"A1\"><v>1</v></c>\n"
                          "<row r=\"2\"><c r=\"A2\"><v>2</v></row>\n</sheetData></worksheet>"));
  const Status s = read_error(path);
  CHECK(s.code() == Status::Code::invalid_argument);
  CHECK_THAT(s.message(),
             Contains("the part xl/worksheets/sheet1.xml is not well-formed XML (line 4: ") &&
                 Contains("save it again as an Excel workbook (.xlsx)"));
}

// The offsets of the local header and the central directory entry of `name` in `zip`.
std::pair<std::size_t, std::size_t> headers_of(const std::string& zip, const std::string& name) {
  std::size_t local = std::string::npos, central = std::string::npos;
  for (std::size_t at = zip.find(name); at != std::string::npos; at = zip.find(name, at + 1)) {
    if (at >= 30 && zip.compare(at - 30, 4, "PK\x03\x04") == 0) local = at - 30;
    if (at >= 46 && zip.compare(at - 46, 4, "PK\x01\x02") == 0) central = at - 46;
  }
  REQUIRE(local != std::string::npos);
  REQUIRE(central != std::string::npos);
  return {local, central};
}

TEST_CASE("A part whose bytes do not match its CRC is refused as damaged", "[xlsx]") {
  testing::TempFolder folder("xlsx-reader");
  std::string zip = testing::read_bytes(write_zip(
      folder / "good.xlsx", one_sheet(worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))));
  const auto [local, central] = headers_of(zip, "xl/worksheets/sheet1.xml");
  for (const std::size_t crc : {local + 14, central + 16}) zip[crc] = static_cast<char>(~zip[crc]);
  const Status s = read_error(folder.write("bad-crc.xlsx", zip));
  CHECK(s.code() == Status::Code::invalid_argument);
  CHECK_THAT(s.message(), Contains("the part xl/worksheets/sheet1.xml cannot be inflated (CRC "
                                   "error)") &&
                              Contains("save it again as an Excel workbook (.xlsx)"));
}

TEST_CASE("A part with a DOCTYPE is refused before any entity is used", "[xlsx]") {
  testing::TempFolder folder("xlsx-reader");
  const auto secret = folder.write("secret.txt", "құпия мәлімет");
  const std::string doctype = "<!DOCTYPE worksheet [<!ENTITY leak SYSTEM \"file://" +
                              secret.string() +
                              "\"><!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>";
  const auto path = write_zip(
      folder / "entities.xlsx",
      one_sheet("<?xml version=\"1.0\"?>\n" + doctype + "<worksheet xmlns=\"" + kMain +
                "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&leak;&b;</t>"
                "</is></c></row></sheetData></worksheet>"));
  const Status s = read_error(path);
  CHECK(s.code() == Status::Code::invalid_argument);
  CHECK_THAT(s.message(), Contains("the part xl/worksheets/sheet1.xml has a DOCTYPE"));
  CHECK_THAT(s.message(), !Contains("мәлімет"));
}

TEST_CASE("Cells that cannot be are refused naming the sheet, part and cell", "[xlsx]") {
  testing::TempFolder folder("xlsx-reader");
  const auto error_of = [&](const std::string& row, const std::string& strings = {}) {
    return read_error(write_zip(folder / "cells.xlsx", one_sheet(worksheet(row), strings)))
        .message();
  };
  const std::string file = (folder / "cells.xlsx").string();
  CHECK(error_of("<row r=\"1\"><c r=\"B3\" t=\"s\"><v>2</v></c></row>",
                 std::string("<sst xmlns=\"") + kMain + "\"><si><t>a</t></si></sst>") ==
        file +
            ": sheet \"Парақ\" (xl/worksheets/sheet1.xml), cell B3: it refers to shared string "
            "\"2\", which the workbook does not have (it has 1, numbered from 0); the file is "
            "damaged: open it in the spreadsheet program and save it again as an Excel workbook "
            "(.xlsx)");
  CHECK_THAT(error_of("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"),
             Contains("cell A1: it refers to shared string \"0\", which the workbook does not "
                      "have (it has none)"));
  CHECK_THAT(error_of("<row r=\"1\"><c r=\"A1\"><v>12,5</v></c></row>"),
             Contains("cell A1: the value \"12,5\" is not a number"));
  CHECK_THAT(error_of("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"),
             Contains("the cell reference \"XFE1\" is not a cell of the grid A1:XFD1048576"));
  CHECK_THAT(error_of("<row r=\"1\"><c r=\"A1\" t=\"b\"><v>yes</v></c></row>"),
             Contains("cell A1: the boolean value \"yes\" is neither 1 nor 0"));
  CHECK_THAT(error_of("<row r=\"0\"/>"),
             Contains("the row number \"0\" is not one of 1 to 1048576"));
}

// A sheet of `rows` rows, about 50 bytes each.
std::string big_sheet(int rows) {
  std::string xml;
  for (int r = 1; r <= rows; ++r)
    xml += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
           "\"><v>1234567890</v></c></row>";
  return worksheet(xml);
}

TEST_CASE("A part that inflates past the limits is refused, even when its header says less",
          "[xlsx]") {
  testing::TempFolder folder("xlsx-reader");
  const Limits limits{std::uint64_t{1} << 20, std::uint64_t{1} << 30};  // 1 MiB a part

  SECTION("the declared size") {
    const auto path = write_zip(folder / "big.xlsx", one_sheet(big_sheet(40000)));  // ~2 MiB
    CHECK(must_read(path).sheets.at(0).cells.size() == 40000);  // within the real limits
    const Status s = read_error(path, limits);
    CHECK(s.code() == Status::Code::invalid_argument);
    CHECK_THAT(s.message(), Contains("the part xl/worksheets/sheet1.xml inflates to ") &&
                                Contains(" bytes, more than 1 MiB, the most one part may take"));
  }
  SECTION("the bytes inflated, when the ZIP headers understate them") {
    std::string zip =
        testing::read_bytes(write_zip(folder / "big.xlsx", one_sheet(big_sheet(40000))));
    // Set the sheet's uncompressed size to 100 bytes in its local header (the field at 22) and
    // its central directory entry (at 24). The CRC stays right, and libzip 1.7 checks only that,
    // so the reader's own count of the bytes inflated is what stops the part.
    const auto [local, central] = headers_of(zip, "xl/worksheets/sheet1.xml");
    zip.replace(local + 22, 4, std::string("\x64\0\0\0", 4));
    zip.replace(central + 24, 4, std::string("\x64\0\0\0", 4));
    const auto path = folder.write("understated.xlsx", zip);
    const Status s = read_error(path, limits);
    CHECK(s.code() == Status::Code::invalid_argument);
    CHECK_THAT(s.message(), Contains("the part xl/worksheets/sheet1.xml inflates to more than "
                                     "1 MiB, the most one part may take"));
  }
  SECTION("all parts together") {
    Parts parts = one_sheet(big_sheet(14000));  // ~0.7 MiB
    parts[2].second = std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + kRel +
                      "\"><sheets><sheet name=\"a\" sheetId=\"1\" r:id=\"rId1\"/>"
                      "<sheet name=\"b\" sheetId=\"2\" r:id=\"rId1\"/></sheets></workbook>";
    const auto path = write_zip(folder / "twice.xlsx", parts);
    CHECK(must_read(path, {std::uint64_t{1} << 20, std::uint64_t{2} << 20}).sheets.size() == 2);
    const Status s = read_error(path, {std::uint64_t{1} << 20, std::uint64_t{1} << 20});
    CHECK_THAT(s.message(),
               Contains("the part xl/worksheets/sheet1.xml brings the workbook's parts to more "
                        "than 1 MiB inflated"));
  }
}

TEST_CASE("The default limits are 256 MiB a part and 1 GiB in all", "[xlsx]") {
  CHECK(Limits{}.part_bytes == 268435456);
  CHECK(Limits{}.total_bytes == 1073741824);
}

}  // namespace
}  // namespace ashyq::xlsx
