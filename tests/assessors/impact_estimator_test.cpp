#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "assessors/impact_estimator.hpp"
#include "assessor_fixture.hpp"

using namespace knelpunt;
using knelpunt::test::load_test_model;
using knelpunt::test::messages;

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

namespace {

const assessors::CriterionImpact* criterion_of(const assessors::CascadeOutcome& outcome, const std::string& id) {
  for (const auto& impact : outcome.impact)
    if (impact.criterion == id) return &impact;
  return nullptr;
}

engine::Seed seed_of(const test::TestModel& m, const char* id) {
  return {static_cast<model::AssetIndex>(*m.model.find(id)), 0};
}

}  // namespace

TEST_CASE("service_outage criteria: area × time without the service × the catalogue's rate") {
  auto m = load_test_model("impact-scores.yaml");
  const assessors::ImpactEstimator estimator(m->model, *m->graph, m->reference, 72);
  const auto feed = seed_of(*m, "feed");
  const auto outcome = estimator.outcome({&feed, 1});
  // 3.1: stad lacks power for 72 h: 10 000 × 72 × 6 euros = 4 320 000, class A.
  const auto* costs = criterion_of(outcome, "3.1");
  REQUIRE(costs);
  CHECK(costs->value == doctest::Approx(4320000));
  CHECK(costs->impact_class == 0);
  CHECK(costs->source == assessors::ImpactSource::estimate);
  CHECK(costs->basis.nl.find("inwoners van 1 gebied zonder ") != std::string::npos);
  // 1.1: polder and dorp lack flood protection from 36 h: 3 km² × 36 h / 24 =
  // 4.5 km²-days (dorp has no area_km2 and counts 0), class A.
  const auto* territory = criterion_of(outcome, "1.1");
  REQUIRE(territory);
  CHECK(territory->value == doctest::Approx(4.5));
  CHECK(territory->basis.nl.find("1 gebied zonder oppervlakte (area_km2) tellen als 0") != std::string::npos);
  CHECK(territory->basis.en.find("4.5 square-kilometre-days; class A from 1") != std::string::npos);
  // 2.1 and 2.2: 12 000 residents × 68 h without acute care = 816 000 person-hours;
  // × 2.1e-7 = 0.17 deaths and × 8.3e-7 = 0.68 seriously injured: both below class A.
  CHECK_FALSE(criterion_of(outcome, "2.1"));
  CHECK_FALSE(criterion_of(outcome, "2.2"));
}

TEST_CASE("what a cascade adds to one another entry counts: its value minus the baseline's (decision 046)") {
  auto m = load_test_model("impact-scores.yaml");
  const assessors::ImpactEstimator estimator(m->model, *m->graph, m->reference, 72);
  const auto feed = seed_of(*m, "feed");
  const auto& criteria = m->reference.scoring.criteria;
  // criterion_values gives every criterion, classed or not: those of the outcome, and the rest.
  const auto values = estimator.criterion_values({&feed, 1});
  REQUIRE(values.size() == criteria.size());
  const auto outcome = estimator.outcome({&feed, 1});
  std::size_t territory = criteria.size(), costs = criteria.size();
  for (std::size_t c = 0; c < criteria.size(); ++c) {
    if (criteria[c].id == "1.1") territory = c;
    if (criteria[c].id == "3.1") costs = c;
    if (const auto* impact = criterion_of(outcome, criteria[c].id);
        impact && impact->source == assessors::ImpactSource::estimate)
      CHECK(values[c] == doctest::Approx(impact->value));
  }
  REQUIRE(territory < criteria.size());
  REQUIRE(costs < criteria.size());
  CHECK(values[territory] == doctest::Approx(4.5));
  // A baseline that counts 3.5 of the 4.5 square-kilometre-days and all the
  // costs: 1.1 keeps the 1 that is added (class A from 1), 3.1 nothing.
  assessors::CountedElsewhere elsewhere{{{"pump", values}}};
  elsewhere.members.front().values[territory] = 3.5;
  for (const auto detail : {assessors::OutcomeDetail::full, assessors::OutcomeDetail::brief}) {
    const auto added = estimator.outcome({&feed, 1}, detail, &elsewhere);
    const auto* land = criterion_of(added, "1.1");
    REQUIRE(land);
    CHECK(land->value == doctest::Approx(1));
    CHECK(land->impact_class == 0);
    // The basis in full only, like every basis: a finding in brief keeps
    // its baseline (Finding::counted_elsewhere) for detailing.
    if (detail == assessors::OutcomeDetail::full)
      CHECK(land->basis.en ==
            "what they add together to pump alone: 4.5 square-kilometre-days together − 3.5 square-kilometre-days by "
            "pump alone = 1 square-kilometre-days; class A from 1");
    else
      CHECK(land->basis.en.empty());
    CHECK_FALSE(criterion_of(added, "3.1"));
    // The same cascade: its failed assets and people do not change.
    CHECK(added.failed == outcome.failed);
    CHECK(added.people_served == outcome.people_served);
  }
  // Never below 0: a baseline above the cascade's own value adds nothing.
  elsewhere.members.front().values[territory] = 10;
  CHECK_FALSE(criterion_of(estimator.outcome({&feed, 1}, assessors::OutcomeDetail::full, &elsewhere), "1.1"));

  // Two single points: what is added counts beyond the larger of their
  // values, and the basis names the member that has it.
  assessors::CountedElsewhere two{{{"a-pump", values}, {"b-pump", values}}};
  two.members[0].values[territory] = 1.5;
  two.members[1].values[territory] = 3.5;
  CHECK(two.baseline(territory) == 3.5);
  CHECK(two.counted_by(territory) == "b-pump");
  const auto beyond_two = estimator.outcome({&feed, 1}, assessors::OutcomeDetail::full, &two);
  const auto* land = criterion_of(beyond_two, "1.1");
  REQUIRE(land);
  CHECK(land->value == doctest::Approx(1));
  CHECK(land->basis.en ==
        "what they add together to b-pump alone: 4.5 square-kilometre-days together − 3.5 square-kilometre-days by "
        "b-pump alone = 1 square-kilometre-days; class A from 1");
  // Equal values: the first in id order.
  two.members[0].values[territory] = 3.5;
  CHECK(two.counted_by(territory) == "a-pump");
  CHECK(two.ids() == std::vector<std::string>{"a-pump", "b-pump"});
}

