/// engine/monte_carlo: the sampler and the tally against a deliberately
/// naive reference (draw, propagate, count — one run at a time), against the
/// exact probability of engine/probability (docs/simulate.md), and
/// invariant under threads and run ranges.

#include "engine/monte_carlo.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/cascade.hpp"
#include "engine/counter_random.hpp"
#include "engine/probability.hpp"
#include "engine/restoration.hpp"

using namespace knelpunt;
using model::AssetIndex;
using model::kNever;

namespace {

/// A model and its graph built side by side (ids in sorted order), with
/// areas for the people count.
struct SimModel {
  model::Model model;
  std::vector<double> p;
  std::vector<model::GraphGroup> groups;
  std::vector<AssetIndex> suppliers;

  AssetIndex asset(const std::string& id, double probability, bool is_virtual = false) {
    model::Asset asset;
    asset.id = id;
    asset.is_virtual = is_virtual;
    model.assets.push_back(asset);
    p.push_back(probability);
    return static_cast<AssetIndex>(model.assets.size() - 1);
  }
  void group(AssetIndex of, std::uint32_t need, double time_to_impact,
             std::vector<AssetIndex> from) {
    model::GraphGroup g;
    g.asset = of;
    g.need = need;
    g.supplier_count = static_cast<std::uint32_t>(from.size());
    g.time_to_impact = time_to_impact;
    g.first = static_cast<std::uint32_t>(suppliers.size());
    suppliers.insert(suppliers.end(), from.begin(), from.end());
    groups.push_back(g);
  }
  void area(const std::string& id, double population, std::vector<AssetIndex> suppliers_of_power) {
    model::Area area;
    area.id = id;
    area.population = population;
    model.areas.push_back(area);
    for (const auto a : suppliers_of_power) {
      model::ServiceSupply supply;
      supply.service = "power";
      supply.areas = {id};
      model.assets[a].supplies.push_back(supply);
    }
  }
  model::DependencyGraph graph() const {
    std::vector<std::string> ids;
    std::vector<bool> virtual_flags;
    for (const auto& asset : model.assets) {
      ids.push_back(asset.id);
      virtual_flags.push_back(asset.is_virtual);
    }
    return model::DependencyGraph(ids, virtual_flags, groups, suppliers);
  }
};

/// a–f: two redundant feeds (a, b) into a substation c, which powers d
/// directly and e after a 6-hour buffer; f is independent; top is virtual
/// and fails when d and f are both down.
SimModel small_region() {
  SimModel m;
  const auto a = m.asset("a", 0.3), b = m.asset("b", 0.4), c = m.asset("c", 0.1),
             d = m.asset("d", 0.05), e = m.asset("e", 0.02), f = m.asset("f", 0.5),
             top = m.asset("top", 0, true);
  m.group(c, 1, 0, {a, b});  // c needs one of a, b
  m.group(d, 1, 0, {c});
  m.group(e, 1, 6, {c});
  m.group(top, 1, 0, {d, f});  // top needs one of d, f: it fails when both are down
  m.area("noord", 1000, {d});
  m.area("zuid", 2500, {e});
  m.area("oost", 400, {c, f});
  m.model.reindex();
  return m;
}

engine::MonteCarloTally simulate(const SimModel& m, const model::DependencyGraph& graph,
                                 std::uint64_t seed, std::uint64_t first, std::uint64_t last,
                                 model::Hours horizon, unsigned threads,
                                 const std::vector<double>& p) {
  const engine::PeopleServed served(m.model);
  engine::MonteCarloOptions options;
  options.seed = seed;
  options.first_run = first;
  options.last_run = last;
  options.horizon = horizon;
  options.threads = threads;
  return engine::simulate_failures(graph, served, p, options);
}

bool same(const engine::MonteCarloTally& x, const engine::MonteCarloTally& y) {
  if (x.runs != y.runs || x.failed_runs != y.failed_runs ||
      x.upper_bound_runs != y.upper_bound_runs || x.people.size() != y.people.size())
    return false;
  for (std::size_t i = 0; i < x.people.size(); ++i)
    if (x.people[i].people != y.people[i].people || x.people[i].runs != y.people[i].runs)
      return false;
  return true;
}

/// Options for runs [0, runs) with `seed`, `horizon` and `threads`.
engine::MonteCarloOptions run_options(std::uint64_t seed, std::uint64_t runs, model::Hours horizon, unsigned threads) {
  engine::MonteCarloOptions options;
  options.seed = seed;
  options.first_run = 0;
  options.last_run = runs;
  options.horizon = horizon;
  options.threads = threads;
  return options;
}

/// The runs of `options` simulated as two ranges split at `middle` (one
/// thread, then two) and added up: what one simulation must equal.
engine::MonteCarloTally simulated_in_two(const model::DependencyGraph& graph, const engine::PeopleServed& served,
                                         const std::vector<double>& p, engine::MonteCarloOptions options,
                                         std::uint64_t middle) {
  const std::uint64_t last = options.last_run;
  options.threads = 1;
  options.last_run = middle;
  auto tally = engine::simulate_failures(graph, served, p, options);
  options.first_run = middle;
  options.last_run = last;
  options.threads = 2;
  engine::add_tally(tally, engine::simulate_failures(graph, served, p, options));
  return tally;
}

/// The naive reference's initial failures of run `run`: every non-virtual
/// asset whose draw for (seed, run, its id) falls below its p, at 0.
std::vector<engine::Seed> naive_initial_failures(const model::DependencyGraph& graph, const std::vector<double>& p,
                                                 std::uint64_t seed, std::uint64_t run) {
  std::vector<engine::Seed> seeds;
  for (AssetIndex a = 0; a < graph.asset_count(); ++a)
    if (!graph.is_virtual(a) && engine::fails_initially(seed, run, engine::stream_key(graph.id(a)), p[a]))
      seeds.push_back({a, 0});
  return seeds;
}

}  // namespace

