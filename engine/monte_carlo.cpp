#include "engine/monte_carlo.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "engine/cascade.hpp"
#include "engine/counter_random.hpp"
#include "engine/parallel_for.hpp"
#include "engine/restoration.hpp"

namespace knelpunt::engine {

namespace {

/// Adds `part` to `into` element by element; an empty `into` (no runs yet) takes part's size.
void add_counts(std::vector<std::uint64_t>& into, const std::vector<std::uint64_t>& part) {
  if (into.empty()) into.assign(part.size(), 0);
  for (std::size_t i = 0; i < part.size() && i < into.size(); ++i) into[i] += part[i];
}

}  // namespace

void add_tally(MonteCarloTally& into, const MonteCarloTally& part) {
  add_counts(into.failed_runs, part.failed_runs);
  add_counts(into.scenario_runs, part.scenario_runs);
  add_counts(into.joint_failed_runs, part.joint_failed_runs);
  into.runs += part.runs;
  into.upper_bound_runs += part.upper_bound_runs;
  into.people_hours_upper_bound_runs += part.people_hours_upper_bound_runs;
  add_histogram(into.people, part.people);
  add_histogram(into.people_hours, part.people_hours);
}

bool fails_initially(std::uint64_t seed, std::uint64_t run, std::uint64_t key, double p) {
  return unit_interval(counter_random(seed, run, key)) < p;
}

std::uint64_t scenario_stream_key(std::string_view id) {
  std::string key = "scenario:";
  key += id;
  return stream_key(key);
}

std::vector<double> initial_failure_probabilities(const model::Model& model) {
  std::vector<double> p;
  p.reserve(model.assets.size());
  for (const auto& asset : model.assets)
    p.push_back(asset.is_virtual ? 0.0 : asset.p.value_or(0.0));
  return p;
}

std::vector<SampledScenario> sampled_scenarios(const model::Model& model) {
  // The others (a likelihood class is a range, not a rate) are not sampled (decision 039).
  std::vector<SampledScenario> sampled;
  for (const auto& scenario : model.scenarios) {
    if (!scenario.frequency) continue;
    SampledScenario run_scenario;
    run_scenario.key = scenario_stream_key(scenario.id);
    run_scenario.probability = scenario_run_probability(*scenario.frequency);
    for (const auto& failure : scenario.initial)
      if (const auto index = model.find(failure.asset))
        run_scenario.initial.push_back({static_cast<model::AssetIndex>(*index), failure.at});
    sampled.push_back(std::move(run_scenario));
  }
  return sampled;
}

namespace {

/// Runs per block handed to a thread: large enough that handing out blocks
/// costs nothing, small enough for a smooth progress bar.
constexpr std::uint64_t kBlockRuns = 256;

/// One worker's memory and its part of the tally; reused across blocks.
struct Worker {
  Worker(const model::DependencyGraph& graph, const PeopleServed& served, std::size_t scenarios,
         std::size_t watched_sets)
      : cascade(graph),
        people(served),
        failed_runs(graph.asset_count(), 0),
        scenario_runs(scenarios, 0),
        joint_failed_runs(watched_sets, 0) {
    if (watched_sets > 0) down.assign(graph.asset_count(), 0);
  }
  CascadeRunner cascade;
  AffectedPeopleCounter people;
  std::vector<std::uint64_t> failed_runs;
  std::vector<std::uint64_t> scenario_runs;
  std::vector<std::uint64_t> joint_failed_runs;
  /// Per asset whether it failed in the current run (only with watched sets; all 0 between runs).
  std::vector<char> down;
  std::map<double, std::uint64_t> histogram;
  std::map<double, std::uint64_t> hours_histogram;
  std::uint64_t runs = 0;
  std::uint64_t upper_bound_runs = 0;
  std::uint64_t hours_upper_bound_runs = 0;
  std::vector<Seed> seeds;
  std::vector<DownSpan> spans;
};

}  // namespace

MonteCarloTally simulate_failures(const model::DependencyGraph& graph, const PeopleServed& served,
                                  std::span<const double> p, const MonteCarloOptions& options) {
  // The assets that can fail initially, with their stream keys.
  struct Candidate {
    AssetIndex asset;
    std::uint64_t key;
    double p;
  };
  std::vector<Candidate> candidates;
  for (AssetIndex a = 0; a < graph.asset_count(); ++a)
    if (!graph.is_virtual(a) && a < p.size() && p[a] > 0)
      candidates.push_back({a, stream_key(graph.id(a)), p[a]});

  // The watched sets by their first asset: a run looks only at the
  // sets of the assets it failed. sets_from[set_begin[a]..set_begin[a + 1]) are the
  // positions in watched_sets of those that start at asset a.
  const auto& watched = options.watched_sets;
  std::vector<std::size_t> set_begin(watched.empty() ? 0 : graph.asset_count() + 1, 0);
  std::vector<std::size_t> sets_from(watched.size());
  if (!watched.empty()) {
    for (const auto& set : watched) ++set_begin[set.front() + 1];
    for (std::size_t a = 0; a < graph.asset_count(); ++a) set_begin[a + 1] += set_begin[a];
    std::vector<std::size_t> next(set_begin.begin(), set_begin.end() - 1);
    for (std::size_t s = 0; s < watched.size(); ++s) sets_from[next[watched[s].front()]++] = s;
  }

  // People-hours have no end at an infinite horizon.
  const bool count_hours = options.horizon != kNever;
  const std::uint64_t first = options.first_run;
  const std::uint64_t last = std::max(options.first_run, options.last_run);
  const std::uint64_t blocks = (last - first + kBlockRuns - 1) / kBlockRuns;

  std::mutex mutex;  // guards `idle`, `workers` and `done`
  std::vector<std::unique_ptr<Worker>> workers;
  std::vector<Worker*> idle;
  std::uint64_t done = 0;

  parallel_for(blocks, options.threads, [&](std::size_t block) {
    Worker* worker = nullptr;
    {
      std::lock_guard lock(mutex);
      if (idle.empty()) {
        workers.push_back(
            std::make_unique<Worker>(graph, served, options.scenarios.size(), watched.size()));
        idle.push_back(workers.back().get());
      }
      worker = idle.back();
      idle.pop_back();
    }
    const std::uint64_t begin = first + block * kBlockRuns;
    const std::uint64_t end = std::min(last, begin + kBlockRuns);
    for (std::uint64_t run = begin; run < end; ++run) {
      worker->seeds.clear();
      for (const auto& candidate : candidates)
        if (fails_initially(options.seed, run, candidate.key, candidate.p))
          worker->seeds.push_back({candidate.asset, 0});
      // A scenario adds its initial failures at their times; an asset that
      // also failed at 0 keeps its earliest time (the cascade's rule).
      for (std::size_t s = 0; s < options.scenarios.size(); ++s) {
        const auto& scenario = options.scenarios[s];
        if (!(unit_interval(counter_random(options.seed, run, scenario.key)) <
              scenario.probability))
          continue;
        ++worker->scenario_runs[s];
        worker->seeds.insert(worker->seeds.end(), scenario.initial.begin(), scenario.initial.end());
      }
      worker->cascade.run(worker->seeds, options.horizon);
      const auto failed = worker->cascade.failed();
      for (const AssetIndex a : failed) ++worker->failed_runs[a];
      if (!watched.empty()) {
        for (const AssetIndex a : failed) worker->down[a] = 1;
        for (const AssetIndex a : failed)
          for (std::size_t k = set_begin[a]; k < set_begin[a + 1]; ++k) {
            const auto& set = watched[sets_from[k]];
            if (std::all_of(set.begin() + 1, set.end(), [&](AssetIndex b) { return worker->down[b] != 0; }))
              ++worker->joint_failed_runs[sets_from[k]];
          }
        for (const AssetIndex a : failed) worker->down[a] = 0;
      }
      const auto people = affected_people(worker->people, failed);
      ++worker->histogram[people.people];
      if (people.upper_bound) ++worker->upper_bound_runs;
      if (count_hours) {
        worker->spans.clear();
        if (options.recovery.empty()) {
          // Nothing comes back: each failed asset is down from its failure to the horizon.
          for (const AssetIndex a : failed)
            worker->spans.push_back({a, worker->cascade.failure_time(a), kNever});
        } else {
          const auto restoration = simulate_restoration(graph, options.recovery, options.restart,
                                                        worker->seeds, options.horizon);
          for (const auto& event : restoration.events)
            if (event.kind == RestorationEvent::Kind::fails &&
                restoration.down[event.asset].front().start == event.at)
              for (const auto& interval :
                   restoration.down[event.asset])  // once per asset: at its first failure
                worker->spans.push_back({event.asset, interval.start, interval.end});
        }
        const auto hours = people_hours(worker->people, worker->spans, options.horizon);
        ++worker->hours_histogram[hours.people_hours];
        if (hours.upper_bound) ++worker->hours_upper_bound_runs;
      }
      ++worker->runs;
    }
    std::lock_guard lock(mutex);
    idle.push_back(worker);
    done += end - begin;
    if (options.progress) options.progress(done);
  });

  // Integer sums and histogram counts: the same whatever worker ran which block.
  MonteCarloTally tally;
  tally.failed_runs.assign(graph.asset_count(), 0);
  tally.scenario_runs.assign(options.scenarios.size(), 0);
  tally.joint_failed_runs.assign(watched.size(), 0);
  for (const auto& worker : workers) {
    MonteCarloTally part;
    part.runs = worker->runs;
    part.upper_bound_runs = worker->upper_bound_runs;
    part.failed_runs = std::move(worker->failed_runs);
    part.scenario_runs = std::move(worker->scenario_runs);
    part.joint_failed_runs = std::move(worker->joint_failed_runs);
    part.people_hours_upper_bound_runs = worker->hours_upper_bound_runs;
    for (const auto& [people, runs] : worker->histogram) part.people.push_back({people, runs});
    for (const auto& [hours, runs] : worker->hours_histogram)
      part.people_hours.push_back({hours, runs});
    add_tally(tally, part);
  }
  return tally;
}

}  // namespace knelpunt::engine
