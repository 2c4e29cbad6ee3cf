#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "content/loader.h"
#include "model/portal_index.h"
#include "routes/routes.h"

namespace ashyq::routes {
namespace {

namespace fs = std::filesystem;

// The string literals of C++ source, without comments, #include lines and character literals,
// with the line each starts on. Raw strings R"d(...)d" count as literals.
struct Literal {
  std::string text;
  int line;
};
std::vector<Literal> string_literals(const std::string& source) {
  std::vector<Literal> out;
  int line = 1;
  bool line_start = true;
  for (std::size_t i = 0; i < source.size();) {
    const char c = source[i];
    if (c == '\n') {
      ++line;
      line_start = true;
      ++i;
      continue;
    }
    if (line_start && c == '#') {  // a preprocessor line: #include "x/y.h" is no URL
      while (i < source.size() && source[i] != '\n') ++i;
      continue;
    }
    if (c != ' ' && c != '\t') line_start = false;
    if (source.compare(i, 2, "//") == 0) {
      while (i < source.size() && source[i] != '\n') ++i;
      continue;
    }
    if (source.compare(i, 2, "/*") == 0) {
      const std::size_t end = source.find("*/", i + 2);
      const std::size_t stop = end == std::string::npos ? source.size() : end + 2;
      line += static_cast<int>(std::count(source.begin() + i, source.begin() + stop, '\n'));
      i = stop;
      continue;
    }
    if (c == 'R' && i + 1 < source.size() && source[i + 1] == '"') {
      const std::size_t open = source.find('(', i + 2);
      const std::string close = ")" + source.substr(i + 2, open - i - 2) + "\"";
      const std::size_t end = source.find(close, open);
      out.push_back({source.substr(open + 1, end - open - 1), line});
      line += static_cast<int>(std::count(source.begin() + i, source.begin() + end, '\n'));
      i = end + close.size();
      continue;
    }
    if (c == '\'' || c == '"') {
      std::string text;
      std::size_t j = i + 1;
      for (; j < source.size() && source[j] != c; ++j) {
        if (source[j] == '\\' && j + 1 < source.size()) text += source[j++];
        text += source[j];
      }
      if (c == '"') out.push_back({text, line});
      i = j + 1;
      continue;
    }
    ++i;
  }
  return out;
}

// A literal that is a piece of a portal URL or output path: a language prefix, a page kind's
// segment as the start of a path, the pagination and sort segments, the files of the output root.
bool looks_like_url(const std::string& literal) {
  static const std::regex url(
      "^/?(kk|ru)/.*"
      "|^(grants|subgrants|organisations|regions|plans|media|data|search|explore|link-report)/.*"
      "|^/(grants|subgrants|organisations|regions|plans|media|data|search|explore|link-report)(/"
      ".*)?$"
      "|.*(^|/)(page|sort)/$"
      "|.*(index|404)\\.html$|^/?(feed\\.xml|robots\\.txt|sitemap[-.].*)$"
      "|^/?assets/.*");
  return std::regex_match(literal, url);
}

// "/media/" is a JSON pointer into a record ("/media/3/url") where findings about records are
// made, and where the grant workbook maps cells to members: the loader, validation, the link
// checker and the workbook write no page.
bool is_record_pointer(const std::string& file, const std::string& literal) {
  static const std::regex pointer("^/[a-z_]+(/[a-z_0-9/*]*)?$");
  return std::regex_match(literal, pointer) &&
         (file.starts_with("generator/content/") || file.starts_with("generator/validate/") ||
          file.starts_with("generator/links/") || file.starts_with("generator/workbook/"));
}

// Literals of that shape that are not URLs, each with its reason: the keys of figures (the name
// one figure has on every page).
struct Allowed {
  std::string file;
  std::string literal;
};
const std::vector<Allowed> kNotUrls = {
    {"generator/views/list_views.cpp", "subgrants/region/"},  // figure key subgrants/region/<id>
    {"generator/views/list_views.cpp", "/grants"},            // figure key <facet key>/grants
};

TEST_CASE("The URL scanner finds a URL literal in code and none in comments or includes") {
  const std::string source =
      "#include \"search/index_writer.h\"\n"
      "// see \"/kk/grants/\"\n"
      "/* \"grants/\" */\n"
      "std::string u = \"/\" + lang + \"/grants/\" + id;\n"
      "std::string v = ctx.t(\"grant.title\"); char q = '\"';\n"
      "std::string w = base + \"page/\";\n";
  std::vector<std::string> found;
  for (const Literal& l : string_literals(source))
    if (looks_like_url(l.text)) found.push_back(std::to_string(l.line) + ":" + l.text);
  CHECK(found == std::vector<std::string>{"4:/grants/", "6:page/"});
  CHECK(looks_like_url("kk/feed.xml"));
  CHECK(looks_like_url("sitemap-1.xml"));
  CHECK(looks_like_url("data/grants"));
  CHECK(looks_like_url("/data/360giving.json"));
  CHECK(is_record_pointer("generator/validate/validator.cpp", "/media/"));
  CHECK_FALSE(is_record_pointer("generator/site/downloads.cpp", "/data/"));
  CHECK_FALSE(looks_like_url("grant.title"));
  CHECK(is_record_pointer("generator/validate/validator.cpp", "/subgrants/awarded/"));
  CHECK(is_record_pointer("generator/workbook/grant_form.cpp", "/subgrants/awarded/*"));
  CHECK_FALSE(looks_like_url("programme/"));  // a figure key's prefix
}

TEST_CASE("No source outside routes/ writes a portal URL or output path by hand") {
  const fs::path root = ASHYQ_SOURCE_DIR;
  std::vector<std::string> found;
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root / "generator")) {
    const fs::path& path = entry.path();
    if (!entry.is_regular_file() || (path.extension() != ".cpp" && path.extension() != ".h"))
      continue;
    const std::string rel = path.lexically_relative(root).generic_string();
    if (rel.starts_with("generator/routes/")) continue;
    ++files;
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    for (const Literal& l : string_literals(text.str())) {
      if (!looks_like_url(l.text) || is_record_pointer(rel, l.text)) continue;
      const bool allowed = std::any_of(kNotUrls.begin(), kNotUrls.end(), [&](const Allowed& a) {
        return a.file == rel && a.literal == l.text;
      });
      if (!allowed) found.push_back(rel + ":" + std::to_string(l.line) + ": \"" + l.text + "\"");
    }
  }
  CHECK(files > 50);
  INFO("URL literals outside generator/routes/ (use a routes:: function):");
  for (const std::string& f : found) UNSCOPED_INFO(f);
  CHECK(found.empty());
}