TEST_CASE("counter-based draws are uniform and depend on seed, run and key") {
  // χ² over 20 bins of 200 000 draws; 99.9 % point of χ²(19) is 43.8.
  constexpr int kBins = 20;
  constexpr std::uint64_t kDraws = 200'000;
  for (const std::uint64_t seed : {0ULL, 1ULL, 0xffffffffffffffffULL}) {
    std::vector<double> bins(kBins, 0);
    for (std::uint64_t run = 0; run < kDraws; ++run)
      bins[static_cast<std::size_t>(engine::unit_interval(engine::counter_random(seed, run, 42)) *
                                    kBins)] += 1;
    double chi2 = 0;
    const double expected = static_cast<double>(kDraws) / kBins;
    for (const double count : bins) chi2 += (count - expected) * (count - expected) / expected;
    CAPTURE(seed);
    CHECK(chi2 < 43.8);
  }
  CHECK(engine::counter_random(1, 2, 3) != engine::counter_random(2, 2, 3));
  CHECK(engine::counter_random(1, 2, 3) != engine::counter_random(1, 3, 3));
  CHECK(engine::counter_random(1, 2, 3) != engine::counter_random(1, 2, 4));
  CHECK(engine::counter_random(1, 2, 3) == engine::counter_random(1, 2, 3));
  CHECK(engine::stream_key("a") != engine::stream_key("b"));
  CHECK(engine::unit_interval(~0ULL) < 1.0);
  CHECK(engine::unit_interval(0) == 0.0);
}

TEST_CASE("initial failures happen with frequency p, p = 0 never and p = 1 always") {
  constexpr std::uint64_t kRuns = 100'000;
  for (const double p : {0.0, 0.001, 0.25, 0.5, 0.9, 1.0}) {
    std::uint64_t failures = 0;
    for (std::uint64_t run = 0; run < kRuns; ++run)
      failures += engine::fails_initially(7, run, engine::stream_key("x"), p);
    CAPTURE(p);
    const auto ci = engine::wilson_interval(failures, kRuns, 3.29);  // 99.9 %
    CHECK(ci.lo <= p);
    CHECK(p <= ci.hi);
    if (p == 0.0) CHECK(failures == 0);
    if (p == 1.0) CHECK(failures == kRuns);
  }
}

