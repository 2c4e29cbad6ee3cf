#include <catch2/catch.hpp>

#include <cstdint>

#include "core/money.h"

namespace ashyq {
namespace {

TEST_CASE("Quantity times unit cost is exact when it comes to whole tenge") {
  struct Case {
    std::int64_t thousandths;
    std::int64_t unit_cost;
    std::int64_t product;
  };
  static const Case kCases[] = {
      {1000, 10125000, 10125000},      // 1 × 10 125 000
      {12000, 150000, 1800000},        // 12 months × 150 000
      {500, 15000, 7500},              // half a day
      {2500, 4, 10},                   // 2.5 × 4
      {125, 8, 1},                     // 0.125 × 8
      {333, 1000, 333},                // 0.333 × 1 000
      {0, 99999, 0},                   // nothing bought
      {1000, 0, 0},                    // free of charge
      {3000000, 3000000, 9000000000},  // 3 000 × 3 000 000: beyond 32 bits
  };
  for (const Case& c : kCases) {
    INFO(c.thousandths << "/1000 × " << c.unit_cost);
    Tenge product(-1);
    REQUIRE(multiply(Quantity{c.thousandths}, Tenge(c.unit_cost), &product));
    CHECK(product.value() == c.product);
  }
}

TEST_CASE(
    "Quantity times unit cost that is not whole tenge is refused and leaves the result alone") {
  struct Case {
    std::int64_t thousandths;
    std::int64_t unit_cost;
  };
  static const Case kCases[] = {
      {500, 15001},  // 7 500.5
      {2500, 3},     // 7.5
      {1, 999},      // 0.999
      {333, 1},      // 0.333
      {1001, 1000000 + 1},
  };
  for (const Case& c : kCases) {
    INFO(c.thousandths << "/1000 × " << c.unit_cost);
    Tenge product(-1);
    CHECK_FALSE(multiply(Quantity{c.thousandths}, Tenge(c.unit_cost), &product));
    CHECK(product.value() == -1);
  }
}

TEST_CASE("Tenge add, subtract and compare as whole numbers") {
  Tenge total(10125000);
  total += Tenge(875000);
  CHECK(total == Tenge(11000000));
  total -= Tenge(1000000);
  CHECK(total.value() == 10000000);
  CHECK(Tenge(5) + Tenge(7) == Tenge(12));
  CHECK(Tenge(5) - Tenge(7) == Tenge(-2));
  CHECK(Tenge(5) < Tenge(7));
  CHECK(Tenge() == Tenge(0));
  CHECK(Quantity{500} < Quantity{1000});
}

}  // namespace
}  // namespace ashyq
