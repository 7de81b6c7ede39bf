// assessment (assessors/assessment.cpp): the registry, configuring from a
// profile file, horizons (assessor > profile > model), and registry order.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>

#include "tests/assessors/assessor_fixture.hpp"

using namespace knelpunt;
using namespace knelpunt::test;

TEST_CASE("assessment: the built-in assessors in registry order") {
  CHECK(assessors::builtin_assessor_names() == std::vector<std::string>{"single-point", "cascade-reach", "geographic",
                                                                        "cyber-exposure", "missing-controls", "scenario"});
}

TEST_CASE("assessment: every assessor rejects an option it does not have") {
  const auto m = load_test_model("single-point.yaml");
  for (const auto& name : assessors::builtin_assessor_names()) {
    CAPTURE(name);
    const auto diagnostics = configure_diagnostics(name, options(R"({"no_such_option": 1})"), m->reference);
    CHECK(diagnostics.error_count() == 1);
    CHECK(messages(diagnostics).find("assessor '" + name + "' has no option 'no_such_option'") != std::string::npos);
    CHECK(messages(diagnostics).find("test-profile.yaml:7:3") != std::string::npos);
    CHECK_FALSE(configure_diagnostics(name, options("{}"), m->reference).has_errors());
  }
}

// The register records these (decision 030): every option an assessor reads,
// with the value it uses. Written out by hand from the assessors' documented
// defaults (docs/assessors.md); an assessor that forgets to keep its options
// fails here.
TEST_CASE("assessment: every assessor keeps the options it ran with, defaults included") {
  const auto m = load_test_model("single-point.yaml");
  const std::map<std::string, std::string> defaults = {
      {"single-point", R"({"max_order":2,"min_vital":1,"repaired_pairs":false})"},
      {"cascade-reach", R"({"top":20,"min_reach":1})"},
      {"geographic", R"({"zones":true,"radius":500.0,"threat":"flood"})"},
      {"cyber-exposure", R"({"kev":true,"epss_threshold":0.1})"},
      {"missing-controls", R"({"baseline":"vital","min_weight":1})"},
      {"scenario", R"({})"}};
  for (auto& assessor : assessors::make_builtin_assessors()) {
    const std::string name(assessor->name());
    CAPTURE(name);
    CHECK(assessor->effective_options().dump() == "{}");  // nothing before configure()
    model::Diagnostics diagnostics;
    assessor->configure(options("{}"), m->reference, {"test-profile.yaml", 7, 3}, diagnostics);
    REQUIRE(defaults.count(name) == 1);
    CHECK(assessor->effective_options().dump() == defaults.at(name));
  }
  // A value set in the profile replaces its default, in the reader's order.
  for (auto& assessor : assessors::make_builtin_assessors()) {
    if (assessor->name() != "single-point") continue;
    model::Diagnostics diagnostics;
    assessor->configure(options(R"({"min_vital": 3, "max_order": 1})"), m->reference, {"p.yaml", 1, 1}, diagnostics);
    CHECK(assessor->effective_options().dump() == R"({"max_order":1,"min_vital":3,"repaired_pairs":false})");
  }
}

