#include "i18n/format.h"

#include <array>
#include <cstdio>
#include <limits>
#include <memory>
#include <optional>

#include <unicode/datefmt.h>
#include <unicode/dtitvfmt.h>
#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

namespace ashyq::i18n {
namespace {

namespace number = icu::number;

// Decimal formatters for 0..kCachedFractionDigits digits are built once; a fresh
// LocalizedNumberFormatter reloads locale data on each of its first calls, so building one per call
// would be slow.
constexpr int kCachedFractionDigits = 6;

enum class Precision { year, month, day };

Precision precision_of(const PartialDate& date) {
  if (date.month == 0) return Precision::year;
  return date.day == 0 ? Precision::month : Precision::day;
}

// Everything ICU needs for one language, built once. Number formatters are immutable and safe to
// share between threads. Date formatters keep a mutable calendar, so every thread formats with its
// own clone of them (thread_date_format).
struct LanguageFormatters {
  number::LocalizedNumberFormatter integer;
  number::LocalizedNumberFormatter money;
  number::LocalizedNumberFormatter percent;
  number::LocalizedNumberFormatter decimal_base;  // for fraction digits beyond the cache
  std::array<number::LocalizedNumberFormatter, kCachedFractionDigits + 1> decimal;
  // Indexed by Precision. Null when ICU could not build them; callers then fall back to ISO dates.
  std::array<std::unique_ptr<icu::DateFormat>, 3> date;
  std::array<std::unique_ptr<icu::DateIntervalFormat>, 3> range;
};

// Skeletons, not patterns: ICU picks each language's order of parts and the right grammatical form
// of the month (ru "30 апреля 2024 г." but "апрель 2024 г.").
constexpr std::array<const char16_t*, 3> kSkeletons = {u"y", u"yMMMM", u"yMMMMd"};

LanguageFormatters build_formatters(Lang lang) {
  const icu::Locale locale(lang == Lang::kk ? "kk_KZ" : "ru_RU");
  LanguageFormatters f;
  // Round half up, as a reader does by hand (12.745 → 12,75), and never print "-0".
  const auto base = number::NumberFormatter::withLocale(locale)
                        .roundingMode(UNUM_ROUND_HALFUP)
                        .sign(UNUM_SIGN_NEGATIVE);
  f.integer = base.precision(number::Precision::integer());
  UErrorCode status = U_ZERO_ERROR;
  // Narrow width gives "₸" in both languages; the short width would print "KZT" in Russian.
  f.money = base.unit(icu::CurrencyUnit(u"KZT", status))
                .unitWidth(UNUM_UNIT_WIDTH_NARROW)
                .precision(number::Precision::integer());
  f.percent = base.unit(icu::NoUnit::percent()).precision(number::Precision::maxFraction(1));
  f.decimal_base = base;
  for (int digits = 0; digits <= kCachedFractionDigits; ++digits)
    f.decimal[digits] = base.precision(number::Precision::maxFraction(digits));

  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(locale, status));
  for (std::size_t i = 0; i < kSkeletons.size() && U_SUCCESS(status); ++i) {
    const icu::UnicodeString skeleton(kSkeletons[i]);
    const icu::UnicodeString pattern = generator->getBestPattern(skeleton, status);
    auto date = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
    std::unique_ptr<icu::DateIntervalFormat> range(
        icu::DateIntervalFormat::createInstance(skeleton, locale, status));
    if (U_FAILURE(status)) break;
    // Dates carry no time: format them in GMT so the output never depends on the machine's zone.
    date->setTimeZone(*icu::TimeZone::getGMT());
    range->setTimeZone(*icu::TimeZone::getGMT());
    f.date[i] = std::move(date);
    f.range[i] = std::move(range);
  }
  if (U_FAILURE(status)) {
    f.date = {};
    f.range = {};
  }
  return f;
}

const LanguageFormatters& formatters(Lang lang) {
  // Function-local statics are initialised once, thread-safely.
  static const LanguageFormatters kk = build_formatters(Lang::kk);
  static const LanguageFormatters ru = build_formatters(Lang::ru);
  return lang == Lang::kk ? kk : ru;
}

// Runs `format`; returns `fallback` when ICU reports a failure (no locale data).
template <typename Format>
std::string format_number(Format format, const std::string& fallback) {
  UErrorCode status = U_ZERO_ERROR;
  number::FormattedNumber formatted = format(status);
  std::string out;
  formatted.toString(status).toUTF8String(out);
  return U_SUCCESS(status) ? out : fallback;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// Midnight GMT of the first day the date may mean.
UDate to_udate(const PartialDate& date) {
  const unsigned month = date.month ? static_cast<unsigned>(date.month) : 1u;
  const unsigned day = date.day ? static_cast<unsigned>(date.day) : 1u;
  return static_cast<UDate>(days_from_civil(date.year, month, day)) * U_MILLIS_PER_DAY;
}

bool is_formattable(const PartialDate& date) {
  return date.month >= 0 && date.month <= 12 && date.day >= 0 && date.day <= 31 &&
         (date.month != 0 || date.day == 0);
}

// Tenths of a percent, rounded half away from zero, as a plain decimal string ("9.8", "-0.5"):
// exact integer arithmetic so that 1/16 gives 6,3 and not whatever a double rounds to.
std::string percent_decimal(std::int64_t numerator, std::int64_t denominator) {
  const bool negative = (numerator < 0) != (denominator < 0);
  // Magnitudes as unsigned so that INT64_MIN does not overflow.
  auto magnitude = [](std::int64_t v) {
    return v < 0 ? ~static_cast<std::uint64_t>(v) + 1 : static_cast<std::uint64_t>(v);
  };
  const std::uint64_t num = magnitude(numerator);
  const std::uint64_t den = magnitude(denominator);
  if (num > std::numeric_limits<std::uint64_t>::max() / 1000) {
    // Beyond 1.8e16 the exact product no longer fits; no real budget gets here, so long double
    // precision is enough.
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%s%.1Lf", negative ? "-" : "",
                  static_cast<long double>(num) * 100.0L / static_cast<long double>(den));
    return buffer;
  }
  const std::uint64_t scaled = num * 1000;
  std::uint64_t tenths = scaled / den;
  const std::uint64_t rest = scaled % den;
  if (rest >= den - rest) ++tenths;
  std::string digits = std::to_string(tenths);
  if (digits.size() < 2) digits.insert(0, "0");
  digits.insert(digits.size() - 1, ".");
  return (negative && tenths != 0 ? "-" : "") + digits;
}

// The calling thread's own clone of a language's date (or date range) formatter. Cloning costs
// far more than formatting, so each thread clones each formatter once and reuses it: a clone is
// used by one thread only, and formats the same text whatever it formatted before.
icu::DateFormat& thread_date_format(Lang lang, Precision precision) {
  thread_local std::array<std::array<std::unique_ptr<icu::DateFormat>, 3>, 2> clones;
  auto& clone = clones[static_cast<int>(lang)][static_cast<int>(precision)];
  if (!clone) clone.reset(formatters(lang).date[static_cast<int>(precision)]->clone());
  return *clone;
}

icu::DateIntervalFormat& thread_range_format(Lang lang, Precision precision) {
  thread_local std::array<std::array<std::unique_ptr<icu::DateIntervalFormat>, 3>, 2> clones;
  auto& clone = clones[static_cast<int>(lang)][static_cast<int>(precision)];
  if (!clone) clone.reset(formatters(lang).range[static_cast<int>(precision)]->clone());
  return *clone;
}

std::string format_with(icu::DateFormat& format, UDate when) {
  icu::UnicodeString formatted;
  format.format(when, formatted);
  std::string out;
  formatted.toUTF8String(out);
  return out;
}

}  // namespace

