#include "engine/restoration.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <stdexcept>
#include <tuple>

#include "engine/supply_cycles.hpp"

namespace knelpunt::engine {

bool Restoration::down_at(AssetIndex asset, Hours at) const {
  for (const auto& interval : down[asset])
    if (interval.start <= at && at < interval.end) return true;
  return false;
}

Hours Restoration::first_failure(AssetIndex asset) const {
  return down[asset].empty() ? kNever : down[asset].front().start;
}

Hours Restoration::downtime(AssetIndex asset, Hours horizon) const {
  Hours total = 0;
  for (const auto& interval : down[asset]) {
    if (interval.start > horizon) break;
    const Hours end = std::min(interval.end, horizon);
    if (end == kNever) return kNever;
    total += end - interval.start;
  }
  return total;
}

namespace {

/// One optional time of every asset, in model (= graph) order.
std::vector<std::optional<Hours>> per_asset(const model::Model& model,
                                            std::optional<Hours> model::Asset::*time) {
  std::vector<std::optional<Hours>> times;
  times.reserve(model.assets.size());
  for (const auto& asset : model.assets) times.push_back(asset.*time);
  return times;
}

}  // namespace

std::vector<std::optional<Hours>> recovery_times(const model::Model& model) {
  return per_asset(model, &model::Asset::recovery);
}

std::vector<std::optional<Hours>> restart_times(const model::Model& model) {
  return per_asset(model, &model::Asset::restart);
}

bool has_recovery(const model::Model& model) {
  return std::any_of(model.assets.begin(), model.assets.end(), [](const model::Asset& a) { return a.recovery.has_value(); });
}

namespace {

/// The simulation state; one instance per run.
class Simulation {
 public:
  Simulation(const model::DependencyGraph& graph, std::span<const std::optional<Hours>> recovery,
             std::span<const std::optional<Hours>> restart, Hours horizon)
      : graph_(graph),
        recovery_(recovery),
        restart_(restart),
        horizon_(horizon),
        up_(graph.asset_count(), true),
        seeded_now_(graph.asset_count(), false),
        ready_(graph.asset_count(), kNever),
        unsatisfied_(graph.asset_count(), 0),
        up_count_(graph.group_count(), 0),
        lost_(graph.group_count(), false),
        lost_since_(graph.group_count(), kNever),
        cycles_(graph),
        cycle_dirty_(cycles_.cycles().size(), false) {
    std::size_t slots = 0;
    for (GroupIndex g = 0; g < graph.group_count(); ++g) {
      up_count_[g] = graph.group(g).supplier_count;
      slots = std::max<std::size_t>(slots, graph.group(g).first + graph.group(g).supplier_count);
    }
    counted_.assign(slots, true);
    result_.down.resize(graph.asset_count());
  }

  Restoration run(std::vector<Seed> seeds) {
    std::sort(seeds.begin(), seeds.end(),
              [](const Seed& a, const Seed& b) { return std::tie(a.at, a.asset) < std::tie(b.at, b.asset); });
    std::size_t next_seed = 0;
    std::vector<AssetIndex> instant_seeds;
    std::vector<AssetIndex> ready_candidates;
    std::vector<GroupIndex> expiries;
    // A ring with no source at all is lost at 0, whatever fails.
    for (auto c : cycles_.unsupplied_cycles()) {
      cycle_dirty_[c] = true;
      dirty_cycles_.push_back(c);
    }
    while (true) {
      Hours t = next_seed < seeds.size() ? seeds[next_seed].at : kNever;
      if (!heap_.empty()) t = std::min(t, std::get<0>(heap_.front()));
      if (!dirty_cycles_.empty()) t = std::min(t, Hours{0});
      if (t == kNever || t > horizon_) break;

      instant_seeds.clear();
      for (; next_seed < seeds.size() && seeds[next_seed].at == t; ++next_seed) {
        const AssetIndex a = seeds[next_seed].asset;
        if (!seeded_now_[a]) {
          seeded_now_[a] = true;
          instant_seeds.push_back(a);
        }
      }
      // Events at t pop in (kind, index) order: ready assets by index, then
      // expiring groups by index.
      ready_candidates.clear();
      expiries.clear();
      while (!heap_.empty() && std::get<0>(heap_.front()) == t) {
        std::pop_heap(heap_.begin(), heap_.end(), later_);
        const auto [at, kind, index] = heap_.back();
        heap_.pop_back();
        (kind == kReadyEvent ? ready_candidates : expiries).push_back(index);
      }

      settle_returns(t, ready_candidates);
      settle_failures(t, instant_seeds, expiries);
      for (AssetIndex a : instant_seeds) seeded_now_[a] = false;
    }
    return std::move(result_);
  }

