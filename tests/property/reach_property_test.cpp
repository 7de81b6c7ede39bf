/// Property: N-1 reach equals a brute-force reference (one full
/// engine::propagate per asset) on hundreds of random models, for every
/// horizon tried and whatever the thread count.

#include <doctest/doctest.h>

#include <random>
#include <stdexcept>
#include <utility>
#include <vector>

#include "engine/affected_people.hpp"
#include "engine/cascade.hpp"
#include "engine/reach.hpp"
#include "property/random_dependency_graph.hpp"
#include "property/random_people_model.hpp"

namespace {

using knelpunt::engine::AssetReach;
using knelpunt::engine::PeopleServed;
using knelpunt::engine::Seed;
using knelpunt::model::AssetIndex;
using knelpunt::model::DependencyGraph;
using knelpunt::model::Hours;
using knelpunt::model::kNever;

struct BruteForce {
  std::vector<AssetReach> reach;
  std::vector<std::vector<AssetIndex>> sets;
  std::size_t with_areas = 0;    ///< results with people from real areas only
  std::size_t upper_bounds = 0;  ///< results counting a pseudo-area
};

/// One full cascade per asset; its people are affected_people of the down
/// set: the asset and everything failing with it, virtual ones included.
BruteForce brute_force_reach(const DependencyGraph& graph, const PeopleServed& served, Hours horizon) {
  BruteForce out;
  for (AssetIndex x = 0; x < graph.asset_count(); ++x) {
    if (graph.is_virtual(x)) continue;
    const std::vector<Seed> seeds{{x, 0}};
    const auto cascade = knelpunt::engine::propagate(graph, seeds, horizon);
    AssetReach r{x, 0};
    std::vector<AssetIndex> set;
    std::vector<bool> down(graph.asset_count(), false);
    for (AssetIndex v = 0; v < graph.asset_count(); ++v) {
      down[v] = v == x || cascade.failed(v);
      if (v == x || graph.is_virtual(v) || !cascade.failed(v)) continue;
      ++r.reach;
      set.push_back(v);
    }
    const auto people = knelpunt::engine::affected_people(served, down);
    r.people = people.people;
    r.people_upper_bound = people.upper_bound;
    out.with_areas += people.people > 0 && !people.upper_bound ? 1 : 0;
    out.upper_bounds += people.upper_bound ? 1 : 0;
    out.reach.push_back(r);
    out.sets.push_back(std::move(set));
  }
  return out;
}

/// compute_reach with `threads` gives the brute force's reach and people for every asset.
void require_reach_equal(const DependencyGraph& graph, const PeopleServed& served, Hours horizon,
                         unsigned threads, const BruteForce& expected) {
  INFO("threads ", threads);
  const auto got = knelpunt::engine::compute_reach(graph, &served, horizon, threads);
  REQUIRE(got.size() == expected.reach.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("asset ", graph.id(expected.reach[i].asset));
    REQUIRE(got[i].asset == expected.reach[i].asset);
    REQUIRE(got[i].reach == expected.reach[i].reach);
    REQUIRE(got[i].people == expected.reach[i].people);  // whole-number populations: exact
    REQUIRE(got[i].people_upper_bound == expected.reach[i].people_upper_bound);
  }
}

}  // namespace

TEST_CASE("reach equals one full cascade per asset on random models, for any thread count") {
  static constexpr Hours kHorizons[] = {kNever, 0, 0.5, 2, 8, 72};
  std::size_t assets_compared = 0;
  std::size_t nonzero = 0;
  std::size_t with_areas = 0, upper_bounds = 0;
  for (std::uint32_t seed = 1; seed <= 500; ++seed) {
    const auto graph = knelpunt::testing::random_dependency_graph(seed, seed % 10 == 0 ? 200 : 40);
    const auto model = knelpunt::testing::random_people_model(graph, seed);
    const PeopleServed served(model);
    const Hours horizon = kHorizons[seed % 6];
    const auto expected = brute_force_reach(graph, served, horizon);
    with_areas += expected.with_areas;
    upper_bounds += expected.upper_bounds;
    INFO("graph seed ", seed);
    for (unsigned threads : {1u, 2u, 3u, 8u})
      require_reach_equal(graph, served, horizon, threads, expected);
    for (std::size_t i = 0; i < expected.reach.size(); ++i) {
      REQUIRE(knelpunt::engine::reach_set(graph, expected.reach[i].asset, horizon) == expected.sets[i]);
      ++assets_compared;
      if (expected.reach[i].reach > 0) ++nonzero;
    }
  }
  CHECK(assets_compared > 10000);
  CHECK(nonzero > assets_compared / 5);  // the models do cascade
  // People come from real areas and from pseudo-areas, not only empty sets.
  CHECK(with_areas > 1000);
  CHECK(upper_bounds > 1000);
}

