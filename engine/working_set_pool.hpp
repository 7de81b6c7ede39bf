#pragma once
/// Per-thread working memory for work spread by parallel_for: a cascade
/// runner, a sweep, counters — O(assets) each, so a region cannot afford one
/// per task. Tasks take one from the pool and give it back; the pool makes a
/// new one only when all are in use, so there are at most as many as tasks
/// run at once (the thread count). Used by reach (engine/reach.cpp) and the
/// impact estimator (assessors/impact_estimator.cpp).

#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace knelpunt::engine {

/// A thread-safe stack of reusable working sets of type T (movable).
template <typename T>
class WorkingSetPool {
 public:
  /// A working set from the pool, or `make()` when the pool is empty (called
  /// outside the lock: making one may be expensive).
  template <typename Make>
  T take(Make&& make) {
    {
      const std::lock_guard lock(mutex_);
      if (!free_.empty()) {
        T taken = std::move(free_.back());
        free_.pop_back();
        return taken;
      }
    }
    return make();
  }

  /// Returns a working set (in the state its next user expects) to the pool.
  void give_back(T working_set) {
    const std::lock_guard lock(mutex_);
    free_.push_back(std::move(working_set));
  }

  /// Frees every working set in the pool (none may be taken).
  void clear() {
    const std::lock_guard lock(mutex_);
    free_.clear();
    free_.shrink_to_fit();
  }

 private:
  std::mutex mutex_;
  std::vector<T> free_;
};

}  // namespace knelpunt::engine
