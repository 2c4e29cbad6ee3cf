#pragma once
// The process's memory, for `--timings` and the build summary.

namespace ashyq {

// The peak resident set size of this process so far, in KiB (getrusage's ru_maxrss on Linux).
long peak_rss_kib();

}  // namespace ashyq
