/// Properties of the restoration engine (docs/restoration.md):
/// - on hundreds of random models its down intervals equal those of a
///   deliberately naive time-stepped reference written here (all times on a
///   0.5 h grid, so stepping by 0.5 h is exact under the documented tie rules);
/// - with no recovery anywhere nothing comes back and the failure times are
///   engine::propagate's;
/// - when only assets without dependencies have a recovery (so no asset needs
///   a restart after a loss of supply), a redundant supplier never makes any
///   asset be down at a moment it was up before; the general claim is false,
///   and a counterexample shows why;
/// - a separate `restart` after a loss of supply (random on a third of the
///   cases) matches the reference too, and does change outcomes.

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <stdexcept>
#include <vector>

#include "engine/cascade.hpp"
#include "engine/restoration.hpp"
#include "property/random_dependency_graph.hpp"

namespace {

using knelpunt::engine::DownInterval;
using knelpunt::engine::Restoration;
using knelpunt::engine::RestorationEvent;
using knelpunt::engine::Seed;
using knelpunt::engine::simulate_restoration;
using knelpunt::model::AssetIndex;
using knelpunt::model::DependencyGraph;
using knelpunt::model::GraphGroup;
using knelpunt::model::GroupIndex;
using knelpunt::model::Hours;
using knelpunt::model::kNever;
using Recovery = std::vector<std::optional<Hours>>;
using Intervals = std::vector<std::vector<std::pair<Hours, Hours>>>;

constexpr Hours kStep = 0.5;

/// The naive reference: steps through 0, 0.5, 1, … ≤ horizon and at every
/// step applies the rules of docs/restoration.md literally, by rescanning
/// every asset and group until nothing changes (phase 1: returns; phase 2:
/// seeds, then failures of up assets with a group lost for its buffer).
/// `black_start`: a deliberately wrong phase 1 that lets down assets which
/// need each other start together (the greatest instead of the least fixed
/// point), to show that the comparison catches a wrong tie rule.
/// `restart`: empty, or per asset the restart after a loss of supply that
/// replaces its recovery where given.
Intervals reference_intervals(const DependencyGraph& graph, const Recovery& recovery,
                              const std::vector<Seed>& seeds, Hours horizon,
                              bool black_start = false, const Recovery& restart = {}) {
  const std::size_t n = graph.asset_count();
  std::vector<bool> up(n, true);
  std::vector<Hours> ready(n, kNever);
  std::vector<Hours> lost_since(graph.group_count(), kNever);
  Intervals down(n);
  auto satisfied = [&](GroupIndex g) {
    std::uint32_t count = 0;
    for (auto s : graph.suppliers(g)) count += up[s] ? 1 : 0;
    return count >= graph.group(g).need;
  };
  auto all_satisfied = [&](AssetIndex a) {
    for (auto g : graph.groups_of(a))
      if (!satisfied(g)) return false;
    return true;
  };
  for (int step = 0; step * kStep <= horizon; ++step) {
    const Hours t = step * kStep;
    std::vector<bool> seeded(n, false);
    for (const auto& seed : seeds)
      if (seed.at == t) seeded[seed.asset] = true;
    const auto seed_recovery = [&](AssetIndex a) { return recovery[a] ? *recovery[a] : kNever; };
    const auto loss_restart = [&](AssetIndex a) {
      return !restart.empty() && restart[a] ? *restart[a] : recovery[a].value_or(0);
    };
    if (black_start) {  // the mutation: all candidates up, then drop the unsupplied ones
      std::vector<bool> was_up = up;
      for (AssetIndex a = 0; a < n; ++a)
        if (!up[a] && !seeded[a] && ready[a] <= t) up[a] = true;
      for (bool changed = true; changed;) {
        changed = false;
        for (AssetIndex a = 0; a < n; ++a)
          if (up[a] && !was_up[a] && !all_satisfied(a)) {
            up[a] = false;
            changed = true;
          }
      }
      for (AssetIndex a = 0; a < n; ++a)
        if (up[a] && !was_up[a]) down[a].back().second = t;
    }
    // Phase 1: returns, to a fixed point (starting from nothing returning).
    for (bool changed = true; changed;) {
      changed = false;
      for (AssetIndex a = 0; a < n; ++a) {
        if (up[a] || seeded[a] || ready[a] > t || !all_satisfied(a)) continue;
        up[a] = true;
        down[a].back().second = t;
        changed = true;
      }
    }
    for (GroupIndex g = 0; g < graph.group_count(); ++g)
      if (satisfied(g)) lost_since[g] = kNever;
    // Phase 2: failures, to a fixed point.
    auto fail = [&](AssetIndex a) {
      up[a] = false;
      ready[a] = t + (seeded[a] ? seed_recovery(a) : loss_restart(a));
      if (!down[a].empty() && down[a].back().second == t) down[a].back().second = kNever;
      else down[a].push_back({t, kNever});
    };
    for (AssetIndex a = 0; a < n; ++a) {
      if (!seeded[a]) continue;
      if (up[a]) fail(a);
      else ready[a] = std::max(ready[a], t + seed_recovery(a));
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (GroupIndex g = 0; g < graph.group_count(); ++g)
        if (lost_since[g] == kNever && !satisfied(g)) lost_since[g] = t;
      for (AssetIndex a = 0; a < n; ++a) {
        if (!up[a]) continue;
        for (auto g : graph.groups_of(a)) {
          if (lost_since[g] != kNever && lost_since[g] + graph.group(g).time_to_impact <= t) {
            fail(a);
            changed = true;
            break;
          }
        }
      }
    }
  }
  return down;
}

Intervals intervals_of(const Restoration& restoration) {
  Intervals out(restoration.down.size());
  for (std::size_t a = 0; a < out.size(); ++a)
    for (const auto& interval : restoration.down[a]) out[a].push_back({interval.start, interval.end});
  return out;
}

struct Case {
  std::vector<Seed> seeds;
  Recovery recovery;
  Recovery restart;  ///< empty, or per asset (sources_only: always empty)
  Hours horizon = 0;
};

/// Seeds, recoveries and a finite horizon on the 0.5 h grid. `sources_only`:
/// only assets without dependency groups get a recovery.
Case random_case(const DependencyGraph& graph, std::uint32_t seed, bool sources_only = false) {
  std::mt19937 rng(seed ^ 0x85ebca6bu);
  static constexpr Hours kSeedTimes[] = {0, 0, 0.5, 1, 3, 6.5, 10, 20};
  static constexpr Hours kRecoveries[] = {0.5, 1, 1.5, 2, 4, 8, 12};
  static constexpr Hours kHorizons[] = {0, 1, 4, 10, 24, 48, 72};
  static constexpr double kRecoveryShares[] = {0.0, 0.3, 0.7, 1.0};
  Case c;
  const auto count = std::uniform_int_distribution<std::size_t>(1, 4)(rng);
  std::uniform_int_distribution<AssetIndex> asset(0, static_cast<AssetIndex>(graph.asset_count() - 1));
  for (std::size_t i = 0; i < count; ++i) c.seeds.push_back({asset(rng), kSeedTimes[rng() % 8]});
  const double share = kRecoveryShares[rng() % 4];
  std::bernoulli_distribution has_recovery(share);
  for (AssetIndex a = 0; a < graph.asset_count(); ++a) {
    const bool eligible = !graph.is_virtual(a) && (!sources_only || graph.groups_of(a).empty());
    c.recovery.push_back(eligible && has_recovery(rng) ? std::optional<Hours>(kRecoveries[rng() % 7]) : std::nullopt);
  }
  c.horizon = kHorizons[rng() % 7];
  if (!sources_only) {
    // A separate stream, so the cases above stay those of earlier versions.
    std::mt19937 restart_rng(seed ^ 0x27d4eb2fu);
    static constexpr Hours kRestarts[] = {0, 0, 0.5, 1, 2, 4};
    static constexpr double kRestartShares[] = {0.0, 0.0, 0.3, 0.7};
    std::bernoulli_distribution has_restart(kRestartShares[restart_rng() % 4]);
    if (has_restart.p() > 0)
      for (AssetIndex a = 0; a < graph.asset_count(); ++a)
        c.restart.push_back(!graph.is_virtual(a) && has_restart(restart_rng)
                                ? std::optional<Hours>(kRestarts[restart_rng() % 6])
                                : std::nullopt);
  }
  return c;
}

/// The graph with `extra` added as one more supplier of group `target` (need unchanged).
DependencyGraph with_extra_supplier(const DependencyGraph& graph, GroupIndex target, AssetIndex extra) {
  std::vector<std::string> ids;
  std::vector<bool> is_virtual;
  for (AssetIndex a = 0; a < graph.asset_count(); ++a) {
    ids.emplace_back(graph.id(a));
    is_virtual.push_back(graph.is_virtual(a));
  }
  std::vector<GraphGroup> groups;
  std::vector<AssetIndex> suppliers;
  for (GroupIndex g = 0; g < graph.group_count(); ++g) {
    GraphGroup group = graph.group(g);
    group.first = static_cast<std::uint32_t>(suppliers.size());
    for (auto s : graph.suppliers(g)) suppliers.push_back(s);
    if (g == target) {
      suppliers.push_back(extra);
      ++group.supplier_count;
    }
    groups.push_back(group);
  }
  return DependencyGraph(std::move(ids), std::move(is_virtual), std::move(groups), std::move(suppliers));
}

/// Structural checks of one result: intervals ordered, disjoint and not
/// touching; the event log lists exactly their starts and finite ends, in
/// nondecreasing time with returns before failures at one instant; causes
/// name a group of the asset and one of its suppliers.
void check_shape(const DependencyGraph& graph, const Restoration& r) {
  std::size_t starts = 0, ends = 0;
  for (AssetIndex a = 0; a < graph.asset_count(); ++a) {
    const auto& intervals = r.down[a];
    for (std::size_t i = 0; i < intervals.size(); ++i) {
      REQUIRE(intervals[i].start < intervals[i].end);
      if (i > 0) REQUIRE(intervals[i - 1].end < intervals[i].start);
      ++starts;
      if (intervals[i].end != kNever) ++ends;
      if (intervals[i].cause_group != knelpunt::model::kNoIndex) {
        REQUIRE(graph.group(intervals[i].cause_group).asset == a);
        const auto from = graph.suppliers(intervals[i].cause_group);
        REQUIRE(std::find(from.begin(), from.end(), intervals[i].cause_supplier) != from.end());
      }
    }
  }
  std::size_t fails = 0, backs = 0;
  for (std::size_t i = 0; i < r.events.size(); ++i) {
    const auto& e = r.events[i];
    (e.kind == RestorationEvent::Kind::fails ? fails : backs) += 1;
    if (i == 0) continue;
    const auto& previous = r.events[i - 1];
    REQUIRE(previous.at <= e.at);
    if (previous.at == e.at) REQUIRE(!(previous.kind == RestorationEvent::Kind::fails && e.kind == RestorationEvent::Kind::back));
  }
  REQUIRE(fails == starts);
  REQUIRE(backs == ends);
}

}  // namespace

