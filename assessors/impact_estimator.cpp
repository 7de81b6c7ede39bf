#include "assessors/impact_estimator.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "model/duration.hpp"

namespace knelpunt::assessors {

ImpactEstimator::ImpactEstimator(const model::Model& model, const model::DependencyGraph& graph,
                                 const catalogs::ReferenceData& reference, model::Hours horizon)
    : model_(model), graph_(graph), reference_(reference), horizon_(horizon) {}

CascadeOutcome ImpactEstimator::outcome(std::span<const engine::Seed> seeds) const {
  return describe(engine::propagate(graph_, seeds, horizon_));
}

namespace {

/// Whole numbers without grouping, so both languages read them alike.
std::string amount(double value) { return fmt::format("{:.0f}", std::round(value)); }

}  // namespace

CascadeOutcome ImpactEstimator::describe(const engine::Cascade& cascade) const {
  CascadeOutcome out;
  std::vector<model::AssetIndex> failed;
  for (model::AssetIndex a = 0; a < graph_.asset_count(); ++a)
    if (cascade.failure_time[a] != model::kNever && cascade.failure_time[a] <= horizon_) failed.push_back(a);
  // Chain: by time, then id (asset index order is id order).
  std::stable_sort(failed.begin(), failed.end(), [&](auto a, auto b) { return cascade.failure_time[a] < cascade.failure_time[b]; });
  double people = 0;
  std::size_t count = 0;
  for (auto a : failed) {
    const auto supplier = cascade.cause_supplier[a];
    out.chain.push_back({graph_.id(a), cascade.failure_time[a], supplier == model::kNoIndex ? "" : graph_.id(supplier)});
    const bool initial = cascade.cause_group[a] == model::kNoIndex;
    if (graph_.is_virtual(a)) continue;
    if (!initial) out.affected.push_back(graph_.id(a));
    ++count;
    people += model_.assets[a].population();
    if (!out.timeline.empty() && out.timeline.back().t_h == cascade.failure_time[a])
      out.timeline.back() = {cascade.failure_time[a], count, people};
    else
      out.timeline.push_back({cascade.failure_time[a], count, people});
  }
  std::sort(out.affected.begin(), out.affected.end());

  for (const auto& criterion : reference_.scoring.criteria) {
    if (!criterion.estimate) continue;
    const auto& estimate = *criterion.estimate;
    double value = 0;
    std::size_t counted = 0;
    for (auto a : failed) {
      if (graph_.is_virtual(a)) continue;
      const auto& asset = model_.assets[a];
      if (!estimate.processes.empty() &&
          std::find(estimate.processes.begin(), estimate.processes.end(), asset.process) == estimate.processes.end())
        continue;
      auto served = asset.serves.find(estimate.serve);
      if (served == asset.serves.end() || served->second <= 0) continue;
      ++counted;
      const double hours = horizon_ - cascade.failure_time[a];
      value += estimate.measure == catalogs::ImpactEstimate::Measure::people_hours ? served->second * hours : served->second;
    }
    auto impact_class = criterion.classify(value);
    if (!impact_class) continue;
    const std::string scope_nl = estimate.processes.empty() ? "" : fmt::format(" (processen: {})", fmt::join(estimate.processes, ", "));
    const std::string scope_en = estimate.processes.empty() ? "" : fmt::format(" (processes: {})", fmt::join(estimate.processes, ", "));
    LocalText basis;
    if (estimate.measure == catalogs::ImpactEstimate::Measure::people_hours) {
      basis.nl = fmt::format("som van {} van {} uitgevallen objecten{} × uren uitval tot de horizon ({}) = {} {}; klasse {} vanaf {}",
                             estimate.serve, counted, scope_nl, model::format_hours(horizon_), amount(value),
                             criterion.unit, catalogs::class_letter(*impact_class), amount(criterion.limits[*impact_class]));
      basis.en = fmt::format("sum of {} of {} failed assets{} × hours of outage up to the horizon ({}) = {} {}; class {} from {}",
                             estimate.serve, counted, scope_en, model::format_hours(horizon_), amount(value),
                             criterion.unit, catalogs::class_letter(*impact_class), amount(criterion.limits[*impact_class]));
    } else {
      basis.nl = fmt::format("som van {} van {} uitgevallen objecten{} = {} {}; klasse {} vanaf {}", estimate.serve, counted,
                             scope_nl, amount(value), criterion.unit, catalogs::class_letter(*impact_class),
                             amount(criterion.limits[*impact_class]));
      basis.en = fmt::format("sum of {} of {} failed assets{} = {} {}; class {} from {}", estimate.serve, counted, scope_en,
                             amount(value), criterion.unit, catalogs::class_letter(*impact_class),
                             amount(criterion.limits[*impact_class]));
    }
    out.impact.push_back({criterion.id, *impact_class, value, std::move(basis)});
  }
  return out;
}

}  // namespace knelpunt::assessors
