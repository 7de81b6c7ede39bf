#include "assessors/structural_likelihood.hpp"

#include <fmt/format.h>

#include "assessors/assessor_texts.hpp"
#include "assessors/local_format.hpp"
#include "assessors/simulated_failures.hpp"
#include "engine/simulation_statistics.hpp"

namespace knelpunt::assessors {

namespace {

/// The likelihood of what `subject` names failing (together, with
/// Phrase::simulated_joint_per_year) within the simulation's horizon: in
/// `failed` of its runs, whatever the cause (their own p, a supplier's, a
/// scenario), over the scoring period.
Likelihood simulated_likelihood(Phrase phrase, const LocalText& subject, std::uint64_t failed,
                                const SimulatedFailures& simulated,
                                const AssessmentContext& context) {
  const auto& scoring = context.reference.scoring;
  const double per_year = static_cast<double>(failed) / static_cast<double>(simulated.runs);
  const auto interval = engine::wilson_interval(failed, simulated.runs);
  const double period = scoring.period_probability(per_year);
  const auto likelihood_class = scoring.likelihood_class(period);
  return {likelihood_class,
          local_text(phrase, subject, local_hours(simulated.horizon),
                     local_whole(static_cast<double>(failed)),
                     local_whole(static_cast<double>(simulated.runs)), simulated.seed,
                     local_probability(per_year), local_probability(interval.lo),
                     local_probability(interval.hi), local_percentage(period), scoring.period_years,
                     catalogs::class_letter(likelihood_class),
                     likelihood_class_range(scoring.likelihood_classes, likelihood_class))};
}

/// simulated_likelihood for `assets` named by their ids.
Likelihood simulated_likelihood(const std::vector<model::AssetIndex>& assets, std::uint64_t failed,
                                const SimulatedFailures& simulated,
                                const AssessmentContext& context) {
  std::vector<std::string> ids;
  for (auto a : assets) ids.push_back(context.model.assets[a].id);
  return simulated_likelihood(
      assets.size() == 1 ? Phrase::simulated_per_year : Phrase::simulated_joint_per_year,
      listed(ids), failed, simulated, context);
}

}  // namespace

Likelihood structural_likelihood(const std::vector<model::AssetIndex>& assets, const AssessmentContext& context,
                                 std::optional<std::uint64_t> joint_failed_runs) {
  const auto& scoring = context.reference.scoring;
  if (context.simulated && assets.size() == 1)
    return simulated_likelihood(assets, context.simulated->failed_runs[assets[0]], *context.simulated, context);
  if (context.simulated && joint_failed_runs)
    return simulated_likelihood(assets, *joint_failed_runs, *context.simulated, context);
  double per_year = 1;
  std::vector<LocalText> factors;
  for (auto a : assets) {
    const auto& asset = context.model.assets[a];
    if (!asset.p) {
      const char letter = catalogs::class_letter(scoring.default_likelihood);
      return {scoring.default_likelihood, local_text(Phrase::structural_unknown_p, asset.id, letter)};
    }
    per_year *= *asset.p;
    factors.push_back(local_text(Phrase::failure_probability, asset.id, local_number(*asset.p)));
  }
  const double period = scoring.period_probability(per_year);
  const auto likelihood_class = scoring.likelihood_class(period);
  const char letter = catalogs::class_letter(likelihood_class);
  return {likelihood_class,
          local_text(Phrase::structural_per_year, joined(factors, " × "), local_percentage(period),
                     scoring.period_years, letter,
                     likelihood_class_range(scoring.likelihood_classes, likelihood_class))};
}

Likelihood simulated_joint_likelihood(const LocalText& subject, std::uint64_t failed_runs,
                                      const AssessmentContext& context) {
  return simulated_likelihood(Phrase::simulated_joint_per_year, subject, failed_runs,
                              *context.simulated, context);
}

}  // namespace knelpunt::assessors
