#pragma once
// Work spread over threads: the grants a build loads, the pages it renders and the portal-wide
// files it writes are independent of each other, so each such loop runs on every core.
#include <cstddef>
#include <functional>

namespace ashyq {

// The threads to use: `requested` when positive (--jobs), otherwise one a core (at least one).
unsigned thread_count(int requested);

// Calls work(i, thread) once for every i in [0, count), on `threads` threads, the caller's among
// them (thread 0); each thread takes the next index when it is done with one, so a slow item does
// not hold up the others. `thread` (0 … threads - 1) lets a thread keep its own tallies. Returns
// when every call has returned. No more threads than items are started; with one thread (or one
// item) everything runs on the caller's. `work` must not throw.
void for_each_index(std::size_t count, unsigned threads,
                    const std::function<void(std::size_t i, unsigned thread)>& work);

}  // namespace ashyq
