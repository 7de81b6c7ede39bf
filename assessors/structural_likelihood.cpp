#include "assessors/structural_likelihood.hpp"

#include <fmt/format.h>

namespace knelpunt::assessors {

Likelihood structural_likelihood(const std::vector<model::AssetIndex>& assets, const AssessmentContext& context) {
  const auto& scoring = context.reference.scoring;
  double per_year = 1;
  std::vector<std::string> factors;
  for (auto a : assets) {
    const auto& asset = context.model.assets[a];
    if (!asset.p) {
      const char letter = catalogs::class_letter(scoring.default_likelihood);
      return {scoring.default_likelihood,
              {fmt::format("geen faalkans (p) bekend voor {}; standaardklasse {} uit de scoringscatalogus", asset.id, letter),
               fmt::format("no failure probability (p) known for {}; default class {} from the scoring catalogue", asset.id,
                           letter)}};
    }
    per_year *= *asset.p;
    factors.push_back(fmt::format("{} p={}", asset.id, *asset.p));
  }
  const double period = scoring.period_probability(per_year);
  const auto likelihood_class = scoring.likelihood_class(period);
  const char letter = catalogs::class_letter(likelihood_class);
  return {likelihood_class,
          {fmt::format("{} per jaar (onafhankelijk) → {:.4g} in {} jaar → klasse {}", fmt::join(factors, " × "), period,
                       scoring.period_years, letter),
           fmt::format("{} per year (independent) → {:.4g} in {} years → class {}", fmt::join(factors, " × "), period,
                       scoring.period_years, letter)}};
}

}  // namespace knelpunt::assessors
