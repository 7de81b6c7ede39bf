#include "assessors/structural_likelihood.hpp"

#include <fmt/format.h>

#include "assessors/assessor_texts.hpp"
#include "assessors/local_format.hpp"

namespace knelpunt::assessors {

Likelihood structural_likelihood(const std::vector<model::AssetIndex>& assets, const AssessmentContext& context) {
  const auto& scoring = context.reference.scoring;
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
          local_text(Phrase::structural_per_year, joined(factors, " × "), local_probability(period), scoring.period_years,
                     letter)};
}

}  // namespace knelpunt::assessors
