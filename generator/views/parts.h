#pragma once
// Pieces that several views share: pagination, the totals of a set of grants and the facets
// sidebar as templates show them, alphabetical order, facet value labels, organisation names. The
// page views (grant, media, lists) build on these and not on each other's files, so views/ has no
// include loop.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "model/portal_index.h"
#include "views/view_context.h"

namespace ashyq::views {

// How many pages either side of the current one the pagination links.
inline constexpr std::size_t kPaginationWindow = 2;

// An entry of templates/_pagination.mustache's page list: a page's link, or a gap where pages are
// left out.
struct PageLinkView {
  std::string number;  // empty for a gap
  std::string url;     // empty for a gap
  bool current = false;
  bool gap = false;

  template <class F>
  void fields(F& f) const {
    f("number", number);
    f("url", url);
    f("current", current);
    f("gap", gap);
  }
};

// templates/_pagination.mustache: a list's pages and the items this one shows.
struct PaginationView {
  // The first and last pages and those within kPaginationWindow of the current one, in order,
  // with a gap entry where pages are left out; empty for a list of one page.
  std::vector<PageLinkView> pages;
  std::optional<std::string> prev;  // the previous page's URL; none on the first
  std::optional<std::string> next;  // the next page's URL; none on the last
  std::string first_item;           // "491" of "491–500 / 1000"
  std::string last_item;
  std::string total;

  template <class F>
  void fields(F& f) const {
    f("pages", pages);
    f("prev", prev);
    f("next", next);
    f("first_item", first_item);
    f("last_item", last_item);
    f("total", total);
  }
};
PaginationView pagination_view(const std::string& base, std::size_t page, std::size_t items,
                               std::size_t page_size);

// One kind of money in templates/_totals.mustache's strip, and in a facet value's line.
struct TotalKindView {
  std::string label;  // "Присуждено"
  Figure amount;
  std::string count;  // how many grants have this kind of money

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("amount", amount);
    f("count", count);
  }
};

// templates/_totals.mustache, _totals_cells and _totals_whole: the totals of a set of grants.
struct TotalsView {
  Figure grants;
  Figure awarded;
  Figure applied;
  Figure planned;
  // Awarded money always, the other kinds when some grant has them.
  std::vector<TotalKindView> kinds;

  template <class F>
  void fields(F& f) const {
    f("grants", grants);
    f("awarded", awarded);
    f("applied", applied);
    f("planned", planned);
    f("kinds", kinds);
  }
};

// A link with its text: "all N organisations", "all directions".
struct LabelledLinkView {
  std::string label;
  std::string url;

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("url", url);
  }
};

// A link marked when it leads to the page shown: a sort order of the catalogue, an entry of the
// layout's menus (the navigation, the footer's pages).
struct CurrentLinkView {
  std::string label;
  std::string url;
  bool current = false;

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("url", url);
    f("current", current);
  }
};

// A value of a facet in templates/_facets.mustache.
struct FacetValueView {
  std::string label;
  std::string url;
  bool current = false;
  std::optional<TotalsView> totals;  // a grant facet's value: its grants' totals
  std::optional<Figure> count;       // a media facet's value: its number of links

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("url", url);
    f("current", current);
    f("totals", totals);
    f("count", count);
  }
};

// A facet in templates/_facets.mustache.
struct FacetView {
  std::string label;  // "Год"
  std::vector<FacetValueView> values;
  std::optional<LabelledLinkView> more;  // the full list, when `values` shows some of them
  std::optional<std::string> note;

  template <class F>
  void fields(F& f) const {
    f("label", label);
    f("values", values);
    f("more", more);
    f("note", note);
  }
};

// The indices 0…labels.size()-1 in the alphabetical order of `labels` in the page's language (ICU
// collation), equal labels in their given order.
std::vector<std::size_t> order_by_label(const ViewContext& ctx,
                                        const std::vector<std::string>& labels);
// The label of a facet value in the page's language (a region's name, a year, a status...).
std::string facet_value_label(const ViewContext& ctx, FacetKind kind, const std::string& key);

// One kind of money of a set of grants as a computed figure: the sum of the published amounts,
// saying how many grants it sums; "not reported" when none of its grants has a published amount
// (0 ₸ would read as a figure the documents never gave). `key` names the total across pages
// (key + "/" + the kind's name); empty for a figure no other page shows.
Figure money_figure(const ViewContext& ctx, const Sums& sums, MoneyKind kind,
                    const std::string& key);
// The key of a facet value's totals across pages: "region/mangystau".
std::string facet_key(FacetKind kind, const std::string& value);

// An organisation's short name (its name when it has none) in the page's language; the id when
// the portal has no such organisation.
std::string org_name(const ViewContext& ctx, const std::string& id);

}  // namespace ashyq::views
