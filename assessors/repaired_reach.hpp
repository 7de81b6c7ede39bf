#pragma once
/// N-1 reach counted with repairs, as the register counts it (docs/reach.md,
/// decision 044). engine/reach.hpp's sweep counts what fails when nothing
/// comes back; on a model with recovery times an asset that is repaired
/// before its dependents' buffers run out spares them, so the sweep's count
/// is an upper bound of the register's. This recounts each row from the
/// asset's own cascade through the ImpactEstimator: restoration included,
/// the same non-virtual assets (`CascadeOutcome::affected_count`) and the same
/// people (`people_served`) as the register's entry, `reach --asset` and
/// `whatif`.
///
/// Only a row whose asset has a `recovery` can change: the asset is the only
/// initial failure, everything else fails through it, and an asset that lost
/// its supply comes back only once its suppliers do, so when the asset
/// itself never comes back nothing does and the sweep's count is exact. So
/// the cost is one restoration cascade per asset with a `recovery`.

#include <span>

#include "assessors/impact_estimator.hpp"
#include "engine/progress.hpp"
#include "engine/reach.hpp"
#include "model/model.hpp"

namespace knelpunt::assessors {

/// Replaces the `reach`, `people` and `people_upper_bound` of each row whose
/// asset has a `recovery` in `model` with those of its asset's own cascade
/// from `estimator` (built on `model`; its horizon, with restoration). The
/// rows keep their order; the result does not depend on `threads`.
/// `progress` advances once per row recounted.
void count_with_repairs(const ImpactEstimator& estimator, const model::Model& model,
                        std::span<engine::AssetReach> rows, unsigned threads,
                        const engine::StepProgress& progress = {});

}  // namespace knelpunt::assessors
