#pragma once
// A real HTTP server (cpp-httplib) on 127.0.0.1 with an ephemeral port, for the tests of the link
// checker and of `ashyq links`. It runs on its own thread and is stopped when the TestServer goes
// out of scope.
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace ashyq::testing {

// Routes are added to `server` before start(); the destructor stops the server
// and joins its thread. Slow handlers watch `stopping` so that shutdown never
// waits for them.
class TestServer {
 public:
  TestServer() = default;
  TestServer(const TestServer &) = delete;
  TestServer &operator=(const TestServer &) = delete;
  ~TestServer() {
    stopping = true;
    server.stop();
    if (thread_.joinable()) thread_.join();
  }

  void start() {
    port_ = server.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("test server: cannot bind 127.0.0.1");
    thread_ = std::thread([this] { server.listen_after_bind(); });
    // stop() is ignored until the accept loop runs, so wait for it (bounded).
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!server.is_running() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (!server.is_running()) throw std::runtime_error("test server: did not start");
  }

  std::string url(const std::string &path, const std::string &host = "127.0.0.1") const {
    return "http://" + host + ":" + std::to_string(port_) + path;
  }

  // Sleeps for `duration` unless the server is being stopped.
  void nap(std::chrono::milliseconds duration) const {
    auto until = std::chrono::steady_clock::now() + duration;
    while (!stopping && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }

  httplib::Server server;
  std::atomic<bool> stopping{false};

 private:
  std::thread thread_;
  int port_ = 0;
};

}  // namespace ashyq::testing
