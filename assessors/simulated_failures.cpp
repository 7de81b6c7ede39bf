#include "assessors/simulated_failures.hpp"

#include <algorithm>

#include "engine/affected_people.hpp"
#include "engine/monte_carlo.hpp"

namespace knelpunt::assessors {

SimulatedFailures simulate_failures_for(const model::Model& model,
                                        const model::DependencyGraph& graph,
                                        const SimulatedLikelihood& settings, model::Hours horizon,
                                        unsigned threads) {
  const engine::PeopleServed served(model);
  const std::vector<double> p = engine::initial_failure_probabilities(model);
  const std::vector<engine::SampledScenario> scenarios = engine::sampled_scenarios(model);
  engine::MonteCarloOptions options;
  options.seed = settings.seed;
  options.first_run = 0;
  options.last_run = settings.runs;
  options.horizon = horizon;
  options.threads = threads;
  options.scenarios = scenarios;
  auto tally = engine::simulate_failures(graph, served, p, options);
  return {settings.runs, settings.seed, horizon, std::move(tally.failed_runs)};
}

bool can_simulate_failures(const model::Model& model) {
  // What the runs draw from, as simulate_failures_for gives it to them.
  const auto p = engine::initial_failure_probabilities(model);
  const auto scenarios = engine::sampled_scenarios(model);
  return std::any_of(p.begin(), p.end(), [](double chance) { return chance > 0; }) ||
         std::any_of(scenarios.begin(), scenarios.end(),
                     [](const engine::SampledScenario& scenario) { return scenario.probability > 0; });
}

}  // namespace knelpunt::assessors