TEST_CASE("The page kinds' table lists every kind once, in order, with its template and segment") {
  std::set<std::string_view> names;
  for (std::size_t i = 0; i < kPageKindCount; ++i) {
    const PageKindInfo& row = kPageKinds[i];
    CHECK(static_cast<std::size_t>(row.kind) == i);
    CHECK(&info(row.kind) == &row);
    CHECK(page_kind_name(row.kind) == row.name);
    CHECK_FALSE(row.template_name.empty());
    names.insert(row.name);
  }
  CHECK(names.size() == kPageKindCount);
  // Every navigation entry is the first page of a section, and owns its segment.
  for (PageKind kind : kNavigation) {
    CHECK_FALSE(info(kind).section.empty());
    CHECK_FALSE(info(kind).segment.empty());
  }
}

TEST_CASE("Typed URL functions give the portal's URLs") {
  CHECK(home_url(Lang::kk) == "/kk/");
  CHECK(list_url(Lang::ru, PageKind::organisations) == "/ru/organisations/");
  CHECK(list_url(Lang::kk, PageKind::link_report) == "/kk/link-report/");
  CHECK(list_url(Lang::kk, PageKind::data_dictionary) == "/kk/data/");
  CHECK(catalogue_url(Lang::kk, CatalogueSort::date) == "/kk/grants/");
  CHECK(catalogue_url(Lang::ru, CatalogueSort::amount) == "/ru/grants/sort/amount/");
  CHECK(paged(catalogue_url(Lang::ru, CatalogueSort::title), 3) == "/ru/grants/sort/title/page/3/");
  CHECK(paged("/kk/media/", 1) == "/kk/media/");
  CHECK(facet_url(Lang::kk, FacetKind::region, "mangystau") == "/kk/grants/region/mangystau/");
  CHECK(media_facet_url(Lang::ru, MediaFacetKind::year, "2024") == "/ru/media/year/2024/");
  CHECK(grant_url("g-1", Lang::ru) == "/ru/grants/g-1/");
  CHECK(organisation_url("org", Lang::kk) == "/kk/organisations/org/");
  CHECK(region_url("almaty", Lang::kk) == "/kk/regions/almaty/");
  CHECK(static_page_url("about", Lang::ru) == "/ru/about/");
  CHECK(feed_path(Lang::kk) == "kk/feed.xml");
  CHECK(sitemap_path(0) == "sitemap.xml");
  CHECK(sitemap_path(2) == "sitemap-2.xml");
  CHECK(search_index_folder(Lang::ru) == "search/ru/");
  CHECK(explore_data_folder(Lang::kk) == "explore/kk/");
  CHECK(data_file_base("grants") == "data/grants");
  CHECK(page_count(0, 50) == 1);
  CHECK(page_count(101, 50) == 3);
}

