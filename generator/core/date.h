#pragma once
// Dates as precise as the source document: a year, a month or a day. "Сәуір–қараша 2024" is a range
// of two months, and must never be turned into invented days.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace ashyq {

struct PartialDate {
  int year = 0;
  int month = 0;  // 1..12, 0 when only the year is known
  int day = 0;    // 1..31, 0 when only the month is known

  // Accepts YYYY, YYYY-MM or YYYY-MM-DD with a real calendar day; nullopt otherwise.
  static std::optional<PartialDate> parse(std::string_view text);
  std::string iso() const;

  // The first and last calendar day the date may mean, as yyyymmdd integers, for comparisons.
  int earliest() const;
  int latest() const;

  bool operator==(const PartialDate&) const = default;
};

struct DateRange {
  PartialDate start;
  std::optional<PartialDate> end;  // absent: a single (partial) date

  PartialDate last() const { return end ? *end : start; }
  // False when the end lies surely before the start (validation reports it; nothing else uses
  // such a range).
  bool ordered() const { return !end || end->latest() >= start.earliest(); }
  // True when every day `date` may mean lies within the range.
  bool contains(const PartialDate& date) const;
  bool contains(const DateRange& other) const;
};

}  // namespace ashyq
