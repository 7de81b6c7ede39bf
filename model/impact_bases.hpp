#pragma once
/// An asset's impact bases (`serves:`, docs/model.md), e.g. population 12000
/// or beds 300: a few named amounts kept in name order. Nearly every asset of
/// a national inventory has exactly one base: it is held in place
/// (model/compact_vector.hpp) with a shared name, so such an asset needs no
/// heap block for it. A std::map cost 48 bytes in the asset plus an 80-byte
/// node on the heap, a vector of (std::string, double) a 48-byte block
/// (docs/performance.md, "Loading at national scale").

#include <algorithm>
#include <string_view>
#include <utility>

#include "model/compact_vector.hpp"
#include "model/shared_text.hpp"

namespace knelpunt::model {

class ImpactBases {
 public:
  using value_type = std::pair<SharedText, double>;  ///< name and amount
  using const_iterator = const value_type*;

  /// The amount named `name`, added as 0 when there is none yet.
  double& operator[](std::string_view name) { return at(name, [&] { return SharedText(name); }); }
  /// Sets the amount named `name`; a loader passes one shared name for
  /// every asset of a table.
  void set(const SharedText& name, double amount) { at(name, [&] { return name; }) = amount; }
  /// The entry named `name`, or end().
  const_iterator find(std::string_view name) const {
    auto at = lower_bound(name);
    return at != entries_.end() && at->first == name ? at : entries_.end();
  }
  const_iterator begin() const { return entries_.begin(); }
  const_iterator end() const { return entries_.end(); }
  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }
  friend bool operator==(const ImpactBases&, const ImpactBases&) = default;

 private:
  const_iterator lower_bound(std::string_view name) const {
    return std::lower_bound(
        entries_.begin(), entries_.end(), name,
        [](const value_type& entry, std::string_view key) { return std::string_view(entry.first) < key; });
  }
  template <class MakeName>
  double& at(std::string_view name, MakeName make_name) {
    const auto found = lower_bound(name);
    const auto index = static_cast<std::size_t>(found - entries_.begin());
    if (found == entries_.end() || found->first != name) entries_.insert(found, value_type(make_name(), 0.0));
    return entries_[index].second;
  }
  CompactVector<value_type, 1> entries_;
};

}  // namespace knelpunt::model
