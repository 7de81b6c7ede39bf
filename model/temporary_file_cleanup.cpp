#include "model/temporary_file_cleanup.hpp"

#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstring>

namespace knelpunt::model {

namespace {

// Static storage only: the handler may run at any moment, so it reads
// nothing that could be allocated or freed under it. A slot's path is
// written before its flag is set (release) and the flag is cleared before
// the slot is reused, so the handler never sees a half-written path.
struct Slot {
  std::atomic<bool> live{false};
  std::array<char, PATH_MAX> path{};
};
std::array<Slot, kMaxLiveTemporaryFiles> slots;
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

constexpr std::array<int, 3> kSignals = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temporary_files_and_reraise(int signal_number) {
  const int saved_errno = errno;
  for (auto& slot : slots)
    if (slot.live.load(std::memory_order_acquire)) ::unlink(slot.path.data());
  // The default action (end the process) with the signal's own status, so a
  // shell or CI sees "killed by SIGTERM", not an exit code of ours.
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  ::sigaction(signal_number, &default_action, nullptr);
  errno = saved_errno;
  ::raise(signal_number);
}

}  // namespace

void install_temporary_file_cleanup() {
  static std::atomic<bool> installed{false};
  if (installed.exchange(true)) return;
  for (const int signal_number : kSignals) {
    struct sigaction current {};
    if (::sigaction(signal_number, nullptr, &current) != 0 || current.sa_handler == SIG_IGN)
      continue;
    struct sigaction action {};
    action.sa_handler = remove_temporary_files_and_reraise;
    sigemptyset(&action.sa_mask);
    // Block the other two while one is handled: the handler runs once.
    for (const int other : kSignals) sigaddset(&action.sa_mask, other);
    ::sigaction(signal_number, &action, nullptr);
  }
}

int register_temporary_file(const char* path) noexcept {
  const std::size_t length = std::strlen(path);
  if (length >= PATH_MAX) return -1;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    auto& slot = slots[i];
    if (slot.live.load(std::memory_order_acquire)) continue;
    std::memcpy(slot.path.data(), path, length + 1);
    slot.live.store(true, std::memory_order_release);
    return static_cast<int>(i);
  }
  return -1;
}

void forget_temporary_file(int slot) noexcept {
  if (slot < 0 || static_cast<std::size_t>(slot) >= slots.size()) return;
  slots[static_cast<std::size_t>(slot)].live.store(false, std::memory_order_release);
}

}  // namespace knelpunt::model
