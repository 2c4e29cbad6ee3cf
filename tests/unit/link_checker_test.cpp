// The link checker against a real HTTP server (cpp-httplib) on 127.0.0.1 with
// an ephemeral port. Every server runs on its own thread and is stopped when
// its TestServer goes out of scope; every check has short timeouts so that a
// regression fails the test instead of hanging it.
#include "linkcheck/link_checker.h"
#include "model/enum_names.h"

#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "test_server.h"

namespace {

using ashyq::testing::TestServer;

using namespace std::chrono_literals;
using ashyq::link_status_name;
using ashyq::LinkStatus;
using ashyq::linkcheck::check_links;
using ashyq::linkcheck::LinkCheckOptions;
using ashyq::linkcheck::LinkResult;
using Clock = std::chrono::steady_clock;

// A TCP port that is bound but not listening: connecting to it is refused at
// once. Closed on destruction.
class RefusingPort {
 public:
  RefusingPort() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr *>(&address), length) != 0 ||
        ::getsockname(fd_, reinterpret_cast<sockaddr *>(&address), &length) != 0) {
      throw std::runtime_error("refusing port: cannot bind");
    }
    port = ntohs(address.sin_port);
  }
  RefusingPort(const RefusingPort &) = delete;
  RefusingPort &operator=(const RefusingPort &) = delete;
  ~RefusingPort() { ::close(fd_); }
  int port = 0;

 private:
  int fd_ = -1;
};

// Options for tests: no per-host pause, no long backoffs, and timeouts that end
// a hung test fast.
LinkCheckOptions test_options() {
  LinkCheckOptions options;
  options.user_agent = "Ashyq-LinkChecker/0.1 (+https://test.ashyq.kz/)";
  options.per_host_delay = 0ms;
  options.connect_timeout = 2s;
  options.total_timeout = 5s;
  options.initial_backoff = 10ms;
  options.max_retry_wait = 3s;
  return options;
}

