#include "core/memory.h"

#include <sys/resource.h>

namespace ashyq {

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}

}  // namespace ashyq
