#pragma once
// The one place that knows every kind of page and its URL. Each kind has a row in kPageKinds (its
// name, template, navigation section, whether search engines index it, the URL segment it owns),
// a typed key with named fields, and a URL function. Every link the generator writes (views,
// downloads, search documents, feeds, sitemaps, exports) comes from here; a test greps the other
// sources for URL literals.
//
//   /                                          LanguageChoiceKey
//   /404.html                                  RootNotFoundKey
//   /<lang>/                                   HomeKey
//   /<lang>/404.html                           NotFoundKey
//   /<lang>/grants/[sort/<s>/][page/<n>/]      CatalogueKey{sort}
//   /<lang>/grants/<facet>/<value>/[page/<n>/] FacetValueKey{facet, value}
//   /<lang>/grants/<id>/                       GrantKey{grant}
//   /<lang>/subgrants/[page/<n>/]              SubgrantsKey
//   /<lang>/subgrants/region/<id>/[page/<n>/]  SubgrantsRegionKey{region}
//   /<lang>/subgrants/programme/<grant-id>/    SubgrantsProgrammeKey{grant}
//   /<lang>/organisations/[page/<n>/]          OrganisationsKey
//   /<lang>/organisations/<id>/                OrganisationKey{organisation}
//   /<lang>/regions/[<id>/]                    RegionsKey, RegionKey{region}
//   /<lang>/directions/                        DirectionsKey
//   /<lang>/plans/[<id>/]                      PlansKey, PlanKey{plan}
//   /<lang>/<name>/                            StaticPageKey{page}
//   /<lang>/media/[page/<n>/]                  MediaKey
//   /<lang>/media/<facet>/<value>/[page/<n>/]  MediaFacetValueKey{facet, value}
//   /<lang>/link-report/                       LinkReportKey (operators; noindex)
//   /<lang>/data/                              DataDictionaryKey
//   /<lang>/search/                            SearchKey
//   /<lang>/explore/                           ExploreKey
//
// Layer: above model (it reads ids and facet values), below views, export, search and site.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/lang.h"
#include "model/model.h"
#include "model/portal_index.h"
#include "validate/validator.h"

namespace ashyq::routes {

// The catalogue's orders: newest first (its first URL), by amount, by title.
enum class CatalogueSort { date, amount, title };
inline constexpr CatalogueSort kAllSorts[] = {CatalogueSort::date, CatalogueSort::amount,
                                              CatalogueSort::title};
// Its URL segment: "date", "amount", "title".
const char* sort_name(CatalogueSort sort);

// The kinds of page, in the order of PageKey::Target's alternatives and of kPageKinds' rows.
enum class PageKind {
  language_choice,
  root_not_found,
  home,
  not_found,
  catalogue,
  facet_value,
  grant,
  subgrants,
  subgrants_region,
  subgrants_programme,
  organisations,
  organisation,
  regions,
  region,
  directions,
  plans,
  plan,
  static_page,
  media,
  media_facet_value,
  link_report,
  data_dictionary,
  search,
  explore,
};
inline constexpr std::size_t kPageKindCount = static_cast<std::size_t>(PageKind::explore) + 1;

struct Listing;  // below: where a kind lists its pages

// What the generator knows of a kind of page.
struct PageKindInfo {
  PageKind kind;
  std::string_view name;           // "facet_value": timings and messages
  std::string_view template_name;  // its body's template ("facet"); "root" is a whole page
  std::string_view section;        // its navigation section ("grants"), "" for none
  std::string_view segment;        // the first URL segment under /<lang>/ it owns ("grants"), ""
  bool indexable;                  // search engines may index it (not the 404s, the link report)
  bool paginated;                  // lists its items page/<n>/ at a time
  // The tables whose rows a page of this kind lists, written beside it as CSV and JSON
  // (site/downloads.cpp), by their schemas' names, space-separated; a page has a file of each of
  // them it has rows in. "" for none.
  std::string_view downloads;
  // How its keys are listed: appends every page of the kind in the Listing's language.
  void (*list)(Listing& listing);
};
extern const std::array<PageKindInfo, kPageKindCount> kPageKinds;
const PageKindInfo& info(PageKind kind);
// The kind's name as written above ("facet_value").
std::string_view page_kind_name(PageKind kind);

// The navigation, in its order: the first page of each section (PageKindInfo::section).
inline constexpr PageKind kNavigation[] = {
    PageKind::catalogue, PageKind::explore, PageKind::subgrants, PageKind::organisations,
    PageKind::regions,   PageKind::plans,   PageKind::media,     PageKind::data_dictionary};

// Typed keys, one per kind. Positions are into Portal's vectors (grants, organisations, regions,
// plans, pages) or into the PortalIndex facet's values.
struct LanguageChoiceKey {};
struct RootNotFoundKey {};
struct HomeKey {};
struct NotFoundKey {};
struct CatalogueKey {
  CatalogueSort sort = CatalogueSort::date;
};
struct FacetValueKey {
  FacetKind facet;
  std::size_t value;  // position in PortalIndex::facet(facet).values
};
struct GrantKey {
  std::size_t grant;
};
struct SubgrantsKey {};
struct SubgrantsRegionKey {
  std::size_t region;
};
struct SubgrantsProgrammeKey {
  std::size_t grant;
};
struct OrganisationsKey {};
struct OrganisationKey {
  std::size_t organisation;
};
struct RegionsKey {};
struct RegionKey {
  std::size_t region;
};
struct DirectionsKey {};
struct PlansKey {};
struct PlanKey {
  std::size_t plan;
};
struct StaticPageKey {
  std::size_t page;
};
struct MediaKey {};
struct MediaFacetValueKey {
  MediaFacetKind facet;
  std::size_t value;  // position in PortalIndex::media_facet(facet).values
};
struct LinkReportKey {};
struct DataDictionaryKey {};
struct SearchKey {};
struct ExploreKey {};

// One page: which, in which language, and which page of a paginated list.
struct PageKey {
  using Target =
      std::variant<LanguageChoiceKey, RootNotFoundKey, HomeKey, NotFoundKey, CatalogueKey,
                   FacetValueKey, GrantKey, SubgrantsKey, SubgrantsRegionKey, SubgrantsProgrammeKey,
                   OrganisationsKey, OrganisationKey, RegionsKey, RegionKey, DirectionsKey,
                   PlansKey, PlanKey, StaticPageKey, MediaKey, MediaFacetValueKey, LinkReportKey,
                   DataDictionaryKey, SearchKey, ExploreKey>;
  Target target;
  Lang lang = Lang::kk;
  std::size_t page = 1;  // 1-based page of a paginated list

