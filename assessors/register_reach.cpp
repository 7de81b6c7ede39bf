#include "assessors/register_reach.hpp"

#include <vector>

#include "engine/parallel_for.hpp"

namespace knelpunt::assessors {

bool counted_otherwise(const ImpactEstimator& estimator, const model::Model& model, model::AssetIndex asset) {
  if (estimator.restores() && model.assets[asset].recovery) return true;
  const engine::Seed seed{asset, 0};
  return estimator.horizon_of({&seed, 1}) != estimator.horizon();
}

void count_as_register(const ImpactEstimator& estimator, const model::Model& model,
                       std::span<engine::AssetReach> rows, unsigned threads, const engine::StepProgress& progress) {
  std::vector<std::size_t> recounted;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (counted_otherwise(estimator, model, rows[i].asset)) recounted.push_back(i);
  engine::ProgressCounter counter(progress, "reach: as the register counts", recounted.size());
  // Each row into its own slot: the bytes do not depend on the thread count.
  engine::parallel_for(recounted.size(), threads, [&](std::size_t k) {
    auto& row = rows[recounted[k]];
    const engine::Seed seed{row.asset, 0};
    const auto outcome = estimator.outcome({&seed, 1}, OutcomeDetail::brief);
    row.reach = static_cast<std::uint32_t>(outcome.affected_count);
    row.people = outcome.people_served;
    row.people_upper_bound = outcome.people_upper_bound;
    counter.advance();
  });
}

}  // namespace knelpunt::assessors
