#pragma once
/// Runs `work(i)` for i in [0, count) on up to `threads` threads, in
/// contiguous ranges. Callers write results to slot i, so the outcome does
/// not depend on the thread count.

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace knelpunt::assessors {

template <class Work>
void parallel_for(std::size_t count, unsigned threads, Work&& work) {
  const std::size_t workers = std::max<std::size_t>(1, std::min<std::size_t>(threads, count));
  if (workers <= 1) {
    for (std::size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::vector<std::thread> pool;
  for (std::size_t w = 0; w < workers; ++w) {
    const std::size_t first = count * w / workers, last = count * (w + 1) / workers;
    pool.emplace_back([first, last, &work] {
      for (std::size_t i = first; i < last; ++i) work(i);
    });
  }
  for (auto& thread : pool) thread.join();
}

}  // namespace knelpunt::assessors