TEST_CASE("restoration equals a naive time-stepped simulation on random models") {
  std::size_t compared = 0, with_returns = 0, with_refailure = 0, restart_matters = 0;
  for (std::uint32_t seed = 1; seed <= 500; ++seed) {
    const auto graph = knelpunt::testing::random_dependency_graph(seed, 30);
    for (std::uint32_t variant = 0; variant < 3; ++variant) {
      const auto c = random_case(graph, seed * 11 + variant);
      INFO("graph seed ", seed, " variant ", variant);
      const auto result = simulate_restoration(graph, c.recovery, c.restart, c.seeds, c.horizon);
      REQUIRE(intervals_of(result) ==
              reference_intervals(graph, c.recovery, c.seeds, c.horizon, false, c.restart));
      check_shape(graph, result);
      REQUIRE(result.events ==
              simulate_restoration(graph, c.recovery, c.restart, c.seeds, c.horizon)
                  .events);  // deterministic
      // An engine that ignored `restart` would differ from the reference here.
      if (!c.restart.empty() && intervals_of(result) != intervals_of(simulate_restoration(
                                                            graph, c.recovery, c.seeds, c.horizon)))
        ++restart_matters;
      ++compared;
      bool returns = false, again = false;
      for (const auto& intervals : result.down) {
        for (const auto& i : intervals) returns = returns || i.end != kNever;
        again = again || intervals.size() > 1;
      }
      with_returns += returns ? 1 : 0;
      with_refailure += again ? 1 : 0;
    }
  }
  CHECK(compared == 1500);
  CHECK(with_returns > 300);   // assets do come back
  CHECK(with_refailure > 20);  // and some fail again
  CHECK(restart_matters > 20);  // and separate restart times change outcomes
}

