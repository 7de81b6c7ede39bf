/// Properties of the people count (engine/affected_people.hpp, decision 013):
/// on hundreds of random models with areas, services, pseudo-areas (assets
/// with a population and no supplies) and random down-sets,
/// - affected people equal a brute-force union written as plainly as
///   possible (an area counts when some supply of it names a down asset);
/// - without pseudo-areas they never exceed the region's total population,
///   and the result is not marked an upper bound; with a pseudo-area counted
///   it is;
/// - a counter fed the same assets one by one, with some taken down and
///   back again, ends at the same count;
/// - people-hours over random down periods equal a reference that steps
///   through time on a grid and counts each (area, service) once;
/// - the services lost equal a brute force (every service a down asset
///   supplies to an area of the model), also after some assets come back;
/// - one counter reused for many random runs (the impact estimator's
///   workspace) gives every run exactly what a fresh counter gives, and is
///   at rest after each;
/// - without restoration, the people the people-hours sweep ends with equal
///   the people affected counted directly;
/// - a service that affects no one (decision 059) is left out of people and
///   people-hours exactly as if the model did not list its supplies.

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "engine/affected_people.hpp"

namespace {

using knelpunt::engine::AffectedPeopleCounter;
using knelpunt::engine::DownSpan;
using knelpunt::engine::PeopleServed;
using knelpunt::model::AssetIndex;
using knelpunt::model::Hours;
using knelpunt::model::Model;

const std::vector<std::string> kServices = {"power", "water", "telecom", "acute-care"};

/// A random model: 0…12 areas, 1…25 assets; each asset supplies 0…3 services
/// to random areas, or has a population of its own (a pseudo-area) when
/// `pseudo` is set; a few are virtual (they may supply areas too, and a
/// virtual asset with a population is no pseudo-area).
Model random_model(std::mt19937& rng, bool pseudo) {
  auto uniform = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng); };
  Model model;
  const int areas = uniform(0, 12);
  for (int i = 0; i < areas; ++i) {
    knelpunt::model::Area area;
    area.id = "area-" + std::to_string(100 + i);  // fixed width: id order = creation order
    area.population = uniform(0, 5) == 0 ? 0 : uniform(1, 20000);
    model.areas.push_back(area);
  }
  const int assets = uniform(1, 25);
  for (int i = 0; i < assets; ++i) {
    knelpunt::model::Asset asset;
    asset.id = "asset-" + std::to_string(100 + i);
    asset.is_virtual = uniform(0, 9) == 0;
    if ((pseudo || asset.is_virtual) && uniform(0, 3) == 0) {
      asset.serves["population"] = uniform(0, 30000);
    } else if (areas > 0) {
      const int services = uniform(0, 3);
      for (int s = 0; s < services; ++s) {
        knelpunt::model::ServiceSupply supply;
        supply.service = kServices[static_cast<std::size_t>(uniform(0, 3))];
        const int served = uniform(1, std::min(areas, 4));
        for (int k = 0; k < served; ++k) supply.areas.push_back(model.areas[static_cast<std::size_t>(uniform(0, areas - 1))].id);
        asset.supplies.push_back(supply);
      }
      if (!asset.supplies.empty() && uniform(0, 4) == 0) asset.serves["population"] = 99999;  // ignored: the asset has areas
    }
    model.assets.push_back(asset);
  }
  model.reindex();
  return model;
}

/// The brute force: every area named by a supply of a down asset (virtual
/// ones included) of a service other than `uncounted`, plus the population
/// of every down real asset without supplies, summed.
double brute_force_people(const Model& model, const std::vector<bool>& down, const std::string& uncounted = "") {
  std::set<std::string> areas;
  double pseudo = 0;
  for (std::size_t a = 0; a < model.assets.size(); ++a) {
    const auto& asset = model.assets[a];
    if (!down[a]) continue;
    if (asset.supplies.empty() && !asset.is_virtual) pseudo += asset.population();
    for (const auto& supply : asset.supplies)
      if (supply.service != uncounted) areas.insert(supply.areas.begin(), supply.areas.end());
  }
  double people = pseudo;
  for (const auto& area : model.areas)
    if (areas.count(area.id)) people += area.population;
  return people;
}

