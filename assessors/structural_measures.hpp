#pragma once
/// The measures a structural finding suggests: a redundant feed for what the
/// assets supply, and emergency power where they supply power. Only ids the
/// controls catalogue has are returned, sorted.

#include <string>
#include <vector>

#include "assessors/assessment_context.hpp"

namespace knelpunt::assessors {

std::vector<std::string> structural_measures(const std::vector<model::AssetIndex>& assets, const AssessmentContext& context);

/// "Name (id)", or the id when the asset has no name.
std::string asset_label(const model::Asset& asset);
/// The label of the asset with `id`, or `id` when the model has no such asset.
std::string asset_label(const model::Model& model, const std::string& id);

}  // namespace knelpunt::assessors