  PageKind kind() const { return static_cast<PageKind>(target.index()); }
  // The same page in another language.
  PageKey in(Lang other) const { return {target, other, page}; }
};
static_assert(std::variant_size_v<PageKey::Target> == kPageKindCount);

// What a kind's lister (PageKindInfo::list) reads and where it puts the pages of one language.
struct Listing {
  const Portal& portal;
  const PortalIndex& index;
  std::size_t page_size;
  Lang lang;
  std::vector<PageKey>& pages;

  void add(PageKey::Target target) { pages.push_back({std::move(target), lang}); }
  // Every page of a list of `items` items, in order.
  void add_paged(const PageKey::Target& target, std::size_t items);
};

// Every page of the portal, in the order the sitemap and the build's manifest list them: for each
// language, each kind's pages in the order of kPageKinds (the root pages only with the first
// language), as the kind's lister gives them.
std::vector<PageKey> list_pages(const Portal& portal, const PortalIndex& index,
                                std::size_t page_size);

// Number of pages for `items` items, at least 1 (an empty list still has its page).
std::size_t page_count(std::size_t items, std::size_t page_size);
// "/kk/grants/" for page 1, "/kk/grants/page/2/" after: `first` is the first page's URL.
std::string paged(const std::string& first, std::size_t page);

// A page's URL path ("/kk/grants/<id>/") and its output file ("kk/grants/<id>/index.html").
std::string url(const Portal& portal, const PortalIndex& index, const PageKey& key);
std::string output_path(const Portal& portal, const PortalIndex& index, const PageKey& key);

// Typed URLs of pages, first page of a list: what views and exports link to.
std::string home_url(Lang lang);
// The first page of a kind whose key has no fields and that owns a URL segment (a list such as
// PageKind::organisations, or data_dictionary, search, link_report): /<lang>/<segment>/.
std::string list_url(Lang lang, PageKind kind);
std::string static_page_url(std::string_view name, Lang lang);
std::string catalogue_url(Lang lang, CatalogueSort sort);
std::string facet_url(Lang lang, FacetKind facet, std::string_view value_key);
std::string url_of(const Grant& grant, Lang lang);
std::string programme_url(const Grant& grant, Lang lang);  // its sub-grant registry page
std::string url_of(const Organisation& organisation, Lang lang);
std::string url_of(const Region& region, Lang lang);
std::string region_subgrants_url(const Region& region, Lang lang);
std::string region_url(std::string_view region_id, Lang lang);
std::string organisation_url(std::string_view organisation_id, Lang lang);
std::string grant_url(std::string_view grant_id, Lang lang);
std::string url_of(const Plan& plan, Lang lang);
std::string url_of(const StaticPage& page, Lang lang);
std::string media_facet_url(Lang lang, MediaFacetKind facet, std::string_view value_key);

// Files beside the pages (paths relative to the output root, no leading slash).
std::string feed_path(Lang lang);                    // "kk/feed.xml"
std::string sitemap_path(std::size_t part);          // 0: "sitemap.xml"; n: "sitemap-<n>.xml"
std::string robots_path();                           // "robots.txt"
std::string asset_path(std::string_view file);       // "assets/<file>" (templates link /assets/)
std::string search_index_folder(Lang lang);          // "search/kk/"
std::string explore_data_folder(Lang lang);          // "explore/kk/": the explorer's data
std::string data_file_base(std::string_view table);  // "data/grants"
// The URL of a file of the output root: "/data/grants.csv" for "data/grants.csv".
std::string file_url(std::string_view path);
// What a file server answers (ashyq serve): the file a folder's URL stands for, and the not-found
// page of a language, or the root's for a path outside both.
std::string folder_index_file();                       // "index.html"
std::string not_found_path(std::optional<Lang> lang);  // "kk/404.html", or "404.html"
// A page's download file without its extension, the same in every language (the tables hold both
// languages' texts): "downloads/grants/<id>/grants" for table "grants" of /kk/grants/<id>/ and of
// /ru/grants/<id>/; a paginated list's files are its first page's.
std::string download_base(const Portal& portal, const PortalIndex& index, const PageKey& key,
                          std::string_view table);

// The absolute URL of a path: base_url + "kk/grants/…" (base_url ends with "/"; a path may start
// with "/" or not).
std::string absolute(const SiteConfig& config, std::string_view path);

// The names a record may not take because a URL of this table would shadow it, for validation:
// grant ids that are segments under /<lang>/grants/ (page, sort and the facets), organisation ids
// that are segments under /<lang>/organisations/ (page), and static page names that are a kind's
// segment, a file of /<lang>/ or the assets folder.
ReservedNames reserved_names();

}  // namespace ashyq::routes
