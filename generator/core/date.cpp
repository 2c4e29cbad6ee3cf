#include "core/date.h"

#include <charconv>

namespace ashyq {
namespace {

bool parse_digits(std::string_view text, int* out) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  std::from_chars(text.data(), text.data() + text.size(), *out);
  return true;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

std::optional<PartialDate> PartialDate::parse(std::string_view text) {
  PartialDate date;
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  if (!parse_digits(text.substr(0, 4), &date.year) || date.year < 1900) return std::nullopt;
  if (text.size() >= 7) {
    if (text[4] != '-' || !parse_digits(text.substr(5, 2), &date.month)) return std::nullopt;
    if (date.month < 1 || date.month > 12) return std::nullopt;
  }
  if (text.size() == 10) {
    if (text[7] != '-' || !parse_digits(text.substr(8, 2), &date.day)) return std::nullopt;
    if (date.day < 1 || date.day > days_in_month(date.year, date.month)) return std::nullopt;
  }
  return date;
}

std::string PartialDate::iso() const {
  std::string out = std::to_string(year);
  if (month) out += "-" + two_digits(month);
  if (day) out += "-" + two_digits(day);
  return out;
}

int PartialDate::earliest() const {
  return year * 10000 + (month ? month : 1) * 100 + (day ? day : 1);
}

int PartialDate::latest() const {
  const int m = month ? month : 12;
  return year * 10000 + m * 100 + (day ? day : days_in_month(year, m));
}

bool DateRange::contains(const PartialDate& date) const {
  return date.earliest() >= start.earliest() && date.latest() <= last().latest();
}

bool DateRange::contains(const DateRange& other) const {
  return contains(other.start) && contains(other.last());
}

}  // namespace ashyq
