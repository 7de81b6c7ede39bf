#include "assessors/assessment_context.hpp"

namespace knelpunt::assessors {

std::vector<model::AssetIndex> AssessmentContext::vital_assets() const {
  std::vector<model::AssetIndex> vital;
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    const auto& asset = model.assets[a];
    if (asset.is_virtual) continue;
    const auto* process = reference.process(asset.process);
    const bool vital_process = process && (process->category == "A" || process->category == "B");
    if (vital_process || asset.population() > 0) vital.push_back(a);
  }
  return vital;
}

}  // namespace knelpunt::assessors
