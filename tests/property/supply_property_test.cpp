/// Property tests of the rule "supply from sources" (docs/model.md; decision
/// 035) in every engine path, against the deliberately naive references of
/// property/supply_reference.hpp on random meshed graphs: same-kind rings
/// and bus pairs with and without a source, own buffers, ungrounded kinds,
/// cross-kind cycles, k-of-n groups, virtual assets. Each case runs 2 000 to
/// 5 000 graphs: propagate, reach (one and two threads), minimal cut sets
/// (sound, minimal and complete by brute force), exact probability and
/// Birnbaum importance (every failure pattern enumerated), the old counting
/// rule on ungrounded pass-on graphs, and restoration with and without
/// recovery. Seeded: a failing case is
/// reproduced by its seed, printed with the graph.

#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "engine/affected_people.hpp"
#include "engine/cascade.hpp"
#include "engine/cut_sets.hpp"
#include "engine/probability.hpp"
#include "engine/reach.hpp"
#include "engine/restoration.hpp"
#include "property/random_people_model.hpp"
#include "property/supply_reference.hpp"

namespace {

using knelpunt::engine::Seed;
using knelpunt::model::AssetIndex;
using knelpunt::model::DependencyGraph;
using knelpunt::model::Hours;
using knelpunt::model::kNever;
using knelpunt::testing::describe_graph;
using knelpunt::testing::NaiveCycleMates;
using knelpunt::testing::random_meshed_graph;
using knelpunt::testing::reference_failure_times;
using knelpunt::testing::ReferenceBreakage;

// Seeds per case: every case runs at least 1 000 random graphs; the cheap
// ones more. The whole file takes a few seconds in Release.
constexpr std::uint32_t kSeeds = 1000;
constexpr Hours kHorizons[] = {0, 0.5, 1, 2, 3, kNever, kNever};

Hours random_horizon(std::mt19937& rng) { return kHorizons[rng() % std::size(kHorizons)]; }

/// Random initial failures: none (so sourceless rings show), or 1–3 assets,
/// at t = 0 or, on every third case, at times on the buffers' grid.
std::vector<Seed> random_seeds(const DependencyGraph& graph, std::mt19937& rng) {
  static constexpr Hours kSeedTimes[] = {0, 0, 0, 0.5, 1, 2};
  std::vector<Seed> seeds;
  if (rng() % 5 == 0) return seeds;
  const bool late = rng() % 3 == 0;
  const auto count = 1 + rng() % 3;
  for (std::uint32_t i = 0; i < count; ++i) {
    const auto asset = static_cast<AssetIndex>(rng() % graph.asset_count());
    seeds.push_back({asset, late ? kSeedTimes[rng() % std::size(kSeedTimes)] : 0.0});
  }
  return seeds;
}

std::vector<Hours> initial_times(const DependencyGraph& graph, const std::vector<Seed>& seeds) {
  std::vector<Hours> initial(graph.asset_count(), kNever);
  for (const auto& seed : seeds) initial[seed.asset] = std::min(initial[seed.asset], seed.at);
  return initial;
}

std::string describe_times(const std::vector<Hours>& times) {
  std::string out;
  for (std::size_t a = 0; a < times.size(); ++a)
    out += " a" + std::to_string(a) + "=" +
           (times[a] == kNever ? std::string("never") : std::to_string(times[a]));
  return out;
}

std::string describe_case(const DependencyGraph& graph, const std::vector<Seed>& seeds,
                          Hours horizon, const std::vector<Hours>& engine,
                          const std::vector<Hours>& reference) {
  std::string out = describe_graph(graph) + "seeds:";
  for (const auto& seed : seeds) out += " " + std::string(graph.id(seed.asset)) + "@" + std::to_string(seed.at);
  out += "\nhorizon " + std::to_string(horizon) + "\nengine   " + describe_times(engine) +
         "\nreference" + describe_times(reference) + "\n";
  return out;
}

/// True when the rule can differ from counting on `graph`: a same-kind
/// cycle of a grounded kind, or an own buffer that lasts.
bool has_supply_rule(const DependencyGraph& graph) {
  const NaiveCycleMates mates(graph);
  for (AssetIndex a = 0; a < graph.asset_count(); ++a)
    for (std::uint32_t kind = 0; kind < graph.kind_count(); ++kind)
      if (mates.on_cycle(kind, a)) return true;
  for (const auto& group : graph.groups())
    if (!group.passes_on && group.time_to_impact > 0 && group.kind != knelpunt::model::kNoIndex)
      return true;
  return false;
}

/// Does `target` fail within `horizon`, by the reference, when the
/// candidates picked by `mask` fail at t = 0?
bool reference_fails(const DependencyGraph& graph, const NaiveCycleMates& mates,
                     const std::vector<AssetIndex>& candidates, std::uint32_t mask,
                     AssetIndex target, Hours horizon) {
  std::vector<AssetIndex> failed;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    if (mask >> i & 1u) failed.push_back(candidates[i]);
  // The reference gives kNever for a failure after the horizon.
  return reference_failure_times(graph, mates, failed, horizon)[target] != kNever;
}

}  // namespace

