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
#include "views/view_context.h"

namespace ashyq::site {
namespace {

// A page's meta description: search engines show about this many bytes (of Cyrillic, ~100
// letters).
constexpr std::size_t kDescriptionBytes = 200;

using nlohmann::json;

json layout_view(const SiteContext& site, const views::ViewContext& ctx, const PageKey& key,
                 const std::string& page_title, json breadcrumbs) {
  const Portal& portal = site.portal;
  json v;
  v["lang"] = std::string(lang_code(ctx.lang));
  v["site_title"] = ctx.plain(portal.config.title);
  v["page_title"] = page_title;
  v["description"] = ctx.plain(portal.config.description);
  v["home_url"] = routes::home_url(ctx.lang);
  const std::string url = page_url(site, key);
  v["canonical"] = routes::absolute(portal.config, url);
  json alternates = json::array();
  for (Lang lang : portal.config.languages) {
    const std::string alt = page_url(site, key.in(lang));
    alternates.push_back({{"hreflang", std::string(lang_code(lang))},
                          {"href", routes::absolute(portal.config, alt)},
                          {"url", alt},
                          {"current", lang == ctx.lang},
                          {"label", site.strings.get(lang, "language.name")}});
  }
  v["alternates"] = alternates;
  // Open Graph: locales are language_TERRITORY.
  auto og_locale = [](Lang lang) { return lang == Lang::kk ? "kk_KZ" : "ru_RU"; };
  v["og_locale"] = og_locale(ctx.lang);
  json og_alternates = json::array();
  for (Lang lang : portal.config.languages)
    if (lang != ctx.lang) og_alternates.push_back(og_locale(lang));
  v["og_locale_alternates"] = og_alternates;
  v["feed_url"] = "/" + routes::feed_path(ctx.lang);
  v["feed_title"] = ctx.plain(portal.config.title) + " — " + ctx.t("feed.title");
  v["x_default"] =
      routes::absolute(portal.config, page_url(site, key.in(portal.config.languages.front())));
  const std::string_view section = routes::info(key.kind()).section;
  json nav = json::array();
  for (PageKind kind : routes::kNavigation) {
    const std::string_view s = routes::info(kind).section;
    nav.push_back({{"label", ctx.t("nav." + std::string(s))},
                   {"url", routes::list_url(ctx.lang, kind)},
                   {"current", section == s}});
  }
  v["nav"] = nav;
  json pages = json::array();
  for (std::size_t i = 0; i < portal.pages.size(); ++i) {
    const StaticPage& p = portal.pages[i];
    const Narrative& n = p.narratives[static_cast<int>(ctx.lang)].present
                             ? p.narratives[static_cast<int>(ctx.lang)]
                             : p.narratives[static_cast<int>(other_lang(ctx.lang))];
    const auto* shown = std::get_if<routes::StaticPageKey>(&key.target);
    pages.push_back({{"label", n.title.empty() ? p.name : n.title},
                     {"url", routes::url_of(p, ctx.lang)},
                     {"current", shown && shown->page == i}});
  }
  v["footer_pages"] = pages;
  // The date the data are current to, on every page (site.toml `as_of`).
  v["as_of"] = portal.config.as_of
                   ? ctx.t("footer.as_of", {{"date", ctx.date(*portal.config.as_of)}})
                   : ctx.t("footer.as_of_not_stated");
  if (!breadcrumbs.empty())
    breadcrumbs.insert(breadcrumbs.begin(),
                       json{{"label", ctx.t("nav.home")}, {"url", routes::home_url(ctx.lang)}});
  v["breadcrumbs"] = std::move(breadcrumbs);
  v["downloads"] = page_downloads_view(site, ctx, key);
  v["data_url"] = routes::list_url(ctx.lang, PageKind::data_dictionary);
  v["search_url"] = routes::list_url(ctx.lang, PageKind::search);
  return v;
}

json crumb(const std::string& label, const std::string& url) {
  return {{"label", label}, {"url", url}};
}

// What a page may add to the layout's <head>: its own description and structured data.
struct HeadExtras {
  std::string description;  // empty: the site's description
  std::string json_ld;      // empty: none
};

// A page's body inside the layout: its view, title, breadcrumbs after "home", and head extras.
struct PageView {
  PageView() = default;
  // A body view still made as JSON; its "needs_media_script" asks for the click-to-play script.
  PageView(json body, std::string title, json breadcrumbs = json::array(), HeadExtras head = {})
      : media_script(body.value("needs_media_script", false)),
        body(render::from_json(body)),
        title(std::move(title)),
        breadcrumbs(std::move(breadcrumbs)),
        head(std::move(head)) {}
  // A typed body view (render/view_data.h).
  template <render::detail::View View>
  PageView(const View& body, std::string title, json breadcrumbs = json::array(),
           HeadExtras head = {}, bool media_script = false)
      : media_script(media_script),
        body(render::to_view_data(body)),
        title(std::move(title)),
        breadcrumbs(std::move(breadcrumbs)),
        head(std::move(head)) {}

