#pragma once
/// Failure propagation (docs/model.md): the failure time F(v) of every asset
/// for a set of initial failures, as the largest solution of
///   F(v) = min(initial(v), min over groups g of v of L(g) + time_to_impact(g)),
/// where L(g) is the (n − k + 1)-th smallest failure time among g's suppliers.
/// Computed by a Dijkstra-style sweep in increasing time (Knuth 1977,
/// superior functions): O(E log V). No I/O.

#include <span>
#include <vector>

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

  /// Runs a cascade; the assets it failed are `failed()` in settling order
  /// (nondecreasing time, causes before their effects).
  void run(std::span<const Seed> seeds, Hours horizon);

  std::span<const AssetIndex> failed() const { return order_; }
  Hours failure_time(AssetIndex asset) const { return time_[asset]; }
  GroupIndex cause_group(AssetIndex asset) const { return cause_group_[asset]; }
  AssetIndex cause_supplier(AssetIndex asset) const { return cause_supplier_[asset]; }

 private:
  void reset();

  const model::DependencyGraph& graph_;
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
