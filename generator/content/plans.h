#pragma once
// An operator's grant plan (content/plans/<id>.json), such as the ministry's additional grant plan
// for 2022 (seed 002): priority directions, the planned topics with goal, tasks, period, territory,
// allocated amount and expected results, direction subtotals and the grand total. Amounts the
// document does not give are null and stay absent; they are never derived.
#include <nlohmann/json.hpp>

#include "content/json_decoder.h"
#include "model/model.h"

namespace ashyq {

Plan decode_plan(JsonDecoder& decoder, const nlohmann::json& root);

}  // namespace ashyq
