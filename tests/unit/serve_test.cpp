// The pieces of `ashyq serve` on their own: the mapping of request paths to files and content
// types, the reload script's injection, the findings page, and the inotify watcher on real
// folders. The server as a whole is tested in tests/integration/serve_test.cpp.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <future>
#include <string>
#include <thread>

#include "i18n/ui_strings.h"
#include "serve/request_path.h"
#include "serve/serve_pages.h"
#include "serve/watcher.h"
#include "temp_folder.h"

namespace ashyq::serve {
namespace {
namespace fs = std::filesystem;
using Kind = Resolved::Kind;

TEST_CASE("A served path maps to a file of the built site, a folder's to its index.html") {
  testing::TempFolder folder("serve-paths");
  const fs::path root = folder / "site";
  folder.write("site/index.html", "root");
  folder.write("site/kk/grants/a/index.html", "grant");
  folder.write("site/data/grants.csv", "csv");
  folder.write("secret.txt", "secret");

  CHECK(resolve(root, "/").kind == Kind::file);
  CHECK(resolve(root, "/").file == root / "index.html");
  CHECK(resolve(root, "/kk/grants/a/").file == root / "kk/grants/a/index.html");
  CHECK(resolve(root, "/data/grants.csv").file == root / "data/grants.csv");
  const Resolved folder_without_slash = resolve(root, "/kk/grants/a");
  CHECK(folder_without_slash.kind == Kind::redirect);
  CHECK(folder_without_slash.location == "/kk/grants/a/");
  CHECK(resolve(root, "/kk/grants/b/").kind == Kind::not_found);
  CHECK(resolve(root, "/data/grants.csv/").kind == Kind::not_found);
  CHECK(resolve(root, "/kk/").kind == Kind::not_found);  // a folder without index.html

  // The path as cpp-httplib hands it over, decoded once: every way out of the root is refused.
  for (const char* hostile :
       {"/../secret.txt", "/kk/../../secret.txt", "/..", "/kk/..", "/./index.html", "//secret.txt",
        "//etc/passwd", "/kk//index.html", "/..\\secret.txt", "/kk\\..\\..\\secret.txt",
        "secret.txt", "", "../secret.txt"}) {
    INFO(hostile);
    CHECK(resolve(root, hostile).kind == Kind::forbidden);
  }
  CHECK(resolve(root, std::string("/index.html\0.txt", 16)).kind == Kind::forbidden);
  // Decoded once only: "%2e%2e" is a name like any other, and there is no such file.
  CHECK(resolve(root, "/%2e%2e/secret.txt").kind == Kind::not_found);

  // A symbolic link is followed only while it stays inside the root.
  fs::create_symlink(folder / "secret.txt", root / "leak.txt");
  fs::create_directory_symlink(folder.root(), root / "up");
  fs::create_symlink(root / "data/grants.csv", root / "same.csv");
  CHECK(resolve(root, "/leak.txt").kind == Kind::forbidden);
  CHECK(resolve(root, "/up/secret.txt").kind == Kind::forbidden);
  CHECK(resolve(root, "/up").kind == Kind::forbidden);
  CHECK(resolve(root, "/same.csv").kind == Kind::file);
}

TEST_CASE("A served path's language is its first segment's") {
  CHECK(path_language("/kk/") == Lang::kk);
  CHECK(path_language("/ru/grants/x/") == Lang::ru);
  CHECK(path_language("/") == std::nullopt);
  CHECK(path_language("/kk") == std::nullopt);
  CHECK(path_language("/data/grants.csv") == std::nullopt);
  CHECK(path_language("/en/") == std::nullopt);
}

TEST_CASE("The server answers requests for the loopback only, whatever the port") {
  CHECK(loopback_host("127.0.0.1:1414"));
  CHECK(loopback_host("127.0.0.1"));
  CHECK(loopback_host("localhost:8080"));
  CHECK(loopback_host("[::1]:1414"));
  CHECK(loopback_host("[::1]"));
  CHECK_FALSE(loopback_host("evil.example:1414"));
  CHECK_FALSE(loopback_host("127.0.0.1.evil.example"));
  CHECK_FALSE(loopback_host("localhost.evil.example:1414"));
  CHECK_FALSE(loopback_host(""));
}

TEST_CASE("Served files get their content type from the extension, text in UTF-8") {
  CHECK(content_type("a/index.html") == "text/html; charset=utf-8");
  CHECK(content_type("style.css") == "text/css; charset=utf-8");
  CHECK(content_type("media.js") == "text/javascript; charset=utf-8");
  CHECK(content_type("grants.json") == "application/json; charset=utf-8");
  CHECK(content_type("grants.csv") == "text/csv; charset=utf-8");
  CHECK(content_type("GRANTS.CSV") == "text/csv; charset=utf-8");
  CHECK(content_type("sitemap.xml") == "application/xml; charset=utf-8");
  CHECK(content_type("robots.txt") == "text/plain; charset=utf-8");
  CHECK(content_type("chart.svg") == "image/svg+xml; charset=utf-8");
  CHECK(content_type("site.webmanifest") == "application/manifest+json; charset=utf-8");
  CHECK(content_type("grants.xlsx") ==
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  CHECK(content_type("logo.png") == "image/png");
  CHECK(content_type("favicon.ico") == "image/vnd.microsoft.icon");
  CHECK(content_type("font.woff2") == "font/woff2");
  CHECK(content_type("index.bin") == "application/octet-stream");
  CHECK(content_type("README") == "application/octet-stream");
}

TEST_CASE("The reload script goes before the last </body>, and names its build and language") {
  const std::string script = reload_script({"t-3", true, ""}, Lang::ru);
  CHECK(script.find("data-build=\"t-3\"") != std::string::npos);
  CHECK(script.find("data-lang=\"ru\"") != std::string::npos);
  CHECK(script.find(kEventsUrl) != std::string::npos);
  CHECK(script.find(kFindingsUrl) != std::string::npos);
  CHECK(with_script("<p>a</p></body></html>", "<s>") == "<p>a</p><s></body></html>");
  CHECK(with_script("<pre></body></pre></body>\n", "<s>") == "<pre></body></pre><s></body>\n");
  CHECK(with_script("<p>no body</p>", "<s>") == "<p>no body</p><s>");
  CHECK(state_json({"t-3", false, "t-4"}) == R"({"build":"t-3","failure":"t-4","ok":false})");
}

TEST_CASE("The findings page locates every finding in the page's language, every text escaped") {
  testing::TempFolder folder("serve-findings");
  folder.write("content/grants/x/grant.json", "{\n  \"status\": \"<b>done</b>\"\n}\n");
  i18n::UiStrings strings;
  strings.set(Lang::kk, "serve.title", "Сайт жиналмады");
  strings.set(Lang::kk, "serve.previous", "Алдыңғы <нұсқа>");
  strings.set(Lang::kk, "serve.count", "Табылған мәселелер: {count}");
  strings.set(Lang::kk, "serve.error", "қате");
  strings.set(Lang::kk, "serve.warning", "ескерту");
  strings.set(Lang::ru, "serve.title", "Сайт не собран");
  const std::vector<Diagnostic> findings = {
      {Severity::error,
       {"content/grants/x/grant.json", 2, 13},
       "/status",
       "unknown status \"<b>done</b>\"; use <i>completed</i> & co"},
      {Severity::warning, {"content/<img src=x onerror=alert(1)>.md", 0, 0}, "", "odd"},
  };
  const std::string kk = findings_page(findings, strings, Lang::kk, folder.root().string(), true);
  CHECK(kk.find("<html lang=\"kk\">") != std::string::npos);
  CHECK(kk.find("<title>Сайт жиналмады</title>") != std::string::npos);
  CHECK(kk.find("Алдыңғы &lt;нұсқа&gt;") != std::string::npos);
  CHECK(kk.find("Табылған мәселелер: 2") != std::string::npos);
  CHECK(kk.find("<code class=\"where\">content/grants/x/grant.json:2:13</code> "
                "<span class=\"severity\">қате</span>: <code class=\"field\">/status</code>: "
                "<span class=\"message\">unknown status &quot;&lt;b&gt;done&lt;/b&gt;&quot;; use "
                "&lt;i&gt;completed&lt;/i&gt; &amp; co</span>") != std::string::npos);
  // The source line, and the caret under column 13.
  CHECK(kk.find("<pre>      &quot;status&quot;: &quot;&lt;b&gt;done&lt;/b&gt;&quot;\n"
                "                ^\n</pre>") != std::string::npos);
  CHECK(kk.find("content/&lt;img src=x onerror=alert(1)&gt;.md") != std::string::npos);
  CHECK(kk.find("<b>") == std::string::npos);
  CHECK(kk.find("<img") == std::string::npos);
  CHECK(kk.find("<script") == std::string::npos);  // the page is no served page of the site

  const std::string ru = findings_page(findings, strings, Lang::ru, folder.root().string(), true);
  CHECK(ru.find("<html lang=\"ru\">") != std::string::npos);
  CHECK(ru.find("<h1>Сайт не собран</h1>") != std::string::npos);
}

// Runs wait_for_change on a thread and says whether it saw a change within `within`; stops the
// watcher when it did not.
bool sees_change(SiteWatcher& watcher, std::chrono::milliseconds within) {
  auto waiting = std::async(std::launch::async,
                            [&] { return watcher.wait_for_change(std::chrono::milliseconds(50)); });
  if (waiting.wait_for(within) == std::future_status::ready) return waiting.get();
  watcher.stop();
  return waiting.get();
}

TEST_CASE(
    "The watcher sees the site's inputs change, in folders made later too, and nothing else") {
  testing::TempFolder folder("serve-watch");
  folder.write("site.toml", "");
  folder.write("content/grants/a/grant.json", "{}");
  folder.write("templates/base.mustache", "");
  fs::create_directories(folder / "public");
  using std::chrono::milliseconds;

  Result<std::unique_ptr<SiteWatcher>> opened = SiteWatcher::open(folder.root());
  REQUIRE(opened.ok());
  SiteWatcher& watcher = **opened;

  SECTION("an edit to a record") {
    folder.write("content/grants/a/grant.json", "{\"id\": \"a\"}");
    CHECK(sees_change(watcher, milliseconds(5000)));
  }
  SECTION("an edit to site.toml") {
    folder.write("site.toml", "page_size = 10\n");
    CHECK(sees_change(watcher, milliseconds(5000)));
  }
  SECTION("a file in a folder made after the watch began") {
    fs::create_directories(folder / "content/grants/b/media");
    CHECK(sees_change(watcher, milliseconds(5000)));
    folder.write("content/grants/b/media/x.json", "{}");
    CHECK(sees_change(watcher, milliseconds(5000)));
  }
  SECTION("an assets folder that did not exist") {
    fs::create_directories(folder / "assets");
    CHECK(sees_change(watcher, milliseconds(5000)));
    folder.write("assets/style.css", "p{}");
    CHECK(sees_change(watcher, milliseconds(5000)));
  }
  SECTION("editors' scratch files, the output and other files of the site folder are no change") {
    folder.write("content/grants/a/.grant.json.swp", "x");
    folder.write("content/grants/a/4913", "");
    folder.write("content/grants/a/grant.json~", "{}");
    folder.write("templates/.#base.mustache", "");
    folder.write("public/index.html", "<p>");
    folder.write("notes.txt", "x");
    CHECK_FALSE(sees_change(watcher, milliseconds(1500)));
  }
  CHECK(SiteWatcher::scratch_file("grant.json.swp"));
  CHECK(SiteWatcher::scratch_file("4913"));
  CHECK_FALSE(SiteWatcher::scratch_file("grant.json"));
}

}  // namespace
}  // namespace ashyq::serve