TEST_CASE("the tally equals a naive run-by-run reference: draws, cascade, counts and people") {
  const SimModel m = small_region();
  const auto graph = m.graph();
  const engine::PeopleServed served(m.model);
  for (const model::Hours horizon : {kNever, 3.0, 6.0}) {
    CAPTURE(horizon);
    constexpr std::uint64_t kRuns = 3000;
    const auto tally = simulate(m, graph, 11, 0, kRuns, horizon, 2, m.p);
    std::vector<std::uint64_t> failed_runs(graph.asset_count(), 0);
    std::map<double, std::uint64_t> histogram;
    for (std::uint64_t run = 0; run < kRuns; ++run) {
      auto seeds = naive_initial_failures(graph, m.p, 11, run);
      const auto cascade = engine::propagate(graph, seeds, horizon);
      std::vector<bool> down(graph.asset_count(), false);
      for (AssetIndex a = 0; a < graph.asset_count(); ++a)
        if (cascade.failed(a)) {
          ++failed_runs[a];
          down[a] = true;
        }
      ++histogram[engine::affected_people(served, down).people];
    }
    CHECK(tally.runs == kRuns);
    CHECK(tally.failed_runs == failed_runs);
    REQUIRE(tally.people.size() == histogram.size());
    std::size_t i = 0;
    for (const auto& [people, runs] : histogram) {
      CHECK(tally.people[i].people == people);
      CHECK(tally.people[i].runs == runs);
      ++i;
    }
    CHECK(tally.upper_bound_runs == 0);
  }
}

TEST_CASE("the tally does not depend on threads or on how the runs are split") {
  const SimModel m = small_region();
  const auto graph = m.graph();
  const auto one = simulate(m, graph, 5, 0, 2000, 6, 1, m.p);
  CHECK(same(one, simulate(m, graph, 5, 0, 2000, 6, 3, m.p)));
  auto split = simulate(m, graph, 5, 0, 700, 6, 2, m.p);
  engine::add_tally(split, simulate(m, graph, 5, 1500, 2000, 6, 1, m.p));
  engine::add_tally(split, simulate(m, graph, 5, 700, 1500, 6, 3, m.p));
  CHECK(same(one, split));
  CHECK(!same(one, simulate(m, graph, 6, 0, 2000, 6, 1, m.p)));  // another seed, other runs
}

TEST_CASE(
    "scenarios occur with 1 - e^(-f) per run and fail their assets at their times, whatever the "
    "threads") {
  CHECK(engine::scenario_stream_key("a") != engine::stream_key("a"));
  CHECK(engine::scenario_run_probability(0) == 0.0);
  CHECK(engine::scenario_run_probability(0.4) ==
        doctest::Approx(1 - std::exp(-0.4)).epsilon(1e-15));
  const SimModel m = small_region();
  const auto graph = m.graph();
  const engine::PeopleServed served(m.model);
  const AssetIndex c = 2, e = 4, f = 5;
  // "always" occurs in every run and fails e at 2h; "never" has frequency 0;
  // "sometimes" fails c at once and f at 5h.
  std::vector<engine::SampledScenario> scenarios = {
      {engine::scenario_stream_key("always"), 1.0, {{e, 2.0}}},
      {engine::scenario_stream_key("never"), 0.0, {{f, 0.0}}},
      {engine::scenario_stream_key("sometimes"),
       engine::scenario_run_probability(0.4),
       {{c, 0.0}, {f, 5.0}}}};
  constexpr std::uint64_t kRuns = 4000;
  for (const model::Hours horizon : {1.0, 3.0, 6.0}) {
    CAPTURE(horizon);
    auto options = run_options(21, kRuns, horizon, 3);
    options.scenarios = scenarios;
    const auto tally = engine::simulate_failures(graph, served, m.p, options);
    // The reference: the draws of the assets and the scenarios, one run at a time.
    std::vector<std::uint64_t> failed_runs(graph.asset_count(), 0),
        scenario_runs(scenarios.size(), 0);
    for (std::uint64_t run = 0; run < kRuns; ++run) {
      auto seeds = naive_initial_failures(graph, m.p, 21, run);
      for (std::size_t s = 0; s < scenarios.size(); ++s)
        if (engine::fails_initially(21, run, scenarios[s].key, scenarios[s].probability)) {
          ++scenario_runs[s];
          seeds.insert(seeds.end(), scenarios[s].initial.begin(), scenarios[s].initial.end());
        }
      const auto cascade = engine::propagate(graph, seeds, horizon);
      for (AssetIndex a = 0; a < graph.asset_count(); ++a)
        if (cascade.failed(a)) ++failed_runs[a];
    }
    CHECK(tally.scenario_runs == scenario_runs);
    CHECK(tally.failed_runs == failed_runs);
    CHECK(tally.scenario_runs[0] == kRuns);
    CHECK(tally.scenario_runs[1] == 0);
    const auto ci = engine::wilson_interval(tally.scenario_runs[2], kRuns, 3.29);
    CHECK(ci.lo <= engine::scenario_run_probability(0.4));
    CHECK(engine::scenario_run_probability(0.4) <= ci.hi);
    // e fails in every run once the horizon reaches its scenario time (2h),
    // before that only through its own p or chain (the reference covers f at 5h).
    if (horizon >= 2)
      CHECK(tally.failed_runs[e] == kRuns);
    else
      CHECK(tally.failed_runs[e] < kRuns);
    // Threads and splits do not change it.
    const auto split = simulated_in_two(graph, served, m.p, options, 1500);
    CHECK(split.failed_runs == tally.failed_runs);
    CHECK(split.scenario_runs == tally.scenario_runs);
  }
}