TEST_CASE("assessment: a profile file runs its assessors in registry order with their horizons") {
  const auto m = load_test_model("single-point.yaml");
  model::Diagnostics diagnostics;
  const auto profile = assessors::read_assessment_profile(assessor_data("profiles/mixed-horizons.yaml"),
                                                          assessors::builtin_assessor_names(), diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const auto configured = assessors::configure_assessors(profile, m->model.region, m->reference, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  REQUIRE(configured.size() == 3);
  CHECK(configured[0].assessor->name() == "single-point");
  CHECK(configured[0].horizon == 100);  // the profile's
  CHECK(configured[1].assessor->name() == "cascade-reach");
  CHECK(configured[1].horizon == 72);  // its own
  CHECK(configured[2].assessor->name() == "scenario");
  CHECK(configured[2].horizon == 100);

  const assessors::AssessmentInput input{m->model, *m->graph, m->reference, 2, nullptr, nullptr};
  const auto findings = assessors::run_assessors(configured, input);
  // single-point at 100h, order 1: feed-slow reaches school in 100h. cascade-reach at 72h, top 2:
  // feed-a (ss-1, hospital: 1000 people), ss-1 (hospital: 1000). The model has no scenarios.
  CHECK(identity_sequence(findings) == std::vector<std::string>{"single-point/spof [feed-a]", "single-point/spof [feed-slow]",
                                                                "single-point/spof [ss-1]", "cascade-reach/reach [feed-a]",
                                                                "cascade-reach/reach [ss-1]"});
}

TEST_CASE("assessment: without a profile horizon the model's applies") {
  const auto m = load_test_model("single-point.yaml");
  assessors::AssessmentProfile profile;
  profile.assessors.push_back({"single-point", Json::object(), std::nullopt, {}});
  model::Diagnostics diagnostics;
  model::Region region = m->model.region;
  region.horizon = 99;
  const auto configured = assessors::configure_assessors(profile, region, m->reference, diagnostics);
  REQUIRE(configured.size() == 1);
  CHECK(configured[0].horizon == 99);
  CHECK(configured[0].horizon_source == assessors::HorizonSource::model);
  profile.horizon = 100;
  CHECK(assessors::configure_assessors(profile, region, m->reference, diagnostics)[0].horizon == 100);
  CHECK(assessors::configure_assessors(profile, region, m->reference, diagnostics)[0].horizon_source ==
        assessors::HorizonSource::profile);
  profile.assessors[0].horizon = 12;
  CHECK(assessors::configure_assessors(profile, region, m->reference, diagnostics)[0].horizon == 12);
  CHECK(assessors::configure_assessors(profile, region, m->reference, diagnostics)[0].horizon_source ==
        assessors::HorizonSource::assessor);
  CHECK_FALSE(diagnostics.has_errors());
}

TEST_CASE("assessment: the command line's horizon wins over every other, and an infinite one is refused where written") {
  model::Region region;
  region.horizon = 24;
  region.horizon_where = {"model.yaml", 4, 12};
  assessors::AssessmentProfile profile;
  profile.horizon = 48;
  profile.horizon_where = {"profile.yaml", 2, 10};
  assessors::AssessorSettings settings;
  settings.name = "cascade-reach";
  settings.horizon = 12;
  settings.horizon_where = {"profile.yaml", 5, 20};
  CHECK(assessors::resolve_horizon(region, &profile, &settings, 6.0).hours == 6);
  CHECK(assessors::resolve_horizon(region, &profile, &settings).hours == 12);
  CHECK(assessors::resolve_horizon(region, &profile, &settings).where == settings.horizon_where);
  CHECK(assessors::resolve_horizon(region, &profile).hours == 48);
  CHECK(assessors::resolve_horizon(region).hours == 24);
  CHECK(assessors::horizon_source_name(assessors::resolve_horizon(region).source) == "model");

  model::Diagnostics diagnostics;
  CHECK(assessors::require_finite_horizon(assessors::resolve_horizon(region), "outage hours need an end", diagnostics));
  CHECK_FALSE(diagnostics.has_errors());
  region.horizon = model::kNever;
  CHECK_FALSE(assessors::require_finite_horizon(assessors::resolve_horizon(region), "outage hours need an end", diagnostics));
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items()[0].to_string().find("model.yaml:4:12") != std::string::npos);

  // Every assessor that falls back on the infinite model horizon: one error, at the model's line.
  model::Diagnostics configure_diagnostics;
  assessors::AssessmentProfile plain;
  plain.assessors.push_back({"single-point", Json::object(), std::nullopt, {}});
  plain.assessors.push_back({"cascade-reach", Json::object(), std::nullopt, {}});
  const auto m = load_test_model("single-point.yaml");
  assessors::configure_assessors(plain, region, m->reference, configure_diagnostics);
  CHECK(configure_diagnostics.error_count() == 1);
}

TEST_CASE("assessment: option errors in a profile file name the file") {
  const auto m = load_test_model("single-point.yaml");
  model::Diagnostics diagnostics;
  const auto file = assessor_data("profiles/unknown-option.yaml");
  const auto profile = assessors::read_assessment_profile(file, assessors::builtin_assessor_names(), diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  assessors::configure_assessors(profile, m->model.region, m->reference, diagnostics);
  CHECK(diagnostics.error_count() == 2);  // max_depth, tsunami
  const auto text = messages(diagnostics);
  CHECK(text.find("has no option 'max_depth'") != std::string::npos);
  CHECK(text.find("'tsunami'") != std::string::npos);
  CHECK(text.find("unknown-option.yaml:5:") != std::string::npos);
}

TEST_CASE(
    "assessment: limits.chain_steps keeps the earliest steps of each chain and counts the rest") {
  const auto m = load_test_model("single-point.yaml");
  assessors::AssessmentProfile profile;
  profile.assessors.push_back({"single-point", Json::object(), std::nullopt, {}});
  model::Diagnostics diagnostics;
  const auto configured = assessors::configure_assessors(profile, m->model.region, m->reference, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  assessors::AssessmentInput input{m->model, *m->graph, m->reference, 1, nullptr, nullptr};
  const auto whole = assessors::run_assessors(configured, input);
  input.max_chain_steps = 2;
  const auto cut = assessors::run_assessors(configured, input);
  REQUIRE(whole.size() == cut.size());
  bool some_cut = false;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    CAPTURE(i);
    CHECK(cut[i].chain.size() == std::min<std::size_t>(whole[i].chain.size(), 2));
    CHECK(cut[i].chain.size() + cut[i].chain_omitted == whole[i].chain.size());
    for (std::size_t s = 0; s < cut[i].chain.size(); ++s)
      CHECK(cut[i].chain[s].asset == whole[i].chain[s].asset);
    CHECK(impact_of(cut[i]) == impact_of(whole[i]));  // impact counts the whole cascade
    some_cut = some_cut || cut[i].chain_omitted > 0;
  }
  CHECK(some_cut);  // feed-a's chain has 3 steps (feed-a, hospital, ss-1)
}

TEST_CASE("assessment: limits.chain_steps in a profile file is a whole number of at least 1") {
  const auto read = [](const std::string& text, model::Diagnostics& diagnostics) {
    const auto file = std::filesystem::temp_directory_path() / "knelpunt-profile-limits.yaml";
    std::ofstream(file) << text;
    return assessors::read_assessment_profile(file, assessors::builtin_assessor_names(),
                                              diagnostics);
  };
  model::Diagnostics ok;
  CHECK(read("profile: 1\nlimits: {chain_steps: 50}\nassessors: {scenario: {}}\n", ok)
            .max_chain_steps == 50u);
  CHECK_FALSE(ok.has_errors());
  model::Diagnostics none;
  CHECK_FALSE(read("profile: 1\nassessors: {scenario: {}}\n", none).max_chain_steps.has_value());
  model::Diagnostics zero;
  read("profile: 1\nlimits: {chain_steps: 0}\nassessors: {scenario: {}}\n", zero);
  CHECK(messages(zero).find("limits.chain_steps is 0; expected a whole number of at least 1") !=
        std::string::npos);
  model::Diagnostics unknown;
  read("profile: 1\nlimits: {chains: 5}\nassessors: {scenario: {}}\n", unknown);
  CHECK(unknown.has_errors());
}

TEST_CASE("assessment: the register section of a profile sets min_level and max_entries") {
  const auto read = [](const std::string& text, model::Diagnostics& diagnostics) {
    const auto file = std::filesystem::temp_directory_path() / "knelpunt-profile-register.yaml";
    std::ofstream(file) << text;
    return assessors::read_assessment_profile(file, assessors::builtin_assessor_names(), diagnostics);
  };
  model::Diagnostics ok;
  const auto profile = read("profile: 1\nregister: {min_level: midden, max_entries: 40}\nassessors: {scenario: {}}\n", ok);
  CHECK_FALSE(ok.has_errors());
  CHECK(profile.register_min_level == "midden");
  CHECK(profile.register_min_level_where.line == 2);
  CHECK(profile.register_max_entries == 40u);
  model::Diagnostics none;
  const auto defaults = read("profile: 1\nassessors: {scenario: {}}\n", none);
  CHECK(defaults.register_min_level.empty());
  CHECK(defaults.register_max_entries == assessors::kDefaultRegisterMaxEntries);
  model::Diagnostics zero;
  read("profile: 1\nregister: {max_entries: 0}\nassessors: {scenario: {}}\n", zero);
  CHECK(messages(zero).find("register.max_entries is 0; expected a whole number of at least 1") != std::string::npos);
  model::Diagnostics unknown;
  read("profile: 1\nregister: {entries: 5}\nassessors: {scenario: {}}\n", unknown);
  CHECK(unknown.has_errors());
}

TEST_CASE(
    "assessment: the likelihood section of a profile picks p or a simulation with its runs and "
    "seed") {
  const auto read = [](const std::string& text, model::Diagnostics& diagnostics) {
    const auto file = std::filesystem::temp_directory_path() / "knelpunt-profile-likelihood.yaml";
    std::ofstream(file) << text;
    return assessors::read_assessment_profile(file, assessors::builtin_assessor_names(),
                                              diagnostics);
  };
  model::Diagnostics ok;
  const auto simulated = read(
      "profile: 1\nlikelihood: {source: simulate, runs: 500, seed: 9}\nassessors: {scenario: {}}\n",
      ok);
  CHECK_FALSE(ok.has_errors());
  REQUIRE(simulated.simulated_likelihood);
  CHECK(simulated.simulated_likelihood->runs == 500u);
  CHECK(simulated.simulated_likelihood->seed == 9u);
  CHECK(simulated.simulated_likelihood->where.line == 2);
  model::Diagnostics defaults_ok;
  const auto defaults =
      read("profile: 1\nlikelihood: {source: simulate}\nassessors: {scenario: {}}\n", defaults_ok);
  REQUIRE(defaults.simulated_likelihood);
  CHECK(defaults.simulated_likelihood->runs == 10000u);
  CHECK(defaults.simulated_likelihood->seed == 1u);
  model::Diagnostics p_ok;
  CHECK_FALSE(read("profile: 1\nlikelihood: {source: p}\nassessors: {scenario: {}}\n", p_ok)
                  .simulated_likelihood);
  CHECK_FALSE(p_ok.has_errors());
  model::Diagnostics none;
  CHECK_FALSE(read("profile: 1\nassessors: {scenario: {}}\n", none).simulated_likelihood);
  model::Diagnostics unknown;
  read("profile: 1\nlikelihood: {source: simulated}\nassessors: {scenario: {}}\n", unknown);
  CHECK(
      messages(unknown).find("likelihood.source 'simulated' is unknown; expected p or simulate") !=
      std::string::npos);
  model::Diagnostics zero;
  read("profile: 1\nlikelihood: {source: simulate, runs: 0}\nassessors: {scenario: {}}\n", zero);
  CHECK(messages(zero).find("likelihood.runs is 0; expected a whole number from 1 to 10000000") !=
        std::string::npos);
  model::Diagnostics many;
  read("profile: 1\nlikelihood: {source: simulate, runs: 10000001}\nassessors: {scenario: {}}\n", many);
  CHECK(messages(many).find("likelihood.runs is 10000001; expected a whole number from 1 to 10000000") !=
        std::string::npos);
  model::Diagnostics negative_seed;
  read("profile: 1\nlikelihood: {source: simulate, seed: -1}\nassessors: {scenario: {}}\n", negative_seed);
  CHECK(messages(negative_seed).find("likelihood.seed is -1; expected a whole number of at least 0") !=
        std::string::npos);
  model::Diagnostics stray;
  read("profile: 1\nlikelihood: {runs: 50}\nassessors: {scenario: {}}\n", stray);
  CHECK(messages(stray).find("'runs' and 'seed' belong to likelihood.source simulate") !=
        std::string::npos);
}

namespace {

/// Dordrecht assessed with the shipped default profile, on 2 threads.
struct DordrechtAssessment {
  std::unique_ptr<TestModel> m = load_test_model("../../../examples/dordrecht/model.yaml");
  model::Diagnostics diagnostics;
  assessors::AssessmentProfile profile = assessors::read_assessment_profile(
      std::string(KNELPUNT_SOURCE_DIR) + "/profiles/default.yaml", assessors::builtin_assessor_names(), diagnostics);
  std::vector<assessors::ConfiguredAssessor> configured =
      assessors::configure_assessors(profile, m->model.region, m->reference, diagnostics);
  assessors::AssessmentInput input{m->model, *m->graph, m->reference, 2, nullptr, nullptr, profile.max_chain_steps};
  assessors::Assessment assessment{configured, input};
};

/// What a StepProgress heard: the last (done, total) of each step, and the
/// steps in the order they were first heard (a step heard again after
/// another is listed again).
struct StepRecorder {
  std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> last;
  std::vector<std::string> order;
  engine::StepProgress callback() {
    return [this](std::string_view step, std::uint64_t done, std::uint64_t total) {
      const std::string name(step);
      if (order.empty() || order.back() != name) order.push_back(name);
      last[name] = {done, total};
    };
  }
};

}  // namespace

TEST_CASE("assessment: findings given in brief and then detailed equal the findings given in full") {
  // Dordrecht with the shipped profile: its critical pairs are given in
  // brief (decision 021), and restoration is on (assets have `recovery`).
  const DordrechtAssessment dordrecht;
  REQUIRE_FALSE(dordrecht.diagnostics.has_errors());
  const auto& assessment = dordrecht.assessment;
  const auto full = assessment.run(false);
  auto brief = assessment.run(true);
  REQUIRE(brief.size() == full.size());
  std::size_t given_in_brief = 0, counted_beyond = 0;
  for (std::size_t i = 0; i < full.size(); ++i) {
    CAPTURE(full[i].title.nl);
    CHECK_FALSE(full[i].brief);
    if (!brief[i].brief) {
      CHECK(brief[i] == full[i]);
      continue;
    }
    ++given_in_brief;
    // In brief: the figures and titles already final; the cascade's evidence
    // and the impact estimates' basis texts not yet there, those of what a
    // pair adds to its single point (decision 046) included: the finding
    // keeps that baseline for detailing.
    CHECK(brief[i].kind == "common-cause");
    CHECK(brief[i].affected.empty());
    CHECK(brief[i].chain.empty());
    CHECK(brief[i].title == full[i].title);
    CHECK(brief[i].description == full[i].description);
    CHECK(brief[i].counted_elsewhere == full[i].counted_elsewhere);
    if (full[i].counted_elsewhere) ++counted_beyond;
    REQUIRE(brief[i].impact.size() == full[i].impact.size());
    for (std::size_t c = 0; c < full[i].impact.size(); ++c) {
      auto without_text = full[i].impact[c];
      if (without_text.source == assessors::ImpactSource::estimate) {
        CHECK(brief[i].impact[c].basis.nl.empty());
        without_text.basis = {};
      }
      CHECK(brief[i].impact[c] == without_text);
    }
    CHECK(brief[i].likelihood == full[i].likelihood);
    assessment.detail(brief[i]);
    CHECK(brief[i] == full[i]);
  }
  // Dordrecht's critical pairs that take down a vital asset with the
  // model's repairs (29; the 11 whose targets are repaired in time are no findings).
  CHECK(given_in_brief >= 25);
  // Pairs that hold a single point with an entry of its own: scored on what they add.
  CHECK(counted_beyond >= 5);
}

TEST_CASE("assessment: progress hears each assessor and single-point's three loops, and changes no finding") {
  const DordrechtAssessment dordrecht;
  REQUIRE_FALSE(dordrecht.diagnostics.has_errors());
  const auto& configured = dordrecht.configured;
  const auto& assessment = dordrecht.assessment;
  StepRecorder recorder;
  auto& last = recorder.last;
  auto& order = recorder.order;
  const engine::StepProgress progress = recorder.callback();
  const auto heard = assessment.run(true, progress);
  CHECK(heard == assessment.run(true));
  for (const auto& c : configured) {
    const std::string name(c.assessor->name());
    REQUIRE(last.count(name) == 1);
    CHECK(last[name] == std::pair<std::uint64_t, std::uint64_t>{1, 1});
  }
  for (const std::string loop : {"single-point: cut sets", "single-point: single points", "single-point: cascades"}) {
    REQUIRE(last.count(loop) == 1);
    CHECK(last[loop].first == last[loop].second);
    CHECK(last[loop].second > 0);
  }
  // The loops come inside their assessor's step.
  CHECK(order.at(0) == "single-point");
  CHECK(order.at(1) == "single-point: cut sets");
  CHECK(order.at(2) == "single-point: single points");
  CHECK(order.at(3) == "single-point: cascades");
  CHECK(order.at(4) == "single-point");
}

TEST_CASE("assessment: with likelihoods from simulation, progress hears the simulation and the joint failures") {
  const DordrechtAssessment dordrecht;
  REQUIRE_FALSE(dordrecht.diagnostics.has_errors());
  StepRecorder recorder;
  auto& last = recorder.last;
  auto& order = recorder.order;
  const engine::StepProgress progress = recorder.callback();
  assessors::SimulatedLikelihood settings;
  settings.runs = 3000;  // more than one block of runs, so the bar moves more than once
  settings.seed = 7;
  auto heard_input = dordrecht.input;
  heard_input.simulated_likelihood = settings;
  heard_input.progress = progress;
  const assessors::Assessment heard(dordrecht.configured, heard_input);
  // The simulations are made when the Assessment is: the step is heard whole before any assessor.
  REQUIRE(last.count("simulate") == 1);
  CHECK(last["simulate"] == std::pair<std::uint64_t, std::uint64_t>{3000, 3000});
  const auto findings = heard.run(true, progress);
  const std::string joint = "single-point: joint failures";
  REQUIRE(last.count(joint) == 1);
  CHECK(last[joint] == std::pair<std::uint64_t, std::uint64_t>{3000, 3000});
  // Inside single-point, after its cut sets and before its cascades.
  const auto at = [&](const std::string& step) { return std::find(order.begin(), order.end(), step) - order.begin(); };
  CHECK(at("single-point: cut sets") < at(joint));
  CHECK(at(joint) < at("single-point: cascades"));
  // Listening changes nothing.
  auto quiet_input = dordrecht.input;
  quiet_input.simulated_likelihood = settings;
  const assessors::Assessment quiet(dordrecht.configured, quiet_input);
  CHECK(findings == quiet.run(true));
}
