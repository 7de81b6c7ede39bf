#pragma once
/// Per-thread working memory for work spread by parallel_for: a cascade
/// runner, a sweep, counters — O(assets) each, so a region cannot afford one
/// per task. Tasks take one from the pool and give it back; the pool makes a
/// new one only when all are in use, so there are at most as many as tasks
/// run at once (the thread count). Used by reach (engine/reach.cpp) and the
/// impact estimator (assessors/impact_estimator.cpp).

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <list>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace knelpunt::engine {

/// A thread-safe pool of reusable working sets of type T (movable). A
/// thread gets back the set it gave back last when that one is free: a set
/// is O(assets) of memory, and one that moves between threads (between
/// cores) with every task is read from another core's cache each time.
template <typename T>
class WorkingSetPool {
 public:
  /// A working set from the pool — the one this thread gave back last if it
  /// is free, else the one given back last — or `make()` when the pool is
  /// empty (called outside the lock: making one may be expensive).
  template <typename Make>
  T take(Make&& make) {
    const auto me = std::this_thread::get_id();
    {
      const std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        auto own = std::find_if(free_.rbegin(), free_.rend(), [&](const Free& entry) { return entry.owner == me; });
        const auto at = own != free_.rend() ? std::prev(own.base()) : std::prev(free_.end());
        T taken = std::move(at->set);
        free_.erase(at);
        return taken;
      }
    }
    return make();
  }

  /// Returns a working set (in the state its next user expects) to the pool.
  void give_back(T working_set) {
    const std::lock_guard lock(mutex_);
    free_.push_back({std::this_thread::get_id(), std::move(working_set)});
  }

  /// Frees every working set in the pool (none may be taken).
  void clear() {
    const std::lock_guard lock(mutex_);
    free_.clear();
  }

  /// The working sets in the pool (not taken).
  std::size_t free_count() {
    const std::lock_guard lock(mutex_);
    return free_.size();
  }

 private:
  struct Free {
    std::thread::id owner;  ///< the thread that gave it back
    T set;
  };
  std::mutex mutex_;
  // A list: T may be movable but not assignable (a lambda), and there are
  // at most as many as threads ran at once.
  std::list<Free> free_;
};

}  // namespace knelpunt::engine
