/// cascade-reach: the assets whose loss alone cascades furthest — N-1 reach
/// (engine/reach.hpp) weighted by the people the failed assets serve. The
/// `top` assets by that impact (then by reach, then id) with at least
/// `min_reach` assets failing become findings, each with its cascade chain
/// and times as evidence.
/// Options: top (default 20), min_reach (default 1).

#include <algorithm>

#include <fmt/format.h>

#include "assessors/assessor_options.hpp"
#include "assessors/builtin_assessors.hpp"
#include "assessors/impact_estimator.hpp"
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
  }

  std::vector<Finding> assess(const AssessmentContext& context) const override {
    std::vector<double> people(context.graph.asset_count());
    for (std::size_t a = 0; a < people.size(); ++a) people[a] = context.model.assets[a].population();
    auto reach = engine::compute_reach(context.graph, people, context.horizon, context.threads);
    std::erase_if(reach, [&](const engine::AssetReach& r) { return r.reach < min_reach_; });
    std::sort(reach.begin(), reach.end(), [](const auto& a, const auto& b) {
      if (a.impact != b.impact) return a.impact > b.impact;
      if (a.reach != b.reach) return a.reach > b.reach;
      return a.asset < b.asset;
    });
    if (reach.size() > top_) reach.resize(top_);

    std::vector<Finding> findings;
    for (std::size_t rank = 0; rank < reach.size(); ++rank) {
      const auto& r = reach[rank];
      const auto& asset = context.model.assets[r.asset];
      Finding finding;
      finding.assessor = std::string(name());
      finding.kind = "reach";
      finding.assets = {asset.id};
      const std::string label = asset_label(asset);
      const std::string horizon = model::format_hours(context.horizon);
      const bool one = r.reach == 1;
      const engine::Seed seed{r.asset, 0};
      auto outcome = context.impact.outcome(std::span<const engine::Seed>(&seed, 1));
      // The rank weighs reach by people per asset; the text counts each area once (decision 013).
      const double people_affected = outcome.people_served;
      finding.title = {fmt::format("Ver reikende uitval: {} — {} {} mee uit binnen {}", label, r.reach,
                                   one ? "object valt" : "objecten vallen", horizon),
                       fmt::format("Far-reaching loss: {} — {} {} with it within {}", label, r.reach,
                                   one ? "asset fails" : "assets fail", horizon)};
      finding.description = {
          fmt::format("Uitval van {} alleen laat {} {} uitvallen; {:.0f} inwoners verliezen een voorziening "
                      "(plaats {} in de ranglijst van bereik naar getroffen inwoners).",
                      label, r.reach, one ? "ander object" : "andere objecten", people_affected, rank + 1),
          fmt::format("The loss of {} alone takes down {} other asset{}; {:.0f} people lose a service "
                      "(rank {} by reach weighted by people served).",
                      label, r.reach, one ? "" : "s", people_affected, rank + 1)};
      finding.evidence.push_back({fmt::format("N-1-bereik {} binnen {}; getroffen inwoners {:.0f}; rang {}", r.reach,
                                              horizon, people_affected, rank + 1),
                                  fmt::format("N-1 reach {} within {}; people served {:.0f}; rank {}", r.reach, horizon,
                                              people_affected, rank + 1)});
      finding.affected = std::move(outcome.affected);
      finding.chain = std::move(outcome.chain);
      finding.impact = std::move(outcome.impact);
      finding.likelihood = structural_likelihood({r.asset}, context);
      finding.measures = structural_measures({r.asset}, context);
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
