#include "site/pages.h"

#include <algorithm>
#include <optional>

#include "core/short_text.h"
#include "search/index_writer.h"
#include "site/discovery.h"
#include "site/downloads.h"
#include "views/grant_view.h"
#include "views/link_report_view.h"
#include "views/list_views.h"
#include "views/media_view.h"
#include "views/page_view.h"
#include "views/plan_view.h"
#include "views/tile_map.h"
#include "views/view_context.h"

namespace ashyq::site {
namespace {

// A page's meta description: search engines show about this many bytes (of Cyrillic, ~100
// letters).
constexpr std::size_t kDescriptionBytes = 200;

using nlohmann::json;

// The page in another language of the site, for the <head> and the language switch.
struct AlternateView {
  std::string hreflang;
  std::string href;  // absolute, for the <head>
  std::string url;   // for the switch
  bool current = false;
  std::string label;  // the language's name in that language

  template <class F>
  void fields(F& f) const {
    f("hreflang", hreflang);
    f("href", href);
    f("url", url);
    f("current", current);
    f("label", label);
  }
};

// templates/base.mustache: the layout around every page's body, with the page's <head>.
struct LayoutView {
  std::string lang;
  std::string title;  // the <title>: the page's, then the site's, except on the home page
  std::string site_title;
  std::string page_title;
  std::string description;  // the page's own, else the site's
  std::string canonical;
  std::vector<AlternateView> alternates;
  std::string x_default;
  std::string robots;  // empty: search engines may index the page and follow its links
  std::string og_type;
  std::string og_locale;
  std::vector<std::string> og_locale_alternates;
  std::string feed_title;
  std::string feed_url;
  std::string json_ld;  // structured data for the <head>; empty for none
  // The click-to-play script only where a YouTube video offers it; no page needs it to work.
  bool media_script = false;
  bool search_script = false;   // the search page's
  bool explore_script = false;  // the explorer's
  // The search form in the header, on every page but the search page, whose form is its body.
  bool header_search = false;
  std::string home_url;
  std::string search_url;
  std::vector<views::CurrentLinkView> nav;
  std::vector<views::LabelledLinkView>
      breadcrumbs;   // "home", then the page's own; none when it gives none
  std::string body;  // the page's body, rendered
  std::vector<DownloadView> downloads;
  std::string data_url;
  std::vector<views::CurrentLinkView> footer_pages;
  std::string as_of;

  template <class F>
  void fields(F& f) const {
    f("lang", lang);
    f("title", title);
    f("site_title", site_title);
    f("page_title", page_title);
    f("description", description);
    f("canonical", canonical);
    f("alternates", alternates);
    f("x_default", x_default);
    f("robots", robots);
    f("og_type", og_type);
    f("og_locale", og_locale);
    f("og_locale_alternates", og_locale_alternates);
    f("feed_title", feed_title);
    f("feed_url", feed_url);
    f("json_ld", json_ld);
    f("media_script", media_script);
    f("search_script", search_script);
    f("explore_script", explore_script);
    f("header_search", header_search);
    f("home_url", home_url);
    f("search_url", search_url);
    f("nav", nav);
    f("breadcrumbs", breadcrumbs);
    f("body", body);
    f("downloads", downloads);
    f("data_url", data_url);
    f("footer_pages", footer_pages);
    f("as_of", as_of);
  }
};

// A step of the breadcrumbs.
views::LabelledLinkView crumb(const std::string& label, const std::string& url) {
  return {label, url};
}
using Crumbs = std::vector<views::LabelledLinkView>;

// What a page may add to the layout's <head>: its own description and structured data.
struct HeadExtras {
  std::string description;  // empty: the site's description
  std::string json_ld;      // empty: none
};

// A page's body inside the layout: its view, title, breadcrumbs after "home", and head extras.
struct PageView {
  PageView() = default;
  // A typed body view (render/view_data.h).
  template <render::detail::View View>
  PageView(const View& body, std::string title, Crumbs breadcrumbs = {}, HeadExtras head = {},
           bool media_script = false)
      : media_script(media_script),
        body(render::to_view_data(body)),
        title(std::move(title)),
        breadcrumbs(std::move(breadcrumbs)),
        head(std::move(head)) {}

