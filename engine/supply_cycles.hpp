#pragma once
/// Same-kind cycles of grounded resource kinds (docs/model.md, Supply from
/// sources; decision 035): where a supplier counts only while it is
/// connected to a source, instead of while it is up. Computed once per
/// graph and shared by every engine path (cascade, reach, failure formulas),
/// so they all apply one rule. No I/O.

#include <cstdint>
#include <span>
#include <vector>

#include "model/dependency_graph.hpp"

namespace knelpunt::engine {

/// One strongly connected component, with more than one member, of the
/// supply graph of one grounded kind X (an edge s → v for every supplier s
/// of an X-group of v).
struct SupplyCycle {
  std::uint32_t kind = model::kNoIndex;
  std::vector<model::AssetIndex> members;  ///< ascending
  /// The X-groups of the members, ascending: the groups whose loss is
  /// decided by the grounding check rather than by counting.
  std::vector<model::GroupIndex> groups;
};

class SupplyCycles {
 public:
  /// O(V + E) over the grounded groups; deterministic.
  explicit SupplyCycles(const model::DependencyGraph& graph);

  std::span<const SupplyCycle> cycles() const { return cycles_; }
  /// The cycle that holds group g's asset in g's kind, or kNoIndex when g
  /// is decided by counting (not grounded, or its asset is on no cycle).
  std::uint32_t cycle_of_group(model::GroupIndex g) const {
    return cycle_of_group_.empty() ? model::kNoIndex : cycle_of_group_[g];
  }
  /// True when the supplier in slot `slot` of group g (suppliers(g)[slot]) is
  /// a cycle mate of g's asset: it counts while it is grounded.
  bool is_mate(model::GroupIndex g, std::uint32_t slot) const {
    return cycle_of_group(g) != model::kNoIndex && mate_slot_[graph_.group(g).first + slot];
  }
  /// The position of `asset` in cycles()[cycle].members, or kNoIndex.
  std::uint32_t member_position(std::uint32_t cycle, model::AssetIndex asset) const;
  /// True when some group has a `buffer: own` with a time_to_impact > 0 (an
  /// own buffer of length 0 changes nothing).
  bool has_own_buffers() const { return has_own_buffers_; }
  /// True when the rule changes nothing: no same-kind cycle and no own
  /// buffer, so counting failed suppliers (today's rule) is exact.
  bool trivial() const { return cycles_.empty() && !has_own_buffers_; }
  /// The cycles that are not grounded even with every asset up: some
  /// member's group of the kind has too few suppliers off the cycle and
  /// grounded mates (a ring with no source at all). By the rule their
  /// groups are lost at t = 0 whatever fails; every engine path checks them
  /// at 0. Ascending.
  std::span<const std::uint32_t> unsupplied_cycles() const { return unsupplied_; }
  /// True when `asset` has an X-group with an own buffer (time_to_impact > 0):
  /// it stops delivering X when that group is lost, before it fails.
  bool has_own_group(model::AssetIndex asset, std::uint32_t kind) const;
  /// The supplier named as the cause when group g of cycle c is lost: the
  /// first supplier that does not deliver (`delivers(asset, kind)`), else
  /// the first cycle mate that is not grounded (`grounded` by member
  /// position); kNoIndex when there is neither. Only mates have a member
  /// position, so only they are asked for their grounding.
  template <class Delivers>
  model::AssetIndex cause_of_loss(model::GroupIndex g, std::uint32_t c, Delivers delivers,
                                  const std::vector<bool>& grounded) const {
    const auto suppliers = graph_.suppliers(g);
    for (std::uint32_t slot = 0; slot < suppliers.size(); ++slot)
      if (!delivers(suppliers[slot], cycles_[c].kind)) return suppliers[slot];
    for (std::uint32_t slot = 0; slot < suppliers.size(); ++slot)
      if (is_mate(g, slot) && !grounded[member_position(c, suppliers[slot])]) return suppliers[slot];
    return model::kNoIndex;
  }

 private:
  const model::DependencyGraph& graph_;
  std::vector<SupplyCycle> cycles_;
  // Per group, and per supplier slot (by the group's `first`): empty when
  // there is no cycle, as on most models, where they were 2 % of the peak
  // memory of validating a national one.
  std::vector<std::uint32_t> cycle_of_group_;
  std::vector<bool> mate_slot_;
  bool has_own_buffers_ = false;
  std::vector<std::uint32_t> unsupplied_;
};

/// True when group h of its asset stops that asset delivering h's kind on
/// being lost (an own buffer that lasts).
inline bool stops_delivery_when_lost(const model::GraphGroup& group) {
  return !group.passes_on && group.time_to_impact > 0 && group.kind != model::kNoIndex;
}

}  // namespace knelpunt::engine
