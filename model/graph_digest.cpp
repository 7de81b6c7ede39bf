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
  void text(const std::string& value) {
    u64(value.size());
    bytes(value.data(), value.size());
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

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
  std::sort(groups.begin(), groups.end());
  hash.u64(groups.size());
  for (const auto& row : groups)
    for (auto value : row) hash.u64(value);
  hash.u64(extra.size());
  for (double value : extra) hash.real(value);
  return fmt::format("{:016x}", hash.value());
}

}  // namespace knelpunt::model
