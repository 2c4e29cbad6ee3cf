#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/json_decoder.h"
#include "content/json_positions.h"
#include "temp_folder.h"

namespace ashyq {
namespace {

// One JSON document as the loader prepares it: parsed, with the positions of every value, and a
// decoder that reports into its own Diagnostics under the file name "grant.json".
struct Document {
  explicit Document(const std::string& text)
      : root(nlohmann::json::parse(text)), decoder(source, diagnostics) {
    source.file = "grant.json";
    source.positions = index_json_positions(text);
  }

  // Every finding as the user sees it (without the quoted source line), in sorted order.
  std::string findings() const {
    std::string out;
    for (const Diagnostic& d : diagnostics.sorted()) out += format_diagnostic(d);
    return out;
  }

  SourceMap source;
  Diagnostics diagnostics;
  nlohmann::json root;
  JsonDecoder decoder;
};

// The members the table's records may have; anything else is an unknown field.
#define ALLOWED_MEMBERS                                                                            \
  {                                                                                                \
    "name", "id", "ids", "title", "titles", "amount", "count", "n", "q", "flag", "date", "period", \
        "status", "items", "obj"                                                                   \
  }

TEST_CASE("Each reader reports a missing, mistyped or malformed member with an exact message") {
  struct Case {
    const char* what;
    const char* json;
    void (*read)(ObjectReader&);
    const char* findings;
  };
  static const Case kCases[] = {
      // string
      {"missing required string, reported at the nearest value that exists", "{}",
       [](ObjectReader& r) { r.string("name", true); },
       "grant.json:1:1: error: /name: missing required field \"name\" (a string)\n"},
      {"missing optional string", "{}", [](ObjectReader& r) { r.string("name"); }, ""},
      {"string of the wrong type", "{\"name\": 5}", [](ObjectReader& r) { r.string("name"); },
       "grant.json:1:2: error: /name: expected a string, found number 5\n"},
      {"empty required string", "{\"name\": \"\"}", [](ObjectReader& r) { r.string("name", true); },
       "grant.json:1:2: error: /name: must not be empty\n"},
      {"empty optional string", "{\"name\": \"\"}", [](ObjectReader& r) { r.string("name"); }, ""},
      // slug
      {"id with capitals and an underscore", "{\"id\": \"Rukhtan_2024\"}",
       [](ObjectReader& r) { r.slug("id", true); },
       "grant.json:1:2: error: /id: \"Rukhtan_2024\" is not a valid id; use lowercase ASCII "
       "letters, "
       "digits and single hyphens, e.g. \"rukhtan-2024-debate\"\n"},
      {"id in Cyrillic", "{\"id\": \"ашық\"}", [](ObjectReader& r) { r.slug("id"); },
       "grant.json:1:2: error: /id: \"ашық\" is not a valid id; use lowercase ASCII letters, "
       "digits and single hyphens, e.g. \"rukhtan-2024-debate\"\n"},
      {"missing required id", "{}", [](ObjectReader& r) { r.slug("id", true); },
       "grant.json:1:1: error: /id: missing required field \"id\" (a string)\n"},
      // text
      {"text given as a plain string", "{\"title\": \"Ашық\"}",
       [](ObjectReader& r) { r.text("title"); },
       "grant.json:1:2: error: /title: expected a text in both languages, {\"kk\": \"…\", \"ru\": "
       "\"…\"}, found string \"Ашық\"\n"},
      {"text in an unknown language", "{\"title\": {\"en\": \"Open\"}}",
       [](ObjectReader& r) { r.text("title"); },
       "grant.json:1:12: error: /title/en: unknown language \"en\"; expected \"kk\" or \"ru\"\n"},
      {"text with an empty language", "{\"title\": {\"kk\": \"\", \"ru\": \"Отчёт\"}}",
       [](ObjectReader& r) { r.text("title"); },
       "grant.json:1:12: error: /title/kk: empty text; leave the language out when the source "
       "gives "
       "no text\n"},
      {"text with no language", "{\"title\": {}}", [](ObjectReader& r) { r.text("title"); },
       "grant.json:1:2: error: /title: a text needs at least one language, \"kk\" or \"ru\"\n"},
      {"text with a number in it", "{\"title\": {\"ru\": 1}}",
       [](ObjectReader& r) { r.text("title"); },
       "grant.json:1:12: error: /title/ru: expected a string, found number 1\n"},
      {"missing required text", "{}", [](ObjectReader& r) { r.text("title", true); },
       "grant.json:1:1: error: /title: missing required field \"title\" (a text {\"kk\": …, "
       "\"ru\": "
       "…})\n"},
      {"text list item that is not a text", "{\"titles\": [{\"kk\": \"А\"}, null]}",
       [](ObjectReader& r) { r.text_list("titles"); },
       "grant.json:1:26: error: /titles/1: expected a text in both languages, {\"kk\": \"…\", "
       "\"ru\": \"…\"}, found null\n"},
      // slug list
      {"id list with a capital and a number", "{\"ids\": [\"almaty\", \"Astana\", 5]}",
       [](ObjectReader& r) { r.slug_list("ids"); },
       "grant.json:1:20: error: /ids/1: expected an id (lowercase ASCII letters, digits, hyphens), "
       "found string \"Astana\"\n"
       "grant.json:1:30: error: /ids/2: expected an id (lowercase ASCII letters, digits, hyphens), "
       "found number 5\n"},
      // money
      {"money with separators", "{\"amount\": \"10 125 000\"}",
       [](ObjectReader& r) { r.money("amount"); },
       "grant.json:1:2: error: /amount: expected a non-negative whole number of tenge without "
       "separators, e.g. 10125000, found string \"10 125 000\"\n"},
      {"negative money", "{\"amount\": -5}", [](ObjectReader& r) { r.money("amount"); },
       "grant.json:1:2: error: /amount: expected a non-negative whole number of tenge without "
       "separators, e.g. 10125000, found number -5\n"},
      {"money with tiyn", "{\"amount\": 1500.5}", [](ObjectReader& r) { r.money("amount"); },
       "grant.json:1:2: error: /amount: expected a non-negative whole number of tenge without "
       "separators, e.g. 10125000, found number 1500.5\n"},
      {"missing required money", "{}", [](ObjectReader& r) { r.money("amount", true); },
       "grant.json:1:1: error: /amount: missing required field \"amount\" (whole tenge as an "
       "integer)\n"},
      {"money null where an empty cell is allowed", "{\"amount\": null}",
       [](ObjectReader& r) { r.money("amount", false, true); }, ""},
      {"money null where no empty cell is allowed", "{\"amount\": null}",
       [](ObjectReader& r) { r.money("amount"); },
       "grant.json:1:2: error: /amount: expected a non-negative whole number of tenge without "
       "separators, e.g. 10125000, found null\n"},
      {"money as a string where an empty cell is allowed", "{\"amount\": \"\"}",
       [](ObjectReader& r) { r.money("amount", false, true); },
       "grant.json:1:2: error: /amount: expected a non-negative whole number of tenge without "
       "separators, e.g. 10125000, or null for an empty cell, found string \"\"\n"},
      // language
      {"source language in English", "{\"name\": \"en\"}",
       [](ObjectReader& r) { r.language("name"); },
       "grant.json:1:2: error: /name: expected the language the source document is written in, "
       "\"kk\" (Kazakh) or \"ru\" (Russian), found string \"en\"\n"},
      {"source language as a language name", "{\"name\": \"Kazakh\"}",
       [](ObjectReader& r) { r.language("name"); },
       "grant.json:1:2: error: /name: expected the language the source document is written in, "
       "\"kk\" (Kazakh) or \"ru\" (Russian), found string \"Kazakh\"\n"},
      {"missing source language", "{}", [](ObjectReader& r) { r.language("name"); }, ""},
      // count
      {"null count where an empty cell is not allowed", "{\"count\": null}",
       [](ObjectReader& r) { r.count("count"); },
       "grant.json:1:2: error: /count: expected a non-negative integer, found null\n"},
      {"null count for an empty cell", "{\"count\": null}",
       [](ObjectReader& r) { r.count("count", false, true); }, ""},
      {"negative count where an empty cell is allowed", "{\"count\": -1}",
       [](ObjectReader& r) { r.count("count", false, true); },
       "grant.json:1:2: error: /count: expected a non-negative integer, or null for an empty cell, "
       "found number -1\n"},
      {"count given as a boolean", "{\"count\": true}", [](ObjectReader& r) { r.count("count"); },
       "grant.json:1:2: error: /count: expected a non-negative integer, found true\n"},
      {"fractional count", "{\"count\": 2.5}", [](ObjectReader& r) { r.count("count"); },
       "grant.json:1:2: error: /count: expected a non-negative integer, found number 2.5\n"},
      {"missing required count", "{}", [](ObjectReader& r) { r.count("count", true); },
       "grant.json:1:1: error: /count: missing required field \"count\" (a count)\n"},
      // number
      {"number given as a string", "{\"n\": \"1.5\"}", [](ObjectReader& r) { r.number("n"); },
       "grant.json:1:2: error: /n: expected a number, found string \"1.5\"\n"},
      {"missing required number", "{}", [](ObjectReader& r) { r.number("n", true); },
       "grant.json:1:1: error: /n: missing required field \"n\" (a number)\n"},
      // quantity
      {"quantity with four decimals", "{\"q\": 0.0001}", [](ObjectReader& r) { r.quantity("q"); },
       "grant.json:1:2: error: /q: expected a non-negative quantity with at most three decimals, "
       "e.g. 5 or 0.5, found number 0.0001\n"},
      {"negative quantity", "{\"q\": -0.5}", [](ObjectReader& r) { r.quantity("q"); },
       "grant.json:1:2: error: /q: expected a non-negative quantity with at most three decimals, "
       "e.g. 5 or 0.5, found number -0.5\n"},
      {"quantity given as a string", "{\"q\": \"5\"}", [](ObjectReader& r) { r.quantity("q"); },
       "grant.json:1:2: error: /q: expected a non-negative quantity with at most three decimals, "
       "e.g. 5 or 0.5, found string \"5\"\n"},
      // boolean
      {"boolean given as a word", "{\"flag\": \"yes\"}", [](ObjectReader& r) { r.boolean("flag"); },
       "grant.json:1:2: error: /flag: expected true or false, found string \"yes\"\n"},
      // date
      {"date in day.month.year order", "{\"date\": \"30.04.2024\"}",
       [](ObjectReader& r) { r.date("date"); },
       "grant.json:1:2: error: /date: expected a date YYYY, YYYY-MM or YYYY-MM-DD (as precise as "
       "the "
       "source), e.g. \"2024-04\", found string \"30.04.2024\"\n"},
      {"date that is not in the calendar", "{\"date\": \"2024-02-30\"}",
       [](ObjectReader& r) { r.date("date"); },
       "grant.json:1:2: error: /date: expected a date YYYY, YYYY-MM or YYYY-MM-DD (as precise as "
       "the "
       "source), e.g. \"2024-04\", found string \"2024-02-30\"\n"},
      {"year given as a number", "{\"date\": 2024}", [](ObjectReader& r) { r.date("date"); },
       "grant.json:1:2: error: /date: expected a date YYYY, YYYY-MM or YYYY-MM-DD (as precise as "
       "the "
       "source), e.g. \"2024-04\", found number 2024\n"},
      {"missing required date", "{}", [](ObjectReader& r) { r.date("date", true); },
       "grant.json:1:1: error: /date: missing required field \"date\" (a date)\n"},
      // range
      {"range written in words", "{\"period\": \"апрель 2024\"}",
       [](ObjectReader& r) { r.range("period"); },
       "grant.json:1:2: error: /period: expected a date YYYY, YYYY-MM or YYYY-MM-DD, or "
       "{\"start\": "
       "…, \"end\": …}, found string \"апрель 2024\"\n"},
      // Decoded as written: whether it ends before it starts is validation's (check_range).
      {"range ending before it starts",
       "{\"period\": {\"start\": \"2024-04\", \"end\": \"2024-03\"}}",
       [](ObjectReader& r) { CHECK_FALSE(r.range("period")->ordered()); }, ""},
      {"range without a start", "{\"period\": {\"end\": \"2024-03\"}}",
       [](ObjectReader& r) { r.range("period"); },
       "grant.json:1:2: error: /period/start: missing required field \"start\" (a date)\n"},
      {"range with an unknown member", "{\"period\": {\"start\": \"2024\", \"to\": \"2025\"}}",
       [](ObjectReader& r) { r.range("period"); },
       "grant.json:1:30: error: /period/to: unknown field \"to\"; expected one of: start, end\n"},
      {"range given as a number", "{\"period\": 2024}", [](ObjectReader& r) { r.range("period"); },
       "grant.json:1:2: error: /period: expected an object, found number 2024\n"},
      {"range with a malformed end", "{\"period\": {\"start\": \"2024\", \"end\": \"2025-13\"}}",
       [](ObjectReader& r) { r.range("period"); },
       "grant.json:1:30: error: /period/end: expected a date YYYY, YYYY-MM or YYYY-MM-DD (as "
       "precise "
       "as the source), e.g. \"2024-04\", found string \"2025-13\"\n"},
      // enumeration
      {"unknown enum value", "{\"status\": \"done\"}",
       [](ObjectReader& r) { r.enumeration("status", grant_status_names()); },
       "grant.json:1:2: error: /status: unknown value \"done\"; expected one of: application, "
       "planned, in_progress, completed\n"},
      {"enum value in the wrong case", "{\"status\": \"Planned\"}",
       [](ObjectReader& r) { r.enumeration("status", grant_status_names()); },
       "grant.json:1:2: error: /status: unknown value \"Planned\"; expected one of: application, "
       "planned, in_progress, completed\n"},
      {"enum value of the wrong type", "{\"status\": 1}",
       [](ObjectReader& r) { r.enumeration("status", grant_status_names()); },
       "grant.json:1:2: error: /status: expected a string, found number 1\n"},
      {"missing required enum value", "{}",
       [](ObjectReader& r) { r.enumeration("status", grant_status_names(), true); },
       "grant.json:1:1: error: /status: missing required field \"status\" (a string)\n"},
      // array and object
      {"array given as an object", "{\"items\": {}}",
       [](ObjectReader& r) { r.array("items", [](const nlohmann::json&, const std::string&) {}); },
       "grant.json:1:2: error: /items: expected an array, found an object\n"},
      {"missing required array", "{}",
       [](ObjectReader& r) {
         r.array(
             "items", [](const nlohmann::json&, const std::string&) {}, true);
       },
       "grant.json:1:1: error: /items: missing required field \"items\" (an array)\n"},
      {"object given as an array", "{\"obj\": []}", [](ObjectReader& r) { r.object("obj"); },
       "grant.json:1:2: error: /obj: expected an object, found an array\n"},
      {"missing required object", "{}", [](ObjectReader& r) { r.object("obj", true); },
       "grant.json:1:1: error: /obj: missing required field \"obj\" (an object)\n"},
  };
  for (const Case& c : kCases) {
    INFO(c.what << ": " << c.json);
    Document doc(c.json);
    ObjectReader reader(doc.decoder, doc.root, "", ALLOWED_MEMBERS);
    REQUIRE(reader.valid());
    c.read(reader);
    CHECK(doc.findings() == c.findings);
    CHECK(doc.decoder.errors() == doc.diagnostics.error_count());
  }
}

TEST_CASE("An unknown member is reported at its key with the names that are allowed") {
  Document doc("{\n  \"id\": \"g1\",\n  \"titel\": {\"kk\": \"А\"}\n}");
  ObjectReader reader(doc.decoder, doc.root, "", {"id", "title"});
  CHECK(reader.valid());
  CHECK(doc.findings() ==
        "grant.json:3:3: error: /titel: unknown field \"titel\"; expected one of: id, title\n");
}

TEST_CASE("A record that is not an object is reported at the root with field /") {
  Document doc("[1, 2]");
  ObjectReader reader(doc.decoder, doc.root, "", {"id"});
  CHECK_FALSE(reader.valid());
  CHECK(reader.string("id", true).empty());  // nothing more to report
  CHECK(doc.findings() == "grant.json:1:1: error: /: expected an object, found an array\n");
}

TEST_CASE("Readers return the values they read") {
  Document doc(
      "{\"id\": \"rukhtan-2024-debate\", \"name\": \"№ 12\", \"title\": {\"kk\": \"Есеп\", \"ru\": "
      "\"Отчёт\"}, \"titles\": [{\"ru\": \"Молодёжь\"}], \"ids\": [\"almaty\", \"bad id\", "
      "\"astana\"], \"amount\": 10125000, \"count\": 0, \"n\": 12.5, \"flag\": false, \"date\": "
      "\"2024-04\", \"status\": \"in_progress\"}");
  ObjectReader r(doc.decoder, doc.root, "", ALLOWED_MEMBERS);
  CHECK(r.slug("id") == "rukhtan-2024-debate");
  CHECK(r.string("name") == "№ 12");
  const LocalizedText title = r.text("title");
  CHECK(title.in(Lang::kk) == "Есеп");
  CHECK(title.in(Lang::ru) == "Отчёт");
  const std::vector<LocalizedText> titles = r.text_list("titles");
  REQUIRE(titles.size() == 1);
  CHECK_FALSE(titles[0].has(Lang::kk));
  CHECK(titles[0].in(Lang::ru) == "Молодёжь");
  // A bad id keeps its place as an empty string so later findings keep their indices.
  CHECK(r.slug_list("ids") == std::vector<std::string>{"almaty", "", "astana"});
  CHECK(r.money("amount") == Tenge(10125000));
  CHECK(r.count("count") == 0);
  CHECK(r.number("n") == 12.5);
  CHECK(r.boolean("flag") == false);
  CHECK(r.date("date") == PartialDate{2024, 4, 0});
  CHECK(r.enumeration("status", grant_status_names()) == GrantStatus::in_progress);
  CHECK(r.has("status"));
  CHECK_FALSE(r.has("obj"));
  CHECK(doc.diagnostics.error_count() == 1);  // only "bad id"
  // Only what a per-record check reports on is kept with its pointer: the text in Russian only.
  CHECK(doc.source.strings.empty());
  REQUIRE(doc.source.texts.size() == 1);
  CHECK(doc.source.texts[0].first == "/titles/0");
}

TEST_CASE("Texts and strings are kept for the record's checks only when a check will report them") {
  Document doc(
      "{\"title\": {\"kk\": \"Есеп\", \"ru\": \"Отчёт\"}, \"titles\": [{\"kk\": \"Жастар\"}, "
      "{\"kk\": \"Тел. 8 701 123 45 67\", \"ru\": \"Тел. 8 701 123 45 67\"}, {\"kk\": \"2024 "
      "жыл\", "
      "\"ru\": \"2024 год\"}], \"name\": \"№ 12\", \"id\": \"info@example.kz\"}");
  ObjectReader r(doc.decoder, doc.root, "", ALLOWED_MEMBERS);
  r.text("title");
  r.text_list("titles");
  r.string("name");
  r.string("id");
  // Kept: a text in Kazakh only, a text with a phone number, a string with an e-mail address. Not
  // kept: complete texts and strings without contact data (a year, a number sign are not one).
  REQUIRE(doc.source.texts.size() == 2);
  CHECK(doc.source.texts[0].first == "/titles/0");
  CHECK(doc.source.texts[1].first == "/titles/1");
  CHECK(doc.source.strings ==
        std::vector<std::pair<std::string, std::string>>{{"/id", "info@example.kz"}});
}

TEST_CASE(
    "A record whose positions stay on disk is located by reading its file at the first finding") {
  const std::string text = "{\n  \"id\": \"g1\",\n  \"title\": {\"kk\": \"Ашық\", \"ru\": 1}\n}";
  testing::TempFolder folder("positions");
  SourceMap on_disk;
  on_disk.file = "content/grants/g1/grant.json";
  on_disk.positions = SourcePositions::on_disk(folder.write("grant.json", text).string());
  SourceMap in_memory = on_disk;
  in_memory.positions = index_json_positions(text);
  const SourceLocator from_disk(on_disk);
  for (const char* pointer : {"/id", "/title", "/title/ru", "/title/missing", "", "/nothing"}) {
    INFO(pointer);
    const SourceLocation expected = locate(in_memory, pointer);
    const SourceLocation found = from_disk.at(pointer);
    CHECK(found.file == "content/grants/g1/grant.json");
    CHECK(found.line == expected.line);
    CHECK(found.column == expected.column);
  }
  CHECK(from_disk.at("/title/ru").line == 3);
  CHECK(from_disk.at("/title/ru").column == 27);  // in characters: "Ашық" is 4 (8 bytes)
  // A file that is gone by the time of the finding still gives its name, at 1:1.
  SourceMap gone;
  gone.file = "content/grants/g2/grant.json";
  gone.positions = SourcePositions::on_disk((folder / "missing.json").string());
  const SourceLocation where = locate(gone, "/title");
  CHECK(where.file == "content/grants/g2/grant.json");
  CHECK(where.line == 1);
  CHECK(where.column == 1);
}

TEST_CASE("Quantities of up to three decimals are held exactly in thousandths") {
  struct Case {
    const char* json;
    std::optional<std::int64_t> thousandths;  // nullopt: rejected
  };
  static const Case kCases[] = {
      {"5", 5000},
      {"0", 0},
      {"0.5", 500},
      {"0.125", 125},
      {"2.75", 2750},
      {"0.001", 1},
      {"1000000", 1000000000},
      {"12.0", 12000},
      {"0.1", 100},
      {"0.3", 300},
      {"3.3", 3300},
      {"0.0001", std::nullopt},
      {"0.0005", std::nullopt},
      {"1.2345", std::nullopt},
      {"-1", std::nullopt},
      {"-0.5", std::nullopt},
      {"\"0.5\"", std::nullopt},
      {"true", std::nullopt},
      {"null", std::nullopt},
  };
  for (const Case& c : kCases) {
    INFO("quantity " << c.json);
    Document doc(std::string("{\"q\": ") + c.json + "}");
    ObjectReader r(doc.decoder, doc.root, "", {"q"});
    const std::optional<Quantity> q = r.quantity("q");
    if (c.thousandths) {
      REQUIRE(q);
      CHECK(q->thousandths == *c.thousandths);
      CHECK(doc.diagnostics.items().empty());
    } else {
      CHECK_FALSE(q);
      CHECK(doc.diagnostics.error_count() == 1);
    }
  }
}

TEST_CASE("A range is a single date or a start and an end that does not come before it") {
  struct Case {
    const char* json;
    const char* start;
    const char* end;  // nullptr: no end
  };
  static const Case kCases[] = {
      {"\"2024-04\"", "2024-04", nullptr},
      {"{\"start\": \"2024-04\"}", "2024-04", nullptr},
      {"{\"start\": \"2024-04\", \"end\": \"2024-11\"}", "2024-04", "2024-11"},
      {"{\"start\": \"2024-04\", \"end\": \"2024-04\"}", "2024-04", "2024-04"},
      // Ends that overlap their start are not "before" it: April may mean the 30th.
      {"{\"start\": \"2024-04-15\", \"end\": \"2024-04\"}", "2024-04-15", "2024-04"},
      {"{\"start\": \"2024\", \"end\": \"2024-01-01\"}", "2024", "2024-01-01"},
  };
  for (const Case& c : kCases) {
    INFO("period " << c.json);
    Document doc(std::string("{\"period\": ") + c.json + "}");
    ObjectReader r(doc.decoder, doc.root, "", {"period"});
    const std::optional<DateRange> range = r.range("period");
    CHECK(doc.findings() == "");
    REQUIRE(range);
    CHECK(range->start.iso() == c.start);
    CHECK(range->end.has_value() == (c.end != nullptr));
    if (c.end && range->end) CHECK(range->end->iso() == c.end);
  }
}

TEST_CASE("An id is lowercase ASCII letters and digits joined by single hyphens") {
  struct Case {
    const char* text;
    bool ok;
  };
  static const Case kCases[] = {
      {"rukhtan-2024-debate", true},
      {"a", true},
      {"2024", true},
      {"a1-b2", true},
      {"", false},
      {"-a", false},
      {"a-", false},
      {"a--b", false},
      {"A", false},
      {"a_b", false},
      {"a b", false},
      {"a.b", false},
      {"ашық", false},
      {"a/b", false},
      {"-", false},
  };
  for (const Case& c : kCases) {
    INFO('"' << c.text << '"');
    CHECK(is_slug(c.text) == c.ok);
  }
}

TEST_CASE("A JSON value is described by its type and a short quote") {
  struct Case {
    nlohmann::json value;
    std::string description;
  };
  const std::string forty(40, 'x');
  const Case cases[] = {
      {nullptr, "null"},
      {true, "true"},
      {false, "false"},
      {nlohmann::json::object(), "an object"},
      {nlohmann::json::array(), "an array"},
      {5, "number 5"},
      {-1.5, "number -1.5"},
      {"Ашық", "string \"Ашық\""},
      {forty, "string \"" + forty + "\""},
      {forty + "y", "string \"" + std::string(37, 'x') + "...\""},
  };
  for (const Case& c : cases) {
    INFO(c.value.dump());
    CHECK(describe_json(c.value) == c.description);
  }
}

TEST_CASE("A long Cyrillic string is shortened at a character boundary, never inside a letter") {
  // 25 × "ә" is 50 bytes; a cut at byte 37 would split the 19th letter in half.
  std::string long_text;
  for (int i = 0; i < 25; ++i) long_text += "ә";
  std::string eighteen;
  for (int i = 0; i < 18; ++i) eighteen += "ә";

  const std::string description = describe_json(long_text);
  CHECK(find_invalid_utf8(description) == std::string::npos);
  CHECK(description == "string \"" + eighteen + "...\"");
}

TEST_CASE("A finding about a missing member points at its nearest ancestor that exists") {
  Document doc("{\n  \"tasks\": [\n    {\"id\": \"t1\"}\n  ],\n  \"a/b\": {}\n}");
  CHECK(doc.decoder.at("/tasks/0/title/kk").line == 3);
  CHECK(doc.decoder.at("/tasks/0/title/kk").column == 5);
  CHECK(doc.decoder.at("/tasks/0/id").column == 6);
  CHECK(doc.decoder.at("/a~1b/c").line == 5);
  CHECK(doc.decoder.at("/nothing").line == 1);
  CHECK(doc.decoder.at("/nothing").file == "grant.json");

  SourceMap empty{"other.json", {}, {}, {}, {}};
  Diagnostics diagnostics;
  JsonDecoder decoder(empty, diagnostics);
  const SourceLocation where = decoder.at("/x/y");
  CHECK((where.line == 1 && where.column == 1 && where.file == "other.json"));
}

TEST_CASE("Decoder warnings do not count as errors") {
  Document doc("{}");
  doc.decoder.warning("", "just so you know");
  doc.decoder.error("/x", "wrong");
  CHECK(doc.decoder.errors() == 1);
  CHECK(doc.findings() ==
        "grant.json:1:1: warning: /: just so you know\n"
        "grant.json:1:1: error: /x: wrong\n");
}

}  // namespace
}  // namespace ashyq