LinkResult check_one(const std::string &url, const LinkCheckOptions &options = test_options()) {
  std::vector<LinkResult> results = check_links({url}, options).value();
  REQUIRE(results.size() == 1);
  INFO("status " << link_status_name(results[0].status) << ", error: " << results[0].error);
  return results[0];
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

TEST_CASE(
    "a page that answers 200 is ok and was asked once with HEAD and our "
    "user agent",
    "[linkcheck]") {
  TestServer site;
  std::mutex mutex;
  std::vector<std::string> seen;  // "METHOD user-agent"
  site.server.Get("/ok", [&](const httplib::Request &request, httplib::Response &response) {
    std::lock_guard lock(mutex);
    seen.push_back(request.method + " " + request.get_header_value("User-Agent"));
    response.set_content("hello", "text/plain");
  });
  site.start();

  LinkResult result = check_one(site.url("/ok"));

  CHECK(result.status == LinkStatus::ok);
  CHECK(result.http_status == 200);
  CHECK(result.final_url == site.url("/ok"));
  CHECK(result.attempts == 1);
  CHECK(result.error.empty());
  std::lock_guard lock(mutex);
  CHECK(seen == std::vector<std::string>{"HEAD Ashyq-LinkChecker/0.1 (+https://test.ashyq.kz/)"});
}

TEST_CASE(
    "a chain of redirects that ends at a page is redirect_ok with the "
    "final URL",
    "[linkcheck]") {
  TestServer site;
  site.server.Get("/old", [](const httplib::Request &, httplib::Response &r) {
    r.set_redirect("/older", 301);
  });
  site.server.Get("/older", [](const httplib::Request &, httplib::Response &r) {
    r.set_redirect("/new", 302);
  });
  site.server.Get("/new", [](const httplib::Request &, httplib::Response &r) {
    r.set_redirect("/newest", 308);
  });
  site.server.Get("/newest", [](const httplib::Request &, httplib::Response &r) {
    r.set_content("here", "text/plain");
  });
  site.start();

  LinkResult result = check_one(site.url("/old"));

  CHECK(result.status == LinkStatus::redirect_ok);
  CHECK(result.http_status == 200);
  CHECK(result.final_url == site.url("/newest"));
  CHECK(result.attempts == 1);
}

TEST_CASE("a redirect loop is too_many_redirects", "[linkcheck]") {
  TestServer site;
  site.server.Get("/ping",
                  [](const httplib::Request &, httplib::Response &r) { r.set_redirect("/pong"); });
  site.server.Get("/pong",
                  [](const httplib::Request &, httplib::Response &r) { r.set_redirect("/ping"); });
  site.start();
  LinkCheckOptions options = test_options();
  options.max_redirects = 5;

  LinkResult result = check_one(site.url("/ping"), options);

  CHECK(result.status == LinkStatus::too_many_redirects);
  CHECK_FALSE(result.error.empty());
  CHECK(result.attempts == 1);
}

TEST_CASE("pages answering 404, 410 and 403 are broken with their status code", "[linkcheck]") {
  struct Case {
    const char *path;
    int status;
  };
  static const Case cases[] = {
      {"/gone-missing", 404}, {"/gone-for-good", 410}, {"/forbidden", 403}};
  TestServer site;
  for (const Case &c : cases) {
    int status = c.status;
    site.server.Get(
        c.path, [status](const httplib::Request &, httplib::Response &r) { r.status = status; });
  }
  site.start();
  std::vector<std::string> urls;
  for (const Case &c : cases) urls.push_back(site.url(c.path));

  std::vector<LinkResult> results = check_links(urls, test_options()).value();

  REQUIRE(results.size() == std::size(cases));
  for (std::size_t i = 0; i < results.size(); ++i) {
    INFO(cases[i].path);
    CHECK(results[i].url == urls[i]);
    CHECK(results[i].status == LinkStatus::broken);
    CHECK(results[i].http_status == cases[i].status);
    // HEAD was refused with a 4xx, so GET was asked too before calling the link
    // broken.
    CHECK(results[i].attempts == 2);
    CHECK(results[i].error == "HTTP " + std::to_string(cases[i].status));
  }
}

TEST_CASE("a 429 with Retry-After: 1 is asked again after a second and then ok", "[linkcheck]") {
  TestServer site;
  std::atomic<int> hits{0};
  site.server.Get("/busy", [&](const httplib::Request &, httplib::Response &r) {
    if (hits++ == 0) {
      r.status = 429;
      r.set_header("Retry-After", "1");
    }
  });
  site.start();
  auto start = Clock::now();

  LinkResult result = check_one(site.url("/busy"));

  double elapsed = seconds_since(start);
  CHECK(result.status == LinkStatus::ok);
  CHECK(result.http_status == 200);
  CHECK(result.attempts == 2);
  CHECK(hits == 2);
  // The backoff in test_options() is 10 ms, so only Retry-After explains a wait
  // of a second.
  CHECK(elapsed >= 0.95);
  CHECK(elapsed < 3.0);
}

TEST_CASE("a 500 that never recovers is server_error after every retry", "[linkcheck]") {
  TestServer site;
  std::atomic<int> hits{0};
  site.server.Get("/broken-backend", [&](const httplib::Request &, httplib::Response &r) {
    ++hits;
    r.status = 500;
  });
  site.start();
  LinkCheckOptions options = test_options();
  options.max_retries = 2;

  LinkResult result = check_one(site.url("/broken-backend"), options);

  CHECK(result.status == LinkStatus::server_error);
  CHECK(result.http_status == 500);
  CHECK(result.attempts == 3);
  CHECK(hits == 3);
  CHECK(result.error == "HTTP 500 after 3 attempts");
}

TEST_CASE("a response slower than the total timeout is timeout", "[linkcheck]") {
  TestServer site;
  site.server.Get("/slow", [&](const httplib::Request &, httplib::Response &r) {
    site.nap(4s);
    r.set_content("too late", "text/plain");
  });
  site.start();
  LinkCheckOptions options = test_options();
  options.total_timeout = 1s;
  auto start = Clock::now();

  LinkResult result = check_one(site.url("/slow"), options);

  CHECK(result.status == LinkStatus::timeout);
  CHECK(result.http_status == 0);
  CHECK_FALSE(result.error.empty());
  CHECK(seconds_since(start) < 2.5);
}

TEST_CASE("a page that refuses HEAD with 405 is asked with GET and is ok", "[linkcheck]") {
  TestServer site;
  std::mutex mutex;
  std::vector<std::string> methods;
  site.server.Get("/no-head", [&](const httplib::Request &request, httplib::Response &r) {
    {
      std::lock_guard lock(mutex);
      methods.push_back(request.method);
    }
    if (request.method == "HEAD") {
      r.status = 405;
      return;
    }
    r.set_content("fine", "text/plain");
  });
  site.start();

  LinkResult result = check_one(site.url("/no-head"));

  CHECK(result.status == LinkStatus::ok);
  CHECK(result.http_status == 200);
  CHECK(result.attempts == 2);
  std::lock_guard lock(mutex);
  CHECK(methods == std::vector<std::string>{"HEAD", "GET"});
}

TEST_CASE("a 200 MB body is not downloaded when GET is needed to check the link", "[linkcheck]") {
  constexpr std::size_t body_size = 200u << 20;
  constexpr std::size_t chunk_size = 64u << 10;
  TestServer site;
  std::atomic<std::size_t> bytes_sent{0};
  std::atomic<bool> provider_done{false};
  site.server.Get("/huge.zip", [&](const httplib::Request &request, httplib::Response &r) {
    if (request.method == "HEAD") {
      r.status = 405;
      return;
    }
    r.set_chunked_content_provider(
        "application/zip",
        [&](std::size_t, httplib::DataSink &sink) {
          static const std::string chunk(chunk_size, 'z');
          if (site.stopping || bytes_sent >= body_size) {
            sink.done();
            return true;
          }
          if (!sink.write(chunk.data(), chunk.size())) return false;
          bytes_sent += chunk.size();
          return true;
        },
        [&](bool) { provider_done = true; });
  });
  site.start();

  LinkResult result = check_one(site.url("/huge.zip"));

  CHECK(result.status == LinkStatus::ok);
  CHECK(result.http_status == 200);
  CHECK(result.attempts == 2);
  // The server stops when its writes fail after the checker hung up; wait for
  // that, bounded.
  auto deadline = Clock::now() + 5s;
  while (!provider_done && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
  CHECK(provider_done);
  INFO("server sent " << bytes_sent << " bytes");
  // Whatever the kernel's socket buffers took in, far below the 200 MB on
  // offer.
  CHECK(bytes_sent < (16u << 20));
}

TEST_CASE("a port with nothing listening is connection_failed", "[linkcheck]") {
  RefusingPort closed;
  std::string url = "http://127.0.0.1:" + std::to_string(closed.port) + "/";

  LinkResult result = check_one(url);

  CHECK(result.status == LinkStatus::connection_failed);
  CHECK(result.http_status == 0);
  CHECK(result.final_url.empty());
  CHECK(result.attempts == 1);
  CHECK_FALSE(result.error.empty());
}

TEST_CASE("malformed URLs are rejected without a request", "[linkcheck]") {
  static const char *const urls[] = {
      "",
      "not a url",
      "/relative/path",
      "example.kz/no-scheme",
      "ftp://example.kz/file.txt",
      "mailto:grants@example.kz",
      "javascript:alert(1)",
      "http://",
      "http://:8080/no-host",
      "http://exa mple.kz/",
  };
  std::vector<std::string> input(std::begin(urls), std::end(urls));
  LinkCheckOptions options = test_options();
  options.connect_timeout = 1s;  // a request that slipped through would still end fast
  options.total_timeout = 1s;

  std::vector<LinkResult> results = check_links(input, options).value();

  REQUIRE(results.size() == input.size());
  for (std::size_t i = 0; i < input.size(); ++i) {
    INFO("URL \"" << input[i] << "\": " << results[i].error);
    CHECK(results[i].url == input[i]);
    CHECK(results[i].status == LinkStatus::malformed_url);
    CHECK(results[i].attempts == 0);
    CHECK(results[i].http_status == 0);
    CHECK_FALSE(results[i].error.empty());
  }
}

TEST_CASE("an empty user agent is refused before any request", "[linkcheck]") {
  LinkCheckOptions options = test_options();
  options.user_agent.clear();
  const auto refused = check_links({"http://127.0.0.1:1/"}, options);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == ashyq::Status::Code::invalid_argument);
  CHECK(refused.status().message().find("options.user_agent is empty") != std::string::npos);
}

TEST_CASE("results keep the input order and progress is reported once per URL", "[linkcheck]") {
  TestServer site;
  site.server.Get("/fast", [](const httplib::Request &, httplib::Response &) {});
  site.server.Get("/slower",
                  [&](const httplib::Request &, httplib::Response &) { site.nap(200ms); });
  site.server.Get("/missing",
                  [](const httplib::Request &, httplib::Response &r) { r.status = 404; });
  site.start();
  // Two hosts, so /fast on localhost may well finish before /slower on
  // 127.0.0.1.
  std::vector<std::string> urls = {site.url("/slower"), "mailto:x@example.kz",
                                   site.url("/fast", "localhost"), site.url("/missing")};
  std::vector<std::size_t> finished_counts;
  std::vector<std::string> finished_urls;
  LinkCheckOptions options = test_options();
  options.on_progress = [&](const LinkResult &result, std::size_t finished, std::size_t total) {
    CHECK(total == 4);
    finished_counts.push_back(finished);
    finished_urls.push_back(result.url);
  };

  std::vector<LinkResult> results = check_links(urls, options).value();

  REQUIRE(results.size() == 4);
  for (std::size_t i = 0; i < urls.size(); ++i) CHECK(results[i].url == urls[i]);
  CHECK(results[0].status == LinkStatus::ok);
  CHECK(results[1].status == LinkStatus::malformed_url);
  CHECK(results[2].status == LinkStatus::ok);
  CHECK(results[3].status == LinkStatus::broken);
  CHECK(finished_counts == std::vector<std::size_t>{1, 2, 3, 4});
  std::sort(finished_urls.begin(), finished_urls.end());
  std::sort(urls.begin(), urls.end());
  CHECK(finished_urls == urls);
}

// Hosts are keyed by name, so 127.0.0.1 and localhost are two hosts even on one
// server and port; the server tells them apart by the Host header.
TEST_CASE(
    "requests to one host never overlap and wait the per-host delay, "
    "while two hosts run at once",
    "[linkcheck]") {
  TestServer site;
  std::mutex mutex;
  std::map<std::string, int> active_by_host;
  std::map<std::string, int> max_by_host;
  std::map<std::string, Clock::time_point> last_end_by_host;
  std::map<std::string, Clock::duration> min_gap_by_host;
  int active = 0;
  int max_active = 0;
  site.server.Get(R"(/page/\d+)", [&](const httplib::Request &request, httplib::Response &) {
    std::string host = request.get_header_value("Host");
    host = host.substr(0, host.rfind(':'));
    {
      std::lock_guard lock(mutex);
      auto now = Clock::now();
      if (auto last = last_end_by_host.find(host); last != last_end_by_host.end()) {
        auto gap = now - last->second;
        auto [it, inserted] = min_gap_by_host.try_emplace(host, gap);
        if (!inserted) it->second = std::min(it->second, gap);
      }
      max_by_host[host] = std::max(max_by_host[host], ++active_by_host[host]);
      max_active = std::max(max_active, ++active);
    }
    site.nap(150ms);
    std::lock_guard lock(mutex);
    --active_by_host[host];
    --active;
    last_end_by_host[host] = Clock::now();
  });
  site.start();
  std::vector<std::string> urls;
  for (int i = 0; i < 3; ++i) {
    urls.push_back(site.url("/page/" + std::to_string(i), "127.0.0.1"));
    urls.push_back(site.url("/page/" + std::to_string(i), "localhost"));
  }
  LinkCheckOptions options = test_options();
  options.per_host_delay = 100ms;
  options.max_concurrency = 8;
  auto start = Clock::now();

  std::vector<LinkResult> results = check_links(urls, options).value();

  double elapsed = seconds_since(start);
  for (const LinkResult &result : results) {
    INFO(result.url << ": " << result.error);
    CHECK(result.status == LinkStatus::ok);
  }
  std::lock_guard lock(mutex);
  CHECK(max_by_host["127.0.0.1"] == 1);
  CHECK(max_by_host["localhost"] == 1);
  CHECK(max_active == 2);
  REQUIRE(min_gap_by_host.size() == 2);
  for (const auto &[host, gap] : min_gap_by_host) {
    INFO(host);
    CHECK(gap >= 100ms);
  }
  // Serial per host: 3 × 150 ms + 2 × 100 ms ≈ 0.65 s; both hosts in parallel,
  // not 1.3 s.
  CHECK(elapsed < 1.2);
}
