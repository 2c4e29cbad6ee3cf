#include "linkcheck/link_checker.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace ashyq::linkcheck {
namespace {

using Clock = std::chrono::steady_clock;

// libcurl failing to give a handle, deep inside a run: thrown there and caught only in
// check_links(), which returns it as a Status, so it never leaves this file.
struct CurlFailure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

Status init_curl_once() {
  static std::once_flag once;
  static CURLcode init_result = CURLE_OK;
  std::call_once(once, [] { init_result = curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (init_result != CURLE_OK)
    return Status::io_error({}, std::string("link checker: curl_global_init failed: ") +
                                    curl_easy_strerror(init_result));
  return Status();
}

struct CurlUrlDeleter {
  void operator()(CURLU *handle) const { curl_url_cleanup(handle); }
};
struct CurlMultiDeleter {
  void operator()(CURLM *handle) const { curl_multi_cleanup(handle); }
};

// Returns the lower-cased host of an http(s) URL, or an explanation in `why`
// and an empty string when the URL cannot be checked.
std::string host_of(const std::string &url, std::string &why) {
  std::unique_ptr<CURLU, CurlUrlDeleter> parsed(curl_url());
  if (!parsed) throw CurlFailure("link checker: out of memory parsing a URL");
  CURLUcode rc = curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0);
  if (rc != CURLUE_OK) {
    why = std::string("not a valid absolute URL: ") + curl_url_strerror(rc);
    return {};
  }
  char *scheme = nullptr;
  if (curl_url_get(parsed.get(), CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK || !scheme) {
    why = "the URL has no scheme; expected http:// or https://";
    return {};
  }
  std::string scheme_text(scheme);
  curl_free(scheme);
  if (scheme_text != "http" && scheme_text != "https") {
    why = "scheme \"" + scheme_text + "\" is not checked; expected http:// or https://";
    return {};
  }
  char *host = nullptr;
  if (curl_url_get(parsed.get(), CURLUPART_HOST, &host, 0) != CURLUE_OK || !host || !*host) {
    if (host) curl_free(host);
    why = "the URL has no host";
    return {};
  }
  std::string host_text(host);
  curl_free(host);
  std::transform(host_text.begin(), host_text.end(), host_text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return host_text;
}

enum class Method { head, get };

// One URL's progress through its attempts.
struct Job {
  std::size_t index = 0;  // into the input and the results
  std::size_t host = 0;   // into the host table
  Method method = Method::head;
  int retries_used = 0;
};

struct HostState {
  std::deque<std::size_t> waiting;  // job indices, in input order (retries go to the front)
  bool busy = false;
  Clock::time_point next_allowed{};
};

// State of one transfer in flight; its address is stored in the easy handle
// (CURLOPT_PRIVATE) and given to the write callback, so it lives in a
// unique_ptr.
struct Transfer {
  std::size_t job = 0;
  CURL *easy = nullptr;
  bool aborted_by_us = false;  // GET body refused on purpose: the status line is all we wanted
  char error_buffer[CURL_ERROR_SIZE] = {};
};

size_t refuse_body(char *, size_t, size_t nmemb, void *userdata) {
  // Returning less than given makes libcurl abort with CURLE_WRITE_ERROR; the
  // flag tells that apart from a real write failure. Zero-length calls (empty
  // bodies) are accepted.
  if (nmemb == 0) return 0;
  static_cast<Transfer *>(userdata)->aborted_by_us = true;
  return 0;
}

long to_ms(std::chrono::milliseconds d) {
  return static_cast<long>(std::max<long long>(d.count(), 1));
}

CURL *make_easy(const std::string &url, Method method, const LinkCheckOptions &options,
                Transfer &transfer) {
  CURL *easy = curl_easy_init();
  if (!easy) throw CurlFailure("link checker: curl_easy_init failed");
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_PRIVATE, &transfer);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer.error_buffer);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(easy, CURLOPT_MAXREDIRS, options.max_redirects);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, to_ms(options.connect_timeout));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, to_ms(options.total_timeout));
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, refuse_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
  if (method == Method::head) curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  return easy;
}

bool is_retryable(long code, Method method) {
  if (code == 429) return true;
  if (code == 501 && method == Method::head) return false;  // falls back to GET instead
  return code >= 500 && code <= 599;
}

