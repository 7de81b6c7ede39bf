#pragma once
/// The horizon the register gives one cascade, for the commands that run a
/// cascade of their own beside it (`whatif`, `reach --asset`; decision 045):
/// without `--horizon`, the cascade of the water board's control runs for the
/// 7 days of its process (profile `horizons:`), as its register entry does,
/// not for the model's 72 hours. The rule is assessors/horizon_resolution.hpp's:
/// the profile's `horizon`, else the model's, lengthened (or shortened) by
/// the own horizon of a vital process of the initial failures; `--horizon`
/// is never replaced.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "assessors/assessment_profile.hpp"
#include "assessors/horizon_resolution.hpp"
#include "cli/model_input.hpp"
#include "engine/cascade.hpp"

namespace knelpunt::cli {

/// The horizons of an assessment profile that a single cascade needs.
struct CascadeHorizons {
  assessors::EffectiveHorizon base;                    ///< the profile's horizon, else the model's
  std::vector<assessors::ProcessHorizon> processes;    ///< the profile's `horizons:`
  std::string profile;                                 ///< "default", or the profile file given
};

/// Reads the horizons of the profile `profile_path` (empty: the shipped
/// profiles/default.yaml), checked against `loaded`'s catalogues. Prints every
/// problem with file:line:col and returns nothing when there are errors.
std::optional<CascadeHorizons> cascade_horizons_or_report(const LoadedModel& loaded, const std::string& profile_path,
                                                         bool quiet);

/// The horizon of the cascade of `seeds` as the register gives it, and the
/// vital process whose own horizon it is (empty when it is `base`'s).
struct CascadeHorizon {
  model::Hours hours = 72;
  std::string process;
};
CascadeHorizon cascade_horizon_of(const CascadeHorizons& horizons, const model::Model& model,
                                  std::span<const engine::Seed> seeds);

/// The horizon the register gives the cascade of `seeds`, read from the
/// profile `profile_path` as cascade_horizons_or_report does; when a vital
/// process's own horizon sets it, stderr says so (unless `quiet`). Nothing
/// (after printing why) when the profile is wrong.
std::optional<model::Hours> register_horizon_or_report(const LoadedModel& loaded, const std::string& profile_path,
                                                       bool quiet, std::span<const engine::Seed> seeds);

/// The horizon the register gives the cascade of `seeds`, as
/// register_horizon_or_report finds it but without a word on stderr: for a
/// command whose `--horizon` sets its own and which only says how the
/// register's differs. Nothing when the profile cannot be read or checked.
std::optional<model::Hours> register_horizon_quietly(const LoadedModel& loaded, const std::string& profile_path,
                                                     std::span<const engine::Seed> seeds);

}  // namespace knelpunt::cli
