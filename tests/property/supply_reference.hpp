#pragma once
/// A deliberately naive reference for failure propagation under the rule of
/// docs/model.md, "Supply from sources (meshed networks)" (decision 035),
/// written from the definitions and sharing no code with the engine (it
/// does not use engine/supply_cycles.hpp). Property tests hold every engine
/// path (cascade, reach, cut sets, probability, restoration) against it.
///
/// Clarity over speed: quadratic or worse, for graphs of a few dozen assets.
/// Also here: restoration with recovery under the rule (a time-stepped grid
/// simulation), random meshed graphs (same-kind rings and bus pairs, with and
/// without a source, own buffers, ungrounded kinds, cross-kind cycles) and
/// the old counting rule as a second, independent oracle.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/dependency_graph.hpp"

namespace knelpunt::testing {

/// Switches that break the reference on purpose, to show that the property
/// tests can fail (each must turn them red). All off: the documented rule.
struct ReferenceBreakage {
  bool ignore_own_buffers = false;  ///< an own buffer keeps delivering, like pass-on
  bool ignore_grounding = false;    ///< a cycle mate counts while it delivers (old counting)
};

/// The cycle mates of one graph: `mate(kind, a, b)` is true when a and b are
/// distinct and lie on one strongly connected component of the supply graph
/// of `kind`, that is when each reaches the other along edges s → v (s a
/// supplier of a grounded group of kind `kind` of v). Computed by plain
/// transitive closure (Floyd–Warshall on booleans), O(K · V³).
class NaiveCycleMates {
 public:
  /// Builds the mates of every kind of `graph`.
  explicit NaiveCycleMates(const model::DependencyGraph& graph)
      : asset_count_(graph.asset_count()), kind_count_(graph.kind_count()) {
    const std::size_t n = asset_count_;
    mates_.assign(kind_count_ * n * n, false);
    on_cycle_.assign(kind_count_ * n, false);
    for (std::uint32_t kind = 0; kind < kind_count_; ++kind) {
      std::vector<bool> reaches(n * n, false);  // reaches[s * n + v]: a path s → … → v
      for (model::GroupIndex g = 0; g < graph.group_count(); ++g) {
        const auto& group = graph.group(g);
        if (group.kind != kind || !group.grounded) continue;
        for (auto s : graph.suppliers(g)) reaches[s * n + group.asset] = true;
      }
      for (std::size_t via = 0; via < n; ++via)
        for (std::size_t from = 0; from < n; ++from)
          for (std::size_t to = 0; to < n; ++to)
            if (reaches[from * n + via] && reaches[via * n + to]) reaches[from * n + to] = true;
      for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = 0; b < n; ++b)
          if (a != b && reaches[a * n + b] && reaches[b * n + a])
            mates_[(kind * n + a) * n + b] = on_cycle_[kind * n + a] = true;
    }
  }

  /// True when `a` and `b` are distinct cycle mates in `kind`.
  bool mate(std::uint32_t kind, model::AssetIndex a, model::AssetIndex b) const {
    if (kind >= kind_count_) return false;
    return mates_[(kind * asset_count_ + a) * asset_count_ + b];
  }
  /// True when `a` has a cycle mate in `kind`.
  bool on_cycle(std::uint32_t kind, model::AssetIndex a) const {
    if (kind >= kind_count_) return false;
    return on_cycle_[kind * asset_count_ + a];
  }

 private:
  std::size_t asset_count_;
  std::size_t kind_count_;
  std::vector<bool> mates_;     // [kind][a][b]
  std::vector<bool> on_cycle_;  // [kind][a]
};

