// `ashyq serve` as a user meets it: the real server on a free port of 127.0.0.1, on a copy of a
// fixture site (synthetic data), asked by a real HTTP client (cpp-httplib). Rebuilds are waited
// for by polling with a generous limit, never timed: bench/serve_edit.sh measures how fast they
// are.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <httplib.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "serve/server.h"
#include "spawn_ashyq.h"
#include "test_site.h"

extern char** environ;

namespace ashyq::integration {
namespace {
namespace fs = std::filesystem;

constexpr const char* kGrant = "content/grants/synthetic-2024-full/grant.json";
constexpr const char* kTitle =
    "\"kk\": \"Синтетикалық толық жоба\",\n    \"ru\": \"Синтетический полный проект\"";

// The server on a copy of the `full` fixture; stopped (and its folder removed) at the end.
struct Served {
  TestSite site{"full"};
  std::ostringstream out, err;  // read only after stop(): the server's threads write them
  std::unique_ptr<serve::Server> server;

  Served() {
    serve::ServeOptions options;
    options.site_dir = site.dir();
    options.port = 0;
    options.jobs = 2;
    Result<std::unique_ptr<serve::Server>> started = serve::Server::start(options, out, err);
    if (!started.ok()) FAIL(started.status().message());
    server = std::move(*started);
  }

  httplib::Result get(const std::string& path) const {
    httplib::Client client("127.0.0.1", server->port());
    client.set_url_encode(false);  // hostile paths go out exactly as written
    client.set_read_timeout(30, 0);
    return client.Get(path.c_str());
  }
  std::string body(const std::string& path) const {
    const httplib::Result r = get(path);
    REQUIRE(r);
    return r->body;
  }
  nlohmann::json status() const { return nlohmann::json::parse(body("/__ashyq/status")); }
};

// Polls `done` until it holds, for at most a minute: a rebuild of the fixture takes well under a
// second, so the limit only stops a broken server from hanging the run.
bool eventually(const std::function<bool()>& done) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A served HTML page without the injected reload script: the file as built.
std::string without_script(std::string html) {
  const std::size_t start = html.find("<script data-ashyq-serve");
  const std::string end = "</script>\n";
  if (start == std::string::npos) return html;
  html.erase(start, html.find(end, start) + end.size() - start);
  return html;
}

TEST_CASE("ashyq serve answers both languages, the downloads and the assets with their types") {
  Served s;
  const fs::path built = s.server->output_dir();
  CHECK_FALSE(s.site.exists("public"));  // never the site's own output
  CHECK_FALSE(built.string().starts_with(s.site.dir().string()));

  struct Case {
    std::string path, type, file;
  };
  const Case cases[] = {
      {"/", "text/html; charset=utf-8", "index.html"},
      {"/kk/", "text/html; charset=utf-8", "kk/index.html"},
      {"/ru/", "text/html; charset=utf-8", "ru/index.html"},
      {"/kk/grants/synthetic-2024-full/", "text/html; charset=utf-8",
       "kk/grants/synthetic-2024-full/index.html"},
      {"/ru/grants/synthetic-2024-full/", "text/html; charset=utf-8",
       "ru/grants/synthetic-2024-full/index.html"},
      {"/assets/style.css", "text/css; charset=utf-8", "assets/style.css"},
      {"/data/grants.csv", "text/csv; charset=utf-8", "data/grants.csv"},
      {"/data/grants.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
       "data/grants.xlsx"},
      {"/data/datapackage.json", "application/json; charset=utf-8", "data/datapackage.json"},
      {"/downloads/grants/synthetic-2024-full/budget_lines.csv", "text/csv; charset=utf-8",
       "downloads/grants/synthetic-2024-full/budget_lines.csv"},
      {"/sitemap.xml", "application/xml; charset=utf-8", "sitemap.xml"},
      {"/robots.txt", "text/plain; charset=utf-8", "robots.txt"},
  };
  for (const Case& c : cases) {
    INFO(c.path);
    const httplib::Result r = s.get(c.path);
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == c.type);
    CHECK(without_script(r->body) == s.site.read(fs::path(built / c.file).string()));
  }
  CHECK(contains(s.body("/kk/grants/synthetic-2024-full/"), "Синтетикалық толық жоба"));
  CHECK(contains(s.body("/ru/grants/synthetic-2024-full/"), "Синтетический полный проект"));
  CHECK(contains(s.body("/kk/"), "<html lang=\"kk\">"));
  CHECK(contains(s.body("/ru/"), "<html lang=\"ru\">"));

