// The [search] table of site.toml (docs/search.md): where the search page's form goes without
// scripts. Every wrong value is reported with its place and what would be right.
#include <catch2/catch.hpp>

#include <string>

#include "config/site_config.h"
#include "temp_folder.h"

namespace ashyq {
namespace {

const std::string kSite =
    "base_url = \"https://ashyq.kz/\"\n"
    "operator = \"cisc\"\n"
    "title = { kk = \"Ашық\", ru = \"Открытые\" }\n";

SiteConfig load(const std::string& search_table, std::string* findings) {
  testing::TempFolder site("search-config");
  const auto path = site.write("site.toml", kSite + search_table);
  Diagnostics diagnostics;
  SiteConfig config = load_site_config(path, "site.toml", diagnostics);
  *findings = format_all(diagnostics, site.root().string());
  return config;
}

TEST_CASE("Without [search] the search page has no fallback", "[search]") {
  std::string findings;
  const SiteConfig config = load("", &findings);
  CHECK(findings == "");
  CHECK(config.search.fallback_action.empty());
  CHECK(config.search.fallback_site_param.empty());
}

TEST_CASE("A [search] fallback with both keys is read", "[search]") {
  std::string findings;
  const SiteConfig config = load(
      "[search]\nfallback_action = \"https://duckduckgo.com/\"\nfallback_site_param = \"sites\"\n",
      &findings);
  CHECK(findings == "");
  CHECK(config.search.fallback_action == "https://duckduckgo.com/");
  CHECK(config.search.fallback_site_param == "sites");
}

TEST_CASE("Each wrong [search] setting is reported at its place with what would be right",
          "[search]") {
  struct Case {
    std::string toml;
    std::string finding;
  };
  const Case cases[] = {
      {"[search]\nfallback_action = \"duckduckgo.com\"\nfallback_site_param = \"sites\"\n",
       "site.toml:5:19: error: search.fallback_action: expected the absolute address of a web "
       "search form without query, e.g. fallback_action = \"https://duckduckgo.com/\"\n"},
      {"[search]\nfallback_action = \"https://duckduckgo.com/?q=x\"\nfallback_site_param = "
       "\"sites\"\n",
       "site.toml:5:19: error: search.fallback_action: expected the absolute address of a web "
       "search form without query, e.g. fallback_action = \"https://duckduckgo.com/\"\n"},
      {"[search]\nfallback_action = \"https://duckduckgo.com/\"\nfallback_site_param = \"a b\"\n",
       "site.toml:6:23: error: search.fallback_site_param: expected the name of the search "
       "engine's parameter that restricts a search to one site (letters, digits, _ or -), e.g. "
       "fallback_site_param = \"sites\"\n"},
      {"[search]\nfallback_action = \"https://duckduckgo.com/\"\n",
       "site.toml:4:1: error: search.fallback_site_param: missing; fallback_action and "
       "fallback_site_param go together (set both for a site-restricted web search without "
       "scripts, or neither)\n"},
      {"[search]\nfallback = \"https://duckduckgo.com/\"\n",
       "site.toml:5:12: error: search.fallback: unknown key; expected one of: fallback_action, "
       "fallback_site_param\n"},
      {"search = \"duckduckgo\"\n",
       "site.toml:4:10: error: search: expected a table [search] with fallback_action and "
       "fallback_site_param (see docs/search.md)\n"},
  };
  for (const Case& c : cases) {
    std::string findings;
    const SiteConfig config = load(c.toml, &findings);
    INFO(c.toml);
    // The first line of the finding: the quoted source line and caret follow it.
    CHECK(findings.substr(0, findings.find('\n') + 1) == c.finding);
    CHECK(config.search.fallback_action.empty() == config.search.fallback_site_param.empty());
  }
}

}  // namespace
}  // namespace ashyq