/// "Grounded in X" for every kind X, by the definition: a least fixed point
/// from nobody. An up asset on an X-cycle is added once each of its X-groups
/// has `need` counting suppliers: a cycle mate (in a grounded group) counts
/// when it is grounded already, any other supplier when `delivers(u, X)`.
template <class Delivers>
std::vector<std::vector<bool>> naive_grounding(const model::DependencyGraph& graph,
                                               const NaiveCycleMates& mates,
                                               const std::vector<bool>& up, Delivers delivers) {
  const std::size_t n = graph.asset_count();
  std::vector<std::vector<bool>> grounded(graph.kind_count(), std::vector<bool>(n, false));
  for (std::uint32_t kind = 0; kind < graph.kind_count(); ++kind) {
    for (bool added = true; added;) {
      added = false;
      for (model::AssetIndex s = 0; s < n; ++s) {
        if (grounded[kind][s] || !up[s] || !mates.on_cycle(kind, s)) continue;
        bool every_group_supplied = true;
        for (auto g : graph.groups_of(s)) {
          const auto& group = graph.group(g);
          if (group.kind != kind) continue;
          std::uint32_t counting = 0;
          for (auto u : graph.suppliers(g))
            if (group.grounded && mates.mate(kind, s, u) ? grounded[kind][u] : delivers(u, kind))
              ++counting;
          if (counting < group.need) every_group_supplied = false;
        }
        if (every_group_supplied) grounded[kind][s] = added = true;
      }
    }
  }
  return grounded;
}

/// How many of group g's suppliers count, by the definition: for a group
/// without a kind, those that are up; towards a cycle mate in a grounded
/// kind, those grounded in it (unless `ignore_grounding`, a deliberate break);
/// otherwise those that deliver the group's kind.
template <class Delivers>
std::uint32_t naive_counting(const model::DependencyGraph& graph, const NaiveCycleMates& mates,
                             model::GroupIndex g, const std::vector<bool>& up,
                             const std::vector<std::vector<bool>>& grounded, Delivers delivers,
                             bool ignore_grounding = false) {
  const auto& group = graph.group(g);
  std::uint32_t counting = 0;
  for (auto u : graph.suppliers(g)) {
    bool counts = false;
    if (group.kind == model::kNoIndex)
      counts = up[u];
    else if (group.grounded && !ignore_grounding && mates.mate(group.kind, group.asset, u))
      counts = grounded[group.kind][u];
    else
      counts = delivers(u, group.kind);
    if (counts) ++counting;
  }
  return counting;
}

