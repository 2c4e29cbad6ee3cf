// `ashyq links` end to end: the real binary on a copy of the full fixture whose links point at a
// real HTTP server (cpp-httplib) the test starts on 127.0.0.1, with short timeouts and delays so
// that every run takes well under a second and a regression fails instead of hanging. The server
// counts the requests it receives per path, so "never requested" and "reused from the cache" are
// measured, not assumed. Then `ashyq build` on the fixture's own synthetic link-cache.json: marks
// on public pages, the operators' link report and robots.txt.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../unit/test_server.h"
#include "html_reading.h"
#include "i18n/format.h"
#include "test_site.h"

namespace ashyq::integration {
namespace {

// The requests the server received, by path; HEAD and GET alike.
class RequestLog {
 public:
  void add(const std::string& path) {
    std::lock_guard lock(mutex_);
    ++counts_[path];
  }
  std::map<std::string, int> take() {
    std::lock_guard lock(mutex_);
    return std::exchange(counts_, {});
  }

 private:
  std::mutex mutex_;
  std::map<std::string, int> counts_;
};

// The findings about broken links; the fixture's deliberate content warnings left out.
std::vector<std::string> broken_links_in(const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  for (const std::string& line : lines)
    if (line.find(": broken link \"") != std::string::npos) out.push_back(line);
  return out;
}

// The full fixture with every external link rewritten to the test server: "127.0.0.1" links are
// checked, "localhost" links (the same server under another name) are skipped by policy.
struct LinkSite {
  testing::TestServer server;
  RequestLog requests;
  std::atomic<bool> flaky_fixed{false};
  TestSite site{"full"};

  LinkSite() {
    server.server.set_pre_routing_handler(
        [this](const httplib::Request& request, httplib::Response&) {
          requests.add(request.path);
          return httplib::Server::HandlerResponse::Unhandled;
        });
    server.server.Get("/ok", [](const httplib::Request&, httplib::Response& r) {
      r.set_content("ok", "text/plain");
    });
    server.server.Get("/gone",
                      [](const httplib::Request&, httplib::Response& r) { r.status = 404; });
    server.server.Get("/moved", [](const httplib::Request&, httplib::Response& r) {
      r.set_redirect("/ok", 301);
    });
    server.server.Get("/flaky", [this](const httplib::Request&, httplib::Response& r) {
      r.status = flaky_fixed ? 200 : 404;
    });
    server.start();

    std::filesystem::remove(site.dir() / "link-cache.json");
    const std::string grant = "content/grants/synthetic-2024-full/grant.json";
    site.replace_once(grant, "https://youtu.be/synthetic01?si=SyntheticShare1",
                      server.url("/skipped-video", "localhost"));
    site.replace_once(grant, "https://instagram.com/p/synthetic02/?igsh=U3ludGhldGlj",
                      server.url("/skipped-post", "localhost"));
    site.replace_once(grant, "https://news.synthetic.example/2024/forum", server.url("/ok"));
    site.replace_once(grant, "https://drive.google.com/synthetic-album", server.url("/gone"));
    site.replace_once(grant, "https://t.me/synthetic_live/5", server.url("/flaky"));
    site.replace_once(grant, "https://synthetic.example/misc",
                      server.url("/skipped-misc", "localhost"));
    site.replace_once(grant, "https://operator.synthetic.example/docs/syn-001.pdf",
                      server.url("/gone"));
    for (const char* lang : {"kk", "ru"})
      site.replace_once("content/grants/synthetic-2024-full/report." + std::string(lang) + ".md",
                        "https://fund.synthetic.example/report", server.url("/moved"));
    site.replace_once("content/organisations/synthetic-fund.json",
                      "\"https://fund.synthetic.example/\"", "\"" + server.url("/ok") + "\"");
    site.replace_once("content/organisations/synthetic-fund.json",
                      "https://www.instagram.com/synthetic.fund/",
                      server.url("/skipped-social", "localhost"));
    site.replace_once("content/organisations/synthetic-operator.json",
                      "https://operator.synthetic.example/", server.url("/ok"));
    std::string toml = site.read("site.toml");
    toml = toml.substr(0, toml.find("# SYNTHETIC link-check policy"));
    site.write("site.toml", toml + policy("error", ""));
  }