/// The grid reference for people-hours: at every half hour t in [0, horizon),
/// every (area, service) or pseudo-area lacking at t adds population × 0.5.
double grid_people_hours(const Model& model, const std::vector<DownSpan>& spans, Hours horizon) {
  double total = 0;
  for (Hours t = 0; t < horizon; t += 0.5) {
    std::set<std::pair<std::string, std::string>> lacking;
    for (const auto& span : spans) {
      if (!(span.start <= t && t < span.end)) continue;
      const auto& asset = model.assets[span.asset];
      if (asset.supplies.empty() && !asset.is_virtual) total += asset.population() * 0.5;
      for (const auto& supply : asset.supplies)
        for (const auto& area : supply.areas) lacking.insert({area, supply.service});
    }
    for (const auto& [area, service] : lacking) total += model.areas[*model.find_area(area)].population * 0.5;
  }
  return total;
}

}  // namespace

TEST_CASE("affected people equal a brute-force union of the areas of down assets") {
  int upper_bound_cases = 0;
  for (std::uint32_t seed = 1; seed <= 600; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    const bool pseudo = seed % 3 == 0;
    const Model model = random_model(rng, pseudo);
    const PeopleServed served(model);
    std::vector<bool> down(model.assets.size());
    for (std::size_t a = 0; a < down.size(); ++a) down[a] = std::bernoulli_distribution(0.3)(rng);

    const auto result = knelpunt::engine::affected_people(served, down);
    const double expected = brute_force_people(model, down);
    CHECK(result.people == doctest::Approx(expected));
    if (!pseudo) {
      CHECK(result.people <= served.total_population() + 1e-6);
      CHECK_FALSE(result.upper_bound);
    }
    if (result.upper_bound) ++upper_bound_cases;

    // The same state reached incrementally, with detours, gives the same count.
    AffectedPeopleCounter counter(served);
    for (AssetIndex a = 0; a < down.size(); ++a) counter.set_down(a, true);
    for (AssetIndex a = 0; a < down.size(); ++a)
      if (!down[a]) counter.set_down(a, false);
    CHECK(counter.people().people == doctest::Approx(expected));
    CHECK(counter.people().upper_bound == result.upper_bound);
  }
  CHECK(upper_bound_cases > 20);  // the pseudo-area branch is exercised
}

TEST_CASE("the services lost are those a down asset supplies to some area") {
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    const Model model = random_model(rng, seed % 2 == 0);
    const PeopleServed served(model);
    AffectedPeopleCounter counter(served);
    std::vector<bool> down(model.assets.size());
    for (AssetIndex a = 0; a < model.assets.size(); ++a) {
      down[a] = std::bernoulli_distribution(0.4)(rng);
      counter.set_down(a, down[a]);
    }
    // Some come back: the count follows them down and up.
    for (AssetIndex a = 0; a < model.assets.size(); ++a)
      if (down[a] && std::bernoulli_distribution(0.3)(rng)) {
        down[a] = false;
        counter.set_down(a, false);
      }
    std::set<std::string> expected;
    for (AssetIndex a = 0; a < model.assets.size(); ++a)
      if (down[a])
        for (const auto& supply : model.assets[a].supplies)
          if (!supply.areas.empty()) expected.insert(supply.service);
    std::set<std::string> lost;
    for (auto service : counter.lost_services()) lost.insert(served.service_id(service));
    CHECK(lost == expected);
    counter.reset();
    CHECK(counter.lost_services().empty());
  }
}

