// Builds the synthetic portal fixture (tests/fixtures/portal, page_size = 2) and checks the media
// pages in both languages: /<lang>/media/ and its pages by platform, year and region, the links'
// rows, the click-to-play markup for YouTube videos, and that nothing on any page loads from a
// third party before the visitor asks.
//
// The fixture's eight media links, worked out by hand (canonical URL after tracking is stripped):
//
//   link  grant (synthetic-…)     platform      kind         own date    year  regions
//   L1    2023-literacy #0        youtube       video        2023-04-10  2023  west
//   L2    2023-literacy #1        instagram     post         2023-05-02  2023  west
//   L3    2023-culture-bridge #0  facebook      post         2023-07-01  2023  east + south
//   L4    2023-culture-bridge #1  telegram      live_stream  (none)      2023  east + south
//   L5    2023-culture-bridge #2  youtube       video        2023-09     2023  east + south
//   L6    2024-subgrants-json #0  tiktok        video        2025-02-01  2025  astana
//   L7    2024-ecology #0         news          article      2024-06-05  2024  almaty
//   L8    2024-ecology #1         google_drive  photo_album  (none)      2024  almaty
//
//   A link without a date of its own is listed under its grant's year (L4: contract 2023-06-15,
//   L8: contract 2024-04-10). L6's own date (2025) wins over its grant's year (2024).
//   Order: dated links newest first — L6, L7, L5, L3, L2, L1 — then the undated ones by their
//   grant's date, newest first — L8 (2024-04-10), L4 (2023-06-15).
//   platform: instagram 1, youtube 2, facebook 1, tiktok 1, telegram 1, google_drive 1, news 1
//   year:     2025 1, 2024 2 (1 undated), 2023 5 (1 undated)
//   region:   west 2, east 3, south 3, astana 1, almaty 2 (shymkent has none: no page)
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "html_reading.h"
#include "test_site.h"

