#include "engine/bdd_formula.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <utility>

#include "engine/strong_components.hpp"

namespace knelpunt::engine {

using model::AssetIndex;
using model::GroupIndex;
using model::kNoIndex;

FormulaVariables order_variables(const model::DependencyGraph& graph, AssetIndex target, bool include_target) {
  FormulaVariables result;
  result.variable_of_asset.assign(graph.asset_count(), kNoIndex);
  std::vector<bool> visited(graph.asset_count(), false);
  auto number = [&](AssetIndex asset) {
    if (graph.is_virtual(asset) || (asset == target && !include_target)) return;
    result.variable_of_asset[asset] = static_cast<std::uint32_t>(result.asset_of_variable.size());
    result.asset_of_variable.push_back(asset);
  };
  // Iterative depth-first preorder: a frame is (asset, next group, next supplier).
  struct Frame {
    AssetIndex asset;
    std::size_t group;
    std::size_t supplier;
  };
  std::vector<Frame> stack{{target, 0, 0}};
  visited[target] = true;
  number(target);
  while (!stack.empty()) {
    auto& frame = stack.back();
    const auto groups = graph.groups_of(frame.asset);
    if (frame.group == groups.size()) {
      stack.pop_back();
      continue;
    }
    const auto suppliers = graph.suppliers(groups[frame.group]);
    if (frame.supplier == suppliers.size()) {
      ++frame.group;
      frame.supplier = 0;
      continue;
    }
    const AssetIndex next = suppliers[frame.supplier++];
    if (visited[next]) continue;
    visited[next] = true;
    number(next);
    stack.push_back(Frame{next, 0, 0});
  }
  return result;
}

namespace {

/// The components of explicit successor lists, with their members ascending.
DependencyComponents components_of(const std::vector<std::vector<std::uint32_t>>& successors,
                                   const std::vector<bool>& self_loop) {
  auto [component_of, count] = strong_components(successors);
  DependencyComponents result;
  result.members.resize(count);
  for (std::uint32_t v = 0; v < component_of.size(); ++v) result.members[component_of[v]].push_back(v);
  result.cyclic.resize(count);
  for (std::uint32_t c = 0; c < count; ++c)
    result.cyclic[c] = result.members[c].size() > 1 || self_loop[result.members[c].front()];
  result.component_of = std::move(component_of);
  return result;
}

}  // namespace

DependencyComponents dependency_components(const model::DependencyGraph& graph, bool zero_delay_only) {
  const auto n = graph.asset_count();
  // Successors of an asset: the suppliers of its (counted) groups.
  std::vector<std::vector<std::uint32_t>> successors(n);
  std::vector<bool> self_loop(n, false);
  for (AssetIndex a = 0; a < n; ++a)
    for (auto g : graph.groups_of(a)) {
      if (zero_delay_only && graph.group(g).time_to_impact != 0) continue;
      for (auto s : graph.suppliers(g)) {
        successors[a].push_back(s);
        if (s == a) self_loop[a] = true;
      }
    }
  return components_of(successors, self_loop);
}

FormulaComponents formula_components(const model::DependencyGraph& graph) {
  FormulaComponents result;
  auto supply = std::make_shared<SupplyCycles>(graph);
  const auto n = graph.asset_count();
  result.asset_count = n;
  // The extra nodes: not grounded (cycle, member), then not delivering
  // (asset, kind) for the assets with an own buffer, each in a fixed order.
  std::map<std::pair<std::uint32_t, AssetIndex>, std::uint32_t> not_grounded;
  for (std::uint32_t c = 0; c < supply->cycles().size(); ++c)
    for (auto member : supply->cycles()[c].members) {
      not_grounded.emplace(std::pair{c, member}, static_cast<std::uint32_t>(n + result.node_asset.size()));
      result.node_asset.push_back(member);
      result.node_cycle.push_back(c);
      result.node_kind.push_back(kNoIndex);
    }
  std::map<std::pair<AssetIndex, std::uint32_t>, std::uint32_t> not_delivering;
  for (const auto& group : graph.groups())
    if (stops_delivery_when_lost(group) && !not_delivering.contains({group.asset, group.kind})) {
      not_delivering.emplace(std::pair{group.asset, group.kind},
                             static_cast<std::uint32_t>(n + result.node_asset.size()));
      result.node_asset.push_back(group.asset);
      result.node_cycle.push_back(kNoIndex);
      result.node_kind.push_back(group.kind);
    }
  std::size_t slots = 0;
  for (const auto& group : graph.groups()) slots = std::max<std::size_t>(slots, group.first + group.supplier_count);
  result.child_node.assign(slots, 0);
  for (GroupIndex g = 0; g < graph.group_count(); ++g) {
    const auto& group = graph.group(g);
    const auto suppliers = graph.suppliers(g);
    for (std::uint32_t slot = 0; slot < suppliers.size(); ++slot) {
      const auto s = suppliers[slot];
      std::uint32_t child = s;
      if (supply->is_mate(g, slot)) {
        child = not_grounded.at({supply->cycle_of_group(g), s});
      } else if (group.kind != kNoIndex) {
        if (auto it = not_delivering.find({s, group.kind}); it != not_delivering.end()) child = it->second;
      }
      result.child_node[group.first + slot] = child;
    }
  }
  // Same-budget edges: a fails node through its zero-delay groups (every
  // group for an infinite budget); an extra node to its asset and through
  // every group it covers, whatever its delay (it is about the group being
  // lost, not the asset failing).
  const auto nodes = result.node_count();
  auto build = [&](bool zero_delay_only) {
    std::vector<std::vector<std::uint32_t>> successors(nodes);
    std::vector<bool> self_loop(nodes, false);
    auto add_group = [&](std::uint32_t from, GroupIndex g) {
      const auto& group = graph.group(g);
      for (std::uint32_t slot = 0; slot < group.supplier_count; ++slot) {
        const auto child = result.child_node[group.first + slot];
        successors[from].push_back(child);
        if (child == from) self_loop[from] = true;
      }
    };
    for (AssetIndex a = 0; a < n; ++a)
      for (auto g : graph.groups_of(a))
        if (!zero_delay_only || graph.group(g).time_to_impact == 0) add_group(a, g);
    for (std::size_t extra = 0; extra < result.node_asset.size(); ++extra) {
      const auto node = static_cast<std::uint32_t>(n + extra);
      const auto asset = result.node_asset[extra];
      successors[node].push_back(asset);
      for (auto g : graph.groups_of(asset)) {
        const auto& group = graph.group(g);
        const bool covered = result.node_cycle[extra] != kNoIndex
                                 ? supply->cycle_of_group(g) == result.node_cycle[extra]
                                 : group.kind == result.node_kind[extra] && stops_delivery_when_lost(group);
        if (covered) add_group(node, g);
      }
    }
    return components_of(successors, self_loop);
  };
  result.finite = build(true);
  result.infinite = build(false);
  result.supply = std::move(supply);
  return result;
}

}  // namespace knelpunt::engine
