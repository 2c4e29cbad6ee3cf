#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "temp_folder.h"

namespace ashyq {
namespace {

// Writes `text` as site.toml in a fresh folder and loads it; `findings` gets every finding as the
// user sees it, each with its quoted line and caret when it has a column.
SiteConfig load(const std::string& text, std::string* findings) {
  testing::TempFolder site("site-config");
  const auto path = site.write("site.toml", text);
  Diagnostics diagnostics;
  SiteConfig config = load_site_config(path, "site.toml", diagnostics);
  *findings = format_all(diagnostics, site.root().string());
  return config;
}

const std::string kValid =
    "base_url = \"https://ashyq.kz\"\n"
    "operator = \"cisc\"\n"
    "languages = [\"kk\", \"ru\"]\n"
    "currency = \"KZT\"\n"
    "title = { kk = \"Ашық гранттар\", ru = \"Открытые гранты\" }\n"
    "\n"
    "[description]\n"
    "kk = \"Мемлекеттік гранттар туралы ашық деректер\"\n"
    "ru = \"Открытые данные о государственных грантах\"\n";

TEST_CASE("A valid site.toml is read without findings and the base URL gets its trailing slash") {
  std::string findings;
  const SiteConfig config = load(kValid, &findings);
  CHECK(findings == "");
  CHECK(config.title.in(Lang::kk) == "Ашық гранттар");
  CHECK(config.title.in(Lang::ru) == "Открытые гранты");
  CHECK(config.description.in(Lang::kk) == "Мемлекеттік гранттар туралы ашық деректер");
  CHECK(config.description.in(Lang::ru) == "Открытые данные о государственных грантах");
  CHECK(config.languages == std::vector<Lang>{Lang::kk, Lang::ru});
  CHECK(config.base_url == "https://ashyq.kz/");
  CHECK(config.operator_id == "cisc");
  CHECK(config.currency == "KZT");
}

TEST_CASE("as_of names the day the data are current to; without it no date is assumed") {
  std::string findings;
  CHECK_FALSE(load(kValid, &findings).as_of.has_value());
  std::string text = kValid;
  text.insert(text.find("[description]"), "as_of = \"2026-12-06\"\n");  // a top-level key
  const SiteConfig config = load(text, &findings);
  CHECK(findings == "");
  REQUIRE(config.as_of.has_value());
  CHECK(config.as_of->iso() == "2026-12-06");
}

TEST_CASE("The first language listed is the default") {
  std::string findings;
  const SiteConfig config = load(
      "base_url = \"http://localhost:8000/\"\n"
      "operator = \"cisc\"\n"
      "languages = [\"ru\", \"kk\"]\n"
      "title = { kk = \"Ашық\", ru = \"Открытые\" }\n",
      &findings);
  CHECK(findings == "");
  CHECK(config.languages == std::vector<Lang>{Lang::ru, Lang::kk});
  CHECK(config.base_url == "http://localhost:8000/");
}

TEST_CASE("Malformed TOML is reported at its line and column in characters, after Cyrillic text") {
  std::string findings;
  load(
      "base_url = \"https://ashyq.kz/\"\n"
      "title = { kk = \"Ашық\", ru = \"Открытые\" \n"
      "operator = \"cisc\"\n",
      &findings);
  CHECK(findings ==
        "site.toml:2:40: error: malformed TOML: Error while parsing inline table: expected key or "
        "closing '}', saw '\\n'\n"
        "    title = { kk = \"Ашық\", ru = \"Открытые\" \n"
        "                                           ^\n");
}

TEST_CASE("Each wrong setting in site.toml is reported with what would be right") {
  struct Case {
    const char* what;
    const char* text;
    const char* findings;
  };
  static const Case kCases[] = {
      {"title without its Russian text",
       "base_url = \"https://ashyq.kz/\"\n"
       "operator = \"cisc\"\n"
       "\n"
       "[title]\n"
       "kk = \"Ашық гранттар\"\n",
       "site.toml:4:1: error: title.ru: missing text in ru; the portal's title and description are "
       "needed in both languages\n"
       "    [title]\n"
       "    ^\n"},
      {"title in an unknown language",
       "base_url = \"https://ashyq.kz/\"\n"
       "operator = \"cisc\"\n"
       "title = { kk = \"Ашық\", en = \"Open\" }\n",
       "site.toml:3:9: error: title.ru: missing text in ru; the portal's title and description are "
       "needed in both languages\n"
       "    title = { kk = \"Ашық\", en = \"Open\" }\n"
       "            ^\n"
       "site.toml:3:29: error: title.en: unknown language; expected kk or ru\n"
       "    title = { kk = \"Ашық\", en = \"Open\" }\n"
       "                                ^\n"},
      {"title missing",
       "base_url = \"https://ashyq.kz/\"\n"
       "operator = \"cisc\"\n",
       "site.toml: error: title: missing required table [title] with kk = \"…\" and ru = \"…\"\n"},
      {"title as a plain string",
       "base_url = \"https://ashyq.kz/\"\n"
       "operator = \"cisc\"\n"
       "title = \"Ашық гранттар\"\n",
       "site.toml:3:9: error: title: expected a table with kk = \"…\" and ru = \"…\"\n"
       "    title = \"Ашық гранттар\"\n"
       "            ^\n"},
      {"description without Kazakh",
       "base_url = \"https://ashyq.kz/\"\n"
       "operator = \"cisc\"\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n"
       "description = { ru = \"Открытые данные\" }\n",
       "site.toml:4:15: error: description.kk: missing text in kk; the portal's title and "
       "description are needed in both languages\n"
       "    description = { ru = \"Открытые данные\" }\n"
       "                  ^\n"},
      {"base URL without a scheme",
       "base_url = \"ashyq.kz\"\n"
       "operator = \"cisc\"\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n",
       "site.toml:1:12: error: base_url: must start with https:// or http://\n"
       "    base_url = \"ashyq.kz\"\n"
       "               ^\n"},
      {"base URL with another scheme",
       "base_url = \"ftp://ashyq.kz/\"\n"
       "operator = \"cisc\"\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n",
       "site.toml:1:12: error: base_url: must start with https:// or http://\n"
       "    base_url = \"ftp://ashyq.kz/\"\n"
       "               ^\n"},
      {"base URL missing",
       "operator = \"cisc\"\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n",
       "site.toml: error: base_url: expected the portal's absolute address, e.g. base_url = "
       "\"https://example.org/\"\n"},
      {"base URL as a number",
       "base_url = 8000\n"
       "operator = \"cisc\"\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n",
       "site.toml:1:12: error: base_url: expected the portal's absolute address, e.g. base_url = "
       "\"https://example.org/\"\n"
       "    base_url = 8000\n"
       "               ^\n"},
      {"unknown key",
       "base_url = \"https://ashyq.kz/\"\n"
       "operator = \"cisc\"\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n"
       "theme = \"dark\"\n",
       "site.toml:4:9: error: theme: unknown key; expected one of: title, description, languages, "
       "base_url, operator, currency, page_size, as_of, links, search, data_licence\n"
       "    theme = \"dark\"\n"
       "            ^\n"},
      {"a data date that is not a day",
       "base_url = \"https://ashyq.kz/\"\n"
       "operator = \"cisc\"\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n"
       "as_of = \"2026-12\"\n",
       "site.toml:4:9: error: as_of: expected the day the portal's data are current to, as a "
       "quoted "
       "YYYY-MM-DD date, e.g. as_of = \"2026-12-01\"\n"
       "    as_of = \"2026-12\"\n"
       "            ^\n"},
      {"the same language twice",
       "base_url = \"https://ashyq.kz/\"\n"
       "operator = \"cisc\"\n"
       "languages = [\"kk\", \"kk\"]\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n",
       "site.toml:3:13: error: languages: expected both portal languages, the default first: "
       "[\"kk\", \"ru\"] or [\"ru\", \"kk\"]\n"
       "    languages = [\"kk\", \"kk\"]\n"
       "                ^\n"},
      {"one language only",
       "base_url = \"https://ashyq.kz/\"\n"
       "operator = \"cisc\"\n"
       "languages = [\"kk\"]\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n",
       "site.toml:3:13: error: languages: expected both portal languages, the default first: "
       "[\"kk\", \"ru\"] or [\"ru\", \"kk\"]\n"
       "    languages = [\"kk\"]\n"
       "                ^\n"},
      {"a language the portal does not have",
       "base_url = \"https://ashyq.kz/\"\n"
       "operator = \"cisc\"\n"
       "languages = [\"en\", \"ru\"]\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n",
       "site.toml:3:13: error: languages: expected both portal languages, the default first: "
       "[\"kk\", \"ru\"] or [\"ru\", \"kk\"]\n"
       "    languages = [\"en\", \"ru\"]\n"
       "                ^\n"},
      {"operator left out, as in a new portal (ashyq init)",
       "base_url = \"https://ashyq.kz/\"\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n",
       ""},
      {"operator not an id",
       "base_url = \"https://ashyq.kz/\"\n"
       "operator = 5\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n",
       "site.toml:2:12: error: operator: expected the id of the operator's organisation record, "
       "e.g. operator = \"cisc\"\n"
       "    operator = 5\n"
       "               ^\n"},
      {"a currency other than tenge",
       "base_url = \"https://ashyq.kz/\"\n"
       "operator = \"cisc\"\n"
       "currency = \"USD\"\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n",
       "site.toml:3:12: error: currency: only \"KZT\" is supported: every amount is whole tenge\n"
       "    currency = \"USD\"\n"
       "               ^\n"},
      {"malformed UTF-8 (a Windows-1251 file)",
       "base_url = \"https://ashyq.kz/\"\n"
       "title = { kk = \"\xC0\xF8\xFB\xEA\" }\n",
       "site.toml:2:17: error: malformed UTF-8; save the file as UTF-8\n"
       "    title = { kk = \"\xC0\xF8\xFB\xEA\" }\n"
       "                    ^\n"},
  };
  for (const Case& c : kCases) {
    INFO(c.what);
    std::string findings;
    load(c.text, &findings);
    CHECK(findings == c.findings);
  }
}

TEST_CASE("A missing site.toml is reported for the whole file and defaults are returned") {
  testing::TempFolder site("site-config");
  Diagnostics diagnostics;
  const SiteConfig config = load_site_config(site / "site.toml", "site.toml", diagnostics);
  CHECK(format_all(diagnostics, site.root().string()) ==
        "site.toml: error: cannot read the site configuration; every site needs a site.toml at its "
        "root\n");
  CHECK(config.languages == std::vector<Lang>{Lang::kk, Lang::ru});
  CHECK(config.currency == "KZT");
}

const std::string kLinksBase =
    "base_url = \"https://ashyq.kz/\"\n"
    "operator = \"cisc\"\n"
    "title = { kk = \"Ашық\", ru = \"Открытые\" }\n"
    "\n";

TEST_CASE("[data_licence] gives the open data's licence: SPDX id, URL and title", "[export]") {
  std::string findings;
  const SiteConfig config = load(kLinksBase +
                                     "[data_licence]\n"
                                     "id = \"CC-BY-4.0\"\n"
                                     "url = \"https://creativecommons.org/licenses/by/4.0/\"\n"
                                     "title = \"Creative Commons Attribution 4.0 International\"\n",
                                 &findings);
  CHECK(findings == "");
  REQUIRE(config.data_licence);
  CHECK(config.data_licence->id == "CC-BY-4.0");
  CHECK(config.data_licence->url == "https://creativecommons.org/licenses/by/4.0/");
  CHECK(config.data_licence->title == "Creative Commons Attribution 4.0 International");
  // Without the table no licence is claimed.
  CHECK_FALSE(load(kLinksBase, &findings).data_licence);
  CHECK(findings == "");
}

TEST_CASE(
    "A wrong [data_licence] is an error at its place saying what would be right, and no "
    "licence is kept",
    "[export]") {
  std::string findings;
  const SiteConfig config = load(kLinksBase +
                                     "[data_licence]\n"
                                     "id = \"CC BY 4.0\"\n"
                                     "url = \"creativecommons.org/licenses/by/4.0/\"\n"
                                     "licence = \"x\"\n",
                                 &findings);
  CHECK_FALSE(config.data_licence);
  CHECK(
      findings ==
      "site.toml:6:6: error: data_licence.id: expected an SPDX licence id (letters, digits, '.' "
      "and '-'), e.g. id = \"CC-BY-4.0\"\n"
      "    id = \"CC BY 4.0\"\n"
      "         ^\n"
      "site.toml:7:7: error: data_licence.url: expected the absolute http(s) address of the "
      "licence's text, e.g. url = \"https://creativecommons.org/licenses/by/4.0/\"\n"
      "    url = \"creativecommons.org/licenses/by/4.0/\"\n"
      "          ^\n"
      "site.toml:8:11: error: data_licence.licence: unknown key; expected one of: id, url, title\n"
      "    licence = \"x\"\n"
      "              ^\n");
  load(kLinksBase + "[data_licence]\nid = \"CC0-1.0\"\n", &findings);
  CHECK(findings ==
        "site.toml:5:1: error: data_licence.url: missing; [data_licence] with id = \"CC-BY-4.0\", "
        "url = \"https://creativecommons.org/licenses/by/4.0/\" and title = \"Creative Commons "
        "Attribution 4.0 International\"\n"
        "    [data_licence]\n"
        "    ^\n");
}

TEST_CASE(
    "data_licence = \"<SPDX id>\" names a licence Ashyq knows, in any case, with its text "
    "and name",
    "[export]") {
  struct Case {
    const char* written;
    const char* id;
    const char* url;
    const char* title;
  };
  const Case kCases[] = {
      {"CC-BY-4.0", "CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/",
       "Creative Commons Attribution 4.0 International"},
      {"cc0-1.0", "CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/",
       "Creative Commons Zero v1.0 Universal"},
      {"ODbL-1.0", "ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/",
       "Open Data Commons Open Database License v1.0"},
  };
  for (const Case& c : kCases) {
    INFO(c.written);
    std::string findings;
    const SiteConfig config =
        load("data_licence = \"" + std::string(c.written) + "\"\n" + kLinksBase, &findings);
    CHECK(findings == "");
    REQUIRE(config.data_licence);
    CHECK(config.data_licence->id == c.id);
    CHECK(config.data_licence->url == c.url);
    CHECK(config.data_licence->title == c.title);
  }
}

TEST_CASE("A data_licence Ashyq does not know by its id, or of no form, is an error at its place",
          "[export]") {
  std::string findings;
  CHECK_FALSE(load("data_licence = \"CC-BY-NC-4.0\"\n" + kLinksBase, &findings).data_licence);
  CHECK(findings ==
        "site.toml:1:16: error: data_licence: Ashyq does not know the licence \"CC-BY-NC-4.0\"; "
        "expected one of CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ODC-By-1.0, ODbL-1.0 and PDDL-1.0, or "
        "for another licence a table [data_licence] with id = \"CC-BY-4.0\", url = "
        "\"https://creativecommons.org/licenses/by/4.0/\" and title = \"Creative Commons "
        "Attribution 4.0 International\"\n"
        "    data_licence = \"CC-BY-NC-4.0\"\n"
        "                   ^\n");
  CHECK_FALSE(load("data_licence = true\n" + kLinksBase, &findings).data_licence);
  CHECK(findings ==
        "site.toml:1:16: error: data_licence: expected data_licence = \"CC-BY-4.0\" (Ashyq knows "
        "CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ODC-By-1.0, ODbL-1.0 and PDDL-1.0 by their SPDX id), or "
        "for another licence a table [data_licence] with its id, url and title\n"
        "    data_licence = true\n"
        "                   ^\n");
}

// The warning of a portal that states no licence for its open data, as the user sees it (the
// check and build commands report it; the configuration alone does not).
std::string missing_licence(const std::string& text) {
  testing::TempFolder site("site-config");
  const auto path = site.write("site.toml", text);
  Diagnostics diagnostics;
  report_missing_data_licence(path, "site.toml", diagnostics);
  return format_all(diagnostics, site.root().string());
}

const std::string kNoLicence =
    "the portal publishes its open data (data/datapackage.json, the CSV, JSON and XLSX files) "
    "under no licence: datapackage.json names none and the data page says none is stated, so "
    "nobody may reuse the data without asking; choose one and state it ";
const std::string kForms =
    "data_licence = \"CC-BY-4.0\" (Ashyq knows CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, ODC-By-1.0, "
    "ODbL-1.0 and PDDL-1.0 by their SPDX id), or for another licence a table [data_licence] with "
    "its id, url and title";

TEST_CASE("A site.toml without a data licence is warned where the licence would go", "[export]") {
  SECTION("at the commented-out key (ashyq init writes one), before a commented-out table") {
    CHECK(missing_licence("base_url = \"https://ashyq.kz/\"\n"
                          "#   [data_licence]\n"
                          "  # data_licence = \"CC-BY-4.0\"\n"
                          "[title]\nkk = \"Ашық\"\nru = \"Открытые\"\n") ==
          "site.toml:3:3: warning: data_licence: " + kNoLicence + "here without the #: " + kForms +
              "\n"
              "      # data_licence = \"CC-BY-4.0\"\n"
              "      ^\n");
  }
  SECTION("at a commented-out table, columns counted after a byte order mark") {
    CHECK(missing_licence("\xEF\xBB\xBF# [data_licence]\n"
                          "# id = \"CC0-1.0\"\n"
                          "base_url = \"https://ashyq.kz/\"\n"
                          "title = { kk = \"Ашық\", ru = \"Открытые\" }\n")
              .starts_with("site.toml:1:1: warning: data_licence: " + kNoLicence +
                           "here without the #: " + kForms + "\n"));
  }
  SECTION("above the first table, where a top-level key must go, when nothing is commented out") {
    CHECK(missing_licence("base_url = \"https://ashyq.kz/\"\n"
                          "# The portal's name.\n"
                          "[title]\nkk = \"Ашық\"\nru = \"Открытые\"\n"
                          "[links]\nseverity = \"warning\"\n") ==
          "site.toml:3:1: warning: data_licence: " + kNoLicence +
              "at the top level, above this line: " + kForms +
              "\n"
              "    [title]\n"
              "    ^\n");
  }
  SECTION("at the first line when site.toml has no table") {
    CHECK(missing_licence(kLinksBase) == "site.toml:1:1: warning: data_licence: " + kNoLicence +
                                             "at the top level: " + kForms +
                                             "\n"
                                             "    base_url = \"https://ashyq.kz/\"\n"
                                             "    ^\n");
  }
  SECTION("nothing when a licence is stated, even a wrong one (that is an error of its own)") {
    CHECK(missing_licence("data_licence = \"CC-BY-4.0\"\n" + kLinksBase) == "");
    CHECK(missing_licence("data_licence = \"no such licence\"\n" + kLinksBase) == "");
    CHECK(missing_licence(kLinksBase + "[data_licence]\nid = \"CC0-1.0\"\n") == "");
  }
  SECTION("nothing for the national portal's site.toml, which states CC-BY-4.0") {
    Diagnostics diagnostics;
    report_missing_data_licence(std::filesystem::path(ASHYQ_SOURCE_DIR) / "site.toml", "site.toml",
                                diagnostics);
    CHECK(diagnostics.items().empty());
  }
}

TEST_CASE("Without a [links] table the link settings are the documented defaults", "[links]") {
  std::string findings;
  const SiteConfig config = load(kLinksBase, &findings);
  CHECK(findings == "");
  const LinkSettings& links = config.links;
  CHECK(links.broken_is_error);
  CHECK(links.max_age_days == 7);
  CHECK(links.per_host_delay_ms == 1000);
  CHECK(links.connect_timeout_ms == 10000);
  CHECK(links.timeout_ms == 30000);
  CHECK(links.concurrency == 8);
  CHECK(links.user_agent == "Ashyq-LinkChecker/0.1 (+https://ashyq.kz/)");
  CHECK(links.hosts.empty());
}

TEST_CASE("Every key of [links] and [links.hosts] is read", "[links]") {
  std::string findings;
  const SiteConfig config = load(kLinksBase +
                                     "[links]\n"
                                     "severity = \"warning\"\n"
                                     "max_age_days = 0\n"
                                     "per_host_delay_ms = 250\n"
                                     "connect_timeout_ms = 2000\n"
                                     "timeout_ms = 5000\n"
                                     "concurrency = 3\n"
                                     "user_agent = \"Test/1.0 (+https://ashyq.kz/)\"\n"
                                     "\n"
                                     "[links.hosts]\n"
                                     "\"Instagram.com\" = \"warn\"\n"
                                     "\"t.me\" = \"skip\"\n"
                                     "\"news.example.kz\" = \"check\"\n",
                                 &findings);
  CHECK(findings == "");
  const LinkSettings& links = config.links;
  CHECK_FALSE(links.broken_is_error);
  CHECK(links.max_age_days == 0);
  CHECK(links.per_host_delay_ms == 250);
  CHECK(links.connect_timeout_ms == 2000);
  CHECK(links.timeout_ms == 5000);
  CHECK(links.concurrency == 3);
  CHECK(links.user_agent == "Test/1.0 (+https://ashyq.kz/)");
  CHECK(links.hosts == std::map<std::string, HostPolicy>{{"instagram.com", HostPolicy::warn},
                                                         {"t.me", HostPolicy::skip},
                                                         {"news.example.kz", HostPolicy::check}});
}

TEST_CASE("Bad [links] values are errors at their place saying what would be right", "[links]") {
  struct Case {
    const char* what;
    std::string text;
    std::string findings;
  };
  const Case kCases[] = {
      {"an unknown severity", "[links]\nseverity = \"fatal\"\n",
       "site.toml:6:12: error: links.severity: expected \"error\" (a broken link fails `ashyq "
       "links`) or \"warning\"\n"
       "    severity = \"fatal\"\n"
       "               ^\n"},
      {"a negative age", "[links]\nmax_age_days = -1\n",
       "site.toml:6:16: error: links.max_age_days: expected the age in days after which a cached "
       "result is checked again, from 0 to 3650\n"
       "    max_age_days = -1\n"
       "                   ^\n"},
      {"a timeout as a string", "[links]\ntimeout_ms = \"30s\"\n",
       "site.toml:6:14: error: links.timeout_ms: expected the timeout of one whole request in "
       "milliseconds, from 1 to 600000\n"
       "    timeout_ms = \"30s\"\n"
       "                 ^\n"},
      {"a fractional delay", "[links]\nper_host_delay_ms = 1.5\n",
       "site.toml:6:21: error: links.per_host_delay_ms: expected the pause between two requests "
       "to one host in milliseconds, from 0 to 60000\n"
       "    per_host_delay_ms = 1.5\n"
       "                        ^\n"},
      {"no concurrency", "[links]\nconcurrency = 0\n",
       "site.toml:6:15: error: links.concurrency: expected the number of requests in flight at "
       "once, from 1 to 64\n"
       "    concurrency = 0\n"
       "                  ^\n"},
      {"an empty user agent", "[links]\nuser_agent = \"\"\n",
       "site.toml:6:14: error: links.user_agent: expected a non-empty string that names the "
       "checker and the site\n"
       "    user_agent = \"\"\n"
       "                 ^\n"},
      {"an unknown key", "[links]\nretries = 3\n",
       "site.toml:6:11: error: links.retries: unknown key; expected one of: severity, "
       "max_age_days, per_host_delay_ms, connect_timeout_ms, timeout_ms, concurrency, "
       "user_agent, hosts\n"
       "    retries = 3\n"
       "              ^\n"},
      {"links not a table", "links = \"yes\"\n",
       "site.toml:5:9: error: links: expected a table [links] (see docs/links.md)\n"
       "    links = \"yes\"\n"
       "            ^\n"},
      {"an unknown host policy", "[links.hosts]\n\"instagram.com\" = \"ignore\"\n",
       "site.toml:6:19: error: links.hosts.instagram.com: expected \"check\", \"skip\" (never "
       "requested) or \"warn\" (checked; broken only a warning)\n"
       "    \"instagram.com\" = \"ignore\"\n"
       "                      ^\n"},
      {"a URL where a host belongs", "[links.hosts]\n\"https://t.me\" = \"skip\"\n",
       "site.toml:6:18: error: links.hosts.https://t.me: expected a host name such as "
       "\"instagram.com\", without scheme, port or path\n"
       "    \"https://t.me\" = \"skip\"\n"
       "                     ^\n"},
  };
  for (const Case& c : kCases) {
    INFO(c.what);
    std::string findings;
    load(kLinksBase + c.text, &findings);
    CHECK(findings == c.findings);
  }
}

}  // namespace
}  // namespace ashyq