/// Failure times by the definitions of docs/model.md, Supply from sources.
///
/// Contract: `initial[a]` is the time asset a fails regardless of its
/// suppliers (model::kNever: never); `horizon` is inclusive (kNever: none).
/// Returns F(a) for every asset, kNever for an asset that does not fail at
/// or before the horizon. The time steps are the candidate event times
/// (every initial time, and t + time_to_impact for every group lost at t),
/// in increasing order. At each one the state is recomputed from scratch
/// as the largest consistent one: every asset not already down is taken to
/// be up and groups are lost (and zero-buffer assets fail) only while the
/// definitions force it, until nothing changes:
///  - a supplier of a group without a kind counts while it is up;
///  - a supplier u of a group g of kind X of asset v counts, when u is a
///    cycle mate of v in X (and X is grounded), while u is grounded in X,
///    and otherwise while u delivers X;
///  - u delivers X while it is up and none of its X-groups with an own
///    buffer (passes_on == false) has been lost (at this time or before);
///  - "grounded in X" is a least fixed point, from nobody: an up asset on an
///    X-cycle is added once each of its X-groups has `need` counting
///    suppliers, until no asset is added;
///  - a group is lost when fewer than `need` suppliers count; lost at L, it
///    fails its asset at L + time_to_impact.
/// Failures are permanent. `mates` must be NaiveCycleMates(graph) (built once
/// for many runs on one graph). `breakage` breaks the rule on purpose (tests only).
inline std::vector<model::Hours> reference_failure_times(const model::DependencyGraph& graph,
                                                         const NaiveCycleMates& mates,
                                                         const std::vector<model::Hours>& initial,
                                                         model::Hours horizon = model::kNever,
                                                         ReferenceBreakage breakage = {}) {
  using model::AssetIndex;
  using model::GroupIndex;
  using model::Hours;
  using model::kNever;
  const std::size_t n = graph.asset_count();
  const std::size_t group_count = graph.group_count();

  std::vector<Hours> failure(n, kNever);
  std::vector<Hours> lost_at(group_count, kNever);  // the first time each group was lost
  std::set<Hours> pending;                          // candidate event times not yet processed
  for (AssetIndex a = 0; a < n; ++a)
    if (initial[a] != kNever && initial[a] <= horizon) pending.insert(initial[a]);
  pending.insert(0);  // a ring with no source at all is lost at t = 0

  while (!pending.empty()) {
    const Hours t = *pending.begin();
    pending.erase(pending.begin());

    // Largest state at t: start with every asset up unless it must be down.
    std::vector<bool> up(n, true);
    std::vector<bool> lost(group_count, false);
    for (GroupIndex g = 0; g < group_count; ++g) lost[g] = lost_at[g] != kNever;  // lost before t
    auto forced_down = [&](AssetIndex a) {
      if (failure[a] != kNever || initial[a] <= t) return true;
      for (auto g : graph.groups_of(a)) {
        const Hours since = lost_at[g] != kNever ? lost_at[g] : (lost[g] ? t : kNever);
        if (since != kNever && since + graph.group(g).time_to_impact <= t) return true;
      }
      return false;
    };
    auto delivers = [&](AssetIndex a, std::uint32_t kind) {
      if (!up[a]) return false;
      if (breakage.ignore_own_buffers) return true;
      for (auto g : graph.groups_of(a)) {
        const auto& group = graph.group(g);
        if (group.kind == kind && !group.passes_on && lost[g]) return false;
      }
      return true;
    };
    bool changed = true;
    while (changed) {
      changed = false;
      for (AssetIndex a = 0; a < n; ++a)
        if (up[a] && forced_down(a)) up[a] = false, changed = true;

      // "Grounded in X", least fixed point, for every kind.
      const auto grounded = naive_grounding(graph, mates, up, delivers);

      for (GroupIndex g = 0; g < group_count; ++g) {
        if (lost[g]) continue;
        if (naive_counting(graph, mates, g, up, grounded, delivers, breakage.ignore_grounding) <
            graph.group(g).need)
          lost[g] = true, changed = true;
      }
    }

    for (GroupIndex g = 0; g < group_count; ++g) {
      if (!lost[g] || lost_at[g] != kNever) continue;
      lost_at[g] = t;
      const Hours fails_at = t + graph.group(g).time_to_impact;
      if (fails_at > t && fails_at <= horizon) pending.insert(fails_at);
    }
    for (AssetIndex a = 0; a < n; ++a)
      if (!up[a] && failure[a] == kNever) failure[a] = t;
  }
  for (auto& time : failure)
    if (time > horizon) time = kNever;
  return failure;
}

/// The same, with the cycle mates computed here.
inline std::vector<model::Hours> reference_failure_times(const model::DependencyGraph& graph,
                                                         const std::vector<model::Hours>& initial,
                                                         model::Hours horizon = model::kNever,
                                                         ReferenceBreakage breakage = {}) {
  return reference_failure_times(graph, NaiveCycleMates(graph), initial, horizon, breakage);
}

/// The same for the assets in `failed_at_zero` failing at t = 0.
inline std::vector<model::Hours> reference_failure_times(
    const model::DependencyGraph& graph, const NaiveCycleMates& mates,
    const std::vector<model::AssetIndex>& failed_at_zero, model::Hours horizon = model::kNever,
    ReferenceBreakage breakage = {}) {
  std::vector<model::Hours> initial(graph.asset_count(), model::kNever);
  for (auto a : failed_at_zero) initial[a] = 0;
  return reference_failure_times(graph, mates, initial, horizon, breakage);
}

/// The same, with the cycle mates computed here.
inline std::vector<model::Hours> reference_failure_times(
    const model::DependencyGraph& graph, const std::vector<model::AssetIndex>& failed_at_zero,
    model::Hours horizon = model::kNever, ReferenceBreakage breakage = {}) {
  return reference_failure_times(graph, NaiveCycleMates(graph), failed_at_zero, horizon, breakage);
}