TEST_CASE("a process's own horizon counts the impact of cascades that start at its assets") {
  auto m = load_test_model("impact-scores.yaml");
  const assessors::ImpactEstimator plain(m->model, *m->graph, m->reference, 72);
  const assessors::ImpactEstimator flood(m->model, *m->graph, m->reference, 72,
                                         {{"waterkering", 168, {}}});
  const auto pump = seed_of(*m, "pump");
  const auto feed = seed_of(*m, "feed");
  CHECK(plain.horizon_of({&pump, 1}) == 72);
  CHECK(flood.horizon_of({&pump, 1}) == 168);
  CHECK(flood.horizon_of({&feed, 1}) == 72);  // feed has no process with a horizon of its own
  // dry-feet fails at 24 h: 3 km² × 48 h / 24 = 6 (class A) within 72 h, × 144 h / 24 = 18 (class B) within a week.
  CHECK(criterion_of(plain.outcome({&pump, 1}), "1.1")->value == doctest::Approx(6));
  const auto week = flood.outcome({&pump, 1});
  CHECK(criterion_of(week, "1.1")->value == doctest::Approx(18));
  CHECK(criterion_of(week, "1.1")->impact_class == 1);
  // The command line's horizon is never replaced.
  const assessors::ProcessHorizon sets[] = {{"waterkering", 168, {}}};
  const std::string processes[] = {"waterkering"};
  CHECK(assessors::cascade_horizon({24, assessors::HorizonSource::command_line, {}}, sets, processes) == 24);
  CHECK(assessors::cascade_horizon({72, assessors::HorizonSource::profile, {}}, sets, processes) == 168);
}

TEST_CASE("a cascade that reaches no criterion but takes down a vital process gets the catalogue's floor") {
  auto m = load_test_model("impact-scores.yaml");
  const assessors::ImpactEstimator estimator(m->model, *m->graph, m->reference, 72);
  const auto gate = seed_of(*m, "gate");
  const auto outcome = estimator.outcome({&gate, 1});
  REQUIRE(outcome.impact.size() == 1);
  CHECK(outcome.impact[0].criterion == "3.1");
  CHECK(outcome.impact[0].impact_class == 0);
  CHECK(outcome.impact[0].source == assessors::ImpactSource::floor);
  // The process by its catalogue name, not its id.
  CHECK(outcome.impact[0].basis.nl.find("vitaal proces (Keren en beheren waterkwantiteit)") !=
        std::string::npos);
  CHECK(outcome.impact[0].basis.en.find("vital process (") != std::string::npos);
  CHECK(outcome.impact[0].basis.nl.find("waterkering") == std::string::npos);
  // No vital process: no floor, no class.
  const auto shed = seed_of(*m, "shed");
  CHECK(estimator.outcome({&shed, 1}).impact.empty());
}

