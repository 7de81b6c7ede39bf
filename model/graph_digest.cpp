#include "model/graph_digest.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include <fmt/format.h>

namespace knelpunt::model {

namespace {

class Fnv1a {
 public:
  void bytes(const void* data, std::size_t size) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) {
      hash_ ^= p[i];
      hash_ *= 0x100000001b3ULL;
    }
  }
  void u64(std::uint64_t value) {
    for (int i = 0; i < 8; ++i) {
      const auto byte = static_cast<unsigned char>(value >> (8 * i));  // little-endian on every host
      bytes(&byte, 1);
    }
  }
  void real(double value) { u64(std::bit_cast<std::uint64_t>(value)); }
  void text(std::string_view value) {
    u64(value.size());
    bytes(value.data(), value.size());
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

/// Whether some kind's supply graph (an edge supplier → asset for each
/// group of the kind) has a cycle: Kahn's algorithm per kind.
bool has_same_kind_cycle(const DependencyGraph& graph) {
  std::vector<std::vector<GroupIndex>> groups_of_kind(graph.kind_count());
  for (GroupIndex g = 0; g < graph.group_count(); ++g)
    if (graph.group(g).kind != kNoIndex) groups_of_kind[graph.group(g).kind].push_back(g);
  std::vector<std::uint32_t> in_degree(graph.asset_count());
  std::vector<std::vector<AssetIndex>> out(graph.asset_count());
  for (const auto& groups : groups_of_kind) {
    std::fill(in_degree.begin(), in_degree.end(), 0);
    for (auto& edges : out) edges.clear();
    std::size_t edge_count = 0;
    for (GroupIndex g : groups)
      for (AssetIndex s : graph.suppliers(g)) {
        out[s].push_back(graph.group(g).asset);
        ++in_degree[graph.group(g).asset];
        ++edge_count;
      }
    std::vector<AssetIndex> ready;
    for (AssetIndex a = 0; a < graph.asset_count(); ++a)
      if (in_degree[a] == 0) ready.push_back(a);
    std::size_t removed = 0;
    while (!ready.empty()) {
      const AssetIndex a = ready.back();
      ready.pop_back();
      for (AssetIndex v : out[a]) {
        ++removed;
        if (--in_degree[v] == 0) ready.push_back(v);
      }
    }
    if (removed < edge_count) return true;
  }
  return false;
}

}  // namespace

std::string graph_digest(const DependencyGraph& graph, std::span<const double> extra) {
  Fnv1a hash;
  hash.u64(graph.asset_count());
  for (AssetIndex a = 0; a < graph.asset_count(); ++a) {
    hash.text(graph.id(a));
    hash.u64(graph.is_virtual(a) ? 1 : 0);
  }
  // Groups and their suppliers in a canonical order: the order of `needs` and
  // of `from:` lists in the model has no meaning, so it must not change the
  // digest (which the register prints and shard merging compares).
  std::vector<std::vector<std::uint64_t>> groups;
  groups.reserve(graph.group_count());
  for (GroupIndex g = 0; g < graph.group_count(); ++g) {
    const auto& group = graph.group(g);
    std::vector<std::uint64_t> row{group.asset, group.need, std::bit_cast<std::uint64_t>(group.time_to_impact),
                                   group.supplier_count};
    const auto first_supplier = row.size();
    for (auto s : graph.suppliers(g)) row.push_back(s);
    std::sort(row.begin() + static_cast<std::ptrdiff_t>(first_supplier), row.end());
    groups.push_back(std::move(row));
  }
  // Kinds and buffer modes change results only on same-kind cycles, with an
  // own buffer or with a kind that is not grounded (docs/model.md, Supply
  // from sources); only then are they hashed, so other digests stay as they were.
  bool supply_rule_matters = has_same_kind_cycle(graph);
  for (GroupIndex g = 0; g < graph.group_count() && !supply_rule_matters; ++g) {
    const auto& group = graph.group(g);
    supply_rule_matters = !group.passes_on || (group.kind != kNoIndex && !group.grounded);
  }
  if (supply_rule_matters)
    for (GroupIndex g = 0; g < graph.group_count(); ++g) {
      const auto& group = graph.group(g);
      auto& row = groups[g];
      row.insert(row.begin() + 4, {group.kind == kNoIndex ? 0 : std::uint64_t{group.kind} + 1,
                                   group.grounded ? 1u : 0u, group.passes_on ? 1u : 0u});
    }
  std::sort(groups.begin(), groups.end());
  hash.u64(groups.size());
  for (const auto& row : groups)
    for (auto value : row) hash.u64(value);
  hash.u64(extra.size());
  for (double value : extra) hash.real(value);
  return fmt::format("{:016x}", hash.value());
}

}  // namespace knelpunt::model
