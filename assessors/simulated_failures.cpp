#include "assessors/simulated_failures.hpp"

#include <algorithm>

#include "engine/affected_people.hpp"
#include "engine/monte_carlo.hpp"

namespace knelpunt::assessors {

namespace {

/// The runs simulate_failures_for makes: `runs` runs of a year with `seed`
/// up to `horizon`, counting the joint failures of `watched` besides.
engine::MonteCarloTally simulate_runs(const model::Model& model, const model::DependencyGraph& graph,
                                      std::uint64_t runs, std::uint64_t seed, model::Hours horizon,
                                      std::span<const std::vector<model::AssetIndex>> watched, unsigned threads,
                                      const engine::StepProgress& progress, std::string_view step) {
  const engine::PeopleServed served(model);
  const std::vector<double> p = engine::initial_failure_probabilities(model);
  const std::vector<engine::SampledScenario> scenarios = engine::sampled_scenarios(model);
  engine::MonteCarloOptions options;
  options.seed = seed;
  options.first_run = 0;
  options.last_run = runs;
  options.horizon = horizon;
  options.threads = threads;
  options.scenarios = scenarios;
  options.watched_sets = watched;
  // The runs finished so far come cumulative, one call at a time; the
  // counter passes them on as the step's progress.
  engine::ProgressCounter counter(progress, step, runs);
  std::uint64_t reported = 0;
  if (progress)
    options.progress = [&](std::uint64_t done) {
      counter.advance(done - reported);
      reported = done;
    };
  return engine::simulate_failures(graph, served, p, options);
}

}  // namespace

SimulatedFailures simulate_failures_for(const model::Model& model,
                                        const model::DependencyGraph& graph,
                                        const SimulatedLikelihood& settings, model::Hours horizon,
                                        unsigned threads, const engine::StepProgress& progress) {
  auto tally = simulate_runs(model, graph, settings.runs, settings.seed, horizon, {}, threads, progress, "simulate");
  return {settings.runs, settings.seed, horizon, std::move(tally.failed_runs)};
}

std::vector<std::uint64_t> simulate_joint_failures_for(const model::Model& model,
                                                       const model::DependencyGraph& graph,
                                                       const SimulatedFailures& simulated,
                                                       std::span<const std::vector<model::AssetIndex>> sets,
                                                       unsigned threads, const engine::StepProgress& progress,
                                                       std::string_view step) {
  if (sets.empty()) return {};
  return simulate_runs(model, graph, simulated.runs, simulated.seed, simulated.horizon, sets, threads, progress,
                       step)
      .joint_failed_runs;
}

bool can_simulate_failures(const model::Model& model) {
  // What the runs draw from, as simulate_failures_for gives it to them.
  const auto p = engine::initial_failure_probabilities(model);
  const auto scenarios = engine::sampled_scenarios(model);
  return std::any_of(p.begin(), p.end(), [](double chance) { return chance > 0; }) ||
         std::any_of(scenarios.begin(), scenarios.end(),
                     [](const engine::SampledScenario& scenario) { return scenario.probability > 0; });
}

bool simulates_threat(const model::Model& model, std::string_view threat) {
  return std::any_of(
      model.scenarios.begin(), model.scenarios.end(), [&](const model::Scenario& scenario) {
        return scenario.threat == threat && scenario.frequency && *scenario.frequency > 0;
      });
}

}  // namespace knelpunt::assessors
