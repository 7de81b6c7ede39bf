/// Property: on hundreds of random models the engine's failure times equal
/// those of a deliberately naive reference, the fixed-point iteration of the
/// equations of docs/model.md (Failure semantics) started from "nothing fails".

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "engine/cascade.hpp"
#include "property/random_dependency_graph.hpp"

namespace {

using knelpunt::engine::Seed;
using knelpunt::model::AssetIndex;
using knelpunt::model::DependencyGraph;
using knelpunt::model::Hours;
using knelpunt::model::kNever;

/// F by repeated substitution: start at ∞ (seeds at their time), recompute
/// F(v) = min(initial(v), min_g L(g) + time_to_impact(g)) from the current
/// values until nothing changes. Values only go down from ∞, so this reaches
/// the largest fixed point. Then apply the horizon. `need_offset` perturbs
/// every k, to show that the comparison catches a wrong rule.
std::vector<Hours> reference_failure_times(const DependencyGraph& graph, const std::vector<Seed>& seeds,
                                           Hours horizon, int need_offset = 0) {
  const std::size_t n = graph.asset_count();
  std::vector<Hours> initial(n, kNever);
  for (const auto& seed : seeds) initial[seed.asset] = std::min(initial[seed.asset], seed.at);
  std::vector<Hours> time = initial;
  for (std::size_t round = 0; round <= 4 * n + 4; ++round) {
    std::vector<Hours> next(n);
    for (AssetIndex v = 0; v < n; ++v) {
      Hours value = initial[v];
      for (auto g : graph.groups_of(v)) {
        const auto& group = graph.group(g);
        std::vector<Hours> supplier_times;
        for (auto s : graph.suppliers(g)) supplier_times.push_back(time[s]);
        std::sort(supplier_times.begin(), supplier_times.end());
        const long need = std::clamp<long>(long{group.need} + need_offset, 1, long{group.supplier_count});
        // Lost when fewer than k are left: the (n − k + 1)-th smallest time.
        const Hours lost = supplier_times[static_cast<std::size_t>(long{group.supplier_count} - need)];
        value = std::min(value, lost + group.time_to_impact);
      }
      next[v] = value;
    }
    if (next == time) {
      for (auto& t : time)
        if (t > horizon) t = kNever;
      return time;
    }
    time = std::move(next);
  }
  FAIL("the reference did not converge");
  return time;
}

struct Case {
  std::vector<Seed> seeds;
  Hours horizon;
};

Case random_case(const DependencyGraph& graph, std::uint32_t seed) {
  std::mt19937 rng(seed ^ 0x9e3779b9u);
  static constexpr Hours kSeedTimes[] = {0, 0, 0.5, 1, 3, 10};
  static constexpr Hours kHorizons[] = {kNever, kNever, 0, 1, 4, 10, 72};
  Case c;
  const auto count = std::uniform_int_distribution<std::size_t>(1, 3)(rng);
  std::uniform_int_distribution<AssetIndex> asset(0, static_cast<AssetIndex>(graph.asset_count() - 1));
  for (std::size_t i = 0; i < count; ++i) c.seeds.push_back({asset(rng), kSeedTimes[rng() % 6]});
  c.horizon = kHorizons[rng() % 7];
  return c;
}

/// True when engine and reference agree on every asset.
bool agrees(const DependencyGraph& graph, const Case& c, int need_offset = 0) {
  const auto cascade = knelpunt::engine::propagate(graph, c.seeds, c.horizon);
  return cascade.failure_time == reference_failure_times(graph, c.seeds, c.horizon, need_offset);
}

}  // namespace

TEST_CASE("cascade equals the naive fixed point on random models") {
  std::size_t compared = 0;
  std::size_t failing_somewhere = 0;
  for (std::uint32_t seed = 1; seed <= 600; ++seed) {
    const auto graph = knelpunt::testing::random_dependency_graph(seed);
    for (std::uint32_t variant = 0; variant < 3; ++variant) {
      const auto c = random_case(graph, seed * 7 + variant);
      const auto cascade = knelpunt::engine::propagate(graph, c.seeds, c.horizon);
      const auto expected = reference_failure_times(graph, c.seeds, c.horizon);
      INFO("graph seed ", seed, " variant ", variant);
      REQUIRE(cascade.failure_time == expected);
      // The timeline lists exactly the failed assets, in nondecreasing time,
      // each after the supplier it names as its cause, and the cause explains
      // the time: F(v) = F(cause supplier) + time_to_impact(cause group).
      // (Equal times are in settling order, which is not always index order:
      // an asset failed at t through a zero buffer settles after its cause.)
      std::vector<AssetIndex> failed;
      for (AssetIndex a = 0; a < graph.asset_count(); ++a)
        if (expected[a] != kNever) failed.push_back(a);
      auto order = cascade.order;
      std::vector<std::size_t> rank(graph.asset_count(), 0);
      for (std::size_t i = 0; i < order.size(); ++i) {
        rank[order[i]] = i;
        if (i > 0) REQUIRE(expected[order[i - 1]] <= expected[order[i]]);
      }
      for (AssetIndex a : order) {
        if (cascade.cause_group[a] == knelpunt::model::kNoIndex) continue;
        const auto supplier = cascade.cause_supplier[a];
        REQUIRE(rank[supplier] < rank[a]);
        REQUIRE(expected[a] == expected[supplier] + graph.group(cascade.cause_group[a]).time_to_impact);
      }
      std::sort(order.begin(), order.end());
      REQUIRE(order == failed);
      ++compared;
      if (failed.size() > c.seeds.size()) ++failing_somewhere;
    }
  }
  CHECK(compared == 1800);
  CHECK(failing_somewhere > 300);  // the models do cascade, not only the seeds fail
}

TEST_CASE("the cascade property catches a wrong k") {
  // The same comparison with every need off by one must disagree on many models.
  std::size_t caught_low = 0;
  std::size_t caught_high = 0;
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    const auto graph = knelpunt::testing::random_dependency_graph(seed);
    const auto c = random_case(graph, seed * 7);
    if (!agrees(graph, c, +1)) ++caught_high;
    if (!agrees(graph, c, -1)) ++caught_low;
  }
  CHECK(caught_high > 10);
  CHECK(caught_low > 10);
}

TEST_CASE("the reference keeps an unforced cycle up and applies the horizon") {
  // a0 ⇄ a1 need each other; a2 needs a1 with a 4h buffer; nothing is seeded in the cycle.
  using knelpunt::model::GraphGroup;
  DependencyGraph graph({"a0", "a1", "a2", "a3"}, {false, false, false, false},
                        {GraphGroup{0, 1, 1, 0, 0, 0}, GraphGroup{1, 1, 1, 0, 0, 1}, GraphGroup{2, 1, 1, 4, 0, 2}},
                        {1, 0, 1});
  const std::vector<Seed> none_in_cycle{{3, 0}};
  CHECK(reference_failure_times(graph, none_in_cycle, kNever) == std::vector<Hours>{kNever, kNever, kNever, 0});
  const std::vector<Seed> in_cycle{{0, 1}};
  CHECK(reference_failure_times(graph, in_cycle, kNever) == std::vector<Hours>{1, 1, 5, kNever});
  CHECK(reference_failure_times(graph, in_cycle, 4) == std::vector<Hours>{1, 1, kNever, kNever});
  CHECK(agrees(graph, {in_cycle, 4}));
}
