#include "assessors/repaired_reach.hpp"

#include <vector>

#include "engine/parallel_for.hpp"

namespace knelpunt::assessors {

void count_with_repairs(const ImpactEstimator& estimator, const model::Model& model,
                        std::span<engine::AssetReach> rows, unsigned threads, const engine::StepProgress& progress) {
  // The rows that can change (the header says why): their assets have a recovery.
  std::vector<std::size_t> repaired;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (model.assets[rows[i].asset].recovery) repaired.push_back(i);
  engine::ProgressCounter counter(progress, "reach: with repairs", repaired.size());
  // Each row into its own slot: the bytes do not depend on the thread count.
  engine::parallel_for(repaired.size(), threads, [&](std::size_t k) {
    auto& row = rows[repaired[k]];
    const engine::Seed seed{row.asset, 0};
    const auto outcome = estimator.outcome({&seed, 1}, OutcomeDetail::brief);
    row.reach = static_cast<std::uint32_t>(outcome.affected_count);
    row.people = outcome.people_served;
    row.people_upper_bound = outcome.people_upper_bound;
    counter.advance();
  });
}

}  // namespace knelpunt::assessors