TEST_CASE("people-hours count each area once per service and hour") {
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    const Model model = random_model(rng, seed % 2 == 0);
    const PeopleServed served(model);
    const Hours horizon = 12;
    std::vector<DownSpan> spans;
    for (AssetIndex a = 0; a < model.assets.size(); ++a) {
      Hours t = 0.5 * std::uniform_int_distribution<int>(0, 20)(rng);
      while (t < horizon && std::bernoulli_distribution(0.5)(rng)) {
        const Hours length = 0.5 * std::uniform_int_distribution<int>(1, 10)(rng);
        const bool open = std::bernoulli_distribution(0.2)(rng);
        spans.push_back({a, t, open ? knelpunt::model::kNever : t + length});
        if (open) break;
        t += length + 0.5 * std::uniform_int_distribution<int>(1, 6)(rng);
      }
    }
    const auto result = knelpunt::engine::people_hours(served, spans, horizon);
    CHECK(result.people_hours == doctest::Approx(grid_people_hours(model, spans, horizon)));
  }
}

TEST_CASE("a counter reused run after run counts each run as a fresh one does") {
  for (std::uint32_t seed = 1; seed <= 200; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    const Model model = random_model(rng, seed % 2 == 0);
    const PeopleServed served(model);
    // Some assets do not count (a criterion limited to some processes).
    std::vector<bool> counts(model.assets.size());
    for (std::size_t a = 0; a < counts.size(); ++a) counts[a] = std::bernoulli_distribution(0.7)(rng);
    AffectedPeopleCounter reused(served, counts);
    for (int run = 0; run < 8; ++run) {
      CAPTURE(run);
      std::vector<bool> down(model.assets.size());
      std::vector<AssetIndex> down_list;
      std::vector<DownSpan> spans;
      for (AssetIndex a = 0; a < down.size(); ++a)
        if (std::bernoulli_distribution(0.3)(rng)) {
          down[a] = true;
          down_list.push_back(a);
          const Hours start = 0.5 * std::uniform_int_distribution<int>(0, 10)(rng);
          spans.push_back({a, start, std::bernoulli_distribution(0.5)(rng) ? knelpunt::model::kNever : start + 2});
        }
      const auto fresh = knelpunt::engine::affected_people(served, down, counts);
      const auto again = knelpunt::engine::affected_people(reused, down_list);
      CHECK(again.people == fresh.people);  // exactly: a rest state carries no rounding residue
      CHECK(again.areas == fresh.areas);
      CHECK(again.upper_bound == fresh.upper_bound);
      CHECK(reused.people().people == 0);
      CHECK(reused.people().areas == 0);
      const auto fresh_hours = knelpunt::engine::people_hours(served, spans, 12, counts);
      const auto again_hours = knelpunt::engine::people_hours(reused, spans, 12);
      CHECK(again_hours.people_hours == fresh_hours.people_hours);
      CHECK(again_hours.upper_bound == fresh_hours.upper_bound);
      CHECK(reused.service_people() == 0);
    }
  }
}

TEST_CASE("people-hours without restoration also give the people with every span down") {
  // The impact estimator reads the people affected from the sweep's final
  // state when nothing comes back before the horizon; with a span that ends
  // (or starts) too early or too late for that, it must count them itself.
  std::size_t read_from_sweep = 0, left_empty = 0;
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    const Model model = random_model(rng, seed % 2 == 0);
    const PeopleServed served(model);
    std::vector<bool> counts(model.assets.size());
    for (std::size_t a = 0; a < counts.size(); ++a)
      counts[a] = std::bernoulli_distribution(0.8)(rng);
    AffectedPeopleCounter counter(served, counts);
    const Hours horizon = 12;
    const bool restored = seed % 3 == 0;
    std::vector<bool> down(model.assets.size());
    std::vector<DownSpan> spans;
    for (AssetIndex a = 0; a < down.size(); ++a) {
      if (!std::bernoulli_distribution(0.4)(rng)) continue;
      down[a] = true;
      const Hours start =
          0.5 * std::uniform_int_distribution<int>(0, 24)(rng);  // up to 12: within the horizon
      spans.push_back({a, start, restored ? start + 1 : knelpunt::model::kNever});
    }
    std::optional<knelpunt::engine::AffectedPeople> all_down;
    const auto hours = knelpunt::engine::people_hours(counter, spans, horizon, all_down);
    CHECK(hours.people_hours ==
          knelpunt::engine::people_hours(served, spans, horizon, counts).people_hours);
    CHECK(counter.people().areas == 0);  // at rest again
    const bool some_end_early = std::any_of(
        spans.begin(), spans.end(), [&](const DownSpan& span) { return span.end < horizon; });
    if (some_end_early) {
      CHECK_FALSE(all_down.has_value());
      ++left_empty;
      continue;
    }
    REQUIRE(all_down.has_value());
    const auto expected = knelpunt::engine::affected_people(served, down, counts);
    CHECK(all_down->people == doctest::Approx(expected.people));
    CHECK(all_down->areas == expected.areas);
    CHECK(all_down->upper_bound == expected.upper_bound);
    ++read_from_sweep;
  }
  CHECK(read_from_sweep > 100);
  CHECK(left_empty > 50);
}

