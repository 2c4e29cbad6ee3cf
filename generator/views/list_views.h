#pragma once
// Views of the list pages: catalogue with facets and pagination, sub-grant registry, organisations,
// regions and home. Each returns the body's view; the site layout wraps it.
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/portal_index.h"
#include "routes/routes.h"
#include "views/view_context.h"

namespace ashyq::views {

// The grants catalogue, sorted, one page of it.
nlohmann::json catalogue_view(const ViewContext& ctx, const PortalIndex& index,
                              routes::CatalogueSort sort, std::size_t page, std::size_t page_size);
// One facet value's page: its grants (newest first), count and total.
nlohmann::json facet_value_view(const ViewContext& ctx, const PortalIndex& index, FacetKind kind,
                                std::size_t value, std::size_t page, std::size_t page_size);
// One page of the sub-grant registry: its sub-grants, the pagination, the count and amount.
nlohmann::json subgrants_view(const ViewContext& ctx, const PortalIndex& index, std::size_t page,
                              std::size_t page_size);
// What the registry's first page shows above its list (templates/subgrants_summary): the count
// and amount, whether any programme is reconciled (`has_programmes`) and the sums by region. The
// reconciliation of every programme, one row each, is programme_rows_view's: it grows with the
// portal (80 000 programmes at N = 100 000), so it is made and rendered a slice at a time.
nlohmann::json subgrants_summary_view(const ViewContext& ctx, const PortalIndex& index);
// {programmes: rows} for the sub-grant programmes of grants [from, to) of Portal::grants, in that
// order (templates/subgrants_programmes).
nlohmann::json programme_rows_view(const ViewContext& ctx, std::size_t from, std::size_t to);
nlohmann::json subgrants_region_view(const ViewContext& ctx, const PortalIndex& index,
                                     std::size_t region, std::size_t page, std::size_t page_size);
nlohmann::json subgrants_programme_view(const ViewContext& ctx, const PortalIndex& index,
                                        std::size_t grant);

// The grants an organisation (its position in Portal::organisations) takes part in, by role
// ("grantee", "operator", "partner", in that order), each list newest first as on its page.
struct RoleGrants {
  const char* role;
  std::vector<std::size_t> grants;  // indices into Portal::grants
};
std::vector<RoleGrants> grants_by_role(const PortalIndex& index, std::size_t organisation);

nlohmann::json organisations_view(const ViewContext& ctx, const PortalIndex& index);
// An organisation's page; of each role's grants it lists the newest `shown`.
nlohmann::json organisation_view(const ViewContext& ctx, const PortalIndex& index, std::size_t org,
                                 std::size_t shown);
nlohmann::json regions_view(const ViewContext& ctx, const PortalIndex& index);
// /<lang>/directions/: each priority direction with its grants' count and totals, the grants that
// name none as a row of their own, and the portal's totals, which the rows add up to (a grant has
// one direction at most).
nlohmann::json directions_view(const ViewContext& ctx, const PortalIndex& index);
// A region's page; of its grants and sub-grants it lists the newest `shown`.
nlohmann::json region_view(const ViewContext& ctx, const PortalIndex& index, std::size_t region,
                           std::size_t shown);
// Completed grants, newest final report first (the report's date, else the end of the actual
// period, else the grant's own date; ties keep id order), at most `limit`. Home and the feeds.
std::vector<std::size_t> latest_final_reports(const Portal& portal, std::size_t limit);
// The day (as PartialDate::latest) that orders final reports.
int final_report_day(const Grant& grant);

nlohmann::json home_view(const ViewContext& ctx, const PortalIndex& index);

}  // namespace ashyq::views