  static std::string policy(const std::string& severity, const std::string& extra_hosts) {
    return "[links]\n"
           "severity = \"" +
           severity +
           "\"\n"
           "max_age_days = 7\n"
           "per_host_delay_ms = 5\n"
           "connect_timeout_ms = 2000\n"
           "timeout_ms = 5000\n"
           "\n"
           "[links.hosts]\n"
           "localhost = \"skip\"\n" +
           extra_hosts;
  }
  void set_policy(const std::string& severity, const std::string& extra_hosts) {
    std::string toml = site.read("site.toml");
    toml = toml.substr(0, toml.find("[links]"));
    site.write("site.toml", toml + policy(severity, extra_hosts));
  }

  RunResult links(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"links", "--site", site.dir().string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return site.run(args);
  }
  nlohmann::json cache() const { return nlohmann::json::parse(site.read("link-cache.json")); }
  // The cache entry of `path` on the server (checked host).
  nlohmann::json entry(const std::string& path) const {
    const nlohmann::json all = cache();
    for (const auto& e : all["links"])
      if (e["url"] == server.url(path)) return e;
    FAIL("no cache entry for " << path);
    return nullptr;
  }
  void set_entry(const std::string& path, const std::string& key, const std::string& value) {
    nlohmann::json c = cache();
    for (auto& e : c["links"])
      if (e["url"] == server.url(path)) e[key] = value;
    site.write("link-cache.json", c.dump(2) + "\n");
  }
};

TEST_CASE("ashyq links checks each URL once, skips by policy, caches, and rechecks when asked",
          "[links]") {
  LinkSite s;
  const std::string grant = "content/grants/synthetic-2024-full/grant.json";

  // First run: nothing cached. /gone is a media link and a document, /ok three places and the
  // target of /moved; each distinct URL is asked once (a 404 to HEAD is asked again with GET).
  const auto start = std::chrono::steady_clock::now();
  RunResult first = s.links({"--report", s.site.scratch("report.json").string()});
  INFO(first.err);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  CHECK(first.exit_code == 1);
  CHECK(first.out ==
        "8 links: 2 ok, 2 broken, 0 unreachable, 4 skipped (4 checked now, 0 from the cache)\n");
  CHECK(s.requests.take() ==
        std::map<std::string, int>{{"/ok", 2}, {"/gone", 2}, {"/moved", 1}, {"/flaky", 2}});
  const std::string since = s.entry("/gone")["checked_at"];
  const std::vector<std::string> errors = errors_in(finding_lines(first.err));
  CHECK(errors == std::vector<std::string>{
                      grant + ":597:7: error: media: broken link \"" + s.server.url("/gone") +
                          "\" (broken 404, since " + since + "); correct or remove it",
                      grant + ":601:7: error: media: broken link \"" + s.server.url("/flaky") +
                          "\" (broken 404, since " + since + "); correct or remove it",
                      grant + ":661:7: error: document: broken link \"" + s.server.url("/gone") +
                          "\" (broken 404, since " + since + "); correct or remove it",
                  });

  // The cache: sorted by URL, skipped links absent, broken ones with broken_since.
  const nlohmann::json cache = s.cache();
  std::vector<std::string> urls;
  for (const auto& e : cache["links"]) urls.push_back(e["url"]);
  CHECK(urls == std::vector<std::string>{s.server.url("/flaky"), s.server.url("/gone"),
                                         s.server.url("/moved"), s.server.url("/ok")});
  CHECK(s.entry("/gone") == nlohmann::json{{"url", s.server.url("/gone")},
                                           {"status", "broken"},
                                           {"http_status", 404},
                                           {"final_url", s.server.url("/gone")},
                                           {"checked_at", since},
                                           {"broken_since", since}});
  CHECK(s.entry("/moved") == nlohmann::json{{"url", s.server.url("/moved")},
                                            {"status", "redirect_ok"},
                                            {"http_status", 200},
                                            {"final_url", s.server.url("/ok")},
                                            {"checked_at", since}});

  // The report: every URL with its class and every place.
  const nlohmann::json report = nlohmann::json::parse(s.site.read("../report.json"));
  CHECK(report["summary"] == nlohmann::json{{"links", 8},
                                            {"checked", 4},
                                            {"reused", 0},
                                            {"ok", 2},
                                            {"broken", 2},
                                            {"unreachable", 0},
                                            {"skipped", 4}});
  REQUIRE(report["links"].size() == 8);
  nlohmann::json gone, skipped;
  for (const auto& link : report["links"]) {
    if (link["url"] == s.server.url("/gone")) gone = link;
    if (link["url"] == s.server.url("/skipped-social", "localhost")) skipped = link;
  }
  CHECK(gone["class"] == "broken");
  CHECK(gone["severity"] == "error");
  CHECK(gone["status"] == "broken");
  CHECK(gone["http_status"] == 404);
  CHECK(gone["places"] == nlohmann::json::array({{{"owner", "grant"},
                                                  {"id", "synthetic-2024-full"},
                                                  {"field", "media"},
                                                  {"file", grant},
                                                  {"line", 597},
                                                  {"column", 7}},
                                                 {{"owner", "grant"},
                                                  {"id", "synthetic-2024-full"},
                                                  {"field", "document"},
                                                  {"file", grant},
                                                  {"line", 661},
                                                  {"column", 7}}}));
  CHECK(skipped == nlohmann::json{{"url", s.server.url("/skipped-social", "localhost")},
                                  {"class", "skipped"},
                                  {"policy", "skip"},
                                  {"places",
                                   {{{"owner", "organisation"},
                                     {"id", "synthetic-fund"},
                                     {"field", "social"},
                                     {"file", "content/organisations/synthetic-fund.json"},
                                     {"line", 17},
                                     {"column", 31}}}}});

  // Second run: every result is fresh, so the server hears nothing.
  RunResult second = s.links();
  CHECK(second.exit_code == 1);
  CHECK(second.out ==
        "8 links: 2 ok, 2 broken, 0 unreachable, 4 skipped (0 checked now, 4 from the cache)\n");
  CHECK(s.requests.take().empty());

  // A stale entry is checked again, and only it.
  s.set_entry("/ok", "checked_at", "2000-01-01T00:00:00Z");
  RunResult stale = s.links();
  CHECK(stale.out ==
        "8 links: 2 ok, 2 broken, 0 unreachable, 4 skipped (1 checked now, 3 from the cache)\n");
  CHECK(s.requests.take() == std::map<std::string, int>{{"/ok", 1}});
  CHECK(s.entry("/ok")["checked_at"] != "2000-01-01T00:00:00Z");

  // --force asks everything again. broken_since stays while a link stays broken and goes when
  // it works again.
  s.set_entry("/gone", "broken_since", "2026-01-01T00:00:00Z");
  s.flaky_fixed = true;
  RunResult forced = s.links({"--force"});
  CHECK(forced.exit_code == 1);
  CHECK(forced.out ==
        "8 links: 3 ok, 1 broken, 0 unreachable, 4 skipped (4 checked now, 0 from the cache)\n");
  CHECK(s.requests.take() ==
        std::map<std::string, int>{{"/ok", 2}, {"/gone", 2}, {"/moved", 1}, {"/flaky", 1}});
  CHECK(s.entry("/gone")["broken_since"] == "2026-01-01T00:00:00Z");
  CHECK(s.entry("/flaky") == nlohmann::json{{"url", s.server.url("/flaky")},
                                            {"status", "ok"},
                                            {"http_status", 200},
                                            {"final_url", s.server.url("/flaky")},
                                            {"checked_at", s.entry("/flaky")["checked_at"]}});

  // Severity "warning": the broken link is still reported, as a warning, and the run succeeds.
  s.set_policy("warning", "");
  RunResult warning = s.links({"--quiet"});
  CHECK(warning.exit_code == 0);
  CHECK(errors_in(finding_lines(warning.err)).empty());
  CHECK(broken_links_in(warnings_in(finding_lines(warning.err))) ==
        std::vector<std::string>{
            grant + ":597:7: warning: media: broken link \"" + s.server.url("/gone") +
                "\" (broken 404, since 2026-01-01T00:00:00Z); correct or remove it",
            grant + ":661:7: warning: document: broken link \"" + s.server.url("/gone") +
                "\" (broken 404, since 2026-01-01T00:00:00Z); correct or remove it"});

  // Host policy "warn" does the same for its host alone.
  s.set_policy("error", "\"127.0.0.1\" = \"warn\"\n");
  CHECK(s.links().exit_code == 0);
  s.set_policy("error", "");
  CHECK(s.links().exit_code == 1);
  CHECK(s.requests.take().empty());
}

TEST_CASE("ashyq links stops at content errors, and a corrupt cache is one of them", "[links]") {
  TestSite site("full");
  site.write("link-cache.json", "{\"links\": [\n  {\"url\": \"https://a.example/\"}\n]}\n");
  const RunResult run = site.run({"links", "--site", site.dir().string()});
  CHECK(run.exit_code == 1);
  CHECK(errors_in(finding_lines(run.err)) ==
        std::vector<std::string>{
            "link-cache.json:2:3: error: /links/0/checked_at: missing required field "
            "\"checked_at\" (a string)",
            "link-cache.json:2:3: error: /links/0/status: missing required field \"status\" (a "
            "string)"});
  CHECK(run.out == "");
  // The same file stops a build, naming it, and the link command leaves it as it was.
  CHECK(site.build().exit_code == 1);
  CHECK(site.read("link-cache.json") == "{\"links\": [\n  {\"url\": \"https://a.example/\"}\n]}\n");
}

TEST_CASE("ashyq links --help and bad options", "[links]") {
  TestSite site("full");
  const RunResult help = site.run({"links", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.rfind("usage: ashyq links [--site DIR] [--force] [--report FILE] [--quiet]\n",
                       0) == 0);
  const RunResult bad = site.run({"links", "--out", "x"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.rfind("ashyq links: unknown option '--out'\n", 0) == 0);
  const RunResult no_value = site.run({"links", "--report"});
  CHECK(no_value.exit_code == 2);
  CHECK(no_value.err.rfind("ashyq links: --report needs a value\n", 0) == 0);
}

// A section of a page between two markers, for focused assertions.
std::string between(const std::string& html, const std::string& from, const std::string& to) {
  const std::size_t start = html.find(from);
  if (start == std::string::npos) return "";
  const std::size_t end = html.find(to, start);
  return html.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

TEST_CASE(
    "A build marks links known to be broken, never unreachable ones, and lists both for "
    "operators",
    "[links]") {
  // tests/fixtures/full/link-cache.json (synthetic): the news article 404 since 1 November 2026,
  // the fund's website 410 since 2 November, the agreement PDF timed out.
  TestSite site("full");
  const RunResult run = site.build();
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const std::string ru = site.read("public/ru/grants/synthetic-2024-full/index.html");
  const std::string kk = site.read("public/kk/grants/synthetic-2024-full/index.html");
  const std::string mark_ru_1 =
      "<strong class=\"link-unavailable\">(ссылка недоступна с 1 ноября 2026\u202Fг.)</strong>";
  const std::string mark_kk_1 =
      "<strong class=\"link-unavailable\">(сілтеме қолжетімсіз, алғаш байқалған күні: "
      "2026\u202Fж. 1 қараша)</strong>";
  CHECK(
      ru.find("<a href=\"https://news.synthetic.example/2024/forum\" rel=\"nofollow noopener\" "
              "referrerpolicy=\"no-referrer\"><span lang=\"ru\">Синтетическая статья</span></a> " +
              mark_ru_1) != std::string::npos);
  CHECK(kk.find("<span lang=\"kk\">Синтетикалық мақала</span></a> " + mark_kk_1) !=
        std::string::npos);
  // The grantee's website, on the grant page and on the organisation's own page.
  const std::string website_ru =
      "<a href=\"https://fund.synthetic.example/\" rel=\"nofollow noopener\">"
      "https://fund.synthetic.example/</a> <strong class=\"link-unavailable\">(ссылка недоступна с "
      "2 ноября 2026\u202Fг.)</strong>";
  CHECK(ru.find(website_ru) != std::string::npos);
  CHECK(site.read("public/ru/organisations/synthetic-fund/index.html").find(website_ru) !=
        std::string::npos);
  // Exactly two marks per grant page: the timed-out document is not marked.
  for (const std::string* page : {&ru, &kk}) {
    std::size_t marks = 0;
    for (std::size_t at = page->find("link-unavailable"); at != std::string::npos;
         at = page->find("link-unavailable", at + 1))
      ++marks;
    CHECK(marks == 2);
  }
  CHECK(ru.find("syn-001.pdf\" rel=\"nofollow noopener\"><span lang=\"ru\">Синтетический договор о "
                "гранте</span></a> <span class=\"meta\">") != std::string::npos);

  // The operators' page: noindex, nofollow; both classes, with places and dates.
  const std::string report = plain_figures(site.read("public/ru/link-report/index.html"));
  CHECK(report.find("<meta name=\"robots\" content=\"noindex, nofollow\">") != std::string::npos);
  CHECK(report.find("<dt>Битые</dt><dd>2</dd>") != std::string::npos);
  CHECK(report.find("<dt>Недоступны</dt><dd>1</dd>") != std::string::npos);
  CHECK(report.find("<dt>Ещё не проверены</dt><dd>8</dd>") != std::string::npos);
  CHECK(between(report, "<h2 id=\"links-grant-synthetic-2024-full\">", "</section>")
            .find("<tr><td><a href=\"https://operator.synthetic.example/docs/syn-001.pdf\" "
                  "rel=\"nofollow noopener\" referrerpolicy=\"no-referrer\">"
                  "https://operator.synthetic.example/docs/syn-001.pdf</a></td><td>недоступна</td>"
                  "<td><code>timeout</code></td><td>—</td><td>20 ноября 2026\u202Fг.</td>"
                  "<td>документ: <code>content/grants/synthetic-2024-full/grant.json:661</code>"
                  "<br></td></tr>") != std::string::npos);
  CHECK(between(report, "<h2 id=\"links-organisation-synthetic-fund\">", "</section>")
            .find("<td>битая</td><td><code>broken 410</code></td><td>2 ноября 2026\u202Fг.</td>") !=
        std::string::npos);
  // Not in the navigation of any page, and closed to crawlers.
  CHECK(ru.find("link-report") == std::string::npos);
  CHECK(site.read("public/robots.txt") ==
        "User-agent: *\nDisallow: /kk/link-report/\nDisallow: /ru/link-report/\n\n"
        "Sitemap: https://synthetic.example/sitemap.xml\n");
  CHECK(site.read("public/kk/link-report/index.html")
            .find("<meta name=\"robots\" content=\"noindex, nofollow\">") != std::string::npos);
}

TEST_CASE("A broken link inside a narrative is marked where the narrative shows it", "[links]") {
  TestSite site("full");
  // The fixture's narratives link to https://fund.synthetic.example/report (kk and ru).
  site.write("link-cache.json",
             R"({"links": [
    {"url": "https://fund.synthetic.example/report", "status": "broken", "http_status": 404, "final_url": "https://fund.synthetic.example/report", "checked_at": "2026-11-20T08:00:00Z", "broken_since": "2026-11-03T08:00:00Z"}
  ]})");
  const RunResult built = site.build();
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  const PartialDate since{2026, 11, 3};
  const std::string ru = site.read("public/ru/grants/synthetic-2024-full/index.html");
  CHECK(ru.find("синтетический сайт</a> <strong class=\"link-unavailable\">(ссылка недоступна с " +
                i18n::format_date(since, Lang::ru) + ")</strong>") != std::string::npos);
  const std::string kk = site.read("public/kk/grants/synthetic-2024-full/index.html");
  CHECK(kk.find("синтетикалық сайт</a> <strong class=\"link-unavailable\">(сілтеме қолжетімсіз, "
                "алғаш байқалған күні: " +
                i18n::format_date(since, Lang::kk) + ")</strong>") != std::string::npos);
  // Only that link: the page has one mark.
  std::size_t marks = 0;
  for (std::size_t at = ru.find("link-unavailable"); at != std::string::npos;
       at = ru.find("link-unavailable", at + 1))
    ++marks;
  CHECK(marks == 1);
}

TEST_CASE("Without a link cache nothing is marked and the report says no check has been run",
          "[links]") {
  TestSite site("full");
  std::filesystem::remove(site.dir() / "link-cache.json");
  const RunResult run = site.build();
  REQUIRE(run.exit_code == 0);
  CHECK(site.read("public/ru/grants/synthetic-2024-full/index.html").find("link-unavailable") ==
        std::string::npos);
  const std::string report = plain_figures(site.read("public/ru/link-report/index.html"));
  CHECK(report.find("<p>Проверка ссылок ещё не проводилась: запустите ashyq links.</p>") !=
        std::string::npos);
  CHECK(report.find("<table>") == std::string::npos);
  CHECK(site.read("public/kk/link-report/index.html")
            .find("<p>Сілтемелер әлі тексерілмеген: ashyq links командасын іске қосыңыз.</p>") !=
        std::string::npos);
}

}  // namespace
}  // namespace ashyq::integration
