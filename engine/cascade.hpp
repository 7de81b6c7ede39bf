#pragma once
/// Failure propagation (docs/model.md): the failure time F(v) of every asset
/// for a set of initial failures, as the largest solution of
///   F(v) = min(initial(v), min over groups g of v of L(g) + time_to_impact(g)),
/// where L(g) is the first time fewer than `need` of g's suppliers count.
/// Computed by a Dijkstra-style sweep in increasing time (Knuth 1977,
/// superior functions): O(E log V). A supplier counts while it delivers
/// the group's kind (it is up, and no own buffer of that kind has run
/// out); on a same-kind cycle of a grounded kind (engine/supply_cycles.hpp)
/// a cycle mate counts only while it is grounded, which the sweep decides
/// for the whole cycle at the end of every instant that touched it
/// (docs/model.md, Supply from sources). No I/O.

#include <memory>
#include <span>
#include <unordered_set>
#include <vector>

#include "engine/supply_cycles.hpp"
#include "model/dependency_graph.hpp"

namespace knelpunt::engine {

using model::AssetIndex;
using model::GroupIndex;
using model::Hours;
using model::kNever;
using model::kNoIndex;

/// Asset `asset` fails at `at` hours regardless of its suppliers.
struct Seed {
  AssetIndex asset = kNoIndex;
  Hours at = 0;
};

/// Result of a cascade. Assets that do not fail within the horizon have
/// time kNever. For an asset failed by a dependency, `cause_group` is the
/// group that was lost and `cause_supplier` the supplier whose failure made
/// it lost; both are kNoIndex for initial failures and survivors.
struct Cascade {
  std::vector<Hours> failure_time;
  std::vector<GroupIndex> cause_group;
  std::vector<AssetIndex> cause_supplier;
  /// Failed assets in the order they settled: nondecreasing time, and each
  /// after the supplier that caused it (so equal times are not in index order).
  std::vector<AssetIndex> order;

  bool failed(AssetIndex asset) const { return failure_time[asset] != kNever; }
};

/// Runs the cascade from `seeds` up to `horizon` (inclusive; kNever = no limit).
/// A seed listed twice counts at its earliest time. Deterministic: among
/// assets waiting at equal times the lowest index settles first.
Cascade propagate(const model::DependencyGraph& graph, std::span<const Seed> seeds,
                  Hours horizon = kNever);

/// Reusable working memory for many cascades on one graph (reach, Monte
/// Carlo, cut-set checks): it resets only what the last run touched, so a
/// cascade costs O(touched · log) instead of O(V).
class CascadeRunner {
 public:
  explicit CascadeRunner(const model::DependencyGraph& graph);
  /// The same with the graph's supply cycles computed already (they must be
  /// SupplyCycles(graph) and outlive the runner): for many runners on one graph.
  CascadeRunner(const model::DependencyGraph& graph, const SupplyCycles& cycles);

  /// Runs a cascade; the assets it failed are `failed()` in settling order
  /// (nondecreasing time, causes before their effects).
  void run(std::span<const Seed> seeds, Hours horizon);

  std::span<const AssetIndex> failed() const { return order_; }
  Hours failure_time(AssetIndex asset) const { return time_[asset]; }
  GroupIndex cause_group(AssetIndex asset) const { return cause_group_[asset]; }
  AssetIndex cause_supplier(AssetIndex asset) const { return cause_supplier_[asset]; }

 private:
  CascadeRunner(const model::DependencyGraph& graph, std::unique_ptr<SupplyCycles> owned,
                const SupplyCycles* cycles);
  void reset();
  void offer(AssetIndex asset, Hours at, GroupIndex group, AssetIndex supplier);
  /// `supplier` stopped delivering to group g at `at` (it failed, or an own
  /// buffer of g's kind ran out): counts the loss, or marks g's cycle.
  void supplier_lost(GroupIndex g, AssetIndex supplier, Hours at);
  void group_lost(GroupIndex g, AssetIndex supplier, Hours at);
  /// Applies the pending stops: assets whose own buffer of a kind has run out.
  void settle_stops(Hours at);
  static std::uint64_t stop_key(AssetIndex asset, std::uint32_t kind) {
    return (std::uint64_t{asset} << 32) | kind;
  }
  bool stopped(AssetIndex asset, std::uint32_t kind) const;
  bool delivers(AssetIndex asset, std::uint32_t kind) const;
  /// The grounding check of one cycle at `at`: loses every group of it that
  /// fewer than `need` suppliers count for.
  void check_cycle(std::uint32_t cycle, Hours at);
  /// The time of the next valid heap entry (stale ones dropped), if any.
  bool next_time(Hours& at);

  std::unique_ptr<SupplyCycles> owned_cycles_;
  const model::DependencyGraph& graph_;
  const SupplyCycles& cycles_;
  Hours horizon_ = kNever;
  // Per group: already lost (the check must not lose it twice).
  std::vector<bool> lost_;
  // (asset, kind) pairs whose own buffer has run out: a bit per kind below
  // 64 per asset (allocated only when the graph has own buffers), a set for
  // the rest; the assets with any, for the reset; and those about to be applied.
  std::vector<std::uint64_t> stopped_mask_;
  std::unordered_set<std::uint64_t> stopped_high_;
  std::vector<AssetIndex> stopped_assets_;
  std::vector<std::pair<AssetIndex, std::uint32_t>> pending_stops_;
  std::vector<std::uint32_t> dirty_cycles_;
  std::vector<bool> cycle_dirty_;
  // Working memory of check_cycle, per member position and per group.
  std::vector<bool> grounded_;
  std::vector<std::uint32_t> counting_;
  std::vector<std::uint32_t> unsatisfied_;
  std::vector<std::uint32_t> work_;
  std::vector<Hours> time_;
  std::vector<bool> settled_;
  std::vector<std::uint32_t> losses_;
  std::vector<GroupIndex> cause_group_;
  std::vector<AssetIndex> cause_supplier_;
  std::vector<AssetIndex> touched_assets_;
  std::vector<GroupIndex> touched_groups_;
  std::vector<AssetIndex> order_;
  std::vector<std::pair<Hours, AssetIndex>> heap_;
};

}  // namespace knelpunt::engine
