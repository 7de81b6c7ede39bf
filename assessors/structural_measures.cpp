#include "assessors/structural_measures.hpp"

#include <algorithm>

namespace knelpunt::assessors {

std::vector<std::string> structural_measures(const std::vector<model::AssetIndex>& assets, const AssessmentContext& context) {
  std::vector<std::string> measures;
  auto add = [&](const char* id) {
    if (context.reference.control(id) && std::find(measures.begin(), measures.end(), id) == measures.end())
      measures.push_back(id);
  };
  add("redundant-feed");
  // A substation supplies thousands of groups at region scale: stop at the first power one.
  auto supplies_power = [&](model::AssetIndex a) {
    for (auto g : context.graph.groups_supplied_by(a)) {
      const auto& graph_group = context.graph.group(g);
      if (context.model.assets[graph_group.asset].depends_on[graph_group.position].kind == "power") return true;
    }
    return false;
  };
  if (std::any_of(assets.begin(), assets.end(), supplies_power)) add("emergency-power");
  std::sort(measures.begin(), measures.end());
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
