#pragma once
// The plan pages' views: one operator's grant plan (/<lang>/plans/<id>/) and the list of plans
// (/<lang>/plans/), in one language, already formatted.
//
// Amounts are shown as the document states them: a topic amount, direction subtotal or total the
// document does not give is null (the page says "not published") and is never derived from other
// figures. Against each planned figure stands what has been awarded: the sum of the amounts of the
// topic's grants that are in progress or completed (planned grants and applications are not
// awarded). The difference, awarded − planned, is given only where the planned figure is.
#include <nlohmann/json.hpp>

#include "views/view_context.h"

namespace ashyq::views {

nlohmann::json plan_view(const ViewContext& ctx, const Plan& plan);

// {"plans": [{id, url, year, title, operator, total}]}, newest year first, then by id.
nlohmann::json plans_index_view(const ViewContext& ctx);

}  // namespace ashyq::views
