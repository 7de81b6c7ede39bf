#include "assessors/horizon_resolution.hpp"

#include <fmt/format.h>

namespace knelpunt::assessors {

std::string_view horizon_source_name(HorizonSource source) {
  switch (source) {
    case HorizonSource::command_line: return "command-line";
    case HorizonSource::assessor: return "assessor";
    case HorizonSource::profile: return "profile";
    case HorizonSource::model: return "model";
  }
  return "model";
}

EffectiveHorizon resolve_horizon(const model::Region& region, const AssessmentProfile* profile,
                                 const AssessorSettings* assessor, std::optional<model::Hours> command_line) {
  if (command_line) return {*command_line, HorizonSource::command_line, {}};
  if (assessor && assessor->horizon) return {*assessor->horizon, HorizonSource::assessor, assessor->horizon_where};
  if (profile && profile->horizon) return {*profile->horizon, HorizonSource::profile, profile->horizon_where};
  return {region.horizon, HorizonSource::model, region.horizon_where};
}

model::Hours cascade_horizon(const EffectiveHorizon& horizon, std::span<const ProcessHorizon> process_horizons,
                             std::span<const std::string> processes) {
  if (horizon.source == HorizonSource::command_line) return horizon.hours;
  std::optional<model::Hours> own;
  for (const auto& process : processes)
    for (const auto& set : process_horizons)
      if (set.process == process && (!own || set.hours > *own)) own = set.hours;
  return own.value_or(horizon.hours);
}

bool require_finite_horizon(const EffectiveHorizon& horizon, std::string_view purpose, model::Diagnostics& diagnostics) {
  if (horizon.hours != model::kNever) return true;
  switch (horizon.source) {
    case HorizonSource::command_line:
      diagnostics.error(horizon.where, fmt::format("--horizon inf; expected a finite horizon such as 72h ({})", purpose));
      break;
    case HorizonSource::assessor:
      diagnostics.error(horizon.where,
                        fmt::format("this assessor's horizon is infinite; expected a finite one such as 72h ({})", purpose));
      break;
    case HorizonSource::profile:
      diagnostics.error(horizon.where,
                        fmt::format("the profile's 'horizon' is infinite; expected a finite one such as 72h ({})", purpose));
      break;
    case HorizonSource::model:
      diagnostics.error(horizon.where,
                        fmt::format("the model's region.horizon is infinite and the profile sets none; expected a finite "
                                    "'horizon' in the profile (or the model) such as 72h: {}",
                                    purpose));
      break;
  }
  return false;
}

}  // namespace knelpunt::assessors
