#include "cli/cascade_horizons.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "assessors/assessment.hpp"
#include "cli/diagnostics_printer.hpp"

namespace knelpunt::cli {

namespace {

/// The horizons of the profile at `profile_path` (empty: the shipped one);
/// its problems go to `diagnostics`.
CascadeHorizons read_cascade_horizons(const LoadedModel& loaded, const std::string& profile_path,
                                      model::Diagnostics& diagnostics) {
  const auto file = profile_path.empty() ? data_dir() / "profiles" / "default.yaml" : std::filesystem::path(profile_path);
  const auto profile = assessors::read_assessment_profile(file, assessors::builtin_assessor_names(), diagnostics);
  assessors::check_process_horizons(profile, loaded.reference, diagnostics);
  return CascadeHorizons{assessors::resolve_horizon(loaded.model.region, &profile), profile.process_horizons,
                         profile_path.empty() ? std::string("default") : profile_path};
}

}  // namespace

std::optional<CascadeHorizons> cascade_horizons_or_report(const LoadedModel& loaded, const std::string& profile_path,
                                                         bool quiet) {
  model::Diagnostics diagnostics;
  auto horizons = read_cascade_horizons(loaded, profile_path, diagnostics);
  print_diagnostics(diagnostics, quiet);
  if (diagnostics.has_errors()) return std::nullopt;
  return horizons;
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

std::optional<model::Hours> register_horizon_or_report(const LoadedModel& loaded, const std::string& profile_path,
                                                       bool quiet, std::span<const engine::Seed> seeds) {
  const auto horizons = cascade_horizons_or_report(loaded, profile_path, quiet);
  if (!horizons) return std::nullopt;
  const auto horizon = cascade_horizon_of(*horizons, loaded.model, seeds);
  if (!horizon.process.empty() && !quiet)
    std::cerr << fmt::format("knelpunt: horizon {}: the own horizon of vital process {} (profile {}), as the register "
                             "counts this cascade; --horizon sets another\n",
                             model::format_hours(horizon.hours), horizon.process, horizons->profile);
  return horizon.hours;
}

std::optional<model::Hours> register_horizon_quietly(const LoadedModel& loaded, const std::string& profile_path,
                                                     std::span<const engine::Seed> seeds) {
  model::Diagnostics diagnostics;
  const auto horizons = read_cascade_horizons(loaded, profile_path, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  return cascade_horizon_of(horizons, loaded.model, seeds).hours;
}

}  // namespace knelpunt::cli