 private:
  static constexpr std::uint32_t kReadyEvent = 0;
  static constexpr std::uint32_t kExpiryEvent = 1;
  using Event = std::tuple<Hours, std::uint32_t, std::uint32_t>;  // time, kind, asset or group

  void schedule(Hours at, std::uint32_t kind, std::uint32_t index) {
    if (at > horizon_) return;
    heap_.emplace_back(at, kind, index);
    std::push_heap(heap_.begin(), heap_.end(), later_);
  }

  bool may_return(AssetIndex a, Hours t) const {
    return !up_[a] && unsatisfied_[a] == 0 && ready_[a] <= t && !seeded_now_[a];
  }

  /// Phase 1: the least set of down assets that can return at t, each with
  /// all its groups satisfied by the assets up before t and the returners
  /// (on a same-kind cycle: by suppliers that are grounded, docs/model.md).
  void settle_returns(Hours t, const std::vector<AssetIndex>& ready_candidates) {
    work_.clear();
    for (AssetIndex a : ready_candidates)
      if (ready_[a] == t && may_return(a, t)) work_.push_back(a);
    std::size_t i = 0;
    while (true) {
      for (; i < work_.size(); ++i) {
        const AssetIndex a = work_[i];
        if (up_[a] || !may_return(a, t)) continue;
        up_[a] = true;
        result_.down[a].back().end = t;
        result_.events.push_back({t, a, RestorationEvent::Kind::back, kNoIndex, kNoIndex});
        refresh_supplier(a, t);
        drain_refreshes(t);
      }
      if (!check_dirty_cycles(t, false)) break;
    }
    // The failure phase checks the same cycles again, for losses (a ring
    // with no source at all at t = 0).
    dirty_cycles_ = std::move(returns_checked_);
    returns_checked_.clear();
    for (auto c : dirty_cycles_) cycle_dirty_[c] = true;
  }

  /// Suppliers count for a group while they deliver its kind: up, and no
  /// own buffer of that kind lost (docs/model.md, Supply from sources).
  bool delivers(AssetIndex a, std::uint32_t kind) const {
    if (!up_[a]) return false;
    if (kind == kNoIndex || !cycles_.has_own_buffers()) return true;
    for (GroupIndex h : graph_.groups_of(a)) {
      const auto& group = graph_.group(h);
      if (group.kind == kind && stops_delivery_when_lost(group) && lost_[h]) return false;
    }
    return true;
  }

  /// Brings the counts of the groups `a` supplies in line with what it
  /// delivers now; idempotent. Groups on a same-kind cycle are left to the
  /// cycle's check.
  void refresh_supplier(AssetIndex a, Hours t) {
    for (GroupIndex g : graph_.groups_supplied_by(a)) {
      const auto& group = graph_.group(g);
      if (const auto c = cycles_.cycle_of_group(g); c != kNoIndex) {
        if (!cycle_dirty_[c]) {
          cycle_dirty_[c] = true;
          dirty_cycles_.push_back(c);
        }
        continue;
      }
      const bool delivering = delivers(a, group.kind);
      const auto suppliers = graph_.suppliers(g);
      for (std::uint32_t slot = 0; slot < suppliers.size(); ++slot) {
        if (suppliers[slot] != a || counted_[group.first + slot] == delivering) continue;
        counted_[group.first + slot] = delivering;
        if (delivering) {
          if (++up_count_[g] == group.need) satisfy_group(g, t);
        } else if (up_count_[g]-- == group.need) {
          lose_group(g, a, t);
        }
      }
    }
  }

  void drain_refreshes(Hours t) {
    while (!refresh_.empty()) {
      const AssetIndex a = refresh_.back();
      refresh_.pop_back();
      refresh_supplier(a, t);
    }
  }

  /// Group g is satisfied again: the buffer refills at once.
  void satisfy_group(GroupIndex g, Hours t) {
    const auto& group = graph_.group(g);
    lost_[g] = false;
    lost_since_[g] = kNever;
    if (stops_delivery_when_lost(group)) refresh_.push_back(group.asset);
    if (--unsatisfied_[group.asset] == 0 && may_return(group.asset, t)) work_.push_back(group.asset);
  }