  // The click-to-play script only where a YouTube video offers it; no page needs it to work.
  bool media_script = false;
  render::ViewData body;
  std::string title;
  json breadcrumbs = json::array();
  HeadExtras head = {};
};

// The language's UI strings prepared for the templates: the shared ones, or made here.
const render::PreparedStrings& page_strings(const SiteContext& site, Lang lang,
                                            std::optional<render::PreparedStrings>& local) {
  if (site.shared) return site.shared->ui[static_cast<std::size_t>(lang)];
  local = site.renderer.prepare_strings(site.strings.all(lang));
  return *local;
}

Result<std::string> render_in_layout(const SiteContext& site, const views::ViewContext& ctx,
                                     const PageKey& key, const std::string& template_name,
                                     PageView page) {
  std::optional<render::PreparedStrings> local;
  const render::PreparedStrings& ui = page_strings(site, ctx.lang, local);
  json v = layout_view(site, ctx, key, page.title, std::move(page.breadcrumbs));
  Result<std::string> html = site.renderer.render(template_name, page.body, &ui);
  if (!html.ok()) return html.status();
  v["body"] = std::move(html).value();
  v["media_script"] = page.media_script;
  v["search_script"] = key.kind() == PageKind::search;
  if (key.kind() == PageKind::home) v["is_home"] = true;
  // Search engines skip what is not content: the not-found page, and the operators' link report
  // (whose links they must not follow either).
  if (!routes::info(key.kind()).indexable)
    v["robots"] = key.kind() == PageKind::link_report ? "noindex, nofollow" : "noindex";
  v["og_type"] = key.kind() == PageKind::grant ? "article" : "website";
  if (!page.head.description.empty()) v["description"] = page.head.description;
  if (!page.head.json_ld.empty()) v["json_ld"] = page.head.json_ld;
  return site.renderer.render("base", v, &ui);
}

// The registry's reconciliation per programme and totals by region have a row per programme and
// per region: printed on every one of its pages, they made the registry's output grow with the
// square of the number of grants (5 MB a page at N = 10 000). Later pages keep the totals and
// link to the first page, where the tables are.
json registry_summary_on_later_page(const views::ViewContext& ctx, json summary) {
  json later;
  for (const char* key : {"count", "amount"})
    if (summary.contains(key)) later[key] = std::move(summary[key]);
  later["later_page"] = true;
  later["first_page_url"] = routes::list_url(ctx.lang, PageKind::subgrants);
  return later;
}

// The host of an absolute http(s) URL: "https://ashyq.example/kk/" → "ashyq.example".
std::string url_host(const std::string& url) {
  const std::size_t start = url.find("://");
  if (start == std::string::npos) return {};
  const std::size_t end = url.find_first_of("/:?#", start + 3);
  return url.substr(start + 3, end == std::string::npos ? std::string::npos : end - start - 3);
}

// The search page. Without scripts its form is all there is: with a [search] fallback it sends the
// query to that web search, restricted to the portal's host; without one it stays here and the
// <noscript> text points to the catalogues. search.js switches the form to the local index.
json search_view(const SiteContext& site, const views::ViewContext& ctx) {
  const SearchSettings& settings = site.portal.config.search;
  const bool fallback = !settings.fallback_action.empty();
  json v;
  v["lang"] = std::string(lang_code(ctx.lang));
  const std::string self = routes::list_url(ctx.lang, PageKind::search);
  v["self_url"] = self;
  v["index_url"] = search::index_url(ctx.lang);
  v["action"] = fallback ? settings.fallback_action : self;
  if (fallback)
    v["fallback"] = {{"param", settings.fallback_site_param},
                     {"host", url_host(site.portal.config.base_url)}};
  std::string noscript = ctx.t(fallback ? "search.noscript_fallback" : "search.noscript");
  if (const std::size_t at = noscript.find("{engine}"); at != std::string::npos)
    noscript.replace(at, 8, url_host(settings.fallback_action));
  v["noscript"] = noscript;
  // The script's strings, in the page's language: every search.* key without its prefix.
  json strings = json::object();
  for (const auto& [k, text] : site.strings.all(ctx.lang))
    if (k.starts_with("search.")) strings[k.substr(7)] = text;
  v["strings"] = strings.dump();
  json catalogues = json::array();
  for (PageKind kind :
       {PageKind::catalogue, PageKind::subgrants, PageKind::organisations, PageKind::regions})
    catalogues.push_back({{"label", ctx.t("nav." + std::string(routes::info(kind).section))},
                          {"url", routes::list_url(ctx.lang, kind)}});
  v["catalogues"] = catalogues;
  return v;
}

}  // namespace

Result<std::string> registry_summary(const SiteContext& site, const views::ViewContext& ctx,
                                     const render::PreparedStrings& ui, std::size_t slice_grants) {
  slice_grants = std::max<std::size_t>(slice_grants, 1);
  json summary = views::subgrants_summary_view(ctx, site.index);
  std::string rows;
  const std::size_t grants = site.portal.grants.size();
  for (std::size_t from = 0; from < grants; from += slice_grants) {
    json slice = views::programme_rows_view(ctx, from, std::min(grants, from + slice_grants));
    if (slice["programmes"].empty()) continue;  // the template would give a blank line
    Result<std::string> slice_rows = site.renderer.render("subgrants_programmes", slice, &ui);
    if (!slice_rows.ok()) return slice_rows.status();
    rows += *slice_rows;
  }
  summary["programme_rows"] = std::move(rows);
  return site.renderer.render("subgrants_summary", summary, &ui);
}

Result<SharedParts> prepare_shared_parts(const SiteContext& site) {
  SharedParts parts;
  for (Lang lang : kAllLangs)
    parts.ui.push_back(site.renderer.prepare_strings(site.strings.all(lang)));
  parts.registry_summary_later.resize(kAllLangs.size());
  for (Lang lang : site.portal.config.languages) {
    const views::ViewContext ctx{site.portal, site.strings, lang};
    const auto l = static_cast<std::size_t>(lang);
    Result<std::string> later = site.renderer.render(
        "subgrants_summary",
        registry_summary_on_later_page(ctx, views::subgrants_summary_view(ctx, site.index)),
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
  json list_crumb(PageKind list) const {
    return crumb(t("nav." + std::string(routes::info(list).section)),
                 routes::list_url(ctx.lang, list));
  }
  json self_crumb(const std::string& label) const { return crumb(label, page_url(site, key)); }
  // A page of one record in a list: titled as its view's "title", under the list's crumb.
  PageView item_page(json body, PageKind list) const {
    const std::string title = body["title"];
    json crumbs = json::array({list_crumb(list), self_crumb(title)});
    return {std::move(body), title, std::move(crumbs)};
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
            t("catalogue.title"), json::array({list_crumb(PageKind::catalogue)})};
  }
  PageView operator()(const routes::FacetValueKey& k) const {
    json body = views::facet_value_view(ctx, index(), k.facet, k.value, key.page, site.page_size);
    const std::string title = body["title"];
    json crumbs = json::array({list_crumb(PageKind::catalogue), self_crumb(body["value_label"])});
    return {std::move(body), title, std::move(crumbs)};
  }
  PageView operator()(const routes::GrantKey& k) const {
    const Grant& grant = portal().grants[k.grant];
    std::string summary = ctx.plain(grant.goal);
    if (summary.empty()) summary = ctx.plain(grant.topic);
    const views::GrantView body = views::grant_view(ctx, grant);
    return {body,
            ctx.plain(grant.title),
            json::array({list_crumb(PageKind::catalogue), self_crumb(ctx.plain(grant.title))}),
            {short_text(summary, kDescriptionBytes), grant_json_ld(site, key.lang, k.grant)},
            body.needs_media_script};
  }
  PageView operator()(const routes::SubgrantsKey&) const {
    json body = views::subgrants_view(ctx, index(), key.page, site.page_size);
    const auto l = static_cast<std::size_t>(key.lang);
    std::optional<render::PreparedStrings> local;
    const render::PreparedStrings& ui = page_strings(site, key.lang, local);
    if (key.page == 1) {
      // Made here, not shared: only this page shows it, and it grows with the portal.
      Result<std::string> summary = registry_summary(site, ctx, ui);
      if (!summary.ok()) {
        failure = summary.status();
        return {};
      }
      body["registry_summary"] = std::move(summary).value();
    } else if (site.shared) {
      body["registry_summary"] = site.shared->registry_summary_later[l];
    } else {
      json later = registry_summary_on_later_page(ctx, views::subgrants_summary_view(ctx, index()));
      Result<std::string> summary = site.renderer.render("subgrants_summary", later, &ui);
      if (!summary.ok()) {
        failure = summary.status();
        return {};
      }
      body["registry_summary"] = std::move(summary).value();
    }
    return {std::move(body), t("registry.title"), json::array({list_crumb(PageKind::subgrants)})};
  }
  PageView operator()(const routes::SubgrantsRegionKey& k) const {
    json body = views::subgrants_region_view(ctx, index(), k.region, key.page, site.page_size);
    const std::string title = t("registry.title") + ": " + body["title"].get<std::string>();
    json crumbs = json::array({list_crumb(PageKind::subgrants), self_crumb(body["title"])});
    return {std::move(body), title, std::move(crumbs)};
  }
  PageView operator()(const routes::SubgrantsProgrammeKey& k) const {
    return item_page(views::subgrants_programme_view(ctx, index(), k.grant), PageKind::subgrants);
  }
  PageView operator()(const routes::OrganisationsKey&) const {
    return {views::organisations_view(ctx, index()), t("organisations.title"),
            json::array({list_crumb(PageKind::organisations)})};
  }
  PageView operator()(const routes::OrganisationKey& k) const {
    return item_page(views::organisation_view(ctx, index(), k.organisation, site.page_size),
                     PageKind::organisations);
  }
  PageView operator()(const routes::RegionsKey&) const {
    return {views::regions_view(ctx, index()), t("regions.title"),
            json::array({list_crumb(PageKind::regions)})};
  }
  PageView operator()(const routes::RegionKey& k) const {
    return item_page(views::region_view(ctx, index(), k.region, site.page_size), PageKind::regions);
  }
  PageView operator()(const routes::DirectionsKey&) const {
    return item_page(views::directions_view(ctx, index()), PageKind::catalogue);
  }
  PageView operator()(const routes::PlansKey&) const {
    return {views::plans_index_view(ctx), t("nav.plans"),
            json::array({list_crumb(PageKind::plans)})};
  }
  PageView operator()(const routes::PlanKey& k) const {
    const Plan& plan = portal().plans[k.plan];
    return {views::plan_view(ctx, plan), ctx.plain(plan.title),
            json::array({list_crumb(PageKind::plans), self_crumb(ctx.plain(plan.title))})};
  }
  PageView operator()(const routes::StaticPageKey& k) const {
    views::StaticPageView body = views::static_page_view(ctx, portal().pages[k.page]);
    json crumbs = json::array({self_crumb(body.title)});
    std::string title = body.title;
    return {body, std::move(title), std::move(crumbs)};
  }
  PageView operator()(const routes::MediaKey&) const {
    return {views::media_list_view(ctx, index(), key.page, site.page_size), t("media.title"),
            json::array({list_crumb(PageKind::media)})};
  }
  PageView operator()(const routes::MediaFacetValueKey& k) const {
    json body =
        views::media_facet_value_view(ctx, index(), k.facet, k.value, key.page, site.page_size);
    const std::string title = body["title"];
    json crumbs = json::array({list_crumb(PageKind::media), self_crumb(body["value_label"])});
    return {std::move(body), title, std::move(crumbs)};
  }
  PageView operator()(const routes::LinkReportKey&) const {
    return {views::link_report_view(ctx), t("link_report.title"),
            json::array({self_crumb(t("link_report.title"))})};
  }
  PageView operator()(const routes::DataDictionaryKey&) const {
    return {data_dictionary_view(site, ctx), t("data.title"),
            json::array({list_crumb(PageKind::data_dictionary)})};
  }
  PageView operator()(const routes::SearchKey&) const {
    return {search_view(site, ctx), t("search.title"),
            json::array({self_crumb(t("search.title"))})};
  }
};

// The language choice at / and the not-found page at /404.html: whole pages in both languages,
// outside the layout.
Result<std::string> render_root_page(const SiteContext& site, const PageKey& key) {
  const Portal& portal = site.portal;
  json v;
  v["site_title"] = {{"kk", portal.config.title.in(Lang::kk)},
                     {"ru", portal.config.title.in(Lang::ru)}};
  json languages = json::array();
  for (Lang lang : portal.config.languages)
    languages.push_back({{"lang", std::string(lang_code(lang))},
                         {"url", routes::home_url(lang)},
                         {"label", site.strings.get(lang, "language.name")},
                         {"enter", site.strings.get(lang, "language.enter")},
                         {"not_found", site.strings.get(lang, "not_found.title")},
                         {"title", portal.config.title.in(lang)},
                         {"href", routes::absolute(portal.config, routes::home_url(lang))}});
  v["languages"] = languages;
  v["default_lang"] = std::string(lang_code(portal.config.languages.front()));
  v["not_found"] = key.kind() == PageKind::root_not_found;
  return site.renderer.render(std::string(routes::info(key.kind()).template_name), v);
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
                          std::move(page));
}

}  // namespace ashyq::site
