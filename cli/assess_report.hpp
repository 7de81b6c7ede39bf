#pragma once
/// What `assess` says on stderr besides the register: warnings for tracking
/// entries that decide no risk, the count per level and where the register
/// went, what the listing left out, and — with --fail-on — the open risks
/// that reach the level, by id (a CI log must name them).

#include <optional>
#include <string>
#include <string_view>

#include "register/risk.hpp"

namespace knelpunt::cli {

/// One warning line per tracking entry of `reg.unmatched_tracking`, each
/// saying what is wrong and what was expected; "" when there are none.
std::string render_unmatched_tracking(const risk_register::Register& reg);

struct AssessSummaryOptions {
  std::optional<int> fail_level;  ///< the --fail-on level's index, or none
  std::string fail_on;            ///< --fail-on as given
  std::string lang = "nl";
  std::string output;             ///< -o as given ("" or "-": stdout)
  std::string knelpunten_csv;     ///< --knelpunten-csv as given, or ""
  bool quiet = false;
};

struct AssessSummary {
  std::string text;              ///< for stderr; may be ""
  bool threshold_reached = false;  ///< an open risk (listed or not) is at or above the --fail-on level
};

/// The closing lines of a run: unless quiet, the count per level and what
/// was not listed; with a --fail-on level, the open risks at or above it (the
/// listed ones by id, the others counted: none of them has a tracking record,
/// so each is open).
AssessSummary render_assess_summary(const risk_register::Register& reg, const AssessSummaryOptions& options);

}  // namespace knelpunt::cli