  /// Group g is lost from t, `cause` the supplier that made it so.
  void lose_group(GroupIndex g, AssetIndex cause, Hours t) {
    const auto& group = graph_.group(g);
    lost_[g] = true;
    lost_since_[g] = t;
    lost_by_[g] = cause;
    ++unsatisfied_[group.asset];
    if (stops_delivery_when_lost(group)) refresh_.push_back(group.asset);
    if (!up_[group.asset]) return;  // it cannot come back while g is lost
    if (group.time_to_impact == 0) pending_.push_back({group.asset, g, cause});
    else schedule(t + group.time_to_impact, kExpiryEvent, g);
  }

  /// The grounding check of every cycle touched since the last one: a group
  /// of a cycle is lost while fewer than `need` of its suppliers count
  /// (mates while grounded, others while they deliver), satisfied otherwise.
  /// True when some cycle was checked.
  /// `losses`: false in the returns phase, where only satisfied groups
  /// change (the cycles checked are kept for the failure phase).
  bool check_dirty_cycles(Hours t, bool losses = true) {
    if (dirty_cycles_.empty()) return false;
    std::sort(dirty_cycles_.begin(), dirty_cycles_.end());
    const auto dirty = std::move(dirty_cycles_);
    dirty_cycles_.clear();
    for (auto c : dirty) cycle_dirty_[c] = false;
    for (auto c : dirty) {
      check_cycle(c, t, losses);
      if (!losses && std::find(returns_checked_.begin(), returns_checked_.end(), c) == returns_checked_.end())
        returns_checked_.push_back(c);
    }
    drain_refreshes(t);
    return true;
  }

  void check_cycle(std::uint32_t c, Hours t, bool losses) {
    const auto& cycle = cycles_.cycles()[c];
    const auto& members = cycle.members;
    std::vector<bool> grounded(members.size(), false);
    // The least fixed point, by rounds: small cycles, rare checks.
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t m = 0; m < members.size(); ++m) {
        if (grounded[m] || !delivers(members[m], cycle.kind)) continue;
        bool all = true;
        for (GroupIndex g : graph_.groups_of(members[m]))
          if (cycles_.cycle_of_group(g) == c && counting(g, c, grounded) < graph_.group(g).need) all = false;
        if (all) grounded[m] = changed = true;
      }
    }
    for (GroupIndex g : cycle.groups) {
      const bool enough = counting(g, c, grounded) >= graph_.group(g).need;
      if (enough && lost_[g]) {
        satisfy_group(g, t);
      } else if (!enough && !lost_[g] && losses) {
        const auto delivering = [this](AssetIndex a, std::uint32_t kind) { return delivers(a, kind); };
        lose_group(g, cycles_.cause_of_loss(g, c, delivering, grounded), t);
      }
    }
  }

  std::uint32_t counting(GroupIndex g, std::uint32_t c, const std::vector<bool>& grounded) const {
    const auto suppliers = graph_.suppliers(g);
    std::uint32_t count = 0;
    for (std::uint32_t slot = 0; slot < suppliers.size(); ++slot) {
      const auto s = suppliers[slot];
      if (cycles_.is_mate(g, slot) ? grounded[cycles_.member_position(c, s)]
                                   : delivers(s, cycles_.cycles()[c].kind))
        ++count;
    }
    return count;
  }

  /// Phase 2: seeds, expired buffers and the zero-buffer failures they cause.
  void settle_failures(Hours t, const std::vector<AssetIndex>& instant_seeds, const std::vector<GroupIndex>& expiries) {
    pending_.clear();
    for (AssetIndex a : instant_seeds) {
      if (up_[a]) {
        fail(a, t, kNoIndex, kNoIndex);
      } else {  // damaged again while down
        const Hours again = t + recovery_after_seed(a);
        if (again > ready_[a]) {
          ready_[a] = again;
          schedule(again, kReadyEvent, a);
        }
      }
    }
    for (GroupIndex g : expiries) {
      const auto& group = graph_.group(g);
      if (lost_[g] && lost_since_[g] + group.time_to_impact == t && up_[group.asset])
        fail(group.asset, t, g, lost_by_supplier(g));
    }
    drain_refreshes(t);
    std::size_t i = 0;
    while (true) {
      for (; i < pending_.size(); ++i) {
        const auto [asset, g, supplier] = pending_[i];
        if (up_[asset] && lost_[g]) fail(asset, t, g, supplier);
        drain_refreshes(t);
      }
      if (!check_dirty_cycles(t) && i == pending_.size()) break;
    }
  }

