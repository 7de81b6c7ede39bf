// permute_in_place (model/permute_in_place.hpp) against building a new vector.
#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>

#include "model/permute_in_place.hpp"

TEST_CASE("permute_in_place puts values[order[k]] at k, for random permutations of any size") {
  std::mt19937 random(11);
  for (std::size_t size : {0u, 1u, 2u, 3u, 10u, 257u}) {
    for (int trial = 0; trial < 20; ++trial) {
      std::vector<std::string> values(size);
      for (std::size_t i = 0; i < size; ++i) values[i] = "v" + std::to_string(i);
      std::vector<std::size_t> order(size);
      std::iota(order.begin(), order.end(), 0);
      std::shuffle(order.begin(), order.end(), random);
      std::vector<std::string> expected;
      for (auto k : order) expected.push_back(values[k]);
      knelpunt::model::permute_in_place(values, order);
      CAPTURE(size);
      CHECK(values == expected);
    }
  }
}
