#pragma once
/// Critical pairs that exist only because the model has repairs (decision
/// 050). Minimal cut sets (engine/cut_sets.hpp) are computed without
/// repairs; the register's cascades run with them. When a single point x
/// takes a vital asset t down only without repairs (x's own cascade with
/// repairs keeps t up: x comes back before t's buffers run out), every set
/// {x, y} is non-minimal without repairs and has no entry — yet with repairs
/// x and y failing together may still take t down. On Dordrecht the grid
/// operator's SCADA alone keeps the telecom core up (it is back at 48 h,
/// before the core's generator runs out of fuel), but SCADA and that
/// generator together take it down: a risk no entry showed.
///
/// This finds those pairs: for each such (x, t), each non-virtual asset y
/// upstream of t runs the cascade of {x, y} with repairs; t counts for the
/// pair when it fails there and y alone does not take t down with repairs
/// (else {y} is the smaller set). Costs one cascade per (x, y), only on a
/// model with repairs.

#include <array>
#include <span>
#include <vector>

#include "assessors/impact_estimator.hpp"
#include "model/dependency_graph.hpp"

namespace knelpunt::assessors {

/// A single point of failure as the single-point assessor found it.
struct SinglePointTargets {
  model::AssetIndex asset = model::kNoIndex;
  /// The vital assets it takes down without repairs (it is a minimal cut
  /// set of order 1 of each), ascending.
  std::vector<model::AssetIndex> targets;
  /// Those of `targets` its own cascade with repairs keeps up, ascending.
  std::vector<model::AssetIndex> restored;
};

/// A pair that takes vital assets down only when repairs are counted.
struct RepairedPair {
  std::array<model::AssetIndex, 2> assets{};  ///< ascending
  /// The vital assets the pair takes down with repairs that a member takes
  /// down alone only without them, ascending.
  std::vector<model::AssetIndex> targets;
  /// The members that take those targets down alone without repairs, ascending.
  std::vector<model::AssetIndex> alone;
};

/// The pairs {x, y} of the header for `singles` (every single point the
/// assessor found, with its targets and restored targets), through
/// `estimator`'s cascades (its horizons and repairs). Sorted by assets; the
/// result does not depend on `threads`. Empty when the estimator has no
/// repairs.
std::vector<RepairedPair> pairs_with_repairs(const model::DependencyGraph& graph, const ImpactEstimator& estimator,
                                             std::span<const SinglePointTargets> singles, unsigned threads);

}  // namespace knelpunt::assessors
