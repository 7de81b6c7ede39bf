// assessors/register_reach.hpp on tests/data/assessors/repaired-reach.yaml and
// own-horizon-reach.yaml, worked out by hand in the model files.

#include <doctest/doctest.h>

#include "assessors/impact_estimator.hpp"
#include "assessors/register_reach.hpp"
#include "assessor_fixture.hpp"
#include "engine/reach.hpp"

using namespace knelpunt;
using knelpunt::test::load_test_model;

namespace {

const engine::AssetReach& row_of(const std::vector<engine::AssetReach>& rows, const test::TestModel& m,
                                 const char* id) {
  const auto index = static_cast<model::AssetIndex>(*m.model.find(id));
  for (const auto& row : rows)
    if (row.asset == index) return row;
  FAIL("no row for " << id);
  return rows.front();
}

}  // namespace

TEST_CASE("repaired reach: a repair before a dependent's buffer runs out spares it, as the register counts") {
  auto m = load_test_model("repaired-reach.yaml");
  const assessors::ImpactEstimator estimator(m->model, *m->graph, m->reference, 48);
  REQUIRE(estimator.restores());
  for (unsigned threads : {1u, 3u}) {
    CAPTURE(threads);
    auto rows = engine::compute_reach(*m->graph, &estimator.people_served(), 48, threads);
    // The sweep counts as if nothing came back: feed takes homes and tank down.
    CHECK(row_of(rows, *m, "feed").reach == 2);
    CHECK(row_of(rows, *m, "feed").people == doctest::Approx(1500));
    assessors::count_as_register(estimator, m->model, rows, threads);
    const auto& feed = row_of(rows, *m, "feed");
    CHECK(feed.reach == 1);
    CHECK(feed.people == doctest::Approx(500));
    CHECK(feed.people_upper_bound);  // homes counts its own `serves: population` (no areas)
    // well has no recovery: tank fails after 6 hours either way.
    CHECK(row_of(rows, *m, "well").reach == 1);
    CHECK(row_of(rows, *m, "well").people == doctest::Approx(1000));
    // The rows keep their order, and each equals the register's cascade of its asset.
    for (const auto& row : rows) {
      const engine::Seed seed{row.asset, 0};
      const auto outcome = estimator.outcome({&seed, 1});
      CHECK(row.reach == outcome.affected.size());
      CHECK(row.people == outcome.people_served);
    }
  }
}

TEST_CASE("register reach: an asset of a process with its own horizon is counted within it, the others not") {
  auto m = load_test_model("own-horizon-reach.yaml");
  const assessors::ImpactEstimator estimator(m->model, *m->graph, m->reference, 48,
                                             {assessors::ProcessHorizon{"waterkering", 168, {}}});
  REQUIRE_FALSE(estimator.restores());
  const auto dike = static_cast<model::AssetIndex>(*m->model.find("dike"));
  const auto grid = static_cast<model::AssetIndex>(*m->model.find("grid"));
  CHECK(assessors::counted_otherwise(estimator, m->model, dike));
  CHECK_FALSE(assessors::counted_otherwise(estimator, m->model, grid));
  for (unsigned threads : {1u, 2u}) {
    CAPTURE(threads);
    auto rows = engine::compute_reach(*m->graph, &estimator.people_served(), 48, threads);
    CHECK(row_of(rows, *m, "dike").reach == 1);  // the sweep: pump within 48 hours
    assessors::count_as_register(estimator, m->model, rows, threads);
    CHECK(row_of(rows, *m, "dike").reach == 2);  // pump and polder within 7 days
    CHECK(row_of(rows, *m, "dike").people == doctest::Approx(2000));
    CHECK(row_of(rows, *m, "grid").reach == 0);  // hospital's 96 hours are past the 48
    for (const auto& row : rows) {
      const engine::Seed seed{row.asset, 0};
      const auto outcome = estimator.outcome({&seed, 1});
      CHECK(row.reach == outcome.affected.size());
      CHECK(row.people == outcome.people_served);
    }
  }
}
