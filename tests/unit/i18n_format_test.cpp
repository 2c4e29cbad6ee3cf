// Expected strings are what ICU 72.1 (CLDR 42) gives for kk_KZ and ru_RU, checked byte by byte.
// The spaces ICU puts in are written as escapes so that they can be told apart:
//   \u00A0 NO-BREAK SPACE         digit groups, before "₸", before "%" in Russian;
//   \u202F NARROW NO-BREAK SPACE  between the year and "ж." (kk) or "г." (ru);
//   \u2013 EN DASH                in ranges: "2\u20133" between numbers, " \u2013 " otherwise
//                                 (the spaces around it are plain U+0020).
// Kazakh: ICU writes the year first with "ж." ("2024 ж. 30 сәуір"), not "2024 жылғы 30 сәуір".
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "i18n/format.h"

namespace ashyq::i18n {
namespace {

// The expectations below are UTF-8 byte strings.
static_assert(sizeof("\u00A0") == 3, "the execution character set must be UTF-8");

PartialDate date(const char* iso) { return *PartialDate::parse(iso); }

DateRange range(const char* start, const char* end) {
  return {date(start), end ? std::optional<PartialDate>(date(end)) : std::nullopt};
}

TEST_CASE("Integers are grouped by thousands with no-break spaces in both languages") {
  CHECK(format_integer(10125000, Lang::kk) == "10\u00A0125\u00A0000");
  CHECK(format_integer(10125000, Lang::ru) == "10\u00A0125\u00A0000");
  CHECK(format_integer(1000, Lang::ru) == "1\u00A0000");
  CHECK(format_integer(999, Lang::kk) == "999");
  CHECK(format_integer(0, Lang::kk) == "0");
  CHECK(format_integer(-1500, Lang::ru) == "-1\u00A0500");
}

TEST_CASE("Money is whole tenge with the tenge sign after a no-break space") {
  CHECK(format_money(Tenge(10125000), Lang::kk) == "10\u00A0125\u00A0000\u00A0₸");
  CHECK(format_money(Tenge(10125000), Lang::ru) == "10\u00A0125\u00A0000\u00A0₸");
  CHECK(format_money(Tenge(0), Lang::kk) == "0\u00A0₸");
  CHECK(format_money(Tenge(-5000), Lang::ru) == "-5\u00A0000\u00A0₸");
  CHECK(format_money(Tenge(9'223'372'036'854'775'807), Lang::kk) ==
        "9\u00A0223\u00A0372\u00A0036\u00A0854\u00A0775\u00A0807\u00A0₸");
}

TEST_CASE("Decimals use a decimal comma, round half up and never print minus zero") {
  CHECK(format_decimal(0.5, Lang::kk) == "0,5");
  CHECK(format_decimal(12.75, Lang::ru) == "12,75");
  CHECK(format_decimal(12.745, Lang::ru) == "12,75");
  CHECK(format_decimal(12.0, Lang::kk) == "12");
  CHECK(format_decimal(1234.5, Lang::ru) == "1\u00A0234,5");
  CHECK(format_decimal(2.0 / 3.0, Lang::kk, 0) == "1");
  CHECK(format_decimal(2.0 / 3.0, Lang::kk, 8) == "0,66666667");
  CHECK(format_decimal(0.5, Lang::ru, -3) == "1");
  CHECK(format_decimal(-0.001, Lang::ru) == "0");
}

TEST_CASE("Percentages follow each language: no space in Kazakh, a no-break space in Russian") {
  CHECK(format_percent(49, 500, Lang::kk) == "9,8%");
  CHECK(format_percent(49, 500, Lang::ru) == "9,8\u00A0%");
  CHECK(format_percent(1, 1, Lang::kk) == "100%");
  CHECK(format_percent(1, 3, Lang::ru) == "33,3\u00A0%");
  CHECK(format_percent(-1, 3, Lang::kk) == "-33,3%");
  CHECK(format_percent(250, 10, Lang::ru) == "2\u00A0500\u00A0%");
}

TEST_CASE("Percentages round half away from zero on the exact fraction") {
  // 1/16 = 6.25 %: a double rounded half-even would give 6,2.
  CHECK(format_percent(1, 16, Lang::kk) == "6,3%");
  CHECK(format_percent(-1, 16, Lang::kk) == "-6,3%");
  CHECK(format_percent(1, 3000, Lang::kk) == "0%");
  CHECK(format_percent(1, 2000, Lang::kk) == "0,1%");
}

TEST_CASE("A percentage of a zero denominator is an empty string") {
  CHECK(format_percent(5, 0, Lang::kk).empty());
  CHECK(format_percent(0, 0, Lang::ru).empty());
}

TEST_CASE("Days take the genitive month in Russian and the year first in Kazakh, every month") {
  struct Case {
    int month;
    const char* kk;
    const char* ru;
  };
  static const Case kCases[] = {
      {1, "2024\u202Fж. 2 қаңтар", "2 января 2024\u202Fг."},
      {2, "2024\u202Fж. 2 ақпан", "2 февраля 2024\u202Fг."},
      {3, "2024\u202Fж. 2 наурыз", "2 марта 2024\u202Fг."},
      {4, "2024\u202Fж. 2 сәуір", "2 апреля 2024\u202Fг."},
      {5, "2024\u202Fж. 2 мамыр", "2 мая 2024\u202Fг."},
      {6, "2024\u202Fж. 2 маусым", "2 июня 2024\u202Fг."},
      {7, "2024\u202Fж. 2 шілде", "2 июля 2024\u202Fг."},
      {8, "2024\u202Fж. 2 тамыз", "2 августа 2024\u202Fг."},
      {9, "2024\u202Fж. 2 қыркүйек", "2 сентября 2024\u202Fг."},
      {10, "2024\u202Fж. 2 қазан", "2 октября 2024\u202Fг."},
      {11, "2024\u202Fж. 2 қараша", "2 ноября 2024\u202Fг."},
      {12, "2024\u202Fж. 2 желтоқсан", "2 декабря 2024\u202Fг."},
  };
  for (const Case& c : kCases) {
    INFO("month " << c.month);
    CHECK(format_date({2024, c.month, 2}, Lang::kk) == c.kk);
    CHECK(format_date({2024, c.month, 2}, Lang::ru) == c.ru);
  }
  CHECK(format_date(date("2024-04-30"), Lang::kk) == "2024\u202Fж. 30 сәуір");
  CHECK(format_date(date("2024-04-30"), Lang::ru) == "30 апреля 2024\u202Fг.");
}

TEST_CASE("Months alone take the nominative in Russian, every month") {
  struct Case {
    int month;
    const char* kk;
    const char* ru;
  };
  static const Case kCases[] = {
      {1, "2024\u202Fж. қаңтар", "январь 2024\u202Fг."},
      {2, "2024\u202Fж. ақпан", "февраль 2024\u202Fг."},
      {3, "2024\u202Fж. наурыз", "март 2024\u202Fг."},
      {4, "2024\u202Fж. сәуір", "апрель 2024\u202Fг."},
      {5, "2024\u202Fж. мамыр", "май 2024\u202Fг."},
      {6, "2024\u202Fж. маусым", "июнь 2024\u202Fг."},
      {7, "2024\u202Fж. шілде", "июль 2024\u202Fг."},
      {8, "2024\u202Fж. тамыз", "август 2024\u202Fг."},
      {9, "2024\u202Fж. қыркүйек", "сентябрь 2024\u202Fг."},
      {10, "2024\u202Fж. қазан", "октябрь 2024\u202Fг."},
      {11, "2024\u202Fж. қараша", "ноябрь 2024\u202Fг."},
      {12, "2024\u202Fж. желтоқсан", "декабрь 2024\u202Fг."},
  };
  for (const Case& c : kCases) {
    INFO("month " << c.month);
    CHECK(format_date({2024, c.month, 0}, Lang::kk) == c.kk);
    CHECK(format_date({2024, c.month, 0}, Lang::ru) == c.ru);
  }
}

TEST_CASE("A year alone is written as the bare year") {
  CHECK(format_date(date("2024"), Lang::kk) == "2024");
  CHECK(format_date(date("2024"), Lang::ru) == "2024");
}

TEST_CASE("A date with an impossible month comes out in ISO form") {
  CHECK(format_date({2024, 13, 0}, Lang::ru) == "2024-13");
  CHECK(format_date({2024, 0, 5}, Lang::kk) == "2024-05");
}

TEST_CASE("Ranges collapse what both ends share") {
  struct Case {
    const char* start;
    const char* end;
    const char* kk;
    const char* ru;
  };
  static const Case kCases[] = {
      {"2024-04", "2024-11", "2024\u202Fж. сәуір \u2013 қараша",
       "апрель \u2013 ноябрь 2024\u202Fг."},
      {"2024-11-02", "2024-11-03", "2024\u202Fж. 2\u20133 қараша", "2\u20133 ноября 2024\u202Fг."},
      {"2024-04-01", "2024-11-03", "2024\u202Fж. 1 сәуір \u2013 3 қараша",
       "1 апреля \u2013 3 ноября 2024\u202Fг."},
      {"2024-04", "2025-02", "2024\u202Fж. сәуір \u2013 2025\u202Fж. ақпан",
       "апрель 2024\u202Fг. \u2013 февраль 2025\u202Fг."},
      {"2024-12-31", "2025-01-01", "2024\u202Fж. 31 желтоқсан \u2013 2025\u202Fж. 1 қаңтар",
       "31 декабря 2024\u202Fг. \u2013 1 января 2025\u202Fг."},
      {"2023", "2025", "2023\u20132025", "2023\u20132025"},
  };
  for (const Case& c : kCases) {
    INFO(c.start << " .. " << c.end);
    CHECK(format_range(range(c.start, c.end), Lang::kk) == c.kk);
    CHECK(format_range(range(c.start, c.end), Lang::ru) == c.ru);
  }
}

TEST_CASE("A range without an end, or ending where it starts, formats as its start") {
  CHECK(format_range(range("2024-04", nullptr), Lang::ru) == "апрель 2024\u202Fг.");
  CHECK(format_range(range("2024-04-30", "2024-04-30"), Lang::kk) == "2024\u202Fж. 30 сәуір");
}

TEST_CASE("Range ends of different precision are both written in full") {
  CHECK(format_range(range("2024-04", "2024-11-15"), Lang::ru) ==
        "апрель 2024\u202Fг. \u2013 15 ноября 2024\u202Fг.");
  CHECK(format_range(range("2024-04", "2024-11-15"), Lang::kk) ==
        "2024\u202Fж. сәуір \u2013 2024\u202Fж. 15 қараша");
}

TEST_CASE("Formatting from several threads at once gives the same strings as from one") {
  auto sample = [] {
    std::string out;
    for (Lang lang : kAllLangs) {
      out += format_money(Tenge(10125000), lang) + "|" + format_percent(49, 500, lang) + "|" +
             format_decimal(12.745, lang) + "|" + format_date(date("2024-04-30"), lang) + "|" +
             format_range(range("2024-04", "2024-11"), lang) + "\n";
    }
    return out;
  };
  const std::string expected = sample();
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (std::string& result : results)
    threads.emplace_back([&result, &sample] {
      for (int i = 0; i < 200; ++i) result = sample();
    });
  for (std::thread& thread : threads) thread.join();
  for (const std::string& result : results) CHECK(result == expected);
}

}  // namespace
}  // namespace ashyq::i18n
