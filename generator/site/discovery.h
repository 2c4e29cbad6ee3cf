#pragma once
// The files for machines that sit beside the pages: sitemap.xml with hreflang alternates,
// robots.txt and an Atom feed of final reports per language; and the per-page metadata for link
// previews and search engines (description, Open Graph, schema.org JSON-LD). Deterministic: the
// same portal gives the same bytes, in the same order, every build; no clock is read.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "site/site_context.h"

namespace ashyq::site {

struct OutputFile {
  std::string path;  // relative to the output root
  std::string bytes;
};

// Pages that search engines should index: every page but the 404 pages and the link report.
bool is_indexable(PageKind kind);

// The sitemap protocol allows 50 000 URLs a file. Up to `max_urls` indexable pages give one
// sitemap.xml; more give sitemap-1.xml, sitemap-2.xml, ... and a sitemap.xml index of them. Every
// language page is a <url> with an xhtml:link alternate for each language and x-default.
// Each file is handed to `file` as soon as it is made (the index first), so that at national scale
// (a million pages) only one sitemap file is held at a time.
void for_each_sitemap_file(const SiteContext& site, const std::vector<PageKey>& pages,
                           const std::function<void(const OutputFile&)>& file,
                           std::size_t max_urls = 50000);
// All of them at once: for tests and small sites.
std::vector<OutputFile> sitemap_files(const SiteContext& site, const std::vector<PageKey>& pages,
                                      std::size_t max_urls = 50000);

// robots.txt: everything may be crawled but the operators' link report; names the sitemap.
std::string robots_txt(const SiteContext& site);

// Atom (RFC 4287) feed of the latest final reports (views::latest_final_reports, at most
// `max_entries`), in `lang`. An entry's updated/published is the report's date at 00:00 UTC (a
// date given only to the month or year counts from its first day); the feed's updated is the newest
// entry's, or the newest date of any grant when there is no entry yet.
std::string atom_feed(const SiteContext& site, Lang lang, std::size_t max_entries = 50);

// schema.org MonetaryGrant of a grant page, as the text of a <script type="application/ld+json">
// (<, > and & written as \u escapes, so nothing in it can end or alter the script element): name,
// description (goal), url, identifier, amount in KZT when published, funder (the operator) and
// fundedItem (the grantee organisation).
std::string grant_json_ld(const SiteContext& site, Lang lang, std::size_t grant);


}  // namespace ashyq::site