  // The click-to-play script only where a YouTube video offers it; no page needs it to work.
  bool media_script = false;
  render::ViewData body;
  std::string title;
  Crumbs breadcrumbs;
  HeadExtras head = {};
};

// The language's UI strings prepared for the templates: the shared ones, or made here.
const render::PreparedStrings& page_strings(const SiteContext& site, Lang lang,
                                            std::optional<render::PreparedStrings>& local) {
  if (site.shared) return site.shared->ui[static_cast<std::size_t>(lang)];
  local = site.renderer.prepare_strings(site.strings.all(lang));
  return *local;
}

// The layout around page `key` of `page`, its body rendered as `body`.
LayoutView layout_view(const SiteContext& site, const views::ViewContext& ctx, const PageKey& key,
                       const PageView& page, std::string body) {
  const Portal& portal = site.portal;
  LayoutView v;
  v.lang = std::string(lang_code(ctx.lang));
  v.site_title = ctx.plain(portal.config.title);
  v.page_title = page.title;
  v.title = key.kind() == PageKind::home ? page.title : page.title + " — " + v.site_title;
  v.description =
      page.head.description.empty() ? ctx.plain(portal.config.description) : page.head.description;
  v.home_url = routes::home_url(ctx.lang);
  const std::string url = page_url(site, key);
  v.canonical = routes::absolute(portal.config, url);
  for (Lang lang : portal.config.languages) {
    const std::string alt = page_url(site, key.in(lang));
    v.alternates.push_back({std::string(lang_code(lang)), routes::absolute(portal.config, alt), alt,
                            lang == ctx.lang, site.strings.get(lang, "language.name")});
  }
  // Search engines skip what is not content: the not-found page, and the operators' link report
  // (whose links they must not follow either).
  if (!routes::info(key.kind()).indexable)
    v.robots = key.kind() == PageKind::link_report ? "noindex, nofollow" : "noindex";
  v.og_type = key.kind() == PageKind::grant ? "article" : "website";
  // Open Graph: locales are language_TERRITORY.
  auto og_locale = [](Lang lang) { return lang == Lang::kk ? "kk_KZ" : "ru_RU"; };
  v.og_locale = og_locale(ctx.lang);
  for (Lang lang : portal.config.languages)
    if (lang != ctx.lang) v.og_locale_alternates.push_back(og_locale(lang));
  v.feed_url = "/" + routes::feed_path(ctx.lang);
  v.feed_title = ctx.plain(portal.config.title) + " — " + ctx.t("feed.title");
  v.x_default =
      routes::absolute(portal.config, page_url(site, key.in(portal.config.languages.front())));
  v.json_ld = page.head.json_ld;
  v.media_script = page.media_script;
  v.search_script = key.kind() == PageKind::search;
  v.explore_script = key.kind() == PageKind::explore;
  v.header_search = !v.search_script;
  const std::string_view section = routes::info(key.kind()).section;
  for (PageKind kind : routes::kNavigation) {
    const std::string_view s = routes::info(kind).section;
    v.nav.push_back(
        {ctx.t("nav." + std::string(s)), routes::list_url(ctx.lang, kind), section == s});
  }
  for (std::size_t i = 0; i < portal.pages.size(); ++i) {
    const StaticPage& p = portal.pages[i];
    const Narrative& n = p.narratives[static_cast<int>(ctx.lang)].present
                             ? p.narratives[static_cast<int>(ctx.lang)]
                             : p.narratives[static_cast<int>(other_lang(ctx.lang))];
    const auto* shown = std::get_if<routes::StaticPageKey>(&key.target);
    v.footer_pages.push_back({n.title.empty() ? p.name : n.title, routes::url_of(p, ctx.lang),
                              shown && shown->page == i});
  }
  // The date the data are current to, on every page (site.toml `as_of`).
  v.as_of = portal.config.as_of ? ctx.t("footer.as_of", {{"date", ctx.date(*portal.config.as_of)}})
                                : ctx.t("footer.as_of_not_stated");
  if (!page.breadcrumbs.empty())
    v.breadcrumbs.push_back({ctx.t("nav.home"), routes::home_url(ctx.lang)});
  v.breadcrumbs.insert(v.breadcrumbs.end(), page.breadcrumbs.begin(), page.breadcrumbs.end());
  v.body = std::move(body);
  v.downloads = page_downloads_view(site, ctx, key);
  v.data_url = routes::list_url(ctx.lang, PageKind::data_dictionary);
  v.search_url = routes::list_url(ctx.lang, PageKind::search);
  return v;
}

Result<std::string> render_in_layout(const SiteContext& site, const views::ViewContext& ctx,
                                     const PageKey& key, const std::string& template_name,
                                     const PageView& page) {
  std::optional<render::PreparedStrings> local;
  const render::PreparedStrings& ui = page_strings(site, ctx.lang, local);
  Result<std::string> html = site.renderer.render(template_name, page.body, &ui);
  if (!html.ok()) return html.status();
  return site.renderer.render(
      "base", render::to_view_data(layout_view(site, ctx, key, page, std::move(html).value())),
      &ui);
}

// The registry's inconsistent programmes and totals by region: printed on every one of its pages,
// they made the registry's output grow with the square of the number of grants (5 MB a page at
// N = 10 000, when every programme had a row). Later pages keep the totals and link to the first
// page, where the tables are.
views::SubgrantsSummaryView registry_summary_on_later_page(const views::ViewContext& ctx,
                                                           views::SubgrantsSummaryView summary) {
  views::SubgrantsSummaryView later;
  later.count = std::move(summary.count);
  later.amount = std::move(summary.amount);
  later.later_page = true;
  later.first_page_url = routes::list_url(ctx.lang, PageKind::subgrants);
  return later;
}

// The host of an absolute http(s) URL: "https://ashyq.example/kk/" → "ashyq.example".
std::string url_host(const std::string& url) {
  const std::size_t start = url.find("://");
  if (start == std::string::npos) return {};
  const std::size_t end = url.find_first_of("/:?#", start + 3);
  return url.substr(start + 3, end == std::string::npos ? std::string::npos : end - start - 3);
}

// The search form's hidden field that restricts a web search to the portal's host.
struct SearchFallbackView {
  std::string param;
  std::string host;