TEST_CASE("restart: a repair after damage and a quicker restart after a loss of supply") {
  // v (recovery 10h, restart 0) needs x (recovery 2h). x fails at 0: v is
  // back with x at 2h, not at 10h. v itself damaged at 20h: back at 30h.
  DependencyGraph graph({"v", "x"}, {false, false}, {GraphGroup{0, 1, 1, 0, 0, 0}}, {1});
  const Recovery recovery{10.0, 2.0};
  const Recovery restart{0.0, std::nullopt};
  const std::vector<Seed> seeds{{1, 0}, {0, 20}};
  const auto r = simulate_restoration(graph, recovery, restart, seeds, 48);
  CHECK(r.down[0] ==
        std::vector<DownInterval>{{0, 2, 0, 1},
                                  {20, 30, knelpunt::model::kNoIndex, knelpunt::model::kNoIndex}});
  CHECK(intervals_of(r) == reference_intervals(graph, recovery, seeds, 48, false, restart));
  // Without `restart` the 10h recovery also follows the loss of supply.
  CHECK(simulate_restoration(graph, recovery, seeds, 48).down[0].front() ==
        DownInterval{0, 10, 0, 1});
  const Recovery negative{-1.0, std::nullopt};
  CHECK_THROWS_AS(simulate_restoration(graph, recovery, negative, seeds, 48),
                  std::invalid_argument);
  const Recovery short_list{0.0};
  CHECK_THROWS_AS(simulate_restoration(graph, recovery, short_list, seeds, 48),
                  std::invalid_argument);
}

