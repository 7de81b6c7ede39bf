#pragma once
/// A progress bar with an estimate of the time left, on stderr, for long
/// commands (`simulate`, `reach`, `assess`, `cutsets`). It draws only when
/// stderr is a terminal and the command is not quiet: a CI log, a pipe or a
/// file never gets it, so stdout and stderr stay byte-for-byte reproducible
/// there.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "engine/progress.hpp"

namespace knelpunt::cli {

class ProgressBar {
 public:
  /// A bar for `total` units of work labelled `label`; drawn only when
  /// `enabled` and stderr is a terminal.
  ProgressBar(std::uint64_t total, std::string label, bool enabled);
  /// Clears the bar's line if it was drawn.
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  /// Reports `done` units finished; redraws at most five times a second.
  /// Not thread-safe: callers serialise calls.
  void update(std::uint64_t done);

  bool active() const { return active_; }

  /// The bar's text for `done` of `total` after `elapsed` seconds (without
  /// the carriage return): "label [#####.....]  50% 1 min 3 s left".
  static std::string line(const std::string& label, std::uint64_t done, std::uint64_t total,
                          double elapsed);

 private:
  std::uint64_t total_;
  std::string label_;
  bool active_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

/// One ProgressBar per step of an engine::StepProgress (engine/progress.hpp),
/// labelled "<command>: <step>" ("assess: single-point: cut sets"); a new
/// step replaces the previous step's bar on the same line.
class StepProgressBar {
 public:
  /// Draws only when `enabled` and stderr is a terminal (as ProgressBar).
  StepProgressBar(std::string command, bool enabled);

  /// The callback to hand to the engine; valid while this object lives.
  engine::StepProgress callback();

 private:
  void update(std::string_view step, std::uint64_t done, std::uint64_t total);

  std::string command_;
  bool enabled_;
  std::string step_;
  std::unique_ptr<ProgressBar> bar_;
};

}  // namespace knelpunt::cli
