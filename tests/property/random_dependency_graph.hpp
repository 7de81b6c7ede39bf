#pragma once
/// Random dependency graphs for property tests: seeded (std::mt19937), so a
/// failing case is reproduced by its seed. They cover k-of-n groups, buffers
/// (0 included), virtual assets, cycles, and follower chains (assets whose
/// only group is one zero-buffer supplier, deep chains of them included).

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "model/dependency_graph.hpp"

namespace knelpunt::testing {

/// Builds a graph of 1…max_assets assets from `seed`.
inline model::DependencyGraph random_dependency_graph(std::uint32_t seed, std::uint32_t max_assets = 40) {
  std::mt19937 rng(seed);
  auto uniform = [&](std::uint32_t low, std::uint32_t high) {  // inclusive
    return std::uniform_int_distribution<std::uint32_t>(low, high)(rng);
  };
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  static constexpr model::Hours kBuffers[] = {0, 0, 0, 0.5, 1, 2, 4, 8};

  const std::uint32_t n = uniform(1, max_assets);
  const double follower_share = std::uniform_real_distribution<double>(0.0, 0.7)(rng);
  const double chain_share = std::uniform_real_distribution<double>(0.0, 0.8)(rng);
  const double virtual_share = chance(0.5) ? 0.0 : 0.25;
  std::vector<std::string> ids;
  std::vector<bool> is_virtual;
  std::vector<model::GraphGroup> groups;
  std::vector<model::AssetIndex> suppliers;
  auto pick_supplier = [&](model::AssetIndex asset) -> model::AssetIndex {
    if (asset > 0 && chance(chain_share)) return asset - 1;  // deep chains
    model::AssetIndex s = uniform(0, n - 1);
    if (s == asset) s = (s + 1) % n;
    return s;
  };
  for (model::AssetIndex a = 0; a < n; ++a) {
    ids.push_back("a" + std::to_string(a));
    is_virtual.push_back(chance(virtual_share));
    if (n == 1) continue;
    std::uint32_t group_count = 0;
    const bool follower = chance(follower_share);
    if (!follower) group_count = std::min<std::uint32_t>(uniform(0, 3), uniform(0, 3) + 1);
    else group_count = 1;
    for (std::uint32_t position = 0; position < group_count; ++position) {
      model::GraphGroup group;
      group.asset = a;
      group.position = position;
      group.first = static_cast<std::uint32_t>(suppliers.size());
      const std::uint32_t size = follower ? 1 : std::min<std::uint32_t>(uniform(1, 4), n - 1);
      std::vector<model::AssetIndex> from;
      while (from.size() < size) {  // distinct suppliers, never the asset itself
        const auto s = pick_supplier(a);
        if (s != a && std::find(from.begin(), from.end(), s) == from.end()) from.push_back(s);
      }
      std::shuffle(from.begin(), from.end(), rng);
      suppliers.insert(suppliers.end(), from.begin(), from.end());
      group.supplier_count = size;
      group.need = uniform(1, size);
      group.time_to_impact = follower ? 0 : kBuffers[uniform(0, 7)];
      groups.push_back(group);
    }
  }
  return model::DependencyGraph(std::move(ids), std::move(is_virtual), std::move(groups), std::move(suppliers));
}

}  // namespace knelpunt::testing
