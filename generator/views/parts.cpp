#include "views/parts.h"

#include <algorithm>

#include "i18n/collation.h"
#include "model/enum_names.h"
#include "routes/routes.h"

namespace ashyq::views {

std::string org_name(const ViewContext& ctx, const std::string& id) {
  const Organisation* org = ctx.portal.find_organisation(id);
  if (!org) return id;
  return ctx.plain(org->short_name.empty() ? org->name : org->short_name);
}

Figure money_figure(const ViewContext& ctx, const Sums& sums, MoneyKind kind,
                    const std::string& key) {
  const std::string name = money_kind_name(kind);
  if (sums.grants > 0 && sums.without_amount == sums.grants) return ctx.not_reported();
  std::string basis =
      ctx.t("basis." + name, {{"count", ctx.integer(sums.grants - sums.without_amount)}});
  if (sums.without_amount)
    basis += "; " + ctx.t("basis.without_amount", {{"count", ctx.integer(sums.without_amount)}});
  return ctx.computed_money(sums.amount, std::move(basis), key.empty() ? key : key + "/" + name);
}

std::string facet_key(FacetKind kind, const std::string& value) {
  return std::string(facet_name(kind)) + "/" + value;
}

std::vector<std::size_t> order_by_label(const ViewContext& ctx,
                                        const std::vector<std::string>& labels) {
  std::vector<std::string> keys;
  for (const std::string& label : labels) keys.push_back(i18n::collation_key(label, ctx.lang));
  std::vector<std::size_t> order(labels.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
  return order;
}

PaginationView pagination_view(const std::string& base, std::size_t page, std::size_t items,
                               std::size_t page_size) {
  const std::size_t pages = routes::page_count(items, page_size);
  PaginationView out;
  // The first and last pages and kPaginationWindow pages either side of the current one, a gap
  // for the rest; a gap of one page shows that page instead. Linking every page made each page of
  // a long list grow with the list (the sub-grant registry of 10 000 grants had 1 700 pages, each
  // linking all of them), so the site grew with the square of its size.
  std::vector<std::size_t> shown = {1, pages};
  for (std::size_t p = page > kPaginationWindow ? page - kPaginationWindow : 1;
       p <= std::min(pages, page + kPaginationWindow); ++p)
    shown.push_back(p);
  std::sort(shown.begin(), shown.end());
  shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
  auto link = [&](std::size_t p) {
    out.pages.push_back({std::to_string(p), routes::paged(base, p), p == page, false});
  };
  if (pages > 1) {
    for (std::size_t i = 0; i < shown.size(); ++i) {
      if (i > 0 && shown[i] == shown[i - 1] + 2) link(shown[i] - 1);
      if (i > 0 && shown[i] > shown[i - 1] + 2) out.pages.push_back({{}, {}, false, true});
      link(shown[i]);
    }
  }
  if (page > 1) out.prev = routes::paged(base, page - 1);
  if (page < pages) out.next = routes::paged(base, page + 1);
  out.first_item = std::to_string(items == 0 ? 0 : (page - 1) * page_size + 1);
  out.last_item = std::to_string(std::min(items, page * page_size));
  out.total = std::to_string(items);
  return out;
}

std::string facet_value_label(const ViewContext& ctx, FacetKind kind, const std::string& key) {
  const Portal& portal = ctx.portal;
  if (key == kNotReportedKey) return ctx.t(std::string("not_reported.") + facet_name(kind));
  switch (kind) {
    case FacetKind::year:
      return key;
    case FacetKind::region:
      if (const Region* r = portal.find_region(key)) return ctx.plain(r->name);
      return key;
    case FacetKind::direction:
      if (const Direction* d = portal.find_direction(key)) return ctx.plain(d->name);
      return key;
    case FacetKind::status:
      return ctx.t("status." + key);
    case FacetKind::operator_:
    case FacetKind::grantee:
      return org_name(ctx, key);
  }
  return key;
}

}  // namespace ashyq::views
