#pragma once
/// When a failed download is worth another attempt, and how long to wait
/// first: a small fixed number of attempts with exponential back-off, for
/// transient failures only (a feed server that is briefly down, overloaded or
/// rate-limiting). A wrong URL, a TLS failure or an oversized body would fail
/// the same way again, so those are reported at once.

#include <chrono>
#include <functional>

#include "catalogs/http_fetcher.hpp"

namespace knelpunt::catalogs {

struct RetryPolicy {
  /// Attempts in total, the first included; at least 1.
  int max_attempts = 3;
  /// The wait before the second attempt; each later wait doubles it.
  std::chrono::milliseconds initial_backoff{1'000};
  /// Waits for the given time; empty means std::this_thread::sleep_for. Tests
  /// pass a recorder so they run without waiting.
  std::function<void(std::chrono::milliseconds)> sleep;
};

/// Connection failures, timeouts, 408, 429 and every 5xx status.
inline bool is_transient(const HttpError& error) {
  switch (error.kind) {
    case HttpErrorKind::network:
    case HttpErrorKind::timeout:
      return true;
    case HttpErrorKind::http_status:
      return error.status == 408 || error.status == 429 || (error.status >= 500 && error.status <= 599);
    default:
      return false;
  }
}

/// The wait before attempt `next_attempt` (2 for the first retry):
/// initial_backoff × 2^(next_attempt − 2).
inline std::chrono::milliseconds backoff_before(const RetryPolicy& policy, int next_attempt) {
  auto delay = policy.initial_backoff;
  for (int attempt = 2; attempt < next_attempt; ++attempt) delay *= 2;
  return delay;
}

}  // namespace knelpunt::catalogs
