#pragma once
/// Turns "these assets fail at these times" into the impact of a finding:
/// per criterion of the scoring catalogue that has an `estimate` block, the
/// value (people, or people-hours without service up to the horizon) summed
/// over the failed non-virtual assets, and its class. Also builds the cause
/// chain and the timeline that findings carry as evidence.

#include <span>
#include <string>
#include <vector>

#include "assessors/finding.hpp"
#include "catalogs/reference_data.hpp"
#include "engine/cascade.hpp"
#include "model/dependency_graph.hpp"
#include "model/model.hpp"

namespace knelpunt::assessors {

/// What a cascade did, as findings report it.
struct CascadeOutcome {
  std::vector<std::string> affected;   ///< non-virtual assets that failed, initial ones excluded, sorted by id
  std::vector<ChainStep> chain;        ///< every failed asset (virtual ones included), by time then id
  std::vector<TimelinePoint> timeline; ///< one point per distinct failure time
  std::vector<CriterionImpact> impact; ///< estimated criteria, in catalogue order
};

class ImpactEstimator {
 public:
  /// `horizon` must be finite: people-hours count outage up to it.
  ImpactEstimator(const model::Model& model, const model::DependencyGraph& graph,
                  const catalogs::ReferenceData& reference, model::Hours horizon);

  /// Runs the cascade of `seeds` up to the horizon and describes it. Initial
  /// failures count for impact like any other failed asset.
  CascadeOutcome outcome(std::span<const engine::Seed> seeds) const;

  /// The same for failure times already computed (kNever = up).
  CascadeOutcome describe(const engine::Cascade& cascade) const;

  model::Hours horizon() const { return horizon_; }

 private:
  const model::Model& model_;
  const model::DependencyGraph& graph_;
  const catalogs::ReferenceData& reference_;
  model::Hours horizon_;
};

}  // namespace knelpunt::assessors
