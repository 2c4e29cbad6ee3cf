#pragma once
// `ashyq serve`: builds a site into a folder of its own under the system's temporary folder (never
// the site's public/), answers HTTP on 127.0.0.1 from the last good build, watches the site's
// inputs and rebuilds on a change, one build at a time, and tells the open pages to reload. The
// build is site::build, so a rebuild is incremental and publishes only when every page rendered:
// a failed rebuild leaves the previous good build served, and its findings go to stderr and to a
// page in the language of the page open in the browser.
//
// Layer: above site (it runs builds), below cli.
#include <chrono>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include "core/status.h"

namespace ashyq::serve {

// Hugo serves on 1313, Zola on 1111; 1414 is free of both.
inline constexpr int kDefaultPort = 1414;

struct ServeOptions {
  std::filesystem::path site_dir = ".";
  int port = kDefaultPort;  // 0: any free port (url() says which)
  int jobs = 0;             // render threads of a build; 0 = one per core
  // How long the inputs must be quiet after a change before the rebuild starts: an editor's save
  // or a `git checkout` is many events, and one rebuild serves them all.
  std::chrono::milliseconds quiet{100};
};

class Server {
 public:
  // Binds 127.0.0.1 (only: the site is a draft), builds the site once, then answers and watches
  // on threads of its own until stop(). `out` gets a line per build, `err` the findings of a build
  // that had any, as `ashyq build` prints them; both are written from the server's threads, one
  // at a time. Fails when the port cannot be bound, the temporary folder cannot be made, or
  // inotify cannot start. A failed first build is no failure: the findings page is answered for
  // every path until a build succeeds.
  static Result<std::unique_ptr<Server>> start(const ServeOptions& options, std::ostream& out,
                                               std::ostream& err);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Stops answering and watching, waits for a build under way, and removes the temporary folder.
  // Calling it again does nothing.
  void stop();

  int port() const;
  std::string url() const;                          // "http://127.0.0.1:<port>/"
  const std::filesystem::path& output_dir() const;  // the good build's files

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ashyq::serve
