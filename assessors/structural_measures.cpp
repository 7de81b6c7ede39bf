#include "assessors/structural_measures.hpp"

#include <algorithm>

namespace knelpunt::assessors {

StructuralMeasures::StructuralMeasures(const AssessmentContext& context)
    : supplies_power_(context.graph.asset_count(), false),
      redundant_feed_(context.reference.control("redundant-feed") != nullptr),
      emergency_power_(context.reference.control("emergency-power") != nullptr) {
  if (!emergency_power_) return;
  const auto groups = context.graph.groups();
  for (model::GroupIndex g = 0; g < groups.size(); ++g) {
    if (context.model.assets[groups[g].asset].depends_on[groups[g].position].kind != "power")
      continue;
    for (const auto supplier : context.graph.suppliers(g)) supplies_power_[supplier] = true;
  }
}

std::vector<std::string> StructuralMeasures::of(std::span<const model::AssetIndex> assets) const {
  std::vector<std::string> measures;
  // In id order: "emergency-power" < "redundant-feed".
  if (emergency_power_ && std::any_of(assets.begin(), assets.end(),
                                      [&](model::AssetIndex a) { return supplies_power_[a]; }))
    measures.emplace_back("emergency-power");
  if (redundant_feed_) measures.emplace_back("redundant-feed");
  return measures;
}

std::string asset_label(const model::Asset& asset) {
  return asset.name.empty() ? asset.id : asset.name + " (" + asset.id + ")";
}

std::string asset_label(const model::Model& model, const std::string& id) {
  const auto index = model.find(id);
  return index ? asset_label(model.assets[*index]) : id;
}

}  // namespace knelpunt::assessors