TEST_CASE("without recovery nothing comes back and the failure times are propagate's") {
  static constexpr Hours kHorizons[] = {kNever, kNever, 0, 1, 4, 10, 72};
  for (std::uint32_t seed = 1; seed <= 600; ++seed) {
    const auto graph = knelpunt::testing::random_dependency_graph(seed);
    auto c = random_case(graph, seed * 13);
    const Recovery none(graph.asset_count());
    c.horizon = kHorizons[seed % 7];
    INFO("graph seed ", seed);
    const auto result = simulate_restoration(graph, none, c.seeds, c.horizon);
    const auto cascade = knelpunt::engine::propagate(graph, c.seeds, c.horizon);
    for (AssetIndex a = 0; a < graph.asset_count(); ++a) {
      REQUIRE(result.down[a].size() <= 1);
      REQUIRE(result.first_failure(a) == cascade.failure_time[a]);
      if (!result.down[a].empty()) REQUIRE(result.down[a].front().end == kNever);
    }
  }
}

TEST_CASE("one initial failure without recovery: nothing comes back, whatever the others' recovery") {
  // Why `reach` recounts with repairs only the assets that have a recovery
  // (assessors/register_reach.hpp, decision 044): everything else fails
  // through the one initial failure, and comes back only once it does.
  std::size_t with_recovery_elsewhere = 0, cascades = 0;
  for (std::uint32_t seed = 1; seed <= 600; ++seed) {
    const auto graph = knelpunt::testing::random_dependency_graph(seed);
    auto c = random_case(graph, seed * 17);
    const Seed initial{c.seeds.front().asset, 0};
    const std::vector<Seed> seeds{initial};
    c.recovery[initial.asset].reset();
    if (!c.restart.empty()) c.restart[initial.asset].reset();
    INFO("graph seed ", seed);
    const auto result = c.restart.empty() ? simulate_restoration(graph, c.recovery, seeds, c.horizon)
                                          : simulate_restoration(graph, c.recovery, c.restart, seeds, c.horizon);
    const auto cascade = knelpunt::engine::propagate(graph, seeds, c.horizon);
    std::size_t failed = 0;
    for (AssetIndex a = 0; a < graph.asset_count(); ++a) {
      REQUIRE(result.down[a].size() <= 1);
      REQUIRE(result.first_failure(a) == cascade.failure_time[a]);
      if (!result.down[a].empty()) {
        REQUIRE(result.down[a].front().end == kNever);
        ++failed;
        with_recovery_elsewhere += a != initial.asset && c.recovery[a] ? 1 : 0;
      }
    }
    cascades += failed > 1 ? 1 : 0;
  }
  CHECK(cascades > 100);                 // the initial failure takes others down
  CHECK(with_recovery_elsewhere > 100);  // assets that could be repaired fail with it and stay down
}

