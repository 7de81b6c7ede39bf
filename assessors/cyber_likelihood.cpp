#include "assessors/cyber_likelihood.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "assessors/assessor_texts.hpp"

namespace knelpunt::assessors {

namespace {

bool has_control(const model::Asset& asset, std::string_view control) {
  return std::find(asset.cyber->controls.begin(), asset.cyber->controls.end(), control) != asset.cyber->controls.end();
}

/// A condition (a `likelihood.steps` key) in words: the rationale is read by
/// the board, and the keys are English ids (the scoring catalogue lists them).
LocalText condition_text(std::string_view condition) {
  if (condition == "internet_exposed") return local_text(Phrase::exposure_internet);
  if (condition == "direct_remote_access") return local_text(Phrase::exposure_remote_direct);
  if (condition == "vendor_remote_access") return local_text(Phrase::exposure_remote_vendor_vpn);
  if (condition == "remote_access") return local_text(Phrase::exposure_remote_vpn);
  if (condition == "mixed_network") return local_text(Phrase::exposure_mixed_network);
  if (condition == "kev_product") return local_text(Phrase::cyber_step_kev_product);
  if (condition == "kev_ransomware") return local_text(Phrase::cyber_step_kev_ransomware);
  if (condition == "epss_above_threshold") return local_text(Phrase::cyber_step_epss);
  if (condition == "mfa") return local_text(Phrase::cyber_step_mfa);
  if (condition == "segmentation") return local_text(Phrase::cyber_step_segmentation);
  return {std::string(condition), std::string(condition)};
}

}  // namespace

std::vector<std::string> cyber_conditions(const model::Asset& asset, const CyberFeedFacts& facts) {
  std::vector<std::string> conditions;
  if (asset.cyber->internet_exposed) conditions.emplace_back("internet_exposed");
  if (asset.cyber->remote_access == "direct") conditions.emplace_back("direct_remote_access");
  if (asset.cyber->remote_access == "vendor-vpn") conditions.emplace_back("vendor_remote_access");
  if (asset.cyber->remote_access == "vpn") conditions.emplace_back("remote_access");
  if (asset.cyber->network == "mixed") conditions.emplace_back("mixed_network");
  if (facts.kev_product) conditions.emplace_back("kev_product");
  if (facts.kev_ransomware) conditions.emplace_back("kev_ransomware");
  if (facts.epss_above_threshold) conditions.emplace_back("epss_above_threshold");
  if (has_control(asset, "mfa")) conditions.emplace_back("mfa");
  if (has_control(asset, "segmentation")) conditions.emplace_back("segmentation");
  return conditions;
}

Likelihood cyber_likelihood(const model::Asset& asset, const CyberFeedFacts& facts, const catalogs::ScoringMethod& scoring) {
  int level = scoring.cyber_base_likelihood;
  std::vector<LocalText> steps;
  for (const auto& condition : cyber_conditions(asset, facts)) {
    const int step = scoring.step(condition);
    if (step == 0) continue;
    level += step;
    steps.push_back(local_text(Phrase::cyber_step, condition_text(condition), fmt::format("{:+d}", step)));
  }
  const int unclamped = level;
  level = std::clamp(level, 0, catalogs::kClassCount - 1);
  const char base = catalogs::class_letter(scoring.cyber_base_likelihood);
  const char letter = catalogs::class_letter(level);
  const LocalText clamped = unclamped != level ? local_text(Phrase::cyber_clamped) : LocalText{};
  if (steps.empty()) return {level, local_text(Phrase::cyber_base_only, base)};
  return {level, local_text(Phrase::cyber_steps, base, joined(steps, ", "), letter, clamped)};
}

}  // namespace knelpunt::assessors
