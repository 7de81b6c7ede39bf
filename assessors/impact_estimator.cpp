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
    : model_(model), graph_(graph), reference_(reference), horizon_(horizon), people_(model) {
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

/// What a criterion's value was found from (decision 013).
struct CountedValue {
  double value = 0;
  std::size_t counted = 0;   ///< areas (people basis) or assets (other bases)
  bool people_basis = false;  ///< residents of areas, each once
  bool upper_bound = false;   ///< assets without areas counted their own population
};

/// The basis of one criterion's impact in both languages, from the text table.
LocalText impact_basis(const catalogs::ImpactCriterion& criterion, const CountedValue& found,
                       catalogs::ClassIndex impact_class, model::Hours horizon, bool restores) {
  const auto& estimate = *criterion.estimate;
  const bool hours_measure = estimate.measure == catalogs::ImpactEstimate::Measure::people_hours;
  const LocalText scope =
      estimate.processes.empty() ? LocalText{} : local_text(Phrase::impact_scope, fmt::join(estimate.processes, ", "));
  const LocalText what =
      !found.people_basis
          ? local_text(Phrase::counted_assets, estimate.serve,
                       counted(found.counted, Phrase::failed_assets_one, Phrase::failed_assets_many), scope)
          : local_text(hours_measure ? Phrase::counted_areas_per_service : Phrase::counted_areas,
                       counted(found.counted, Phrase::areas_one, Phrase::areas_many), scope);
  const LocalText bound = found.upper_bound ? local_text(Phrase::upper_bound_note) : LocalText{};
  const char letter = catalogs::class_letter(impact_class);
  const LocalText value = local_whole(std::round(found.value));
  const LocalText limit = local_whole(std::round(criterion.limits[impact_class]));
  const LocalText unit = unit_text(criterion.unit);
  if (!hours_measure) return local_text(Phrase::impact_basis_people, what, value, unit, letter, limit, bound);
  // Without recovery an outage lasts until the horizon; with it, until service is back.
  const LocalText hours =
      local_text(restores ? Phrase::hours_down_restored : Phrase::hours_down_permanent, local_hours(horizon));
  return local_text(Phrase::impact_basis_people_hours, what, hours, value, unit, letter, limit, bound);
}

/// How one asset fared in a run: its first failure and what caused it, and
/// how long it was down within the horizon.
struct Outage {
  model::Hours first = model::kNever;
  model::AssetIndex via = model::kNoIndex;  ///< supplier of the first failure
  bool initial = false;                     ///< the first failure was a seed
  model::Hours down = 0;                    ///< time down within the horizon
  std::optional<model::Hours> back;         ///< end of the last outage (restoration only)
};

/// Per asset whether its outage counts for a criterion limited to some
/// processes; empty (all count) when the criterion names none.
std::vector<bool> counted_assets(const model::Model& model, const catalogs::ImpactEstimate& estimate) {
  std::vector<bool> counts;
  if (estimate.processes.empty()) return counts;
  for (const auto& asset : model.assets)
    counts.push_back(std::find(estimate.processes.begin(), estimate.processes.end(), asset.process) !=
                     estimate.processes.end());
  return counts;
}

/// Decision 013: people (each area once) or people-hours (each area once
/// per service and hour) for a criterion on `serve: population`.
struct PeopleCount {
  double value = 0;
  std::size_t areas = 0;
  bool upper_bound = false;
};
PeopleCount count_people(const engine::PeopleServed& served, const std::vector<bool>& counts,
                         const std::vector<bool>& ever_down, std::span<const engine::DownSpan> spans,
                         model::Hours horizon, bool hours) {
  const auto people = engine::affected_people(served, ever_down, counts);
  if (!hours) return {people.people, people.areas, people.upper_bound};
  const auto people_hours = engine::people_hours(served, spans, horizon, counts);
  return {people_hours.people_hours, people.areas, people_hours.upper_bound};
}

}  // namespace

