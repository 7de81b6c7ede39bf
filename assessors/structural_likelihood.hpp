#pragma once
/// The likelihood of a structural finding (a single point of failure, a
/// common-cause pair, a far-reaching asset): the chance that all of its
/// assets fail in the scoring period, from their yearly `p` taken as
/// independent, classed by the catalogue's likelihood classes; the
/// catalogue's default class when any of them has no `p`. With the
/// profile's `likelihood: {source: simulate}` (context.simulated), how
/// often the assets failed together in the simulation's runs instead
/// (docs/assessors.md).

#include <cstdint>
#include <optional>
#include <vector>

#include "assessors/assessment_context.hpp"
#include "assessors/finding.hpp"

namespace knelpunt::assessors {

/// The likelihood of the finding on `assets` (one asset, or a cut set). With
/// a simulation in `context`, one asset takes the runs in which it failed
/// (context.simulated->failed_runs) and a set of two or more takes
/// `joint_failed_runs`, the runs in which all of them failed
/// (simulate_joint_failures_for); without a count a set keeps the product of its p.
Likelihood structural_likelihood(const std::vector<model::AssetIndex>& assets, const AssessmentContext& context,
                                 std::optional<std::uint64_t> joint_failed_runs = std::nullopt);

/// The likelihood that the assets `subject` names (two or more, e.g. "all 12
/// assets of zone x") fail together within the simulation's horizon, given
/// that they did in `failed_runs` of the runs of `context.simulated`, which
/// must be set: the rate per year with its Wilson interval, over the scoring
/// period, classed.
Likelihood simulated_joint_likelihood(const LocalText& subject, std::uint64_t failed_runs,
                                      const AssessmentContext& context);

}  // namespace knelpunt::assessors