TEST_CASE("joint failures of watched sets equal a naive reference, whatever the threads and splits") {
  const SimModel m = small_region();
  const auto graph = m.graph();
  const engine::PeopleServed served(m.model);
  const AssetIndex a = 0, b = 1, c = 2, d = 3, e = 4, f = 5, top = 6;
  // Pairs with a shared first asset, a set in reverse index order, a
  // triple, a one-asset set (its count is failed_runs) and a virtual asset.
  const std::vector<std::vector<AssetIndex>> watched = {{a, b}, {a, f}, {e, c}, {c, d, f}, {d}, {top, a}};
  constexpr std::uint64_t kRuns = 3000;
  for (const model::Hours horizon : {kNever, 3.0, 6.0}) {
    CAPTURE(horizon);
    auto options = run_options(17, kRuns, horizon, 3);
    options.watched_sets = watched;
    const auto tally = engine::simulate_failures(graph, served, m.p, options);
    std::vector<std::uint64_t> joint(watched.size(), 0);
    for (std::uint64_t run = 0; run < kRuns; ++run) {
      auto seeds = naive_initial_failures(graph, m.p, 17, run);
      const auto cascade = engine::propagate(graph, seeds, horizon);
      for (std::size_t s = 0; s < watched.size(); ++s) {
        bool all = true;
        for (const auto x : watched[s]) all = all && cascade.failed(x);
        if (all) ++joint[s];
      }
    }
    CHECK(tally.joint_failed_runs == joint);
    CHECK(tally.joint_failed_runs[4] == tally.failed_runs[d]);
    // Every watched set fails together in some runs and not in all of them
    // (the reference above is not trivially all zeros).
    for (const auto count : joint) {
      CHECK(count > 0);
      CHECK(count < kRuns);
    }
    CHECK(simulated_in_two(graph, served, m.p, options, 1000).joint_failed_runs == tally.joint_failed_runs);
  }
  // Without watched sets the tally has no joint counts.
  CHECK(simulate(m, graph, 17, 0, 100, kNever, 1, m.p).joint_failed_runs.empty());
}

