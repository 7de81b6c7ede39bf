#pragma once
/// Findings → the risk register: one risk per finding identity, scored in
/// the risk diagram (likelihood × total impact by the weighted sum), with a
/// stable id, its vital processes and measures named from the catalogues,
/// every score explained, and the tracking applied. Sorted for review.

#include <string>
#include <vector>

#include "assessors/finding.hpp"
#include "catalogs/reference_data.hpp"
#include "model/model.hpp"
#include "register/risk.hpp"
#include "register/tracking.hpp"

namespace knelpunt::risk_register {

struct RegisterSettings {
  std::string tool_version;              ///< written into the register's header
  std::string date;                      ///< YYYY-MM-DD, or "" for none
  std::vector<CatalogVersion> catalogs;  ///< the effective catalogues' versions
  std::string model_digest;
  double horizon_h = 72;
  std::string profile = "default";
  std::string risk_diagram = "nvp-5x5";  ///< must exist in reference.scoring
  std::vector<FeedInfo> feeds;
  std::vector<std::string> assessors;
  std::vector<AssessorHorizon> horizons;  ///< per assessor, in the order of `assessors`
  std::vector<catalogs::Json> assessor_options = {};  ///< per assessor (effective options), in the same order
  std::vector<std::pair<std::string, double>> process_horizons = {};  ///< the profile's `horizons:`, by process
  /// Threads for scoring the entries (engine/parallel_for.hpp); the register
  /// is the same whatever the count.
  unsigned threads = 1;
};

/// Builds the register. Findings with the same identity are merged (the
/// first is kept). `tracking` may be null (everything unchecked).
Register build_register(std::vector<assessors::Finding> findings, const model::Model& model,
                        const catalogs::ReferenceData& reference, const RegisterSettings& settings,
                        const TrackingFile* tracking);

/// Scores one finding into `risk` (likelihood, impact total, level, explanation).
/// A finding in brief gets no explanation: score it again once detailed.
void score_risk(Risk& risk, const catalogs::ScoringMethod& scoring, const catalogs::RiskDiagram& diagram);

}  // namespace knelpunt::risk_register
