#include "routes/routes.h"

#include <algorithm>

#include "model/enum_names.h"

namespace ashyq::routes {
namespace {

// How each kind's pages are listed (PageKindInfo::list).
void list_root(Listing& l, PageKey::Target target) {
  if (l.lang == l.portal.config.languages.front()) l.add(std::move(target));
}
void list_language_choice(Listing& l) { list_root(l, LanguageChoiceKey{}); }
void list_root_not_found(Listing& l) { list_root(l, RootNotFoundKey{}); }
void list_home(Listing& l) { l.add(HomeKey{}); }
void list_not_found(Listing& l) { l.add(NotFoundKey{}); }
void list_catalogue(Listing& l) {
  for (CatalogueSort sort : kAllSorts) l.add_paged(CatalogueKey{sort}, l.portal.grants.size());
}
void list_facet_values(Listing& l) {
  for (FacetKind facet : kAllFacets) {
    const auto& values = l.index.facet(facet).values;
    for (std::size_t v = 0; v < values.size(); ++v)
      l.add_paged(FacetValueKey{facet, v}, values[v].grants.size());
  }
}
void list_grants(Listing& l) {
  for (std::size_t i = 0; i < l.portal.grants.size(); ++i) l.add(GrantKey{i});
}
void list_subgrants(Listing& l) { l.add_paged(SubgrantsKey{}, l.index.subgrants.size()); }
void list_subgrants_regions(Listing& l) {
  for (std::size_t i = 0; i < l.portal.regions.size(); ++i)
    l.add_paged(SubgrantsRegionKey{i}, l.index.region_subgrants[i].size());
}
void list_programmes(Listing& l) {
  for (std::size_t i = 0; i < l.portal.grants.size(); ++i)
    if (l.portal.grants[i].subgrants.present) l.add(SubgrantsProgrammeKey{i});
}
void list_organisations(Listing& l) {
  l.add_paged(OrganisationsKey{}, l.portal.organisations.size());
}
void list_organisation(Listing& l) {
  for (std::size_t i = 0; i < l.portal.organisations.size(); ++i) l.add(OrganisationKey{i});
}
void list_regions(Listing& l) { l.add(RegionsKey{}); }
void list_region(Listing& l) {
  for (std::size_t i = 0; i < l.portal.regions.size(); ++i) l.add(RegionKey{i});
}
void list_directions(Listing& l) { l.add(DirectionsKey{}); }
void list_plans(Listing& l) { l.add(PlansKey{}); }
void list_plan(Listing& l) {
  for (std::size_t i = 0; i < l.portal.plans.size(); ++i) l.add(PlanKey{i});
}
void list_static_pages(Listing& l) {
  for (std::size_t i = 0; i < l.portal.pages.size(); ++i) l.add(StaticPageKey{i});
}
void list_media(Listing& l) { l.add_paged(MediaKey{}, l.index.media.size()); }
void list_media_facet_values(Listing& l) {
  for (MediaFacetKind facet : kAllMediaFacets) {
    const auto& values = l.index.media_facet(facet).values;
    for (std::size_t v = 0; v < values.size(); ++v)
      l.add_paged(MediaFacetValueKey{facet, v}, values[v].links.size());
  }
}
void list_link_report(Listing& l) { l.add(LinkReportKey{}); }
void list_data_dictionary(Listing& l) { l.add(DataDictionaryKey{}); }
void list_search(Listing& l) { l.add(SearchKey{}); }
void list_explore(Listing& l) { l.add(ExploreKey{}); }

// Kinds with a first URL segment of their own under /<lang>/ share it with their list's kind.
// clang-format off
constexpr std::array<PageKindInfo, kPageKindCount> kTable = {{
  // kind                          name                   template               section          segment          index  paged  downloads (tables), lister
  {PageKind::language_choice,      "language_choice",     "root",                "",              "",              true,  false, "",                                                &list_language_choice},
  {PageKind::root_not_found,       "root_not_found",      "root",                "",              "",              false, false, "",                                                &list_root_not_found},
  {PageKind::home,                 "home",                "home",                "",              "",              true,  false, "",                                                &list_home},
  {PageKind::not_found,            "not_found",           "not_found",           "",              "404",           false, false, "",                                                &list_not_found},
  {PageKind::catalogue,            "catalogue",           "catalogue",           "grants",        "grants",        true,  true,  "",                                                &list_catalogue},
  {PageKind::facet_value,          "facet_value",         "facet",               "grants",        "grants",        true,  true,  "grants",                                          &list_facet_values},
  {PageKind::grant,                "grant",               "grant",               "grants",        "grants",        true,  false, "grants budget_lines indicators subgrants media",  &list_grants},
  {PageKind::subgrants,            "subgrants",           "subgrants",           "subgrants",     "subgrants",     true,  true,  "subgrants",                                       &list_subgrants},
  {PageKind::subgrants_region,     "subgrants_region",    "subgrants_region",    "subgrants",     "subgrants",     true,  true,  "subgrants",                                       &list_subgrants_regions},
  {PageKind::subgrants_programme,  "subgrants_programme", "subgrants_programme", "subgrants",     "subgrants",     true,  false, "subgrants",                                       &list_programmes},
  {PageKind::organisations,        "organisations",       "organisations",       "organisations", "organisations", true,  true,  "organisations",                                   &list_organisations},
  {PageKind::organisation,         "organisation",        "organisation",        "organisations", "organisations", true,  false, "organisations grants",                            &list_organisation},
  {PageKind::regions,              "regions",             "regions",             "regions",       "regions",       true,  false, "",                                                &list_regions},
  {PageKind::region,               "region",              "region",              "regions",       "regions",       true,  false, "grants subgrants",                                &list_region},
  {PageKind::directions,           "directions",          "directions",          "grants",        "directions",    true,  false, "",                                                &list_directions},
  {PageKind::plans,                "plans",               "plans",               "plans",         "plans",         true,  false, "",                                                &list_plans},
  {PageKind::plan,                 "plan",                "plan",                "plans",         "plans",         true,  false, "plan_topics",                                     &list_plan},
  {PageKind::static_page,          "static_page",         "page",                "",              "",              true,  false, "",                                                &list_static_pages},
  {PageKind::media,                "media",               "media",               "media",         "media",         true,  true,  "",                                                &list_media},
  {PageKind::media_facet_value,    "media_facet_value",   "media",               "media",         "media",         true,  true,  "",                                                &list_media_facet_values},
  {PageKind::link_report,          "link_report",         "link_report",         "",              "link-report",   false, false, "",                                                &list_link_report},
  {PageKind::data_dictionary,      "data_dictionary",     "data",                "data",          "data",          true,  false, "",                                                &list_data_dictionary},
  {PageKind::search,               "search",              "search",              "",              "search",        true,  false, "",                                                &list_search},
  {PageKind::explore,              "explore",             "explore",             "explore",       "explore",       true,  false, "",                                                &list_explore},
}};
// clang-format on

constexpr bool table_in_kind_order() {
  for (std::size_t i = 0; i < kTable.size(); ++i)
    if (static_cast<std::size_t>(kTable[i].kind) != i) return false;
  return true;
}
static_assert(table_in_kind_order(), "kPageKinds must list the kinds in PageKind order");

// Names a static page may not take besides the kinds' segments: the assets folder, and the file
// names of /<lang>/ (index.html, 404.html).
constexpr std::string_view kOtherReservedPageNames[] = {"assets", "index"};
// Segments under /<lang>/grants/ that are not facets.
constexpr std::string_view kCatalogueSegments[] = {"page", "sort"};
// Segments under /<lang>/organisations/ that are not organisations: its list is paginated.
constexpr std::string_view kOrganisationsSegments[] = {"page"};

// The folder of the pages' download files, beside the languages' folders.
constexpr std::string_view kDownloadsFolder = "downloads/";

// The not-found page's file, in the root and in each language's folder.
constexpr std::string_view kNotFoundFile = "404.html";

std::string lang_prefix(Lang lang) { return "/" + std::string(lang_code(lang)) + "/"; }

std::string in_section(Lang lang, std::string_view section, std::string_view rest) {
  std::string out = lang_prefix(lang);
  out += section;
  out += '/';
  if (!rest.empty()) {
    out += rest;
    out += '/';
  }
  return out;
}

// The URL of a key's first page, in `lang`, one overload per kind.
struct FirstPageUrl {
  const Portal& portal;
  const PortalIndex& index;
  Lang lang;

