#pragma once
// Reads link-cache.json (its form: links/link_cache.h, which writes it) into the model, so that the
// loader needs nothing from links/.
#include <nlohmann/json.hpp>

#include "content/json_decoder.h"
#include "model/model.h"

namespace ashyq {

// Decodes the parsed file. Problems (an unknown member, a missing url, status or checked_at, a
// status the checker does not give, a malformed timestamp, a URL listed twice) are errors at their
// place through `decoder`; the entries that could be read are returned.
LinkCache decode_link_cache(JsonDecoder& decoder, const nlohmann::json& root);

}  // namespace ashyq
