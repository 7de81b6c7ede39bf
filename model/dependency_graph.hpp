#pragma once
/// The dependency graph of a model in flat, index-based form for the engine:
/// groups and their suppliers in compressed sparse rows, both directions
/// (decision 036: no Boost.Graph view beside them).
///
/// Asset indices are positions in Model::assets (sorted by id), so every
/// order derived from them is deterministic.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace knelpunt::model {

using AssetIndex = std::uint32_t;
using GroupIndex = std::uint32_t;
inline constexpr std::uint32_t kNoIndex = 0xffffffffu;

/// One dependency group: `asset` needs `need` of its `supplier_count` suppliers.
/// The group is lost once `supplier_count - need + 1` suppliers have failed.
struct GraphGroup {
  AssetIndex asset = kNoIndex;
  std::uint32_t need = 1;
  std::uint32_t supplier_count = 0;
  Hours time_to_impact = 0;
  std::uint32_t position = 0;  ///< index of the group in Asset::depends_on
  std::uint32_t first = 0;     ///< offset of its suppliers in suppliers()
  /// The group's resource kind as an index below DependencyGraph::kind_count()
  /// (kinds numbered in name order), or kNoIndex for a group without a kind.
  std::uint32_t kind = kNoIndex;
  /// Its kind must trace back to a source (docs/model.md, Supply from
  /// sources): a supplier on a same-kind cycle with the asset counts only
  /// while it is connected to a source. False for a group without a kind.
  bool grounded = false;
  /// Once lost, the asset keeps passing its kind on while its buffer lasts
  /// (`buffer: pass-on`, the default); false for `buffer: own`, where it
  /// stops passing it on at once.
  bool passes_on = true;

  /// How many supplier failures make the group lost: n − k + 1.
  std::uint32_t losses_to_fail() const { return supplier_count - need + 1; }
};

class DependencyGraph {
 public:
  /// Builds from a validated model (every supplier id resolves).
  explicit DependencyGraph(const Model& model);
  /// Builds from raw parts, for tests and generators: `groups[g].first` and
  /// `supplier_count` index into `suppliers`; groups must be sorted by asset.
  /// A group's `kind` is kNoIndex or below the number of distinct kinds used.
  DependencyGraph(std::vector<std::string> ids, std::vector<bool> is_virtual,
                  std::vector<GraphGroup> groups, std::vector<AssetIndex> suppliers);

  std::size_t asset_count() const { return is_virtual_.size(); }
  std::size_t group_count() const { return groups_.size(); }
  /// How many distinct resource kinds the groups have (GraphGroup::kind).
  std::size_t kind_count() const { return kind_count_; }

  /// The asset's id; valid as long as the graph.
  std::string_view id(AssetIndex asset) const {
    return std::string_view(id_text_).substr(id_start_[asset], id_start_[asset + 1] - id_start_[asset]);
  }
  bool is_virtual(AssetIndex asset) const { return is_virtual_[asset]; }

  const GraphGroup& group(GroupIndex g) const { return groups_[g]; }
  std::span<const GraphGroup> groups() const { return groups_; }

  /// The suppliers of group g, in model order.
  std::span<const AssetIndex> suppliers(GroupIndex g) const;
  /// The groups of `asset` (its depends_on), contiguous and in model order.
  std::span<const GroupIndex> groups_of(AssetIndex asset) const;
  /// The groups in which `supplier` is one of the suppliers, ascending.
  std::span<const GroupIndex> groups_supplied_by(AssetIndex supplier) const;

  /// The edges supplier → dependent: one per (supplier, group).
  std::size_t edge_count() const { return suppliers_.size(); }

 private:
  void build_indices();
  void set_ids(const std::vector<std::string>& ids);

  /// The ids one after another, asset i's at [id_start_[i], id_start_[i + 1]):
  /// one buffer instead of a string per asset (docs/performance.md).
  std::string id_text_;
  std::vector<std::uint32_t> id_start_;
  std::vector<bool> is_virtual_;
  std::vector<GraphGroup> groups_;
  std::vector<AssetIndex> suppliers_;
  std::size_t kind_count_ = 0;
  std::vector<std::uint32_t> groups_of_offsets_;  // asset → [offset, next) into group_ids_
  std::vector<GroupIndex> group_ids_;
  std::vector<std::uint32_t> supplied_offsets_;  // supplier → [offset, next) into supplied_
  std::vector<GroupIndex> supplied_;
};

}  // namespace knelpunt::model