  template <class F>
  void fields(F& f) const {
    f("param", param);
    f("host", host);
  }
};

// templates/search.mustache. Without scripts its form is all there is: with a [search] fallback it
// sends the query to that web search, restricted to the portal's host; without one it stays here
// and the <noscript> text points to the catalogues. search.js switches the form to the local index.
struct SearchView {
  std::string lang;
  std::string self_url;
  std::string index_url;
  std::string action;
  std::optional<SearchFallbackView> fallback;
  std::string noscript;
  std::string strings;  // the script's strings as a JSON object: every search.* key, unprefixed
  std::vector<views::LabelledLinkView> catalogues;
  // The other language's search page, offered by the script for a query that finds nothing here
  // or (on a Russian page) is written with Kazakh letters; empty on a one-language portal.
  std::string other_url;
  std::string other_lang;

  template <class F>
  void fields(F& f) const {
    f("lang", lang);
    f("other_url", other_url);
    f("other_lang", other_lang);
    f("self_url", self_url);
    f("index_url", index_url);
    f("action", action);
    f("fallback", fallback);
    f("noscript", noscript);
    f("strings", strings);
    f("catalogues", catalogues);
  }
};

SearchView search_view(const SiteContext& site, const views::ViewContext& ctx) {
  const SearchSettings& settings = site.portal.config.search;
  const bool fallback = !settings.fallback_action.empty();
  SearchView v;
  v.lang = std::string(lang_code(ctx.lang));
  v.self_url = routes::list_url(ctx.lang, PageKind::search);
  v.index_url = search::index_url(ctx.lang);
  for (Lang other : site.portal.config.languages)
    if (other != ctx.lang && v.other_url.empty()) {
      v.other_url = routes::list_url(other, PageKind::search);
      v.other_lang = std::string(lang_code(other));
    }
  v.action = fallback ? settings.fallback_action : v.self_url;
  if (fallback)
    v.fallback =
        SearchFallbackView{settings.fallback_site_param, url_host(site.portal.config.base_url)};
  v.noscript = ctx.t(fallback ? "search.noscript_fallback" : "search.noscript");
  if (const std::size_t at = v.noscript.find("{engine}"); at != std::string::npos)
    v.noscript.replace(at, 8, url_host(settings.fallback_action));
  json strings = json::object();
  for (const auto& [k, text] : site.strings.all(ctx.lang))
    if (k.starts_with("search.")) strings[k.substr(7)] = text;
  v.strings = strings.dump();
  for (PageKind kind :
       {PageKind::catalogue, PageKind::subgrants, PageKind::organisations, PageKind::regions})
    v.catalogues.push_back({ctx.t("nav." + std::string(routes::info(kind).section)),
                            routes::list_url(ctx.lang, kind)});
  return v;
}

// templates/explore.mustache. Without scripts it is the static facet pages' lists, as the
// catalogue's sidebar gives them; assets/explore/explore.js shows the filters, totals, charts and
// tables over the data of explore/<lang>/ (explore/explore_data.h) instead.
struct ExploreView {
  std::string lang;
  std::string data_url;  // the folder of meta.json and the chunks
  std::string strings;   // the script's strings as a JSON object, by their full keys
  std::vector<views::FacetView> facets;
  // The tile map and the money by year and status of every grant, made as the home page's but
  // without its data-total keys: the script reshades the map's tiles in place and redraws the
  // rest for the grants the filters leave (hidden, as the whole app, without scripts).
  views::MapView map;
  views::MoneyTimeView money_time;
  std::string swatch;  // a legend swatch the script copies (views/tile_map.h swatch_svg)

