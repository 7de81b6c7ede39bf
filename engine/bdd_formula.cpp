#include "engine/bdd_formula.hpp"

#include <algorithm>
#include <utility>

namespace knelpunt::engine {

using model::AssetIndex;
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

DependencyComponents dependency_components(const model::DependencyGraph& graph, bool zero_delay_only) {
  const auto n = graph.asset_count();
  DependencyComponents result;
  result.component_of.assign(n, kNoIndex);
  // Successors of an asset: the suppliers of its (counted) groups.
  std::vector<std::vector<AssetIndex>> successors(n);
  std::vector<bool> self_loop(n, false);
  for (AssetIndex a = 0; a < n; ++a)
    for (auto g : graph.groups_of(a)) {
      if (zero_delay_only && graph.group(g).time_to_impact != 0) continue;
      for (auto s : graph.suppliers(g)) {
        successors[a].push_back(s);
        if (s == a) self_loop[a] = true;
      }
    }
  std::vector<std::uint32_t> index(n, kNoIndex), lowlink(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<AssetIndex> stack;
  std::vector<std::pair<AssetIndex, std::size_t>> calls;
  std::uint32_t counter = 0;
  for (AssetIndex root = 0; root < n; ++root) {
    if (index[root] != kNoIndex) continue;
    calls.emplace_back(root, 0);
    index[root] = lowlink[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!calls.empty()) {
      auto& [v, next] = calls.back();
      if (next < successors[v].size()) {
        const AssetIndex w = successors[v][next++];
        if (index[w] == kNoIndex) {
          index[w] = lowlink[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          calls.emplace_back(w, 0);
        } else if (on_stack[w]) {
          lowlink[v] = std::min(lowlink[v], index[w]);
        }
        continue;
      }
      const AssetIndex done = v;
      calls.pop_back();
      if (!calls.empty()) lowlink[calls.back().first] = std::min(lowlink[calls.back().first], lowlink[done]);
      if (lowlink[done] != index[done]) continue;
      const auto component = static_cast<std::uint32_t>(result.members.size());
      std::vector<AssetIndex> members;
      AssetIndex w;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = false;
        result.component_of[w] = component;
        members.push_back(w);
      } while (w != done);
      std::sort(members.begin(), members.end());
      result.cyclic.push_back(members.size() > 1 || self_loop[done]);
      result.members.push_back(std::move(members));
    }
  }
  return result;
}

FormulaComponents formula_components(const model::DependencyGraph& graph) {
  return FormulaComponents{dependency_components(graph, true), dependency_components(graph, false)};
}

}  // namespace knelpunt::engine
