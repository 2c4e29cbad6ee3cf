#pragma once
// Money is exact: whole tenge in a 64-bit integer, never floating point. The type keeps money from
// mixing silently with counts and quantities.
#include <compare>
#include <cstdint>

namespace ashyq {

class Tenge {
 public:
  constexpr Tenge() = default;
  constexpr explicit Tenge(std::int64_t whole_tenge) : value_(whole_tenge) {}

  constexpr std::int64_t value() const { return value_; }

  constexpr Tenge& operator+=(Tenge other) {
    value_ += other.value_;
    return *this;
  }
  constexpr Tenge& operator-=(Tenge other) {
    value_ -= other.value_;
    return *this;
  }
  friend constexpr Tenge operator+(Tenge a, Tenge b) { return Tenge(a.value_ + b.value_); }
  friend constexpr Tenge operator-(Tenge a, Tenge b) { return Tenge(a.value_ - b.value_); }
  friend constexpr auto operator<=>(Tenge a, Tenge b) = default;

 private:
  std::int64_t value_ = 0;
};

// A quantity with up to three decimals (0.5 of a day), held as thousandths so that
// quantity × unit cost stays exact.
struct Quantity {
  std::int64_t thousandths = 0;
  friend constexpr auto operator<=>(Quantity, Quantity) = default;
};

// Exact product; returns false when it is not a whole number of tenge.
constexpr bool multiply(Quantity q, Tenge unit_cost, Tenge* out) {
  const std::int64_t scaled = q.thousandths * unit_cost.value();
  if (scaled % 1000 != 0) return false;
  *out = Tenge(scaled / 1000);
  return true;
}

}  // namespace ashyq
