#include <doctest/doctest.h>

#include <utility>
#include <vector>

#include "model/dependency_graph.hpp"
#include "model/graph_digest.hpp"

using namespace knelpunt::model;

namespace {

// d needs 1 of {a, b} (power, 0 h) and 1 of {c} (telecom, 4 h); c needs a.
// `first_group_suppliers` and `d_groups_swapped` change only the written order.
DependencyGraph small_graph(std::vector<AssetIndex> first_group_suppliers, bool d_groups_swapped, std::uint32_t need = 1) {
  GraphGroup power{3, need, 2, 0.0, 0, 0};
  GraphGroup telecom{3, 1, 1, 4.0, 1, 0};
  if (d_groups_swapped) std::swap(power.position, telecom.position);
  const GraphGroup c_power{2, 1, 1, 0.0, 0, 3};
  std::vector<GraphGroup> groups;
  std::vector<AssetIndex> suppliers;
  groups.push_back(c_power);
  suppliers.push_back(0);
  if (d_groups_swapped) {
    groups.push_back(telecom);
    suppliers.push_back(2);
    groups.push_back(power);
    for (auto s : first_group_suppliers) suppliers.push_back(s);
  } else {
    groups.push_back(power);
    for (auto s : first_group_suppliers) suppliers.push_back(s);
    groups.push_back(telecom);
    suppliers.push_back(2);
  }
  std::uint32_t offset = 0;
  for (auto& group : groups) {
    group.first = offset;
    offset += group.supplier_count;
  }
  return DependencyGraph({"a", "b", "c", "d"}, {false, false, false, false}, groups, suppliers);
}

}  // namespace

TEST_CASE("the graph digest ignores the order of from: lists and of an asset's needs") {
  const auto written = graph_digest(small_graph({0, 1}, false));
  CHECK(graph_digest(small_graph({1, 0}, false)) == written);
  CHECK(graph_digest(small_graph({0, 1}, true)) == written);
  CHECK(graph_digest(small_graph({1, 0}, true)) == written);
}

TEST_CASE("the graph digest changes when the structure does") {
  const auto written = graph_digest(small_graph({0, 1}, false));
  CHECK(graph_digest(small_graph({0, 1}, false, 2)) != written);  // need 2 of 2 instead of 1 of 2
  CHECK(written.size() == 16);
}