namespace ashyq::integration {
namespace {

const std::string L1 = "https://www.youtube.com/watch?v=synthLit001";
const std::string L2 = "https://www.instagram.com/p/SynthLit002/";
const std::string L3 = "https://www.facebook.com/synthetic.bridge/posts/1001";
const std::string L4 = "https://t.me/synthetic_bridge/7";
const std::string L5 = "https://www.youtube.com/watch?v=synthBrg005";
const std::string L6 = "https://www.tiktok.com/@synthetic.youth/video/7300000000000000006";
const std::string L7 = "https://news.synthetic.example/2024/eco-day";
const std::string L8 = "https://drive.google.com/drive/folders/SyntheticEcoFolder0001";

using Links = std::vector<std::string>;

const char* const kLangs[] = {"kk", "ru"};

// The portal fixture, built once for this file and portal_pages_test.cpp.
const std::map<std::string, std::string>& all_output() { return built_output("portal"); }

std::string file_of(const std::string& url) {
  return url.substr(1) + (url.ends_with("/") ? "index.html" : "");
}

bool page_exists(const std::string& url) { return all_output().count(file_of(url)) == 1; }

std::string page(const std::string& url) {
  INFO(url);
  REQUIRE(page_exists(url));
  return plain_figures(all_output().at(file_of(url)));
}

// One entry of a media list: the link it publishes, its title text and its fields (dt → dd text).
struct Item {
  std::string href, title;
  std::map<std::string, std::string> fields;
  std::vector<std::string> links;  // every href in the entry
  std::string html;
};

std::vector<Item> items_of(const std::string& html) {
  std::vector<Item> items;
  const std::string marker = "<li class=\"media-item\">";
  for (std::size_t at = html.find(marker); at != std::string::npos;
       at = html.find(marker, at + 1)) {
    Item item;
    item.html = html.substr(at, html.find("</li>", at) - at);
    item.links = hrefs(item.html);
    REQUIRE(!item.links.empty());
    item.href = item.links.front();
    item.title = text_of(between(item.html, "<p class=\"media-title\">", "</p>"));
    for (std::size_t dt = item.html.find("<dt>"); dt != std::string::npos;
         dt = item.html.find("<dt>", dt + 1)) {
      const std::string name = text_of(between(item.html.substr(dt), "<dt>", "</dt>"));
      item.fields[name] = text_of(between(item.html.substr(dt), "<dd>", "</dd>").substr(4));
    }
    items.push_back(std::move(item));
  }
  return items;
}

Links links_of(const std::string& html) {
  Links links;
  for (const Item& item : items_of(html)) links.push_back(item.href);
  return links;
}

// The links of every page of a media list starting at `base`, in order; checks that every page but
// the last holds two, that the pagination says which items it shows, and that there is no page
// beyond the last one and no /page/1/.
Links paged_links(const std::string& base, std::size_t pages, std::size_t total) {
  Links links;
  for (std::size_t p = 1; p <= pages; ++p) {
    const std::string url = p == 1 ? base : base + "page/" + std::to_string(p) + "/";
    INFO(url);
    const std::string html = page(url);
    const Links on_page = links_of(html);
    CHECK(on_page.size() == (p < pages ? 2u : total - 2 * (pages - 1)));
    if (pages > 1) {
      const std::string showing =
          text_of(between(between(html, "<nav class=\"pagination\"", "</nav>"), "<p>", "</p>"));
      CHECK(showing.ends_with(std::to_string(2 * p - 1) + "–" +
                              std::to_string(std::min(2 * p, total)) + " / " +
                              std::to_string(total)));
    } else {
      CHECK_FALSE(contains(html, "<nav class=\"pagination\""));
    }
    links.insert(links.end(), on_page.begin(), on_page.end());
  }
  CHECK_FALSE(page_exists(base + "page/" + std::to_string(pages + 1) + "/"));
  CHECK_FALSE(page_exists(base + "page/1/"));
  return links;
}

struct Words {
  std::string summary, platform, kind, date, grant, activity, no_date;
};

const Words& words(const std::string& lang) {
  static const Words kk{"Материалдар:", "Платформа", "Түрі",         "Күні",
                        "Грант",        "Іс-шара",   "көрсетілмеген"};
  static const Words ru{"Материалов:", "Платформа",   "Вид",       "Дата",
                        "Грант",       "Мероприятие", "не указана"};
  return lang == "kk" ? kk : ru;
}

TEST_CASE("The media page lists all eight links, dated ones newest first, two to a page",
          "[integration][media-pages]") {
  for (const char* lang : kLangs) {
    const std::string l = lang;
    INFO(l);
    CHECK(paged_links("/" + l + "/media/", 4, 8) == Links{L6, L7, L5, L3, L2, L1, L8, L4});
    CHECK(contains(page("/" + l + "/media/"), "<p class=\"lead\">" + words(l).summary + " 8</p>"));
  }
}

struct FacetCase {
  std::string facet, key, label_kk, label_ru;
  std::size_t pages;
  Links links;
};

const std::vector<FacetCase>& facet_cases() {
  static const std::vector<FacetCase> cases = {
      {"platform", "instagram", "Instagram", "Instagram", 1, {L2}},
      {"platform", "youtube", "YouTube", "YouTube", 1, {L5, L1}},
      {"platform", "facebook", "Facebook", "Facebook", 1, {L3}},
      {"platform", "tiktok", "TikTok", "TikTok", 1, {L6}},
      {"platform", "telegram", "Telegram", "Telegram", 1, {L4}},
      {"platform", "google_drive", "Google Диск", "Google Диск", 1, {L8}},
      {"platform", "news", "Жаңалық және басқа сайттар", "Новостные и другие сайты", 1, {L7}},
      {"year", "2025", "2025", "2025", 1, {L6}},
      {"year", "2024", "2024", "2024", 1, {L7, L8}},
      {"year", "2023", "2023", "2023", 3, {L5, L3, L2, L1, L4}},
      {"region",
       "synthetic-west",
       "Синтетикалық батыс облысы",
       "Синтетическая западная область",
       1,
       {L2, L1}},
      {"region",
       "synthetic-east",
       "Синтетикалық шығыс облысы",
       "Синтетическая восточная область",
       2,
       {L5, L3, L4}},
      {"region",
       "synthetic-south",
       "Синтетикалық оңтүстік облысы",
       "Синтетическая южная область",
       2,
       {L5, L3, L4}},
      {"region",
       "synthetic-astana",
       "Синтетикалық Астана қаласы",
       "Синтетический город Астана",
       1,
       {L6}},
      {"region",
       "synthetic-almaty",
       "Синтетикалық Алматы қаласы",
       "Синтетический город Алматы",
       1,
       {L7, L8}},
  };
  return cases;
}

TEST_CASE("Every platform, year and region is a page with exactly its links, paginated",
          "[integration][media-pages]") {
  for (const FacetCase& c : facet_cases())
    for (const char* lang : kLangs) {
      const std::string l = lang;
      const std::string base = "/" + l + "/media/" + c.facet + "/" + c.key + "/";
      INFO(base);
      CHECK(paged_links(base, c.pages, c.links.size()) == c.links);
      const std::string html = page(base);
      CHECK(contains(html, "<p class=\"lead\">" + words(l).summary + " " +
                               std::to_string(c.links.size()) + "</p>"));
      // The breadcrumbs end with the value; the title names the facet and the value.
      CHECK(contains(
          between(html, "<nav class=\"breadcrumbs", "</nav>"),
          "<li><a href=\"" + base + "\">" + (l == "kk" ? c.label_kk : c.label_ru) + "</a></li>"));
    }
}

TEST_CASE("No media facet page exists beyond the fixture's values", "[integration][media-pages]") {
  std::map<std::string, std::set<std::string>> expected;
  for (const FacetCase& c : facet_cases()) expected[c.facet].insert(c.key);
  for (const char* lang : kLangs) {
    std::map<std::string, std::set<std::string>> found;
    const std::string prefix = std::string(lang) + "/media/";
    for (const auto& [path, bytes] : all_output()) {
      if (!path.starts_with(prefix) || path.starts_with(prefix + "page/")) continue;
      const std::string rest = path.substr(prefix.size());  // <facet>/<key>/…index.html
      const std::size_t slash = rest.find('/');
      if (slash == std::string::npos) continue;  // media/index.html
      found[rest.substr(0, slash)].insert(
          rest.substr(slash + 1, rest.find('/', slash + 1) - slash - 1));
    }
    INFO(lang);
    CHECK(found == expected);
  }
  CHECK_FALSE(page_exists("/ru/media/region/synthetic-shymkent/"));
}

// The facet index beside a list: each facet's label and its values as "label count", in order.
std::vector<std::pair<std::string, std::vector<std::string>>> facet_index(const std::string& html) {
  std::vector<std::pair<std::string, std::vector<std::string>>> facets;
  const std::string aside = between(html, "<aside class=\"facets\"", "</aside>");
  for (std::size_t at = aside.find("<details"); at != std::string::npos;
       at = aside.find("<details", at + 1)) {
    const std::string details = between(aside.substr(at), "<details", "</details>");
    std::vector<std::string> values;
    for (std::size_t li = details.find("<li>"); li != std::string::npos;
         li = details.find("<li>", li + 1))
      values.push_back(text_of(between(details.substr(li), "<li>", "</li>")));
    facets.push_back({text_of(between(details, "<summary>", "</summary>")), values});
  }
  return facets;
}

// The side bar's counts are computed figures (templates/_facets.mustache prints a media value's
// `count`, a grant value's `totals`); page() reads them as a reader sees them (plain_figures).
TEST_CASE("The media page indexes every platform, year and region with its count",
          "[integration][media-pages]") {
  using Index = std::vector<std::pair<std::string, std::vector<std::string>>>;
  CHECK(facet_index(page("/ru/media/")) ==
        Index{{"Платформа",
               {"Instagram 1", "YouTube 2", "Facebook 1", "TikTok 1", "Telegram 1", "Google Диск 1",
                "Новостные и другие сайты 1"}},
              {"Год", {"2025 1", "2024 2", "2023 5"}},
              {"Регион",
               {"Синтетическая восточная область 3", "Синтетическая западная область 2",
                "Синтетическая южная область 3", "Синтетический город Алматы 2",
                "Синтетический город Астана 1"}}});
  CHECK(facet_index(page("/kk/media/")) ==
        Index{{"Платформа",
               {"Instagram 1", "YouTube 2", "Facebook 1", "TikTok 1", "Telegram 1", "Google Диск 1",
                "Жаңалық және басқа сайттар 1"}},
              {"Жыл", {"2025 1", "2024 2", "2023 5"}},
              {"Өңір",
               {"Синтетикалық Алматы қаласы 2", "Синтетикалық Астана қаласы 1",
                "Синтетикалық батыс облысы 2", "Синтетикалық оңтүстік облысы 3",
                "Синтетикалық шығыс облысы 3"}}});
  // The index links each value's page and marks the current one on a value page.
  const std::string on_youtube = page("/ru/media/platform/youtube/");
  CHECK(contains(on_youtube, "<strong aria-current=\"page\">YouTube</strong>"));
  CHECK(contains(page("/ru/media/"), "<a href=\"/ru/media/year/2023/\">2023</a>"));
}

TEST_CASE("How a link without its own date gets a year is said on the page",
          "[integration][media-pages]") {
  const std::string rule =
      "Год — по дате материала; материал без даты отнесён к году своего гранта (дата договора или "
      "начала проекта), а не к дате публикации, которая неизвестна.";
  CHECK(contains(page("/ru/media/"), "<p class=\"note\">" + rule + "</p>"));
  CHECK(contains(page("/ru/media/year/2023/"),
                 "<p class=\"note\">Из них без собственной даты, отнесены к этому году по году "
                 "гранта: 1.</p>"));
  CHECK(contains(page("/kk/media/year/2024/"),
                 "<p class=\"note\">Олардың өз күні жоқ, осы жылға гранттың жылы бойынша "
                 "жатқызылғандары: 1.</p>"));
  CHECK_FALSE(contains(page("/ru/media/year/2025/"), "Из них без собственной даты"));
  // The undated link itself says it has no date.
  const std::vector<Item> last = items_of(page("/ru/media/year/2023/page/3/"));
  REQUIRE(last.size() == 1);
  CHECK(last[0].href == L4);
  CHECK(last[0].fields.at("Дата") == "не указана");
}

TEST_CASE("A grant in two regions lists its links in each of them", "[integration][media-pages]") {
  for (const char* lang : kLangs) {
    const std::string l = lang;
    for (const char* region : {"synthetic-east", "synthetic-south"}) {
      const std::string base = "/" + l + "/media/region/" + region + "/";
      INFO(base);
      CHECK(paged_links(base, 2, 3) == Links{L5, L3, L4});
      for (const std::string& url : {base, base + "page/2/"})
        for (const Item& item : items_of(page(url)))
          CHECK(item.links.back() == "/" + l + "/grants/synthetic-2023-culture-bridge/");
      CHECK(contains(page(base), "<a href=\"/" + l + "/regions/" + region + "/\">"));
    }
  }
}

TEST_CASE("Each entry shows title, platform, kind, date, grant, activity and the canonical URL",
          "[integration][media-pages]") {
  const std::vector<Item> ru = items_of(page("/ru/media/page/3/"));
  REQUIRE(ru.size() == 2);
  CHECK(ru[1].href == L1);
  CHECK(ru[1].title == "Видео синтетического открытого урока");
  CHECK(ru[1].fields ==
        std::map<std::string, std::string>{{"Платформа", "YouTube · видео"},
                                           {"Вид", "Видео"},
                                           {"Дата", "10 апреля 2023\u202Fг."},
                                           {"Грант", "Азбука: синтетический проект грамотности"},
                                           {"Мероприятие", "Синтетический открытый урок"}});
  CHECK(ru[1].links.back() == "/ru/grants/synthetic-2023-literacy/");
  // No activity: no activity field.
  CHECK(ru[0].href == L2);
  CHECK(ru[0].fields.count("Мероприятие") == 0);

  const std::vector<Item> kk = items_of(page("/kk/media/"));
  REQUIRE(kk.size() == 2);
  // A link without a title is named by its address, tracking parameters stripped.
  CHECK(kk[1].href == L7);
  CHECK(kk[1].title == "news.synthetic.example/2024/eco-day");
  CHECK(kk[1].fields ==
        std::map<std::string, std::string>{{"Платформа", "news.synthetic.example"},
                                           {"Түрі", "Мақала"},
                                           {"Күні", "2024\u202Fж. 5 маусым"},
                                           {"Грант", "Ырыс: синтетикалық экология жобасы"}});
  for (const auto& [path, bytes] : all_output()) {
    if (!path.ends_with(".html")) continue;
    INFO(path);
    CHECK_FALSE(contains(bytes, "utm_"));
    CHECK_FALSE(contains(bytes, "fbclid"));
    CHECK_FALSE(contains(bytes, "igsh="));
    CHECK_FALSE(contains(bytes, "si=SynthShare"));
  }
}

TEST_CASE("A YouTube video is a plain link with a hidden play button the script needs",
          "[integration][media-pages]") {
  const std::string button_ru =
      "<button type=\"button\" class=\"media-play\" data-youtube-id=\"synthLit001\" "
      "data-player-title=\"Видео синтетического открытого урока\" hidden>Смотреть здесь — "
      "загрузится с youtube-nocookie.com</button>";
  const std::string link =
      "<a href=\"" + L1 + "\" rel=\"nofollow noopener\" referrerpolicy=\"no-referrer\">";
  const std::string script = "<script src=\"/assets/media.js\" defer></script>";
  for (const std::string& url :
       {std::string("/ru/media/page/3/"), std::string("/ru/grants/synthetic-2023-literacy/")}) {
    INFO(url);
    const std::string html = page(url);
    CHECK(contains(html, link));
    CHECK(contains(html, button_ru));
    CHECK(contains(html, script));
  }
  CHECK(contains(page("/kk/media/platform/youtube/"),
                 "data-youtube-id=\"synthBrg005\" data-player-title=\"Синтетикалық қысқа бейне\" "
                 "hidden>Осында көру — youtube-nocookie.com сайтынан жүктеледі</button>"));
  // Pages without a YouTube video do not load the script; no other link gets a button.
  for (const std::string& url :
       {std::string("/ru/media/"), std::string("/ru/media/platform/tiktok/"),
        std::string("/ru/grants/synthetic-2024-ecology/"), std::string("/ru/grants/")}) {
    INFO(url);
    CHECK_FALSE(contains(page(url), "<script src="));
    CHECK_FALSE(contains(page(url), "/assets/media.js"));
    CHECK_FALSE(contains(page(url), "media-play"));
  }
  // The script is written, and builds the player from the privacy-enhanced domain only.
  REQUIRE(all_output().count("assets/media.js") == 1);
  const std::string js = all_output().at("assets/media.js");
  CHECK(contains(js, "\"https://www.youtube-nocookie.com/embed/\" + id"));
  CHECK(contains(js, "addEventListener(\"click\""));
  CHECK_FALSE(contains(js, "youtube.com/embed"));
}

// Every src (and every stylesheet or icon href) in `html` that does not point into the site.
std::vector<std::string> third_party_sources(const std::string& html) {
  std::vector<std::string> out;
  for (const std::string& marker : {std::string(" src=\""), std::string(" srcset=\""),
                                    std::string(" data=\""), std::string(" poster=\"")})
    for (std::size_t at = html.find(marker); at != std::string::npos;
         at = html.find(marker, at + 1)) {
      const std::size_t start = at + marker.size();
      const std::string value = html.substr(start, html.find('"', start) - start);
      if (!value.starts_with("/") || value.starts_with("//")) out.push_back(value);
    }
  for (std::size_t at = html.find("<link "); at != std::string::npos;
       at = html.find("<link ", at + 1)) {
    const std::string tag = html.substr(at, html.find('>', at) - at);
    if (contains(tag, "rel=\"canonical\"") || contains(tag, "rel=\"alternate\"")) continue;
    for (const std::string& href : hrefs(tag))
      if (!href.starts_with("/") || href.starts_with("//")) out.push_back(tag);
  }
  return out;
}

void check_no_third_party_loads(const std::map<std::string, std::string>& files) {
  std::size_t pages = 0;
  for (const auto& [path, bytes] : files) {
    if (!path.ends_with(".html")) continue;
    ++pages;
    INFO(path);
    CHECK(third_party_sources(bytes).empty());
    CHECK_FALSE(contains(bytes, "<iframe"));
    CHECK_FALSE(contains(bytes, "youtube.com/embed"));
    CHECK_FALSE(contains(bytes, "youtube-nocookie.com/embed"));
  }
  CHECK(pages > 100);
}

TEST_CASE("No page of the fixture or of content/ loads anything from a third party",
          "[integration][media-pages]") {
  check_no_third_party_loads(all_output());
  // The real content too: its YouTube video and Instagram reels stay links.
  const BuiltSite& p = built_site("portal");
  const auto out = p.site.scratch("content-public");
  const RunResult content =
      p.site.run({"build", "--site", ASHYQ_SOURCE_DIR, "--out", out.string()});
  INFO(content.err);
  REQUIRE(content.exit_code == 0);
  const auto files = p.site.files(out);
  check_no_third_party_loads(files);
  CHECK(contains(files.at("ru/media/index.html"), "data-youtube-id=\"PNb25_r3EuE\""));
  CHECK(contains(files.at("ru/media/index.html"),
                 "<a href=\"https://www.youtube.com/watch?v=PNb25_r3EuE\""));
}

TEST_CASE("Every internal link on the media pages leads to a file the build wrote",
          "[integration][media-pages]") {
  const auto& files = all_output();
  std::size_t checked = 0;
  for (const auto& [path, bytes] : files) {
    if (!contains(path, "/media/")) continue;
    for (const std::string& url : hrefs(bytes)) {
      if (!url.starts_with("/")) continue;
      INFO(path << " links " << url);
      CHECK(files.count(file_of(url.substr(0, url.find('#')))) == 1);
      ++checked;
    }
  }
  // 2 languages × 25 media pages, each with dozens of links.
  CHECK(checked > 1000);
}

// The tags with their class attributes, in order: what must be the same in both languages. A
// <strong> counts as an <a>.
std::vector<std::string> structure(const std::string& html) {
  std::vector<std::string> tags;
  for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
    const std::string tag = html.substr(at, html.find('>', at) - at);
    const std::size_t name_end = tag.find_first_of(" >");
    std::string entry = tag.substr(0, name_end);
    // The facet index marks the current value with <strong>: where it stands depends on the
    // alphabetical order of region names, which differs between the languages.
    if (entry == "<strong" || entry == "</strong") entry.replace(entry.find("strong"), 6, "a");
    if (const std::size_t cls = tag.find(" class=\""); cls != std::string::npos)
      entry += tag.substr(cls, tag.find('"', cls + 8) - cls + 1);
    tags.push_back(entry);
  }
  return tags;
}

TEST_CASE("Both languages have the same media pages with the same structure",
          "[integration][media-pages]") {
  std::size_t compared = 0;
  for (const auto& [path, bytes] : all_output()) {
    if (!path.starts_with("kk/media/")) continue;
    const std::string ru_path = "ru/" + path.substr(3);
    INFO(path);
    REQUIRE(all_output().count(ru_path) == 1);
    // The language switch differs by design (each page marks its own language); the rest not.
    CHECK(structure(main_of(bytes)) == structure(main_of(all_output().at(ru_path))));
    CHECK(structure(bytes.substr(0, bytes.find("<nav class=\"lang-switch\""))) ==
          structure(all_output().at(ru_path).substr(
              0, all_output().at(ru_path).find("<nav class=\"lang-switch\""))));
    ++compared;
  }
  // /media/ (4 pages), 7 platforms, 3 years (2023: 3 pages), 5 regions (east, south: 2 pages).
  CHECK(compared == 4 + 7 + (1 + 1 + 3) + (1 + 2 + 2 + 1 + 1));
  std::size_t ru_pages = 0;
  for (const auto& [path, bytes] : all_output()) ru_pages += path.starts_with("ru/media/");
  CHECK(ru_pages == compared);
}

TEST_CASE("Media is in the main navigation in both languages", "[integration][media-pages]") {
  CHECK(contains(page("/kk/media/"),
                 "<li><a href=\"/kk/media/\" aria-current=\"true\">Медиа</a></li>"));
  CHECK(contains(page("/ru/grants/"), "<li><a href=\"/ru/media/\">Медиа</a></li>"));
}

}  // namespace
}  // namespace ashyq::integration