TEST_CASE("supply rule: propagate equals the naive reference on random meshed graphs") {
  std::uint32_t differs_from_counting = 0, ring_lost_at_zero = 0;
  for (std::uint32_t seed = 1; seed <= 5 * kSeeds; ++seed) {
    CAPTURE(seed);
    const auto graph = random_meshed_graph(seed, 12);
    std::mt19937 rng(seed);
    for (int trial = 0; trial < 4; ++trial) {
      const auto seeds = random_seeds(graph, rng);
      const Hours horizon = trial == 0 ? kNever : random_horizon(rng);
      const auto initial = initial_times(graph, seeds);
      const auto engine = knelpunt::engine::propagate(graph, seeds, horizon).failure_time;
      const auto reference = reference_failure_times(graph, initial, horizon);
      if (engine != reference) MESSAGE(describe_case(graph, seeds, horizon, engine, reference));
      REQUIRE(engine == reference);
      if (reference != knelpunt::testing::counting_rule_failure_times(graph, initial, horizon))
        ++differs_from_counting;
      if (seeds.empty() &&
          std::any_of(reference.begin(), reference.end(), [](Hours t) { return t == 0; }))
        ++ring_lost_at_zero;
    }
  }
  // The graphs exercise the rule: it often changes the outcome, and rings
  // without a source fail with nothing seeded.
  CHECK(differs_from_counting > kSeeds / 4);
  CHECK(ring_lost_at_zero > kSeeds / 50);
}

TEST_CASE(
    "supply rule: the propagate property catches a reference without own buffers or grounding") {
  std::uint32_t caught_own = 0, caught_grounding = 0;
  for (std::uint32_t seed = 1; seed <= 2 * kSeeds; ++seed) {
    const auto graph = random_meshed_graph(seed, 12);
    std::mt19937 rng(seed);
    for (int trial = 0; trial < 4; ++trial) {
      const auto seeds = random_seeds(graph, rng);
      const auto initial = initial_times(graph, seeds);
      const auto engine = knelpunt::engine::propagate(graph, seeds).failure_time;
      if (engine != reference_failure_times(graph, initial, kNever,
                                            ReferenceBreakage{.ignore_own_buffers = true}))
        ++caught_own;
      if (engine != reference_failure_times(graph, initial, kNever,
                                            ReferenceBreakage{.ignore_grounding = true}))
        ++caught_grounding;
    }
  }
  MESSAGE("cases told apart from a reference without own buffers: "
          << caught_own << ", without grounding: " << caught_grounding);
  CHECK(caught_own > kSeeds / 20);
  CHECK(caught_grounding > kSeeds / 5);
}

