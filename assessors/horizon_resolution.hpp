#pragma once
/// The one rule that picks an analysis horizon, and where it came from
/// (docs/assessors.md, "Horizons"). In order of precedence:
///   1. the command line's --horizon (whatif, reach, cutsets),
///   2. the assessor's own `horizon` in the profile,
///   3. the profile's `horizon`,
///   4. the model's region.horizon (72h when the model sets none).
/// An infinite horizon is allowed for structural questions (reach, cut
/// sets, whatif without restoration) and refused where outage hours are
/// counted (assess, compare, whatif with restoration): the refusal names
/// the place where the infinite horizon was written.
///
/// The impact of a cascade (impact_estimator.hpp) has one more rule: when
/// the profile sets a horizon for the vital process of an asset the cascade
/// starts from (`horizons: {waterkering: 7d}`), that horizon counts the
/// cascade's impact instead of the one above (the longest, when its initial
/// assets belong to several such processes). Flood defence fails over days,
/// not within 72 hours. A command-line --horizon still wins.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "assessors/assessment_profile.hpp"
#include "model/diagnostic.hpp"
#include "model/duration.hpp"
#include "model/model.hpp"

namespace knelpunt::assessors {

enum class HorizonSource { command_line, assessor, profile, model };

/// "command-line", "assessor", "profile" or "model": the JSON register's words.
std::string_view horizon_source_name(HorizonSource source);

/// A horizon together with where it was set.
struct EffectiveHorizon {
  model::Hours hours = 72;
  HorizonSource source = HorizonSource::model;
  /// Where it was written: the profile or model line; an empty file for the
  /// command line or the built-in default.
  model::SourceLocation where = {};
};

/// The horizon of an analysis: `command_line` if given, else the assessor's
/// own (when `assessor` is given and sets one), else the profile's (when
/// `profile` is given and sets one), else the model's.
EffectiveHorizon resolve_horizon(const model::Region& region, const AssessmentProfile* profile = nullptr,
                                 const AssessorSettings* assessor = nullptr,
                                 std::optional<model::Hours> command_line = std::nullopt);

/// The horizon of a cascade's impact: `horizon` (the assessor's, as
/// resolve_horizon gave it) unless `processes` — the vital processes of the
/// cascade's initial assets — include one of `process_horizons`; then the
/// longest of those. A horizon from the command line is never replaced.
model::Hours cascade_horizon(const EffectiveHorizon& horizon, std::span<const ProcessHorizon> process_horizons,
                             std::span<const std::string> processes);

/// When `horizon` is infinite, adds one error at the place it was written
/// saying that `purpose` needs an end (e.g. "people-hours of outage need an
/// end") and returns false; true for a finite horizon.
bool require_finite_horizon(const EffectiveHorizon& horizon, std::string_view purpose, model::Diagnostics& diagnostics);

}  // namespace knelpunt::assessors
