#include "config/site_config.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>
#include <string_view>

#include <toml++/toml.h>

#include "core/file_io.h"
#include "core/text_position.h"

namespace ashyq {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// site.toml as read: toml++ positions refer to the text after a BOM and count columns in code
// points, as diagnostics do; a BOM is no column an editor shows.
struct TomlFile {
  std::string display;
  std::string_view text;  // without the BOM
};

SourceLocation location_at(const TomlFile& file, const toml::source_position& position) {
  const int line = static_cast<int>(position.line);
  if (line <= 0) return {file.display, 0, 0};
  return {file.display, line, static_cast<int>(position.column)};
}

SourceLocation location_of(const TomlFile& file, const toml::node* node) {
  if (!node) return {file.display, 0, 0};
  return location_at(file, node->source().begin);
}

LocalizedText read_text(const toml::table& root, std::string_view key, const TomlFile& file,
                        bool required, Diagnostics& diagnostics) {
  LocalizedText text;
  const toml::node* node = root.get(key);
  if (!node) {
    if (required)
      diagnostics.error(
          {file.display, 0, 0}, std::string(key),
          "missing required table [" + std::string(key) + "] with kk = \"…\" and ru = \"…\"");
    return text;
  }
  const toml::table* table = node->as_table();
  if (!table) {
    diagnostics.error(location_of(file, node), std::string(key),
                      "expected a table with kk = \"…\" and ru = \"…\"");
    return text;
  }
  for (const auto& [lang_key, value] : *table) {
    const std::string field = std::string(key) + "." + std::string(lang_key.str());
    auto lang = parse_lang(lang_key.str());
    if (!lang) {
      diagnostics.error(location_of(file, &value), field, "unknown language; expected kk or ru");
      continue;
    }
    if (!value.is_string()) {
      diagnostics.error(location_of(file, &value), field, "expected a string");
      continue;
    }
    text.set(*lang, **value.as_string());
  }
  for (Lang lang : kAllLangs)
    if (!text.has(lang))
      diagnostics.error(location_of(file, node),
                        std::string(key) + "." + std::string(lang_code(lang)),
                        "missing text in " + std::string(lang_code(lang)) +
                            "; the portal's title and description are needed in both languages");
  return text;
}

// [links]: how `ashyq links` checks (see docs/links.md). Every key is optional.
void read_links(const toml::node& node, const TomlFile& file, LinkSettings& links,
                Diagnostics& diagnostics) {
  const toml::table* table = node.as_table();
  if (!table) {
    diagnostics.error(location_of(file, &node), "links",
                      "expected a table [links] (see docs/links.md)");
    return;
  }
  struct IntegerKey {
    std::string_view key;
    int* value;
    int min, max;
    const char* what;
  };
  const IntegerKey numbers[] = {
      {"max_age_days", &links.max_age_days, 0, 3650,
       "the age in days after which a cached result is checked again, from 0 to 3650"},
      {"per_host_delay_ms", &links.per_host_delay_ms, 0, 60000,
       "the pause between two requests to one host in milliseconds, from 0 to 60000"},
      {"connect_timeout_ms", &links.connect_timeout_ms, 1, 300000,
       "the connection timeout in milliseconds, from 1 to 300000"},
      {"timeout_ms", &links.timeout_ms, 1, 600000,
       "the timeout of one whole request in milliseconds, from 1 to 600000"},
      {"concurrency", &links.concurrency, 1, 64,
       "the number of requests in flight at once, from 1 to 64"},
  };
  for (const auto& [key, value] : *table) {
    const std::string field = "links." + std::string(key.str());
    if (key.str() == "severity") {
      const auto text = value.value<std::string>();
      if (!text || (*text != "error" && *text != "warning"))
        diagnostics.error(location_of(file, &value), field,
                          "expected \"error\" (a broken link fails `ashyq links`) or "
                          "\"warning\"");
      else
        links.broken_is_error = *text == "error";
    } else if (key.str() == "user_agent") {
      const auto text = value.value<std::string>();
      if (!text || text->empty())
        diagnostics.error(location_of(file, &value), field,
                          "expected a non-empty string that names the checker and the site");
      else
        links.user_agent = *text;
    } else if (key.str() == "hosts") {
      const toml::table* hosts = value.as_table();
      if (!hosts) {
        diagnostics.error(location_of(file, &value), field,
                          "expected a table [links.hosts] of host = \"check\", \"skip\" or "
                          "\"warn\"");
        continue;
      }
      for (const auto& [host, policy] : *hosts) {
        const std::string host_field = field + "." + std::string(host.str());
        const auto text = policy.value<std::string>();
        std::optional<HostPolicy> parsed;
        if (text && *text == "check") parsed = HostPolicy::check;
        if (text && *text == "skip") parsed = HostPolicy::skip;
        if (text && *text == "warn") parsed = HostPolicy::warn;
        std::string name(host.str());
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (name.empty() || name.find_first_of("/: ") != std::string::npos)
          diagnostics.error(location_of(file, &policy), host_field,
                            "expected a host name such as \"instagram.com\", without scheme, "
                            "port or path");
        else if (!parsed)
          diagnostics.error(location_of(file, &policy), host_field,
                            "expected \"check\", \"skip\" (never requested) or \"warn\" "
                            "(checked; broken only a warning)");
        else
          links.hosts[name] = *parsed;
      }
    } else {
      const IntegerKey* number = nullptr;
      for (const IntegerKey& n : numbers)
        if (n.key == key.str()) number = &n;
      if (!number) {
        diagnostics.error(location_of(file, &value), field,
                          "unknown key; expected one of: severity, max_age_days, "
                          "per_host_delay_ms, connect_timeout_ms, timeout_ms, concurrency, "
                          "user_agent, hosts");
        continue;
      }
      const auto parsed = value.value<std::int64_t>();
      if (!value.is_integer() || !parsed || *parsed < number->min || *parsed > number->max)
        diagnostics.error(location_of(file, &value), field,
                          std::string("expected ") + number->what);
      else
        *number->value = static_cast<int>(*parsed);
    }
  }
}

// [search]: where the search page's form goes when scripts are off (see docs/search.md). Both keys
// or neither.
void read_search(const toml::node& node, const TomlFile& file, SearchSettings& search,
                 Diagnostics& diagnostics) {
  const toml::table* table = node.as_table();
  if (!table) {
    diagnostics.error(location_of(file, &node), "search",
                      "expected a table [search] with fallback_action and fallback_site_param "
                      "(see docs/search.md)");
    return;
  }
  bool bad = false;
  for (const auto& [key, value] : *table) {
    const std::string field = "search." + std::string(key.str());
    const auto text = value.value<std::string>();
    if (key.str() == "fallback_action") {
      const bool absolute = text && (text->starts_with("https://") || text->starts_with("http://"));
      if (!absolute || text->find_first_of(" \"\\<>?#") != std::string::npos) {
        bad = true;
        diagnostics.error(location_of(file, &value), field,
                          "expected the absolute address of a web search form without query, "
                          "e.g. fallback_action = \"https://duckduckgo.com/\"");
      } else {
        search.fallback_action = *text;
      }
    } else if (key.str() == "fallback_site_param") {
      const bool name =
          text && !text->empty() && std::all_of(text->begin(), text->end(), [](unsigned char c) {
            return std::isalnum(c) || c == '_' || c == '-';
          });
      if (!name) {
        bad = true;
        diagnostics.error(location_of(file, &value), field,
                          "expected the name of the search engine's parameter that restricts a "
                          "search to one site (letters, digits, _ or -), e.g. "
                          "fallback_site_param = \"sites\"");
      } else {
        search.fallback_site_param = *text;
      }
    } else {
      bad = true;
      diagnostics.error(location_of(file, &value), field,
                        "unknown key; expected one of: fallback_action, fallback_site_param");
    }
  }
  // A half-configured fallback is no fallback; a key already reported is not reported again.
  if (!bad && search.fallback_action.empty() != search.fallback_site_param.empty()) {
    const char* missing =
        search.fallback_action.empty() ? "fallback_action" : "fallback_site_param";
    diagnostics.error(location_of(file, &node), std::string("search.") + missing,
                      "missing; fallback_action and fallback_site_param go together (set both for "
                      "a site-restricted web search without scripts, or neither)");
    bad = true;
  }
  if (bad) search = {};
}

// The licences `data_licence = "<SPDX id>"` names by their id alone: the open licences
// (opendefinition.org) that open-data portals and the 360Giving standard recommend for data, with
// their SPDX names and the addresses of their texts. Any other licence is written as a table
// [data_licence] with its id, url and title.
struct KnownLicence {
  std::string_view id, url, title;
};
constexpr KnownLicence kKnownLicences[] = {
    {"CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/",
     "Creative Commons Attribution 4.0 International"},
    {"CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/",
     "Creative Commons Attribution Share Alike 4.0 International"},
    {"CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/",
     "Creative Commons Zero v1.0 Universal"},
    {"ODC-By-1.0", "https://opendatacommons.org/licenses/by/1-0/",
     "Open Data Commons Attribution License v1.0"},
    {"ODbL-1.0", "https://opendatacommons.org/licenses/odbl/1-0/",
     "Open Data Commons Open Database License v1.0"},
    {"PDDL-1.0", "https://opendatacommons.org/licenses/pddl/1-0/",
     "Open Data Commons Public Domain Dedication & License 1.0"},
};

// "CC-BY-4.0, CC-BY-SA-4.0, … and PDDL-1.0", for findings.
std::string known_licence_ids() {
  std::string out;
  const std::size_t n = std::size(kKnownLicences);
  for (std::size_t i = 0; i < n; ++i)
    out += (i == 0 ? "" : i + 1 == n ? " and " : ", ") + std::string(kKnownLicences[i].id);
  return out;
}

// SPDX ids match whatever their case (the SPDX specification's license expressions); the
// known licence's own spelling is what datapackage.json names.
const KnownLicence* find_known_licence(std::string_view id) {
  for (const KnownLicence& known : kKnownLicences)
    if (known.id.size() == id.size() &&
        std::equal(id.begin(), id.end(), known.id.begin(), [](unsigned char a, unsigned char b) {
          return std::tolower(a) == std::tolower(b);
        }))
      return &known;
  return nullptr;
}

// The two ways to state a licence, for findings.
std::string licence_forms() {
  return "data_licence = \"CC-BY-4.0\" (Ashyq knows " + known_licence_ids() +
         " by their SPDX id), or for another licence a table [data_licence] with its id, url and "
         "title";
}

// data_licence: the licence of the open data (see docs/open-data.md), either the SPDX id of a
// licence Ashyq knows or a table of an SPDX id, the licence's URL and its name, all three
// required; nothing is kept when one is wrong, so datapackage.json never names half a licence.
std::optional<DataLicence> read_data_licence(const toml::node& node, const TomlFile& file,
                                             Diagnostics& diagnostics) {
  static constexpr const char* kExample =
      "[data_licence] with id = \"CC-BY-4.0\", url = "
      "\"https://creativecommons.org/licenses/by/4.0/\" and title = \"Creative Commons "
      "Attribution 4.0 International\"";
  if (const toml::value<std::string>* id = node.as_string()) {
    const KnownLicence* known = find_known_licence(id->get());
    if (!known) {
      diagnostics.error(location_of(file, &node), "data_licence",
                        "Ashyq does not know the licence \"" + id->get() + "\"; expected one of " +
                            known_licence_ids() + ", or for another licence a table " + kExample);
      return std::nullopt;
    }
    return DataLicence{std::string(known->id), std::string(known->url), std::string(known->title)};
  }
  const toml::table* table = node.as_table();
  if (!table) {
    diagnostics.error(location_of(file, &node), "data_licence", "expected " + licence_forms());
    return std::nullopt;
  }
  DataLicence licence;
  bool bad = false;
  for (const auto& [key, value] : *table) {
    const std::string field = "data_licence." + std::string(key.str());
    const auto text = value.value<std::string>();
    if (key.str() == "id") {
      // An SPDX short id (https://spdx.org/licenses/): letters, digits, '.' and '-'; the
      // Frictionless profile allows no other characters in a licence name.
      const bool ok =
          text && !text->empty() && std::all_of(text->begin(), text->end(), [](unsigned char c) {
            return std::isalnum(c) || c == '.' || c == '-';
          });
      if (!ok) {
        bad = true;
        diagnostics.error(location_of(file, &value), field,
                          "expected an SPDX licence id (letters, digits, '.' and '-'), e.g. "
                          "id = \"CC-BY-4.0\"");
      } else {
        licence.id = *text;
      }
    } else if (key.str() == "url") {
      const bool absolute = text && (text->starts_with("https://") || text->starts_with("http://"));
      if (!absolute || text->find_first_of(" \"\\<>") != std::string::npos) {
        bad = true;
        diagnostics.error(location_of(file, &value), field,
                          "expected the absolute http(s) address of the licence's text, e.g. "
                          "url = \"https://creativecommons.org/licenses/by/4.0/\"");
      } else {
        licence.url = *text;
      }
    } else if (key.str() == "title") {
      if (!text || text->empty()) {
        bad = true;
        diagnostics.error(location_of(file, &value), field,
                          "expected the licence's name, e.g. title = \"Creative Commons "
                          "Attribution 4.0 International\"");
      } else {
        licence.title = *text;
      }
    } else {
      bad = true;
      diagnostics.error(location_of(file, &value), field,
                        "unknown key; expected one of: id, url, title");
    }
  }
  for (const auto& [key, value] : {std::pair{"id", &licence.id}, std::pair{"url", &licence.url},
                                   std::pair{"title", &licence.title}})
    if (!bad && value->empty()) {
      bad = true;
      diagnostics.error(location_of(file, &node), std::string("data_licence.") + key,
                        std::string("missing; ") + kExample);
    }
  if (bad) return std::nullopt;
  return licence;
}

// report_missing_data_licence's warning. It points where the licence goes: the commented-out
// data_licence line init writes, else the first table header, since a top-level key written below
// one would belong to that table.
void warn_no_licence(const toml::table& root, const TomlFile& file, Diagnostics& diagnostics) {
  static constexpr std::string_view kWhy =
      "the portal publishes its open data (data/datapackage.json, the CSV, JSON and XLSX files) "
      "under no licence: datapackage.json names none and the data page says none is stated, so "
      "nobody may reuse the data without asking; choose one ";
  // The key's line is preferred to a commented-out table's header (init's comment shows both).
  std::optional<SourceLocation> key_line, table_line;
  for (std::size_t start = 0; start < file.text.size();) {
    std::size_t end = file.text.find('\n', start);
    if (end == std::string_view::npos) end = file.text.size();
    const std::string_view line = file.text.substr(start, end - start);
    const std::size_t hash = line.find_first_not_of(" \t");
    if (hash != std::string_view::npos && line[hash] == '#') {
      std::string_view rest = line.substr(hash + 1);
      rest.remove_prefix(std::min(rest.size(), rest.find_first_not_of(" \t")));
      const auto [l, c] = line_column_at(file.text, start + hash);
      if (!key_line && rest.starts_with("data_licence"))
        key_line = SourceLocation{file.display, l, c};
      if (!table_line && rest.starts_with("[data_licence]"))
        table_line = SourceLocation{file.display, l, c};
    }
    start = end + 1;
  }
  if (key_line || table_line) {
    diagnostics.warning(key_line ? *key_line : *table_line, "data_licence",
                        std::string(kWhy) + "and state it here without the #: " + licence_forms());
    return;
  }
  std::optional<SourceLocation> first_table;
  for (const auto& [key, value] : root)
    if (const toml::table* table = value.as_table(); table && !table->is_inline()) {
      const SourceLocation at = location_of(file, &value);
      if (at.line > 0 && (!first_table || at.line < first_table->line)) first_table = at;
    }
  diagnostics.warning(first_table.value_or(SourceLocation{file.display, 1, 1}), "data_licence",
                      std::string(kWhy) + "and state it at the top level" +
                          (first_table ? ", above this line: " : ": ") + licence_forms());
}

// site.toml read and parsed: its bytes, the text toml++ read (without a BOM), its root table.
// Allocated once and never moved, as `file` views `bytes`.
struct SiteToml {
  std::string bytes;
  TomlFile file;
  toml::table root;
};

// Reads and parses `path`; a file that cannot be read, is no UTF-8 or no TOML is reported into
// `diagnostics` and gives nothing.
std::unique_ptr<SiteToml> read_site_toml(const std::filesystem::path& path,
                                         const std::string& display_name,
                                         Diagnostics& diagnostics) {
  std::optional<std::string> read = read_file(path);
  if (!read) {
    diagnostics.error(
        {display_name, 0, 0}, "",
        "cannot read the site configuration; every site needs a site.toml at its root");
    return nullptr;
  }
  auto toml_file = std::make_unique<SiteToml>();
  toml_file->bytes = std::move(*read);
  const std::string& text = toml_file->bytes;
  if (std::size_t bad = find_invalid_utf8(text); bad != std::string::npos) {
    auto [line, column] = line_column_at(text, bad);
    diagnostics.error({display_name, line, column}, "", "malformed UTF-8; save the file as UTF-8");
    return nullptr;
  }
  TomlFile& file = toml_file->file;
  file = {display_name, text};
  if (file.text.starts_with(kBom)) file.text.remove_prefix(kBom.size());
  try {
    toml_file->root = toml::parse(file.text, display_name);
  } catch (const toml::parse_error& e) {
    diagnostics.error(location_at(file, e.source().begin), "",
                      "malformed TOML: " + std::string(e.description()));
    return nullptr;
  }
  return toml_file;
}

}  // namespace