TEST_CASE(
    "fractions agree with the exact probability within their interval; a biased sampler would "
    "not") {
  const SimModel m = small_region();
  const auto graph = m.graph();
  constexpr std::uint64_t kRuns = 20'000;
  constexpr double kZ = 3.29;  // 99.9 % per check: many checks, none may fail by chance
  std::vector<double> biased = m.p;
  for (auto& p : biased) p *= 1.15;  // a sampler that fails assets 15 % too often
  int disagreements = 0, checks = 0;
  for (const model::Hours horizon : {kNever, 3.0}) {
    for (const std::uint64_t seed : {1ULL, 2ULL, 3ULL}) {
      const auto tally = simulate(m, graph, seed, 0, kRuns, horizon, 2, m.p);
      const auto wrong = simulate(m, graph, seed, 0, kRuns, horizon, 2, biased);
      for (AssetIndex target = 0; target < graph.asset_count(); ++target) {
        const double exact =
            engine::failure_probability(graph, target, m.p, engine::ProbabilityOptions{horizon})
                .value;
        CAPTURE(graph.id(target));
        CAPTURE(horizon);
        CAPTURE(seed);
        const auto ci = engine::wilson_interval(tally.failed_runs[target], kRuns, kZ);
        CHECK(ci.lo <= exact);
        CHECK(exact <= ci.hi);
        const auto wrong_ci = engine::wilson_interval(wrong.failed_runs[target], kRuns, kZ);
        ++checks;
        if (exact < wrong_ci.lo || exact > wrong_ci.hi) ++disagreements;
      }
    }
  }
  // The biased sampler is caught on most assets (those with enough failures to see 15 %).
  CHECK(disagreements * 2 > checks);
}

TEST_CASE("people-hours equal a naive reference, without repairs and with them") {
  const SimModel m = small_region();
  const auto graph = m.graph();
  const engine::PeopleServed served(m.model);
  // Repairs: the feeds come back after 2 h, the substation after 5 h (restart 1 h).
  std::vector<std::optional<model::Hours>> recovery(graph.asset_count()),
      restart(graph.asset_count());
  recovery[0] = 2;  // a
  recovery[1] = 2;  // b
  recovery[2] = 5;  // c
  restart[2] = 1;
  constexpr std::uint64_t kRuns = 1500;
  constexpr model::Hours kHorizon = 24;
  for (const bool repairs : {false, true}) {
    CAPTURE(repairs);
    engine::MonteCarloOptions options;
    options.seed = 21;
    options.first_run = 0;
    options.last_run = kRuns;
    options.horizon = kHorizon;
    options.threads = 2;
    if (repairs) {
      options.recovery = recovery;
      options.restart = restart;
    }
    const auto tally = engine::simulate_failures(graph, served, m.p, options);
    std::map<double, std::uint64_t> histogram;
    for (std::uint64_t run = 0; run < kRuns; ++run) {
      auto seeds = naive_initial_failures(graph, m.p, 21, run);
      std::vector<engine::DownSpan> spans;
      if (repairs) {
        const auto restoration =
            engine::simulate_restoration(graph, recovery, restart, seeds, kHorizon);
        for (AssetIndex a = 0; a < graph.asset_count(); ++a)
          for (const auto& interval : restoration.down[a])
            spans.push_back({a, interval.start, interval.end});
      } else {
        const auto cascade = engine::propagate(graph, seeds, kHorizon);
        for (AssetIndex a = 0; a < graph.asset_count(); ++a)
          if (cascade.failed(a)) spans.push_back({a, cascade.failure_time[a], kNever});
      }
      ++histogram[engine::people_hours(served, spans, kHorizon).people_hours];
    }
    REQUIRE(tally.people_hours.size() == histogram.size());
    std::size_t i = 0;
    for (const auto& [hours, runs] : histogram) {
      CHECK(tally.people_hours[i].people == hours);
      CHECK(tally.people_hours[i].runs == runs);
      ++i;
    }
  }
  // Repairs shorten outages: the mean people-hours drop.
  engine::MonteCarloOptions options;
  options.last_run = kRuns;
  options.horizon = kHorizon;
  const double without =
      engine::histogram_mean(engine::simulate_failures(graph, served, m.p, options).people_hours)
          .mean;
  options.recovery = recovery;
  options.restart = restart;
  const double with =
      engine::histogram_mean(engine::simulate_failures(graph, served, m.p, options).people_hours)
          .mean;
  CHECK(with < without);
  // An infinite horizon has no people-hours.
  options.horizon = kNever;
  options.recovery = {};
  options.restart = {};
  CHECK(engine::simulate_failures(graph, served, m.p, options).people_hours.empty());
}