/// The counting rule as it was before decision 035, as an independent
/// oracle: the largest solution of
///   F(v) = min(initial(v), min over groups g of v of L(g) + time_to_impact(g)),
/// L(g) the (n − k + 1)-th smallest failure time of g's n suppliers, found by
/// iterating that equation from "nothing fails but the seeds" until it no
/// longer changes (the values only decrease, on the grid of the sums of the
/// buffers). Kinds, grounding and buffer modes are ignored. Same contract
/// for `initial` and `horizon` as reference_failure_times.
inline std::vector<model::Hours> counting_rule_failure_times(
    const model::DependencyGraph& graph, const std::vector<model::Hours>& initial,
    model::Hours horizon = model::kNever) {
  using model::Hours;
  using model::kNever;
  std::vector<Hours> failure(graph.asset_count(), kNever);
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a)
    if (initial[a] <= horizon) failure[a] = initial[a];
  bool changed = true;
  while (changed) {
    changed = false;
    for (model::AssetIndex v = 0; v < graph.asset_count(); ++v) {
      for (auto g : graph.groups_of(v)) {
        const auto& group = graph.group(g);
        std::vector<Hours> supplier_times;
        for (auto s : graph.suppliers(g)) supplier_times.push_back(failure[s]);
        std::sort(supplier_times.begin(), supplier_times.end());
        const Hours lost = supplier_times[group.losses_to_fail() - 1];
        if (lost == kNever) continue;
        const Hours fails_at = lost + group.time_to_impact;
        if (fails_at <= horizon && fails_at < failure[v]) failure[v] = fails_at, changed = true;
      }
    }
  }
  return failure;
}

/// One down interval [start, end) of the restoration reference; end is
/// model::kNever while the asset is still down at the horizon.
using ReferenceInterval = std::pair<model::Hours, model::Hours>;