CascadeOutcome ImpactEstimator::outcome(std::span<const engine::Seed> seeds) const {
  CascadeOutcome out;
  std::vector<Outage> outages(graph_.asset_count());
  std::vector<model::AssetIndex> failed;
  std::vector<engine::DownSpan> spans;  // outages (virtual aggregates may supply areas), for people-hours
  engine::AffectedPeopleCounter people_now(people_);
  if (!restores()) {
    const auto cascade = engine::propagate(graph_, seeds, horizon_);
    for (model::AssetIndex a = 0; a < graph_.asset_count(); ++a) {
      const auto at = cascade.failure_time[a];
      if (at == model::kNever || at > horizon_) continue;
      outages[a] = {at, cascade.cause_supplier[a], cascade.cause_group[a] == model::kNoIndex, horizon_ - at, std::nullopt};
      failed.push_back(a);
      spans.push_back({a, at, model::kNever});
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
      for (const auto& interval : intervals) spans.push_back({a, interval.start, interval.end});
    }
    // The timeline follows every change of a non-virtual asset or of the
    // people affected: one point per instant, with the state after
    // everything that happens then.
    std::size_t down_now = 0;
    const auto& events = restoration.events;
    for (std::size_t i = 0; i < events.size(); ++i) {
      const auto& event = events[i];
      const bool fails = event.kind == engine::RestorationEvent::Kind::fails;
      const double people_before = people_now.people().people;
      people_now.set_down(event.asset, fails);
      const double people = people_now.people().people;
      const bool real = !graph_.is_virtual(event.asset);
      if (real) down_now = fails ? down_now + 1 : down_now - 1;
      if (real || people != people_before) {
        if (!out.timeline.empty() && out.timeline.back().t_h == event.at)
          out.timeline.back() = {event.at, down_now, people};
        else
          out.timeline.push_back({event.at, down_now, people});
      }
    }
  }
  // Chain: by first failure, then id (asset index order is id order).
  std::stable_sort(failed.begin(), failed.end(), [&](auto a, auto b) { return outages[a].first < outages[b].first; });
  std::size_t count = 0;
  std::vector<bool> ever_down(graph_.asset_count(), false);
  for (auto a : failed) {
    const auto& outage = outages[a];
    ChainStep step{graph_.id(a), outage.first, outage.via == model::kNoIndex ? "" : graph_.id(outage.via), std::nullopt,
                   std::nullopt};
    if (restores()) {
      step.down_h = outage.down;
      step.back_h = outage.back;
    }
    out.chain.push_back(std::move(step));
    ever_down[a] = true;
    if (restores()) {
      if (!graph_.is_virtual(a) && !outage.initial) out.affected.push_back(graph_.id(a));
      continue;
    }
    const double people_before = people_now.people().people;
    people_now.set_down(a, true);
    const double people = people_now.people().people;
    if (graph_.is_virtual(a) && people == people_before) continue;
    if (!graph_.is_virtual(a)) {
      if (!outage.initial) out.affected.push_back(graph_.id(a));
      ++count;
    }
    if (!out.timeline.empty() && out.timeline.back().t_h == outage.first)
      out.timeline.back() = {outage.first, count, people};
    else
      out.timeline.push_back({outage.first, count, people});
  }
  std::sort(out.affected.begin(), out.affected.end());
  const auto everyone = count_people(people_, {}, ever_down, spans, horizon_, false);
  const auto all_hours = count_people(people_, {}, ever_down, spans, horizon_, true);
  out.people_served = everyone.value;
  out.people_hours = all_hours.value;
  out.people_upper_bound = everyone.upper_bound;

  for (const auto& criterion : reference_.scoring.criteria) {
    if (!criterion.estimate) continue;
    const auto& estimate = *criterion.estimate;
    double value = 0;
    std::size_t counted = 0;
    const bool hours_measure = estimate.measure == catalogs::ImpactEstimate::Measure::people_hours;
    const bool people_basis = estimate.serve == "population";  // counted once: decision 013
    bool upper_bound = false;
    if (people_basis) {
      const auto people = count_people(people_, counted_assets(model_, estimate), ever_down, spans, horizon_, hours_measure);
      value = people.value;
      counted = people.areas;
      upper_bound = people.upper_bound;
    }
    for (auto a : failed) {
      if (people_basis) break;
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
    LocalText basis = impact_basis(criterion, {value, counted, people_basis, upper_bound}, *impact_class, horizon_,
                                   restores());
    out.impact.push_back({criterion.id, *impact_class, value, std::move(basis)});
  }
  return out;
}

}  // namespace knelpunt::assessors