TEST_CASE("profile horizons: per vital process, checked against the catalogue") {
  const auto read = [](const std::string& text, model::Diagnostics& diagnostics) {
    const auto file = std::filesystem::temp_directory_path() / "knelpunt-profile-horizons.yaml";
    std::ofstream(file) << text;
    return assessors::read_assessment_profile(file, assessors::builtin_assessor_names(), diagnostics);
  };
  auto m = load_test_model("impact-scores.yaml");
  model::Diagnostics ok;
  const auto profile = read("profile: 1\nhorizons: {waterkering: 7d, drinkwater: 96h}\nassessors: {scenario: {}}\n", ok);
  REQUIRE_FALSE(ok.has_errors());
  REQUIRE(profile.process_horizons.size() == 2);
  CHECK(profile.process_horizons[0].process == "drinkwater");
  CHECK(profile.process_horizons[1].hours == 168);
  const auto configured = assessors::configure_assessors(profile, m->model.region, m->reference, ok);
  CHECK_FALSE(ok.has_errors());
  CHECK(configured.at(0).process_horizons.size() == 2);
  model::Diagnostics unknown;
  const auto bad = read("profile: 1\nhorizons: {waterbeheer: 7d}\nassessors: {scenario: {}}\n", unknown);
  assessors::configure_assessors(bad, m->model.region, m->reference, unknown);
  CHECK(messages(unknown).find("'horizons' names 'waterbeheer', which the vital-processes catalogue does not have") !=
        std::string::npos);
}

TEST_CASE("a brief outcome has the figures of the full one, and the same count of affected assets") {
  for (const char* file : {"impact-restoration.yaml", "impact-areas.yaml", "impact-scores.yaml"}) {
    CAPTURE(file);
    auto m = load_test_model(file);
    const assessors::ImpactEstimator estimator(m->model, *m->graph, m->reference, 48);
    for (model::AssetIndex a = 0; a < m->graph->asset_count(); ++a) {
      CAPTURE(m->model.assets[a].id);
      const engine::Seed seed{a, 0};
      const auto full = estimator.outcome({&seed, 1});
      const auto brief = estimator.outcome({&seed, 1}, assessors::OutcomeDetail::brief);
      CHECK(full.affected_count == full.affected.size());
      CHECK(brief.affected_count == full.affected_count);
      CHECK(brief.failed == full.failed);
      CHECK(brief.people_served == full.people_served);
      CHECK(brief.people_hours == full.people_hours);
      // The same criteria, classes, values and sources; the basis texts only in full.
      REQUIRE(brief.impact.size() == full.impact.size());
      for (std::size_t i = 0; i < full.impact.size(); ++i) {
        auto without_text = full.impact[i];
        if (without_text.source == assessors::ImpactSource::estimate) without_text.basis = {};
        CHECK(brief.impact[i] == without_text);
      }
      CHECK(brief.affected.empty());
      CHECK(brief.chain.empty());
      CHECK(brief.timeline.empty());
    }
  }
}

TEST_CASE("an outcome without an impact class says why, from what its cascade did") {
  auto m = load_test_model("impact-scores.yaml");
  const assessors::ImpactEstimator estimator(m->model, *m->graph, m->reference, 12);
  // Nothing else fails and nobody loses a service.
  const auto shed = seed_of(*m, "shed");
  const auto nothing = estimator.outcome({&shed, 1});
  REQUIRE(nothing.impact.empty());
  CHECK(nothing.no_impact_reason.nl ==
        "binnen 12 uur valt geen ander object uit; geen uitgevallen object hoort bij een vitaal proces; niemand "
        "verliest een voorziening");
  CHECK(nothing.no_impact_reason.en ==
        "within 12h no other asset fails; no failed asset belongs to a vital process; nobody loses a service");
  // 500 residents lose power for 12 hours: every estimate under its class A limit, each named.
  const auto lamp = seed_of(*m, "lamp");
  const auto few = estimator.outcome({&lamp, 1});
  REQUIRE(few.impact.empty());
  CHECK(few.no_impact_reason.nl ==
        "binnen 12 uur valt geen ander object uit; geen uitgevallen object hoort bij een vitaal proces; onder de "
        "ondergrens van klasse A: 3.1 36.000 euro (klasse A vanaf 1.000.000), 5.1 6.000 mensuren (klasse A vanaf "
        "10.000), 5.3 500 mensen (klasse A vanaf 1.000)");
  // A brief outcome carries no texts; a scored one needs no reason.
  CHECK(estimator.outcome({&lamp, 1}, assessors::OutcomeDetail::brief).no_impact_reason.nl.empty());
  const auto feed = seed_of(*m, "feed");
  const auto scored = estimator.outcome({&feed, 1});
  CHECK_FALSE(scored.impact.empty());
  CHECK(scored.no_impact_reason.nl.empty());
  // A catalogue without a vital-process floor: the vital process failed, and the reason says there is no floor.
  auto without_floor = m->reference;
  without_floor.scoring.vital_process_floor.reset();
  const assessors::ImpactEstimator no_floor(m->model, *m->graph, without_floor, 12);
  const auto gate = seed_of(*m, "gate");
  const auto unfloored = no_floor.outcome({&gate, 1});
  REQUIRE(unfloored.impact.empty());
  CHECK(unfloored.no_impact_reason.nl.find("de scoringscatalogus geeft geen ondergrens voor vitale processen") !=
        std::string::npos);
}