namespace ashyq {
namespace {

TEST_CASE("A placeholder reads as a value not yet given, kept with what to write") {
  Document doc(R"({"amount": "TODO: whole tenge", "id": "TODO:", "ids": ["a", "TODO: a region"],
                  "title": {"kk": "TODO:  the title in Kazakh ", "ru": "Заголовок"},
                  "name": "TODO: the name"})");
  ObjectReader r(doc.decoder, doc.root, "", ALLOWED_MEMBERS);
  // Required and typed fields raise neither "missing" nor a type error: the placeholder stands in.
  CHECK(!r.money("amount", true));
  CHECK(r.slug("id", true).empty());
  CHECK(r.slug_list("ids") == std::vector<std::string>{"a", ""});
  // A text keeps its placeholder, so it is not also reported as given in one language only.
  const LocalizedText title = r.text("title", true);
  CHECK(title.in(Lang::kk) == "TODO:  the title in Kazakh ");
  CHECK(r.string("name", true).empty());
  CHECK(doc.findings() == "");
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"/amount", "whole tenge"},
      {"/id", ""},
      {"/ids/1", "a region"},
      {"/title/kk", "the title in Kazakh"},
      {"/name", "the name"}};
  CHECK(doc.source.placeholders == expected);
  CHECK(doc.source.has_placeholder("/amount"));
  CHECK(!doc.source.has_placeholder("/title"));
}

}  // namespace
}  // namespace ashyq
