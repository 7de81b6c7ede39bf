#include "engine/cascade.hpp"

#include <algorithm>
#include <functional>
#include <utility>

namespace knelpunt::engine {

CascadeRunner::CascadeRunner(const model::DependencyGraph& graph)
    : CascadeRunner(graph, std::make_unique<SupplyCycles>(graph), nullptr) {}

CascadeRunner::CascadeRunner(const model::DependencyGraph& graph, const SupplyCycles& cycles)
    : CascadeRunner(graph, nullptr, &cycles) {}

CascadeRunner::CascadeRunner(const model::DependencyGraph& graph, std::unique_ptr<SupplyCycles> owned,
                             const SupplyCycles* cycles)
    : owned_cycles_(std::move(owned)),
      graph_(graph),
      cycles_(cycles ? *cycles : *owned_cycles_),
      lost_(graph.group_count(), false),
      stopped_mask_(cycles_.has_own_buffers() ? graph.asset_count() : 0, 0),
      cycle_dirty_(cycles_.cycles().size(), false),
      time_(graph.asset_count(), kNever),
      settled_(graph.asset_count(), false),
      losses_(graph.group_count(), 0),
      cause_group_(graph.asset_count(), kNoIndex),
      cause_supplier_(graph.asset_count(), kNoIndex) {}

void CascadeRunner::reset() {
  for (AssetIndex a : touched_assets_) {
    time_[a] = kNever;
    settled_[a] = false;
    cause_group_[a] = kNoIndex;
    cause_supplier_[a] = kNoIndex;
  }
  for (GroupIndex g : touched_groups_) {
    losses_[g] = 0;
    lost_[g] = false;
  }
  touched_assets_.clear();
  touched_groups_.clear();
  order_.clear();
  heap_.clear();
  for (AssetIndex a : stopped_assets_) stopped_mask_[a] = 0;
  stopped_assets_.clear();
  stopped_high_.clear();
  pending_stops_.clear();
}

void CascadeRunner::offer(AssetIndex asset, Hours at, GroupIndex group, AssetIndex supplier) {
  if (settled_[asset] || !(at < time_[asset]) || at > horizon_) return;
  if (time_[asset] == kNever) touched_assets_.push_back(asset);
  time_[asset] = at;
  cause_group_[asset] = group;
  cause_supplier_[asset] = supplier;
  heap_.emplace_back(at, asset);
  std::push_heap(heap_.begin(), heap_.end(), std::greater<std::pair<Hours, AssetIndex>>());
}

bool CascadeRunner::stopped(AssetIndex asset, std::uint32_t kind) const {
  if (kind == kNoIndex || stopped_assets_.empty()) return false;
  if (kind < 64) return (stopped_mask_[asset] >> kind) & 1u;
  return stopped_high_.contains(stop_key(asset, kind));
}

bool CascadeRunner::delivers(AssetIndex asset, std::uint32_t kind) const {
  return !settled_[asset] && !stopped(asset, kind);
}

void CascadeRunner::group_lost(GroupIndex g, AssetIndex supplier, Hours at) {
  const auto& group = graph_.group(g);
  if (!lost_[g] && losses_[g] == 0) touched_groups_.push_back(g);
  lost_[g] = true;
  if (settled_[group.asset]) return;  // failed already: it delivers nothing
  offer(group.asset, at + group.time_to_impact, g, supplier);
  if (stops_delivery_when_lost(group)) pending_stops_.emplace_back(group.asset, group.kind);
}

void CascadeRunner::supplier_lost(GroupIndex g, AssetIndex supplier, Hours at) {
  if (lost_[g]) return;
  if (const auto cycle = cycles_.cycle_of_group(g); cycle != kNoIndex) {
    if (!cycle_dirty_[cycle]) {
      cycle_dirty_[cycle] = true;
      dirty_cycles_.push_back(cycle);
    }
    return;
  }
  // Suppliers stop delivering in increasing time, so the group that counts
  // its (n − k + 1)-th loss now is lost exactly at `at`.
  if (losses_[g] == 0) touched_groups_.push_back(g);
  if (++losses_[g] == graph_.group(g).losses_to_fail()) group_lost(g, supplier, at);
}

void CascadeRunner::settle_stops(Hours at) {
  while (!pending_stops_.empty()) {
    const auto [asset, kind] = pending_stops_.back();
    pending_stops_.pop_back();
    if (!delivers(asset, kind)) continue;
    stopped_assets_.push_back(asset);
    if (kind < 64) stopped_mask_[asset] |= std::uint64_t{1} << kind;
    else stopped_high_.insert(stop_key(asset, kind));
    for (GroupIndex g : graph_.groups_supplied_by(asset))
      if (graph_.group(g).kind == kind) supplier_lost(g, asset, at);
  }
}

void CascadeRunner::check_cycle(std::uint32_t c, Hours at) {
  const auto& cycle = cycles_.cycles()[c];
  const auto& members = cycle.members;
  const auto& groups = cycle.groups;
  grounded_.assign(members.size(), false);
  counting_.assign(groups.size(), 0);
  unsatisfied_.assign(members.size(), 0);
  auto position_of_group = [&](GroupIndex g) {
    return static_cast<std::size_t>(std::lower_bound(groups.begin(), groups.end(), g) - groups.begin());
  };
  // Suppliers off the cycle count while they deliver the kind.
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto g = groups[i];
    const auto suppliers = graph_.suppliers(g);
    for (std::uint32_t slot = 0; slot < suppliers.size(); ++slot)
      if (!cycles_.is_mate(g, slot) && delivers(suppliers[slot], cycle.kind)) ++counting_[i];
    if (counting_[i] < graph_.group(g).need) ++unsatisfied_[cycles_.member_position(c, graph_.group(g).asset)];
  }
  // The least fixed point: a member is grounded once it is up and all its
  // groups of the kind are satisfied; then it counts for the groups it supplies.
  work_.clear();
  for (std::uint32_t m = 0; m < members.size(); ++m)
    if (unsatisfied_[m] == 0 && delivers(members[m], cycle.kind)) {
      grounded_[m] = true;
      work_.push_back(m);
    }
  for (std::size_t w = 0; w < work_.size(); ++w) {
    const auto member = members[work_[w]];
    for (GroupIndex g : graph_.groups_supplied_by(member)) {
      if (cycles_.cycle_of_group(g) != c) continue;
      const auto i = position_of_group(g);
      const auto suppliers = graph_.suppliers(g);
      for (std::uint32_t slot = 0; slot < suppliers.size(); ++slot) {
        if (suppliers[slot] != member || !cycles_.is_mate(g, slot)) continue;
        if (++counting_[i] != graph_.group(g).need) continue;
        const auto m = cycles_.member_position(c, graph_.group(g).asset);
        if (--unsatisfied_[m] == 0 && delivers(members[m], cycle.kind)) {
          grounded_[m] = true;
          work_.push_back(m);
        }
      }
    }
  }
  // Every group that fewer than `need` suppliers count for is lost now. Its
  // cause is the first supplier that stopped delivering, else the first
  // cycle mate that is not grounded.
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const auto g = groups[i];
    if (lost_[g] || counting_[i] >= graph_.group(g).need) continue;
    const auto delivering = [this](AssetIndex asset, std::uint32_t kind) { return delivers(asset, kind); };
    group_lost(g, cycles_.cause_of_loss(g, c, delivering, grounded_), at);
  }
}

