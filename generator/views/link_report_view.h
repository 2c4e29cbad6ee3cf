#pragma once
// The operators' link report (/<lang>/link-report/): from link-cache.json, every link of the
// content whose last check found it broken or unreachable, grouped by the grant, organisation or
// page that holds it, with every place it appears and since when. Not in the navigation, and
// closed to search engines (see pages.cpp and robots_txt).
#include <nlohmann/json.hpp>

#include "views/view_context.h"

namespace ashyq::views {

// {checked: false} when the site has no link-cache.json; otherwise {checked: true, counts,
// groups: [{anchor, owner, name, url, links: [{href, class, class_label, status, since,
// checked_at, places: [{field, file, line}]}]}]}, groups in content order (grants by id,
// organisations, pages), links by first appearance.
nlohmann::json link_report_view(const ViewContext& ctx);

}  // namespace ashyq::views
