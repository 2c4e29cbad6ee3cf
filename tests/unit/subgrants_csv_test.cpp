#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "content/subgrants_csv.h"

namespace ashyq {
namespace {

static_assert(sizeof("\u00A0") == 3, "the execution character set must be UTF-8");

// One parse of a CSV text as content/grants/<id>/subgrants.csv, with its findings as the user sees
// them (without the quoted source line), in sorted order.
struct Parsed {
  explicit Parsed(std::string_view text)
      : subgrants(parse_subgrants_csv(text, "subgrants.csv", diagnostics)) {
    for (const Diagnostic& d : diagnostics.sorted()) findings += format_diagnostic(d);
  }

  std::string ids() const {
    std::string out;
    for (const Subgrant& s : subgrants) out += (out.empty() ? "" : " ") + s.id;
    return out;
  }

  Diagnostics diagnostics;
  std::vector<Subgrant> subgrants;
  std::string findings;
};

TEST_CASE(
    "A spreadsheet export with a BOM, CRLF and quoted commas, quotes and line breaks is read "
    "field by field",
    "[csv]") {
  const std::string text =
      "\xEF\xBB\xBF"
      "amount,id,recipient_kind,name_consent,recipient_name_kk,recipient_name_ru,region,"
      "locality_kk,locality_ru,title_kk,title_ru,status\r\n"
      "\"1 000 000\",sg-01,ngo,yes,\"\"\"Болашақ\"\" қоғамдық бірлестігі\",\"ОО \"\"Болашак\"\"\","
      "almaty,\"Алматы, Медеу ауданы\",\"Алматы, Медеуский район\",\"Жастар\r\nфорумы\","
      "\"Молодёжный\r\nфорум\",completed\r\n"
      "2500000,sg-02,person,no,,,,Ақтау,Актау,,,\r\n"
      "1\u00A0500\u00A0000,sg-03,initiative_group,TRUE,Айгүл,Айгуль,mangystau,,,,,in_progress\r\n";
  const Parsed parsed(text);
  CHECK(parsed.findings == "");
  REQUIRE(parsed.subgrants.size() == 3);

  const Subgrant& first = parsed.subgrants[0];
  CHECK(first.id == "sg-01");
  CHECK(first.amount == Tenge(1000000));
  CHECK(first.recipient_kind == RecipientKind::ngo);
  CHECK(first.name_consent);
  CHECK(first.recipient_name.in(Lang::kk) == "\"Болашақ\" қоғамдық бірлестігі");
  CHECK(first.recipient_name.in(Lang::ru) == "ОО \"Болашак\"");
  CHECK(first.region == "almaty");
  CHECK(first.locality.in(Lang::kk) == "Алматы, Медеу ауданы");
  CHECK(first.locality.in(Lang::ru) == "Алматы, Медеуский район");
  // A line break inside a field is kept, as LF whatever the file's line ends.
  CHECK(first.title.in(Lang::kk) == "Жастар\nфорумы");
  CHECK(first.title.in(Lang::ru) == "Молодёжный\nфорум");
  CHECK(first.status == SubgrantStatus::completed);

  const Subgrant& second = parsed.subgrants[1];
  CHECK(second.id == "sg-02");
  CHECK(second.amount == Tenge(2500000));
  CHECK(second.recipient_kind == RecipientKind::person);
  CHECK_FALSE(second.name_consent);
  CHECK(second.recipient_name.empty());
  CHECK(second.region.empty());
  CHECK(second.locality.in(Lang::kk) == "Ақтау");
  CHECK(second.locality.in(Lang::ru) == "Актау");
  CHECK(second.title.empty());
  CHECK(second.status == SubgrantStatus::awarded);  // empty status: the default

  const Subgrant& third = parsed.subgrants[2];
  CHECK(third.id == "sg-03");
  CHECK(third.amount == Tenge(1500000));  // no-break spaces between thousands
  CHECK(third.recipient_kind == RecipientKind::initiative_group);
  CHECK(third.name_consent);
  CHECK(third.recipient_name.in(Lang::kk) == "Айгүл");
  CHECK(third.recipient_name.in(Lang::ru) == "Айгуль");
  CHECK(third.region == "mangystau");
  CHECK(third.locality.empty());
  CHECK(third.title.empty());
  CHECK(third.status == SubgrantStatus::in_progress);
}

TEST_CASE("Only the required columns are needed, in any order, LF or no final line end", "[csv]") {
  const Parsed parsed("amount,recipient_kind,id\n100,ngo,a\n200,person,b");
  CHECK(parsed.findings == "");
  CHECK(parsed.ids() == "a b");
  REQUIRE(parsed.subgrants.size() == 2);
  CHECK(parsed.subgrants[1].amount == Tenge(200));
  CHECK(parsed.subgrants[1].status == SubgrantStatus::awarded);
  CHECK_FALSE(parsed.subgrants[1].name_consent);
}

TEST_CASE("A CR at the very end of the text ends the last row, not its last field", "[csv]") {
  const Parsed parsed("id,recipient_kind,amount\r\na,ngo,100\r");
  CHECK(parsed.findings == "");
  REQUIRE(parsed.subgrants.size() == 1);
  CHECK(parsed.subgrants[0].amount == Tenge(100));
}

TEST_CASE("Blank lines, rows of empty fields and spaces around fields are ignored", "[csv]") {
  const Parsed parsed(
      "\n id , recipient_kind ,amount\n\nsg-01 , ngo , \"1 000\" \n   \n,,\r\nsg-02,person,5\n\n");
  CHECK(parsed.findings == "");
  CHECK(parsed.ids() == "sg-01 sg-02");
  REQUIRE(parsed.subgrants.size() == 2);
  CHECK(parsed.subgrants[0].recipient_kind == RecipientKind::ngo);
  CHECK(parsed.subgrants[0].amount == Tenge(1000));
}

TEST_CASE("Name consent is yes, no, true, false, 1 or 0 in any case, and no when empty", "[csv]") {
  const struct {
    const char* value;
    bool consent;
  } kCases[] = {{"yes", true},    {"YES", true}, {"true", true}, {"TRUE", true},
                {"1", true},      {"no", false}, {"No", false},  {"false", false},
                {"FALSE", false}, {"0", false},  {"", false}};
  for (const auto& c : kCases) {
    INFO(c.value);
    const Parsed parsed(std::string("id,recipient_kind,amount,name_consent\na,person,1,") +
                        c.value + "\n");
    CHECK(parsed.findings == "");
    REQUIRE(parsed.subgrants.size() == 1);
    CHECK(parsed.subgrants[0].name_consent == c.consent);
  }
}

TEST_CASE("Amounts are whole tenge, with or without spaces between thousands", "[csv]") {
  const struct {
    const char* field;
    std::int64_t tenge;
  } kCases[] = {{"0", 0},
                {"7", 7},
                {"1000000", 1000000},
                {"1 000 000", 1000000},
                {"10 125 000", 10125000},
                {"1\u00A0000\u00A0000", 1000000},  // no-break space, as Russian Excel writes it
                {"1\u202F000\u202F000", 1000000},  // narrow no-break space
                {"\" 250 000 \"", 250000},         // quoted, with spaces around
                {"999999999999999999", 999999999999999999}};
  for (const auto& c : kCases) {
    INFO(c.field);
    const Parsed parsed(std::string("id,recipient_kind,amount\na,ngo,") + c.field + "\n");
    CHECK(parsed.findings == "");
    REQUIRE(parsed.subgrants.size() == 1);
    CHECK(parsed.subgrants[0].amount == Tenge(c.tenge));
  }
}

// Every error case below is one bad row (line 3) between two good ones, or a bad header; the
// finding text is exact, and the rows that must survive are listed.
TEST_CASE("Each malformed row is reported with file, line, column and column name, and skipped",
          "[csv]") {
  const std::string header = "id,recipient_kind,amount,name_consent,recipient_name_ru\n";
  const std::string before = "sg-01,person,100,yes,Айгуль\n";
  const std::string after = "sg-03,ngo,300,,\n";
  const std::string how_to_write_amounts =
      "; write digits only, with spaces between thousands if you like: 1000000 or 1 000 000\n";
  const struct Case {
    const char* what;
    std::string bad_row;
    std::string findings;
    const char* survivors;
  } kCases[] = {
      {"unknown recipient kind", "sg-02,company,200,no,\n",
       "subgrants.csv:3:7: error: recipient_kind: unknown value \"company\"; expected one of: "
       "person, initiative_group, ngo\n",
       "sg-01 sg-03"},
      {"empty recipient kind", "sg-02,,200,no,\n",
       "subgrants.csv:3:7: error: recipient_kind: must not be empty; expected one of: person, "
       "initiative_group, ngo\n",
       "sg-01 sg-03"},
      {"amount with decimals", "sg-02,person,1000000.50,no,\n",
       "subgrants.csv:3:14: error: amount: \"1000000.50\" is not a whole number of tenge "
       "(decimals are not accepted, nor a point between thousands)" +
           how_to_write_amounts,
       "sg-01 sg-03"},
      {"amount with commas", "sg-02,person,\"1,000,000\",no,\n",
       "subgrants.csv:3:14: error: amount: \"1,000,000\" is not a whole number of tenge (a "
       "comma is not accepted, neither as decimal nor as thousands separator)" +
           how_to_write_amounts,
       "sg-01 sg-03"},
      {"amount with the tenge sign", "sg-02,person,1 000 000 ₸,no,\n",
       "subgrants.csv:3:14: error: amount: \"1 000 000 ₸\" is not a whole number of tenge (no "
       "currency sign; the column is in tenge already)" +
           how_to_write_amounts,
       "sg-01 sg-03"},
      {"amount with a currency word", "sg-02,person,100 тг,no,\n",
       "subgrants.csv:3:14: error: amount: \"100 тг\" is not a whole number of tenge (\"т\" is "
       "not a digit)" +
           how_to_write_amounts,
       "sg-01 sg-03"},
      {"negative amount", "sg-02,person,-500,no,\n",
       "subgrants.csv:3:14: error: amount: \"-500\" is not a whole number of tenge (a negative "
       "amount is not accepted)" +
           how_to_write_amounts,
       "sg-01 sg-03"},
      {"empty amount", "sg-02,person,,no,\n",
       "subgrants.csv:3:14: error: amount: must not be empty; write whole tenge, e.g. 1000000 or "
       "1 000 000\n",
       "sg-01 sg-03"},
      {"amount with a digit lost between separators", "sg-02,person,1 000 00,no,\n",
       "subgrants.csv:3:14: error: amount: \"1 000 00\" is not a whole number of tenge (digits "
       "between spaces must come in groups of three)" +
           how_to_write_amounts,
       "sg-01 sg-03"},
      {"amount too large for whole tenge", "sg-02,person,1234567890123456789,no,\n",
       "subgrants.csv:3:14: error: amount: \"1234567890123456789\" is not a whole number of "
       "tenge (the number is too large)" +
           how_to_write_amounts,
       "sg-01 sg-03"},
      {"unterminated quote, reading resumes on the next line", "sg-02,person,\"200,no,\n",
       "subgrants.csv:3:14: error: amount: the quoted field is not closed; add the closing "
       "quote, and write a quote inside a field as two (\"\")\n",
       "sg-01 sg-03"},
      {"text after a closing quote", "sg-02,person,200,no,\"ОО \"Болашак\"\"\n",
       "subgrants.csv:3:21: error: recipient_name_ru: text after the closing quote; put the "
       "whole field in quotes and write each quote inside it as two, e.g. \"Ассоциация "
       "\"\"Болашак\"\"\"\n",
       "sg-01 sg-03"},
      {"too few fields", "sg-02,person,200\n",
       "subgrants.csv:3:17: error: name_consent: the row has 3 fields but the header has 5 "
       "columns; every row needs one field per column, empty ones too (a,,c)\n",
       "sg-01 sg-03"},
      {"too many fields", "sg-02,person,200,no,Айгуль,extra\n",
       "subgrants.csv:3:28: error: the row has 6 fields but the header has 5 columns; put a field "
       "that holds a comma in double quotes, e.g. \"Алматы, Медеу\"\n",
       "sg-01 sg-03"},
      {"duplicate id", "sg-01,person,200,no,\n",
       "subgrants.csv:3:1: error: id: duplicate sub-grant id \"sg-01\"; it is already used at "
       "line 2; ids must be unique\n",
       "sg-01 sg-03"},
      {"id that is not a slug", "SG_02,person,200,no,\n",
       "subgrants.csv:3:1: error: id: \"SG_02\" is not a valid id; use lowercase ASCII letters, "
       "digits and single hyphens, e.g. \"sg-01\"\n",
       "sg-01 sg-03"},
      {"empty id", ",person,200,no,\n",
       "subgrants.csv:3:1: error: id: must not be empty; give each sub-grant an id of lowercase "
       "ASCII letters, digits and single hyphens, e.g. \"sg-01\"\n",
       "sg-01 sg-03"},
      {"consent that is not yes or no", "sg-02,person,200,да,\n",
       "subgrants.csv:3:18: error: name_consent: unknown value \"да\"; expected one of: yes, no, "
       "true, false, 1, 0 (empty means no)\n",
       "sg-01 sg-03"},
      {"text in a Windows code page, not UTF-8", "sg-02,person,200,no,\xC0\xE9\xE3\xF3\xEB\xFC\n",
       "subgrants.csv:3:21: error: recipient_name_ru: not valid UTF-8 (byte 0xC0 at 3:21); save "
       "the file as UTF-8, e.g. Excel's \"CSV UTF-8 (Comma delimited)\"\n",
       "sg-01 sg-03"},
      {"every bad field of a row at once", "SG,company,1.5,maybe,\n",
       "subgrants.csv:3:1: error: id: \"SG\" is not a valid id; use lowercase ASCII letters, "
       "digits and single hyphens, e.g. \"sg-01\"\n"
       "subgrants.csv:3:4: error: recipient_kind: unknown value \"company\"; expected one of: "
       "person, initiative_group, ngo\n"
       "subgrants.csv:3:12: error: amount: \"1.5\" is not a whole number of tenge (decimals are "
       "not accepted, nor a point between thousands)" +
           how_to_write_amounts +
           "subgrants.csv:3:16: error: name_consent: unknown value \"maybe\"; expected one of: "
           "yes, no, true, false, 1, 0 (empty means no)\n",
       "sg-01 sg-03"},
  };
  for (const Case& c : kCases) {
    INFO(c.what);
    const Parsed parsed(header + before + c.bad_row + after);
    CHECK(parsed.findings == c.findings);
    CHECK(parsed.ids() == c.survivors);
    CHECK(parsed.diagnostics.warning_count() == 0);
  }
}

TEST_CASE("Region and status are checked like the JSON record's", "[csv]") {
  const struct {
    const char* what;
    const char* csv;
    const char* findings;
    const char* survivors;
  } kCases[] = {
      {"region that is not an id",
       "id,recipient_kind,amount,region\na,ngo,1,almaty\nb,ngo,2,Алматы\nc,ngo,3,\n",
       "subgrants.csv:3:9: error: region: \"Алматы\" is not a valid region id; use an id from "
       "content/regions.json, e.g. \"almaty\"\n",
       "a c"},
      {"unknown status",
       "id,recipient_kind,amount,status\na,ngo,1,completed\nb,ngo,2,done\nc,ngo,3,\n",
       "subgrants.csv:3:9: error: status: unknown value \"done\"; expected one of: awarded, "
       "in_progress, completed, terminated\n",
       "a c"},
  };
  for (const auto& c : kCases) {
    INFO(c.what);
    const Parsed parsed(c.csv);
    CHECK(parsed.findings == c.findings);
    CHECK(parsed.ids() == c.survivors);
  }
}

TEST_CASE("The award date is a day, a month or a year, and optional", "[csv]") {
  const Parsed parsed(
      "id,recipient_kind,amount,award_date\na,ngo,1,2024-06-15\nb,ngo,2,2024-06\nc,ngo,3,\n"
      "d,ngo,4,15.06.2024\ne,ngo,5,2024-02-30\n");
  CHECK(parsed.findings ==
        "subgrants.csv:5:9: error: award_date: \"15.06.2024\" is not a date; write YYYY-MM-DD (or "
        "YYYY-MM, YYYY when the day is not known), e.g. 2024-06-15\n"
        "subgrants.csv:6:9: error: award_date: \"2024-02-30\" is not a date; write YYYY-MM-DD (or "
        "YYYY-MM, YYYY when the day is not known), e.g. 2024-06-15\n");
  REQUIRE(parsed.ids() == "a b c");
  CHECK(parsed.subgrants[0].award_date == PartialDate{2024, 6, 15});
  CHECK(parsed.subgrants[1].award_date == PartialDate{2024, 6, 0});
  CHECK_FALSE(parsed.subgrants[2].award_date.has_value());
}

TEST_CASE("A bad header is reported at the header, by column name", "[csv]") {
  const struct {
    const char* what;
    const char* csv;
    const char* findings;
    const char* survivors;
  } kCases[] = {
      // Without a required column no sub-grant is complete: none is returned, but the rows are
      // still checked so that all findings show at once.
      {"missing required column", "id,recipient_kind\nsg-01,person\nsg-02,robot\n",
       "subgrants.csv:1:1: error: amount: missing required column \"amount\"; name it in the "
       "header row (columns may come in any order)\n"
       "subgrants.csv:3:7: error: recipient_kind: unknown value \"robot\"; expected one of: "
       "person, initiative_group, ngo\n",
       ""},
      {"two required columns missing", "id\nsg-01\n",
       "subgrants.csv:1:1: error: amount: missing required column \"amount\"; name it in the "
       "header row (columns may come in any order)\n"
       "subgrants.csv:1:1: error: recipient_kind: missing required column \"recipient_kind\"; "
       "name it in the header row (columns may come in any order)\n",
       ""},
      // An unknown column is ignored after the finding, so the rows are still read.
      {"unknown column", "id,recipient_kind,amount,colour\nsg-01,person,100,red\nsg-03,ngo,300,\n",
       "subgrants.csv:1:26: error: colour: unknown column \"colour\"; expected one of: id, "
       "recipient_kind, amount, recipient_name_kk, recipient_name_ru, name_consent, region, "
       "locality_kk, locality_ru, title_kk, title_ru, status, award_date\n",
       "sg-01 sg-03"},
      {"empty column name from a trailing comma", "id,recipient_kind,amount,\nsg-01,person,100,\n",
       "subgrants.csv:1:26: error: empty column name; name every column (or remove a trailing "
       "comma); expected one of: id, recipient_kind, amount, recipient_name_kk, "
       "recipient_name_ru, name_consent, region, locality_kk, locality_ru, title_kk, title_ru, "
       "status, award_date\n",
       "sg-01"},
      // The first of two same-named columns is the one read.
      {"duplicate column",
       "id,amount,recipient_kind,amount\nsg-01,100,person,200\nsg-03,300,ngo,400\n",
       "subgrants.csv:1:26: error: amount: duplicate column \"amount\"; it is already at 1:4; "
       "keep one\n",
       "sg-01 sg-03"},
      {"unterminated quote in the header", "id,\"recipient_kind,amount\nsg-01,person,100\n",
       "subgrants.csv:1:4: error: the quoted field is not closed; add the closing quote, and "
       "write a quote inside a field as two (\"\")\n",
       ""},
      {"empty file", "",
       "subgrants.csv: error: no header row; the first line must name the "
       "columns, at least id,recipient_kind,amount\n",
       ""},
      {"only blank lines and a BOM", "\xEF\xBB\xBF\r\n\r\n",
       "subgrants.csv: error: no header row; the first line must name the columns, at least "
       "id,recipient_kind,amount\n",
       ""},
      {"a header and no rows", "id,recipient_kind,amount\r\n", "", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.what);
    const Parsed parsed(c.csv);
    CHECK(parsed.findings == c.findings);
    CHECK(parsed.ids() == c.survivors);
  }
  const Parsed duplicate("id,amount,recipient_kind,amount\nsg-01,100,person,200\n");
  REQUIRE(duplicate.subgrants.size() == 1);
  CHECK(duplicate.subgrants[0].amount == Tenge(100));
}

TEST_CASE("Lines are physical lines: a line break inside quotes moves later rows down", "[csv]") {
  const Parsed parsed(
      "id,recipient_kind,amount,title_ru\r\n"
      "sg-01,ngo,100,\"первая\r\nвторая\r\nтретья\"\r\n"
      "sg-02,ngo,1.5,x\r\n"
      "sg-03,ngo,\"2\",\"a\nb\",oops\n"
      "sg-04,ngo,4,\n");
  CHECK(parsed.findings ==
        "subgrants.csv:5:11: error: amount: \"1.5\" is not a whole number of tenge (decimals are "
        "not accepted, nor a point between thousands); write digits only, with spaces between "
        "thousands if you like: 1000000 or 1 000 000\n"
        "subgrants.csv:7:4: error: the row has 5 fields but the header has 4 columns; put a "
        "field that holds a comma in double quotes, e.g. \"Алматы, Медеу\"\n");
  CHECK(parsed.ids() == "sg-01 sg-04");
}

TEST_CASE("A BOM does not shift the columns of the header line", "[csv]") {
  const Parsed parsed("\xEF\xBB\xBFid,kind,recipient_kind,amount\n");
  CHECK(parsed.findings ==
        "subgrants.csv:1:4: error: kind: unknown column \"kind\"; expected one of: id, "
        "recipient_kind, amount, recipient_name_kk, recipient_name_ru, name_consent, region, "
        "locality_kk, locality_ru, title_kk, title_ru, status, award_date\n");
}

TEST_CASE("A duplicate is reported against the first use even when that row was skipped", "[csv]") {
  const Parsed parsed("id,recipient_kind,amount\na,ngo,x\na,ngo,1\nb,ngo,2\n");
  CHECK(parsed.findings ==
        "subgrants.csv:2:7: error: amount: \"x\" is not a whole number of tenge (\"x\" is not a "
        "digit); write digits only, with spaces between thousands if you like: 1000000 or "
        "1 000 000\n"
        "subgrants.csv:3:1: error: id: duplicate sub-grant id \"a\"; it is already used at line "
        "2; ids must be unique\n");
  CHECK(parsed.ids() == "b");
}

}  // namespace
}  // namespace ashyq