  template <class F>
  void fields(F& f) const {
    f("lang", lang);
    f("data_url", data_url);
    f("strings", strings);
    f("facets", facets);
    f("map", map);
    f("money_time", money_time);
    f("swatch", swatch);
  }
};

ExploreView explore_view(const SiteContext& site, const views::ViewContext& ctx) {
  ExploreView v;
  v.lang = std::string(lang_code(ctx.lang));
  v.data_url = routes::file_url(routes::explore_data_folder(ctx.lang));
  // What the script says: its own strings, and the figures' words as the pages say them.
  json strings = json::object();
  for (const auto& [k, text] : site.strings.all(ctx.lang))
    for (const char* prefix : {"explore.", "basis.", "total.", "figure.", "facet.", "download.",
                               "map.", "not_reported."})
      if (k.starts_with(prefix)) strings[k] = text;
  v.strings = strings.dump();
  v.facets = views::facets_view(ctx, site.index, FacetKind::year, "");
  v.map =
      views::map_view(ctx, views::portal_map_data(site.index, site.portal), std::nullopt, false);
  std::vector<std::size_t> all(site.portal.grants.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  v.money_time = views::money_time_view(ctx, all, site.index, false);
  v.swatch = views::swatch_svg(views::kNoShadeFill);
  return v;
}

}  // namespace

Result<std::string> registry_summary(const SiteContext& site, const views::ViewContext& ctx,
                                     const render::PreparedStrings& ui) {
  return site.renderer.render(
      "subgrants_summary",
      render::to_view_data(views::subgrants_summary_view(ctx, site.index, site.page_size)), &ui);
}

Result<SharedParts> prepare_shared_parts(const SiteContext& site) {
  SharedParts parts;
  for (Lang lang : kAllLangs)
    parts.ui.push_back(site.renderer.prepare_strings(site.strings.all(lang)));
  parts.registry_summary_later.resize(kAllLangs.size());
  for (Lang lang : site.portal.config.languages) {
    const views::ViewContext ctx{site.portal, site.strings, lang};
    const auto l = static_cast<std::size_t>(lang);
    Result<std::string> later =
        site.renderer.render("subgrants_summary",
                             render::to_view_data(registry_summary_on_later_page(
                                 ctx, views::subgrants_summary_view(ctx, site.index, 0))),
                             &parts.ui[l]);
    if (!later.ok()) return later.status();
    parts.registry_summary_later[l] = std::move(later).value();
  }
  return parts;
}

namespace {

// One view function per kind of page, chosen by the key's type. A view that renders a part of its
// own (the registry's summary) and fails puts the error in `failure` and returns an empty view.
struct PageViews {
  const SiteContext& site;
  const views::ViewContext& ctx;
  const PageKey& key;
  Status& failure;

  const Portal& portal() const { return site.portal; }
  const PortalIndex& index() const { return site.index; }
  std::string t(const std::string& k) const { return ctx.t(k); }
  // The crumb of a list's first page (its navigation section's label), and of this page.
  views::LabelledLinkView list_crumb(PageKind list) const {
    return crumb(t("nav." + std::string(routes::info(list).section)),
                 routes::list_url(ctx.lang, list));
  }
  views::LabelledLinkView self_crumb(const std::string& label) const {
    return crumb(label, page_url(site, key));
  }
  // A page of one record in a list: titled as its view's "title", under the list's crumb.
  template <render::detail::View View>
  PageView item_page(const View& body, PageKind list) const {
    Crumbs crumbs = {list_crumb(list), self_crumb(body.title)};
    return {body, body.title, std::move(crumbs)};
  }

