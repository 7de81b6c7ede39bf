/// scenario: every threat scenario of the model — its cascade from the
/// initial failures (at their times), the assets and people affected over
/// time, and its impact per criterion. Likelihood: the scenario's own
/// `likelihood` when the model states it, else the class of its `frequency`
/// (at least once in the scoring period), else the threat's default class
/// from the threats catalogue, else the scoring catalogue's default.
/// Options: none.

#include <algorithm>

#include <fmt/format.h>

#include "assessors/assessor_options.hpp"
#include "assessors/assessor_texts.hpp"
#include "assessors/local_format.hpp"
#include "assessors/builtin_assessors.hpp"
#include "assessors/impact_estimator.hpp"
#include "engine/monte_carlo.hpp"

namespace knelpunt::assessors {

namespace {

class ScenarioAssessor : public Assessor {
 public:
  std::string_view name() const override { return "scenario"; }

  void configure(const catalogs::Json& options, const catalogs::ReferenceData&, const model::SourceLocation& where,
                 model::Diagnostics& diagnostics) override {
    AssessorOptions reader(options, name(), where, diagnostics, {});
    keep_effective_options(reader);
  }

  std::vector<Finding> assess(const AssessmentContext& context) const override {
    std::vector<Finding> findings;
    for (const auto& scenario : context.model.scenarios) findings.push_back(finding_for(scenario, context));
    return findings;
  }

 private:
  Finding finding_for(const model::Scenario& scenario, const AssessmentContext& context) const {
    Finding finding;
    finding.assessor = std::string(name());
    finding.kind = "scenario";
    finding.scenario = scenario.id;
    finding.threat = scenario.threat;
    std::vector<engine::Seed> seeds;
    std::vector<LocalText> initial;
    for (const auto& failure : scenario.initial) {
      seeds.push_back({static_cast<model::AssetIndex>(*context.model.find(failure.asset)), failure.at});
      finding.assets.push_back(failure.asset);
      initial.push_back(failure.at > 0 ? local_text(Phrase::initial_failure_at, failure.asset, local_hours(failure.at))
                                       : LocalText{failure.asset, failure.asset});
    }
    std::sort(finding.assets.begin(), finding.assets.end());
    finding.assets.erase(std::unique(finding.assets.begin(), finding.assets.end()), finding.assets.end());
    const std::string title = scenario.title.empty() ? scenario.id : scenario.title;
    const catalogs::Threat* threat = context.reference.threat(scenario.threat);
    finding.title = local_text(Phrase::scenario_title, title);

    auto outcome = context.impact.outcome(seeds);
    // The horizon of this cascade: a vital process may lengthen it (profile `horizons:`).
    const LocalText horizon = local_hours(context.impact.horizon_of(seeds));
    // Everyone served by an asset that fails at some moment (with recovery the
    // timeline's last point may be lower: service is back for some).
    const double people = outcome.people_served;
    const std::size_t others = outcome.affected.size();
    finding.description =
        local_text(by_count(others, Phrase::scenario_description_one, Phrase::scenario_description_many),
                   joined(initial, ", "), horizon, counted(others, Phrase::other_assets_one, Phrase::other_assets_many),
                   local_whole(people));
    if (threat) {
      std::vector<std::string> techniques;
      for (const auto& technique : threat->attack) techniques.push_back(technique.id);
      if (!techniques.empty())
        finding.evidence.push_back(local_text(Phrase::threat_attack,
                                              threat_name(context.reference, threat->id),
                                              fmt::join(techniques, ", ")));
      finding.measures = threat->measures;
    }
    take_cascade(finding, std::move(outcome));

    const auto& scoring = context.reference.scoring;
    if (scenario.likelihood) {
      const auto c = *catalogs::parse_class(std::string(1, *scenario.likelihood));
      finding.likelihood = {c, local_text(Phrase::scenario_stated_class, *scenario.likelihood, scenario.id)};
    } else if (scenario.frequency) {
      // The chance of a year that simulate samples (1 − e^(−f)), over the
      // scoring period as every yearly chance: 1 − e^(−f·years) (decision 039).
      const double period = scoring.period_probability(engine::scenario_run_probability(*scenario.frequency));
      const auto c = scoring.likelihood_class(period);
      finding.likelihood = {
          c, local_text(Phrase::scenario_frequency_class, local_number(*scenario.frequency),
                        scenario.id, local_percentage(period), scoring.period_years,
                        catalogs::class_letter(c),
                        likelihood_class_range(scoring.likelihood_classes, c))};
    } else if (threat && threat->likelihood) {
      const char letter = catalogs::class_letter(*threat->likelihood);
      finding.likelihood = {*threat->likelihood,
                            local_text(Phrase::threat_default_class, letter,
                                       threat_name(context.reference, threat->id))};
    } else {
      const char letter = catalogs::class_letter(scoring.default_likelihood);
      finding.likelihood = {scoring.default_likelihood, local_text(Phrase::scenario_no_likelihood, letter)};
    }
    std::sort(finding.measures.begin(), finding.measures.end());
    finding.measures.erase(std::unique(finding.measures.begin(), finding.measures.end()), finding.measures.end());
    return finding;
  }
};

}  // namespace

std::unique_ptr<Assessor> make_scenario_assessor() { return std::make_unique<ScenarioAssessor>(); }

}  // namespace knelpunt::assessors
