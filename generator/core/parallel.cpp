#include "core/parallel.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace ashyq {

unsigned thread_count(int requested) {
  if (requested > 0) return static_cast<unsigned>(requested);
  return std::max(1u, std::thread::hardware_concurrency());
}

void for_each_index(std::size_t count, unsigned threads,
                    const std::function<void(std::size_t, unsigned)>& work) {
  std::atomic<std::size_t> next{0};
  auto worker = [&](unsigned thread) {
    for (std::size_t i = next++; i < count; i = next++) work(i, thread);
  };
  const unsigned started =
      static_cast<unsigned>(std::min<std::size_t>(std::max(1u, threads), std::max<std::size_t>(count, 1)));
  std::vector<std::thread> others;
  for (unsigned t = 1; t < started; ++t) others.emplace_back(worker, t);
  worker(0);
  for (std::thread& t : others) t.join();
}

}  // namespace ashyq
