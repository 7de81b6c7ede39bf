#include <doctest/doctest.h>

#include <stdexcept>

#include "model/dependency_graph.hpp"

using namespace knelpunt::model;

TEST_CASE("a graph from raw parts indexes groups both ways") {
  // c needs 1 of {a, b}; d needs a.
  std::vector<GraphGroup> groups(2);
  groups[0] = {2, 1, 2, 0.0, 0, 0};
  groups[1] = {3, 1, 1, 4.0, 0, 2};
  DependencyGraph graph({"a", "b", "c", "d"}, {false, false, false, false}, groups, {0, 1, 0});
  CHECK(graph.groups_of(2).size() == 1);
  CHECK(graph.groups_of(0).empty());
  CHECK(graph.groups_supplied_by(0).size() == 2);
  CHECK(graph.groups_supplied_by(1).size() == 1);
  CHECK(graph.group(0).losses_to_fail() == 2);
  CHECK(graph.group(1).losses_to_fail() == 1);
  CHECK(graph.edge_count() == 3);
}

TEST_CASE("malformed raw parts are refused") {
  std::vector<GraphGroup> groups(1);
  groups[0] = {1, 3, 2, 0.0, 0, 0};  // need 3 of 2
  CHECK_THROWS_AS(DependencyGraph({"a", "b"}, {false, false}, groups, {0, 0}), std::invalid_argument);
}
