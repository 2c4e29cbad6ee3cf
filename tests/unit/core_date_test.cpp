#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "core/date.h"

namespace ashyq {
namespace {

PartialDate date(const char* text) {
  auto parsed = PartialDate::parse(text);
  REQUIRE(parsed);
  return *parsed;
}

TEST_CASE("A date is read as precise as it is written and nothing more") {
  struct Case {
    const char* text;
    int year, month, day;
  };
  static const Case kCases[] = {
      {"2024", 2024, 0, 0},         {"2024-04", 2024, 4, 0},
      {"2024-04-30", 2024, 4, 30},  {"1900", 1900, 0, 0},
      {"2024-12-31", 2024, 12, 31}, {"2024-02-29", 2024, 2, 29},  // leap year
      {"2000-02-29", 2000, 2, 29},                                // divisible by 400: leap
  };
  for (const Case& c : kCases) {
    INFO(c.text);
    auto parsed = PartialDate::parse(c.text);
    REQUIRE(parsed);
    CHECK(parsed->year == c.year);
    CHECK(parsed->month == c.month);
    CHECK(parsed->day == c.day);
    CHECK(parsed->iso() == c.text);
  }
}

TEST_CASE("Anything but YYYY, YYYY-MM or YYYY-MM-DD with a real calendar day is rejected") {
  static const char* const kRejected[] = {"",
                                          "24",
                                          "202",
                                          "20240",
                                          "2024-4",
                                          "2024-4-30",
                                          "2024-04-3",
                                          "2024/04",
                                          "2024-04/30",
                                          "30.04.2024",
                                          "2024-00",
                                          "2024-13",
                                          "2024-04-00",
                                          "2024-04-31",
                                          "2023-02-29",
                                          "1900-02-29",
                                          "2100-02-29",
                                          "1899",
                                          "0000",
                                          "2024-04-30 ",
                                          " 2024",
                                          "+024",
                                          "-024",
                                          "2024-0a",
                                          "2024-04-3x",
                                          "2024-04-30T",
                                          "abcd",
                                          "2024--04",
                                          "2024-04-30T00:00"};
  for (const char* text : kRejected) {
    INFO('"' << text << '"');
    CHECK_FALSE(PartialDate::parse(text));
  }
}

TEST_CASE("The earliest and latest days of a partial date cover exactly what it may mean") {
  struct Case {
    const char* text;
    int earliest, latest;
  };
  static const Case kCases[] = {
      {"2024", 20240101, 20241231},    {"2024-02", 20240201, 20240229},
      {"2023-02", 20230201, 20230228}, {"2024-04", 20240401, 20240430},
      {"2024-12", 20241201, 20241231}, {"2024-04-30", 20240430, 20240430},
      {"1900-02", 19000201, 19000228},
  };
  for (const Case& c : kCases) {
    INFO(c.text);
    const PartialDate d = date(c.text);
    CHECK(d.earliest() == c.earliest);
    CHECK(d.latest() == c.latest);
  }
}

TEST_CASE("A range contains a date only when every day the date may mean lies within it") {
  struct Case {
    const char* start;
    const char* end;  // nullptr: a single (partial) date
    const char* date;
    bool contained;
  };
  static const Case kCases[] = {
      {"2024-04", "2024-11", "2024-04-01", true},
      {"2024-04", "2024-11", "2024-11-30", true},
      {"2024-04", "2024-11", "2024-07", true},
      {"2024-04", "2024-11", "2024-03-31", false},
      {"2024-04", "2024-11", "2024-12-01", false},
      {"2024-04", "2024-11", "2024", false},        // the year may mean January
      {"2024-04-15", "2024-11", "2024-04", false},  // April may mean the 1st
      {"2024", nullptr, "2024-06-15", true},
      {"2024", nullptr, "2024", true},
      {"2024", nullptr, "2025-01-01", false},
      {"2024-04", nullptr, "2024-04-30", true},
      {"2024-04", nullptr, "2024-05-01", false},
      {"2023-12", "2025-01", "2024", true},
  };
  for (const Case& c : kCases) {
    INFO(c.start << " – " << (c.end ? c.end : "(no end)") << " contains " << c.date);
    DateRange range{date(c.start), c.end ? std::optional<PartialDate>(date(c.end)) : std::nullopt};
    CHECK(range.contains(date(c.date)) == c.contained);
  }
}

TEST_CASE("A range contains another range when it contains both of its ends") {
  const DateRange grant{date("2024-04"), date("2024-11")};
  CHECK(grant.contains(DateRange{date("2024-05-02"), date("2024-05-03")}));
  CHECK(grant.contains(DateRange{date("2024-04"), date("2024-11")}));
  CHECK(grant.contains(DateRange{date("2024-06"), std::nullopt}));
  CHECK_FALSE(grant.contains(DateRange{date("2024-10-30"), date("2024-12-01")}));
  CHECK_FALSE(grant.contains(DateRange{date("2024-03-31"), date("2024-04-02")}));
}

TEST_CASE("The last date of a range is its end, or its start when it has none") {
  CHECK(DateRange{date("2024-04"), date("2024-11")}.last() == date("2024-11"));
  CHECK(DateRange{date("2024-04"), std::nullopt}.last() == date("2024-04"));
}

}  // namespace
}  // namespace ashyq
