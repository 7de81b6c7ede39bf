/// Property: N-1 reach equals a brute-force reference (one full
/// engine::propagate per asset) on hundreds of random models, for every
/// horizon tried and whatever the thread count.

#include <doctest/doctest.h>

#include <random>
#include <vector>

#include "engine/cascade.hpp"
#include "engine/reach.hpp"
#include "property/random_dependency_graph.hpp"

namespace {

using knelpunt::engine::AssetReach;
using knelpunt::engine::Seed;
using knelpunt::model::AssetIndex;
using knelpunt::model::DependencyGraph;
using knelpunt::model::Hours;
using knelpunt::model::kNever;

struct BruteForce {
  std::vector<AssetReach> reach;
  std::vector<std::vector<AssetIndex>> sets;
};

BruteForce brute_force_reach(const DependencyGraph& graph, const std::vector<double>& impact, Hours horizon) {
  BruteForce out;
  for (AssetIndex x = 0; x < graph.asset_count(); ++x) {
    if (graph.is_virtual(x)) continue;
    const std::vector<Seed> seeds{{x, 0}};
    const auto cascade = knelpunt::engine::propagate(graph, seeds, horizon);
    AssetReach r{x, 0, 0.0};
    std::vector<AssetIndex> set;
    for (AssetIndex v = 0; v < graph.asset_count(); ++v) {
      if (v == x || graph.is_virtual(v) || !cascade.failed(v)) continue;
      ++r.reach;
      r.impact += impact[v];
      set.push_back(v);
    }
    out.reach.push_back(r);
    out.sets.push_back(std::move(set));
  }
  return out;
}

std::vector<double> random_impact(std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<double> impact(n);
  for (auto& value : impact) value = static_cast<double>(rng() % 5000);  // integers: sums are exact
  return impact;
}

}  // namespace

TEST_CASE("reach equals one full cascade per asset on random models, for any thread count") {
  static constexpr Hours kHorizons[] = {kNever, 0, 0.5, 2, 8, 72};
  std::size_t assets_compared = 0;
  std::size_t nonzero = 0;
  for (std::uint32_t seed = 1; seed <= 500; ++seed) {
    const auto graph = knelpunt::testing::random_dependency_graph(seed, seed % 10 == 0 ? 200 : 40);
    const auto impact = random_impact(graph.asset_count(), seed);
    const Hours horizon = kHorizons[seed % 6];
    const auto expected = brute_force_reach(graph, impact, horizon);
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
      INFO("graph seed ", seed, " threads ", threads);
      const auto got = knelpunt::engine::compute_reach(graph, impact, horizon, threads);
      REQUIRE(got.size() == expected.reach.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        INFO("asset ", graph.id(expected.reach[i].asset));
        REQUIRE(got[i].asset == expected.reach[i].asset);
        REQUIRE(got[i].reach == expected.reach[i].reach);
        REQUIRE(got[i].impact == expected.reach[i].impact);
      }
    }
    for (std::size_t i = 0; i < expected.reach.size(); ++i) {
      REQUIRE(knelpunt::engine::reach_set(graph, expected.reach[i].asset, horizon) == expected.sets[i]);
      ++assets_compared;
      if (expected.reach[i].reach > 0) ++nonzero;
    }
  }
  CHECK(assets_compared > 10000);
  CHECK(nonzero > assets_compared / 5);  // the models do cascade
}

TEST_CASE("reach on a deep chain of followers with a k-of-n exit and a cycle") {
  // a0 ← a1 ← … ← a9 (sole supplier, no buffer); a10 needs 2 of {a3, a7} with 1h;
  // a0 needs a10 with a 2h buffer, closing a cycle through the whole chain.
  using knelpunt::model::GraphGroup;
  std::vector<GraphGroup> groups;
  std::vector<AssetIndex> suppliers;
  groups.push_back(GraphGroup{0, 1, 1, 2, 0, 0});
  suppliers.push_back(10);
  for (AssetIndex a = 1; a < 10; ++a) {
    groups.push_back(GraphGroup{a, 1, 1, 0, 0, static_cast<std::uint32_t>(suppliers.size())});
    suppliers.push_back(a - 1);
  }
  groups.push_back(GraphGroup{10, 2, 2, 1, 0, static_cast<std::uint32_t>(suppliers.size())});
  suppliers.push_back(3);
  suppliers.push_back(7);
  std::vector<std::string> ids;
  for (int i = 0; i <= 10; ++i) ids.push_back("a" + std::to_string(i));
  const DependencyGraph graph(ids, std::vector<bool>(11, false), groups, suppliers);
  const std::vector<double> impact(11, 1.0);
  for (Hours horizon : {kNever, 0.0, 1.0, 3.0}) {
    const auto expected = brute_force_reach(graph, impact, horizon);
    const auto got = knelpunt::engine::compute_reach(graph, impact, horizon, 2);
    REQUIRE(got.size() == 11);
    for (std::size_t i = 0; i < got.size(); ++i) {
      INFO("horizon ", horizon, " asset ", i);
      CHECK(got[i].reach == expected.reach[i].reach);
    }
  }
  // a5 fails a6…a9 at 0 and a10 at 1h (a7 is down, and 2 of 2 are needed), then
  // a0…a4 at 3h through the cycle: everything.
  CHECK(knelpunt::engine::compute_reach(graph, impact, kNever)[5].reach == 10);
  CHECK(knelpunt::engine::compute_reach(graph, impact, 2.0)[5].reach == 5);
}
