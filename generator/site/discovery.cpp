#include "site/discovery.h"

#include <algorithm>
#include <cstdio>

#include "core/short_text.h"
#include "core/xml_escape.h"

#include "views/list_views.h"
#include "views/view_context.h"

namespace ashyq::site {
namespace {

std::string absolute(const SiteContext& site, const std::string& url) {
  return routes::absolute(site.portal.config, url);
}

// yyyymmdd (PartialDate::earliest/latest) → "yyyy-mm-ddT00:00:00Z".
std::string atom_time(int day) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT00:00:00Z", day / 10000, day / 100 % 100,
                day % 100);
  return buffer;
}

int report_start_day(const Grant& g) {
  if (g.final_report_date) return g.final_report_date->earliest();
  if (g.actual_period) return g.actual_period->last().earliest();
  return views::final_report_day(g);
}

// The <urlset> of the indexable pages [first, last) of `pages`, counted among indexable pages only.
std::string sitemap_urlset(const SiteContext& site, const std::vector<PageKey>& pages,
                           std::size_t first, std::size_t last) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
  const auto& languages = site.portal.config.languages;
  std::size_t n = 0;  // indexable pages seen
  for (const PageKey& key : pages) {
    if (!is_indexable(key.kind())) continue;
    if (n++ < first) continue;
    if (n > last) break;
    xml += "<url><loc>" + xml_escape(absolute(site, page_url(site, key))) + "</loc>";
    if (key.kind() != PageKind::language_choice) {
      for (Lang lang : languages)
        xml += "<xhtml:link rel=\"alternate\" hreflang=\"" + std::string(lang_code(lang)) +
               "\" href=\"" + xml_escape(absolute(site, page_url(site, key.in(lang)))) + "\"/>";
      xml += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" +
             xml_escape(absolute(site, page_url(site, key.in(languages.front())))) + "\"/>";
    }
    xml += "</url>\n";
  }
  xml += "</urlset>\n";
  return xml;
}

}  // namespace

bool is_indexable(PageKind kind) { return routes::info(kind).indexable; }

void for_each_sitemap_file(const SiteContext& site, const std::vector<PageKey>& pages,
                           const std::function<void(const OutputFile&)>& file,
                           std::size_t max_urls) {
  const std::size_t indexable = static_cast<std::size_t>(std::count_if(
      pages.begin(), pages.end(), [](const PageKey& key) { return is_indexable(key.kind()); }));
  max_urls = std::max<std::size_t>(max_urls, 1);
  if (indexable <= max_urls) {
    file({routes::sitemap_path(0), sitemap_urlset(site, pages, 0, indexable)});
    return;
  }
  // The index needs only the number of files, so it comes first, as the list of files had it.
  std::string index =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (std::size_t start = 0, n = 1; start < indexable; start += max_urls, ++n)
    index += "<sitemap><loc>" +
             xml_escape(routes::absolute(site.portal.config, routes::sitemap_path(n))) +
             "</loc></sitemap>\n";
  index += "</sitemapindex>\n";
  file({routes::sitemap_path(0), index});
  // Each file scans the pages from the start: a few dozen passes over a list of keys, against
  // holding every URL at once.
  for (std::size_t start = 0, n = 1; start < indexable; start += max_urls, ++n)
    file({routes::sitemap_path(n),
          sitemap_urlset(site, pages, start, std::min(indexable, start + max_urls))});
}

std::vector<OutputFile> sitemap_files(const SiteContext& site, const std::vector<PageKey>& pages,
                                      std::size_t max_urls) {
  std::vector<OutputFile> files;
  for_each_sitemap_file(
      site, pages, [&](const OutputFile& file) { files.push_back(file); }, max_urls);
  return files;
}

std::string robots_txt(const SiteContext& site) {
  // The one place robots.txt is written. The 404 pages carry their own noindex; the operators' link
  // report must not even be fetched.
  std::string text = "User-agent: *\n";
  for (Lang lang : site.portal.config.languages)
    text += "Disallow: " + routes::list_url(lang, PageKind::link_report) + "\n";
  text += "\nSitemap: " + routes::absolute(site.portal.config, routes::sitemap_path(0)) + "\n";
  return text;
}

