#pragma once
/// The likelihood of a structural finding (a single point of failure, a
/// common-cause pair, a far-reaching asset): the chance that all of its
/// assets fail in the scoring period, from their yearly `p` taken as
/// independent, classed by the catalogue's likelihood classes; the
/// catalogue's default class when any of them has no `p`.

#include <vector>

#include "assessors/assessment_context.hpp"
#include "assessors/finding.hpp"

namespace knelpunt::assessors {

Likelihood structural_likelihood(const std::vector<model::AssetIndex>& assets, const AssessmentContext& context);

}  // namespace knelpunt::assessors
