#pragma once
/// N-1 reach (failures as in docs/model.md): for every non-virtual asset x, the non-virtual
/// assets other than x that fail within the horizon when x alone fails at
/// t = 0. Exact for every k-of-n rule, buffer and horizon; docs/reach.md
/// gives the algorithm (an output-sensitive sweep per asset over the
/// follower forest of engine/dominators.hpp) and its exactness argument.
/// With same-kind cycles or own buffers (docs/model.md, Supply from
/// sources) followers no longer fail with their root, and every asset runs
/// the full cascade instead: exact, O(V · cascade).
/// No I/O.

#include <cstdint>
#include <span>
#include <vector>

#include "engine/affected_people.hpp"
#include "engine/cascade.hpp"
#include "engine/progress.hpp"
#include "model/dependency_graph.hpp"

namespace knelpunt::engine {

/// The reach of one asset.
struct AssetReach {
  AssetIndex asset = kNoIndex;
  /// How many non-virtual assets other than `asset` fail within the horizon.
  std::uint32_t reach = 0;
  /// The people affected, each counted once (engine/affected_people.hpp):
  /// the residents of the areas that `asset` itself or any asset failing
  /// with it (virtual ones included) supplies, as affected_people gives for
  /// that down set (exactly for whole-number populations; otherwise up to
  /// rounding, the sums being taken in another order). 0 when no
  /// PeopleServed was given.
  double people = 0;
  /// A pseudo-area is among them: `people` may count some residents twice.
  bool people_upper_bound = false;
};

/// The order of `knelpunt reach` and of the register's N-1 ranking: reach
/// descending, then people descending, then asset index (the model's
/// assets are sorted by id, so id) ascending. A total order.
inline bool reaches_further(const AssetReach& a, const AssetReach& b) {
  if (a.reach != b.reach) return a.reach > b.reach;
  if (a.people != b.people) return a.people > b.people;
  return a.asset < b.asset;
}

/// The reach of every non-virtual asset of `graph`, in ascending asset index.
/// With `people` (built from the model of `graph`), every result counts its
/// people once; the sweep then visits, beyond its blocks, only the assets
/// that supply real areas. Without, every result has 0 people. `horizon` is
/// inclusive (kNever: no limit). `threads` ≥ 1 threads take chunks of
/// assets as they are free; the result does not depend on their number.
/// `progress` (step "reach") counts the assets swept, in blocks.
/// Throws std::invalid_argument when `people` is of another number of assets.
std::vector<AssetReach> compute_reach(const model::DependencyGraph& graph, const PeopleServed* people,
                                      Hours horizon, unsigned threads = 1,
                                      const StepProgress& progress = {});

/// As compute_reach, for the assets with index in [first, last) only (a shard
/// of the work, see docs/reach.md, Shards); each asset's result is the same as in a
/// whole run. Throws std::invalid_argument when first > last or last > asset_count().
std::vector<AssetReach> compute_reach_range(const model::DependencyGraph& graph,
                                            const PeopleServed* people, Hours horizon,
                                            unsigned threads, AssetIndex first, AssetIndex last,
                                            const StepProgress& progress = {});

/// The set behind one asset's reach: the non-virtual assets other than
/// `asset` that fail within `horizon` when `asset` alone fails at 0,
/// ascending by index. One cascade, O(touched · log).
std::vector<AssetIndex> reach_set(const model::DependencyGraph& graph, AssetIndex asset, Hours horizon);

}  // namespace knelpunt::engine