std::string atom_feed(const SiteContext& site, Lang lang, std::size_t max_entries) {
  const Portal& portal = site.portal;
  const views::ViewContext ctx{portal, site.strings, lang};
  const std::vector<std::size_t> reports = views::latest_final_reports(portal, max_entries);
  int newest = 19700101;
  if (!reports.empty()) {
    for (std::size_t i : reports) newest = std::max(newest, report_start_day(portal.grants[i]));
  } else {
    for (const Grant& g : portal.grants) {
      if (g.contract_date) newest = std::max(newest, g.contract_date->earliest());
      if (auto period = g.whole_period()) newest = std::max(newest, period->start.earliest());
    }
  }
  const std::string self = routes::absolute(portal.config, routes::feed_path(lang));
  const std::string title = ctx.plain(portal.config.title) + " — " + ctx.t("feed.title");
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" "
      "xml:lang=\"" +
      std::string(lang_code(lang)) + "\">\n";
  xml += "<id>" + xml_escape(self) + "</id>\n";
  xml += "<title>" + xml_escape(title) + "</title>\n";
  xml += "<subtitle>" + xml_escape(ctx.t("feed.subtitle")) + "</subtitle>\n";
  xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(self) + "\"/>\n";
  xml += "<link rel=\"alternate\" type=\"text/html\" href=\"" +
         xml_escape(routes::absolute(portal.config, routes::home_url(lang))) + "\"/>\n";
  xml += "<updated>" + atom_time(newest) + "</updated>\n";
  xml += "<author><name>" + xml_escape(ctx.plain(portal.config.title)) + "</name></author>\n";
  xml += "<generator>Ashyq</generator>\n";
  for (std::size_t i : reports) {
    const Grant& g = portal.grants[i];
    const std::string url = absolute(site, routes::url_of(g, lang));
    const std::string when = atom_time(report_start_day(g));
    const Organisation* grantee = portal.find_organisation(g.grantee_id);
    std::string summary = ctx.t("feed.grantee") + ": " +
                          (grantee ? ctx.plain(grantee->name) : g.grantee_id) + ". " +
                          ctx.t("feed.amount") + ": " +
                          (g.amount ? ctx.money(*g.amount) : ctx.t("feed.not_published")) + ".";
    const std::string goal = ctx.plain(g.goal);
    if (!goal.empty()) summary += " " + short_text(goal, 400);
    xml += "<entry>\n";
    xml += "<id>" + xml_escape(url) + "</id>\n";
    xml += "<title>" + xml_escape(ctx.plain(g.title)) + "</title>\n";
    xml += "<link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(url) + "\"/>\n";
    xml += "<published>" + when + "</published>\n<updated>" + when + "</updated>\n";
    if (grantee)
      xml += "<author><name>" + xml_escape(ctx.plain(grantee->name)) + "</name></author>\n";
    xml += "<summary type=\"text\">" + xml_escape(summary) + "</summary>\n";
    xml += "</entry>\n";
  }
  xml += "</feed>\n";
  return xml;
}

std::string grant_json_ld(const SiteContext& site, Lang lang, std::size_t index) {
  using nlohmann::json;
  const Portal& portal = site.portal;
  const views::ViewContext ctx{portal, site.strings, lang};
  const Grant& g = portal.grants[index];
  const std::string url = absolute(site, routes::url_of(portal.grants[index], lang));
  json ld = {{"@context", "https://schema.org"},
             {"@type", "MonetaryGrant"},
             {"@id", url + "#grant"},
             {"url", url},
             {"identifier", g.contract_number.empty() ? g.id : g.contract_number},
             {"name", ctx.plain(g.title)}};
  const std::string goal = ctx.plain(g.goal);
  if (!goal.empty()) ld["description"] = goal;
  if (g.amount)
    ld["amount"] = {{"@type", "MonetaryAmount"},
                    {"currency", portal.config.currency},
                    {"value", g.amount->value()}};
  auto organisation = [&](const std::string& id) {
    json o = {{"@type", "Organization"}};
    const Organisation* org = portal.find_organisation(id);
    o["name"] = org ? ctx.plain(org->name) : id;
    if (org) {
      o["url"] = absolute(site, routes::url_of(*org, lang));
      if (!org->bin.empty()) o["taxID"] = org->bin;
    }
    return o;
  };
  if (!g.operator_id.empty()) ld["funder"] = organisation(g.operator_id);
  if (!g.grantee_id.empty()) ld["fundedItem"] = organisation(g.grantee_id);
  // In a <script> element only "</script" ends it, but "<!--" and "<script" inside change how the
  // HTML parser reads on; JSON may spell any character as \uXXXX, so <, > and & never appear raw.
  std::string text;
  for (char c : ld.dump()) {
    if (c == '<')
      text += "\\u003c";
    else if (c == '>')
      text += "\\u003e";
    else if (c == '&')
      text += "\\u0026";
    else
      text += c;
  }
  return text;
}

}  // namespace ashyq::site
