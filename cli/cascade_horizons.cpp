#include "cli/cascade_horizons.hpp"

#include <algorithm>

#include "assessors/assessment.hpp"
#include "cli/diagnostics_printer.hpp"

namespace knelpunt::cli {

std::optional<CascadeHorizons> cascade_horizons_or_report(const LoadedModel& loaded, const std::string& profile_path,
                                                         bool quiet) {
  const auto file = profile_path.empty() ? data_dir() / "profiles" / "default.yaml" : std::filesystem::path(profile_path);
  model::Diagnostics diagnostics;
  const auto profile = assessors::read_assessment_profile(file, assessors::builtin_assessor_names(), diagnostics);
  for (const auto& set : profile.process_horizons)
    if (!loaded.reference.process(set.process))
      diagnostics.error(set.where, "'horizons' names '" + set.process +
                                       "', which the vital-processes catalogue does not have; expected a vital "
                                       "process id such as waterkering");
  print_diagnostics(diagnostics, quiet);
  if (diagnostics.has_errors()) return std::nullopt;
  return CascadeHorizons{assessors::resolve_horizon(loaded.model.region, &profile), profile.process_horizons,
                         profile_path.empty() ? std::string("default") : profile_path};
}

CascadeHorizon cascade_horizon_of(const CascadeHorizons& horizons, const model::Model& model,
                                  std::span<const engine::Seed> seeds) {
  std::vector<std::string> processes;
  for (const auto& seed : seeds) processes.push_back(model.assets[seed.asset].process);
  CascadeHorizon result{assessors::cascade_horizon(horizons.base, horizons.processes, processes), {}};
  if (result.hours == horizons.base.hours) return result;
  // The process that set it: the first of the initial failures' with that horizon.
  for (const auto& set : horizons.processes)
    if (set.hours == result.hours && std::find(processes.begin(), processes.end(), set.process) != processes.end()) {
      result.process = set.process;
      break;
    }
  return result;
}

}  // namespace knelpunt::cli
