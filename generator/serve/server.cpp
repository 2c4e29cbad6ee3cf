#include "serve/server.h"

#include <httplib.h>
#include <stdlib.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <vector>

#include "core/diagnostics.h"
#include "core/file_io.h"
#include "i18n/ui_strings.h"
#include "routes/routes.h"
#include "serve/request_path.h"
#include "serve/serve_pages.h"
#include "serve/watcher.h"
#include "site/build.h"

namespace ashyq::serve {
namespace fs = std::filesystem;

namespace {

constexpr const char* kHost = "127.0.0.1";
// The types of the server's own answers (files get theirs from content_type).
constexpr const char* kHtmlType = "text/html; charset=utf-8";
constexpr const char* kJsonType = "application/json; charset=utf-8";
constexpr const char* kTextType = "text/plain; charset=utf-8";

// A fresh folder under the system's temporary folder: /tmp/ashyq-serve-XXXXXX.
Result<fs::path> make_temporary_folder() {
  std::error_code ec;
  std::string pattern = (fs::temp_directory_path(ec) / "ashyq-serve-XXXXXX").string();
  if (ec || ::mkdtemp(pattern.data()) == nullptr)
    return Status::io_error(
        pattern, "cannot make a temporary folder " + pattern + ": " + std::strerror(errno));
  return fs::path(pattern);
}

// Builds of one server are "<token>-<n>"; the token differs between runs, so a page left open
// from an earlier run reloads when a new server comes up.
std::string random_token() {
  std::random_device random;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%08x", random());
  return buffer;
}

}  // namespace

struct Server::Impl {
  ServeOptions options;
  std::ostream& out;
  std::ostream& err;
  std::mutex log_mutex;

  fs::path temporary;  // removed by stop()
  fs::path output;     // temporary/site: the good build's files
  httplib::Server http;
  int port = 0;
  std::thread http_thread;
  std::unique_ptr<SiteWatcher> watcher;
  std::thread build_thread;
  const std::string token = random_token();
  int builds = 0;  // builds run, good or failed; only the build thread counts

  mutable std::mutex mutex;  // guards what follows
  std::condition_variable changed;
  BuildState state;
  std::uint64_t version = 0;         // grows with every change of `state`, for the event streams
  std::vector<Diagnostic> findings;  // of the failed build, while state.ok is false
  i18n::UiStrings strings;           // for the findings page: the last that loaded
  bool stopping = false;
  bool stopped = false;

  Impl(const ServeOptions& o, std::ostream& out_stream, std::ostream& err_stream)
      : options(o), out(out_stream), err(err_stream) {}

  void log(std::ostream& stream, const std::string& text) {
    std::lock_guard lock(log_mutex);
    stream << text << std::flush;
  }