  Hours recovery_after_seed(AssetIndex a) const { return recovery_[a] ? *recovery_[a] : kNever; }
  /// After a loss of supply: the restart where one is given, else the recovery, else none.
  Hours restart_after_loss(AssetIndex a) const {
    if (!restart_.empty() && restart_[a]) return *restart_[a];
    return recovery_[a].value_or(0);
  }

  AssetIndex lost_by_supplier(GroupIndex g) const { return lost_by_[g]; }

  void fail(AssetIndex a, Hours t, GroupIndex cause_group, AssetIndex cause_supplier) {
    up_[a] = false;
    const Hours recovery = seeded_now_[a] ? recovery_after_seed(a) : restart_after_loss(a);
    ready_[a] = t + recovery;
    if (ready_[a] > t) schedule(ready_[a], kReadyEvent, a);
    auto& intervals = result_.down[a];
    if (!intervals.empty() && intervals.back().end == t) {
      // Back and failed again at one instant: it stays down (one interval),
      // and its recovery starts again now. Drop the return from the log.
      intervals.back().end = kNever;
      for (auto it = result_.events.rbegin(); it != result_.events.rend(); ++it) {
        if (it->asset == a && it->kind == RestorationEvent::Kind::back && it->at == t) {
          result_.events.erase(std::next(it).base());
          break;
        }
      }
    } else {
      intervals.push_back({t, kNever, cause_group, cause_supplier});
      result_.events.push_back({t, a, RestorationEvent::Kind::fails, cause_group, cause_supplier});
    }
    // The groups it supplied count one supplier fewer: lost where fewer
    // than `need` are left.
    refresh_supplier(a, t);
  }

  const model::DependencyGraph& graph_;
  std::span<const std::optional<Hours>> recovery_;
  std::span<const std::optional<Hours>> restart_;  // empty: recovery_ serves
  Hours horizon_;
  std::vector<bool> up_;
  std::vector<bool> seeded_now_;
  std::vector<Hours> ready_;                // earliest return of a down asset
  std::vector<std::uint32_t> unsatisfied_;  // lost groups per asset
  std::vector<std::uint32_t> up_count_;     // suppliers up per group
  std::vector<bool> lost_;
  std::vector<Hours> lost_since_;
  std::vector<AssetIndex> lost_by_ = std::vector<AssetIndex>(graph_.group_count(), kNoIndex);
  SupplyCycles cycles_;
  std::vector<bool> cycle_dirty_;
  std::vector<std::uint32_t> dirty_cycles_;
  std::vector<bool> counted_;  // per supplier slot: counted in up_count_ (it delivers)
  std::vector<AssetIndex> refresh_;
  std::vector<std::uint32_t> returns_checked_;
  std::vector<Event> heap_;
  std::greater<Event> later_;
  std::vector<AssetIndex> work_;
  std::vector<std::tuple<AssetIndex, GroupIndex, AssetIndex>> pending_;
  Restoration result_;
};

}  // namespace

Restoration simulate_restoration(const model::DependencyGraph& graph, std::span<const std::optional<Hours>> recovery,
                                 std::span<const Seed> seeds, Hours horizon) {
  return simulate_restoration(graph, recovery, {}, seeds, horizon);
}

Restoration simulate_restoration(const model::DependencyGraph& graph,
                                 std::span<const std::optional<Hours>> recovery,
                                 std::span<const std::optional<Hours>> restart,
                                 std::span<const Seed> seeds, Hours horizon) {
  if (!restart.empty() && restart.size() != graph.asset_count())
    throw std::invalid_argument(
        "simulate_restoration: no restart entries or one per asset expected");
  for (const auto& r : restart)
    if (r && (!(*r >= 0) || !std::isfinite(*r)))
      throw std::invalid_argument(
          "simulate_restoration: a restart must be zero or positive and finite");
  if (recovery.size() != graph.asset_count())
    throw std::invalid_argument("simulate_restoration: one recovery entry per asset expected");
  bool any = false;
  for (const auto& r : recovery) {
    if (!r) continue;
    if (!(*r > 0) || !std::isfinite(*r))
      throw std::invalid_argument("simulate_restoration: a recovery must be positive and finite");
    any = true;
  }
  if (any && horizon == kNever)
    throw std::invalid_argument("simulate_restoration: a finite horizon is needed when assets recover");
  for (const auto& seed : seeds)
    if (seed.asset >= graph.asset_count()) throw std::invalid_argument("simulate_restoration: seed out of range");
  Simulation simulation(graph, recovery, restart, horizon);
  return simulation.run(std::vector<Seed>(seeds.begin(), seeds.end()));
}

}  // namespace knelpunt::engine