std::string format_integer(std::int64_t n, Lang lang) {
  return format_number(
      [&](UErrorCode& status) { return formatters(lang).integer.formatInt(n, status); },
      std::to_string(n));
}

std::string format_money(Tenge amount, Lang lang) {
  return format_number(
      [&](UErrorCode& status) { return formatters(lang).money.formatInt(amount.value(), status); },
      std::to_string(amount.value()) + " ₸");
}

std::string format_decimal(double value, Lang lang, int max_fraction_digits) {
  if (max_fraction_digits < 0) max_fraction_digits = 0;
  const LanguageFormatters& f = formatters(lang);
  return format_number(
      [&](UErrorCode& status) {
        if (max_fraction_digits <= kCachedFractionDigits)
          return f.decimal[max_fraction_digits].formatDouble(value, status);
        return f.decimal_base.precision(number::Precision::maxFraction(max_fraction_digits))
            .formatDouble(value, status);
      },
      std::to_string(value));
}

std::string format_percent(std::int64_t numerator, std::int64_t denominator, Lang lang) {
  if (denominator == 0) return "";
  const std::string decimal = percent_decimal(numerator, denominator);
  return format_number(
      [&](UErrorCode& status) {
        return formatters(lang).percent.formatDecimal(decimal.c_str(), status);
      },
      decimal + "%");
}

std::string format_date(const PartialDate& date, Lang lang) {
  if (!is_formattable(date)) return date.iso();
  const Precision precision = precision_of(date);
  if (!formatters(lang).date[static_cast<int>(precision)]) return date.iso();
  return format_with(thread_date_format(lang, precision), to_udate(date));
}

std::string format_range(const DateRange& range, Lang lang) {
  if (!range.end || *range.end == range.start) return format_date(range.start, lang);
  const PartialDate& start = range.start;
  const PartialDate& end = *range.end;
  const Precision precision = precision_of(start);
  const auto& prototype = formatters(lang).range[static_cast<int>(precision)];
  // ICU collapses shared parts only between dates of the same precision; "April 2024 – 15 November
  // 2024" has nothing it could share, so the two ends are written out in full.
  if (precision != precision_of(end) || !prototype || !is_formattable(start) ||
      !is_formattable(end))
    return format_date(start, lang) + " – " + format_date(end, lang);

  icu::DateIntervalFormat& format = thread_range_format(lang, precision);
  const icu::DateInterval interval(to_udate(start), to_udate(end));
  icu::UnicodeString formatted;
  icu::FieldPosition position;
  UErrorCode status = U_ZERO_ERROR;
  format.format(&interval, formatted, position, status);
  if (U_FAILURE(status)) return format_date(start, lang) + " – " + format_date(end, lang);
  std::string out;
  formatted.toUTF8String(out);
  return out;
}

}  // namespace ashyq::i18n
