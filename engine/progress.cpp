#include "engine/progress.hpp"

#include <algorithm>

namespace knelpunt::engine {

ProgressCounter::ProgressCounter(const StepProgress& progress, std::string_view step, std::uint64_t total,
                                 std::uint64_t every)
    : progress_(progress), step_(step), total_(total), every_(std::max<std::uint64_t>(every, 1)) {
  if (progress_) progress_(step_, 0, total_);
}

void ProgressCounter::advance(std::uint64_t units) {
  if (!progress_) return;
  // One lock per call: the callers advance once per asset or finding, whose
  // work is far larger than an uncontended lock.
  const std::lock_guard lock(mutex_);
  done_ = std::min(total_, done_ + units);
  if (done_ != reported_ && (done_ == total_ || done_ - reported_ >= every_)) {
    reported_ = done_;
    progress_(step_, done_, total_);
  }
}

}  // namespace knelpunt::engine
