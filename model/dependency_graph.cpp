#include "model/dependency_graph.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "model/shared_text_memo.hpp"

namespace knelpunt::model {

namespace {

/// Appends `id` to the graph's id buffer and its start to `starts`; the
/// offsets are 32-bit, so the ids of one graph may take at most 4 GiB.
void append_id(std::string& text, std::vector<std::uint32_t>& starts, std::string_view id) {
  if (text.size() + id.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("DependencyGraph: the ids take more than 4 GiB");
  starts.push_back(static_cast<std::uint32_t>(text.size()));
  text += id;
}

}  // namespace

DependencyGraph::DependencyGraph(const Model& model) {
  // Kinds numbered in name order, so the numbering depends on the model alone.
  std::map<std::string_view, std::uint32_t> kind_index;
  for (const auto& asset : model.assets)
    for (const auto& dependency : asset.depends_on)
      if (!dependency.kind.empty()) kind_index.emplace(dependency.kind, 0);
  for (auto& [kind, index] : kind_index) index = static_cast<std::uint32_t>(kind_count_++);
  std::size_t id_bytes = 0;
  for (const auto& asset : model.assets) id_bytes += asset.id.size();
  id_text_.reserve(id_bytes);
  id_start_.reserve(model.assets.size() + 1);
  is_virtual_.reserve(model.assets.size());
  for (const auto& asset : model.assets) {
    append_id(id_text_, id_start_, asset.id);
    is_virtual_.push_back(asset.is_virtual);
  }
  id_start_.push_back(static_cast<std::uint32_t>(id_text_.size()));
  // Sized once: grown by doubling, the arrays of a national model would
  // briefly need half as much again (docs/performance.md).
  std::size_t group_total = 0, supplier_total = 0;
  for (const auto& asset : model.assets) {
    group_total += asset.depends_on.size();
    for (const auto& dependency : asset.depends_on) supplier_total += dependency.from.size();
  }
  groups_.reserve(group_total);
  suppliers_.reserve(supplier_total);
  // Suppliers and kinds are interned per table: resolved once per buffer.
  SharedTextMemo supplier_index([&](std::string_view id) {
    const auto index = model.find(id);
    if (!index) throw std::logic_error("DependencyGraph: unresolved supplier " + std::string(id));
    return static_cast<AssetIndex>(*index);
  });
  constexpr std::uint32_t kGroundedBit = 1u << 31;  // kinds are far fewer
  SharedTextMemo kind_of([&](std::string_view kind) {
    return kind_index.at(kind) | (model.ungrounded_kinds.contains(kind) ? 0 : kGroundedBit);
  });
  for (std::size_t a = 0; a < model.assets.size(); ++a) {
    const auto& asset = model.assets[a];
    for (std::size_t position = 0; position < asset.depends_on.size(); ++position) {
      const auto& dependency = asset.depends_on[position];
      GraphGroup group;
      group.asset = static_cast<AssetIndex>(a);
      group.need = dependency.need;
      group.supplier_count = static_cast<std::uint32_t>(dependency.from.size());
      group.time_to_impact = dependency.time_to_impact;
      group.position = static_cast<std::uint32_t>(position);
      group.first = static_cast<std::uint32_t>(suppliers_.size());
      if (!dependency.kind.empty()) {
        const std::uint32_t kind = kind_of(dependency.kind);
        group.kind = kind & ~kGroundedBit;
        group.grounded = (kind & kGroundedBit) != 0;
      }
      group.passes_on = dependency.buffer == BufferMode::pass_on;
      for (const auto& supplier : dependency.from) suppliers_.push_back(supplier_index(supplier));
      groups_.push_back(group);
    }
  }
  build_indices();
}

DependencyGraph::DependencyGraph(std::vector<std::string> ids, std::vector<bool> is_virtual,
                                 std::vector<GraphGroup> groups, std::vector<AssetIndex> suppliers)
    : is_virtual_(std::move(is_virtual)),
      groups_(std::move(groups)),
      suppliers_(std::move(suppliers)) {
  if (is_virtual_.size() != ids.size())
    throw std::invalid_argument("DependencyGraph: ids and is_virtual differ in size");
  for (std::size_t g = 0; g < groups_.size(); ++g) {
    const auto& group = groups_[g];
    if (group.asset >= ids.size() || group.supplier_count == 0 || group.need == 0 ||
        group.need > group.supplier_count ||
        std::size_t{group.first} + group.supplier_count > suppliers_.size() ||
        (g > 0 && groups_[g - 1].asset > group.asset))
      throw std::invalid_argument("DependencyGraph: malformed group");
  }
  for (auto s : suppliers_)
    if (s >= ids.size()) throw std::invalid_argument("DependencyGraph: supplier out of range");
  set_ids(ids);
  for (const auto& group : groups_)
    if (group.kind != kNoIndex) kind_count_ = std::max<std::size_t>(kind_count_, group.kind + std::size_t{1});
  build_indices();
}

void DependencyGraph::set_ids(const std::vector<std::string>& ids) {
  id_start_.reserve(ids.size() + 1);
  for (const auto& id : ids) append_id(id_text_, id_start_, id);
  id_start_.push_back(static_cast<std::uint32_t>(id_text_.size()));
}

void DependencyGraph::build_indices() {
  const std::size_t n = asset_count();
  groups_of_offsets_.assign(n + 1, 0);
  supplied_offsets_.assign(n + 1, 0);
  for (const auto& group : groups_) {
    ++groups_of_offsets_[group.asset + 1];
    for (std::uint32_t i = 0; i < group.supplier_count; ++i) ++supplied_offsets_[suppliers_[group.first + i] + 1];
  }
  for (std::size_t i = 0; i < n; ++i) {
    groups_of_offsets_[i + 1] += groups_of_offsets_[i];
    supplied_offsets_[i + 1] += supplied_offsets_[i];
  }
  group_ids_.assign(groups_.size(), 0);
  supplied_.assign(suppliers_.size(), 0);
  std::vector<std::uint32_t> fill_groups(groups_of_offsets_.begin(), groups_of_offsets_.end() - 1);
  std::vector<std::uint32_t> fill_supplied(supplied_offsets_.begin(), supplied_offsets_.end() - 1);
  for (GroupIndex g = 0; g < groups_.size(); ++g) {
    const auto& group = groups_[g];
    group_ids_[fill_groups[group.asset]++] = g;
    for (std::uint32_t i = 0; i < group.supplier_count; ++i) {
      const AssetIndex s = suppliers_[group.first + i];
      supplied_[fill_supplied[s]++] = g;  // g ascends, so each list is sorted
    }
  }
}

std::span<const AssetIndex> DependencyGraph::suppliers(GroupIndex g) const {
  const auto& group = groups_[g];
  return {suppliers_.data() + group.first, group.supplier_count};
}

std::span<const GroupIndex> DependencyGraph::groups_of(AssetIndex asset) const {
  return {group_ids_.data() + groups_of_offsets_[asset],
          groups_of_offsets_[asset + 1] - groups_of_offsets_[asset]};
}

std::span<const GroupIndex> DependencyGraph::groups_supplied_by(AssetIndex supplier) const {
  return {supplied_.data() + supplied_offsets_[supplier],
          supplied_offsets_[supplier + 1] - supplied_offsets_[supplier]};
}

}  // namespace knelpunt::model
