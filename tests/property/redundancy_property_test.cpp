// Adding a supplier to a redundancy group (need unchanged) can only help:
// no asset fails earlier than before, whatever fails first. Held on random
// graphs with random initial failures.

#include <doctest/doctest.h>

#include <random>

#include "engine/cascade.hpp"
#include "property/random_dependency_graph.hpp"

using namespace knelpunt;

namespace {

/// `graph` with `extra` added to the suppliers of group `target`.
model::DependencyGraph with_supplier(const model::DependencyGraph& graph, model::GroupIndex target,
                                     model::AssetIndex extra) {
  std::vector<std::string> ids;
  std::vector<bool> is_virtual;
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    ids.emplace_back(graph.id(a));
    is_virtual.push_back(graph.is_virtual(a));
  }
  std::vector<model::GraphGroup> groups;
  std::vector<model::AssetIndex> suppliers;
  for (model::GroupIndex g = 0; g < graph.group_count(); ++g) {
    model::GraphGroup group = graph.group(g);
    group.first = static_cast<std::uint32_t>(suppliers.size());
    for (auto s : graph.suppliers(g)) suppliers.push_back(s);
    if (g == target) suppliers.push_back(extra);
    group.supplier_count = static_cast<std::uint32_t>(suppliers.size() - group.first);
    groups.push_back(group);
  }
  return model::DependencyGraph(std::move(ids), std::move(is_virtual), std::move(groups), std::move(suppliers));
}

}  // namespace

TEST_CASE("a redundant supplier added to a group never makes any asset fail earlier") {
  std::size_t checked = 0;
  for (std::uint32_t seed = 1; seed <= 400; ++seed) {
    const auto graph = testing::random_dependency_graph(seed, 30);
    if (graph.group_count() == 0 || graph.asset_count() < 3) continue;
    std::mt19937 rng(seed * 7919u);
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    const auto target = static_cast<model::GroupIndex>(pick(graph.group_count()));
    const auto& group = graph.group(target);
    model::AssetIndex extra = model::kNoIndex;
    for (std::size_t tries = 0; tries < 20 && extra == model::kNoIndex; ++tries) {
      const auto candidate = static_cast<model::AssetIndex>(pick(graph.asset_count()));
      const auto current = graph.suppliers(target);
      if (candidate != group.asset && std::find(current.begin(), current.end(), candidate) == current.end())
        extra = candidate;
    }
    if (extra == model::kNoIndex) continue;
    const auto better = with_supplier(graph, target, extra);
    std::vector<engine::Seed> seeds;
    const std::size_t failures = 1 + pick(3);
    for (std::size_t i = 0; i < failures; ++i)
      seeds.push_back({static_cast<model::AssetIndex>(pick(graph.asset_count())), static_cast<double>(pick(4))});
    const auto before = engine::propagate(graph, seeds);
    const auto after = engine::propagate(better, seeds);
    for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
      INFO("seed " << seed << ", asset " << graph.id(a));
      CHECK(after.failure_time[a] >= before.failure_time[a]);
    }
    ++checked;
  }
  CHECK(checked > 200);
}
