#include "cli/progress_bar.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace knelpunt::cli {

namespace {

std::string time_left(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const auto whole = static_cast<std::uint64_t>(std::llround(seconds));
  if (whole >= 3600) return fmt::format("{} h {} min", whole / 3600, whole % 3600 / 60);
  if (whole >= 60) return fmt::format("{} min {} s", whole / 60, whole % 60);
  return fmt::format("{} s", whole);
}

}  // namespace

ProgressBar::ProgressBar(std::uint64_t total, std::string label, bool enabled)
    : total_(total),
      label_(std::move(label)),
      active_(enabled && total > 0 && isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fputs("\r\033[K", stderr);
}

std::string ProgressBar::line(const std::string& label, std::uint64_t done, std::uint64_t total,
                              double elapsed) {
  constexpr int kWidth = 30;
  const double share =
      total == 0 ? 1.0 : std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
  const int filled = static_cast<int>(share * kWidth);
  const std::string eta = done == 0 ? "?" : time_left(elapsed / share - elapsed);
  return fmt::format("{} [{}{}] {:3}% ETA {}", label, std::string(filled, '#'),
                     std::string(kWidth - filled, '.'), static_cast<int>(share * 100), eta);
}

void ProgressBar::update(std::uint64_t done) {
  if (!active_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && done < total_ && now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  // \033[K clears what a longer previous line left behind.
  std::fputs(("\r" + line(label_, done, total_, elapsed) + "\033[K").c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

StepProgressBar::StepProgressBar(std::string command, bool enabled)
    : command_(std::move(command)), enabled_(enabled) {}

engine::StepProgress StepProgressBar::callback() {
  // Nothing to draw: the engine need not count at all.
  if (!enabled_ || isatty(STDERR_FILENO) != 1) return {};
  return [this](std::string_view step, std::uint64_t done, std::uint64_t total) { update(step, done, total); };
}

void StepProgressBar::update(std::string_view step, std::uint64_t done, std::uint64_t total) {
  if (!bar_ || step != step_) {
    // The old bar clears its line before the new one draws.
    bar_.reset();
    step_ = std::string(step);
    // A step named after the command ("reach") needs no second name.
    bar_ = std::make_unique<ProgressBar>(total, step_ == command_ ? command_ : command_ + ": " + step_, enabled_);
  }
  bar_->update(done);
}

}  // namespace knelpunt::cli
