#pragma once
/// Monte Carlo over random initial failures (docs/simulate.md): in each run
/// every non-virtual asset fails at t = 0 independently with its
/// probability p — the meaning `cutsets --probability` gives p
/// (engine/probability.hpp) —, each scenario with a frequency occurs
/// independently with its probability per run and adds its initial
/// failures, and the cascade (engine/cascade.hpp) runs to the horizon. The result is a tally of raw
/// counts: per asset the runs in which it failed within the horizon, and the histogram of people
/// affected (counted once, engine/affected_people.hpp). Run r draws its random numbers from (seed,
/// r, asset id) only (engine/counter_random.hpp), and tallies hold integer counts, so the tally of
/// runs [a, c) is the sum of those of [a, b) and [b, c) bit for bit, whatever the thread count. No
/// I/O.

#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "engine/affected_people.hpp"
#include "engine/cascade.hpp"
#include "engine/simulation_statistics.hpp"
#include "model/dependency_graph.hpp"
#include "model/model.hpp"

namespace knelpunt::engine {

/// The raw, mergeable result of a range of runs.
struct MonteCarloTally {
  std::uint64_t runs = 0;  ///< runs tallied
  std::vector<std::uint64_t>
      failed_runs;         ///< per asset (virtual ones included): runs in which it failed
  PeopleHistogram people;  ///< people affected per run, each person once
  /// Runs whose head count includes a pseudo-area (an asset counting its own
  /// population, AffectedPeople::upper_bound): their count may count some
  /// residents twice.
  std::uint64_t upper_bound_runs = 0;
  /// People-hours without service within the horizon per run
  /// (engine::people_hours: per area and service, each hour once); empty
  /// for an infinite horizon, where an outage without repair has no end.
  PeopleHistogram people_hours;
  /// Runs whose people-hours count a pseudo-area (PeopleHours::upper_bound).
  std::uint64_t people_hours_upper_bound_runs = 0;
  /// Per sampled scenario (MonteCarloOptions::scenarios, same order): runs in which it occurred.
  std::vector<std::uint64_t> scenario_runs;
  /// Per watched set (MonteCarloOptions::watched_sets, same order): runs in
  /// which every asset of the set failed within the horizon.
  std::vector<std::uint64_t> joint_failed_runs;
};

/// A scenario as a run samples it.
struct SampledScenario {
  std::uint64_t key = 0;      ///< its stream key: scenario_stream_key(id)
  double probability = 0;     ///< that it occurs in a run (at least once)
  std::vector<Seed> initial;  ///< its initial failures, at their times
};

/// The stream key of scenario `id`: the key of "scenario:" + id, which no
/// asset id can equal (asset ids have no ':'), so a scenario's draws never
/// repeat an asset's.
std::uint64_t scenario_stream_key(std::string_view id);

/// The chance that a scenario with `per_year` occurrences per year (a
/// Poisson process) occurs at least once in a run, which stands for one year
/// as an asset's p does: 1 − e^(−per_year) (decision 039).
inline double scenario_run_probability(double per_year) {
  return per_year > 0 ? -std::expm1(-per_year) : 0.0;
}

/// Adds the runs of `part` (another range, same model and seed) to `into`;
/// `into` may be empty (no assets yet).
void add_tally(MonteCarloTally& into, const MonteCarloTally& part);

struct MonteCarloOptions {
  std::uint64_t seed = 0;
  std::uint64_t first_run = 0;  ///< the run indices simulated: [first_run, last_run)
  std::uint64_t last_run = 0;
  model::Hours horizon = model::kNever;  ///< inclusive; kNever = no limit
  unsigned threads = 1;                  ///< as parallel_for's
  /// Per asset its recovery and restart (engine::recovery_times,
  /// restart_times), or empty: without them nothing comes back. They change
  /// the people-hours only (each run is then also simulated with repairs,
  /// engine/restoration.hpp); failures and people affected stay those of the
  /// cascade without repairs, the meaning `cutsets --probability` has.
  /// Given recoveries need a finite horizon.
  std::span<const std::optional<model::Hours>> recovery;
  std::span<const std::optional<model::Hours>> restart;
  /// The scenarios sampled in each run (those with a frequency), in the
  /// model's (id) order; the tally's scenario_runs follow it.
  std::span<const SampledScenario> scenarios;
  /// Sets of assets (each with at least one asset and no repeats) whose
  /// joint failure the runs count: the tally's joint_failed_runs follow this
  /// order. A run then costs O(sizes of the sets whose first asset failed) more.
  std::span<const std::vector<AssetIndex>> watched_sets;
  /// Called with the number of runs finished so far, after each block of
  /// runs, one call at a time (from whichever worker finished the block).
  std::function<void(std::uint64_t done)> progress;
};

/// Per asset of `model` (index order) the probability that a run fails it
/// at 0: its p, or 0 for a virtual asset or one without p (docs/simulate.md).
std::vector<double> initial_failure_probabilities(const model::Model& model);

/// The scenarios of `model` that runs sample (those with a frequency), in id
/// order, each with its stream key, chance per run and initial failures.
std::vector<SampledScenario> sampled_scenarios(const model::Model& model);

/// Simulates runs [first_run, last_run). `p` has one entry per asset
/// (p.size() == graph.asset_count(); virtual assets and p <= 0 never fail
/// initially, p >= 1 always); `served` belongs to the same model.
/// Exceptions of the cascade (std::bad_alloc) propagate.
MonteCarloTally simulate_failures(const model::DependencyGraph& graph, const PeopleServed& served,
                                  std::span<const double> p, const MonteCarloOptions& options);

/// Whether the asset with stream key `key` (stream_key of its id) and
/// probability `p` fails initially in run `run` under `seed`: u < p, u the
/// run's draw for that key. Exposed so tests can check the sampler alone.
bool fails_initially(std::uint64_t seed, std::uint64_t run, std::uint64_t key, double p);

}  // namespace knelpunt::engine
