#include "assessors/impact_estimator.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "assessors/assessor_texts.hpp"
#include "assessors/local_format.hpp"
#include "engine/restoration.hpp"
#include "model/duration.hpp"

namespace knelpunt::assessors {

ImpactEstimator::ImpactEstimator(const model::Model& model, const model::DependencyGraph& graph,
                                 const catalogs::ReferenceData& reference, model::Hours horizon)
    : model_(model), graph_(graph), reference_(reference), horizon_(horizon) {
  if (engine::has_recovery(model)) {
    recovery_ = engine::recovery_times(model);
    restart_ = engine::restart_times(model);
  }
}

namespace {

/// Whole numbers, rounded; in Dutch with the thousands dot.
LocalText amount(double value) { return local_whole(std::round(value)); }

/// How one asset fared in a run: its first failure and what caused it, and
/// how long it was down within the horizon.
struct Outage {
  model::Hours first = model::kNever;
  model::AssetIndex via = model::kNoIndex;  ///< supplier of the first failure
  bool initial = false;                     ///< the first failure was a seed
  model::Hours down = 0;                    ///< time down within the horizon
  std::optional<model::Hours> back;         ///< end of the last outage (restoration only)
};

/// Every asset's outage in one run, the assets that failed (in index order)
/// and, with restoration, the timeline of what is down.
struct Outages {
  std::vector<Outage> of;
  std::vector<model::AssetIndex> failed;
  std::vector<TimelinePoint> timeline;  ///< filled here with restoration only
};

/// Adds the state after an instant `at` to `timeline`, replacing the point of the same instant.
void set_timeline_point(std::vector<TimelinePoint>& timeline, model::Hours at, std::size_t down, double people) {
  if (!timeline.empty() && timeline.back().t_h == at)
    timeline.back() = {at, down, people};
  else
    timeline.push_back({at, down, people});
}

/// Without recovery: an asset that fails at t is down until the horizon.
Outages permanent_outages(const model::DependencyGraph& graph, std::span<const engine::Seed> seeds,
                          model::Hours horizon) {
  Outages out;
  out.of.resize(graph.asset_count());
  const auto cascade = engine::propagate(graph, seeds, horizon);
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    const auto at = cascade.failure_time[a];
    if (at == model::kNever || at > horizon) continue;
    out.of[a] = {at, cascade.cause_supplier[a], cascade.cause_group[a] == model::kNoIndex, horizon - at, std::nullopt};
    out.failed.push_back(a);
  }
  return out;
}

/// With recovery: outages end as repairs and restarts complete
/// (docs/restoration.md); the timeline follows every change.
Outages restored_outages(const model::Model& model, const model::DependencyGraph& graph,
                         const std::vector<std::optional<model::Hours>>& recovery,
                         const std::vector<std::optional<model::Hours>>& restart, std::span<const engine::Seed> seeds,
                         model::Hours horizon) {
  Outages out;
  out.of.resize(graph.asset_count());
  const auto restoration = engine::simulate_restoration(graph, recovery, restart, seeds, horizon);
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    const auto& intervals = restoration.down[a];
    if (intervals.empty()) continue;
    auto& outage = out.of[a];
    outage = {intervals.front().start, intervals.front().cause_supplier,
              intervals.front().cause_group == model::kNoIndex, restoration.downtime(a, horizon), std::nullopt};
    if (intervals.back().end != model::kNever) outage.back = intervals.back().end;
    out.failed.push_back(a);
  }
  // The timeline follows every change of a non-virtual asset: one point per
  // instant, with the state after everything that happens then.
  std::size_t down_now = 0;
  double people_now = 0;
  for (const auto& event : restoration.events) {
    if (graph.is_virtual(event.asset)) continue;
    const double population = model.assets[event.asset].population();
    if (event.kind == engine::RestorationEvent::Kind::fails) {
      ++down_now;
      people_now += population;
    } else {
      --down_now;
      people_now -= population;
    }
    set_timeline_point(out.timeline, event.at, down_now, people_now);
  }
  return out;
}

