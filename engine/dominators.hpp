#pragma once
/// The forest of zero-buffer sole-supplier dominators ("follower forest"):
/// the part of the dominator structure of a dependency graph that holds for
/// every horizon, every k-of-n rule and every set of initial failures.
///
/// An asset y is a *follower* of p when y has exactly one dependency group,
/// that group has p as its only supplier, and its time_to_impact is 0. Then
/// F(y) = F(p) in every cascade in which y is not itself initially failed
/// (docs/model.md: F(y) = min(initial(y), L(g) + 0) and L(g) = F(p)). Following
/// parents from a follower ends at a *root*: a non-follower asset (cycles of
/// followers are broken by making their lowest-index member a root). A root
/// and all followers whose chain ends at it form a *block*; in a cascade that
/// seeds none of the block's followers, the whole block fails at the root's
/// failure time.
///
/// Positions lay every block out contiguously in depth-first pre-order, so the
/// follower subtree of any asset (the asset and everything that follows it,
/// directly or through other followers) is one contiguous range of positions.
/// Each position lists its *exits*: the groups it supplies that are not the
/// follower link of one of its children. Exits are the only way a block's
/// failure reaches assets outside the block, and they always belong to roots.

#include <cstdint>
#include <span>
#include <vector>

#include "model/dependency_graph.hpp"

namespace knelpunt::engine {

using model::AssetIndex;
using model::GroupIndex;

class FollowerForest {
 public:
  /// Builds the forest of `graph` in O(V + E). Deterministic. Groups g with
  /// `not_exits[g]` (when given: one entry per group) are left out of the
  /// exits, for a caller that accounts for them otherwise (engine/reach.cpp).
  explicit FollowerForest(const model::DependencyGraph& graph,
                          const std::vector<bool>& not_exits = {});

  /// True when `asset` is a follower (and so not a root).
  bool is_follower(AssetIndex asset) const { return root_[asset] != asset; }
  /// The root of the block that holds `asset` (itself for a root).
  AssetIndex root(AssetIndex asset) const { return root_[asset]; }
  /// The position of `asset`; its follower subtree is [position, position + subtree_size).
  std::uint32_t position(AssetIndex asset) const { return position_[asset]; }
  std::uint32_t subtree_size(AssetIndex asset) const { return subtree_size_[asset]; }
  /// The asset at a position.
  AssetIndex asset_at(std::uint32_t position) const { return order_[position]; }
  /// The exits of the positions in [first, last), in position order.
  std::span<const GroupIndex> exits(std::uint32_t first, std::uint32_t last) const {
    return {exits_.data() + exit_offsets_[first], exit_offsets_[last] - exit_offsets_[first]};
  }
  std::size_t root_count() const { return root_count_; }

 private:
  std::vector<AssetIndex> root_;
  std::vector<std::uint32_t> position_;
  std::vector<std::uint32_t> subtree_size_;
  std::vector<AssetIndex> order_;
  std::vector<std::uint32_t> exit_offsets_;  // position → [offset, next) into exits_
  std::vector<GroupIndex> exits_;
  std::size_t root_count_ = 0;
};

}  // namespace knelpunt::engine
