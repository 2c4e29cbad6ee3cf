#pragma once
// validate, for grant plans (content/plans/<id>.json): references and stated sums. Every finding
// names the plan file, line, column and JSON pointer, and says what would be right.
#include "core/diagnostics.h"
#include "model/model.h"
#include "validate/reporter.h"

namespace ashyq {

// Errors, each at the offending value:
//  - a plan id used by two files, or differing from its file name;
//  - a topic id used twice within a plan;
//  - an unknown operator, priority direction, region or grant id (`known`: one that failed to load
//    is not unknown);
//  - a direction subtotal that differs from the sum of its topics' amounts, checked only when every
//    topic gives its amount (a missing amount is never derived, so nothing is checked then);
//  - a grand total that differs from the sum of the direction subtotals, checked only when every
//    direction states its subtotal;
//  - a grant listed under a topic whose own plan_topic, when set, names another topic.
// `failed`: what the loader left out; a reference to it is not reported as unknown.
void validate_plans(const Portal& portal, Diagnostics& diagnostics,
                    const LoadFailures& failed = {});

}  // namespace ashyq