  PageView operator()(const routes::LanguageChoiceKey&) const { return {}; }
  PageView operator()(const routes::RootNotFoundKey&) const { return {}; }
  PageView operator()(const routes::HomeKey&) const {
    return {views::home_view(ctx, index()), ctx.plain(portal().config.title)};
  }
  PageView operator()(const routes::NotFoundKey&) const {
    return {views::not_found_view(ctx), t("not_found.title")};
  }
  PageView operator()(const routes::CatalogueKey& k) const {
    return {views::catalogue_view(ctx, index(), k.sort, key.page, site.page_size),
            t("catalogue.title"), Crumbs{list_crumb(PageKind::catalogue)}};
  }
  PageView operator()(const routes::FacetValueKey& k) const {
    views::FacetPageView body =
        views::facet_value_view(ctx, index(), k.facet, k.value, key.page, site.page_size);
    Crumbs crumbs = {list_crumb(PageKind::catalogue), self_crumb(body.value_label)};
    return {body, body.title, std::move(crumbs)};
  }
  PageView operator()(const routes::GrantKey& k) const {
    const Grant& grant = portal().grants[k.grant];
    std::string summary = ctx.plain(grant.goal);
    if (summary.empty()) summary = ctx.plain(grant.topic);
    const views::GrantView body = views::grant_view(ctx, grant);
    return {body,
            ctx.plain(grant.title),
            Crumbs{list_crumb(PageKind::catalogue), self_crumb(ctx.plain(grant.title))},
            {short_text(summary, kDescriptionBytes), grant_json_ld(site, key.lang, k.grant)},
            body.needs_media_script};
  }
  PageView operator()(const routes::SubgrantsKey&) const {
    views::SubgrantsView body = views::subgrants_view(ctx, index(), key.page, site.page_size);
    const auto l = static_cast<std::size_t>(key.lang);
    std::optional<render::PreparedStrings> local;
    const render::PreparedStrings& ui = page_strings(site, key.lang, local);
    if (key.page == 1) {
      // Made here, not shared: only this page shows it.
      Result<std::string> summary = registry_summary(site, ctx, ui);
      if (!summary.ok()) {
        failure = summary.status();
        return {};
      }
      body.registry_summary = std::move(summary).value();
    } else if (site.shared) {
      body.registry_summary = site.shared->registry_summary_later[l];
    } else {
      const views::SubgrantsSummaryView later =
          registry_summary_on_later_page(ctx, views::subgrants_summary_view(ctx, index(), 0));
      Result<std::string> summary =
          site.renderer.render("subgrants_summary", render::to_view_data(later), &ui);
      if (!summary.ok()) {
        failure = summary.status();
        return {};
      }
      body.registry_summary = std::move(summary).value();
    }
    return {body, t("registry.title"), Crumbs{list_crumb(PageKind::subgrants)}};
  }
  PageView operator()(const routes::SubgrantsRegionKey& k) const {
    const views::SubgrantsRegionView body =
        views::subgrants_region_view(ctx, index(), k.region, key.page, site.page_size);
    Crumbs crumbs = {list_crumb(PageKind::subgrants), self_crumb(body.title)};
    return {body, t("registry.title") + ": " + body.title, std::move(crumbs)};
  }
  PageView operator()(const routes::SubgrantsProgrammeKey& k) const {
    return item_page(views::subgrants_programme_view(ctx, index(), k.grant), PageKind::subgrants);
  }
  PageView operator()(const routes::OrganisationsKey&) const {
    return {views::organisations_view(ctx, index(), key.page, site.page_size),
            t("organisations.title"), Crumbs{list_crumb(PageKind::organisations)}};
  }
  PageView operator()(const routes::OrganisationKey& k) const {
    return item_page(views::organisation_view(ctx, index(), k.organisation, site.page_size),
                     PageKind::organisations);
  }
  PageView operator()(const routes::RegionsKey&) const {
    return {views::regions_view(ctx, index()), t("regions.title"),
            Crumbs{list_crumb(PageKind::regions)}};
  }
  PageView operator()(const routes::RegionKey& k) const {
    return item_page(views::region_view(ctx, index(), k.region, site.page_size), PageKind::regions);
  }
  PageView operator()(const routes::DirectionsKey&) const {
    return item_page(views::directions_view(ctx, index()), PageKind::catalogue);
  }
  PageView operator()(const routes::PlansKey&) const {
    return {views::plans_index_view(ctx), t("nav.plans"), Crumbs{list_crumb(PageKind::plans)}};
  }
  PageView operator()(const routes::PlanKey& k) const {
    const Plan& plan = portal().plans[k.plan];
    return {views::plan_view(ctx, plan), ctx.plain(plan.title),
            Crumbs{list_crumb(PageKind::plans), self_crumb(ctx.plain(plan.title))}};
  }
  PageView operator()(const routes::StaticPageKey& k) const {
    views::StaticPageView body = views::static_page_view(ctx, portal().pages[k.page]);
    Crumbs crumbs = {self_crumb(body.title)};
    std::string title = body.title;
    return {body, std::move(title), std::move(crumbs)};
  }
  PageView operator()(const routes::MediaKey&) const {
    views::MediaPageView body = views::media_list_view(ctx, index(), key.page, site.page_size);
    return {
        body, t("media.title"), Crumbs{list_crumb(PageKind::media)}, {}, body.needs_media_script};
  }
  PageView operator()(const routes::MediaFacetValueKey& k) const {
    views::MediaPageView body =
        views::media_facet_value_view(ctx, index(), k.facet, k.value, key.page, site.page_size);
    std::string title = body.title;
    Crumbs crumbs = {list_crumb(PageKind::media), self_crumb(body.value_label)};
    return {body, std::move(title), std::move(crumbs), {}, body.needs_media_script};
  }
  PageView operator()(const routes::LinkReportKey&) const {
    return {views::link_report_view(ctx), t("link_report.title"),
            Crumbs{self_crumb(t("link_report.title"))}};
  }
  PageView operator()(const routes::DataDictionaryKey&) const {
    return {data_dictionary_view(site, ctx), t("data.title"),
            Crumbs{list_crumb(PageKind::data_dictionary)}};
  }
  PageView operator()(const routes::SearchKey&) const {
    return {search_view(site, ctx), t("search.title"), Crumbs{self_crumb(t("search.title"))}};
  }
  PageView operator()(const routes::ExploreKey&) const {
    return {explore_view(site, ctx), t("explore.title"), Crumbs{self_crumb(t("explore.title"))}};
  }
};

// A language of the site on the language choice.
struct RootLanguageView {
  std::string lang;
  std::string url;
  std::string href;  // absolute
  std::string enter;
  std::string not_found;  // "the page was not found", in the language
  std::string title;      // the portal's, in the language

