#pragma once
/// What every assessor reads: the model, its graph, the effective
/// catalogues, the cached feeds (never the network), and shared services.

#include <vector>

#include "catalogs/reference_data.hpp"
#include "engine/progress.hpp"
#include "model/dependency_graph.hpp"
#include "model/model.hpp"

namespace knelpunt::catalogs {
struct KevCatalog;
class EpssScores;
}  // namespace knelpunt::catalogs

namespace knelpunt::assessors {

class ImpactEstimator;
struct SimulatedFailures;

struct AssessmentContext {
  const model::Model& model;
  const model::DependencyGraph& graph;
  const catalogs::ReferenceData& reference;
  const ImpactEstimator& impact;  ///< cascade → impact per criterion (impact_estimator.hpp)
  model::Hours horizon = 72;      ///< the profile's horizon, else the model's
  unsigned threads = 1;           ///< ≥ 1; results must not depend on it
  const catalogs::KevCatalog* kev = nullptr;    ///< the cached KEV catalogue, or nullptr
  const catalogs::EpssScores* epss = nullptr;   ///< the cached EPSS scores, or nullptr
  /// The caller details only the findings it shows (Assessment::detail), so
  /// an assessor may give the rest in brief (Finding::brief, decision 021).
  bool in_brief = false;
  /// Where a long assessor reports its progress (engine/progress.hpp); may
  /// be empty. Never changes a finding.
  engine::StepProgress progress{};
  /// How often each asset failed in a simulation of the model, when the
  /// profile takes likelihoods from it (simulated_failures.hpp); else nullptr.
  const SimulatedFailures* simulated = nullptr;

  /// Non-virtual assets that are "vital": their process is of category A or
  /// B, or they serve people (serves.population > 0). Sorted by index.
  std::vector<model::AssetIndex> vital_assets() const;
};

}  // namespace knelpunt::assessors
