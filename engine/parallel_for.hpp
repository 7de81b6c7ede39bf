#pragma once
/// The one way knelpunt spreads independent work over threads (reach, the
/// assessors): body(i) for every i in [0, n). Callers write the result of i
/// to slot i, so the outcome, and so every output byte, does not depend on
/// the number of threads or on scheduling.

#include <cstddef>
#include <functional>
#include <thread>

namespace knelpunt::engine {

/// The thread count for a `--threads` value: `requested` when it is above 0,
/// else std::thread::hardware_concurrency(); at least 1 (that function may
/// return 0 when it cannot tell).
unsigned default_thread_count(unsigned requested);

/// Runs body(i) exactly once for every i in [0, n), on the calling thread and
/// up to `threads` − 1 more (never more threads than n; `threads` 0 counts as
/// 1), and returns when all have finished. Indices are handed out one at a
/// time, in increasing order, to whichever thread is free.
///
/// Exceptions: every index still runs when a body throws; afterwards the
/// exception of the lowest index that threw is rethrown in the caller (the
/// lowest, so that which error a run reports does not depend on threads).
/// When a thread cannot be started (std::system_error, or std::bad_alloc under
/// an address-space limit), the work runs on the threads already started, at
/// least the caller's, instead of failing.
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& body);

/// Starts one helper thread running `work`; may throw std::system_error or
/// std::bad_alloc, as std::thread's constructor does when the system gives
/// no more threads or memory for one.
using ThreadStarter = std::function<std::thread(std::function<void()> work)>;

/// parallel_for with helper threads started by `start` (tests use it to
/// refuse threads and check the fallback).
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& body,
                  const ThreadStarter& start);

}  // namespace knelpunt::engine
