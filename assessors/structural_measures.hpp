#pragma once
/// The measures a structural finding suggests: a redundant feed for what the
/// assets supply, and emergency power where they supply power. Only ids the
/// controls catalogue has are returned, sorted.

#include <span>
#include <string>
#include <vector>

#include "assessors/assessment_context.hpp"

namespace knelpunt::assessors {

/// Made once per assessment run and asked once per finding: at region scale
/// an assessor asks for tens of thousands of sets, and a substation supplies
/// thousands of groups, so which assets supply power is looked up once.
class StructuralMeasures {
 public:
  /// Looks at every dependency group once (O(groups)).
  explicit StructuralMeasures(const AssessmentContext& context);
  /// The measures for a finding about `assets`, sorted: `redundant-feed`,
  /// and `emergency-power` when one of them supplies a `power` dependency.
  std::vector<std::string> of(std::span<const model::AssetIndex> assets) const;

 private:
  std::vector<bool> supplies_power_;  ///< by asset index
  bool redundant_feed_ = false;       ///< the controls catalogue has `redundant-feed`
  bool emergency_power_ = false;      ///< the controls catalogue has `emergency-power`
};

/// "Name (id)", or the id when the asset has no name.
std::string asset_label(const model::Asset& asset);
/// The label of the asset with `id`, or `id` when the model has no such asset.
std::string asset_label(const model::Model& model, const std::string& id);

}  // namespace knelpunt::assessors
