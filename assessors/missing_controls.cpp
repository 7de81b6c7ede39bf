/// missing-controls: the controls of a baseline (catalogs/controls.yaml:
/// `baselines`) that an asset's `cyber.controls` lacks. A control is checked
/// on an asset when the asset's network (`it`, `ot`; `mixed` counts as both;
/// unknown counts as both) is in the baseline's applies_to and in the
/// control's own applies_to, and its weight is at least `min_weight`. One
/// finding per asset with a cyber profile that lacks any, its identity the
/// asset and the baseline. Assets without a `cyber` block are not judged:
/// nothing is known about their controls.
///
/// Weighted by criticality: the evidence gives the missing weight (Σ control
/// weight) against the baseline's, and the impact is the cascade of the
/// asset's loss, so a gap at a critical asset scores higher. Likelihood: the
/// asset's cyber likelihood without feed facts (cyber_likelihood.hpp), raised
/// one class when more than half of the checked weight is missing.
/// Options: baseline (default vital; must be in the catalogue), min_weight (1–3, default 1).

#include <algorithm>

#include <fmt/format.h>

#include "assessors/assessor_options.hpp"
#include "assessors/assessor_texts.hpp"
#include "assessors/local_format.hpp"
#include "assessors/builtin_assessors.hpp"
#include "assessors/cyber_likelihood.hpp"
#include "assessors/impact_estimator.hpp"
#include "assessors/structural_measures.hpp"
#include "model/suggest.hpp"

namespace knelpunt::assessors {

namespace {

bool applies(const std::vector<std::string>& applies_to, const std::string& network) {
  if (applies_to.empty()) return true;
  auto has = [&](std::string_view n) { return std::find(applies_to.begin(), applies_to.end(), n) != applies_to.end(); };
  if (network == "it" || network == "ot") return has(network);
  return has("it") || has("ot");  // mixed or unknown: either applies
}

/// A catalogue name in both languages; the Dutch one where the English one is missing.
LocalText name_of(const std::string& nl, const std::string& en) { return {nl, en.empty() ? nl : en}; }

class MissingControlsAssessor : public Assessor {
 public:
  std::string_view name() const override { return "missing-controls"; }

  void configure(const catalogs::Json& options, const catalogs::ReferenceData& reference,
                 const model::SourceLocation& where, model::Diagnostics& diagnostics) override {
    AssessorOptions reader(options, name(), where, diagnostics, {"baseline", "min_weight"});
    baseline_ = reader.text("baseline", "vital");
    min_weight_ = static_cast<int>(reader.integer("min_weight", 1, 1, 3));
    keep_effective_options(reader);
    if (!reference.baseline(baseline_)) {
      std::vector<std::string_view> ids;
      for (const auto& [id, baseline] : reference.baselines) ids.push_back(id);
      diagnostics.error(where, fmt::format("option 'baseline' of assessor 'missing-controls' is '{}', which the controls "
                                           "catalogue does not have{}; expected one of {}",
                                           baseline_, model::did_you_mean(baseline_, ids), fmt::join(ids, ", ")));
    }
  }

  std::vector<Finding> assess(const AssessmentContext& context) const override {
    std::vector<Finding> findings;
    const auto* baseline = context.reference.baseline(baseline_);
    if (!baseline) return findings;  // configure() reported it
    for (model::AssetIndex a = 0; a < context.graph.asset_count(); ++a) {
      const auto& asset = context.model.assets[a];
      if (asset.is_virtual || !asset.cyber->present || !applies(baseline->applies_to, asset.cyber->network)) continue;
      std::vector<const catalogs::Control*> checked, missing;
      for (const auto& id : baseline->controls) {
        const auto* control = context.reference.control(id);
        if (!control || control->weight < min_weight_ || !applies(control->applies_to, asset.cyber->network)) continue;
        checked.push_back(control);
        if (std::find(asset.cyber->controls.begin(), asset.cyber->controls.end(), id) == asset.cyber->controls.end())
          missing.push_back(control);
      }
      if (!missing.empty()) findings.push_back(finding_for(a, *baseline, checked, missing, context));
    }
    return findings;
  }

 private:
  Finding finding_for(model::AssetIndex a, const catalogs::Baseline& baseline,
                      const std::vector<const catalogs::Control*>& checked,
                      const std::vector<const catalogs::Control*>& missing, const AssessmentContext& context) const {
    const auto& asset = context.model.assets[a];
    int checked_weight = 0, missing_weight = 0;
    for (const auto* control : checked) checked_weight += control->weight;
    for (const auto* control : missing) missing_weight += control->weight;
    Finding finding;
    finding.assessor = std::string(name());
    finding.kind = "missing-controls";
    finding.assets = {asset.id};
    finding.subject = baseline.id;
    const std::string label = asset_label(asset);
    finding.title = local_text(Phrase::missing_controls_title, label, missing.size(), checked.size(),
                               name_of(baseline.name, baseline.name_en));
    std::vector<LocalText> missing_texts;
    for (const auto* control : missing) {
      missing_texts.push_back(
          local_text(Phrase::missing_control, control->id, name_of(control->name, control->name_en), control->weight));
      finding.measures.push_back(control->id);
    }
    std::sort(finding.measures.begin(), finding.measures.end());
    finding.evidence.push_back(local_text(Phrase::missing_list, joined(missing_texts, "; ")));
    // The network in words: the model's values (it, ot, mixed) are not words
    // for a reader. The baseline is named in the title already.
    const auto& kind = asset.cyber->network;
    const LocalText network = local_text(kind == "it"      ? Phrase::network_it
                                         : kind == "ot"    ? Phrase::network_ot
                                         : kind == "mixed" ? Phrase::network_mixed
                                                           : Phrase::network_unknown);
    finding.evidence.push_back(local_text(Phrase::missing_weight, missing_weight, checked_weight, network));

    const engine::Seed seed{a, 0};
    auto outcome = context.impact.outcome({&seed, 1});
    const std::size_t others = outcome.affected.size();
    finding.description = local_text(
        by_count(others, Phrase::missing_controls_description_one, Phrase::missing_controls_description_many), label,
        counted(missing.size(), Phrase::controls_one, Phrase::controls_many),
        local_hours(context.impact.horizon_of({&seed, 1})),
        counted(others, Phrase::other_assets_one, Phrase::other_assets_many));
    take_cascade(finding, std::move(outcome));

    finding.likelihood = cyber_likelihood(asset, CyberFeedFacts{}, context.reference.scoring);
    if (2 * missing_weight > checked_weight && finding.likelihood.likelihood_class < catalogs::kClassCount - 1) {
      ++finding.likelihood.likelihood_class;
      const char letter = catalogs::class_letter(finding.likelihood.likelihood_class);
      const auto raised = local_text(Phrase::missing_half_weight, missing_weight, checked_weight, letter);
      finding.likelihood.rationale.nl += raised.nl;
      finding.likelihood.rationale.en += raised.en;
    }
    return finding;
  }

  std::string baseline_ = "vital";
  int min_weight_ = 1;
};

}  // namespace

std::unique_ptr<Assessor> make_missing_controls_assessor() { return std::make_unique<MissingControlsAssessor>(); }

}  // namespace knelpunt::assessors
