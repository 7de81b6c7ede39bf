#include "engine/parallel_for.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace knelpunt::engine {

unsigned default_thread_count(unsigned requested) {
  return requested > 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
}

namespace {

/// What the threads of one parallel_for share: the next index to hand out
/// and the exception of the lowest index that threw so far.
class SharedWork {
 public:
  SharedWork(std::size_t n, const std::function<void(std::size_t)>& body) : n_(n), body_(body) {}

  /// Takes indices until none are left.
  void drain() {
    for (std::size_t i = next_.fetch_add(1); i < n_; i = next_.fetch_add(1)) {
      try {
        body_(i);
      } catch (...) {
        keep_if_lowest(i, std::current_exception());
      }
    }
  }

  void rethrow_if_failed() const {
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void keep_if_lowest(std::size_t index, std::exception_ptr error) {
    const std::lock_guard lock(mutex_);
    if (!error_ || index < error_index_) {
      error_ = std::move(error);
      error_index_ = index;
    }
  }

  const std::size_t n_;
  const std::function<void(std::size_t)>& body_;
  std::atomic<std::size_t> next_{0};
  std::mutex mutex_;
  std::exception_ptr error_;
  std::size_t error_index_ = 0;
};

}  // namespace

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& body) {
  parallel_for(n, threads, body, [](std::function<void()> work) { return std::thread(std::move(work)); });
}

void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& body,
                  const ThreadStarter& start) {
  if (n == 0) return;
  SharedWork work(n, body);
  const std::size_t helpers = std::min<std::size_t>(std::max(threads, 1u), n) - 1;
  std::vector<std::thread> pool;
  pool.reserve(helpers);
  try {
    for (std::size_t t = 0; t < helpers; ++t) pool.push_back(start([&work] { work.drain(); }));
  } catch (...) {
    // No more threads to be had — std::system_error from pthread_create, or
    // std::bad_alloc for the thread's state under an address-space limit:
    // the ones started and this one do it all. Letting it escape would
    // destroy joinable threads in `pool`, which is std::terminate.
  }
  work.drain();
  for (auto& thread : pool) thread.join();
  work.rethrow_if_failed();
}

}  // namespace knelpunt::engine
