#pragma once
/// A random model of who is served by what, laid over a random dependency
/// graph: the same asset ids and virtual flags, 0…10 areas, and per asset
/// either supplies of random services to random areas (virtual assets
/// too), or a population of its own (a pseudo-area), or neither. For
/// property tests that count people (engine/affected_people.hpp) on graphs
/// from random_dependency_graph.hpp; seeded, so a failure is reproduced by
/// its seed.

#include <random>
#include <string>

#include "model/dependency_graph.hpp"
#include "model/model.hpp"

namespace knelpunt::testing {

inline model::Model random_people_model(const model::DependencyGraph& graph, std::uint32_t seed) {
  static const std::string kServices[] = {"electricity", "drinking-water", "telecom"};
  std::mt19937 rng(seed * 104729u + 7u);
  auto uniform = [&](int low, int high) {
    return std::uniform_int_distribution<int>(low, high)(rng);
  };
  model::Model model;
  const int areas = uniform(0, 10);
  for (int i = 0; i < areas; ++i) {
    model::Area area;
    area.id = "area-" + std::to_string(100 + i);
    area.population = uniform(0, 5) == 0 ? 0 : uniform(1, 20000);  // integers: sums are exact
    model.areas.push_back(area);
  }
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    model::Asset asset;
    asset.id = std::string(graph.id(a));
    asset.is_virtual = graph.is_virtual(a);
    const int kind = uniform(0, 3);
    if (kind == 0 && areas > 0) {
      const int services = uniform(1, 2);
      for (int s = 0; s < services; ++s) {
        model::ServiceSupply supply;
        supply.service = kServices[uniform(0, 2)];
        const int served = uniform(1, std::min(areas, 3));
        for (int k = 0; k < served; ++k)
          supply.areas.push_back(model.areas[static_cast<std::size_t>(uniform(0, areas - 1))].id);
        asset.supplies.push_back(supply);
      }
    } else if (kind == 1) {
      asset.serves["population"] = uniform(1, 30000);
    }
    model.assets.push_back(asset);
  }
  model.reindex();
  return model;
}

}  // namespace knelpunt::testing
