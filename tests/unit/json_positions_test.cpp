#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "content/json_positions.h"

namespace ashyq {
namespace {

using Positions = std::map<std::string, std::pair<int, int>>;

// Indexes `text` after checking that it is valid JSON, as the loader does.
Positions index(std::string_view text) {
  REQUIRE_NOTHROW(nlohmann::json::parse(text));
  return index_json_positions(text);
}

TEST_CASE("Values after Cyrillic text and a BOM are found at their column in characters") {
  const Positions expected = {{"", {1, 1}},    {"/kk", {1, 2}},    {"/kk/0", {1, 9}},
                              {"/ru", {2, 3}}, {"/ru/0", {2, 10}}, {"/ru/1", {2, 22}}};
  const Positions found =
      index_json_positions("\xEF\xBB\xBF{\"kk\": [\"Ашық\"],\n  \"ru\": [\"Открытый\", 1]}");
  for (const auto& [pointer, position] : expected) {
    INFO(pointer);
    REQUIRE(found.count(pointer) == 1);
    CHECK(found.at(pointer) == position);
  }
}

TEST_CASE("Every value of nested objects and arrays is found at its line and column") {
  const std::string text =
      "{\n"
      "  \"id\": \"g1\",\n"
      "  \"tasks\": [\n"
      "    {\"id\": \"t1\", \"activities\": [1, 2]},\n"
      "    {\n"
      "      \"id\": \"t2\"\n"
      "    }\n"
      "  ],\n"
      "  \"empty_object\": {},\n"
      "  \"empty_array\": [],\n"
      "  \"after\": null\n"
      "}\n";
  const Positions expected = {
      {"", {1, 1}},
      {"/id", {2, 3}},
      {"/tasks", {3, 3}},
      {"/tasks/0", {4, 5}},
      {"/tasks/0/id", {4, 6}},
      {"/tasks/0/activities", {4, 18}},
      {"/tasks/0/activities/0", {4, 33}},
      {"/tasks/0/activities/1", {4, 36}},
      {"/tasks/1", {5, 5}},
      {"/tasks/1/id", {6, 7}},
      {"/empty_object", {9, 3}},
      {"/empty_array", {10, 3}},
      {"/after", {11, 3}},
  };
  CHECK(index(text) == expected);
}

TEST_CASE(
    "Keys with slash and tilde are escaped in the pointer, and strings cannot confuse the scan") {
  const std::string text =
      "{\"a/b\": {\"c~d\": true},\n"
      " \"note\": \"}],{\\\"x\\\": [\",\n"
      " \"q\\\"k\": [\"\\\\\", \"]\"],\n"
      " \"last\": 1}";
  const Positions expected = {
      {"", {1, 1}},      {"/a~1b", {1, 2}},    {"/a~1b/c~0d", {1, 10}}, {"/note", {2, 2}},
      {"/q\"k", {3, 2}}, {"/q\"k/0", {3, 11}}, {"/q\"k/1", {3, 17}},    {"/last", {4, 2}},
  };
  CHECK(index(text) == expected);
}

TEST_CASE("Columns count characters, so a member after Cyrillic text is where an editor shows it") {
  // "Ашық" is four letters (eight bytes).
  const Positions positions = index("{\"kk\": \"Ашық\", \"ru\": \"Ашық\"}");
  CHECK(positions.at("/kk") == std::pair{1, 2});
  CHECK(positions.at("/ru") == std::pair{1, 16});
}

TEST_CASE("A BOM is skipped and is no column of line 1") {
  const Positions expected = {{"", {1, 1}}, {"/a", {1, 2}}, {"/a/0", {1, 8}}, {"/b", {2, 1}}};
  CHECK(index_json_positions("\xEF\xBB\xBF{\"a\": [true],\n\"b\": 1}") == expected);
}

TEST_CASE("CRLF line ends count as one line each") {
  const Positions expected = {{"", {1, 1}}, {"/a", {2, 3}}, {"/b", {3, 3}}, {"/b/x", {3, 9}}};
  CHECK(index("{\r\n  \"a\": 1,\r\n  \"b\": {\"x\": -1.5e3}\r\n}\r\n") == expected);
}

TEST_CASE("A top-level array gives numbered pointers") {
  const Positions expected = {{"", {1, 1}}, {"/0", {1, 2}}, {"/0/id", {1, 3}}, {"/1", {1, 13}}};
  CHECK(index("[{\"id\": 1}, \"x\"]") == expected);
}

TEST_CASE("Malformed input stops the scan and keeps what was found before") {
  const Positions expected = {{"", {1, 1}}, {"/a", {1, 2}}, {"/b", {1, 10}}};
  CHECK(index_json_positions("{\"a\": 1, \"b\" 2}") == expected);
  const Positions truncated = {{"", {1, 1}}, {"/a", {1, 2}}, {"/a/0", {1, 8}}, {"/a/1", {1, 11}}};
  CHECK(index_json_positions("{\"a\": [1, 2") == truncated);
}

TEST_CASE("A byte offset maps to its line and its column in characters, a BOM not counted") {
  struct Case {
    std::string_view text;
    std::size_t offset;
    int line, column;
  };
  static const Case kCases[] = {
      {"", 0, 1, 1},
      {"abc", 0, 1, 1},
      {"abc", 2, 1, 3},
      {"ab\ncd", 2, 1, 3},
      {"ab\ncd", 3, 2, 1},
      {"ab\ncd", 4, 2, 2},
      {"a\n\n\nb", 4, 4, 1},
      {"Аш\nық", 5, 2, 1},
      {"Аш\nық", 7, 2, 2},
      {"Ашық x", 9, 1, 6},  // 9 bytes, 5 characters before the "x"
      {"Ашық", 3, 1, 2},    // inside "ш": its column
      {"\xEF\xBB\xBF{}", 4, 1, 2},
  };
  for (const Case& c : kCases) {
    INFO('"' << c.text << "\" at " << c.offset);
    CHECK(line_column_at(c.text, c.offset) == std::pair{c.line, c.column});
  }
}

TEST_CASE("JSON pointer escaping turns tilde into ~0 and slash into ~1") {
  CHECK(json_pointer_escape("plain") == "plain");
  CHECK(json_pointer_escape("a/b~c") == "a~1b~0c");
  CHECK(json_pointer_escape("~1") == "~01");
  CHECK(json_pointer_escape("/") == "~1");
  CHECK(json_pointer_escape("") == "");
}

TEST_CASE("Ill-formed UTF-8 is found at its first byte, including overlongs and surrogates") {
  constexpr std::size_t kValid = std::string_view::npos;
  struct Case {
    const char* what;
    std::string_view text;
    std::size_t offset;
  };
  static const Case kCases[] = {
      {"empty", "", kValid},
      {"ASCII", "grant.json", kValid},
      {"Kazakh", "Ашық гранттар: ә, ғ, қ, ң, ө, ұ, ү, һ, і", kValid},
      {"tenge sign (3 bytes)", "10 000 \xE2\x82\xB8", kValid},
      {"4-byte code point", "\xF0\x9F\x93\x8A", kValid},
      {"last code point U+10FFFF", "\xF4\x8F\xBF\xBF", kValid},
      {"U+D7FF, just below the surrogates", "\xED\x9F\xBF", kValid},
      {"U+E000, just above the surrogates", "\xEE\x80\x80", kValid},
      {"U+0800, shortest 3-byte", "\xE0\xA0\x80", kValid},
      {"U+10000, shortest 4-byte", "\xF0\x90\x80\x80", kValid},
      {"lone continuation byte", "ab\x80", 2},
      {"overlong 2-byte slash C0 AF", "a\xC0\xAF", 1},
      {"overlong 2-byte C1 BF", "\xC1\xBF", 0},
      {"overlong 3-byte slash", "ab\xE0\x80\xAF", 2},
      {"overlong 3-byte U+07FF", "\xE0\x9F\xBF", 0},
      {"overlong 4-byte", "\xF0\x80\x80\xAF", 0},
      {"overlong 4-byte U+FFFF", "\xF0\x8F\xBF\xBF", 0},
      {"high surrogate U+D800", "Аш\xED\xA0\x80", 4},
      {"low surrogate U+DFFF", "\xED\xBF\xBF", 0},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 0},
      {"F5 lead byte", "\xF5\x80\x80\x80", 0},
      {"FF byte", "x\xFF", 1},
      {"truncated 2-byte at end", "Аш\xD1", 4},
      {"truncated 3-byte at end", "\xE2\x82", 0},
      {"continuation replaced by ASCII",
       "\xD0"
       "A",
       0},
      {"Latin-1 (Windows) é", "caf\xE9!", 3},
      {"first of two errors", "ok\x80\x80", 2},
  };
  for (const Case& c : kCases) {
    INFO(c.what);
    CHECK(find_invalid_utf8(c.text) == c.offset);
  }
}

}  // namespace
}  // namespace ashyq
