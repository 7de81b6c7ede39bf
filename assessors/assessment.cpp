#include "assessors/assessment.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include <fmt/format.h>

#include "assessors/impact_estimator.hpp"
#include "assessors/simulated_failures.hpp"

namespace knelpunt::assessors {

std::vector<std::string> builtin_assessor_names() {
  std::vector<std::string> names;
  for (const auto& assessor : make_builtin_assessors()) names.emplace_back(assessor->name());
  return names;
}

void check_process_horizons(const AssessmentProfile& profile, const catalogs::ReferenceData& reference,
                            model::Diagnostics& diagnostics) {
  for (const auto& set : profile.process_horizons)
    if (!reference.process(set.process))
      diagnostics.error(set.where, fmt::format("'horizons' names '{}', which the vital-processes catalogue does not have; "
                                               "expected a vital process id such as waterkering",
                                               set.process));
}

std::vector<ConfiguredAssessor> configure_assessors(const AssessmentProfile& profile, const model::Region& region,
                                                    const catalogs::ReferenceData& reference,
                                                    model::Diagnostics& diagnostics) {
  std::vector<ConfiguredAssessor> configured;
  check_process_horizons(profile, reference, diagnostics);
  std::vector<model::SourceLocation> blamed;  // one error per place an infinite horizon is written
  for (auto& assessor : make_builtin_assessors()) {
    const AssessorSettings* settings = profile.find(assessor->name());
    if (!settings) continue;
    assessor->configure(settings->options, reference, settings->where, diagnostics);
    const EffectiveHorizon horizon = resolve_horizon(region, &profile, settings);
    if (horizon.hours == model::kNever &&
        std::find(blamed.begin(), blamed.end(), horizon.where) == blamed.end()) {
      blamed.push_back(horizon.where);
      require_finite_horizon(horizon, "people-hours of outage need an end", diagnostics);
    }
    configured.push_back({std::move(assessor), horizon.hours, horizon.source, profile.process_horizons});
  }
  return configured;
}

/// One configured assessor with the estimator and context its findings were made with.
struct Assessment::Configured {
  Configured(const ConfiguredAssessor& configured, const AssessmentInput& input, const SimulatedFailures* simulated)
      : assessor(*configured.assessor),
        impact(input.model, input.graph, input.reference, configured.horizon, configured.process_horizons,
               input.max_chain_steps),
        context{input.model, input.graph, input.reference, impact, configured.horizon,
                std::max(1u, input.threads), input.kev, input.epss} {
    context.simulated = simulated;
  }
  const Assessor& assessor;
  const ImpactEstimator impact;
  AssessmentContext context;
};

Assessment::Assessment(const std::vector<ConfiguredAssessor>& assessors, const AssessmentInput& input)
    : input_(input) {
  for (const auto& configured : assessors) {
    const SimulatedFailures* simulated = nullptr;
    if (input.simulated_likelihood) {
      // Assessors usually share one horizon: one simulation each horizon.
      for (const auto& simulation : simulations_)
        if (simulation->horizon == configured.horizon) simulated = simulation.get();
      if (!simulated) {
        simulations_.push_back(std::make_unique<SimulatedFailures>(
            simulate_failures_for(input.model, input.graph, *input.simulated_likelihood,
                                  configured.horizon, std::max(1u, input.threads), input.progress)));
        simulated = simulations_.back().get();
      }
    }
    configured_.push_back(std::make_unique<Configured>(configured, input, simulated));
  }
}

Assessment::~Assessment() = default;

void Assessment::cut_chain(Finding& finding) const {
  // Impact and timeline were computed from the whole chain; only the
  // evidence is cut. The estimator cuts the chains it builds; this cuts
  // any an assessor built otherwise.
  if (input_.max_chain_steps && finding.chain.size() > *input_.max_chain_steps) {
    finding.chain_omitted += finding.chain.size() - *input_.max_chain_steps;
    finding.chain.resize(*input_.max_chain_steps);
    finding.chain.shrink_to_fit();
  }
}

std::vector<Finding> Assessment::run(bool in_brief, const engine::StepProgress& progress) const {
  std::vector<Finding> findings;
  for (const auto& configured : configured_) {
    AssessmentContext context = configured->context;
    context.in_brief = in_brief;
    context.progress = progress;
    engine::ProgressCounter step(progress, configured->assessor.name(), 1);
    auto found = configured->assessor.assess(context);
    step.advance();
    for (auto& finding : found) cut_chain(finding);
    // A finding is large and a region has tens of thousands: the first
    // assessor's vector is taken over, the others' moved once into room made for them.
    if (findings.empty()) {
      findings = std::move(found);
      continue;
    }
    findings.reserve(findings.size() + found.size());
    std::move(found.begin(), found.end(), std::back_inserter(findings));
  }
  return findings;
}

void Assessment::detail(Finding& finding) const {
  if (!finding.brief) return;
  for (const auto& configured : configured_)
    if (configured->assessor.name() == finding.assessor) {
      configured->assessor.detail(finding, configured->context);
      cut_chain(finding);
      return;
    }
  throw std::logic_error("a finding in brief from assessor '" + finding.assessor + "', which this assessment did not run");
}

std::vector<Finding> run_assessors(const std::vector<ConfiguredAssessor>& assessors, const AssessmentInput& input) {
  return Assessment(assessors, input).run(false);
}

}  // namespace knelpunt::assessors
