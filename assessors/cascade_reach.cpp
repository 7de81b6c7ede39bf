/// cascade-reach: the assets whose loss alone cascades furthest — N-1 reach
/// (engine/reach.hpp) with the people it affects, each counted once. The
/// `top` assets by reach (then by those people, then id: the order of
/// `knelpunt reach`, so a rank here is the row there) with at least
/// `min_reach` assets failing become findings, each with its cascade chain
/// and times as evidence. The ranking counts as the register and `knelpunt
/// reach` count (assessors/register_reach.hpp): with repairs on a model with
/// recovery times, and an asset of a process with its own horizon within it.
/// Options: top (default 20), min_reach (default 1).

#include <algorithm>

#include <fmt/format.h>

#include "assessors/assessor_options.hpp"
#include "assessors/assessor_texts.hpp"
#include "assessors/local_format.hpp"
#include "assessors/builtin_assessors.hpp"
#include "assessors/impact_estimator.hpp"
#include "assessors/register_reach.hpp"
#include "assessors/structural_likelihood.hpp"
#include "assessors/structural_measures.hpp"
#include "engine/reach.hpp"

namespace knelpunt::assessors {

namespace {

class CascadeReachAssessor : public Assessor {
 public:
  std::string_view name() const override { return "cascade-reach"; }

  void configure(const catalogs::Json& options, const catalogs::ReferenceData&, const model::SourceLocation& where,
                 model::Diagnostics& diagnostics) override {
    AssessorOptions reader(options, name(), where, diagnostics, {"top", "min_reach"});
    top_ = static_cast<std::size_t>(reader.integer("top", 20, 1, 100000));
    min_reach_ = static_cast<std::uint32_t>(reader.integer("min_reach", 1, 1, 100000000));
    keep_effective_options(reader);
  }

  std::vector<Finding> assess(const AssessmentContext& context) const override {
    // Ranked as `knelpunt reach` ranks (engine::reaches_further): by how far
    // the loss reaches, then by the people it affects counted as the
    // register counts them. Ranking by the populations of the failed assets
    // summed counted the residents of one area once per asset serving them;
    // ranking by people first put a district station reaching 2 assets
    // above a water board control reaching 70 within its 7 days.
    auto reach = engine::compute_reach(context.graph, &context.impact.people_served(), context.horizon,
                                       context.threads);
    // Counted as the register counts (assessors/register_reach.hpp): with
    // repairs, and an asset of a process with a horizon of its own within
    // it, so that each rank's count is the entry's (decision 048).
    count_as_register(context.impact, context.model, reach, context.threads);
    std::erase_if(reach, [&](const engine::AssetReach& r) { return r.reach < min_reach_; });
    std::sort(reach.begin(), reach.end(), engine::reaches_further);
    if (reach.size() > top_) reach.resize(top_);

    std::vector<Finding> findings;
    const StructuralMeasures measures(context);
    for (std::size_t rank = 0; rank < reach.size(); ++rank) {
      const auto& r = reach[rank];
      const auto& asset = context.model.assets[r.asset];
      Finding finding;
      finding.assessor = std::string(name());
      finding.kind = "reach";
      finding.assets = {asset.id};
      const std::string label = asset_label(asset);
      // One number for "what fails": the non-virtual assets of this entry's own
      // cascade (restoration included, within its own horizon), the same set
      // as `affected` and the count the ranking used.
      const engine::Seed seed{r.asset, 0};
      auto outcome = context.impact.outcome(std::span<const engine::Seed>(&seed, 1));
      const std::size_t failing = outcome.affected.size();
      const LocalText horizon = local_hours(context.impact.horizon_of(std::span<const engine::Seed>(&seed, 1)));
      finding.title =
          local_text(by_count(failing, Phrase::reach_title_one, Phrase::reach_title_many), label, failing, horizon);
      // "The people affected are under impact" only when some are.
      const bool nobody = outcome.people_served <= 0;
      finding.description = local_text(
          nobody ? by_count(failing, Phrase::reach_description_nobody_one, Phrase::reach_description_nobody_many)
                 : by_count(failing, Phrase::reach_description_one, Phrase::reach_description_many),
          label, horizon, counted(failing, Phrase::other_assets_one, Phrase::other_assets_many));
      // The rank only: its count is the title's.
      finding.evidence.push_back(local_text(Phrase::reach_evidence, rank + 1));
      take_cascade(finding, std::move(outcome));
      finding.likelihood = structural_likelihood({r.asset}, context);
      finding.measures = measures.of({&r.asset, 1});
      findings.push_back(std::move(finding));
    }
    return findings;
  }

 private:
  std::size_t top_ = 20;
  std::uint32_t min_reach_ = 1;
};

}  // namespace

std::unique_ptr<Assessor> make_cascade_reach_assessor() { return std::make_unique<CascadeReachAssessor>(); }

}  // namespace knelpunt::assessors
