#pragma once
/// N-1 reach counted as the register counts it (docs/reach.md, decisions 044
/// and 048). engine/reach.hpp's sweep counts, for every asset at once, what
/// fails within one horizon when nothing comes back. The register counts an
/// asset's own cascade through the ImpactEstimator, which differs in two
/// cases:
///
/// - on a model with recovery times an asset that is repaired before its
///   dependents' buffers run out spares them, so the sweep's count is an
///   upper bound. Only a row whose asset has a `recovery` can change: the
///   asset is the only initial failure, everything else fails through it,
///   and an asset that lost its supply comes back only once its suppliers
///   do, so when the asset itself never comes back nothing does;
/// - an asset of a vital process with a horizon of its own (profile
///   `horizons:`, e.g. flood defence within 7 days) is counted within that
///   horizon, not the sweep's.
///
/// This recounts those rows from the asset's own cascade: the same
/// non-virtual assets (`CascadeOutcome::affected_count`) and the same people
/// (`people_served`) as the register's entry, `reach --asset` and `whatif`.
/// The cost is one cascade per such row.

#include <span>

#include "assessors/impact_estimator.hpp"
#include "engine/progress.hpp"
#include "engine/reach.hpp"
#include "model/model.hpp"

namespace knelpunt::assessors {

/// True when the register counts the cascade of `asset` alone otherwise than
/// a sweep within `estimator.horizon()` does: the asset has a `recovery` in
/// a model where outages end, or its process has a horizon of its own.
bool counted_otherwise(const ImpactEstimator& estimator, const model::Model& model, model::AssetIndex asset);

/// Replaces the `reach`, `people` and `people_upper_bound` of each row for
/// which counted_otherwise holds with those of its asset's own cascade from
/// `estimator` (built on `model`; its horizons, with restoration). The rows
/// keep their order; the result does not depend on `threads`. `progress`
/// advances once per row recounted.
void count_as_register(const ImpactEstimator& estimator, const model::Model& model,
                       std::span<engine::AssetReach> rows, unsigned threads,
                       const engine::StepProgress& progress = {});

}  // namespace knelpunt::assessors