TEST_CASE("a redundant supplier never adds downtime when only sources have a recovery") {
  std::size_t changed = 0;
  for (std::uint32_t seed = 1; seed <= 400; ++seed) {
    const auto graph = knelpunt::testing::random_dependency_graph(seed, 30);
    if (graph.group_count() == 0 || graph.asset_count() < 3) continue;
    const auto c = random_case(graph, seed * 17, true);
    std::mt19937 rng(seed);
    const GroupIndex target = static_cast<GroupIndex>(rng() % graph.group_count());
    const auto from = graph.suppliers(target);
    const AssetIndex owner = graph.group(target).asset;
    if (from.size() + 1 >= graph.asset_count()) continue;  // no asset left to add
    AssetIndex extra = static_cast<AssetIndex>(rng() % graph.asset_count());
    while (extra == owner || std::find(from.begin(), from.end(), extra) != from.end())
      extra = (extra + 1) % static_cast<AssetIndex>(graph.asset_count());
    const auto redundant = with_extra_supplier(graph, target, extra);
    INFO("graph seed ", seed);
    const auto before = simulate_restoration(graph, c.recovery, c.seeds, c.horizon);
    const auto after = simulate_restoration(redundant, c.recovery, c.seeds, c.horizon);
    bool differs = false;
    for (AssetIndex a = 0; a < graph.asset_count(); ++a) {
      for (Hours t = 0; t <= c.horizon; t += kStep) REQUIRE((!after.down_at(a, t) || before.down_at(a, t)));
      REQUIRE(after.downtime(a, c.horizon) <= before.downtime(a, c.horizon));
      REQUIRE(after.first_failure(a) >= before.first_failure(a));
      differs = differs || after.downtime(a, c.horizon) < before.downtime(a, c.horizon);
    }
    changed += differs ? 1 : 0;
  }
  CHECK(changed > 10);  // the extra supplier does make a difference on some models
}