TEST_CASE("Validation reserves the names the routes own") {
  const ReservedNames reserved = reserved_names();
  const std::set<std::string> grant_ids(reserved.grant_ids.begin(), reserved.grant_ids.end());
  CHECK(grant_ids == std::set<std::string>{"page", "sort", "year", "region", "direction",
                                           "operator", "status", "grantee"});
  // The organisations list is paginated: /<lang>/organisations/page/2/.
  CHECK(reserved.organisation_ids == std::vector<std::string>{"page"});
  const std::set<std::string> pages(reserved.page_names.begin(), reserved.page_names.end());
  CHECK(pages == std::set<std::string>{"grants", "subgrants", "organisations", "regions", "plans",
                                       "assets", "media", "data", "search", "404", "index",
                                       "directions", "link-report", "explore"});
}

TEST_CASE("Every page of a portal has one URL, its file, and the segment its kind owns") {
  const fs::path fixture = fs::path(ASHYQ_SOURCE_DIR) / "tests/fixtures/portal";
  Diagnostics diagnostics;
  const Portal portal = load_portal(fixture, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const PortalIndex index = build_index(portal);
  const std::vector<PageKey> pages = list_pages(portal, index, portal.config.page_size);
  std::set<std::string> urls;
  std::set<std::size_t> kinds;
  for (const PageKey& key : pages) {
    const std::string u = url(portal, index, key);
    INFO(u);
    CHECK(urls.insert(u).second);  // no two pages share a URL
    kinds.insert(static_cast<std::size_t>(key.kind()));
    const std::string path = output_path(portal, index, key);
    CHECK(path == (u.ends_with(".html") ? u.substr(1) : u.substr(1) + "index.html"));
    const PageKindInfo& row = info(key.kind());
    if (key.kind() == PageKind::language_choice || key.kind() == PageKind::root_not_found) {
      CHECK(u.find('/', 1) == std::string::npos);
      continue;
    }
    const std::string prefix = "/" + std::string(lang_code(key.lang)) + "/";
    REQUIRE(u.starts_with(prefix));
    if (!row.segment.empty()) CHECK(u.substr(prefix.size()).starts_with(std::string(row.segment)));
    if (key.page > 1) {
      CHECK(row.paginated);
      CHECK(u.ends_with("/page/" + std::to_string(key.page) + "/"));
    }
    // The same page in the other language differs only in its prefix.
    const Lang other = key.lang == Lang::kk ? Lang::ru : Lang::kk;
    const std::string v = url(portal, index, key.in(other));
    CHECK(v.substr(4) == u.substr(4));
  }
  CHECK(kinds.size() == kPageKindCount);  // the fixture has a page of every kind
}

TEST_CASE("Each kind's lister lists pages of its own kind only, and list_pages is the listers") {
  const fs::path fixture = fs::path(ASHYQ_SOURCE_DIR) / "tests/fixtures/portal";
  Diagnostics diagnostics;
  const Portal portal = load_portal(fixture, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const PortalIndex index = build_index(portal);
  std::vector<PageKey> expected;
  for (Lang lang : portal.config.languages)
    for (const PageKindInfo& row : kPageKinds) {
      INFO(row.name << " " << lang_code(lang));
      std::vector<PageKey> own;
      Listing listing{portal, index, portal.config.page_size, lang, own};
      row.list(listing);
      // The root pages once, with the first language; every other kind in every language.
      const bool root =
          row.kind == PageKind::language_choice || row.kind == PageKind::root_not_found;
      CHECK(own.empty() == (root && lang != portal.config.languages.front()));
      for (const PageKey& key : own) {
        CHECK(key.kind() == row.kind);
        CHECK(key.lang == lang);
        CHECK((key.page == 1 || row.paginated));
      }
      expected.insert(expected.end(), own.begin(), own.end());
    }
  const std::vector<PageKey> pages = list_pages(portal, index, portal.config.page_size);
  REQUIRE(pages.size() == expected.size());
  for (std::size_t i = 0; i < pages.size(); ++i)
    CHECK(url(portal, index, pages[i]) == url(portal, index, expected[i]));
}

}  // namespace
}  // namespace ashyq::routes