bool head_refused(long code) { return (code >= 400 && code <= 499 && code != 429) || code == 501; }

class Checker {
 public:
  Checker(const std::vector<std::string> &urls, const LinkCheckOptions &options)
      : urls_(urls), options_(options), results_(urls.size()) {}

  std::vector<LinkResult> run() {
    for (std::size_t i = 0; i < urls_.size(); ++i) {
      results_[i].url = urls_[i];
      std::string why;
      std::string host = host_of(urls_[i], why);
      if (host.empty()) {
        results_[i].status = LinkStatus::malformed_url;
        results_[i].error = why;
        finish(i);
        continue;
      }
      auto [it, inserted] = host_index_.try_emplace(host, hosts_.size());
      if (inserted) hosts_.emplace_back();
      jobs_.push_back(Job{i, it->second, Method::head, 0});
      hosts_[it->second].waiting.push_back(jobs_.size() - 1);
    }
    if (jobs_.empty()) return std::move(results_);

    multi_.reset(curl_multi_init());
    if (!multi_) throw CurlFailure("link checker: curl_multi_init failed");
    std::size_t limit = std::max<std::size_t>(options_.max_concurrency, 1);

    while (finished_ < urls_.size()) {
      Clock::time_point now = Clock::now();
      for (HostState &host : hosts_) {
        if (in_flight_.size() >= limit) break;
        if (host.busy || host.waiting.empty() || now < host.next_allowed) continue;
        std::size_t job = host.waiting.front();
        host.waiting.pop_front();
        host.busy = true;
        start(job);
      }

      int running = 0;
      curl_multi_perform(multi_.get(), &running);
      collect_finished();
      if (finished_ >= urls_.size()) break;

      // Sleep in curl until a socket is ready, or until the next host becomes
      // free. When the concurrency limit is reached only a finished transfer
      // can change anything, and that is socket activity, which ends the poll.
      int wait_ms = 1000;
      now = Clock::now();
      for (const HostState &host : hosts_) {
        if (in_flight_.size() >= limit) break;
        if (host.busy || host.waiting.empty()) continue;
        auto until = std::chrono::ceil<std::chrono::milliseconds>(host.next_allowed - now).count();
        wait_ms = std::min<int>(wait_ms, static_cast<int>(std::max<long long>(until, 0)));
      }
      if (wait_ms > 0) curl_multi_poll(multi_.get(), nullptr, 0, wait_ms, nullptr);
    }
    return std::move(results_);
  }

  ~Checker() {
    for (auto &[easy, transfer] : in_flight_) {
      curl_multi_remove_handle(multi_.get(), easy);
      curl_easy_cleanup(easy);
    }
  }

 private:
  void start(std::size_t job_index) {
    const Job &job = jobs_[job_index];
    auto transfer = std::make_unique<Transfer>();
    transfer->job = job_index;
    transfer->easy = make_easy(urls_[job.index], job.method, options_, *transfer);
    CURLMcode rc = curl_multi_add_handle(multi_.get(), transfer->easy);
    if (rc != CURLM_OK) {
      curl_easy_cleanup(transfer->easy);
      throw CurlFailure(std::string("link checker: curl_multi_add_handle failed: ") +
                        curl_multi_strerror(rc));
    }
    ++results_[job.index].attempts;
    CURL *easy = transfer->easy;
    in_flight_.emplace(easy, std::move(transfer));
  }

  void collect_finished() {
    int queued = 0;
    while (CURLMsg *message = curl_multi_info_read(multi_.get(), &queued)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL *easy = message->easy_handle;
      CURLcode code = message->data.result;
      auto node = in_flight_.extract(easy);
      curl_multi_remove_handle(multi_.get(), easy);
      conclude(*node.mapped(), code);
      curl_easy_cleanup(easy);
    }
  }