TEST_CASE("an area served by two suppliers of one service counts once, and is lost when either is down") {
  Model model;
  knelpunt::model::Area area;
  area.id = "wijk";
  area.population = 1000;
  model.areas.push_back(area);
  for (const char* id : {"a", "b"}) {
    knelpunt::model::Asset asset;
    asset.id = id;
    asset.supplies.push_back({"power", {"wijk"}, {}});
    model.assets.push_back(asset);
  }
  model.reindex();
  const PeopleServed served(model);
  CHECK(knelpunt::engine::affected_people(served, {true, false}).people == 1000);
  CHECK(knelpunt::engine::affected_people(served, {true, true}).people == 1000);
  CHECK(knelpunt::engine::affected_people(served, {false, false}).people == 0);
  const std::vector<DownSpan> spans = {{0, 0, 4}, {1, 2, 6}};
  CHECK(knelpunt::engine::people_hours(served, spans, 10).people_hours == 6000);
}

TEST_CASE("a service that affects no one counts as if the model did not list its supplies") {
  int differed = 0;
  for (std::uint32_t seed = 1; seed <= 400; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    const Model model = random_model(rng, seed % 3 == 0);
    const std::vector<std::string> uncounted{"telecom"};
    const PeopleServed served(model, uncounted);
    // The same model without its telecom supplies, counted with every service.
    // An asset left with no supplies there loses its own population too: in
    // `model` it has areas, so it is no pseudo-area.
    Model without = model;
    for (auto& asset : without.assets) {
      const bool had_supplies = !asset.supplies.empty();
      std::erase_if(asset.supplies, [](const auto& supply) { return supply.service == "telecom"; });
      if (had_supplies && asset.supplies.empty()) asset.serves["population"] = 0;
    }
    without.reindex();
    const PeopleServed reference(without);
    CHECK(served.service_count() == reference.service_count());
    std::vector<bool> down(model.assets.size());
    for (std::size_t a = 0; a < down.size(); ++a) down[a] = std::bernoulli_distribution(0.3)(rng);
    const auto result = knelpunt::engine::affected_people(served, down);
    CHECK(result.people == doctest::Approx(brute_force_people(model, down, "telecom")));
    CHECK(result.people == doctest::Approx(knelpunt::engine::affected_people(reference, down).people));
    if (result.people != doctest::Approx(knelpunt::engine::affected_people(PeopleServed(model), down).people))
      ++differed;
    std::vector<DownSpan> spans;
    for (AssetIndex a = 0; a < down.size(); ++a)
      if (down[a]) spans.push_back({a, static_cast<Hours>(a % 5), static_cast<Hours>(a % 5 + 3)});
    CHECK(knelpunt::engine::people_hours(served, spans, 10).people_hours ==
          doctest::Approx(knelpunt::engine::people_hours(reference, spans, 10).people_hours));
  }
  CHECK(differed > 20);  // telecom mattered in many models: the property is not vacuous
}
