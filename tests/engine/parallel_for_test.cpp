#include "engine/parallel_for.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <new>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

using knelpunt::engine::default_thread_count;
using knelpunt::engine::parallel_for;

TEST_CASE("parallel_for runs every index exactly once, whatever the thread count") {
  for (unsigned threads : {0u, 1u, 2u, 7u}) {
    for (std::size_t n :
         {std::size_t{1}, std::size_t{3}, std::size_t{100}}) {  // 1 and 3: fewer than 7 threads
      CAPTURE(threads);
      CAPTURE(n);
      std::vector<std::atomic<int>> runs(n);
      parallel_for(n, threads, [&](std::size_t i) { runs[i].fetch_add(1); });
      for (std::size_t i = 0; i < n; ++i) CHECK(runs[i].load() == 1);
    }
  }
}

TEST_CASE("parallel_for with n = 0 does not call the body") {
  bool called = false;
  parallel_for(0, 4, [&](std::size_t) { called = true; });
  CHECK_FALSE(called);
}

TEST_CASE("parallel_for uses more than one thread when asked") {
  std::atomic<int> inside{0}, most{0};
  parallel_for(4, 4, [&](std::size_t) {
    const int now = inside.fetch_add(1) + 1;
    for (int seen = most.load(); seen < now && !most.compare_exchange_weak(seen, now);) {
    }
    // Wait, bounded, for a second thread to come in.
    for (int spin = 0; spin < 20000 && most.load() < 2; ++spin)
      std::this_thread::sleep_for(std::chrono::microseconds(100));
    inside.fetch_sub(1);
  });
  CHECK(most.load() >= 2);
}

TEST_CASE(
    "an exception thrown in a worker reaches the caller: the lowest index's, after every index "
    "ran") {
  for (unsigned threads : {1u, 2u, 7u}) {
    CAPTURE(threads);
    std::vector<std::atomic<int>> runs(50);
    std::string caught;
    try {
      parallel_for(50, threads, [&](std::size_t i) {
        runs[i].fetch_add(1);
        if (i == 31 || i == 17) throw std::runtime_error("index " + std::to_string(i));
      });
    } catch (const std::runtime_error& error) {
      caught = error.what();
    }
    CHECK(caught == "index 17");
    for (std::size_t i = 0; i < runs.size(); ++i) CHECK(runs[i].load() == 1);
  }
}

TEST_CASE("parallel_for still runs every index when the system gives fewer threads than asked") {
  for (int granted : {0, 1, 2}) {
    CAPTURE(granted);
    int started = 0;
    const knelpunt::engine::ThreadStarter start = [&](std::function<void()> work) {
      if (started == granted) throw std::system_error(std::make_error_code(std::errc::resource_unavailable_try_again));
      ++started;
      return std::thread(std::move(work));
    };
    std::vector<std::atomic<int>> runs(50);
    parallel_for(runs.size(), 8, [&](std::size_t i) { ++runs[i]; }, start);
    CHECK(started == granted);
    for (std::size_t i = 0; i < runs.size(); ++i) CHECK(runs[i] == 1);
  }
}

TEST_CASE("parallel_for falls back when starting a thread runs out of memory (bad_alloc), never terminates") {
  int started = 0;
  const knelpunt::engine::ThreadStarter start = [&](std::function<void()> work) {
    if (started == 2) throw std::bad_alloc();
    ++started;
    return std::thread(std::move(work));
  };
  std::vector<std::atomic<int>> runs(40);
  parallel_for(runs.size(), 400, [&](std::size_t i) { ++runs[i]; }, start);
  CHECK(started == 2);
  for (std::size_t i = 0; i < runs.size(); ++i) CHECK(runs[i] == 1);
}

TEST_CASE("default_thread_count: a request is kept, 0 asks the machine, never 0") {
  CHECK(default_thread_count(3) == 3);
  CHECK(default_thread_count(1) == 1);
  CHECK(default_thread_count(0) >= 1);
  if (std::thread::hardware_concurrency() > 0)
    CHECK(default_thread_count(0) == std::thread::hardware_concurrency());
}