  template <class F>
  void fields(F& f) const {
    f("lang", lang);
    f("url", url);
    f("href", href);
    f("enter", enter);
    f("not_found", not_found);
    f("title", title);
  }
};

// templates/root.mustache: the language choice at / and the not-found page at /404.html, whole
// pages in every language of the site, outside the layout.
struct RootPageView {
  std::string default_lang;
  std::string page_title;  // the portal's title in Kazakh and Russian, after "404 — " on /404.html
  std::string robots;      // "noindex" on /404.html
  bool not_found = false;
  std::vector<RootLanguageView> languages;

  template <class F>
  void fields(F& f) const {
    f("default_lang", default_lang);
    f("page_title", page_title);
    f("robots", robots);
    f("not_found", not_found);
    f("languages", languages);
  }
};

Result<std::string> render_root_page(const SiteContext& site, const PageKey& key) {
  const Portal& portal = site.portal;
  RootPageView v;
  v.default_lang = std::string(lang_code(portal.config.languages.front()));
  v.not_found = key.kind() == PageKind::root_not_found;
  v.page_title = std::string(v.not_found ? "404 — " : "") +
                 std::string(portal.config.title.in(Lang::kk)) + " / " +
                 std::string(portal.config.title.in(Lang::ru));
  if (v.not_found) v.robots = "noindex";
  for (Lang lang : portal.config.languages)
    v.languages.push_back({std::string(lang_code(lang)), routes::home_url(lang),
                           routes::absolute(portal.config, routes::home_url(lang)),
                           site.strings.get(lang, "language.enter"),
                           site.strings.get(lang, "not_found.title"),
                           std::string(portal.config.title.in(lang))});
  return site.renderer.render(std::string(routes::info(key.kind()).template_name),
                              render::to_view_data(v));
}

}  // namespace

Result<std::string> render_page(const SiteContext& site, const PageKey& key) {
  if (key.kind() == PageKind::language_choice || key.kind() == PageKind::root_not_found)
    return render_root_page(site, key);
  const views::ViewContext ctx{site.portal, site.strings, key.lang};
  Status failure;
  PageView page = std::visit(PageViews{site, ctx, key, failure}, key.target);
  if (!failure.ok()) return failure;
  return render_in_layout(site, ctx, key, std::string(routes::info(key.kind()).template_name),
                          page);
}

}  // namespace ashyq::site
