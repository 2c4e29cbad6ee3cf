// The indicator outcome rule (model/model.h): the grant page and the indicators table both show it.
#include <catch2/catch.hpp>

#include <optional>

#include "model/model.h"

namespace ashyq {
namespace {

std::optional<Value> value(double v, Bound bound = Bound::exactly) {
  Value out;
  out.value = v;
  out.bound = bound;
  return out;
}

TEST_CASE("An indicator's outcome follows its planned bound") {
  struct Case {
    const char* what;
    std::optional<Value> planned, actual;
    IndicatorOutcome outcome;
  };
  const Case cases[] = {
      {"no plan", std::nullopt, value(5), IndicatorOutcome::no_target},
      {"no plan, no actual", std::nullopt, std::nullopt, IndicatorOutcome::no_target},
      {"no actual", value(10), std::nullopt, IndicatorOutcome::not_reported},
      {"exactly: equal", value(10), value(10), IndicatorOutcome::met},
      {"exactly: more", value(10), value(12), IndicatorOutcome::exceeded},
      {"exactly: less", value(10), value(8), IndicatorOutcome::short_of},
      {"exactly: fractions", value(0.5), value(0.5), IndicatorOutcome::met},
      {"at least: equal", value(10, Bound::at_least), value(10), IndicatorOutcome::met},
      {"at least: more", value(10, Bound::at_least), value(12), IndicatorOutcome::exceeded},
      {"at least: less", value(10, Bound::at_least), value(9.5), IndicatorOutcome::short_of},
      {"at most: equal", value(10, Bound::at_most), value(10), IndicatorOutcome::met},
      {"at most: less is met, not exceeded", value(10, Bound::at_most), value(3),
       IndicatorOutcome::met},
      {"at most: more", value(10, Bound::at_most), value(11), IndicatorOutcome::short_of},
      {"no actual with a bound", value(10, Bound::at_most), std::nullopt,
       IndicatorOutcome::not_reported},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Indicator indicator;
    indicator.planned = c.planned;
    indicator.actual = c.actual;
    CHECK(indicator_outcome(indicator) == c.outcome);
  }
}

}  // namespace
}  // namespace ashyq
