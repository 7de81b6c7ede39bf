#include "engine/dominators.hpp"

namespace knelpunt::engine {

namespace {

/// The sole zero-buffer supplier of `asset`, or `asset` itself when it has none.
AssetIndex follower_parent(const model::DependencyGraph& graph, AssetIndex asset) {
  const auto groups = graph.groups_of(asset);
  if (groups.size() != 1) return asset;
  const auto& group = graph.group(groups[0]);
  if (group.supplier_count != 1 || group.time_to_impact != 0) return asset;
  return graph.suppliers(groups[0])[0];
}

}  // namespace

FollowerForest::FollowerForest(const model::DependencyGraph& graph,
                               const std::vector<bool>& not_exits) {
  const auto n = static_cast<AssetIndex>(graph.asset_count());
  std::vector<AssetIndex> parent(n);
  for (AssetIndex a = 0; a < n; ++a) parent[a] = follower_parent(graph, a);

  // Break cycles of followers: walk each chain once; a chain that runs into
  // itself closes a cycle, whose lowest-index member becomes a root.
  enum : std::uint8_t { unvisited, on_path, done };
  std::vector<std::uint8_t> state(n, unvisited);
  std::vector<AssetIndex> path;
  for (AssetIndex start = 0; start < n; ++start) {
    if (state[start] != unvisited) continue;
    AssetIndex a = start;
    while (state[a] == unvisited) {
      state[a] = on_path;
      path.push_back(a);
      if (parent[a] == a) break;
      a = parent[a];
    }
    if (state[a] == on_path && parent[a] != a) {
      AssetIndex lowest = a;
      for (AssetIndex c = parent[a]; c != a; c = parent[c]) lowest = std::min(lowest, c);
      parent[lowest] = lowest;
    }
    for (AssetIndex p : path) state[p] = done;
    path.clear();
  }

  // Children of every asset, ascending.
  std::vector<std::uint32_t> child_offsets(std::size_t{n} + 1, 0);
  for (AssetIndex a = 0; a < n; ++a)
    if (parent[a] != a) ++child_offsets[parent[a] + 1];
  for (AssetIndex a = 0; a < n; ++a) child_offsets[a + 1] += child_offsets[a];
  std::vector<AssetIndex> children(child_offsets[n]);
  {
    std::vector<std::uint32_t> fill(child_offsets.begin(), child_offsets.end() - 1);
    for (AssetIndex a = 0; a < n; ++a)
      if (parent[a] != a) children[fill[parent[a]]++] = a;
  }

  // Depth-first pre-order per root, roots ascending, children ascending.
  root_.assign(n, 0);
  position_.assign(n, 0);
  subtree_size_.assign(n, 1);
  order_.clear();
  order_.reserve(n);
  std::vector<AssetIndex> stack;
  for (AssetIndex r = 0; r < n; ++r) {
    if (parent[r] != r) continue;
    ++root_count_;
    stack.push_back(r);
    while (!stack.empty()) {
      const AssetIndex a = stack.back();
      stack.pop_back();
      root_[a] = r;
      position_[a] = static_cast<std::uint32_t>(order_.size());
      order_.push_back(a);
      for (std::uint32_t c = child_offsets[a + 1]; c > child_offsets[a]; --c) stack.push_back(children[c - 1]);
    }
  }
  for (std::size_t p = order_.size(); p-- > 0;) {
    const AssetIndex a = order_[p];
    if (parent[a] != a) subtree_size_[parent[a]] += subtree_size_[a];
  }

  // Exits: supplied groups other than the follower links of children.
  exit_offsets_.assign(std::size_t{n} + 1, 0);
  for (std::uint32_t p = 0; p < n; ++p) {
    for (GroupIndex g : graph.groups_supplied_by(order_[p]))
      if (!is_follower(graph.group(g).asset) && (not_exits.empty() || !not_exits[g]))
        exits_.push_back(g);
    exit_offsets_[p + 1] = static_cast<std::uint32_t>(exits_.size());
  }
}

}  // namespace knelpunt::engine
