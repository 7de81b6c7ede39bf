#pragma once
/// An assessment profile (docs/assessors.md): which assessors run with which
/// options, the horizon, and the risk diagram of the scoring catalogue.
///   profile: 1
///   horizon: 72h                 # optional; default: the model's region.horizon
///   horizons:                    # optional: the impact horizon of a cascade that starts at
///     waterkering: 7d            # an asset of this vital process (horizon_resolution.hpp)
///   assessors:
///     single-point: {max_order: 2}
///     cascade-reach: {horizon: 72h, top: 20}   # `horizon` is accepted by every assessor
///     scenario: {}
///   scoring:
///     matrix: nvp-5x5            # a risk diagram of catalogs/scoring.yaml
///   limits:
///     chain_steps: 50            # optional: keep the first 50 steps of a chain, count the rest
///   register:                    # optional: which entries the register lists (docs/register.md)
///     min_level: midden          # a level of the risk diagram; default: its lowest
///     max_entries: 300           # at most this many entries (default 300)
///   likelihood:                  # optional: where one-asset likelihoods come from
///     source: simulate           # p (default: the asset's own p) or simulate (Monte Carlo)
///     runs: 20000                # simulate: runs (default 10 000)
///     seed: 1                    # simulate: seed (default 1)
/// Assessors not listed do not run. They always run in the registry's order,
/// so the order of keys in the file changes nothing.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "catalogs/catalog.hpp"
#include "model/diagnostic.hpp"
#include "model/duration.hpp"

namespace knelpunt::assessors {

/// A horizon set for one vital process (`horizons:` in the profile).
struct ProcessHorizon {
  std::string process;  ///< an id of catalogs/vital-processes.yaml
  model::Hours hours = 72;
  model::SourceLocation where = {};
};

struct AssessorSettings {
  std::string name;
  catalogs::Json options = catalogs::Json::object();  ///< without `horizon`
  std::optional<model::Hours> horizon;                ///< this assessor's own horizon
  model::SourceLocation where;
  model::SourceLocation horizon_where = {};           ///< where its `horizon` is written
};

/// `likelihood: {source: simulate}`: the likelihood of a one-asset
/// knelpunt is how often the asset fails within the horizon in a Monte
/// Carlo simulation of the model (docs/assessors.md, Likelihood from simulation).
struct SimulatedLikelihood {
  std::uint64_t runs = 10000;
  std::uint64_t seed = 1;
  model::SourceLocation where = {};  ///< where `source: simulate` is written
};

/// The most runs a profile may ask for: a register is regenerated in CI, so
/// its simulation must stay in seconds at region scale.
inline constexpr std::uint64_t kMaxLikelihoodRuns = 10'000'000;

/// Keeps a region's register to a few hundred entries (decision 020).
inline constexpr std::size_t kDefaultRegisterMaxEntries = 300;

struct AssessmentProfile {
  std::string name;  ///< the file name, e.g. "default.yaml"
  std::optional<model::Hours> horizon;
  model::SourceLocation horizon_where;      ///< where `horizon` is written
  std::vector<ProcessHorizon> process_horizons;  ///< `horizons:`, sorted by process
  std::vector<AssessorSettings> assessors;  ///< in the file's order
  std::string risk_diagram = "nvp-5x5";
  /// `limits.chain_steps`: at most this many chain steps per finding (the
  /// earliest ones); the rest is counted in Finding::chain_omitted. None: all.
  std::optional<std::size_t> max_chain_steps;
  /// `register.min_level`: the lowest level the register lists, as written
  /// (checked against the risk diagram by the caller); empty: every level.
  std::string register_min_level;
  model::SourceLocation register_min_level_where;
  /// `register.max_entries`: at most this many entries are listed; the rest
  /// are counted per sector and level (register/register_selection.hpp).
  std::size_t register_max_entries = kDefaultRegisterMaxEntries;
  /// `likelihood.source: simulate`; none: likelihoods from the assets' p.
  std::optional<SimulatedLikelihood> simulated_likelihood;

  /// The settings of an assessor, or nullptr when the profile does not run it.
  const AssessorSettings* find(std::string_view assessor) const;
};

/// Reads a profile file; problems are diagnostics with file:line:col.
/// `known_assessors` are the names an `assessors:` key may have.
AssessmentProfile read_assessment_profile(const std::filesystem::path& file, const std::vector<std::string>& known_assessors,
                                          model::Diagnostics& diagnostics);

}  // namespace knelpunt::assessors