namespace {

/// `graph` plus `leaves` assets that supply nothing, each with a hard group
/// (one supplier, no buffer) and up to two more random groups: the hard
/// leaves reach counts at their supplier's position (docs/reach.md, step 5),
/// some virtual, some with a second hard group.
DependencyGraph with_hard_leaves(const DependencyGraph& graph, std::uint32_t seed,
                                 std::uint32_t leaves) {
  using knelpunt::model::GraphGroup;
  std::mt19937 rng(seed * 7919u + 1u);
  auto uniform = [&](std::uint32_t low, std::uint32_t high) {
    return std::uniform_int_distribution<std::uint32_t>(low, high)(rng);
  };
  static constexpr Hours kBuffers[] = {0, 0, 0.5, 1, 2, 4, 8};
  const auto n = static_cast<AssetIndex>(graph.asset_count());
  std::vector<std::string> ids;
  std::vector<bool> is_virtual;
  std::vector<GraphGroup> groups;
  std::vector<AssetIndex> suppliers;
  for (AssetIndex a = 0; a < n; ++a) {
    ids.emplace_back(graph.id(a));
    is_virtual.push_back(graph.is_virtual(a));
  }
  for (const auto& group : graph.groups()) {
    GraphGroup copy = group;
    copy.first = static_cast<std::uint32_t>(suppliers.size());
    for (auto supplier :
         graph.suppliers(static_cast<knelpunt::model::GroupIndex>(&group - graph.groups().data())))
      suppliers.push_back(supplier);
    groups.push_back(copy);
  }
  for (std::uint32_t l = 0; l < leaves; ++l) {
    const AssetIndex leaf = n + l;
    ids.push_back("leaf" + std::to_string(l));
    is_virtual.push_back(uniform(0, 5) == 0);
    const std::uint32_t group_count = uniform(1, 3);
    const std::uint32_t hard_position = uniform(0, group_count - 1);
    for (std::uint32_t position = 0; position < group_count; ++position) {
      GraphGroup group;
      group.asset = leaf;
      group.position = position;
      group.first = static_cast<std::uint32_t>(suppliers.size());
      const bool hard = position == hard_position || uniform(0, 3) == 0;
      const std::uint32_t size = hard ? 1 : std::min<std::uint32_t>(uniform(1, 3), n);
      std::vector<AssetIndex> from;
      while (from.size() < size) {  // suppliers among the graph's assets: leaves supply nothing
        const AssetIndex s = uniform(0, n - 1);
        if (std::find(from.begin(), from.end(), s) == from.end()) from.push_back(s);
      }
      suppliers.insert(suppliers.end(), from.begin(), from.end());
      group.supplier_count = size;
      group.need = hard ? 1 : uniform(1, size);
      group.time_to_impact = hard ? 0 : kBuffers[uniform(0, 6)];
      groups.push_back(group);
    }
  }
  return DependencyGraph(std::move(ids), std::move(is_virtual), std::move(groups),
                         std::move(suppliers));
}

}  // namespace

TEST_CASE(
    "reach counts hard leaves (no exits, a zero-buffer sole-supplier group) as a full cascade "
    "does") {
  static constexpr Hours kHorizons[] = {kNever, 0, 0.5, 2, 8, 72};
  std::size_t leaves_reached = 0;
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    const auto base = knelpunt::testing::random_dependency_graph(seed, 30);
    if (base.asset_count() < 2) continue;
    const auto graph = with_hard_leaves(base, seed, 1 + seed % 25);
    const auto model = knelpunt::testing::random_people_model(graph, seed);
    const PeopleServed served(model);
    const Hours horizon = kHorizons[seed % 6];
    const auto expected = brute_force_reach(graph, served, horizon);
    INFO("graph seed ", seed);
    for (unsigned threads : {1u, 2u})
      require_reach_equal(graph, served, horizon, threads, expected);
    for (const auto& set : expected.sets)
      for (auto v : set) leaves_reached += v >= base.asset_count() ? 1 : 0;
  }
  CHECK(leaves_reached > 1000);  // the leaves do fail, through their hard group and others
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
  const auto model = knelpunt::testing::random_people_model(graph, 11);
  const PeopleServed served(model);
  for (Hours horizon : {kNever, 0.0, 1.0, 3.0}) {
    const auto expected = brute_force_reach(graph, served, horizon);
    const auto got = knelpunt::engine::compute_reach(graph, &served, horizon, 2);
    REQUIRE(got.size() == 11);
    for (std::size_t i = 0; i < got.size(); ++i) {
      INFO("horizon ", horizon, " asset ", i);
      CHECK(got[i].reach == expected.reach[i].reach);
    }
  }
  // a5 fails a6…a9 at 0 and a10 at 1h (a7 is down, and 2 of 2 are needed), then
  // a0…a4 at 3h through the cycle: everything.
  CHECK(knelpunt::engine::compute_reach(graph, nullptr, kNever)[5].reach == 10);
  CHECK(knelpunt::engine::compute_reach(graph, nullptr, 2.0)[5].reach == 5);
}

TEST_CASE("reach without people gives 0 people; people of another model are refused") {
  const auto graph = knelpunt::testing::random_dependency_graph(7, 40);
  for (const auto& r : knelpunt::engine::compute_reach(graph, nullptr, kNever)) {
    CHECK(r.people == 0);
    CHECK_FALSE(r.people_upper_bound);
  }
  const auto model =
      knelpunt::testing::random_people_model(knelpunt::testing::random_dependency_graph(8, 40), 8);
  const PeopleServed other(model);
  REQUIRE(other.asset_count() != graph.asset_count());
  CHECK_THROWS_AS(knelpunt::engine::compute_reach(graph, &other, kNever), std::invalid_argument);
}