  // Decides what one finished transfer means: a result, a retry, or a GET after
  // a refused HEAD.
  void conclude(const Transfer &transfer, CURLcode code) {
    Job &job = jobs_[transfer.job];
    HostState &host = hosts_[job.host];
    LinkResult &result = results_[job.index];
    host.busy = false;
    host.next_allowed = Clock::now() + options_.per_host_delay;

    long http_status = 0;
    curl_easy_getinfo(transfer.easy, CURLINFO_RESPONSE_CODE, &http_status);
    result.http_status = http_status;
    char *effective = nullptr;
    if (curl_easy_getinfo(transfer.easy, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK &&
        effective && http_status != 0) {
      result.final_url = effective;
    }

    if (code == CURLE_WRITE_ERROR && transfer.aborted_by_us) code = CURLE_OK;
    if (code != CURLE_OK) {
      result.status = status_for_curl_error(code);
      result.error = transfer.error_buffer[0] ? transfer.error_buffer : curl_easy_strerror(code);
      finish(job.index);
      return;
    }

    if (job.method == Method::head && head_refused(http_status)) {
      job.method = Method::get;
      host.waiting.push_front(transfer.job);
      return;
    }
    if (is_retryable(http_status, job.method) && job.retries_used < options_.max_retries) {
      ++job.retries_used;
      host.next_allowed = std::max(host.next_allowed, Clock::now() + retry_wait(transfer, job));
      host.waiting.push_front(transfer.job);
      return;
    }

    if (http_status >= 200 && http_status <= 399) {
      long redirects = 0;
      curl_easy_getinfo(transfer.easy, CURLINFO_REDIRECT_COUNT, &redirects);
      result.status = redirects > 0 && result.final_url != result.url ? LinkStatus::redirect_ok
                                                                      : LinkStatus::ok;
    } else if (http_status >= 500 && http_status <= 599) {
      result.status = LinkStatus::server_error;
      result.error = "HTTP " + std::to_string(http_status) + " after " +
                     std::to_string(result.attempts) + " attempts";
    } else {
      result.status = LinkStatus::broken;
      result.error = "HTTP " + std::to_string(http_status);
      if (http_status == 429) result.error += " (still rate limited after retries)";
    }
    finish(job.index);
  }

  std::chrono::milliseconds retry_wait(const Transfer &transfer, const Job &job) const {
    using std::chrono::milliseconds;
    curl_off_t retry_after = 0;
    milliseconds wait{};
    if (curl_easy_getinfo(transfer.easy, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK &&
        retry_after > 0) {
      // Clamp in seconds first so that a huge header cannot overflow the
      // conversion.
      auto cap_seconds = options_.max_retry_wait.count() / 1000 + 1;
      wait = milliseconds(std::min<long long>(retry_after, cap_seconds) * 1000);
    } else {
      // retries_used is already counted: the first retry waits initial_backoff.
      int doublings = std::min(job.retries_used - 1, 30);
      wait = options_.initial_backoff * (1LL << doublings);
    }
    return std::min(wait, options_.max_retry_wait);
  }

  static LinkStatus status_for_curl_error(CURLcode code) {
    switch (code) {
      case CURLE_OPERATION_TIMEDOUT:
        return LinkStatus::timeout;
      case CURLE_TOO_MANY_REDIRECTS:
        return LinkStatus::too_many_redirects;
      case CURLE_URL_MALFORMAT:
      case CURLE_UNSUPPORTED_PROTOCOL:
        return LinkStatus::malformed_url;
      default:
        return LinkStatus::connection_failed;
    }
  }

  void finish(std::size_t index) {
    ++finished_;
    if (options_.on_progress) options_.on_progress(results_[index], finished_, urls_.size());
  }

  const std::vector<std::string> &urls_;
  const LinkCheckOptions &options_;
  std::vector<LinkResult> results_;
  std::vector<Job> jobs_;
  std::vector<HostState> hosts_;
  std::map<std::string, std::size_t> host_index_;
  std::unique_ptr<CURLM, CurlMultiDeleter> multi_;
  std::map<CURL *, std::unique_ptr<Transfer>> in_flight_;
  std::size_t finished_ = 0;
};

}  // namespace

Result<std::vector<LinkResult>> check_links(const std::vector<std::string> &urls,
                                            const LinkCheckOptions &options) {
  if (options.user_agent.empty()) {
    return Status::invalid_argument(
        "link checker: options.user_agent is empty; set it to name the checker "
        "and the site, "
        "e.g. \"Ashyq-LinkChecker/0.1 (+https://example.kz/)\"");
  }
  if (Status started = init_curl_once(); !started.ok()) return started;
  try {
    return Checker(urls, options).run();
  } catch (const CurlFailure &e) {
    return Status::io_error({}, e.what());
  }
}

}  // namespace ashyq::linkcheck
