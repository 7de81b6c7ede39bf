#include "assessors/impact_estimator.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

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

std::string other_assets_nl(std::size_t count) {
  return fmt::format("{} {}", count, count == 1 ? "ander object" : "andere objecten");
}

std::string other_assets_en(std::size_t count) {
  return fmt::format("{} other asset{}", count, count == 1 ? "" : "s");
}

namespace {

/// Whole numbers without grouping, so both languages read them alike.
std::string amount(double value) { return fmt::format("{:.0f}", std::round(value)); }

/// How one asset fared in a run: its first failure and what caused it, and
/// how long it was down within the horizon.
struct Outage {
  model::Hours first = model::kNever;
  model::AssetIndex via = model::kNoIndex;  ///< supplier of the first failure
  bool initial = false;                     ///< the first failure was a seed
  model::Hours down = 0;                    ///< time down within the horizon
  std::optional<model::Hours> back;         ///< end of the last outage (restoration only)
};

}  // namespace

CascadeOutcome ImpactEstimator::outcome(std::span<const engine::Seed> seeds) const {
  CascadeOutcome out;
  std::vector<Outage> outages(graph_.asset_count());
  std::vector<model::AssetIndex> failed;
  if (!restores()) {
    const auto cascade = engine::propagate(graph_, seeds, horizon_);
    for (model::AssetIndex a = 0; a < graph_.asset_count(); ++a) {
      const auto at = cascade.failure_time[a];
      if (at == model::kNever || at > horizon_) continue;
      outages[a] = {at, cascade.cause_supplier[a], cascade.cause_group[a] == model::kNoIndex, horizon_ - at, std::nullopt};
      failed.push_back(a);
    }
  } else {
    const auto restoration =
        engine::simulate_restoration(graph_, recovery_, restart_, seeds, horizon_);
    for (model::AssetIndex a = 0; a < graph_.asset_count(); ++a) {
      const auto& intervals = restoration.down[a];
      if (intervals.empty()) continue;
      auto& outage = outages[a];
      outage = {intervals.front().start, intervals.front().cause_supplier,
                intervals.front().cause_group == model::kNoIndex, restoration.downtime(a, horizon_), std::nullopt};
      if (intervals.back().end != model::kNever) outage.back = intervals.back().end;
      failed.push_back(a);
    }
    // The timeline follows every change of a non-virtual asset: one point per
    // instant, with the state after everything that happens then.
    std::size_t down_now = 0;
    double people_now = 0;
    const auto& events = restoration.events;
    for (std::size_t i = 0; i < events.size(); ++i) {
      const auto& event = events[i];
      if (!graph_.is_virtual(event.asset)) {
        const double population = model_.assets[event.asset].population();
        if (event.kind == engine::RestorationEvent::Kind::fails) {
          ++down_now;
          people_now += population;
        } else {
          --down_now;
          people_now -= population;
        }
        if (!out.timeline.empty() && out.timeline.back().t_h == event.at)
          out.timeline.back() = {event.at, down_now, people_now};
        else
          out.timeline.push_back({event.at, down_now, people_now});
      }
    }
  }
  // Chain: by first failure, then id (asset index order is id order).
  std::stable_sort(failed.begin(), failed.end(), [&](auto a, auto b) { return outages[a].first < outages[b].first; });
  double people = 0;
  std::size_t count = 0;
  for (auto a : failed) {
    const auto& outage = outages[a];
    ChainStep step{graph_.id(a), outage.first, outage.via == model::kNoIndex ? "" : graph_.id(outage.via), std::nullopt,
                   std::nullopt};
    if (restores()) {
      step.down_h = outage.down;
      step.back_h = outage.back;
    }
    out.chain.push_back(std::move(step));
    if (graph_.is_virtual(a)) continue;
    if (!outage.initial) out.affected.push_back(graph_.id(a));
    out.people_hours += model_.assets[a].population() * outage.down;
    out.people_served += model_.assets[a].population();
    if (restores()) continue;
    ++count;
    people += model_.assets[a].population();
    if (!out.timeline.empty() && out.timeline.back().t_h == outage.first)
      out.timeline.back() = {outage.first, count, people};
    else
      out.timeline.push_back({outage.first, count, people});
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
      const double hours = outages[a].down;
      value += estimate.measure == catalogs::ImpactEstimate::Measure::people_hours ? served->second * hours : served->second;
    }
    auto impact_class = criterion.classify(value);
    if (!impact_class) continue;
    const std::string scope_nl = estimate.processes.empty() ? "" : fmt::format(" (processen: {})", fmt::join(estimate.processes, ", "));
    const std::string scope_en = estimate.processes.empty() ? "" : fmt::format(" (processes: {})", fmt::join(estimate.processes, ", "));
    LocalText basis;
    if (estimate.measure == catalogs::ImpactEstimate::Measure::people_hours) {
      // Without recovery an outage lasts until the horizon; with it, until service is back.
      const char* hours_nl = restores() ? "uren uitval binnen de horizon ({}), herstel meegerekend" : "uren uitval tot de horizon ({})";
      const char* hours_en = restores() ? "hours down within the horizon ({}), repairs included" : "hours of outage up to the horizon ({})";
      basis.nl = fmt::format("som van {} van {} uitgevallen object{}{} × {} = {} {}; klasse {} vanaf {}", estimate.serve,
                             counted, counted == 1 ? "" : "en", scope_nl, fmt::format(fmt::runtime(hours_nl), model::format_hours(horizon_)),
                             amount(value), criterion.unit, catalogs::class_letter(*impact_class),
                             amount(criterion.limits[*impact_class]));
      basis.en = fmt::format("sum of {} of {} failed asset{}{} × {} = {} {}; class {} from {}", estimate.serve, counted, counted == 1 ? "" : "s",
                             scope_en, fmt::format(fmt::runtime(hours_en), model::format_hours(horizon_)), amount(value),
                             criterion.unit, catalogs::class_letter(*impact_class), amount(criterion.limits[*impact_class]));
    } else {
      basis.nl = fmt::format("som van {} van {} uitgevallen object{}{} = {} {}; klasse {} vanaf {}", estimate.serve, counted, counted == 1 ? "" : "en",
                             scope_nl, amount(value), criterion.unit, catalogs::class_letter(*impact_class),
                             amount(criterion.limits[*impact_class]));
      basis.en = fmt::format("sum of {} of {} failed asset{}{} = {} {}; class {} from {}", estimate.serve, counted, counted == 1 ? "" : "s", scope_en,
                             amount(value), criterion.unit, catalogs::class_letter(*impact_class),
                             amount(criterion.limits[*impact_class]));
    }
    out.impact.push_back({criterion.id, *impact_class, value, std::move(basis)});
  }
  return out;
}

}  // namespace knelpunt::assessors
