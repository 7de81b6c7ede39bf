#pragma once
/// The Monte Carlo report of `knelpunt simulate`, shared by `simulate` (one
/// machine, or one shard's raw counts) and `merge` (shards combined), so
/// that both print the same bytes (docs/simulate.md).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "cli/reach_report.hpp"
#include "engine/monte_carlo.hpp"
#include "model/duration.hpp"

namespace knelpunt::cli {

/// An asset as the report names it.
struct SimulateAsset {
  std::string id;
  std::string name;  ///< the asset's name, or its id when it has none
};

/// A scenario that runs sample (it has a frequency), as the report names it.
struct SimulateScenario {
  std::string id;
  double frequency = 0;    ///< occurrences per year, as the model states it
  double probability = 0;  ///< that it occurs in a run: engine::scenario_run_probability
};

/// Everything a report is rendered from: what was asked and the raw counts.
struct SimulateReport {
  std::string region;  ///< the region's name; empty: "het model" / "the model"
  model::Hours horizon = 72;
  std::uint64_t seed = 0;
  std::uint64_t runs = 0;  ///< the runs of the whole simulation (all shards)
  /// The most people one run can affect (Σ population of all areas and
  /// pseudo-areas): where the loss-exceedance curve ends.
  double most_people = 0;
  std::vector<SimulateAsset> assets;  ///< every asset, in the model's (id) order
  std::vector<SimulateScenario> scenarios;  ///< the sampled scenarios, in id order
  /// The sets of assets whose joint failure was counted (`--joint`), each
  /// by id in id order, in the order asked; empty: none asked (and the
  /// outputs have no "joint").
  std::vector<std::vector<std::string>> joint_sets;
  /// failed_runs in the order of `assets`, scenario_runs in that of
  /// `scenarios`, joint_failed_runs in that of `joint_sets`.
  engine::MonteCarloTally tally;
};

/// The terminal report in `lang`: the `top` assets that fail most often (0:
/// 20), the people affected and the exceedance curve down to its first zero.
std::string render_simulate_text(const SimulateReport& report, std::size_t top,
                                 std::string_view lang);
/// `knelpunt-simulate/1`: every asset, the people statistics, the whole curve.
std::string render_simulate_json(const SimulateReport& report);

/// The run indices of shard `shard` of `runs` runs: [runs·I/N, runs·(I+1)/N).
struct RunRange {
  std::uint64_t first = 0;
  std::uint64_t last = 0;
};
/// runs <= kMaxRuns (10^9, cli/option_ranges.hpp) and N < 2^32, so the products fit 64 bits.
inline RunRange shard_runs(std::uint64_t runs, const Shard& shard) {
  return {runs * shard.index / shard.count, runs * (shard.index + 1) / shard.count};
}

/// `knelpunt-simulate-shard/1`: the raw counts of one shard (tally over
/// `shard_runs(report.runs, shard)`), with what merge checks.
std::string render_simulate_shard(const SimulateReport& report, const Shard& shard,
                                  const std::string& digest);

}  // namespace knelpunt::cli
