#pragma once
// Pieces that several views share: pagination, alphabetical order, facet value labels and links,
// organisation names. The page views (grant, media, lists) build on these and not on each other's
// files, so views/ has no include loop.
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/portal_index.h"
#include "views/view_context.h"

namespace ashyq::views {

// How many pages either side of the current one the pagination links.
inline constexpr std::size_t kPaginationWindow = 2;
// {pages: [{number, url, current, gap}], prev, next, first_item, last_item, total}. `pages` holds
// the first and last pages and those within kPaginationWindow of `page`, in order, with an entry
// {gap: true} where pages are left out; empty for a list of one page.
nlohmann::json pagination_view(const std::string& base, std::size_t page, std::size_t items,
                               std::size_t page_size);

// The indices 0…labels.size()-1 in the alphabetical order of `labels` in the page's language (ICU
// collation), equal labels in their given order.
std::vector<std::size_t> order_by_label(const ViewContext& ctx,
                                        const std::vector<std::string>& labels);
// The label of a facet value in the page's language (a region's name, a year, a status...).
std::string facet_value_label(const ViewContext& ctx, FacetKind kind, const std::string& key);

// An organisation's short name (its name when it has none) in the page's language; the id when
// the portal has no such organisation.
std::string org_name(const ViewContext& ctx, const std::string& id);

}  // namespace ashyq::views