/// Restoration (docs/restoration.md) under the supply rule, stepped naively
/// on a grid: at every t = 0, step, 2·step, … ≤ horizon it applies the rules
/// literally by rescanning every asset and group until nothing changes.
///
/// Contract: every seed time, buffer, recovery and restart must lie on the
/// grid (multiples of `step`), and `horizon` must be finite. `recovery[a]`
/// and `restart[a]` as for engine::simulate_restoration (`restart` empty:
/// recovery serves for both). `seeds` holds (asset, time) pairs. Returns per
/// asset its down intervals in time order. At each t:
///  1. Returns, least fixed point: a down asset whose earliest return is ≤ t,
///     not seeded at t, comes back once every group of it is satisfied; a
///     lost group is satisfied again (its buffer refills, an own buffer's
///     asset delivers again) once enough suppliers count. Both repeat until
///     nothing changes, so a ring comes back from its source outwards.
///  2. Failures, largest state: seeds fail their assets; a group becomes
///     lost (lost since t) once fewer than `need` suppliers count; an up
///     asset fails once a group of it has been lost for its time_to_impact;
///     repeat until nothing changes.
/// A supplier counts as in reference_failure_times, with "an own X-group
/// lost" meaning lost now (not refilled): for a group without a kind while
/// it is up; towards a cycle mate in a grounded kind while it is grounded
/// (least fixed point over the up assets); otherwise while it delivers.
inline std::vector<std::vector<ReferenceInterval>> reference_restoration_intervals(
    const model::DependencyGraph& graph, const std::vector<std::optional<model::Hours>>& recovery,
    const std::vector<std::optional<model::Hours>>& restart,
    const std::vector<std::pair<model::AssetIndex, model::Hours>>& seeds, model::Hours horizon,
    model::Hours step = 0.5) {
  using model::AssetIndex;
  using model::GroupIndex;
  using model::Hours;
  using model::kNever;
  const std::size_t n = graph.asset_count();
  const NaiveCycleMates mates(graph);
  std::vector<bool> up(n, true);
  std::vector<Hours> earliest_return(n, kNever);
  std::vector<Hours> lost_since(graph.group_count(), kNever);
  std::vector<std::vector<ReferenceInterval>> down(n);

  auto delivers = [&](AssetIndex a, std::uint32_t kind) {
    if (!up[a]) return false;
    for (auto g : graph.groups_of(a)) {
      const auto& group = graph.group(g);
      if (group.kind == kind && !group.passes_on && lost_since[g] != kNever) return false;
    }
    return true;
  };
  // Grounded in each kind: least fixed point over the up assets on a cycle.
  auto grounding = [&]() { return naive_grounding(graph, mates, up, delivers); };
  auto satisfied = [&](GroupIndex g, const std::vector<std::vector<bool>>& grounded) {
    return naive_counting(graph, mates, g, up, grounded, delivers) >= graph.group(g).need;
  };

  for (int index = 0; index * step <= horizon; ++index) {
    const Hours t = index * step;
    std::vector<bool> seeded(n, false);
    for (const auto& [asset, at] : seeds)
      if (at == t) seeded[asset] = true;
    const auto seed_recovery = [&](AssetIndex a) { return recovery[a] ? *recovery[a] : kNever; };
    const auto loss_restart = [&](AssetIndex a) {
      return !restart.empty() && restart[a] ? *restart[a] : recovery[a].value_or(0);
    };

    // Phase 1: returns and refills, from nothing, until nothing changes.
    for (bool changed = true; changed;) {
      changed = false;
      const auto grounded = grounding();
      for (GroupIndex g = 0; g < graph.group_count(); ++g)
        if (lost_since[g] != kNever && satisfied(g, grounded))
          lost_since[g] = kNever, changed = true;
      for (AssetIndex a = 0; a < n; ++a) {
        if (up[a] || seeded[a] || earliest_return[a] > t) continue;
        bool all_satisfied = true;
        for (auto g : graph.groups_of(a)) all_satisfied = all_satisfied && satisfied(g, grounded);
        if (!all_satisfied) continue;
        up[a] = true;
        down[a].back().second = t;
        changed = true;
      }
    }

    // Phase 2: failures, until nothing changes.
    auto fail = [&](AssetIndex a) {
      up[a] = false;
      earliest_return[a] = t + (seeded[a] ? seed_recovery(a) : loss_restart(a));
      if (!down[a].empty() && down[a].back().second == t)
        down[a].back().second = kNever;
      else
        down[a].push_back({t, kNever});
    };
    for (AssetIndex a = 0; a < n; ++a) {
      if (!seeded[a]) continue;
      if (up[a])
        fail(a);
      else
        earliest_return[a] = std::max(earliest_return[a], t + seed_recovery(a));
    }
    for (bool changed = true; changed;) {
      changed = false;
      const auto grounded = grounding();
      for (GroupIndex g = 0; g < graph.group_count(); ++g)
        if (lost_since[g] == kNever && !satisfied(g, grounded)) lost_since[g] = t, changed = true;
      for (AssetIndex a = 0; a < n; ++a) {
        if (!up[a]) continue;
        for (auto g : graph.groups_of(a))
          if (lost_since[g] != kNever && lost_since[g] + graph.group(g).time_to_impact <= t) {
            fail(a);
            changed = true;
            break;
          }
      }
    }
  }
  return down;
}