  // A folder without its slash is sent to it; an unknown path gets its language's 404 page.
  const httplib::Result folder = s.get("/kk/grants");
  REQUIRE(folder);
  CHECK(folder->status == 301);
  CHECK(folder->get_header_value("Location") == "/kk/grants/");
  for (const auto& [path, page] : {std::pair{"/kk/no-such-page/", "kk/404.html"},
                                   std::pair{"/ru/grants/no-such-grant/", "ru/404.html"},
                                   std::pair{"/no-such-file.csv", "404.html"}}) {
    INFO(path);
    const httplib::Result r = s.get(path);
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK(r->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(without_script(r->body) == s.site.read(fs::path(built / page).string()));
  }
  s.server->stop();
  CHECK_FALSE(fs::exists(built.parent_path()));  // the temporary folder went with the server
}

TEST_CASE("A second ashyq serve on a port in use fails instead of sharing it") {
  Served s;
  std::ostringstream out, err;
  serve::ServeOptions options;
  options.site_dir = s.site.dir();
  options.port = s.server->port();
  const Result<std::unique_ptr<serve::Server>> second = serve::Server::start(options, out, err);
  REQUIRE_FALSE(second.ok());
  CHECK(contains(second.status().message(),
                 "cannot listen on 127.0.0.1:" + std::to_string(options.port)));
}

TEST_CASE("ashyq serve refuses every path that leads out of the built site") {
  Served s;
  const fs::path built = s.server->output_dir();
  // A secret beside the built site, and links inside it that lead out.
  const std::string secret = "the secret beside the build";
  { std::ofstream(built.parent_path() / "secret.txt") << secret; }
  fs::create_symlink(built.parent_path() / "secret.txt", built / "leak.txt");
  fs::create_directory_symlink(built.parent_path(), built / "up");
  for (const char* hostile : {
           "/../secret.txt",
           "/kk/../../secret.txt",
           "/%2e%2e/secret.txt",
           "/%2E%2E/%2E%2E/secret.txt",
           "/kk/%2e%2e/%2e%2e/secret.txt",
           "/..%2fsecret.txt",
           "/..%5csecret.txt",
           "/%2f..%2fsecret.txt",
           "//secret.txt",
           "/%2ftmp/secret.txt",
           "/.%2e/secret.txt",
           "/kk/..\\..\\secret.txt",
           "/leak.txt",
           "/up/secret.txt",
           "/up/",
           "/kk/%00/../../secret.txt",
       }) {
    INFO(hostile);
    const httplib::Result r = s.get(hostile);
    REQUIRE(r);
    CHECK(r->status >= 400);
    CHECK(r->status < 500);
    CHECK_FALSE(contains(r->body, secret));
  }
  CHECK(s.get("/leak.txt")->status == 403);
  // A page of another site whose name resolves to 127.0.0.1 (DNS rebinding) reads nothing.
  httplib::Client rebound("127.0.0.1", s.server->port());
  const httplib::Result other = rebound.Get("/kk/", {{"Host", "evil.example"}});
  REQUIRE(other);
  CHECK(other->status == 403);
  CHECK_FALSE(contains(other->body, "<html"));
  httplib::Client localhost("localhost", s.server->port());
  const httplib::Result named = localhost.Get("/kk/");
  REQUIRE(named);
  CHECK(named->status == 200);
  CHECK(s.get("/%2e%2e/secret.txt")->status == 403);
}

TEST_CASE("ashyq serve injects its reload script into served HTML only, never into the files") {
  Served s;
  const std::string page = s.body("/kk/grants/synthetic-2024-full/");
  CHECK(contains(page, "<script data-ashyq-serve"));
  CHECK(page.find("<script data-ashyq-serve") < page.rfind("</body>"));
  CHECK(contains(page, "data-lang=\"kk\""));
  CHECK(contains(s.body("/ru/"), "data-lang=\"ru\""));
  CHECK_FALSE(contains(s.body("/assets/style.css"), "ashyq-serve"));
  CHECK_FALSE(contains(s.body("/data/grants.csv"), "ashyq-serve"));
  const std::map<std::string, std::string> files = s.site.files(s.server->output_dir());
  REQUIRE(files.count("kk/grants/synthetic-2024-full/index.html"));
  for (const auto& [path, bytes] : files) {
    INFO(path);
    CHECK_FALSE(contains(bytes, "ashyq-serve"));
    CHECK_FALSE(contains(bytes, "__ashyq"));
  }
}

// The first message of the event stream: the state at once.
nlohmann::json first_event(const Served& s) {
  httplib::Client client("127.0.0.1", s.server->port());
  client.set_read_timeout(30, 0);
  std::string received;
  client.Get("/__ashyq/events", [&](const char* data, std::size_t length) {
    received.append(data, length);
    return received.find("\n\n") == std::string::npos;  // one message is enough
  });
  REQUIRE(received.starts_with("data: "));
  return nlohmann::json::parse(received.substr(6, received.find("\n\n") - 6));
}

TEST_CASE(
    "ashyq serve rebuilds on an edit, shows a broken record's findings in kk and ru while the last "
    "good build stays served, and recovers when it is fixed") {
  Served s;
  const std::string page = "/kk/grants/synthetic-2024-full/";
  const nlohmann::json first = s.status();
  CHECK(first["ok"] == true);
  CHECK(first_event(s) == first);

  // An edit of the grant's title is served after the rebuild, to the page open on the old one.
  s.site.replace_once(kGrant, kTitle,
                      "\"kk\": \"Синтетикалық өзгертілген жоба\",\n    \"ru\": \"Синтетический "
                      "изменённый проект\"");
  // The files are published before the new build is announced: wait for the announcement.
  CHECK(eventually([&] { return s.status()["build"] != first["build"]; }));
  CHECK(contains(s.body(page), "Синтетикалық өзгертілген жоба"));
  CHECK(contains(s.body("/ru/grants/synthetic-2024-full/"), "Синтетический изменённый проект"));
  const nlohmann::json edited = s.status();
  CHECK(edited["ok"] == true);
  CHECK(edited["build"] != first["build"]);
  CHECK(contains(s.body(page), "data-build=\"" + edited["build"].get<std::string>() + "\""));

  // A broken record: the findings, located, in each language; the good build is still served.
  s.site.replace_once(kGrant, R"("status": "completed",)", R"("status": "<b>finished</b>",)");
  CHECK(eventually([&] { return s.status()["ok"] == false; }));
  const nlohmann::json broken = s.status();
  CHECK(broken["build"] == edited["build"]);
  CHECK(first_event(s) == broken);
  const std::string location = std::string(kGrant) + ":3:3";
  const std::string kk = s.body("/__ashyq/findings/kk/");
  CHECK(contains(kk, "<html lang=\"kk\">"));
  CHECK(contains(kk, "<h1>Сайт жиналмады</h1>"));
  CHECK(contains(kk, "<code class=\"where\">" + location + "</code>"));
  CHECK(contains(kk, "<code class=\"field\">/status</code>"));
  // The message quotes the value as written; the page shows it as text, never as markup.
  CHECK(contains(kk, "unknown value &quot;&lt;b&gt;finished&lt;/b&gt;&quot;"));
  CHECK_FALSE(contains(kk, "<b>"));
  const std::string ru = s.body("/__ashyq/findings/ru/");
  CHECK(contains(ru, "<html lang=\"ru\">"));
  CHECK(contains(ru, "<h1>Сайт не собран</h1>"));
  CHECK(contains(ru, "<code class=\"where\">" + location + "</code>"));
  CHECK_FALSE(contains(ru, "<b>"));
  const httplib::Result still = s.get(page);
  REQUIRE(still);
  CHECK(still->status == 200);
  CHECK(contains(still->body, "Синтетикалық өзгертілген жоба"));

  // Fixed: a new good build, no findings.
  s.site.replace_once(kGrant, R"("status": "<b>finished</b>",)", R"("status": "completed",)");
  CHECK(eventually([&] { return s.status()["ok"] == true; }));
  const nlohmann::json fixed = s.status();
  CHECK(fixed["build"] != edited["build"]);
  CHECK(fixed["failure"] == "");
  CHECK_FALSE(contains(s.body("/__ashyq/findings/kk/"), location));
  CHECK(contains(s.body(page), "Синтетикалық өзгертілген жоба"));

  s.server->stop();
  // The same findings went to stderr, as `ashyq build` prints them.
  CHECK(contains(s.err.str(), location + ": error: /status: "));
  CHECK(contains(s.err.str(), "still serving the previous build"));
}

TEST_CASE("ashyq serve answers the findings for every path until a first good build") {
  TestSite site("full");
  site.replace_once(kGrant, R"("status": "completed",)", R"("status": "finished",)");
  std::ostringstream out, err;
  serve::ServeOptions options;
  options.site_dir = site.dir();
  options.port = 0;
  Result<std::unique_ptr<serve::Server>> started = serve::Server::start(options, out, err);
  REQUIRE(started.ok());
  serve::Server& server = **started;
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(30, 0);
  const httplib::Result r = client.Get("/ru/grants/");
  REQUIRE(r);
  CHECK(r->status == 500);
  CHECK(contains(r->body, "<h1>Сайт не собран</h1>"));
  CHECK(contains(r->body, std::string(kGrant) + ":3:3"));
  CHECK(contains(r->body, "<script data-ashyq-serve"));  // it reloads itself once fixed

  site.replace_once(kGrant, R"("status": "finished",)", R"("status": "completed",)");
  CHECK(eventually([&] {
    const httplib::Result page = client.Get("/ru/grants/");
    return page && page->status == 200;
  }));
}

TEST_CASE("ashyq serve --port 0 prints its URL, and SIGTERM stops it cleanly, folder removed") {
  TestSite site("full");
  const fs::path out = site.scratch("serve.out"), err = site.scratch("serve.err");
  const pid_t pid =
      testing::spawn_ashyq({"serve", "--site", site.dir().string(), "--port", "0"}, out, err);
  std::smatch match;
  std::string printed;
  const std::regex line("serving .* at (http://127\\.0\\.0\\.1:([0-9]+)/) \\(built in (.*)\\)");
  const bool up = eventually([&] {
    printed = site.read(out.string());
    return std::regex_search(printed, match, line);
  });
  if (!up) ::kill(pid, SIGKILL);
  REQUIRE(up);
  const int port = std::stoi(match[2].str());
  const fs::path folder = match[3].str();
  CHECK(fs::is_directory(folder));

  httplib::Client client("127.0.0.1", port);
  const httplib::Result home = client.Get("/kk/");
  REQUIRE(home);
  CHECK(home->status == 200);

  ::kill(pid, SIGTERM);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(contains(site.read(out.string()), "stopped\n"));
  CHECK_FALSE(fs::exists(folder));
  CHECK_FALSE(site.exists("public"));
}

}  // namespace
}  // namespace ashyq::integration
