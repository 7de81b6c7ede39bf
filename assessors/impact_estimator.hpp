#pragma once
/// Turns "these assets fail at these times" into the impact of a finding:
/// per criterion of the scoring catalogue that has an `estimate` block, the
/// value (people, or people-hours without service within the horizon) and
/// its class. People (`serve: population`) are counted once, as residents of
/// the areas that lose a service (engine/affected_people.hpp, decision 013);
/// other bases (beds, …) are summed over the failed non-virtual assets. Also builds the cause
/// chain and the timeline that findings carry as evidence.
///
/// On a model where no asset has `recovery`, failures are permanent
/// (docs/model.md): an asset that fails at t is out for horizon − t. As soon
/// as some asset has a `recovery`, outages are simulated with restoration
/// (engine/restoration.hpp, docs/restoration.md) and an asset counts for the
/// time it is actually down: repairs shorten the people-hours of criteria
/// such as 2.3 and 5.1, and the timeline falls as service returns.

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "assessors/finding.hpp"
#include "assessors/horizon_resolution.hpp"
#include "assessors/service_outage.hpp"
#include "catalogs/reference_data.hpp"
#include "engine/affected_people.hpp"
#include "engine/cascade.hpp"
#include "engine/working_set_pool.hpp"
#include "model/dependency_graph.hpp"
#include "model/model.hpp"

namespace knelpunt::assessors {

/// What a cascade did, as findings report it.
struct CascadeOutcome {
  std::vector<std::string> affected;   ///< non-virtual assets that failed, initial ones excluded, sorted by id
  std::vector<ChainStep> chain;        ///< every failed asset (virtual ones included), by time then id
  /// Steps left out of `chain` by the estimator's max_chain_steps (the latest ones).
  std::size_t chain_omitted = 0;
  std::vector<TimelinePoint> timeline; ///< one point per distinct failure time
  std::vector<CriterionImpact> impact; ///< estimated criteria, in catalogue order
  /// Why `impact` is empty, when it is (full detail only): what failed
  /// within the horizon, that no failed asset belongs to a vital process,
  /// and each estimate's value under its class A limit, or that nobody loses
  /// a service. A register never leaves an impact blank without saying why.
  LocalText no_impact_reason;
  /// People-hours without service within the horizon: each area once per service and hour (decision 013).
  double people_hours = 0;
  /// People in the areas that lack a service at some moment, each area once.
  double people_served = 0;
  /// True when a count above includes an asset's own `serves.population`
  /// (an asset without areas): it may count some residents twice.
  bool people_upper_bound = false;
  /// Every asset that failed (virtual and initial ones included), in index order.
  std::vector<model::AssetIndex> failed;
  /// The number of assets in `affected`, in brief too: the one count of
  /// "affected" (non-virtual, initial ones excluded) that every output uses.
  std::size_t affected_count = 0;
  /// The horizon the cascade ran to (ImpactEstimator::horizon_of its seeds).
  model::Hours horizon = 0;
};

/// Moves what a finding shows of its own cascade into it: the affected
/// assets, the chain, the timeline, the impact, why it has no class, and the
/// cascade's horizon. The one place that decides what of an outcome a
/// finding keeps, so that every assessor's entry shows the same parts.
void take_cascade(Finding& finding, CascadeOutcome&& outcome);

/// How much of a CascadeOutcome to build.
enum class OutcomeDetail {
  full,   ///< everything
  /// the figures (impact classes and values, people, `failed`,
  /// `affected_count`); `affected`, `chain`, `timeline` and the estimated
  /// impacts' `basis` texts stay empty
  brief,
};

class ImpactEstimator {
 public:
  /// `horizon` must be finite: people-hours count outage up to it.
  /// `process_horizons` (the profile's `horizons:`) replace it for cascades
  /// that start at an asset of such a process (cascade_horizon).
  /// `max_chain_steps` (the profile's limits.chain_steps): each outcome's
  /// chain keeps its first this many steps and counts the rest, so that a
  /// region's tens of thousands of findings never hold their full chains.
  ImpactEstimator(const model::Model& model, const model::DependencyGraph& graph,
                  const catalogs::ReferenceData& reference, model::Hours horizon,
                  std::vector<ProcessHorizon> process_horizons = {},
                  std::optional<std::size_t> max_chain_steps = std::nullopt);
  ~ImpactEstimator();
  ImpactEstimator(const ImpactEstimator&) = delete;
  ImpactEstimator& operator=(const ImpactEstimator&) = delete;

