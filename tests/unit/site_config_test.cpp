#include <catch2/catch.hpp>

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

TEST_CASE("Malformed TOML is reported at its line and byte column, after Cyrillic text") {
  std::string findings;
  load(
      "base_url = \"https://ashyq.kz/\"\n"
      "title = { kk = \"Ашық\", ru = \"Открытые\" \n"
      "operator = \"cisc\"\n",
      &findings);
  CHECK(findings ==
        "site.toml:2:52: error: malformed TOML: Error while parsing inline table: expected key or "
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
       "site.toml:3:33: error: title.en: unknown language; expected kk or ru\n"
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
       "base_url, operator, currency, page_size\n"
       "    theme = \"dark\"\n"
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
      {"operator missing",
       "base_url = \"https://ashyq.kz/\"\n"
       "title = { kk = \"Ашық\", ru = \"Открытые\" }\n",
       "site.toml: error: operator: expected the id of the operator's organisation record, e.g. "
       "operator = \"cisc\"\n"},
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

}  // namespace
}  // namespace ashyq
