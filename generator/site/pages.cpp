#include "site/pages.h"

#include <algorithm>

#include "core/short_text.h"
#include "markup/markdown.h"
#include "search/index_writer.h"
#include "site/discovery.h"
#include "site/downloads.h"
#include "views/grant_view.h"
#include "views/link_report_view.h"
#include "views/list_views.h"
#include "views/media_view.h"
#include "views/plan_view.h"
#include "views/view_context.h"

namespace ashyq::site {
namespace {

// A page's meta description: search engines show about this many bytes (of Cyrillic, ~100
// letters).
constexpr std::size_t kDescriptionBytes = 200;

using nlohmann::json;

const char* const kReservedGrantIds[] = {"page",      "sort",     "year",   "region",
                                         "direction", "operator", "status", "grantee"};
const char* const kReservedPageNames[] = {"grants", "subgrants", "organisations", "regions",
                                          "plans",  "assets",    "media",         "data",
                                          "search", "404",       "index",         "link-report"};

std::string lang_prefix(Lang lang) { return "/" + std::string(lang_code(lang)) + "/"; }

// Which navigation section a page belongs to, for aria-current.
const char* section_of(PageKind kind) {
  switch (kind) {
    case PageKind::catalogue:
    case PageKind::facet_value:
    case PageKind::grant:
      return "grants";
    case PageKind::subgrants:
    case PageKind::subgrants_region:
    case PageKind::subgrants_programme:
      return "subgrants";
    case PageKind::organisations:
    case PageKind::organisation:
      return "organisations";
    case PageKind::regions:
    case PageKind::region:
      return "regions";
    case PageKind::plans:
    case PageKind::plan:
      return "plans";
    case PageKind::media:
    case PageKind::media_facet_value:
      return "media";
    case PageKind::data_dictionary:
      return "data";
    default:
      return "";
  }
}

json layout_view(const SiteContext& site, const views::ViewContext& ctx, const PageKey& key,
                 const std::string& page_title, json breadcrumbs) {
  const Portal& portal = site.portal;
  json v;
  v["lang"] = std::string(lang_code(ctx.lang));
  v["site_title"] = ctx.plain(portal.config.title);
  v["page_title"] = page_title;
  v["description"] = ctx.plain(portal.config.description);
  v["home_url"] = ctx.path("");
  const std::string url = page_url(site, key);
  v["canonical"] = portal.config.base_url + url.substr(1);
  json alternates = json::array();
  for (Lang lang : portal.config.languages) {
    PageKey other = key;
    other.lang = lang;
    const std::string alt = page_url(site, other);
    alternates.push_back({{"hreflang", std::string(lang_code(lang))},
                          {"href", portal.config.base_url + alt.substr(1)},
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
  v["feed_url"] = "/" + feed_path(ctx.lang);
  v["feed_title"] = ctx.plain(portal.config.title) + " — " + ctx.t("feed.title");
  PageKey default_key = key;
  default_key.lang = portal.config.languages.front();
  v["x_default"] = portal.config.base_url + page_url(site, default_key).substr(1);
  const std::string section = section_of(key.kind);
  json nav = json::array();
  for (const char* s :
       {"grants", "subgrants", "organisations", "regions", "plans", "media", "data"})
    nav.push_back({{"label", ctx.t(std::string("nav.") + s)},
                   {"url", ctx.path(std::string(s) + "/")},
                   {"current", section == s}});
  v["nav"] = nav;
  json pages = json::array();
  for (std::size_t i = 0; i < portal.pages.size(); ++i) {
    const StaticPage& p = portal.pages[i];
    const Narrative& n = p.narratives[static_cast<int>(ctx.lang)].present
                             ? p.narratives[static_cast<int>(ctx.lang)]
                             : p.narratives[static_cast<int>(other_lang(ctx.lang))];
    pages.push_back({{"label", n.title.empty() ? p.name : n.title},
                     {"url", ctx.path(p.name + "/")},
                     {"current", key.kind == PageKind::static_page && key.a == i}});
  }
  v["footer_pages"] = pages;
  // The date the data are current to, on every page (site.toml `as_of`).
  v["as_of"] = portal.config.as_of
                   ? ctx.t("footer.as_of", {{"date", ctx.date(*portal.config.as_of)}})
                   : ctx.t("footer.as_of_not_stated");
  if (!breadcrumbs.empty())
    breadcrumbs.insert(breadcrumbs.begin(),
                       json{{"label", ctx.t("nav.home")}, {"url", ctx.path("")}});
  v["breadcrumbs"] = std::move(breadcrumbs);
  v["downloads"] = page_downloads_view(site, ctx, key);
  v["data_url"] = ctx.path("data/");
  v["search_url"] = ctx.path("search/");
  if (!site.shared) v["t"] = views::strings_object(site.strings, ctx.lang);
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

std::string render_in_layout(const SiteContext& site, const views::ViewContext& ctx,
                             const PageKey& key, const std::string& template_name, json body,
                             const std::string& title, json breadcrumbs,
                             const HeadExtras& head = {}) {
  json v = layout_view(site, ctx, key, title, std::move(breadcrumbs));
  const render::PreparedView* ui =
      site.shared ? &site.shared->ui[static_cast<std::size_t>(ctx.lang)] : nullptr;
  if (!ui) body["t"] = v["t"];
  v["body"] = site.renderer.render(template_name, body, ui);
  // The click-to-play script only where a YouTube video offers it; no page needs it to work.
  v["media_script"] = body.value("needs_media_script", false);
  v["search_script"] = key.kind == PageKind::search;
  if (key.kind == PageKind::home) v["is_home"] = true;
  // Search engines skip what is not content: the not-found page, and the operators' link report
  // (whose links they must not follow either).
  if (!is_indexable(key.kind))
    v["robots"] = key.kind == PageKind::link_report ? "noindex, nofollow" : "noindex";
  v["og_type"] = key.kind == PageKind::grant ? "article" : "website";
  if (!head.description.empty()) v["description"] = head.description;
  if (!head.json_ld.empty()) v["json_ld"] = head.json_ld;
  return site.renderer.render("base", v, ui);
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
  later["first_page_url"] = ctx.path("subgrants/");
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
  v["self_url"] = ctx.path("search/");
  v["index_url"] = search::index_url(ctx.lang);
  v["action"] = fallback ? settings.fallback_action : ctx.path("search/");
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
  for (const char* s : {"grants", "subgrants", "organisations", "regions"})
    catalogues.push_back(
        {{"label", ctx.t(std::string("nav.") + s)}, {"url", ctx.path(std::string(s) + "/")}});
  v["catalogues"] = catalogues;
  return v;
}

}  // namespace

bool is_reserved_grant_id(const std::string& id) {
  return std::find(std::begin(kReservedGrantIds), std::end(kReservedGrantIds), id) !=
         std::end(kReservedGrantIds);
}

bool is_reserved_page_name(const std::string& name) {
  return std::find(std::begin(kReservedPageNames), std::end(kReservedPageNames), name) !=
         std::end(kReservedPageNames);
}

std::string registry_summary(const SiteContext& site, const views::ViewContext& ctx,
                             const render::PreparedView* ui, std::size_t slice_grants) {
  slice_grants = std::max<std::size_t>(slice_grants, 1);
  json summary = views::subgrants_summary_view(ctx, site.index);
  std::string rows;
  const std::size_t grants = site.portal.grants.size();
  for (std::size_t from = 0; from < grants; from += slice_grants) {
    json slice = views::programme_rows_view(ctx, from, std::min(grants, from + slice_grants));
    if (slice["programmes"].empty()) continue;  // the template would give a blank line
    if (!ui) slice["t"] = views::strings_object(site.strings, ctx.lang);
    rows += site.renderer.render("subgrants_programmes", slice, ui);
  }
  summary["programme_rows"] = std::move(rows);
  if (!ui) summary["t"] = views::strings_object(site.strings, ctx.lang);
  return site.renderer.render("subgrants_summary", summary, ui);
}

SharedParts prepare_shared_parts(const SiteContext& site) {
  SharedParts parts;
  for (Lang lang : kAllLangs)
    parts.ui.emplace_back(json{{"t", views::strings_object(site.strings, lang)}});
  parts.registry_summary_later.resize(kAllLangs.size());
  for (Lang lang : site.portal.config.languages) {
    const views::ViewContext ctx{site.portal, site.strings, lang};
    const auto l = static_cast<std::size_t>(lang);
    parts.registry_summary_later[l] = site.renderer.render(
        "subgrants_summary",
        registry_summary_on_later_page(ctx, views::subgrants_summary_view(ctx, site.index)),
        &parts.ui[l]);
  }
  return parts;
}

// clang-format off
const char* page_kind_name(PageKind kind) {
  switch (kind) {
    case PageKind::language_choice: return "language_choice";
    case PageKind::root_not_found: return "root_not_found";
    case PageKind::home: return "home";
    case PageKind::not_found: return "not_found";
    case PageKind::catalogue: return "catalogue";
    case PageKind::facet_value: return "facet_value";
    case PageKind::grant: return "grant";
    case PageKind::subgrants: return "subgrants";
    case PageKind::subgrants_region: return "subgrants_region";
    case PageKind::subgrants_programme: return "subgrants_programme";
    case PageKind::organisations: return "organisations";
    case PageKind::organisation: return "organisation";
    case PageKind::regions: return "regions";
    case PageKind::region: return "region";
    case PageKind::plans: return "plans";
    case PageKind::plan: return "plan";
    case PageKind::static_page: return "static_page";
    case PageKind::media: return "media";
    case PageKind::media_facet_value: return "media_facet_value";
    case PageKind::link_report: return "link_report";
    case PageKind::data_dictionary: return "data_dictionary";
    case PageKind::search: return "search";
  }
  return "unknown";
}
// clang-format on

std::vector<PageKey> list_pages(const SiteContext& site) {
  const Portal& portal = site.portal;
  const PortalIndex& index = site.index;
  std::vector<PageKey> pages;
  const Lang first = portal.config.languages.front();
  pages.push_back({PageKind::language_choice, first});
  pages.push_back({PageKind::root_not_found, first});
  // Every page of a list of `items` items.
  auto add_paged = [&](PageKind kind, Lang lang, std::size_t a, std::size_t b, std::size_t items) {
    for (std::size_t p = 1; p <= views::page_count(items, site.page_size); ++p)
      pages.push_back({kind, lang, a, b, p});
  };
  for (Lang lang : portal.config.languages) {
    pages.push_back({PageKind::home, lang});
    pages.push_back({PageKind::not_found, lang});
    for (std::size_t s = 0; s < std::size(views::kAllSorts); ++s)
      add_paged(PageKind::catalogue, lang, s, 0, portal.grants.size());
    for (std::size_t f = 0; f < kAllFacets.size(); ++f)
      for (std::size_t v = 0; v < index.facets[f].values.size(); ++v)
        add_paged(PageKind::facet_value, lang, f, v, index.facets[f].values[v].grants.size());
    for (std::size_t i = 0; i < portal.grants.size(); ++i)
      pages.push_back({PageKind::grant, lang, i});
    add_paged(PageKind::subgrants, lang, 0, 0, index.subgrants.size());
    add_paged(PageKind::media, lang, 0, 0, index.media.size());
    for (std::size_t f = 0; f < kAllMediaFacets.size(); ++f)
      for (std::size_t v = 0; v < index.media_facets[f].values.size(); ++v)
        add_paged(PageKind::media_facet_value, lang, f, v,
                  index.media_facets[f].values[v].links.size());
    for (std::size_t i = 0; i < portal.regions.size(); ++i) {
      pages.push_back({PageKind::region, lang, i});
      add_paged(PageKind::subgrants_region, lang, i, 0, index.region_subgrants[i].size());
    }
    for (std::size_t i = 0; i < portal.grants.size(); ++i)
      if (portal.grants[i].subgrants.present)
        pages.push_back({PageKind::subgrants_programme, lang, i});
    pages.push_back({PageKind::organisations, lang});
    for (std::size_t i = 0; i < portal.organisations.size(); ++i)
      pages.push_back({PageKind::organisation, lang, i});
    pages.push_back({PageKind::regions, lang});
    pages.push_back({PageKind::plans, lang});
    for (std::size_t i = 0; i < portal.plans.size(); ++i)
      pages.push_back({PageKind::plan, lang, i});
    for (std::size_t i = 0; i < portal.pages.size(); ++i)
      pages.push_back({PageKind::static_page, lang, i});
    pages.push_back({PageKind::link_report, lang});
    pages.push_back({PageKind::data_dictionary, lang});
    pages.push_back({PageKind::search, lang});
  }
  return pages;
}

std::string page_url(const SiteContext& site, const PageKey& key) {
  const Portal& portal = site.portal;
  const std::string prefix = lang_prefix(key.lang);
  switch (key.kind) {
    case PageKind::language_choice:
      return "/";
    case PageKind::root_not_found:
      return "/404.html";
    case PageKind::home:
      return prefix;
    case PageKind::not_found:
      return prefix + "404.html";
    case PageKind::catalogue: {
      const auto sort = views::kAllSorts[key.a];
      const std::string base = sort == views::CatalogueSort::date
                                   ? prefix + "grants/"
                                   : prefix + "grants/sort/" + views::sort_name(sort) + "/";
      return views::paged_path(base, key.page);
    }
    case PageKind::facet_value: {
      const Facet& facet = site.index.facets[key.a];
      return views::paged_path(
          prefix + "grants/" + facet_name(facet.kind) + "/" + facet.values[key.b].key + "/",
          key.page);
    }
    case PageKind::grant:
      return prefix + "grants/" + portal.grants[key.a].id + "/";
    case PageKind::subgrants:
      return views::paged_path(prefix + "subgrants/", key.page);
    case PageKind::subgrants_region:
      return views::paged_path(prefix + "subgrants/region/" + portal.regions[key.a].id + "/",
                               key.page);
    case PageKind::subgrants_programme:
      return prefix + "subgrants/programme/" + portal.grants[key.a].id + "/";
    case PageKind::organisations:
      return prefix + "organisations/";
    case PageKind::organisation:
      return prefix + "organisations/" + portal.organisations[key.a].id + "/";
    case PageKind::regions:
      return prefix + "regions/";
    case PageKind::region:
      return prefix + "regions/" + portal.regions[key.a].id + "/";
    case PageKind::plans:
      return prefix + "plans/";
    case PageKind::plan:
      return prefix + "plans/" + portal.plans[key.a].id + "/";
    case PageKind::static_page:
      return prefix + portal.pages[key.a].name + "/";
    case PageKind::media:
      return views::paged_path(prefix + "media/", key.page);
    case PageKind::media_facet_value: {
      const MediaFacet& facet = site.index.media_facets[key.a];
      return views::paged_path(
          prefix + "media/" + media_facet_name(facet.kind) + "/" + facet.values[key.b].key + "/",
          key.page);
    }
    case PageKind::link_report:
      return prefix + "link-report/";
    case PageKind::data_dictionary:
      return prefix + "data/";
    case PageKind::search:
      return prefix + "search/";
  }
  return "/";
}

std::string page_path(const SiteContext& site, const PageKey& key) {
  const std::string url = page_url(site, key).substr(1);
  return url.ends_with(".html") ? url : url + "index.html";
}

std::string render_page(const SiteContext& site, const PageKey& key) {
  const Portal& portal = site.portal;
  const PortalIndex& index = site.index;
  const views::ViewContext ctx{portal, site.strings, key.lang};
  auto t = [&](const std::string& k) { return ctx.t(k); };
  switch (key.kind) {
    case PageKind::language_choice:
    case PageKind::root_not_found: {
      json v;
      v["site_title"] = {{"kk", portal.config.title.in(Lang::kk)},
                         {"ru", portal.config.title.in(Lang::ru)}};
      json languages = json::array();
      for (Lang lang : portal.config.languages)
        languages.push_back(
            {{"lang", std::string(lang_code(lang))},
             {"url", lang_prefix(lang)},
             {"label", site.strings.get(lang, "language.name")},
             {"enter", site.strings.get(lang, "language.enter")},
             {"not_found", site.strings.get(lang, "not_found.title")},
             {"title", portal.config.title.in(lang)},
             {"href", portal.config.base_url + std::string(lang_code(lang)) + "/"}});
      v["languages"] = languages;
      v["default_lang"] = std::string(lang_code(portal.config.languages.front()));
      v["not_found"] = key.kind == PageKind::root_not_found;
      return site.renderer.render("root", v);
    }
    case PageKind::home:
      return render_in_layout(site, ctx, key, "home", views::home_view(ctx, index),
                              ctx.plain(portal.config.title), json::array());
    case PageKind::not_found:
      return render_in_layout(site, ctx, key, "not_found", json{{"home_url", ctx.path("")}},
                              t("not_found.title"), json::array());
    case PageKind::catalogue: {
      json body =
          views::catalogue_view(ctx, index, views::kAllSorts[key.a], key.page, site.page_size);
      return render_in_layout(site, ctx, key, "catalogue", body, t("catalogue.title"),
                              json::array({crumb(t("nav.grants"), ctx.path("grants/"))}));
    }
    case PageKind::facet_value: {
      json body = views::facet_value_view(ctx, index, index.facets[key.a].kind, key.b, key.page,
                                          site.page_size);
      const std::string title = body["title"];
      return render_in_layout(site, ctx, key, "facet", body, title,
                              json::array({crumb(t("nav.grants"), ctx.path("grants/")),
                                           crumb(body["value_label"], page_url(site, key))}));
    }
    case PageKind::grant: {
      const Grant& grant = portal.grants[key.a];
      std::string summary = ctx.plain(grant.goal);
      if (summary.empty()) summary = ctx.plain(grant.topic);
      return render_in_layout(
          site, ctx, key, "grant", views::grant_view(ctx, grant), ctx.plain(grant.title),
          json::array({crumb(t("nav.grants"), ctx.path("grants/")),
                       crumb(ctx.plain(grant.title), page_url(site, key))}),
          {short_text(summary, kDescriptionBytes), grant_json_ld(site, key.lang, key.a)});
    }
    case PageKind::subgrants: {
      json body = views::subgrants_view(ctx, index, key.page, site.page_size);
      const auto l = static_cast<std::size_t>(key.lang);
      if (key.page == 1) {
        // Made here, not shared: only this page shows it, and it grows with the portal.
        body["registry_summary"] =
            registry_summary(site, ctx, site.shared ? &site.shared->ui[l] : nullptr);
      } else if (site.shared) {
        body["registry_summary"] = site.shared->registry_summary_later[l];
      } else {
        json later = registry_summary_on_later_page(ctx, views::subgrants_summary_view(ctx, index));
        later["t"] = views::strings_object(site.strings, key.lang);
        body["registry_summary"] = site.renderer.render("subgrants_summary", later);
      }
      return render_in_layout(site, ctx, key, "subgrants", body, t("registry.title"),
                              json::array({crumb(t("nav.subgrants"), ctx.path("subgrants/"))}));
    }
    case PageKind::subgrants_region: {
      json body = views::subgrants_region_view(ctx, index, key.a, key.page, site.page_size);
      const std::string title = t("registry.title") + ": " + body["title"].get<std::string>();
      return render_in_layout(site, ctx, key, "subgrants_region", body, title,
                              json::array({crumb(t("nav.subgrants"), ctx.path("subgrants/")),
                                           crumb(body["title"], page_url(site, key))}));
    }
    case PageKind::subgrants_programme: {
      json body = views::subgrants_programme_view(ctx, index, key.a);
      return render_in_layout(site, ctx, key, "subgrants_programme", body, body["title"],
                              json::array({crumb(t("nav.subgrants"), ctx.path("subgrants/")),
                                           crumb(body["title"], page_url(site, key))}));
    }
    case PageKind::organisations:
      return render_in_layout(
          site, ctx, key, "organisations", views::organisations_view(ctx, index),
          t("organisations.title"),
          json::array({crumb(t("nav.organisations"), ctx.path("organisations/"))}));
    case PageKind::organisation: {
      json body = views::organisation_view(ctx, index, key.a, site.page_size);
      return render_in_layout(
          site, ctx, key, "organisation", body, body["title"],
          json::array({crumb(t("nav.organisations"), ctx.path("organisations/")),
                       crumb(body["title"], page_url(site, key))}));
    }
    case PageKind::regions:
      return render_in_layout(site, ctx, key, "regions", views::regions_view(ctx, index),
                              t("regions.title"),
                              json::array({crumb(t("nav.regions"), ctx.path("regions/"))}));
    case PageKind::region: {
      json body = views::region_view(ctx, index, key.a, site.page_size);
      return render_in_layout(site, ctx, key, "region", body, body["title"],
                              json::array({crumb(t("nav.regions"), ctx.path("regions/")),
                                           crumb(body["title"], page_url(site, key))}));
    }
    case PageKind::plans:
      return render_in_layout(site, ctx, key, "plans", views::plans_index_view(ctx), t("nav.plans"),
                              json::array({crumb(t("nav.plans"), ctx.path("plans/"))}));
    case PageKind::plan: {
      const Plan& plan = portal.plans[key.a];
      return render_in_layout(site, ctx, key, "plan", views::plan_view(ctx, plan),
                              ctx.plain(plan.title),
                              json::array({crumb(t("nav.plans"), ctx.path("plans/")),
                                           crumb(ctx.plain(plan.title), page_url(site, key))}));
    }
    case PageKind::static_page: {
      const StaticPage& page = portal.pages[key.a];
      Lang lang = key.lang;
      if (!page.narratives[static_cast<int>(lang)].present) lang = other_lang(lang);
      const Narrative& n = page.narratives[static_cast<int>(lang)];
      json body = {{"title", n.title.empty() ? page.name : n.title},
                   {"html", ctx.mark_broken_links(markup::render_markdown(
                                n.markdown, 2, &ctx.portal.public_contacts))},
                   {"lang", std::string(lang_code(lang))},
                   {"fallback", lang != key.lang},
                   {"fallback_note", t("fallback." + std::string(lang_code(lang)))}};
      const std::string title = body["title"];
      return render_in_layout(site, ctx, key, "page", body, title,
                              json::array({crumb(title, page_url(site, key))}));
    }
    case PageKind::media:
      return render_in_layout(
          site, ctx, key, "media", views::media_list_view(ctx, index, key.page, site.page_size),
          t("media.title"), json::array({crumb(t("nav.media"), ctx.path("media/"))}));
    case PageKind::media_facet_value: {
      json body = views::media_facet_value_view(ctx, index, index.media_facets[key.a].kind, key.b,
                                                key.page, site.page_size);
      const std::string title = body["title"];
      return render_in_layout(site, ctx, key, "media", body, title,
                              json::array({crumb(t("nav.media"), ctx.path("media/")),
                                           crumb(body["value_label"], page_url(site, key))}));
    }
    case PageKind::link_report:
      return render_in_layout(site, ctx, key, "link_report", views::link_report_view(ctx),
                              t("link_report.title"),
                              json::array({crumb(t("link_report.title"), page_url(site, key))}));
    case PageKind::data_dictionary:
      return render_in_layout(site, ctx, key, "data", data_dictionary_view(site, ctx),
                              t("data.title"),
                              json::array({crumb(t("nav.data"), ctx.path("data/"))}));
    case PageKind::search:
      return render_in_layout(site, ctx, key, "search", search_view(site, ctx), t("search.title"),
                              json::array({crumb(t("search.title"), ctx.path("search/"))}));
  }
  return {};
}

}  // namespace ashyq::site
