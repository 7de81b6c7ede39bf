#include "model/graph_digest.hpp"

#include <bit>
#include <cstdint>

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
  hash.u64(graph.group_count());
  for (GroupIndex g = 0; g < graph.group_count(); ++g) {
    const auto& group = graph.group(g);
    hash.u64(group.asset);
    hash.u64(group.need);
    hash.real(group.time_to_impact);
    hash.u64(group.supplier_count);
    for (auto s : graph.suppliers(g)) hash.u64(s);
  }
  hash.u64(extra.size());
  for (double value : extra) hash.real(value);
  return fmt::format("{:016x}", hash.value());
}

}  // namespace knelpunt::model
