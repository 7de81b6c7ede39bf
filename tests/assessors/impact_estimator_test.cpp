#include <doctest/doctest.h>

#include "assessors/impact_estimator.hpp"
#include "assessor_fixture.hpp"

using namespace knelpunt;
using knelpunt::test::load_test_model;

namespace {

/// "asset@t via (down, back)" per chain step.
std::string chain_text(const assessors::CascadeOutcome& outcome) {
  std::string out;
  for (const auto& step : outcome.chain) {
    out += step.asset + "@" + std::to_string(step.t_h) + " via " + (step.via.empty() ? "-" : step.via);
    if (step.down_h) out += " down " + std::to_string(*step.down_h);
    if (step.back_h) out += " back " + std::to_string(*step.back_h);
    out += "\n";
  }
  return out;
}

std::string timeline_text(const assessors::CascadeOutcome& outcome) {
  std::string out;
  for (const auto& point : outcome.timeline)
    out += std::to_string(point.t_h) + ": " + std::to_string(point.assets_failed) + " assets, " +
           std::to_string(point.people) + " people\n";
  return out;
}

std::optional<double> value_of(const assessors::CascadeOutcome& outcome, const std::string& criterion) {
  for (const auto& impact : outcome.impact)
    if (impact.criterion == criterion) return impact.value;
  return std::nullopt;
}

}  // namespace

TEST_CASE("with recovery, people-hours end when service is back") {
  auto m = load_test_model("impact-restoration.yaml");
  const assessors::ImpactEstimator estimator(m->model, *m->graph, m->reference, 48);
  REQUIRE(estimator.restores());
  const engine::Seed seed{static_cast<model::AssetIndex>(*m->model.find("feed")), 0};
  const auto outcome = estimator.outcome({&seed, 1});
  // feed down [0, 10); homes fail with it and need no restart: [0, 10);
  // water fails when its 1 h buffer runs out, may restart from 3 h, but has
  // no power until 10 h: [1, 10).
  CHECK(chain_text(outcome) ==
        "feed@0.000000 via - down 10.000000 back 10.000000\n"
        "homes@0.000000 via feed down 10.000000 back 10.000000\n"
        "water@1.000000 via feed down 9.000000 back 10.000000\n");
  CHECK(outcome.affected == std::vector<std::string>{"homes", "water"});
  CHECK(timeline_text(outcome) ==
        "0.000000: 2 assets, 500.000000 people\n"
        "1.000000: 3 assets, 1500.000000 people\n"
        "10.000000: 0 assets, 0.000000 people\n");
  // 500 × 10 + 1000 × 9; criterion 2.3 counts drinking water only.
  CHECK(outcome.people_hours == doctest::Approx(14000));
  CHECK(value_of(outcome, "2.3") == doctest::Approx(9000));
  CHECK(value_of(outcome, "5.1") == doctest::Approx(14000));
  CHECK(value_of(outcome, "5.3") == doctest::Approx(1500));
  for (const auto& impact : outcome.impact)
    if (impact.criterion == "5.1") CHECK(impact.basis.en.find("repairs included") != std::string::npos);
}

TEST_CASE("without any recovery, an outage lasts to the horizon (docs/model.md)") {
  auto m = load_test_model("impact-restoration.yaml");
  for (auto& asset : m->model.assets) asset.recovery.reset();
  const assessors::ImpactEstimator estimator(m->model, *m->graph, m->reference, 48);
  REQUIRE_FALSE(estimator.restores());
  const engine::Seed seed{static_cast<model::AssetIndex>(*m->model.find("feed")), 0};
  const auto outcome = estimator.outcome({&seed, 1});
  CHECK(chain_text(outcome) ==
        "feed@0.000000 via -\n"
        "homes@0.000000 via feed\n"
        "water@1.000000 via feed\n");
  CHECK(timeline_text(outcome) ==
        "0.000000: 2 assets, 500.000000 people\n"
        "1.000000: 3 assets, 1500.000000 people\n");
  // 500 × 48 + 1000 × 47.
  CHECK(outcome.people_hours == doctest::Approx(71000));
  CHECK(value_of(outcome, "2.3") == doctest::Approx(47000));
  CHECK(value_of(outcome, "5.1") == doctest::Approx(71000));
  for (const auto& impact : outcome.impact)
    if (impact.criterion == "5.1") CHECK(impact.basis.en.find("up to the horizon (48h)") != std::string::npos);
}

TEST_CASE("a separate restart after a loss of supply shortens the outage the impact counts") {
  auto m = load_test_model("impact-restoration.yaml");
  auto& water = m->model.assets[*m->model.find("water")];
  const engine::Seed seed{static_cast<model::AssetIndex>(*m->model.find("feed")), 0};
  // A 20 h repair that also serves as restart: water fails at 1 h, back at 21 h.
  water.recovery = 20.0;
  const assessors::ImpactEstimator slow(m->model, *m->graph, m->reference, 48);
  CHECK(slow.outcome({&seed, 1}).people_hours == doctest::Approx(500 * 10 + 1000 * 20));
  // With `restart: 3h` a loss of supply needs only 3 h: back with power at 10 h.
  water.restart = 3.0;
  const assessors::ImpactEstimator quick(m->model, *m->graph, m->reference, 48);
  CHECK(quick.outcome({&seed, 1}).people_hours == doctest::Approx(14000));
}

TEST_CASE("people are counted once per area, people-hours once per area and service (decision 013)") {
  auto m = load_test_model("impact-areas.yaml");
  const assessors::ImpactEstimator estimator(m->model, *m->graph, m->reference, 10);
  const engine::Seed feed{static_cast<model::AssetIndex>(*m->model.find("feed")), 0};
  const auto outcome = estimator.outcome({&feed, 1});
  // homes at 0 (noord lacks power), water at 2 (noord and zuid lack water):
  // noord counts once although two of its suppliers are down; water's own
  // 99999 is not used because it has areas.
  CHECK(timeline_text(outcome) ==
        "0.000000: 2 assets, 1000.000000 people\n"
        "2.000000: 3 assets, 1400.000000 people\n");
  CHECK(outcome.people_served == 1400);
  CHECK_FALSE(outcome.people_upper_bound);
  // noord power 1000 × 10, noord water 1000 × 8, zuid water 400 × 8.
  CHECK(outcome.people_hours == doctest::Approx(10000 + 8000 + 3200));
  CHECK(value_of(outcome, "5.3") == doctest::Approx(1400));
  CHECK(value_of(outcome, "5.1") == doctest::Approx(21200));
  // 2.3 counts drinking water only: the outages of `water`.
  CHECK(value_of(outcome, "2.3") == doctest::Approx(11200));
  for (const auto& impact : outcome.impact) {
    if (impact.criterion != "5.3") continue;
    CHECK(impact.basis.en.find("residents of 2 areas without service (each area once)") != std::string::npos);
    CHECK(impact.basis.en.find("upper bound") == std::string::npos);
  }

  // An asset without areas counts its own people, and the basis says it is an upper bound.
  const engine::Seed both[] = {feed, {static_cast<model::AssetIndex>(*m->model.find("clinic")), 0}};
  const auto with_clinic = estimator.outcome(both);
  CHECK(with_clinic.people_served == 1700);
  CHECK(with_clinic.people_upper_bound);
  for (const auto& impact : with_clinic.impact)
    if (impact.criterion == "5.3") CHECK(impact.basis.en.find("an upper bound") != std::string::npos);
}
