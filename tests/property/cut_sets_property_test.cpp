/// Property test: on hundreds of random small models (k-of-n groups, time
/// buffers, virtual assets, cycles, finite and infinite horizons), the
/// minimal cut sets and the exact probability agree with brute force that
/// uses the cascade (engine::propagate) as the oracle. Seeded: deterministic.

#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <random>
#include <string>
#include <vector>

#include "engine/bdd_formula.hpp"
#include "engine/cascade.hpp"
#include "engine/cut_sets.hpp"
#include "engine/probability.hpp"

using namespace knelpunt;
using model::AssetIndex;

namespace {

struct RandomModel {
  model::DependencyGraph graph;
  std::vector<double> p;
};

RandomModel random_model(std::mt19937& rng) {
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const auto n = static_cast<std::size_t>(uniform(2, 10));
  std::vector<std::string> ids;
  std::vector<bool> is_virtual;
  std::vector<double> p;
  for (std::size_t i = 0; i < n; ++i) {
    ids.push_back("a" + std::to_string(i));
    is_virtual.push_back(uniform(0, 3) == 0);
    p.push_back(is_virtual.back() ? 0.0 : 0.05 * uniform(0, 12));
  }
  const double delays[] = {0, 0, 0, 1, 2, 4};
  std::vector<model::GraphGroup> groups;
  std::vector<AssetIndex> suppliers;
  for (AssetIndex a = 0; a < n; ++a) {
    const int group_count = uniform(0, 2);
    for (int g = 0; g < group_count; ++g) {
      std::vector<AssetIndex> from;
      const int size = uniform(1, 3);
      for (int s = 0; s < size; ++s) {
        const auto supplier = static_cast<AssetIndex>(uniform(0, static_cast<int>(n) - 1));
        if (supplier != a && std::find(from.begin(), from.end(), supplier) == from.end()) from.push_back(supplier);
      }
      if (from.empty()) continue;
      model::GraphGroup group;
      group.asset = a;
      group.supplier_count = static_cast<std::uint32_t>(from.size());
      group.need = static_cast<std::uint32_t>(uniform(1, static_cast<int>(from.size())));
      group.time_to_impact = delays[uniform(0, 5)];
      group.position = static_cast<std::uint32_t>(g);
      group.first = static_cast<std::uint32_t>(suppliers.size());
      suppliers.insert(suppliers.end(), from.begin(), from.end());
      groups.push_back(group);
    }
  }
  return RandomModel{model::DependencyGraph(std::move(ids), std::move(is_virtual), std::move(groups),
                                            std::move(suppliers)),
                     std::move(p)};
}

/// Does `target` fail within `horizon` when the assets in `mask` fail at 0?
bool fails(engine::CascadeRunner& runner, const std::vector<AssetIndex>& candidates, std::uint32_t mask,
           AssetIndex target, model::Hours horizon) {
  std::vector<engine::Seed> seeds;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (mask >> i & 1u) seeds.push_back(engine::Seed{candidates[i], 0});
  runner.run(seeds, horizon);
  return runner.failure_time(target) != model::kNever && runner.failure_time(target) <= horizon;
}

std::vector<std::vector<std::string>> brute_force_cut_sets(const model::DependencyGraph& graph, AssetIndex target,
                                                           model::Hours horizon, std::uint32_t max_order) {
  std::vector<AssetIndex> candidates;
  for (AssetIndex a = 0; a < graph.asset_count(); ++a)
    if (a != target && !graph.is_virtual(a)) candidates.push_back(a);
  engine::CascadeRunner runner(graph);
  const auto count = 1u << candidates.size();
  std::vector<bool> failing(count);
  for (std::uint32_t mask = 0; mask < count; ++mask) failing[mask] = fails(runner, candidates, mask, target, horizon);
  std::vector<std::vector<std::string>> result;
  for (std::uint32_t mask = 0; mask < count; ++mask) {
    if (!failing[mask]) continue;
    const auto order = static_cast<std::uint32_t>(std::popcount(mask));
    if (max_order != 0 && order > max_order) continue;
    bool minimal = true;  // monotone: minimal iff dropping any one member saves the target
    for (std::size_t i = 0; i < candidates.size() && minimal; ++i)
      if ((mask >> i & 1u) && failing[mask & ~(1u << i)]) minimal = false;
    if (!minimal) continue;
    std::vector<std::string> set;
    for (std::size_t i = 0; i < candidates.size(); ++i)
      if (mask >> i & 1u) set.emplace_back(graph.id(candidates[i]));
    result.push_back(set);
  }
  std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;
  });
  return result;
}

/// P(target fails within horizon | forced) by enumerating every state of the
/// non-virtual assets; `forced` (or kNoIndex) is fixed to `forced_value`.
double brute_force_probability(const model::DependencyGraph& graph, const std::vector<double>& p, AssetIndex target,
                               model::Hours horizon, AssetIndex forced = model::kNoIndex, bool forced_value = false) {
  std::vector<AssetIndex> assets;
  for (AssetIndex a = 0; a < graph.asset_count(); ++a)
    if (!graph.is_virtual(a)) assets.push_back(a);
  engine::CascadeRunner runner(graph);
  double total = 0;
  for (std::uint32_t mask = 0; mask < (1u << assets.size()); ++mask) {
    double weight = 1;
    for (std::size_t i = 0; i < assets.size(); ++i) {
      const bool down = mask >> i & 1u;
      const double pa = assets[i] == forced ? (forced_value ? 1.0 : 0.0) : p[assets[i]];
      weight *= down ? pa : 1 - pa;
    }
    if (weight == 0) continue;
    if (fails(runner, assets, mask, target, horizon)) total += weight;
  }
  return total;
}