/// The chain, the affected assets and the people counts of `out`, and without
/// restoration its timeline; `outages.failed` is in chain order.
void describe_failures(const Outages& outages, const model::Model& model, const model::DependencyGraph& graph,
                       bool restores, CascadeOutcome& out) {
  double people = 0;
  std::size_t count = 0;
  for (auto a : outages.failed) {
    const auto& outage = outages.of[a];
    ChainStep step{graph.id(a), outage.first, outage.via == model::kNoIndex ? "" : graph.id(outage.via), std::nullopt,
                   std::nullopt};
    if (restores) {
      step.down_h = outage.down;
      step.back_h = outage.back;
    }
    out.chain.push_back(std::move(step));
    if (graph.is_virtual(a)) continue;
    if (!outage.initial) out.affected.push_back(graph.id(a));
    out.people_hours += model.assets[a].population() * outage.down;
    out.people_served += model.assets[a].population();
    if (restores) continue;
    ++count;
    people += model.assets[a].population();
    set_timeline_point(out.timeline, outage.first, count, people);
  }
  std::sort(out.affected.begin(), out.affected.end());
}

/// What one criterion's estimate counts: its value and the assets that add to it.
struct CriterionValue {
  double value = 0;
  std::size_t counted = 0;
};

CriterionValue criterion_value(const catalogs::ImpactEstimate& estimate, const Outages& outages,
                               const model::Model& model, const model::DependencyGraph& graph) {
  CriterionValue out;
  for (auto a : outages.failed) {
    if (graph.is_virtual(a)) continue;
    const auto& asset = model.assets[a];
    if (!estimate.processes.empty() &&
        std::find(estimate.processes.begin(), estimate.processes.end(), asset.process) == estimate.processes.end())
      continue;
    auto served = asset.serves.find(estimate.serve);
    if (served == asset.serves.end() || served->second <= 0) continue;
    ++out.counted;
    const double hours = outages.of[a].down;
    out.value += estimate.measure == catalogs::ImpactEstimate::Measure::people_hours ? served->second * hours : served->second;
  }
  return out;
}

/// How the value of `criterion` was found, in words.
LocalText impact_basis(const catalogs::ImpactCriterion& criterion, const CriterionValue& found,
                       catalogs::ClassIndex impact_class, model::Hours horizon, bool restores) {
  const auto& estimate = *criterion.estimate;
  const LocalText scope =
      estimate.processes.empty() ? LocalText{} : local_text(Phrase::impact_scope, fmt::join(estimate.processes, ", "));
  const LocalText assets = counted(found.counted, Phrase::failed_assets_one, Phrase::failed_assets_many);
  const char letter = catalogs::class_letter(impact_class);
  const LocalText limit = amount(criterion.limits[impact_class]);
  const LocalText unit = unit_text(criterion.unit);
  if (estimate.measure != catalogs::ImpactEstimate::Measure::people_hours)
    return local_text(Phrase::impact_basis_people, estimate.serve, assets, scope, amount(found.value), unit, letter,
                      limit);
  // Without recovery an outage lasts until the horizon; with it, until service is back.
  const LocalText hours =
      local_text(restores ? Phrase::hours_down_restored : Phrase::hours_down_permanent, local_hours(horizon));
  return local_text(Phrase::impact_basis_people_hours, estimate.serve, assets, scope, hours, amount(found.value), unit,
                    letter, limit);
}

}  // namespace

CascadeOutcome ImpactEstimator::outcome(std::span<const engine::Seed> seeds) const {
  auto outages = restores() ? restored_outages(model_, graph_, recovery_, restart_, seeds, horizon_)
                            : permanent_outages(graph_, seeds, horizon_);
  // Chain order: by first failure, then id (asset index order is id order).
  std::stable_sort(outages.failed.begin(), outages.failed.end(),
                   [&](auto a, auto b) { return outages.of[a].first < outages.of[b].first; });
  CascadeOutcome out;
  out.timeline = std::move(outages.timeline);
  describe_failures(outages, model_, graph_, restores(), out);
  for (const auto& criterion : reference_.scoring.criteria) {
    if (!criterion.estimate) continue;
    const auto found = criterion_value(*criterion.estimate, outages, model_, graph_);
    auto impact_class = criterion.classify(found.value);
    if (!impact_class) continue;
    out.impact.push_back({criterion.id, *impact_class, found.value,
                          impact_basis(criterion, found, *impact_class, horizon_, restores())});
  }
  return out;
}


}  // namespace knelpunt::assessors
