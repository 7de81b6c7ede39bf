#include "engine/supply_cycles.hpp"

#include <algorithm>
#include <utility>

#include "engine/strong_components.hpp"

namespace knelpunt::engine {

using model::AssetIndex;
using model::GroupIndex;
using model::kNoIndex;

SupplyCycles::SupplyCycles(const model::DependencyGraph& graph) : graph_(graph) {
  std::size_t slots = 0;  // one past the last supplier slot of any group
  std::vector<std::uint32_t> grounded_kinds;
  for (GroupIndex g = 0; g < graph.group_count(); ++g) {
    const auto& group = graph.group(g);
    slots = std::max(slots, std::size_t{group.first} + group.supplier_count);
    if (stops_delivery_when_lost(group)) has_own_buffers_ = true;
    if (group.grounded) grounded_kinds.push_back(group.kind);
  }
  std::sort(grounded_kinds.begin(), grounded_kinds.end());
  grounded_kinds.erase(std::unique(grounded_kinds.begin(), grounded_kinds.end()),
                       grounded_kinds.end());
  // Asset → its node number in the current kind's graph (kNoIndex between
  // kinds): a lookup per edge, where a binary search per edge was 7 % of
  // validating a national model.
  std::vector<std::uint32_t> node_index(graph.asset_count(), kNoIndex);
  // Per asset, whether the current kind's graph has an edge into it (kFed)
  // and out of it (kFeeds); 0 between kinds.
  constexpr std::uint8_t kFed = 1, kFeeds = 2;
  std::vector<std::uint8_t> ends(grounded_kinds.empty() ? 0 : graph.asset_count(), 0);
  for (const auto kind : grounded_kinds) {
    // The kind's groups, ascending, walked where a list of them would be as
    // large as the graph's groups.
    const auto for_each_group = [&](auto&& visit) {
      for (GroupIndex g = 0; g < graph.group_count(); ++g)
        if (graph.group(g).grounded && graph.group(g).kind == kind) visit(g);
    };
    // Only an asset with an edge in and an edge out can be on a cycle. The
    // rest — the kind's sources, and its consumers, most of a national
    // model — are left out: that changes no cycle, and keeps the graph to
    // the assets that pass the kind on.
    for_each_group([&](GroupIndex g) {
      ends[graph.group(g).asset] |= kFed;
      for (auto s : graph.suppliers(g)) ends[s] |= kFeeds;
    });
    std::vector<AssetIndex> nodes;  // numbered in asset order
    for (AssetIndex a = 0; a < graph.asset_count(); ++a) {
      if (ends[a] == (kFed | kFeeds)) {
        node_index[a] = static_cast<std::uint32_t>(nodes.size());
        nodes.push_back(a);
      }
      ends[a] = 0;
    }
    const auto node_of = [&](AssetIndex a) { return node_index[a]; };
    const auto kept = [&](AssetIndex a) { return node_index[a] != kNoIndex; };
    // Successors in compressed rows, filled in the order of the groups: a
    // national model's supply graph has a million nodes, and a vector per
    // node cost more than the graph.
    std::vector<std::uint32_t> offsets(nodes.size() + 1, 0);
    for_each_group([&](GroupIndex g) {
      if (!kept(graph.group(g).asset)) return;
      for (auto s : graph.suppliers(g))
        if (kept(s)) ++offsets[node_of(s) + 1];
    });
    for (std::size_t i = 1; i < offsets.size(); ++i) offsets[i] += offsets[i - 1];
    std::vector<std::uint32_t> targets(offsets.back());
    {
      std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
      for_each_group([&](GroupIndex g) {
        if (!kept(graph.group(g).asset)) return;
        const auto target = node_of(graph.group(g).asset);
        for (auto s : graph.suppliers(g))
          if (kept(s)) targets[next[node_of(s)]++] = target;
      });
    }
    const auto [component, count] = strong_components(offsets, targets);
    std::vector<std::uint32_t> size(count, 0);
    for (auto c : component) ++size[c];
    // Cycles numbered by kind, then by their lowest member: deterministic.
    std::vector<std::uint32_t> cycle_of_component(count, kNoIndex);
    for (std::uint32_t i = 0; i < nodes.size(); ++i) {
      const auto c = component[i];
      if (size[c] < 2) continue;
      if (cycle_of_component[c] == kNoIndex) {
        cycle_of_component[c] = static_cast<std::uint32_t>(cycles_.size());
        cycles_.push_back(SupplyCycle{kind, {}, {}});
      }
      cycles_[cycle_of_component[c]].members.push_back(nodes[i]);
    }
    for_each_group([&](GroupIndex g) {
      if (!kept(graph.group(g).asset)) return;
      const auto c = component[node_of(graph.group(g).asset)];
      if (size[c] < 2) return;
      if (cycle_of_group_.empty()) {
        cycle_of_group_.assign(graph.group_count(), kNoIndex);
        mate_slot_.assign(slots, false);
      }
      cycle_of_group_[g] = cycle_of_component[c];
      cycles_[cycle_of_component[c]].groups.push_back(g);
      const auto suppliers = graph.suppliers(g);
      for (std::uint32_t slot = 0; slot < suppliers.size(); ++slot)
        mate_slot_[graph.group(g).first + slot] =
            kept(suppliers[slot]) && component[node_of(suppliers[slot])] == c;
    });
    for (auto a : nodes) node_index[a] = kNoIndex;
  }
  // Which cycles are grounded with everything up: the least fixed point,
  // suppliers off the cycle all counting.
  for (std::uint32_t c = 0; c < cycles_.size(); ++c) {
    const auto& cycle = cycles_[c];
    std::vector<std::uint32_t> counting(cycle.groups.size(), 0), unsatisfied(cycle.members.size(), 0);
    for (std::size_t i = 0; i < cycle.groups.size(); ++i) {
      const auto g = cycle.groups[i];
      for (std::uint32_t slot = 0; slot < graph.group(g).supplier_count; ++slot)
        if (!is_mate(g, slot)) ++counting[i];
      if (counting[i] < graph.group(g).need) ++unsatisfied[member_position(c, graph.group(g).asset)];
    }
    std::vector<std::uint32_t> work;
    for (std::uint32_t m = 0; m < cycle.members.size(); ++m)
      if (unsatisfied[m] == 0) work.push_back(m);
    for (std::size_t w = 0; w < work.size(); ++w) {
      const auto member = cycle.members[work[w]];
      for (GroupIndex g : graph.groups_supplied_by(member)) {
        if (cycle_of_group(g) != c) continue;
        const auto i = static_cast<std::size_t>(std::lower_bound(cycle.groups.begin(), cycle.groups.end(), g) -
                                                cycle.groups.begin());
        const auto suppliers = graph.suppliers(g);
        for (std::uint32_t slot = 0; slot < suppliers.size(); ++slot) {
          if (suppliers[slot] != member || !is_mate(g, slot)) continue;
          if (++counting[i] != graph.group(g).need) continue;
          const auto m = member_position(c, graph.group(g).asset);
          if (--unsatisfied[m] == 0) work.push_back(m);
        }
      }
    }
    if (work.size() < cycle.members.size()) unsupplied_.push_back(c);
  }
}

std::uint32_t SupplyCycles::member_position(std::uint32_t cycle, AssetIndex asset) const {
  const auto& members = cycles_[cycle].members;
  const auto it = std::lower_bound(members.begin(), members.end(), asset);
  return it != members.end() && *it == asset ? static_cast<std::uint32_t>(it - members.begin()) : kNoIndex;
}

bool SupplyCycles::has_own_group(AssetIndex asset, std::uint32_t kind) const {
  for (auto h : graph_.groups_of(asset)) {
    const auto& group = graph_.group(h);
    if (group.kind == kind && stops_delivery_when_lost(group)) return true;
  }
  return false;
}

}  // namespace knelpunt::engine
