// The files for machines (sitemap.xml, robots.txt, Atom feeds) and the per-page metadata (Open
// Graph, description, schema.org JSON-LD), on the synthetic portal fixture, against figures worked
// out by hand from tests/fixtures/portal.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "test_site.h"

namespace ashyq::integration {
namespace {

const std::string kBase = "https://portal.synthetic.example/";

struct Built {
  TestSite site{"portal"};
  RunResult result = site.build();
};

const Built& built() {
  static const Built b;
  return b;
}

std::string output(const std::string& relative) {
  const Built& b = built();
  INFO(b.result.err);
  REQUIRE(b.result.exit_code == 0);
  REQUIRE(b.site.exists("public/" + relative));
  return b.site.read("public/" + relative);
}

std::vector<std::string> all_matches(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1].str());
  return out;
}

TEST_CASE("The fixture's base URL is the one these tests expect", "[discovery]") {
  const std::string toml = built().site.read("site.toml");
  REQUIRE(toml.find("base_url = \"" + kBase + "\"") != std::string::npos);
}

TEST_CASE("sitemap.xml lists every page but the 404s and the link report, once, in both languages",
          "[discovery]") {
  const std::string sitemap = output("sitemap.xml");
  const std::vector<std::string> locs = all_matches(sitemap, "<url><loc>([^<]+)</loc>");
  const std::set<std::string> unique(locs.begin(), locs.end());
  CHECK(unique.size() == locs.size());

  std::set<std::string> expected;
  for (const auto& [file, bytes] : built().site.files("public")) {
    if (!file.ends_with(".html") || file.ends_with("404.html") ||
        file.find("/link-report/") != std::string::npos)
      continue;
    expected.insert(kBase + file.substr(0, file.size() - std::string("index.html").size()));
  }
  CHECK(unique == expected);
  CHECK(expected.size() > 100);

  // Every language page names its two versions and the default; each alternate is a page of the
  // site.
  const std::string grant = "grants/synthetic-2023-literacy/";
  const std::string entry = "<url><loc>" + kBase + "ru/" + grant + "</loc>" +
                            "<xhtml:link rel=\"alternate\" hreflang=\"kk\" href=\"" + kBase + "kk/" +
                            grant + "\"/>" +
                            "<xhtml:link rel=\"alternate\" hreflang=\"ru\" href=\"" + kBase + "ru/" +
                            grant + "\"/>" +
                            "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" + kBase +
                            "kk/" + grant + "\"/></url>";
  CHECK(sitemap.find(entry) != std::string::npos);
  const std::vector<std::string> hrefs = all_matches(sitemap, "href=\"([^\"]+)\"");
  CHECK(hrefs.size() == 3 * (locs.size() - 1));  // all but the language choice at /
  for (const std::string& href : hrefs) {
    INFO(href);
    CHECK(expected.count(href) == 1);
  }
  CHECK(sitemap.find("404") == std::string::npos);
  CHECK(sitemap.find("link-report") == std::string::npos);
}

TEST_CASE("robots.txt keeps crawlers out of the link report only, and names the sitemap",
          "[discovery]") {
  CHECK(output("robots.txt") ==
        "User-agent: *\nDisallow: /kk/link-report/\nDisallow: /ru/link-report/\n\nSitemap: " +
            kBase + "sitemap.xml\n");
}

TEST_CASE("Each language's Atom feed lists the final reports, newest first", "[discovery]") {
  for (const char* lang : {"kk", "ru"}) {
    INFO(lang);
    const std::string feed = output(std::string(lang) + "/feed.xml");
    CHECK(feed.find("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" + std::string(lang) +
                    "\">") != std::string::npos);
    // The three completed grants of the fixture, by the dates of their final reports.
    const std::string grants = kBase + lang + "/grants/";
    CHECK(all_matches(feed, "<entry>\n<id>([^<]+)</id>") ==
          std::vector<std::string>{grants + "synthetic-2024-ecology/",
                                   grants + "synthetic-2023-culture-bridge/",
                                   grants + "synthetic-2023-literacy/"});
    CHECK(all_matches(feed, "<updated>([^<]+)</updated>") ==
          std::vector<std::string>{"2024-12-20T00:00:00Z", "2024-12-20T00:00:00Z",
                                   "2023-12-25T00:00:00Z", "2023-11-30T00:00:00Z"});
    CHECK(feed.find("<link rel=\"self\" type=\"application/atom+xml\" href=\"" + kBase + lang +
                    "/feed.xml\"/>") != std::string::npos);
  }
  // Every page of a language points feed readers at that language's feed.
  CHECK(output("ru/regions/index.html")
            .find("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"") !=
        std::string::npos);
  CHECK(output("ru/regions/index.html").find("href=\"/ru/feed.xml\">") != std::string::npos);
}

TEST_CASE("Grant pages carry a MonetaryGrant in JSON-LD; no amount is invented", "[discovery]") {
  const std::string page = output("ru/grants/synthetic-2023-literacy/index.html");
  const std::vector<std::string> ld =
      all_matches(page, "<script type=\"application/ld\\+json\">(.*)</script>");
  REQUIRE(ld.size() == 1);
  CHECK(ld[0].find("\"@type\":\"MonetaryGrant\"") != std::string::npos);
  CHECK(ld[0].find("\"amount\":{\"@type\":\"MonetaryAmount\",\"currency\":\"KZT\",\"value\":3500000}") !=
        std::string::npos);
  CHECK(ld[0].find("\"funder\":{\"@type\":\"Organization\"") != std::string::npos);
  CHECK(ld[0].find("\"fundedItem\":{\"@type\":\"Organization\"") != std::string::npos);
  CHECK(ld[0].find("\"url\":\"" + kBase + "ru/grants/synthetic-2023-literacy/\"") !=
        std::string::npos);

  const std::string planned = output("kk/grants/synthetic-2025-planned/index.html");
  const std::vector<std::string> planned_ld =
      all_matches(planned, "<script type=\"application/ld\\+json\">(.*)</script>");
  REQUIRE(planned_ld.size() == 1);
  CHECK(planned_ld[0].find("\"amount\"") == std::string::npos);
  // Only grant pages have it.
  CHECK(output("kk/grants/index.html").find("application/ld+json") == std::string::npos);
}

TEST_CASE("Every page has Open Graph metadata in its own language", "[discovery]") {
  for (const auto& [file, html] : built().site.files("public")) {
    if (!file.ends_with(".html") || file == "index.html" || file == "404.html") continue;
    INFO(file);
    const bool kk = file.starts_with("kk/");
    CHECK(html.find(std::string("<meta property=\"og:locale\" content=\"") +
                    (kk ? "kk_KZ" : "ru_RU") + "\">") != std::string::npos);
    CHECK(html.find("<meta property=\"og:url\" content=\"" + kBase) != std::string::npos);
    CHECK(html.find("<meta property=\"og:title\" content=\"") != std::string::npos);
    CHECK(html.find("<meta name=\"description\" content=\"") != std::string::npos);
  }
}

}  // namespace
}  // namespace ashyq::integration