/// Builds a meshed graph of 2…max_assets assets from `seed` (std::mt19937):
/// groups of 2–3 resource kinds and groups without a kind, deliberate
/// same-kind meshes (rings one way and both ways, pairs of buses feeding each
/// other, each with or without a source outside), k-of-n groups, buffers (0
/// included) with own buffers (passes_on false) now and then, kinds that are
/// not grounded (grounded false on every group of the kind), cross-kind
/// cycles and virtual assets. Kinds are numbered 0… below the kind count;
/// every kind has a group.
inline model::DependencyGraph random_meshed_graph(std::uint32_t seed,
                                                  std::uint32_t max_assets = 12) {
  std::mt19937 rng(seed);
  auto uniform = [&](std::uint32_t low, std::uint32_t high) {  // inclusive
    return std::uniform_int_distribution<std::uint32_t>(low, high)(rng);
  };
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  static constexpr model::Hours kBuffers[] = {0, 0, 0, 0, 0.5, 1, 2, 4};

  const std::uint32_t n = uniform(2, std::max<std::uint32_t>(2, max_assets));
  const std::uint32_t kind_count = uniform(2, 3);
  std::vector<bool> kind_grounded(kind_count);
  for (auto&& grounded : kind_grounded) grounded = !chance(0.2);
  const double own_share = chance(0.3) ? 0.0 : 0.5;  // of the groups with a buffer
  const double virtual_share = chance(0.5) ? 0.0 : 0.2;

  struct Spec {
    std::vector<model::AssetIndex> from;
    std::uint32_t kind = model::kNoIndex;
    std::uint32_t need = 1;
    model::Hours time_to_impact = 0;
    bool passes_on = true;
  };
  std::vector<std::vector<Spec>> specs(n);
  auto add = [&](model::AssetIndex asset, std::vector<model::AssetIndex> from, std::uint32_t kind) {
    from.erase(std::remove(from.begin(), from.end(), asset), from.end());
    std::sort(from.begin(), from.end());
    from.erase(std::unique(from.begin(), from.end()), from.end());
    if (from.empty()) return;
    std::shuffle(from.begin(), from.end(), rng);
    Spec spec;
    spec.need = chance(0.75) ? 1 : uniform(1, static_cast<std::uint32_t>(from.size()));
    spec.from = std::move(from);
    spec.kind = kind;
    spec.time_to_impact = kBuffers[uniform(0, 7)];
    spec.passes_on = !chance(spec.time_to_impact > 0 ? own_share : own_share / 5);
    specs[asset].push_back(std::move(spec));
  };
  auto random_kind = [&]() { return chance(0.15) ? model::kNoIndex : uniform(0, kind_count - 1); };
  auto other_than = [&](const std::vector<model::AssetIndex>& taken) -> model::AssetIndex {
    if (taken.size() >= n) return model::kNoIndex;
    for (;;) {
      const model::AssetIndex a = uniform(0, n - 1);
      if (std::find(taken.begin(), taken.end(), a) == taken.end()) return a;
    }
  };

  // Deliberate meshes: rings (one way or both ways) and bus pairs, with a
  // source outside the ring on some members' groups, or none at all.
  const std::uint32_t meshes = uniform(0, 3);
  for (std::uint32_t m = 0; m < meshes; ++m) {
    const std::uint32_t size = std::min<std::uint32_t>(n, uniform(2, 4));
    std::vector<model::AssetIndex> ring;
    while (ring.size() < size) ring.push_back(other_than(ring));
    const std::uint32_t kind = uniform(0, kind_count - 1);
    const bool both_ways = size == 2 || chance(0.5);
    const double source_share = chance(0.3) ? 0.0 : 0.6;
    const model::AssetIndex source = other_than(ring);
    for (std::uint32_t i = 0; i < size; ++i) {
      std::vector<model::AssetIndex> from{ring[(i + size - 1) % size]};
      if (both_ways) from.push_back(ring[(i + 1) % size]);
      if (source != model::kNoIndex && chance(source_share)) from.push_back(source);
      add(ring[i], from, kind);
    }
  }
  // Cross-kind cycles: a needs kind X of b, b needs kind Y of a.
  if (chance(0.3)) {
    const model::AssetIndex a = other_than({});
    const model::AssetIndex b = other_than({a});
    const std::uint32_t x = uniform(0, kind_count - 1);
    add(a, {b}, x);
    add(b, {a}, (x + 1) % kind_count);
  }
  // Random groups on top.
  for (model::AssetIndex a = 0; a < n; ++a) {
    const std::uint32_t extra = std::min(uniform(0, 2), uniform(0, 2));
    for (std::uint32_t e = 0; e < extra; ++e) {
      std::vector<model::AssetIndex> from;
      const std::uint32_t size = uniform(1, 3);
      for (std::uint32_t s = 0; s < size; ++s) from.push_back(uniform(0, n - 1));
      // Mostly the kind the first supplier receives itself: resources flow on.
      std::uint32_t kind = random_kind();
      const auto& received = specs[from.front()];
      if (!received.empty() && chance(0.6))
        kind = received[uniform(0, static_cast<std::uint32_t>(received.size()) - 1)].kind;
      add(a, from, kind);
    }
  }
  // Every kind used, so that kind_count() is the number drawn.
  for (std::uint32_t kind = 0; kind < kind_count; ++kind) {
    bool used = false;
    for (const auto& asset_specs : specs)
      for (const auto& spec : asset_specs) used = used || spec.kind == kind;
    if (!used) add(n - 1, {0}, kind);  // n ≥ 2, so 0 ≠ n - 1
  }

  std::vector<std::string> ids;
  std::vector<bool> is_virtual;
  std::vector<model::GraphGroup> groups;
  std::vector<model::AssetIndex> suppliers;
  for (model::AssetIndex a = 0; a < n; ++a) {
    ids.push_back("a" + std::to_string(a));
    is_virtual.push_back(chance(virtual_share));
    std::uint32_t position = 0;
    for (const auto& spec : specs[a]) {
      model::GraphGroup group;
      group.asset = a;
      group.need = spec.need;
      group.supplier_count = static_cast<std::uint32_t>(spec.from.size());
      group.time_to_impact = spec.time_to_impact;
      group.position = position++;
      group.first = static_cast<std::uint32_t>(suppliers.size());
      group.kind = spec.kind;
      group.grounded = spec.kind != model::kNoIndex && kind_grounded[spec.kind];
      group.passes_on = spec.passes_on;
      suppliers.insert(suppliers.end(), spec.from.begin(), spec.from.end());
      groups.push_back(group);
    }
  }
  return model::DependencyGraph(std::move(ids), std::move(is_virtual), std::move(groups),
                                std::move(suppliers));
}