  std::string operator()(const LanguageChoiceKey&) const { return "/"; }
  std::string operator()(const RootNotFoundKey&) const { return "/" + std::string(kNotFoundFile); }
  std::string operator()(const HomeKey&) const { return home_url(lang); }
  std::string operator()(const NotFoundKey&) const {
    return lang_prefix(lang) + std::string(kNotFoundFile);
  }
  std::string operator()(const CatalogueKey& k) const { return catalogue_url(lang, k.sort); }
  std::string operator()(const FacetValueKey& k) const {
    return facet_url(lang, k.facet, index.facet(k.facet).values[k.value].key);
  }
  std::string operator()(const GrantKey& k) const { return url_of(portal.grants[k.grant], lang); }
  std::string operator()(const SubgrantsKey&) const { return list_url(lang, PageKind::subgrants); }
  std::string operator()(const SubgrantsRegionKey& k) const {
    return region_subgrants_url(portal.regions[k.region], lang);
  }
  std::string operator()(const SubgrantsProgrammeKey& k) const {
    return programme_url(portal.grants[k.grant], lang);
  }
  std::string operator()(const OrganisationsKey&) const {
    return list_url(lang, PageKind::organisations);
  }
  std::string operator()(const OrganisationKey& k) const {
    return url_of(portal.organisations[k.organisation], lang);
  }
  std::string operator()(const RegionsKey&) const { return list_url(lang, PageKind::regions); }
  std::string operator()(const RegionKey& k) const {
    return url_of(portal.regions[k.region], lang);
  }
  std::string operator()(const DirectionsKey&) const {
    return list_url(lang, PageKind::directions);
  }
  std::string operator()(const PlansKey&) const { return list_url(lang, PageKind::plans); }
  std::string operator()(const PlanKey& k) const { return url_of(portal.plans[k.plan], lang); }
  std::string operator()(const StaticPageKey& k) const {
    return url_of(portal.pages[k.page], lang);
  }
  std::string operator()(const MediaKey&) const { return list_url(lang, PageKind::media); }
  std::string operator()(const MediaFacetValueKey& k) const {
    return media_facet_url(lang, k.facet, index.media_facet(k.facet).values[k.value].key);
  }
  std::string operator()(const LinkReportKey&) const {
    return list_url(lang, PageKind::link_report);
  }
  std::string operator()(const DataDictionaryKey&) const {
    return list_url(lang, PageKind::data_dictionary);
  }
  std::string operator()(const SearchKey&) const { return list_url(lang, PageKind::search); }
  std::string operator()(const ExploreKey&) const { return list_url(lang, PageKind::explore); }
};

}  // namespace

const std::array<PageKindInfo, kPageKindCount> kPageKinds = kTable;

const PageKindInfo& info(PageKind kind) { return kPageKinds[static_cast<std::size_t>(kind)]; }

std::string_view page_kind_name(PageKind kind) { return info(kind).name; }

const char* sort_name(CatalogueSort sort) {
  switch (sort) {
    case CatalogueSort::date:
      return "date";
    case CatalogueSort::amount:
      return "amount";
    case CatalogueSort::title:
      return "title";
  }
  return "";
}

std::size_t page_count(std::size_t items, std::size_t page_size) {
  return items == 0 ? 1 : (items + page_size - 1) / page_size;
}

std::string paged(const std::string& first, std::size_t page) {
  return page <= 1 ? first : first + "page/" + std::to_string(page) + "/";
}

void Listing::add_paged(const PageKey::Target& target, std::size_t items) {
  for (std::size_t p = 1; p <= page_count(items, page_size); ++p)
    pages.push_back({target, lang, p});
}

std::vector<PageKey> list_pages(const Portal& portal, const PortalIndex& index,
                                std::size_t page_size) {
  std::vector<PageKey> pages;
  for (Lang lang : portal.config.languages) {
    Listing listing{portal, index, page_size, lang, pages};
    for (const PageKindInfo& kind : kPageKinds) kind.list(listing);
  }
  return pages;
}

std::string url(const Portal& portal, const PortalIndex& index, const PageKey& key) {
  const std::string first = std::visit(FirstPageUrl{portal, index, key.lang}, key.target);
  return info(key.kind()).paginated ? paged(first, key.page) : first;
}

std::string output_path(const Portal& portal, const PortalIndex& index, const PageKey& key) {
  const std::string path = url(portal, index, key).substr(1);
  return path.ends_with(".html") ? path : path + "index.html";
}

std::string home_url(Lang lang) { return lang_prefix(lang); }

std::string list_url(Lang lang, PageKind kind) { return in_section(lang, info(kind).segment, {}); }

std::string static_page_url(std::string_view name, Lang lang) { return in_section(lang, name, {}); }

std::string catalogue_url(Lang lang, CatalogueSort sort) {
  if (sort == CatalogueSort::date) return list_url(lang, PageKind::catalogue);
  return in_section(lang, info(PageKind::catalogue).segment,
                    std::string("sort/") + sort_name(sort));
}

std::string facet_url(Lang lang, FacetKind facet, std::string_view value_key) {
  return in_section(lang, info(PageKind::catalogue).segment,
                    std::string(facet_name(facet)) + "/" + std::string(value_key));
}

std::string grant_url(std::string_view grant_id, Lang lang) {
  return in_section(lang, info(PageKind::catalogue).segment, grant_id);
}
std::string url_of(const Grant& grant, Lang lang) { return grant_url(grant.id, lang); }

std::string programme_url(const Grant& grant, Lang lang) {
  return in_section(lang, info(PageKind::subgrants).segment, "programme/" + grant.id);
}

std::string organisation_url(std::string_view organisation_id, Lang lang) {
  return in_section(lang, info(PageKind::organisations).segment, organisation_id);
}
std::string url_of(const Organisation& organisation, Lang lang) {
  return organisation_url(organisation.id, lang);
}

std::string region_url(std::string_view region_id, Lang lang) {
  return in_section(lang, info(PageKind::regions).segment, region_id);
}
std::string url_of(const Region& region, Lang lang) { return region_url(region.id, lang); }

std::string region_subgrants_url(const Region& region, Lang lang) {
  return in_section(lang, info(PageKind::subgrants).segment, "region/" + region.id);
}

std::string url_of(const Plan& plan, Lang lang) {
  return in_section(lang, info(PageKind::plans).segment, plan.id);
}

std::string url_of(const StaticPage& page, Lang lang) { return static_page_url(page.name, lang); }

std::string media_facet_url(Lang lang, MediaFacetKind facet, std::string_view value_key) {
  return in_section(lang, info(PageKind::media).segment,
                    std::string(media_facet_name(facet)) + "/" + std::string(value_key));
}

std::string feed_path(Lang lang) { return std::string(lang_code(lang)) + "/feed.xml"; }

std::string sitemap_path(std::size_t part) {
  return part == 0 ? "sitemap.xml" : "sitemap-" + std::to_string(part) + ".xml";
}

std::string robots_path() { return "robots.txt"; }

std::string asset_path(std::string_view file) { return "assets/" + std::string(file); }

std::string search_index_folder(Lang lang) {
  return "search/" + std::string(lang_code(lang)) + "/";
}

std::string explore_data_folder(Lang lang) {
  return "explore/" + std::string(lang_code(lang)) + "/";
}

std::string data_file_base(std::string_view table) { return "data/" + std::string(table); }

std::string file_url(std::string_view path) { return "/" + std::string(path); }

std::string folder_index_file() { return "index.html"; }

std::string not_found_path(std::optional<Lang> lang) {
  return (lang ? lang_prefix(*lang).substr(1) : std::string()) + std::string(kNotFoundFile);
}

std::string download_base(const Portal& portal, const PortalIndex& index, const PageKey& key,
                          std::string_view table) {
  PageKey first = key;
  first.page = 1;  // a list's files are those of its first page
  // The tables hold both languages' texts, so a file serves every language's page: its path is
  // the page's URL without the language ("kk/grants/x/" → "downloads/grants/x/").
  const std::string page = url(portal, index, first);
  return std::string(kDownloadsFolder) + page.substr(lang_prefix(key.lang).size()) +
         std::string(table);
}

std::string absolute(const SiteConfig& config, std::string_view path) {
  if (path.starts_with('/')) path.remove_prefix(1);
  return config.base_url + std::string(path);
}

ReservedNames reserved_names() {
  ReservedNames out;
  out.grant_ids.assign(std::begin(kCatalogueSegments), std::end(kCatalogueSegments));
  for (FacetKind facet : kAllFacets) out.grant_ids.emplace_back(facet_name(facet));
  out.organisation_ids.assign(std::begin(kOrganisationsSegments), std::end(kOrganisationsSegments));
  for (const PageKindInfo& kind : kTable)
    if (!kind.segment.empty() && std::find(out.page_names.begin(), out.page_names.end(),
                                           kind.segment) == out.page_names.end())
      out.page_names.emplace_back(kind.segment);
  out.page_names.insert(out.page_names.end(), std::begin(kOtherReservedPageNames),
                        std::end(kOtherReservedPageNames));
  return out;
}

}  // namespace ashyq::routes
