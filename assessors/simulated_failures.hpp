#pragma once
/// How often each asset fails within a horizon in a Monte Carlo simulation
/// of the model (engine/monte_carlo.hpp: the assets' p and the scenarios'
/// frequencies, one run a year), for likelihoods taken from simulation
/// (profile `likelihood: {source: simulate}`, docs/assessors.md).

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "assessors/assessment_profile.hpp"
#include "engine/progress.hpp"
#include "model/dependency_graph.hpp"
#include "model/model.hpp"

namespace knelpunt::assessors {

struct SimulatedFailures {
  std::uint64_t runs = 0;
  std::uint64_t seed = 0;
  model::Hours horizon = 72;
  /// Per asset (index order): runs in which it failed within `horizon`.
  std::vector<std::uint64_t> failed_runs;
};

/// Simulates `settings.runs` runs with `settings.seed` up to `horizon` on
/// `threads` threads; the result does not depend on `threads`. `progress`
/// hears the runs finished as the step "simulate".
SimulatedFailures simulate_failures_for(const model::Model& model,
                                        const model::DependencyGraph& graph,
                                        const SimulatedLikelihood& settings, model::Hours horizon,
                                        unsigned threads, const engine::StepProgress& progress = {});

/// Per set of `sets` (each with at least one asset and no repeats): in how
/// many runs of the simulation `simulated` was made with (the same runs,
/// seed and horizon) every asset of the set failed within the horizon,
/// whatever the cause. Runs that simulation again, so the counts agree with
/// `simulated.failed_runs` run by run; the result does not depend on `threads`.
/// `progress` hears the runs finished as the step `step`.
std::vector<std::uint64_t> simulate_joint_failures_for(const model::Model& model,
                                                       const model::DependencyGraph& graph,
                                                       const SimulatedFailures& simulated,
                                                       std::span<const std::vector<model::AssetIndex>> sets,
                                                       unsigned threads, const engine::StepProgress& progress = {},
                                                       std::string_view step = "simulate: joint failures");

/// True when some run can fail something: an asset with p > 0 or a scenario
/// with a frequency > 0. Without either, a simulation says nothing.
bool can_simulate_failures(const model::Model& model);

/// True when the runs sample `threat`: some scenario of that threat has a
/// frequency > 0. A local event such as a flood takes a zone down only in
/// the scenarios that model it; without one, how often a zone fails as a
/// whole in the runs says nothing about that threat (decision 040).
bool simulates_threat(const model::Model& model, std::string_view threat);

}  // namespace knelpunt::assessors
