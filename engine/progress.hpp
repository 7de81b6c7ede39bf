#pragma once
/// Progress of long work (reach, the assessors, simulate) for a progress bar
/// on a terminal (docs/performance.md, "Progress"). The engine only counts;
/// cli/progress_bar decides whether and how to draw. Progress never changes a
/// result: the callbacks see counts, not data.

#include <cstdint>
#include <functional>
#include <mutex>
#include <string_view>

namespace knelpunt::engine {

/// `done` of `total` units of the step named `step` (a short, stable id such
/// as "single-point" or "reach") are finished. Calls are serialised (never
/// two at once) but may come from any worker thread; `done` never decreases
/// within a step, and the last call of a step has done == total.
using StepProgress = std::function<void(std::string_view step, std::uint64_t done, std::uint64_t total)>;

/// Counts finished units of one step from several threads and reports them
/// to a StepProgress (nothing when it is empty). Reports at most every
/// `every` units, and always the last one.
class ProgressCounter {
 public:
  ProgressCounter(const StepProgress& progress, std::string_view step, std::uint64_t total,
                  std::uint64_t every = 1);
  ProgressCounter(const ProgressCounter&) = delete;
  ProgressCounter& operator=(const ProgressCounter&) = delete;

  /// `units` more are finished. Thread-safe.
  void advance(std::uint64_t units = 1);

 private:
  const StepProgress& progress_;
  std::string_view step_;
  std::uint64_t total_;
  std::uint64_t every_;
  std::mutex mutex_;
  std::uint64_t done_ = 0;
  std::uint64_t reported_ = 0;
};

}  // namespace knelpunt::engine
