#include "assessors/assessment.hpp"

#include "assessors/impact_estimator.hpp"

namespace knelpunt::assessors {

std::vector<std::string> builtin_assessor_names() {
  std::vector<std::string> names;
  for (const auto& assessor : make_builtin_assessors()) names.emplace_back(assessor->name());
  return names;
}

std::vector<ConfiguredAssessor> configure_assessors(const AssessmentProfile& profile, model::Hours default_horizon,
                                                    const catalogs::ReferenceData& reference,
                                                    model::Diagnostics& diagnostics) {
  std::vector<ConfiguredAssessor> configured;
  for (auto& assessor : make_builtin_assessors()) {
    const AssessorSettings* settings = profile.find(assessor->name());
    if (!settings) continue;
    assessor->configure(settings->options, reference, settings->where, diagnostics);
    const model::Hours horizon = settings->horizon.value_or(profile.horizon.value_or(default_horizon));
    configured.push_back({std::move(assessor), horizon});
  }
  return configured;
}

std::vector<Finding> run_assessors(const std::vector<ConfiguredAssessor>& assessors, const AssessmentInput& input) {
  std::vector<Finding> findings;
  for (const auto& configured : assessors) {
    const ImpactEstimator impact(input.model, input.graph, input.reference, configured.horizon);
    const AssessmentContext context{input.model, input.graph, input.reference, impact, configured.horizon,
                                    std::max(1u, input.threads), input.kev, input.epss};
    auto found = configured.assessor->assess(context);
    for (auto& finding : found) {
      // Impact and timeline were computed from the whole chain; only the evidence is cut.
      if (input.max_chain_steps && finding.chain.size() > *input.max_chain_steps) {
        finding.chain_omitted = finding.chain.size() - *input.max_chain_steps;
        finding.chain.resize(*input.max_chain_steps);
        finding.chain.shrink_to_fit();
      }
      findings.push_back(std::move(finding));
    }
  }
  return findings;
}

}  // namespace knelpunt::assessors
