#pragma once
// Locale formatting with ICU: numbers, money, percentages and dates as a Kazakh or Russian reader
// expects them ("10 125 000 ₸", "2024 ж. 30 сәуір", "30 апреля 2024 г."), following ICU 72's CLDR
// data for kk_KZ and ru_RU. Formatters are created once per language and are safe to use from
// several threads at once (number formatters are immutable; date formatters are cloned for each
// call), so rendering can run in parallel.
//
// The spaces ICU puts in are not all U+0020, and tests compare bytes:
//   U+00A0 (no-break space)        between digit groups, before "₸", and before "%" in Russian;
//   U+202F (narrow no-break space) between the year and "ж." / "г.";
//   U+2013 (en dash)               in ranges: "2–3" between numbers, " – " (with U+0020) otherwise.
//
// If ICU cannot build a formatter (missing locale data), numbers come out as plain digits and dates
// in ISO form: never an empty string, except for format_percent's documented case.
#include <cstdint>
#include <string>

#include "core/date.h"
#include "core/lang.h"
#include "core/money.h"

namespace ashyq::i18n {

// Grouped integer: "10 125 000" (grouping separator as ICU gives it for the language: U+00A0);
// negative numbers with a hyphen-minus: "-1 500".
std::string format_integer(std::int64_t n, Lang lang);

// Money in tenge: "10 125 000 ₸" (no fraction digits; no-break space before the sign).
std::string format_money(Tenge amount, Lang lang);

// A decimal with at most `max_fraction_digits` digits, rounded half up: "0,5", "12,75" (12.745).
// A negative `max_fraction_digits` counts as 0; a value that rounds to zero prints "0", never "-0".
// NaN and infinity print as ICU's symbols for them ("не число", "∞").
std::string format_decimal(double value, Lang lang, int max_fraction_digits = 2);

// numerator / denominator as a percentage with one fraction digit at most, rounded half away from
// zero with exact integer arithmetic (1/16 → "6,3"): "9,8 %" (ru, U+00A0 before %), "9,8%" (kk),
// following ICU's pattern for the language. Empty string when denominator is 0.
std::string format_percent(std::int64_t numerator, std::int64_t denominator, Lang lang);

// A date as precise as it is known (ICU skeletons yMMMMd, yMMMM, y):
//   day:   kk "2024 ж. 30 сәуір",  ru "30 апреля 2024 г."  (genitive month)
//   month: kk "2024 ж. сәуір",     ru "апрель 2024 г."     (nominative month)
//   year:  "2024"
// Kazakh has no genitive month form, so "сәуір" serves both. A date with a month outside 0–12, a
// day outside 0–31 or a day without a month comes out in ISO form.
std::string format_date(const PartialDate& date, Lang lang);

// A range, collapsing what both ends share (ICU's interval formats):
//   ru "апрель – ноябрь 2024 г.", "2–3 ноября 2024 г.", "апрель 2024 г. – февраль 2025 г.";
//   kk "2024 ж. сәуір – қараша",  "2024 ж. 2–3 қараша", "2024 ж. сәуір – 2025 ж. ақпан";
//   years "2023–2025".
// Ends of different precision share nothing and are written out in full, joined by " – "
// ("апрель 2024 г. – 15 ноября 2024 г."). A range without an end, or whose end equals its start,
// formats as its start.
std::string format_range(const DateRange& range, Lang lang);

}  // namespace ashyq::i18n