  /// Runs the cascade of `seeds` up to its horizon (horizon_of) and
  /// describes it. Safe to call from several threads at once; each call
  /// costs O(what the cascade touches), not O(assets), so that a region's
  /// tens of thousands of findings stay cheap (docs/performance.md). Initial failures count for impact like any other failed
  /// asset. Criteria with an `estimate` are estimated; when none reaches
  /// class A and the cascade takes down an asset of a vital process, the
  /// catalogue's `vital_process_floor` gives the class (source `floor`).
  /// `brief` skips the evidence that only a listed entry shows (decision
  /// 021); the figures are the same as in `full`.
  /// With `elsewhere`, each estimated criterion counts what this cascade
  /// adds to the baseline's value (CountedElsewhere), and in full its basis
  /// says so (in brief, like every basis, it is left empty: a finding keeps
  /// its baseline for detailing); the floor applies as without it.
  CascadeOutcome outcome(std::span<const engine::Seed> seeds, OutcomeDetail detail = OutcomeDetail::full,
                         const CountedElsewhere* elsewhere = nullptr) const;

  /// The value of every criterion of the scoring catalogue (catalogue order;
  /// 0 without an estimate) for the cascade of `seeds`, classed or not: a
  /// baseline for CountedElsewhere.
  std::vector<double> criterion_values(std::span<const engine::Seed> seeds) const;

  /// The default horizon (the assessor's).
  model::Hours horizon() const { return horizon_; }
  /// The horizon of the cascade of `seeds`: the default, or a process's own (cascade_horizon).
  model::Hours horizon_of(std::span<const engine::Seed> seeds) const;

  /// True when outages end (some asset of the model has a `recovery`).
  bool restores() const { return !recovery_.empty(); }

  /// Who is served by what: the one counting of people (engine/affected_people.hpp).
  const engine::PeopleServed& people_served() const { return people_; }

 private:
  /// The catalogued vital processes of the non-virtual assets in `failed`, sorted, unique.
  std::vector<std::string> failed_processes(std::span<const model::AssetIndex> failed) const;
  /// Adds the catalogue's vital_process_floor when `processes` (failed_processes) is not empty.
  void add_floor(CascadeOutcome& out, const std::vector<std::string>& processes) const;

  /// Working memory of one outcome() call, reused across calls: a cascade
  /// runner and people counters that reset only what a run touched.
  struct Workspace;
  /// A workspace from the pool, or a new one when all are in use.
  std::unique_ptr<Workspace> acquire() const;
  /// Returns a workspace (with nothing down) to the pool.
  void release(std::unique_ptr<Workspace> workspace) const;

  const model::Model& model_;
  const model::DependencyGraph& graph_;
  const catalogs::ReferenceData& reference_;
  model::Hours horizon_;
  std::vector<ProcessHorizon> process_horizons_;
  std::optional<std::size_t> max_chain_steps_;
  ServiceOutage service_outage_;  ///< who supplies which service to which area, for service_outage criteria
  engine::PeopleServed people_;  ///< areas and who supplies them, for counting people once
  std::vector<std::optional<model::Hours>> recovery_;  ///< per asset; empty when no asset has one
  std::vector<std::optional<model::Hours>> restart_;   ///< per asset when recovery_ is not empty
  /// Per criterion of the catalogue: which assets count for it (empty: all).
  std::vector<std::vector<bool>> criterion_counts_;
  mutable engine::WorkingSetPool<std::unique_ptr<Workspace>> workspaces_;
};

}  // namespace knelpunt::assessors
