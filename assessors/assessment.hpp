#pragma once
/// Runs the assessors a profile selects over a model: configures each (all
/// option errors reported before anything runs), gives each a context with
/// its horizon, and collects the findings in registry order.

#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "assessors/assessment_profile.hpp"
#include "assessors/assessor.hpp"
#include "assessors/horizon_resolution.hpp"
#include "engine/progress.hpp"

namespace knelpunt::assessors {

struct ConfiguredAssessor {
  std::unique_ptr<Assessor> assessor;
  model::Hours horizon = 72;  ///< finite (configure_assessors refuses an infinite one)
  HorizonSource horizon_source = HorizonSource::model;
  /// The profile's `horizons:` per vital process, for the impact of cascades
  /// that start at an asset of such a process (horizon_resolution.hpp).
  std::vector<ProcessHorizon> process_horizons = {};
};

/// The assessors of `profile`, configured, in registry order. Each one's
/// horizon follows resolve_horizon (its own, the profile's, else `region`'s);
/// an infinite one is an error at the place it was written, reported once per
/// place. Options are checked against the effective catalogues `reference`,
/// and the processes of the profile's `horizons:` against its vital processes.
std::vector<ConfiguredAssessor> configure_assessors(const AssessmentProfile& profile, const model::Region& region,
                                                    const catalogs::ReferenceData& reference,
                                                    model::Diagnostics& diagnostics);

/// The names of the built-in assessors, in registry order.
std::vector<std::string> builtin_assessor_names();

/// Adds an error (at its line) for each process of the profile's `horizons:`
/// that the vital-processes catalogue of `reference` does not have.
void check_process_horizons(const AssessmentProfile& profile, const catalogs::ReferenceData& reference,
                            model::Diagnostics& diagnostics);

/// Everything an assessment reads besides the profile.
struct AssessmentInput {
  const model::Model& model;
  const model::DependencyGraph& graph;
  const catalogs::ReferenceData& reference;
  unsigned threads = 1;
  const catalogs::KevCatalog* kev = nullptr;
  const catalogs::EpssScores* epss = nullptr;
  /// The profile's limits.chain_steps: chains are cut to their first steps
  /// (the earliest) and the rest counted in Finding::chain_omitted.
  std::optional<std::size_t> max_chain_steps = std::nullopt;
  /// The profile's `likelihood: {source: simulate}`: the model is simulated
  /// once per horizon the assessors use, and one-asset likelihoods come from
  /// it (structural_likelihood.hpp). None: from the assets' p.
  std::optional<SimulatedLikelihood> simulated_likelihood = std::nullopt;
  /// Hears the simulations above as the step "simulate" (engine/progress.hpp),
  /// made when the Assessment is constructed; may be empty.
  engine::StepProgress progress = {};
};

class ImpactEstimator;
struct SimulatedFailures;

/// One run of the configured assessors that can give findings in brief and
/// detail them afterwards (decision 021): at region scale the analyses find
/// tens of thousands of knelpunten, the register lists a few hundred, and
/// the evidence of the rest (affected assets, chains, timelines) is the
/// bulk of the time and memory. `assessors` and everything `input` refers
/// to must outlive the Assessment.
class Assessment {
 public:
  Assessment(const std::vector<ConfiguredAssessor>& assessors, const AssessmentInput& input);
  ~Assessment();
  Assessment(const Assessment&) = delete;
  Assessment& operator=(const Assessment&) = delete;

  /// The findings of every configured assessor, in registry order; with
  /// `in_brief`, some may be in brief (Finding::brief). `progress` hears a
  /// step per assessor (its name, 0 of 1 when it starts, 1 of 1 when it is
  /// done) and whatever finer steps the assessor reports itself.
  std::vector<Finding> run(bool in_brief, const engine::StepProgress& progress = {}) const;
  /// Fills in a finding of this run given in brief (nothing for one in
  /// full): afterwards it equals the finding run(false) gives. Safe to call
  /// for several findings at once from different threads.
  void detail(Finding& finding) const;

 private:
  struct Configured;
  /// Cuts an assessor's chain to the profile's limits.chain_steps.
  void cut_chain(Finding& finding) const;
  AssessmentInput input_;
  /// One simulation per horizon, when the input asks for it; the contexts point into it.
  std::vector<std::unique_ptr<SimulatedFailures>> simulations_;
  std::vector<std::unique_ptr<Configured>> configured_;
};

/// The findings of every configured assessor, in registry order, in full.
std::vector<Finding> run_assessors(const std::vector<ConfiguredAssessor>& assessors, const AssessmentInput& input);

}  // namespace knelpunt::assessors