TEST_CASE("with a restart time, a redundant supplier can add downtime (docs/restoration.md)") {
  // x feeds v (restart 10h); a second supplier y for v is down only at
  // [0, 1) and [11, 12). Alone on x (down [0, 12)), v is down [0, 12): 12h.
  // With y as well, v's supply is lost at [0, 1) and again at [11, 12): two
  // restarts, down [0, 10) and [11, 21): 20h, and down at 20h when it was up.
  DependencyGraph alone({"v", "x", "y"}, {false, false, false}, {GraphGroup{0, 1, 1, 0, 0, 0}}, {1});
  DependencyGraph both({"v", "x", "y"}, {false, false, false}, {GraphGroup{0, 1, 2, 0, 0, 0}}, {1, 2});
  const Recovery recovery{10.0, 12.0, 1.0};
  const std::vector<Seed> seeds{{1, 0}, {2, 0}, {2, 11}};
  const auto before = simulate_restoration(alone, recovery, seeds, 48);
  const auto after = simulate_restoration(both, recovery, seeds, 48);
  CHECK(before.down[0] == std::vector<DownInterval>{{0, 12, 0, 1}});
  CHECK(after.down[0] == std::vector<DownInterval>{{0, 10, 0, 2}, {11, 21, 0, 2}});
  CHECK(before.downtime(0, 48) == 12);
  CHECK(after.downtime(0, 48) == 20);
}

TEST_CASE("the reference and the engine agree on the documented tie rules") {
  // s feeds d with a 2h buffer; s is down [0, 2): back exactly when the buffer
  // runs out, so d stays up (returns settle before failures).
  DependencyGraph chain({"d", "s"}, {false, false}, {GraphGroup{0, 1, 1, 2, 0, 0}}, {1});
  const Recovery s_two{std::nullopt, 2.0};
  const std::vector<Seed> at_zero{{1, 0}};
  const auto r = simulate_restoration(chain, s_two, at_zero, 10);
  CHECK(r.down[0].empty());
  CHECK(intervals_of(r) == reference_intervals(chain, s_two, at_zero, 10));
  // Black start: a ⇄ b need each other; both down with nothing from outside.
  DependencyGraph ring({"a", "b"}, {false, false}, {GraphGroup{0, 1, 1, 0, 0, 0}, GraphGroup{1, 1, 1, 0, 0, 1}}, {1, 0});
  const Recovery one{1.0, 1.0};
  const auto deadlock = simulate_restoration(ring, one, at_zero, 10);
  CHECK(deadlock.down[0] == std::vector<DownInterval>{{0, kNever, 0, 1}});
  CHECK(deadlock.down[1] == std::vector<DownInterval>{{0, kNever, knelpunt::model::kNoIndex, knelpunt::model::kNoIndex}});
  CHECK(intervals_of(deadlock) == reference_intervals(ring, one, at_zero, 10));
  // A finite horizon is required once anything can come back.
  CHECK_THROWS_AS(simulate_restoration(ring, one, at_zero, kNever), std::invalid_argument);
}

TEST_CASE("an outage can circulate around a ring for ever (docs/restoration.md)") {
  // Ten assets, each needing its predecessor with a 1h buffer and a 1.5h restart.
  std::vector<std::string> ids;
  std::vector<GraphGroup> groups;
  std::vector<AssetIndex> suppliers;
  for (AssetIndex a = 0; a < 10; ++a) {
    ids.push_back("r" + std::to_string(a));
    groups.push_back(GraphGroup{a, 1, 1, 1, 0, a});
    suppliers.push_back((a + 9) % 10);
  }
  DependencyGraph ring(ids, std::vector<bool>(10, false), groups, suppliers);
  const Recovery restart(10, 1.5);
  const std::vector<Seed> once{{0, 0}};
  const auto r = simulate_restoration(ring, restart, once, 72);
  CHECK(r.down[0].size() == 8);  // at 0, 10, 20, …, 70
  CHECK(r.down[0][1] == DownInterval{10, 11.5, 0, 9});
  CHECK(intervals_of(r) == reference_intervals(ring, restart, once, 72));
}

TEST_CASE("the restoration property catches a wrong black-start rule") {
  std::size_t caught = 0;
  for (std::uint32_t seed = 1; seed <= 500; ++seed) {
    const auto graph = knelpunt::testing::random_dependency_graph(seed, 30);
    const auto c = random_case(graph, seed * 11);
    const auto result = simulate_restoration(graph, c.recovery, c.seeds, c.horizon);
    if (intervals_of(result) != reference_intervals(graph, c.recovery, c.seeds, c.horizon, true)) ++caught;
  }
  CHECK(caught > 5);
}
