#pragma once
/// An asset's impact bases (`serves:`, docs/model.md), e.g. population 12000
/// or beds 300: a few named amounts kept in name order. A flat vector, not a
/// std::map: nearly every asset of a national inventory has exactly one base,
/// and a map cost 48 bytes in the asset plus an 80-byte node on the heap
/// (docs/performance.md, "Loading at national scale").

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace knelpunt::model {

class ImpactBases {
 public:
  using value_type = std::pair<std::string, double>;  ///< name and amount
  using const_iterator = std::vector<value_type>::const_iterator;

  /// The amount named `name`, added as 0 when there is none yet.
  double& operator[](std::string_view name) {
    auto at = lower_bound(name);
    if (at == entries_.end() || at->first != name)
      at = entries_.emplace(at, std::string(name), 0.0);
    return at->second;
  }
  /// The entry named `name`, or end().
  const_iterator find(std::string_view name) const {
    auto at = std::lower_bound(
        entries_.begin(), entries_.end(), name,
        [](const value_type& entry, std::string_view key) { return entry.first < key; });
    return at != entries_.end() && at->first == name ? at : entries_.end();
  }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }
  friend bool operator==(const ImpactBases&, const ImpactBases&) = default;

 private:
  std::vector<value_type>::iterator lower_bound(std::string_view name) {
    return std::lower_bound(
        entries_.begin(), entries_.end(), name,
        [](const value_type& entry, std::string_view key) { return entry.first < key; });
  }
  std::vector<value_type> entries_;
};

}  // namespace knelpunt::model
