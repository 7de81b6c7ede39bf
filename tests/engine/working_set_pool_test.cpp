#include "engine/working_set_pool.hpp"

#include <doctest/doctest.h>

#include <thread>

using knelpunt::engine::WorkingSetPool;

TEST_CASE("working set pool: a thread gets back the set it gave back, else the last one given back") {
  WorkingSetPool<int> pool;
  int made = 0;
  auto make = [&] { return 100 + made++; };
  // Empty: made.
  CHECK(pool.take(make) == 100);
  CHECK(made == 1);
  // Another thread gives back 7 after this thread gave back 5: this thread
  // still gets its own 5 first, then the other's 7, then a new one.
  pool.give_back(5);
  std::thread([&] { pool.give_back(7); }).join();
  CHECK(pool.free_count() == 2);
  CHECK(pool.take(make) == 5);
  CHECK(pool.take(make) == 7);
  CHECK(made == 1);
  CHECK(pool.take(make) == 101);
  // Without a set of its own, a thread takes the one given back last.
  pool.give_back(1);
  pool.give_back(2);
  int other = 0;
  std::thread([&] { other = pool.take(make); }).join();
  CHECK(other == 2);
  CHECK(pool.free_count() == 1);
  pool.clear();
  CHECK(pool.free_count() == 0);
}
