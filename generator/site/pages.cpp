#include "site/pages.h"

#include "views/grant_view.h"
#include "views/view_context.h"

namespace ashyq::site {
namespace {

using nlohmann::json;

std::string page_url(const Portal& portal, PageKind kind, Lang lang, std::size_t index) {
  const std::string prefix = "/" + std::string(lang_code(lang)) + "/";
  switch (kind) {
    case PageKind::language_choice: return "/";
    case PageKind::home: return prefix;
    case PageKind::grant: return prefix + "grants/" + portal.grants[index].id + "/";
  }
  return "/";
}

// The frame every page shares: language, titles, alternates, language switch, navigation.
json layout_view(const views::ViewContext& ctx, const PageKey& key, const std::string& page_title,
                 json breadcrumbs) {
  const Portal& portal = ctx.portal;
  json v;
  v["lang"] = std::string(lang_code(ctx.lang));
  v["site_title"] = ctx.plain(portal.config.title);
  v["page_title"] = page_title;
  v["description"] = ctx.plain(portal.config.description);
  v["home_url"] = ctx.path("");
  const std::string url = page_url(portal, key.kind, ctx.lang, key.index);
  v["canonical"] = portal.config.base_url + url.substr(1);
  json alternates = json::array();
  for (Lang lang : portal.config.languages) {
    const std::string alt = page_url(portal, key.kind, lang, key.index);
    alternates.push_back({{"hreflang", std::string(lang_code(lang))},
                          {"href", portal.config.base_url + alt.substr(1)},
                          {"url", alt},
                          {"current", lang == ctx.lang},
                          {"label", ctx.strings.get(lang, "language.name")}});
  }
  v["alternates"] = alternates;
  v["x_default"] = portal.config.base_url + page_url(portal, key.kind, portal.config.languages.front(), key.index).substr(1);
  v["breadcrumbs"] = std::move(breadcrumbs);
  v["t"] = views::strings_object(ctx.strings, ctx.lang);
  return v;
}

}  // namespace

std::vector<PageKey> list_pages(const Portal& portal) {
  std::vector<PageKey> pages;
  pages.push_back({PageKind::language_choice, portal.config.languages.front(), 0});
  for (Lang lang : portal.config.languages) {
    pages.push_back({PageKind::home, lang, 0});
    for (std::size_t i = 0; i < portal.grants.size(); ++i) pages.push_back({PageKind::grant, lang, i});
  }
  return pages;
}

std::string page_path(const Portal& portal, const PageKey& key) {
  return page_url(portal, key.kind, key.lang, key.index).substr(1) + "index.html";
}

std::string render_page(const Portal& portal, const i18n::UiStrings& strings,
                        const render::Renderer& renderer, const PageKey& key) {
  const views::ViewContext ctx{portal, strings, key.lang};
  switch (key.kind) {
    case PageKind::language_choice: {
      json v;
      v["site_title"] = {{"kk", portal.config.title.in(Lang::kk)}, {"ru", portal.config.title.in(Lang::ru)}};
      json languages = json::array();
      for (Lang lang : portal.config.languages)
        languages.push_back({{"lang", std::string(lang_code(lang))},
                             {"url", "/" + std::string(lang_code(lang)) + "/"},
                             {"label", strings.get(lang, "language.name")},
                             {"enter", strings.get(lang, "language.enter")},
                             {"title", portal.config.title.in(lang)},
                             {"href", portal.config.base_url + std::string(lang_code(lang)) + "/"}});
      v["languages"] = languages;
      v["default_lang"] = std::string(lang_code(portal.config.languages.front()));
      return renderer.render("root", v);
    }
    case PageKind::home: {
      json v = layout_view(ctx, key, ctx.plain(portal.config.title), json::array());
      json grants = json::array();
      for (const Grant& g : portal.grants) grants.push_back(views::grant_summary(ctx, g));
      v["grants"] = grants;
      v["is_home"] = true;
      v["body"] = renderer.render("home", v);
      return renderer.render("base", v);
    }
    case PageKind::grant: {
      const Grant& grant = portal.grants[key.index];
      json page = views::grant_view(ctx, grant);
      json crumbs = json::array({{{"label", ctx.t("nav.home")}, {"url", ctx.path("")}},
                                 {{"label", ctx.t("nav.grants")}, {"url", ctx.path("")}}});
      json v = layout_view(ctx, key, ctx.plain(grant.title), crumbs);
      page["t"] = v["t"];
      v["body"] = renderer.render("grant", page);
      return renderer.render("base", v);
    }
  }
  return {};
}

}  // namespace ashyq::site
