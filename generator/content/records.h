#pragma once
// Decoding of the content's JSON records into model structs. Shape problems are reported into the
// decoder; the returned struct holds whatever could be read.
#include <nlohmann/json.hpp>

#include "content/json_decoder.h"
#include "model/model.h"

namespace ashyq {

Grant decode_grant(JsonDecoder& decoder, const nlohmann::json& root);
Organisation decode_organisation(JsonDecoder& decoder, const nlohmann::json& root);
std::vector<Region> decode_regions(JsonDecoder& decoder, const nlohmann::json& root);
std::vector<Direction> decode_directions(JsonDecoder& decoder, const nlohmann::json& root);

}  // namespace ashyq
