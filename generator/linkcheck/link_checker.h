#pragma once
// linkcheck: checks external URLs over HTTP(S) and reports one result per URL.
// It knows nothing about the site (as Zola's link_checker): the caller decides
// which URLs to check and whether a failure is an error or a warning. Transfers
// run concurrently on libcurl's multi interface, all from the calling thread;
// no threads are started and there is no global mutable state apart from
// curl_global_init, done once per process.
//
// Politeness: requests are grouped by host NAME (case-insensitive, port
// ignored), because the courtesy is owed to the server, and two ports of one
// name are almost always one machine. At most one request per host is in
// flight, and after one finishes the next to that host waits `per_host_delay`.
// Redirects are followed inside the transfer by libcurl (so a transfer that is
// redirected to another host still counts against the host of the URL as
// given).
//
// Each URL is asked with HEAD first. When HEAD is refused (any 4xx but 429, or
// 501) the URL is asked again with GET, whose body is never downloaded: the
// transfer is aborted by us at the first body bytes, and counts as answered
// with the status already received.
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
// LinkStatus: the statuses are the model's, since link-cache.json keeps them and the build reads
// them without this checker; their names are in model/enum_names.h.
#include "model/enums.h"

namespace ashyq::linkcheck {

struct LinkResult {
  std::string url;  // as given
  LinkStatus status = LinkStatus::malformed_url;
  long http_status = 0;   // last HTTP status received; 0 when none (timeouts, refusals, ...)
  std::string final_url;  // URL of the last response (after redirects); empty when none
  int attempts = 0;       // HTTP transfers made for this URL: retries and GET fallback included
  std::string error;      // empty for ok/redirect_ok; otherwise what went wrong, for humans
};

struct LinkCheckOptions {
  // Transfers in flight at once, across all hosts. Default 8. Values below 1
  // count as 1.
  std::size_t max_concurrency = 8;
  // Pause between the end of one request to a host and the start of the next
  // one. Default 1 s.
  std::chrono::milliseconds per_host_delay{1000};
  // Time allowed to establish a connection. Default 10 s.
  std::chrono::milliseconds connect_timeout{10'000};
  // Time allowed for one whole transfer, redirects included. Default 30 s.
  std::chrono::milliseconds total_timeout{30'000};
  // Redirects followed before giving up with too_many_redirects. Default 5.
  long max_redirects = 5;
  // Extra attempts after a 429 or a 5xx (other than a 501 on HEAD). Default 3.
  int max_retries = 3;
  // Wait before the first retry; doubled for each further one. A Retry-After
  // header (seconds or HTTP date) replaces the computed wait. Default 1 s.
  std::chrono::milliseconds initial_backoff{1000};
  // Upper bound of any wait before a retry, Retry-After included. Default 60 s.
  std::chrono::milliseconds max_retry_wait{60'000};
  // Sent as User-Agent. Should name the checker and the site, e.g.
  // "Ashyq-LinkChecker/0.1 (+https://example.kz/)". Required: check_links
  // fails with invalid_argument when empty, as anonymous crawlers get blocked.
  std::string user_agent;
  // Called after each URL is finished (malformed ones included), on the calling
  // thread, with that URL's result, the number finished so far and the total.
  // Optional.
  std::function<void(const LinkResult &result, std::size_t finished, std::size_t total)>
      on_progress;
};

// Checks every URL and returns one result per URL, in input order (a URL given
// twice is checked twice; callers that want fewer requests deduplicate first).
// A bad URL or a network failure is a result, not an error. Fails with
// invalid_argument when options.user_agent is empty, and with an io_error when
// libcurl cannot be initialised or give a handle (then no result is trustworthy).
Result<std::vector<LinkResult>> check_links(const std::vector<std::string> &urls,
                                            const LinkCheckOptions &options);

}  // namespace ashyq::linkcheck