/// `graph` with every kind not grounded and every buffer pass-on: the rule
/// of decision 035 then reduces to the old counting rule.
inline model::DependencyGraph without_supply_rule(const model::DependencyGraph& graph) {
  std::vector<std::string> ids;
  std::vector<bool> is_virtual;
  std::vector<model::GraphGroup> groups(graph.groups().begin(), graph.groups().end());
  std::vector<model::AssetIndex> suppliers;
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    ids.emplace_back(graph.id(a));
    is_virtual.push_back(graph.is_virtual(a));
  }
  for (model::GroupIndex g = 0; g < graph.group_count(); ++g) {
    groups[g].grounded = false;
    groups[g].passes_on = true;
    groups[g].first = static_cast<std::uint32_t>(suppliers.size());
    for (auto s : graph.suppliers(g)) suppliers.push_back(s);
  }
  return model::DependencyGraph(std::move(ids), std::move(is_virtual), std::move(groups),
                                std::move(suppliers));
}

/// A readable dump of `graph` for failure messages.
inline std::string describe_graph(const model::DependencyGraph& graph) {
  std::string out;
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    out += std::string(graph.id(a)) + (graph.is_virtual(a) ? " (virtual):" : ":");
    for (auto g : graph.groups_of(a)) {
      const auto& group = graph.group(g);
      out += " [";
      out += group.kind == model::kNoIndex ? std::string("no kind")
                                           : "kind " + std::to_string(group.kind);
      if (group.kind != model::kNoIndex && !group.grounded) out += " ungrounded";
      out += " need " + std::to_string(group.need) + " tti " + std::to_string(group.time_to_impact);
      if (!group.passes_on) out += " own";
      out += " of";
      for (auto s : graph.suppliers(g)) out += " " + std::string(graph.id(s));
      out += "]";
    }
    out += "\n";
  }
  return out;
}

}  // namespace knelpunt::testing
