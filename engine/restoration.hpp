#pragma once
/// Restoration (docs/restoration.md): failure propagation in which assets come
/// back. An event-driven simulation in continuous time over the dependency
/// graph: an asset is up or down; a dependency group is lost while fewer than
/// `need` of its suppliers are up; an up asset fails when it is seeded or when
/// one of its groups has been lost continuously for its time_to_impact; a
/// down asset is back at the first time ≥ failure + recovery at which every
/// one of its groups is satisfied. Ties at one instant settle in two phases
/// (returns, then failures), each to its least fixed point. No I/O.
///
/// With no recovery anywhere nothing ever comes back, and the start of each
/// asset's (single) down interval equals engine::propagate's failure time for
/// the same seeds and horizon (tests/property/restoration_property_test.cpp).

#include <optional>
#include <span>
#include <vector>

#include "engine/cascade.hpp"
#include "model/dependency_graph.hpp"
#include "model/model.hpp"

namespace knelpunt::engine {

/// One period during which an asset is down: [start, end). `end` is kNever
/// when the asset is still down at the horizon. `cause_group` is the group
/// whose loss (or expired buffer) failed the asset and `cause_supplier` the
/// supplier whose failure made that group lost; both are kNoIndex for a
/// seeded (initial) failure.
struct DownInterval {
  Hours start = 0;
  Hours end = kNever;
  GroupIndex cause_group = kNoIndex;
  AssetIndex cause_supplier = kNoIndex;

  bool operator==(const DownInterval&) const = default;
};

/// One change of state, as the simulation settled it.
struct RestorationEvent {
  enum class Kind { fails, back };
  Hours at = 0;
  AssetIndex asset = kNoIndex;
  Kind kind = Kind::fails;
  GroupIndex cause_group = kNoIndex;     ///< for `fails`, as in DownInterval
  AssetIndex cause_supplier = kNoIndex;  ///< for `fails`, as in DownInterval

  bool operator==(const RestorationEvent&) const = default;
};

/// The outcome of a restoration run.
struct Restoration {
  /// Per asset, its down intervals in time order; disjoint, and never
  /// touching (an asset that would come back and fail at the same instant
  /// stays down: one interval). Empty for an asset that never fails.
  std::vector<std::vector<DownInterval>> down;
  /// Every failure and return in settling order: nondecreasing time; at one
  /// instant all returns before all failures, and each failure after the
  /// failure of the supplier that caused it.
  std::vector<RestorationEvent> events;

  /// True when `asset` is down at time `at` (intervals are half-open).
  bool down_at(AssetIndex asset, Hours at) const;
  /// The start of the asset's first down interval, or kNever.
  Hours first_failure(AssetIndex asset) const;
  /// The total time the asset is down within [0, horizon]; kNever when it
  /// is still down at an infinite horizon.
  Hours downtime(AssetIndex asset, Hours horizon) const;
};

/// Per asset its `recovery` from the model (nothing where none is given), in
/// the asset order of model::DependencyGraph(model).
std::vector<std::optional<Hours>> recovery_times(const model::Model& model);

/// Per asset its `restart` from the model (nothing where none is given), in
/// the asset order of model::DependencyGraph(model).
std::vector<std::optional<Hours>> restart_times(const model::Model& model);

/// True when some asset of the model has a `recovery`. (A `restart` alone
/// changes nothing: without any recovery no supply ever comes back.)
bool has_recovery(const model::Model& model);

/// Simulates failures and returns from `seeds` up to `horizon` (inclusive:
/// events at exactly `horizon` happen). `recovery[a]` is the time asset `a`
/// needs after a failure before it can run again; when it is nothing, a
/// seeded failure is permanent and a failure for lack of supply needs no
/// restart (0). A seed at a time when the asset is already down damages it
/// again: its earliest return becomes max(earlier one, seed + recovery).
/// Seeds after the horizon are ignored; a seed listed twice at one time
/// counts once. Recovery is applied as given to every asset (the model
/// reader gives none to virtual assets).
///
/// Preconditions (std::invalid_argument otherwise): `recovery` has one entry
/// per asset; every given recovery is positive and finite; `horizon` is
/// finite when any recovery is given — an outage can circulate around a ring
/// of dependencies forever (docs/restoration.md), so an unbounded run need
/// not end. Without recoveries nothing comes back and any horizon works.
///
/// Deterministic: the result depends only on the graph, the recoveries, the
/// horizon and the multiset of seeds. Cost: O(changes · d · log) where
/// `changes` is the number of failures and returns and d the number of
/// groups an asset supplies.
Restoration simulate_restoration(const model::DependencyGraph& graph, std::span<const std::optional<Hours>> recovery,
                                 std::span<const Seed> seeds, Hours horizon);

/// The same with a separate restart time after a loss of supply: `restart`
/// is empty (then `recovery` serves for both, as above) or has one entry per
/// asset; where `restart[a]` is given (≥ 0, finite) it replaces `recovery[a]`
/// after a failure for lack of supply, while a seeded failure still needs
/// `recovery[a]`. std::invalid_argument on a wrong size or a negative or
/// infinite restart, besides the preconditions above.
Restoration simulate_restoration(const model::DependencyGraph& graph,
                                 std::span<const std::optional<Hours>> recovery,
                                 std::span<const std::optional<Hours>> restart,
                                 std::span<const Seed> seeds, Hours horizon);

}  // namespace knelpunt::engine
