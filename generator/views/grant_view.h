#pragma once
// The grant page's view: everything one grant page shows, in one language, already formatted.
#include <nlohmann/json.hpp>

#include "views/view_context.h"

namespace ashyq::views {

nlohmann::json grant_view(const ViewContext& ctx, const Grant& grant);

// One row of a grant list (catalogue, home, organisation page).
nlohmann::json grant_summary(const ViewContext& ctx, const Grant& grant);

// One sub-grant as a table row. A private person's or initiative group's name is published only
// with consent (an NGO's always); otherwise `name` is null and kind and locality stand in.
nlohmann::json subgrant_row(const ViewContext& ctx, const Subgrant& subgrant);

}  // namespace ashyq::views
