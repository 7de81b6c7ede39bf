/// Property test: CutSetSolver::of_each, which lets the targets of a chunk
/// share one formula and one ZBDD, gives for every target exactly what
/// CutSetSolver::of gives it alone (and `of` is held against brute force in
/// cut_sets_property_test.cpp and supply_property_test.cpp). Random graphs
/// with k-of-n groups, buffers, virtual assets, cycles and deep chains, and
/// meshed supply graphs with rings and own buffers; both thread counts.
/// Seeded: deterministic.

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "engine/cut_sets.hpp"
#include "random_dependency_graph.hpp"
#include "supply_reference.hpp"

using namespace knelpunt;
using model::AssetIndex;

namespace {

constexpr model::Hours kHorizons[] = {0, 0.5, 1, 2, 3, model::kNever};

/// Checks of_each against of for every asset of `graph` as a target, in
/// index order and then reversed (a target's suppliers built first, then
/// last); returns how many targets went through the shared formula (on no
/// dependency cycle).
std::size_t check_graph(const model::DependencyGraph& graph, std::mt19937& rng) {
  engine::CutSetOptions options;
  options.max_order = static_cast<std::uint32_t>(1 + rng() % 3);
  options.horizon = kHorizons[rng() % std::size(kHorizons)];
  CAPTURE(options.max_order);
  CAPTURE(options.horizon);
  const engine::CutSetSolver solver(graph);
  std::vector<AssetIndex> targets(graph.asset_count());
  for (AssetIndex a = 0; a < targets.size(); ++a) targets[a] = a;
  const auto components = engine::dependency_components(graph, false);
  std::size_t shared = 0;
  for (AssetIndex a = 0; a < targets.size(); ++a)
    if (!components.cyclic[components.component_of[a]]) ++shared;
  for (int pass = 0; pass < 2; ++pass) {
    if (pass == 1) std::reverse(targets.begin(), targets.end());
    const unsigned threads = 1 + static_cast<unsigned>(rng() % 2);
    const auto together = solver.of_each(targets, options, threads, nullptr);
    REQUIRE(together.size() == targets.size());
    for (std::size_t i = 0; i < targets.size(); ++i) {
      CAPTURE(graph.id(targets[i]));
      const auto alone = solver.of(targets[i], options);
      REQUIRE(together[i].sets == alone.sets);
      REQUIRE(together[i].by_order == alone.by_order);
    }
  }
  return shared;
}

}  // namespace

TEST_CASE("cut sets of many targets together equal each target's alone") {
  std::mt19937 rng(20261204);
  std::size_t shared = 0, with_sets = 0;
  for (std::uint32_t seed = 1; seed <= 250; ++seed) {
    CAPTURE(seed);
    const auto graph = testing::random_dependency_graph(seed, 40);
    shared += check_graph(graph, rng);
    const engine::CutSetSolver solver(graph);
    if (!solver.of(0, engine::CutSetOptions{}).sets.empty()) ++with_sets;
  }
  for (std::uint32_t seed = 1; seed <= 250; ++seed) {
    CAPTURE(seed);
    shared += check_graph(testing::random_meshed_graph(seed + 40'000, 12), rng);
  }
  // The shared way must have been taken, and on targets that have cut sets.
  CHECK(shared > 1500);
  CHECK(with_sets > 50);
}

TEST_CASE("cut sets of many targets: order limits built via a BDD go target by target") {
  // max_order 0 (no limit) is built via a BDD: of_each must give of's answer.
  for (std::uint32_t seed = 1; seed <= 100; ++seed) {
    CAPTURE(seed);
    const auto graph = testing::random_dependency_graph(seed, 20);
    engine::CutSetOptions options;
    options.max_order = 0;
    options.horizon = kHorizons[seed % std::size(kHorizons)];
    const engine::CutSetSolver solver(graph);
    std::vector<AssetIndex> targets(graph.asset_count());
    for (AssetIndex a = 0; a < targets.size(); ++a) targets[a] = a;
    const auto together = solver.of_each(targets, options, 2, nullptr);
    for (std::size_t i = 0; i < targets.size(); ++i)
      REQUIRE(together[i].sets == solver.of(targets[i], options).sets);
  }
}
