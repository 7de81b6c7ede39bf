#include "engine/cascade.hpp"

#include <algorithm>
#include <functional>

namespace knelpunt::engine {

CascadeRunner::CascadeRunner(const model::DependencyGraph& graph)
    : graph_(graph),
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
  for (GroupIndex g : touched_groups_) losses_[g] = 0;
  touched_assets_.clear();
  touched_groups_.clear();
  order_.clear();
  heap_.clear();
}

void CascadeRunner::run(std::span<const Seed> seeds, Hours horizon) {
  reset();
  // Min-heap on (time, asset): equal times settle by ascending index.
  const auto later = std::greater<std::pair<Hours, AssetIndex>>();
  auto offer = [&](AssetIndex asset, Hours at, GroupIndex group, AssetIndex supplier) {
    if (settled_[asset] || !(at < time_[asset]) || at > horizon) return;
    if (time_[asset] == kNever) touched_assets_.push_back(asset);
    time_[asset] = at;
    cause_group_[asset] = group;
    cause_supplier_[asset] = supplier;
    heap_.emplace_back(at, asset);
    std::push_heap(heap_.begin(), heap_.end(), later);
  };
  for (const auto& seed : seeds) offer(seed.asset, seed.at, kNoIndex, kNoIndex);

  while (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), later);
    const auto [at, asset] = heap_.back();
    heap_.pop_back();
    if (settled_[asset] || at != time_[asset]) continue;  // stale entry
    settled_[asset] = true;
    order_.push_back(asset);
    // Suppliers settle in increasing time, so the group that counts its
    // (n − k + 1)-th loss now is lost exactly at `at`.
    for (GroupIndex g : graph_.groups_supplied_by(asset)) {
      if (losses_[g] == 0) touched_groups_.push_back(g);
      const auto& group = graph_.group(g);
      if (++losses_[g] == group.losses_to_fail())
        offer(group.asset, at + group.time_to_impact, g, asset);
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
