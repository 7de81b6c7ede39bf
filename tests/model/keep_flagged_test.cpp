#include "model/keep_flagged.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

using knelpunt::model::keep_flagged;

TEST_CASE("keep_flagged keeps the flagged values in order and drops the rest") {
  std::vector<std::string> values{"a", "b", "c", "d", "e"};
  keep_flagged(values, std::vector<bool>{false, true, false, true, true});
  CHECK(values == std::vector<std::string>{"b", "d", "e"});

  std::vector<std::string> all{"a", "b"};
  keep_flagged(all, std::vector<char>{1, 1});
  CHECK(all == std::vector<std::string>{"a", "b"});

  std::vector<std::string> none{"a", "b"};
  keep_flagged(none, std::vector<char>{0, 0});
  CHECK(none.empty());

  std::vector<std::string> empty;
  keep_flagged(empty, std::vector<bool>{});
  CHECK(empty.empty());
}

TEST_CASE("keep_flagged moves values (no copy needed) and keeps the vector's storage") {
  std::vector<std::unique_ptr<int>> values;
  for (int i = 0; i < 6; ++i) values.push_back(std::make_unique<int>(i));
  const auto* storage = values.data();
  keep_flagged(values, std::vector<bool>{true, false, false, true, false, true});
  REQUIRE(values.size() == 3);
  CHECK(*values[0] == 0);
  CHECK(*values[1] == 3);
  CHECK(*values[2] == 5);
  CHECK(values.data() == storage);
}