SiteConfig load_site_config(const std::filesystem::path& path, const std::string& display_name,
                            Diagnostics& diagnostics) {
  SiteConfig config;
  config.languages = {Lang::kk, Lang::ru};
  const std::unique_ptr<SiteToml> site_toml = read_site_toml(path, display_name, diagnostics);
  if (!site_toml) return config;
  const TomlFile& file = site_toml->file;
  const toml::table& root = site_toml->root;

  static constexpr std::string_view kKnown[] = {"title",    "description", "languages", "base_url",
                                                "operator", "currency",    "page_size", "links",
                                                "search",   "as_of"};
  for (const auto& [key, value] : root) {
    bool known = key.str() == "data_licence";  // read by read_data_licence()
    for (auto k : kKnown) known = known || k == key.str();
    if (!known)
      diagnostics.error(location_of(file, &value), std::string(key.str()),
                        "unknown key; expected one of: title, description, languages, base_url, "
                        "operator, currency, page_size, as_of, links, search, data_licence");
  }

  config.title = read_text(root, "title", file, true, diagnostics);
  config.description = read_text(root, "description", file, false, diagnostics);

  if (const toml::node* node = root.get("languages")) {
    const toml::array* array = node->as_array();
    std::vector<Lang> languages;
    bool ok = array != nullptr;
    if (array)
      for (const toml::node& item : *array) {
        auto lang = item.is_string() ? parse_lang(**item.as_string()) : std::nullopt;
        if (!lang) {
          ok = false;
          break;
        }
        languages.push_back(*lang);
      }
    if (!ok || languages.size() != 2 || languages[0] == languages[1])
      diagnostics.error(location_of(file, node), "languages",
                        "expected both portal languages, the default first: [\"kk\", \"ru\"] or "
                        "[\"ru\", \"kk\"]");
    else
      config.languages = languages;
  }

  const toml::node* base = root.get("base_url");
  if (!base || !base->is_string()) {
    diagnostics.error(
        location_of(file, base), "base_url",
        "expected the portal's absolute address, e.g. base_url = \"https://example.org/\"");
  } else {
    config.base_url = **base->as_string();
    if (config.base_url.rfind("https://", 0) != 0 && config.base_url.rfind("http://", 0) != 0)
      diagnostics.error(location_of(file, base), "base_url", "must start with https:// or http://");
    if (config.base_url.empty() || config.base_url.back() != '/') config.base_url += '/';
  }

  // Optional: a new portal has no organisation record yet (ashyq init leaves it commented out).
  if (const toml::node* op = root.get("operator")) {
    if (!op->is_string())
      diagnostics.error(location_of(file, op), "operator",
                        "expected the id of the operator's organisation record, e.g. operator = "
                        "\"cisc\"");
    else
      config.operator_id = **op->as_string();
  }

  if (const toml::node* page_size = root.get("page_size")) {
    const auto value = page_size->value<std::int64_t>();
    if (!value || *value < 1 || *value > 10000)
      diagnostics.error(location_of(file, page_size), "page_size",
                        "expected the number of items per list page, from 1 to 10000");
    else
      config.page_size = static_cast<std::size_t>(*value);
  }
  if (const toml::node* as_of = root.get("as_of")) {
    const auto text = as_of->value<std::string>();
    const auto date = text ? PartialDate::parse(*text) : std::nullopt;
    if (!date || date->day == 0)
      diagnostics.error(location_of(file, as_of), "as_of",
                        "expected the day the portal's data are current to, as a quoted "
                        "YYYY-MM-DD date, e.g. as_of = \"2026-12-01\"");
    else
      config.as_of = date;
  }
  if (const toml::node* currency = root.get("currency")) {
    if (!currency->is_string() || **currency->as_string() != "KZT")
      diagnostics.error(location_of(file, currency), "currency",
                        "only \"KZT\" is supported: every amount is whole tenge");
  }
  if (const toml::node* links = root.get("links"))
    read_links(*links, file, config.links, diagnostics);
  if (const toml::node* search = root.get("search"))
    read_search(*search, file, config.search, diagnostics);
  if (const toml::node* licence = root.get("data_licence"))
    config.data_licence = read_data_licence(*licence, file, diagnostics);
  if (config.links.user_agent.empty())
    config.links.user_agent = "Ashyq-LinkChecker/0.1 (+" + config.base_url + ")";
  return config;
}

void report_missing_data_licence(const std::filesystem::path& path, const std::string& display_name,
                                 Diagnostics& diagnostics) {
  Diagnostics reported;  // by load_site_config already
  const std::unique_ptr<SiteToml> site_toml = read_site_toml(path, display_name, reported);
  if (site_toml && !site_toml->root.contains("data_licence"))
    warn_no_licence(site_toml->root, site_toml->file, diagnostics);
}

}  // namespace ashyq