/// P(some minimal cut set of "target fails" that contains x has failed
/// entirely): the cut sets are `cut_sets` (without the target) plus {target}.
double brute_force_through(const model::DependencyGraph& graph, const std::vector<double>& p, AssetIndex target,
                           model::Hours, const std::vector<std::vector<std::string>>& cut_sets, AssetIndex x) {
  std::vector<AssetIndex> assets;
  for (AssetIndex a = 0; a < graph.asset_count(); ++a)
    if (!graph.is_virtual(a)) assets.push_back(a);
  double total = 0;
  for (std::uint32_t mask = 0; mask < (1u << assets.size()); ++mask) {
    double weight = 1;
    std::vector<std::string> down;
    for (std::size_t i = 0; i < assets.size(); ++i) {
      const bool is_down = mask >> i & 1u;
      weight *= is_down ? p[assets[i]] : 1 - p[assets[i]];
      if (is_down) down.emplace_back(graph.id(assets[i]));
    }
    auto is_down = [&](const std::string& id) { return std::find(down.begin(), down.end(), id) != down.end(); };
    bool hit = x == target && is_down(std::string(graph.id(target)));
    for (const auto& set : cut_sets) {
      if (hit) break;
      if (std::find(set.begin(), set.end(), graph.id(x)) == set.end()) continue;
      hit = std::all_of(set.begin(), set.end(), is_down);
    }
    if (hit) total += weight;
  }
  return total;
}

std::string describe(const model::DependencyGraph& graph, AssetIndex target,
                     const std::vector<std::vector<std::string>>& got,
                     const std::vector<std::vector<std::string>>& expected) {
  std::string out = "target " + std::string(graph.id(target)) + "\n";
  for (AssetIndex a = 0; a < graph.asset_count(); ++a) {
    out += std::string(graph.id(a)) + (graph.is_virtual(a) ? " (virtual):" : ":");
    for (auto g : graph.groups_of(a)) {
      out += " [need " + std::to_string(graph.group(g).need) + " tti " + std::to_string(graph.group(g).time_to_impact) + " of";
      for (auto s : graph.suppliers(g)) out += " " + std::string(graph.id(s));
      out += "]";
    }
    out += "\n";
  }
  auto list = [](const auto& sets) {
    std::string text;
    for (const auto& set : sets) {
      text += "{";
      for (const auto& id : set) text += id + " ";
      text += "} ";
    }
    return text + "\n";
  };
  return out + "got " + list(got) + "expected " + list(expected);
}

}  // namespace

TEST_CASE("cut sets and probability agree with brute force on random models") {
  std::mt19937 rng(20261122);
  const model::Hours horizons[] = {0, 1, 3, 5, model::kNever};
  int models_with_cut_sets = 0, cyclic_checked = 0;
  for (int round = 0; round < 2000; ++round) {
    const auto random = random_model(rng);
    const auto& graph = random.graph;
    const auto target = static_cast<AssetIndex>(rng() % graph.asset_count());
    const auto horizon = horizons[rng() % 5];
    const auto max_order = static_cast<std::uint32_t>(rng() % 4);  // 0 = no limit
    CAPTURE(round);
    CAPTURE(horizon);
    CAPTURE(max_order);

    engine::CutSetOptions options{max_order, horizon};
    options.direct_up_to_order = round % 2 == 0 ? 0u : 64u;  // both ways: via a BDD and directly
    const auto cut_sets = engine::minimal_cut_sets(graph, target, options);
    std::vector<std::vector<std::string>> got;
    for (const auto& set : cut_sets.sets) {
      std::vector<std::string> ids;
      for (auto a : set) ids.emplace_back(graph.id(a));
      got.push_back(ids);
    }
    const auto expected = brute_force_cut_sets(graph, target, horizon, max_order);
    if (got != expected) MESSAGE(describe(graph, target, got, expected));
    REQUIRE(got == expected);
    if (!expected.empty()) ++models_with_cut_sets;
    const auto components = engine::dependency_components(graph, false);
    if (std::find(components.cyclic.begin(), components.cyclic.end(), true) != components.cyclic.end())
      ++cyclic_checked;

    const auto probability =
        engine::failure_probability(graph, target, random.p, engine::ProbabilityOptions{horizon});
    REQUIRE(probability.method == engine::ProbabilityMethod::exact);
    const double exact = brute_force_probability(graph, random.p, target, horizon);
    REQUIRE(probability.value == doctest::Approx(exact).epsilon(1e-9));
    for (const auto& row : probability.importance) {
      const double failed = brute_force_probability(graph, random.p, target, horizon, row.asset, true);
      const double up = brute_force_probability(graph, random.p, target, horizon, row.asset, false);
      CHECK(row.birnbaum == doctest::Approx(failed - up).epsilon(1e-9));
      if (max_order == 0 && exact > 0) {
        const double through = brute_force_through(graph, random.p, target, horizon, expected, row.asset);
        CHECK(row.fussell_vesely == doctest::Approx(through / exact).epsilon(1e-9));
      }
    }
  }
  CHECK(models_with_cut_sets > 200);
  CHECK(cyclic_checked > 50);
}