bool CascadeRunner::next_time(Hours& at) {
  const auto later = std::greater<std::pair<Hours, AssetIndex>>();
  while (!heap_.empty()) {
    const auto [time, asset] = heap_.front();
    if (!settled_[asset] && time == time_[asset]) {
      at = time;
      return true;
    }
    std::pop_heap(heap_.begin(), heap_.end(), later);  // stale entry
    heap_.pop_back();
  }
  return false;
}

void CascadeRunner::run(std::span<const Seed> seeds, Hours horizon) {
  reset();
  horizon_ = horizon;
  for (const auto& seed : seeds) offer(seed.asset, seed.at, kNoIndex, kNoIndex);
  // A ring with no source at all is lost at 0, whatever fails.
  for (auto c : cycles_.unsupplied_cycles()) {
    cycle_dirty_[c] = true;
    dirty_cycles_.push_back(c);
  }
  // Min-heap on (time, asset): equal times settle by ascending index. The
  // cycles that an instant touched are checked once everything else at
  // that instant has settled; a loss they find at that instant settles next.
  const auto later = std::greater<std::pair<Hours, AssetIndex>>();
  Hours now = 0;
  while (true) {
    Hours next = kNever;
    const bool has_next = next_time(next);
    if (has_next && (dirty_cycles_.empty() || next <= now)) {
      std::pop_heap(heap_.begin(), heap_.end(), later);
      const auto [at, asset] = heap_.back();
      heap_.pop_back();
      now = at;
      settled_[asset] = true;
      order_.push_back(asset);
      for (GroupIndex g : graph_.groups_supplied_by(asset))
        if (!stopped(asset, graph_.group(g).kind)) supplier_lost(g, asset, at);
      settle_stops(at);
      continue;
    }
    if (dirty_cycles_.empty()) break;
    std::sort(dirty_cycles_.begin(), dirty_cycles_.end());
    const auto cycles = std::move(dirty_cycles_);
    dirty_cycles_.clear();
    for (auto c : cycles) cycle_dirty_[c] = false;
    for (auto c : cycles) {
      check_cycle(c, now);
      settle_stops(now);
    }
  }
}

Cascade propagate(const model::DependencyGraph& graph, std::span<const Seed> seeds, Hours horizon) {
  CascadeRunner runner(graph);
  runner.run(seeds, horizon);
  Cascade result;
  const std::size_t n = graph.asset_count();
  result.failure_time.assign(n, kNever);
  result.cause_group.assign(n, kNoIndex);
  result.cause_supplier.assign(n, kNoIndex);
  for (AssetIndex a : runner.failed()) {
    result.failure_time[a] = runner.failure_time(a);
    result.cause_group[a] = runner.cause_group(a);
    result.cause_supplier[a] = runner.cause_supplier(a);
  }
  result.order.assign(runner.failed().begin(), runner.failed().end());
  return result;
}

}  // namespace knelpunt::engine