  void rebuild();
  void answer(const httplib::Request& request, httplib::Response& response);
  void send_events(httplib::Response& response);
  void send_file(const std::string& path, const fs::path& file, int status,
                 httplib::Response& response);
  void send_findings(Lang lang, const BuildState& page, int status, httplib::Response& response);
};

void Server::Impl::rebuild() {
  const auto start = std::chrono::steady_clock::now();
  Diagnostics diagnostics;
  site::BuildOptions build_options;
  build_options.site_dir = options.site_dir;
  build_options.out_dir = output;
  build_options.jobs = options.jobs;
  const site::BuildResult result = site::build(build_options, diagnostics);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::string id = token + "-" + std::to_string(++builds);

  std::string report = format_all(diagnostics, options.site_dir.string());
  if (!diagnostics.items().empty())
    report += std::to_string(diagnostics.error_count()) + " error(s), " +
              std::to_string(diagnostics.warning_count()) + " warning(s)\n";
  if (!result.ok) {
    // The strings of the findings page are read again, so a fix to them shows; when they are
    // broken themselves the last ones that loaded are kept.
    Diagnostics string_findings;
    i18n::UiStrings loaded = i18n::UiStrings::load(options.site_dir / "templates" / "i18n",
                                                   options.site_dir, string_findings);
    std::lock_guard lock(mutex);
    if (!string_findings.has_errors() || strings.all(Lang::kk).empty()) strings = std::move(loaded);
    state.ok = false;
    state.failure = id;
    findings = diagnostics.sorted();
    ++version;
  } else if (!result.up_to_date || !state.ok) {
    std::lock_guard lock(mutex);
    if (!result.up_to_date) state.build = id;
    state.ok = true;
    state.failure.clear();
    findings.clear();
    ++version;
  }
  changed.notify_all();

  char timing[32];
  std::snprintf(timing, sizeof timing, "%.2f s", seconds);
  if (!report.empty()) log(err, report);
  if (!result.ok)
    log(err, "build failed in phase " + result.failed_phase + " (" + timing + "); " +
                 (state.build.empty() ? "nothing to serve until it is fixed"
                                      : "still serving the previous build") +
                 "\n");
  else if (!result.up_to_date)
    log(out, "built " + std::to_string(result.pages) + " pages (" +
                 std::to_string(result.files_written) + " files written, " +
                 std::to_string(result.files_removed) + " removed) in " + timing + "\n");
}

void Server::Impl::send_findings(Lang lang, const BuildState& page, int status,
                                 httplib::Response& response) {
  std::string html;
  {
    std::lock_guard lock(mutex);
    html = findings_page(findings, strings, lang, options.site_dir.string(), !state.build.empty());
  }
  // Answered in place of a page (nothing built yet), the findings page reloads itself like one.
  if (page.build.empty() && !page.failure.empty())
    html = with_script(std::move(html), reload_script(page, lang));
  response.status = status;
  response.set_content(html, kHtmlType);
}

void Server::Impl::send_file(const std::string& path, const fs::path& file, int status,
                             httplib::Response& response) {
  const std::string type = content_type(file);
  response.status = status;
  if (file.extension() == ".html") {
    std::optional<std::string> html = read_file(file);
    if (!html) {
      response.status = 404;
      return;
    }
    BuildState page;
    {
      std::lock_guard lock(mutex);
      page.build = state.build;
    }
    const Lang lang = path_language(path).value_or(kAllLangs.front());
    response.set_content(with_script(std::move(*html), reload_script(page, lang)), type);
    return;
  }
  // Other files (the bulk data of a national portal is large) are streamed from disk.
  auto in = std::make_shared<std::ifstream>(file, std::ios::binary);
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (!*in || ec) {
    response.status = 404;
    return;
  }
  if (size == 0) return response.set_content("", type);  // no bytes for a provider to give
  response.set_content_provider(
      static_cast<std::size_t>(size), type,
      [in](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        std::vector<char> buffer(std::min<std::size_t>(length, 64 * 1024));
        in->seekg(static_cast<std::streamoff>(offset));
        in->read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const std::streamsize got = in->gcount();
        return got > 0 && sink.write(buffer.data(), static_cast<std::size_t>(got));
      });
}

void Server::Impl::send_events(httplib::Response& response) {
  auto sent = std::make_shared<std::uint64_t>(0);
  response.set_chunked_content_provider(
      "text/event-stream", [this, sent](std::size_t, httplib::DataSink& sink) {
        std::unique_lock lock(mutex);
        // The state at once, then every change; a comment every 15 s notices a closed page.
        if (*sent == version)
          changed.wait_for(lock, std::chrono::seconds(15),
                           [&] { return stopping || version != *sent; });
        if (stopping) return false;
        std::string message = ": waiting\n\n";
        if (*sent != version) {
          *sent = version;
          message = "data: " + state_json(state) + "\n\n";
        }
        lock.unlock();
        return sink.write(message.data(), message.size());
      });
}

void Server::Impl::answer(const httplib::Request& request, httplib::Response& response) {
  response.set_header("Cache-Control", "no-store");
  if (!loopback_host(request.get_header_value("Host"))) {
    response.status = 403;
    return response.set_content("forbidden: ashyq serve answers only to 127.0.0.1 or localhost\n",
                                kTextType);
  }
  const std::string& path = request.path;
  if (path == kEventsUrl) return send_events(response);
  BuildState now;
  {
    std::lock_guard lock(mutex);
    now = state;
  }
  if (path == kStatusUrl) return response.set_content(state_json(now), kJsonType);
  if (path.starts_with(kFindingsUrl)) {
    std::string_view rest = std::string_view(path).substr(kFindingsUrl.size());
    if (rest.ends_with('/')) rest.remove_suffix(1);
    if (const std::optional<Lang> lang = parse_lang(rest))
      return send_findings(*lang, BuildState{}, 200, response);
    response.status = 404;
    return response.set_content("not found\n", kTextType);
  }
  const std::optional<Lang> lang = path_language(path);
  if (now.build.empty())  // nothing good was built yet: every path shows why
    return send_findings(lang.value_or(kAllLangs.front()), now, 500, response);

  const Resolved resolved = resolve(output, path);
  switch (resolved.kind) {
    case Resolved::Kind::file:
      return send_file(path, resolved.file, 200, response);
    case Resolved::Kind::redirect:
      return response.set_redirect(resolved.location, 301);
    case Resolved::Kind::forbidden:
      response.status = 403;
      return response.set_content("forbidden: the path leaves the site\n", kTextType);
    case Resolved::Kind::not_found:
      break;
  }
  // The site's own 404 page, of the path's language.
  const fs::path not_found = output / routes::not_found_path(lang);
  if (fs::is_regular_file(not_found)) return send_file(path, not_found, 404, response);
  response.status = 404;
  response.set_content("not found\n", kTextType);
}

Result<std::unique_ptr<Server>> Server::start(const ServeOptions& options, std::ostream& out,
                                              std::ostream& err) {
  auto impl = std::make_unique<Impl>(options, out, err);
  Impl& s = *impl;
  // Only this server may listen on the port: the default options also set SO_REUSEPORT, with
  // which a second `ashyq serve` on the same port would share its requests instead of failing.
  s.http.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Each open page holds a thread with its event stream; the default pool (8 on a small machine)
  // would stall with a few tabs open.
  s.http.new_task_queue = [] { return new httplib::ThreadPool(64); };
  if (options.port == 0) {
    s.port = s.http.bind_to_any_port(kHost);
  } else if (s.http.bind_to_port(kHost, options.port)) {
    s.port = options.port;
  }
  if (s.port <= 0)
    return Status::invalid_argument("cannot listen on " + std::string(kHost) + ":" +
                                    std::to_string(options.port) +
                                    " (in use?); choose another with --port, or --port 0 for any "
                                    "free port");
  Result<fs::path> temporary = make_temporary_folder();
  if (!temporary.ok()) return temporary.status();
  s.temporary = *temporary;
  s.output = s.temporary / "site";
  std::unique_ptr<Server> server(new Server(std::move(impl)));
  Result<std::unique_ptr<SiteWatcher>> watcher = SiteWatcher::open(options.site_dir);
  if (!watcher.ok()) return watcher.status();  // ~Server removes the temporary folder
  s.watcher = std::move(*watcher);
  {
    Diagnostics ignored;  // a broken strings file is a finding of the build itself
    s.strings =
        i18n::UiStrings::load(options.site_dir / "templates" / "i18n", options.site_dir, ignored);
  }
  // Watching starts before the first build, so an edit during it is not missed.
  s.rebuild();
  s.http.Get(".*", [&s](const httplib::Request& request, httplib::Response& response) {
    s.answer(request, response);
  });
  s.http_thread = std::thread([&s] { s.http.listen_after_bind(); });
  // stop() is ignored until the accept loop runs.
  while (!s.http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  s.build_thread = std::thread([&s] {
    int unwatched = 0;
    for (;;) {
      if (s.watcher->unwatched() > unwatched) {
        unwatched = s.watcher->unwatched();
        s.log(s.err, "warning: " + std::to_string(unwatched) +
                         " folders of the site are not watched: the limit on inotify watches "
                         "(sysctl fs.inotify.max_user_watches) is reached; raise it, or edits in "
                         "them are not rebuilt\n");
      }
      if (!s.watcher->wait_for_change(s.options.quiet)) return;
      s.rebuild();
    }
  });
  return server;
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { stop(); }

void Server::stop() {
  Impl& s = *impl_;
  {
    std::lock_guard lock(s.mutex);
    if (s.stopped) return;
    s.stopped = s.stopping = true;
  }
  s.changed.notify_all();  // event streams end
  if (s.watcher) s.watcher->stop();
  if (s.build_thread.joinable()) s.build_thread.join();
  s.http.stop();
  if (s.http_thread.joinable()) s.http_thread.join();
  // The build's manifest and staging folder sit beside the output, inside the temporary folder.
  std::error_code ignored;
  if (!s.temporary.empty()) fs::remove_all(s.temporary, ignored);
}

int Server::port() const { return impl_->port; }

std::string Server::url() const {
  return "http://" + std::string(kHost) + ":" + std::to_string(impl_->port) + "/";
}

const fs::path& Server::output_dir() const { return impl_->output; }

}  // namespace ashyq::serve
