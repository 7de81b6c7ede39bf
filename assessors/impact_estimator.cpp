#include "assessors/impact_estimator.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "assessors/assessor_texts.hpp"
#include "assessors/local_format.hpp"

#include "engine/restoration.hpp"
#include "model/duration.hpp"

namespace knelpunt::assessors {

namespace {
std::vector<bool> counted_assets(const model::Model& model, const catalogs::ImpactEstimate& estimate);
}  // namespace

ImpactEstimator::ImpactEstimator(const model::Model& model, const model::DependencyGraph& graph,
                                 const catalogs::ReferenceData& reference, model::Hours horizon,
                                 std::vector<ProcessHorizon> process_horizons, std::optional<std::size_t> max_chain_steps)
    : model_(model),
      graph_(graph),
      reference_(reference),
      horizon_(horizon),
      process_horizons_(std::move(process_horizons)),
      max_chain_steps_(max_chain_steps),
      service_outage_(model),
      people_(model, reference.services_not_affecting_residents()) {
  if (engine::has_recovery(model)) {
    recovery_ = engine::recovery_times(model);
    restart_ = engine::restart_times(model);
  }
  for (const auto& criterion : reference_.scoring.criteria)
    criterion_counts_.push_back(criterion.estimate ? counted_assets(model, *criterion.estimate) : std::vector<bool>{});
}

ImpactEstimator::~ImpactEstimator() = default;

struct ImpactEstimator::Workspace {
  explicit Workspace(const ImpactEstimator& estimator) : runner(estimator.graph_), everyone(estimator.people_) {
    for (const auto& counts : estimator.criterion_counts_)
      per_criterion.push_back(std::make_unique<engine::AffectedPeopleCounter>(estimator.people_, counts));
  }
  engine::CascadeRunner runner;
  engine::AffectedPeopleCounter everyone;  ///< every asset counts
  /// Per criterion of the catalogue, with its criterion_counts_.
  std::vector<std::unique_ptr<engine::AffectedPeopleCounter>> per_criterion;
};

std::unique_ptr<ImpactEstimator::Workspace> ImpactEstimator::acquire() const {
  return workspaces_.take([this] { return std::make_unique<Workspace>(*this); });
}

void ImpactEstimator::release(std::unique_ptr<Workspace> workspace) const {
  workspaces_.give_back(std::move(workspace));
}

std::string other_assets_nl(std::size_t count) {
  return fmt::format("{} {}", count, count == 1 ? "ander object" : "andere objecten");
}

std::string other_assets_en(std::size_t count) {
  return fmt::format("{} other asset{}", count, count == 1 ? "" : "s");
}

namespace {

/// What a criterion's value was found from (decision 013).
struct CountedValue {
  double value = 0;
  std::size_t counted = 0;   ///< areas (people basis) or assets (other bases)
  bool people_basis = false;  ///< residents of areas, each once
  bool upper_bound = false;   ///< assets without areas counted their own population
};

/// The basis of one criterion's impact in both languages, from the text table.
LocalText impact_basis(const catalogs::ReferenceData& reference,
                       const catalogs::ImpactCriterion& criterion, const CountedValue& found,
                       catalogs::ClassIndex impact_class, model::Hours horizon, bool restores) {
  const auto& estimate = *criterion.estimate;
  const bool hours_measure = estimate.measure == catalogs::ImpactEstimate::Measure::people_hours;
  const LocalText scope =
      estimate.processes.empty()
          ? LocalText{}
          : local_text(Phrase::impact_scope, process_names(reference, estimate.processes));
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

/// A criterion's value rounded as the basis writes it: one decimal below 100
/// (a handful of victims), whole numbers above.
double basis_rounded(double value) { return value < 100 ? std::round(value * 10) / 10 : std::round(value); }

/// A criterion's value as the basis writes it (basis_rounded).
LocalText basis_value(double value) {
  return value < 100 ? local_number(basis_rounded(value)) : local_whole(basis_rounded(value));
}

/// The basis of a service_outage criterion in both languages.
LocalText service_outage_basis(const catalogs::ReferenceData& reference, const catalogs::ImpactCriterion& criterion,
                               const ServiceOutageValue& found, catalogs::ClassIndex impact_class, model::Hours horizon,
                               bool restores) {
  const auto& estimate = *criterion.estimate;
  std::vector<LocalText> services;
  std::vector<LocalText> rates;
  for (const auto& [service, rate] : estimate.rates) {
    services.push_back(resource_kind_name(reference, service));
    const LocalText number = local_rate(rate);
    rates.push_back({services.back().nl + " " + number.nl, services.back().en + " " + number.en});
  }
  const LocalText areas = counted(found.areas, Phrase::areas_one, Phrase::areas_many);
  // "gas, elektriciteit of drinkwater": commas, the last two joined by "of".
  const LocalText last = services.empty() ? LocalText{} : services.back();
  if (!services.empty()) services.pop_back();
  const LocalText service_list = services.empty() ? last : local_text(Phrase::list_or, joined(services, ", "), last);
  const bool by_surface = estimate.basis == catalogs::ImpactEstimate::Basis::area_km2;
  const LocalText what = by_surface ? local_text(Phrase::counted_service_surface, areas, service_list)
                                    : local_text(Phrase::counted_service_people, areas, service_list, joined(rates, ", "));
  const LocalText hours =
      local_text(restores ? Phrase::hours_down_restored : Phrase::hours_down_permanent, local_hours(horizon));
  const LocalText per_day = estimate.hours_per_unit == 24 ? local_text(Phrase::per_day_note) : LocalText{};
  const LocalText unknown =
      found.areas_unknown > 0
          ? local_text(Phrase::unknown_surface_note, counted(found.areas_unknown, Phrase::areas_one, Phrase::areas_many))
          : LocalText{};
  return local_text(Phrase::impact_basis_service, what, hours, per_day, basis_value(found.value), unit_text(criterion.unit),
                    catalogs::class_letter(impact_class), local_whole(std::round(criterion.limits[impact_class])), unknown);
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

/// Decision 013: people (each area once) and people-hours (each area once
/// per service and hour) of one run, counted on `counter` (which carries the
/// assets that count) for the assets `failed` (virtual ones included) and
/// their down spans.
struct PeopleCounts {
  engine::AffectedPeople people;
  engine::PeopleHours hours;
  /// The value of a criterion on `serve: population`: people, or people-hours.
  CountedValue as(bool hours_measure) const {
    return hours_measure ? CountedValue{hours.people_hours, people.areas, true, hours.upper_bound}
                         : CountedValue{people.people, people.areas, true, people.upper_bound};
  }
};
PeopleCounts count_people(engine::AffectedPeopleCounter& counter, std::span<const model::AssetIndex> failed,
                          std::span<const engine::DownSpan> spans, model::Hours horizon) {
  // Without restoration the sweep ends with every failed asset down: its
  // final state is the people affected (one pass instead of two).
  std::optional<engine::AffectedPeople> all_down;
  const auto hours = engine::people_hours(counter, spans, horizon, all_down);
  if (all_down && spans.size() == failed.size()) return {*all_down, hours};
  return {engine::affected_people(counter, failed), hours};
}

}  // namespace

namespace {

/// Adds the state after an instant to `timeline`, replacing the point of the
/// same instant: the assets down, and the people and services `now` lacks.
void set_timeline_point(std::vector<TimelinePoint>& timeline, model::Hours at, std::size_t down,
                        const engine::AffectedPeopleCounter& now) {
  TimelinePoint point{at, down, now.people().people, {}};
  for (auto service : now.lost_services()) point.services_lost.push_back(now.served().service_id(service));
  if (!timeline.empty() && timeline.back().t_h == at)
    timeline.back() = std::move(point);
  else
    timeline.push_back(std::move(point));
}

/// Every asset's outage in one run: the assets that failed (index order)
/// with their outages, their down spans for people-hours (virtual
/// aggregates may supply areas) and, with restoration, the timeline of what
/// is down. Only failed assets are held, so a run costs what it touches.
struct Outages {
  std::vector<model::AssetIndex> failed;
  std::vector<Outage> of;  ///< of[i] is the outage of failed[i]
  std::vector<engine::DownSpan> spans;
  std::vector<TimelinePoint> timeline;  ///< filled here with restoration only
};

/// Without recovery: an asset that fails at t is down until the horizon.
Outages permanent_outages(engine::CascadeRunner& runner, std::span<const engine::Seed> seeds, model::Hours horizon) {
  Outages out;
  runner.run(seeds, horizon);
  // The spans in settling order (nondecreasing time), so that the people-hours
  // sweep finds its changes already in time order.
  out.spans.reserve(runner.failed().size());
  for (auto a : runner.failed()) out.spans.push_back({a, runner.failure_time(a), model::kNever});
  out.failed.assign(runner.failed().begin(), runner.failed().end());
  std::sort(out.failed.begin(), out.failed.end());
  out.of.reserve(out.failed.size());
  for (auto a : out.failed) {
    const auto at = runner.failure_time(a);
    out.of.push_back({at, runner.cause_supplier(a), runner.cause_group(a) == model::kNoIndex, horizon - at, std::nullopt});
  }
  return out;
}

/// With recovery: outages end as repairs and restarts complete
/// (docs/restoration.md). The timeline follows every change of a
/// non-virtual asset or of the people affected: one point per instant, with
/// the state after everything that happens then. `people_now` must have
/// nothing down; it has nothing down again on return.
Outages restored_outages(const model::DependencyGraph& graph, const std::vector<std::optional<model::Hours>>& recovery,
                         const std::vector<std::optional<model::Hours>>& restart, std::span<const engine::Seed> seeds,
                         model::Hours horizon, engine::AffectedPeopleCounter& people_now) {
  Outages out;
  const auto restoration = engine::simulate_restoration(graph, recovery, restart, seeds, horizon);
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    const auto& intervals = restoration.down[a];
    if (intervals.empty()) continue;
    Outage outage{intervals.front().start, intervals.front().cause_supplier,
                  intervals.front().cause_group == model::kNoIndex, restoration.downtime(a, horizon), std::nullopt};
    if (intervals.back().end != model::kNever) outage.back = intervals.back().end;
    out.failed.push_back(a);
    out.of.push_back(outage);
    for (const auto& interval : intervals) out.spans.push_back({a, interval.start, interval.end});
  }
  std::size_t down_now = 0;
  for (const auto& event : restoration.events) {
    const bool fails = event.kind == engine::RestorationEvent::Kind::fails;
    // Any (area, service) pair that changes moves service_people: people or services changed.
    const double lacking_before = people_now.service_people();
    people_now.set_down(event.asset, fails);
    const bool real = !graph.is_virtual(event.asset);
    if (real) down_now = fails ? down_now + 1 : down_now - 1;
    if (real || people_now.service_people() != lacking_before) set_timeline_point(out.timeline, event.at, down_now, people_now);
  }
  people_now.reset();
  return out;
}

/// The value of one criterion whose assets that count are `counts` (empty:
/// all): people of areas counted once for a criterion on `serve:
/// population` (decision 013: `everyone` when every asset counts, else
/// counted on `counter`, which carries `counts`), else a sum over the failed
/// assets that count of their `serves` base (× hours down for people-hours).
CountedValue criterion_value(const catalogs::ImpactEstimate& estimate, const model::Model& model,
                             const model::DependencyGraph& graph, engine::AffectedPeopleCounter& counter,
                             const std::vector<bool>& counts, const PeopleCounts& everyone, const Outages& outages,
                             model::Hours horizon) {
  const bool hours_measure = estimate.measure == catalogs::ImpactEstimate::Measure::people_hours;
  if (estimate.serve == "population")
    return (counts.empty() ? everyone : count_people(counter, outages.failed, outages.spans, horizon)).as(hours_measure);
  CountedValue found;
  for (std::size_t i = 0; i < outages.failed.size(); ++i) {
    const auto a = outages.failed[i];
    if (graph.is_virtual(a) || (!counts.empty() && !counts[a])) continue;
    const auto& asset = model.assets[a];
    auto base = asset.serves.find(estimate.serve);
    if (base == asset.serves.end() || base->second <= 0) continue;
    ++found.counted;
    found.value += hours_measure ? base->second * outages.of[i].down : base->second;
  }
  return found;
}

/// The value of one estimated criterion, of either measure: `service_outage`
/// from the down spans, else criterion_value's.
double estimated_value(const catalogs::ImpactEstimate& estimate, const ServiceOutage& service_outage,
                       const model::Model& model, const model::DependencyGraph& graph,
                       engine::AffectedPeopleCounter& counter, const std::vector<bool>& counts,
                       const PeopleCounts& everyone, const Outages& outages, model::Hours horizon) {
  return estimate.measure == catalogs::ImpactEstimate::Measure::service_outage
             ? service_outage.value(estimate, outages.spans, horizon).value
             : criterion_value(estimate, model, graph, counter, counts, everyone, outages, horizon).value;
}

/// Why an outcome has no impact class, from what the cascade did: how many
/// other assets failed within `horizon`, whether one of a vital process did
/// (only possible when the catalogue has no vital_process_floor), and the
/// estimates under class A (`below_class_a`), or that nobody lost a service.
LocalText no_impact_reason(model::Hours horizon, std::size_t others_failed, bool vital_process_failed,
                           const std::vector<LocalText>& below_class_a, double people) {
  const LocalText within = local_hours(horizon);
  std::vector<LocalText> clauses;
  if (others_failed == 0)
    clauses.push_back(local_text(Phrase::no_impact_none_fail, within));
  else
    clauses.push_back(local_text(by_count(others_failed, Phrase::no_impact_one_fails, Phrase::no_impact_many_fail),
                                 within, counted(others_failed, Phrase::other_assets_one, Phrase::other_assets_many)));
  clauses.push_back(local_text(vital_process_failed ? Phrase::no_impact_no_floor : Phrase::no_impact_no_vital_process));
  if (!below_class_a.empty())
    clauses.push_back(local_text(Phrase::no_impact_below_class_a, joined(below_class_a, ", ")));
  else if (people <= 0)
    clauses.push_back(local_text(Phrase::no_impact_nobody));
  else
    clauses.push_back(local_text(Phrase::no_impact_uncounted, local_whole(people)));
  return joined(clauses, "; ");
}

/// The chain (by first failure, then id), the affected assets and, without
/// restoration, the timeline (which grows with the chain) of one run.
/// `people_now` must have nothing down; it has nothing down again on return.
void describe_chain(const model::DependencyGraph& graph, bool restores, std::optional<std::size_t> max_chain_steps,
                    const Outages& outages, CascadeOutcome& out, engine::AffectedPeopleCounter& people_now) {
  std::vector<std::size_t> by_time(outages.failed.size());
  for (std::size_t i = 0; i < by_time.size(); ++i) by_time[i] = i;
  std::stable_sort(by_time.begin(), by_time.end(),
                   [&](auto i, auto j) { return outages.of[i].first < outages.of[j].first; });
  std::size_t count = 0;
  // Affected assets as indices first: index order is id order, and sorting
  // integers instead of strings matters when a region has tens of thousands
  // of findings.
  std::vector<model::AssetIndex> affected;
  const std::size_t chain_steps = max_chain_steps.value_or(by_time.size());
  for (auto i : by_time) {
    const auto a = outages.failed[i];
    const auto& outage = outages.of[i];
    if (out.chain.size() < chain_steps) {
      ChainStep step{std::string(graph.id(a)), outage.first,
                     outage.via == model::kNoIndex ? "" : std::string(graph.id(outage.via)),
                     std::nullopt, std::nullopt};
      if (restores) {
        step.down_h = outage.down;
        step.back_h = outage.back;
      }
      out.chain.push_back(std::move(step));
    } else {
      ++out.chain_omitted;
    }
    if (restores) {
      if (!graph.is_virtual(a) && !outage.initial) affected.push_back(a);
      continue;
    }
    // Without restoration the timeline grows with the chain.
    const double lacking_before = people_now.service_people();
    people_now.set_down(a, true);
    if (graph.is_virtual(a) && people_now.service_people() == lacking_before) continue;
    if (!graph.is_virtual(a)) {
      if (!outage.initial) affected.push_back(a);
      ++count;
    }
    set_timeline_point(out.timeline, outage.first, count, people_now);
  }
  people_now.reset();
  std::sort(affected.begin(), affected.end());
  out.affected.reserve(affected.size());
  for (auto a : affected) out.affected.emplace_back(graph.id(a));
}

}  // namespace

model::Hours ImpactEstimator::horizon_of(std::span<const engine::Seed> seeds) const {
  if (process_horizons_.empty()) return horizon_;
  std::vector<std::string> processes;
  for (const auto& seed : seeds) processes.push_back(model_.assets[seed.asset].process);
  return cascade_horizon({horizon_, HorizonSource::assessor, {}}, process_horizons_, processes);
}

namespace {

/// The basis of a criterion counted beyond what `elsewhere` counts: the
/// cascade's value, the baseline's, and what it adds, with the class. The
/// sum adds up as written: the baseline and the added value as the entries
/// write them (basis_value: the single point's own entry, this entry's
/// impact line), the cascade's value as their sum — rounded each on its own,
/// 140,4 − 70,0 = 70,4 read "140 − 70 = 70,4".
LocalText beyond_basis(const catalogs::ImpactCriterion& criterion, double baseline, double added,
                       catalogs::ClassIndex impact_class, const std::string& who) {
  // Rounded once more: 70 + 70,4 is 140,40000000000001 in binary.
  const double together = std::round((basis_rounded(baseline) + basis_rounded(added)) * 10) / 10;
  const LocalText together_text = together == std::round(together) ? local_whole(together) : local_number(together);
  return local_text(Phrase::impact_basis_beyond, who, together_text, basis_value(baseline), basis_value(added),
                    unit_text(criterion.unit), catalogs::class_letter(impact_class),
                    local_whole(std::round(criterion.limits[impact_class])));
}

}  // namespace

std::vector<double> ImpactEstimator::criterion_values(std::span<const engine::Seed> seeds) const {
  auto workspace = acquire();
  const model::Hours horizon = horizon_of(seeds);
  auto& people_now = workspace->everyone;
  const Outages outages = restores() ? restored_outages(graph_, recovery_, restart_, seeds, horizon, people_now)
                                     : permanent_outages(workspace->runner, seeds, horizon);
  const auto everyone = count_people(people_now, outages.failed, outages.spans, horizon);
  const auto& criteria = reference_.scoring.criteria;
  std::vector<double> values(criteria.size(), 0.0);
  for (std::size_t c = 0; c < criteria.size(); ++c) {
    if (!criteria[c].estimate) continue;
    values[c] = estimated_value(*criteria[c].estimate, service_outage_, model_, graph_, *workspace->per_criterion[c],
                                criterion_counts_[c], everyone, outages, horizon);
  }
  release(std::move(workspace));
  return values;
}

CascadeOutcome ImpactEstimator::outcome(std::span<const engine::Seed> seeds, OutcomeDetail detail,
                                        const CountedElsewhere* elsewhere) const {
  auto workspace = acquire();
  CascadeOutcome out;
  const model::Hours horizon = horizon_of(seeds);
  out.horizon = horizon;
  auto& people_now = workspace->everyone;
  Outages outages = restores() ? restored_outages(graph_, recovery_, restart_, seeds, horizon, people_now)
                               : permanent_outages(workspace->runner, seeds, horizon);
  for (std::size_t i = 0; i < outages.failed.size(); ++i)
    if (!graph_.is_virtual(outages.failed[i]) && !outages.of[i].initial) ++out.affected_count;
  if (detail == OutcomeDetail::full) {
    out.timeline = std::move(outages.timeline);
    describe_chain(graph_, restores(), max_chain_steps_, outages, out, people_now);
  }
  const auto everyone = count_people(people_now, outages.failed, outages.spans, horizon);
  out.people_served = everyone.people.people;
  out.people_hours = everyone.hours.people_hours;
  out.people_upper_bound = everyone.people.upper_bound;

  // The basis texts are for a listed entry's reader; at region scale most
  // entries are counted only (decision 021).
  const bool brief = detail == OutcomeDetail::brief;
  const auto& criteria = reference_.scoring.criteria;
  // Estimates with a value under class A's limit, for no_impact_reason.
  std::vector<LocalText> below_class_a;
  auto note_below_class_a = [&](const catalogs::ImpactCriterion& criterion, double value) {
    if (brief || value <= 0 || criterion.limits.empty()) return;
    below_class_a.push_back(local_text(Phrase::no_impact_value, criterion.id, basis_value(value),
                                       unit_text(criterion.unit), local_whole(criterion.limits.front())));
  };
  for (std::size_t c = 0; c < criteria.size(); ++c) {
    const auto& criterion = criteria[c];
    if (!criterion.estimate) continue;
    if (elsewhere) {
      // What this cascade adds to the baseline (decision 046). The basis is
      // written when the finding is detailed: the finding keeps its
      // baseline (Finding::counted_elsewhere) and detailing passes it back.
      const double value = estimated_value(*criterion.estimate, service_outage_, model_, graph_,
                                           *workspace->per_criterion[c], criterion_counts_[c], everyone, outages, horizon);
      const double baseline = elsewhere->baseline(c);
      const double added = std::max(0.0, value - baseline);
      if (auto impact_class = criterion.classify(added))
        out.impact.push_back({criterion.id, *impact_class, added,
                              brief ? LocalText{}
                                    : beyond_basis(criterion, baseline, added, *impact_class,
                                                   elsewhere->counted_by(c)),
                              ImpactSource::estimate});
      else
        note_below_class_a(criterion, added);
      continue;
    }
    if (criterion.estimate->measure == catalogs::ImpactEstimate::Measure::service_outage) {
      const auto found = service_outage_.value(*criterion.estimate, outages.spans, horizon);
      if (auto impact_class = criterion.classify(found.value))
        out.impact.push_back({criterion.id, *impact_class, found.value,
                              brief ? LocalText{}
                                    : service_outage_basis(reference_, criterion, found, *impact_class, horizon,
                                                           restores()),
                              ImpactSource::estimate});
      else
        note_below_class_a(criterion, found.value);
      continue;
    }
    const CountedValue found =
        criterion_value(*criterion.estimate, model_, graph_, *workspace->per_criterion[c], criterion_counts_[c], everyone,
                        outages, horizon);
    auto impact_class = criterion.classify(found.value);
    if (!impact_class) {
      note_below_class_a(criterion, found.value);
      continue;
    }
    out.impact.push_back(
        {criterion.id, *impact_class, found.value,
         brief ? LocalText{}
               : impact_basis(reference_, criterion, found, *impact_class, horizon, restores()),
         ImpactSource::estimate});
  }
  if (out.impact.empty()) {
    const auto processes = failed_processes(outages.failed);
    add_floor(out, processes);
    if (out.impact.empty() && !brief)
      out.no_impact_reason = no_impact_reason(horizon, out.affected_count, !processes.empty(), below_class_a,
                                              out.people_served);
  }
  out.failed = std::move(outages.failed);
  release(std::move(workspace));
  return out;
}

void take_cascade(Finding& finding, CascadeOutcome&& outcome) {
  finding.affected = std::move(outcome.affected);
  finding.chain = std::move(outcome.chain);
  finding.chain_omitted = outcome.chain_omitted;
  finding.timeline = std::move(outcome.timeline);
  finding.impact = std::move(outcome.impact);
  finding.no_impact_reason = std::move(outcome.no_impact_reason);  // empty in brief
  finding.horizon_h = outcome.horizon;
}

std::vector<std::string> ImpactEstimator::failed_processes(std::span<const model::AssetIndex> failed) const {
  std::vector<std::string> processes;
  for (auto a : failed) {
    const auto& process = model_.assets[a].process;
    if (graph_.is_virtual(a) || process.empty() || !reference_.process(process)) continue;
    if (std::find(processes.begin(), processes.end(), process) == processes.end()) processes.push_back(process);
  }
  std::sort(processes.begin(), processes.end());
  return processes;
}

void ImpactEstimator::add_floor(CascadeOutcome& out, const std::vector<std::string>& processes) const {
  const auto& floor = reference_.scoring.vital_process_floor;
  if (!floor) return;
  if (processes.empty()) return;
  out.impact.push_back(
      {floor->criterion, floor->impact_class, 0,
       local_text(by_count(processes.size(), Phrase::vital_process_floor,
                           Phrase::vital_process_floor_many),
                  process_names(reference_, processes),
                  LocalText{floor->rationale,
                            floor->rationale_en.empty() ? floor->rationale : floor->rationale_en},
                  catalogs::class_letter(floor->impact_class)),
       ImpactSource::floor});
}

}  // namespace knelpunt::assessors