TEST_CASE("supply rule: reach equals the reference's set of assets failing within the horizon") {
  for (std::uint32_t seed = 1; seed <= 3 * kSeeds; ++seed) {
    CAPTURE(seed);
    const auto graph = random_meshed_graph(seed + 10'000, 12);
    std::mt19937 rng(seed);
    const Hours horizon = random_horizon(rng);
    CAPTURE(horizon);
    const auto reach = knelpunt::engine::compute_reach(graph, nullptr, horizon);
    const auto reach_in_threads = knelpunt::engine::compute_reach(graph, nullptr, horizon, 2);
    REQUIRE(reach_in_threads.size() == reach.size());
    for (std::size_t i = 0; i < reach.size(); ++i) {
      CHECK(reach_in_threads[i].asset == reach[i].asset);
      CHECK(reach_in_threads[i].reach == reach[i].reach);
    }
    std::size_t row = 0;
    for (AssetIndex x = 0; x < graph.asset_count(); ++x) {
      CAPTURE(x);
      const auto reference = reference_failure_times(graph, std::vector<AssetIndex>{x}, horizon);
      std::vector<AssetIndex> expected;
      for (AssetIndex v = 0; v < graph.asset_count(); ++v)
        if (v != x && !graph.is_virtual(v) && reference[v] != kNever) expected.push_back(v);
      const auto got = knelpunt::engine::reach_set(graph, x, horizon);
      if (got != expected) MESSAGE(describe_graph(graph));
      REQUIRE(got == expected);
      if (graph.is_virtual(x)) continue;
      REQUIRE(row < reach.size());
      CHECK(reach[row].asset == x);
      CHECK(reach[row].reach == expected.size());
      ++row;
    }
    CHECK(row == reach.size());
  }
}

TEST_CASE(
    "supply rule: reach counts people once over the reference's down set (the full-cascade path)") {
  std::size_t counted = 0;
  for (std::uint32_t seed = 1; seed <= kSeeds; ++seed) {
    CAPTURE(seed);
    const auto graph = random_meshed_graph(seed + 30'000, 12);
    std::mt19937 rng(seed);
    const Hours horizon = random_horizon(rng);
    const auto model = knelpunt::testing::random_people_model(graph, seed);
    const knelpunt::engine::PeopleServed served(model);
    const auto reach = knelpunt::engine::compute_reach(graph, &served, horizon, 2);
    std::size_t row = 0;
    for (AssetIndex x = 0; x < graph.asset_count(); ++x) {
      if (graph.is_virtual(x)) continue;
      CAPTURE(x);
      const auto reference = reference_failure_times(graph, std::vector<AssetIndex>{x}, horizon);
      std::vector<bool> down(graph.asset_count(), false);
      for (AssetIndex v = 0; v < graph.asset_count(); ++v)
        down[v] = v == x || reference[v] != kNever;
      const auto expected = knelpunt::engine::affected_people(served, down);
      REQUIRE(row < reach.size());
      CHECK(reach[row].people == expected.people);
      CHECK(reach[row].people_upper_bound == expected.upper_bound);
      counted += expected.people > 0 ? 1 : 0;
      ++row;
    }
  }
  CHECK(counted > kSeeds);
}

TEST_CASE("supply rule: minimal cut sets are sound, minimal and complete by the reference") {
  std::uint32_t with_sets = 0, always_fails = 0;
  for (std::uint32_t seed = 1; seed <= 2 * kSeeds; ++seed) {
    CAPTURE(seed);
    const auto graph = random_meshed_graph(seed + 20'000, 12);
    std::mt19937 rng(seed);
    const auto target = static_cast<AssetIndex>(rng() % graph.asset_count());
    const Hours horizon = random_horizon(rng);
    const auto max_order = static_cast<std::uint32_t>(rng() % 4);  // 0: no limit
    CAPTURE(target);
    CAPTURE(horizon);
    CAPTURE(max_order);
    knelpunt::engine::CutSetOptions options;
    options.max_order = max_order;
    options.horizon = horizon;
    options.direct_up_to_order = seed % 2 == 0 ? 0u : 64u;  // via a BDD and directly
    const auto cut_sets = knelpunt::engine::minimal_cut_sets(graph, target, options).sets;

    std::vector<AssetIndex> candidates;  // non-virtual, not the target
    for (AssetIndex a = 0; a < graph.asset_count(); ++a)
      if (a != target && !graph.is_virtual(a)) candidates.push_back(a);
    const std::uint32_t masks = 1u << candidates.size();
    const NaiveCycleMates mates(graph);
    std::vector<bool> failing(masks);
    for (std::uint32_t mask = 0; mask < masks; ++mask)
      failing[mask] = reference_fails(graph, mates, candidates, mask, target, horizon);

    std::vector<std::uint32_t> reported;
    for (const auto& set : cut_sets) {
      std::uint32_t mask = 0;
      for (auto a : set) {
        const auto at = std::find(candidates.begin(), candidates.end(), a);
        REQUIRE(at != candidates.end());
        mask |= 1u << (at - candidates.begin());
      }
      CHECK((max_order == 0 || set.size() <= max_order));
      reported.push_back(mask);
    }
    std::string context = describe_graph(graph);
    for (auto mask : reported) {
      CAPTURE(mask);
      if (!failing[mask]) MESSAGE(context);
      REQUIRE(failing[mask]);  // sound
      for (std::uint32_t subset = (mask - 1) & mask; subset != mask; subset = (subset - 1) & mask) {
        if (failing[subset]) MESSAGE(context);
        REQUIRE_FALSE(failing[subset]);  // minimal: no proper subset fails
        if (subset == 0) break;
      }
    }
    for (std::uint32_t mask = 0; mask < masks; ++mask) {
      if (!failing[mask] ||
          (max_order != 0 && static_cast<std::uint32_t>(std::popcount(mask)) > max_order))
        continue;
      const bool covered = std::any_of(reported.begin(), reported.end(),
                                       [&](std::uint32_t set) { return (set & mask) == set; });
      CAPTURE(mask);
      if (!covered) MESSAGE(context);
      REQUIRE(covered);  // complete
    }
    if (!cut_sets.empty()) ++with_sets;
    if (failing[0]) ++always_fails;
    if (failing[0]) CHECK((cut_sets.size() == 1 && cut_sets[0].empty()));
  }
  CHECK(with_sets > kSeeds / 3);
  CHECK(always_fails > 0);
}

TEST_CASE(
    "supply rule: exact probability and Birnbaum importance equal enumeration by the reference") {
  for (std::uint32_t seed = 1; seed <= 2 * kSeeds; ++seed) {
    CAPTURE(seed);
    const auto graph = random_meshed_graph(seed + 30'000, 10);
    std::mt19937 rng(seed);
    const auto target = static_cast<AssetIndex>(rng() % graph.asset_count());
    const Hours horizon = random_horizon(rng);
    CAPTURE(target);
    CAPTURE(horizon);
    std::vector<double> p(graph.asset_count());
    for (auto& value : p) value = 0.05 * static_cast<double>(rng() % 20);
    const auto result = knelpunt::engine::failure_probability(
        graph, target, p, knelpunt::engine::ProbabilityOptions{horizon});
    REQUIRE(result.method == knelpunt::engine::ProbabilityMethod::exact);

    std::vector<AssetIndex> assets;  // every non-virtual asset, the target included
    for (AssetIndex a = 0; a < graph.asset_count(); ++a)
      if (!graph.is_virtual(a)) assets.push_back(a);
    const std::uint32_t masks = 1u << assets.size();
    const NaiveCycleMates mates(graph);
    std::vector<bool> failing(masks);
    for (std::uint32_t mask = 0; mask < masks; ++mask)
      failing[mask] = reference_fails(graph, mates, assets, mask, target, horizon);
    // P(target fails), with asset `fixed` (an index into assets, or none)
    // failed or up for sure.
    auto enumerate = [&](std::size_t fixed, bool fixed_failed) {
      double total = 0;
      for (std::uint32_t mask = 0; mask < masks; ++mask) {
        double weight = 1;
        for (std::size_t i = 0; i < assets.size(); ++i) {
          const bool failed = mask >> i & 1u;
          if (i == fixed)
            weight *= failed == fixed_failed ? 1 : 0;
          else
            weight *= failed ? p[assets[i]] : 1 - p[assets[i]];
        }
        if (failing[mask]) total += weight;
      }
      return total;
    };
    const double expected = enumerate(assets.size(), false);
    if (result.value != doctest::Approx(expected).epsilon(1e-9)) MESSAGE(describe_graph(graph));
    REQUIRE(result.value == doctest::Approx(expected).epsilon(1e-9));
    // Birnbaum importance: P(fails | x failed) − P(fails | x up).
    for (const auto& row : result.importance) {
      CAPTURE(row.asset);
      const auto i = static_cast<std::size_t>(std::find(assets.begin(), assets.end(), row.asset) -
                                              assets.begin());
      REQUIRE(i < assets.size());
      CHECK(row.birnbaum ==
            doctest::Approx(enumerate(i, true) - enumerate(i, false)).epsilon(1e-9));
    }
  }
}

TEST_CASE("supply rule: ungrounded kinds and pass-on buffers give the old counting rule") {
  std::uint32_t rule_free_graphs = 0;
  for (std::uint32_t seed = 1; seed <= 3 * kSeeds; ++seed) {
    CAPTURE(seed);
    const auto meshed = random_meshed_graph(seed + 40'000, 12);
    const auto graph = knelpunt::testing::without_supply_rule(meshed);
    std::mt19937 rng(seed);
    for (int trial = 0; trial < 3; ++trial) {
      const auto seeds = random_seeds(graph, rng);
      const Hours horizon = trial == 0 ? kNever : random_horizon(rng);
      const auto initial = initial_times(graph, seeds);
      const auto counting = knelpunt::testing::counting_rule_failure_times(graph, initial, horizon);
      const auto engine = knelpunt::engine::propagate(graph, seeds, horizon).failure_time;
      if (engine != counting) MESSAGE(describe_case(graph, seeds, horizon, engine, counting));
      REQUIRE(engine == counting);
      REQUIRE(reference_failure_times(graph, initial, horizon) == counting);
      // docs/model.md: without same-kind cycles and own buffers, nothing changes.
      if (!has_supply_rule(meshed)) {
        ++rule_free_graphs;
        REQUIRE(knelpunt::engine::propagate(meshed, seeds, horizon).failure_time == counting);
      }
    }
  }
  CHECK(rule_free_graphs > 0);
}

TEST_CASE(
    "supply rule: restoration without recovery fails what the reference fails, when it does") {
  for (std::uint32_t seed = 1; seed <= 3 * kSeeds; ++seed) {
    CAPTURE(seed);
    const auto graph = random_meshed_graph(seed + 50'000, 12);
    std::mt19937 rng(seed);
    const auto seeds = random_seeds(graph, rng);
    const Hours horizon = random_horizon(rng);
    const std::vector<std::optional<Hours>> no_recovery(graph.asset_count());
    const auto restoration =
        knelpunt::engine::simulate_restoration(graph, no_recovery, seeds, horizon);
    std::vector<Hours> engine(graph.asset_count());
    for (AssetIndex a = 0; a < graph.asset_count(); ++a) {
      engine[a] = restoration.first_failure(a);
      CHECK(restoration.down[a].size() <= 1);  // nothing comes back
    }
    const auto reference = reference_failure_times(graph, initial_times(graph, seeds), horizon);
    if (engine != reference) MESSAGE(describe_case(graph, seeds, horizon, engine, reference));
    REQUIRE(engine == reference);
  }
}

TEST_CASE("supply rule: restoration with recovery equals the naive time-stepped reference") {
  static constexpr Hours kSeedTimes[] = {0, 0, 0.5, 1, 3, 6.5};
  static constexpr Hours kRecoveries[] = {0.5, 1, 1.5, 2, 4, 8};
  static constexpr Hours kFiniteHorizons[] = {0, 1, 4, 10, 24};
  std::uint32_t with_returns = 0, with_refailure = 0;
  for (std::uint32_t seed = 1; seed <= 2 * kSeeds; ++seed) {
    CAPTURE(seed);
    const auto graph = random_meshed_graph(seed + 60'000, 12);
    std::mt19937 rng(seed);
    const double recovery_share = 0.25 * static_cast<double>(rng() % 5);
    std::vector<std::optional<Hours>> recovery(graph.asset_count()), restart;
    for (AssetIndex a = 0; a < graph.asset_count(); ++a)
      if (!graph.is_virtual(a) && std::bernoulli_distribution(recovery_share)(rng))
        recovery[a] = kRecoveries[rng() % std::size(kRecoveries)];
    if (rng() % 3 == 0) {
      restart.resize(graph.asset_count());
      for (AssetIndex a = 0; a < graph.asset_count(); ++a)
        if (!graph.is_virtual(a) && rng() % 2 == 0)
          restart[a] = 0.5 * static_cast<double>(rng() % 4);
    }
    std::vector<Seed> seeds;
    std::vector<std::pair<AssetIndex, Hours>> seed_pairs;
    for (std::uint32_t i = 0, count = rng() % 4; i < count; ++i) {
      seeds.push_back({static_cast<AssetIndex>(rng() % graph.asset_count()),
                       kSeedTimes[rng() % std::size(kSeedTimes)]});
      seed_pairs.push_back({seeds.back().asset, seeds.back().at});
    }
    const Hours horizon = kFiniteHorizons[rng() % std::size(kFiniteHorizons)];
    CAPTURE(horizon);
    const auto result =
        knelpunt::engine::simulate_restoration(graph, recovery, restart, seeds, horizon);
    std::vector<std::vector<knelpunt::testing::ReferenceInterval>> engine(graph.asset_count());
    for (AssetIndex a = 0; a < graph.asset_count(); ++a)
      for (const auto& interval : result.down[a])
        engine[a].push_back({interval.start, interval.end});
    const auto reference = knelpunt::testing::reference_restoration_intervals(
        graph, recovery, restart, seed_pairs, horizon);
    if (engine != reference) {
      std::string text = describe_graph(graph) + "seeds:";
      for (const auto& s : seeds) text += " " + std::string(graph.id(s.asset)) + "@" + std::to_string(s.at);
      text += "\nrecovery/restart:";
      for (AssetIndex a = 0; a < graph.asset_count(); ++a)
        text += " " + std::string(graph.id(a)) + "=" + (recovery[a] ? std::to_string(*recovery[a]) : "-") + "/" +
                (!restart.empty() && restart[a] ? std::to_string(*restart[a]) : "-");
      auto list = [&](const auto& intervals) {
        std::string out;
        for (AssetIndex a = 0; a < graph.asset_count(); ++a) {
          out += " " + std::string(graph.id(a)) + ":";
          for (const auto& [start, end] : intervals[a])
            out += "[" + std::to_string(start) + "," +
                   (end == kNever ? "inf" : std::to_string(end)) + ")";
        }
        return out;
      };
      MESSAGE((text + "\nengine   " + list(engine) + "\nreference" + list(reference)));
    }
    REQUIRE(engine == reference);
    bool returns = false, again = false;
    for (const auto& intervals : reference) {
      for (const auto& interval : intervals) returns = returns || interval.second != kNever;
      again = again || intervals.size() > 1;
    }
    with_returns += returns ? 1 : 0;
    with_refailure += again ? 1 : 0;
  }
  CHECK(with_returns > kSeeds / 5);
  CHECK(with_refailure > kSeeds / 50);
}
