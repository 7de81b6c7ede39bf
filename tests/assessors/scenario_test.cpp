// scenario (assessors/scenario.cpp) on tests/data/assessors/scenario.yaml.
//
// Worked out by hand (asset ids in index order: grid, homes, hosp, hs-n, hs-z,
// scada, ss, tel; grid is virtual):
//   ransom: scada@0 → ss@8 (control, 8h) → grid@8 → homes@9, hosp@10, tel@12
//   storm:  hs-n@0, hs-z@2 → ss@2 (its 1-of-2 power group is lost when hs-z
//           fails) → grid@2 → homes@3, hosp@4, tel@6 → scada@6.5 (30m)
//   bare:   tel@0 → scada@0.5 → ss@8.5 → grid@8.5 → homes@9.5, hosp@10.5
//   custom: hs-n@0, hs-z@0 → ss@0 → grid@0 → homes@1, hosp@2, tel@4 → scada@4.5
// Likelihood: stated in the model > the threat's default (catalogs/threats.yaml)
// > the scoring catalogue's default (C).

#include <doctest/doctest.h>

#include "tests/assessors/assessor_fixture.hpp"

using namespace knelpunt;
using namespace knelpunt::test;

namespace {

const Finding& scenario(const std::vector<Finding>& findings, const std::string& id) {
  for (const auto& f : findings)
    if (f.scenario == id) return f;
  FAIL("no finding for scenario " << id);
  return findings.front();
}

}  // namespace

TEST_CASE("scenario: one finding per scenario, in scenario id order") {
  const auto m = load_test_model("scenario.yaml");
  const auto findings = run_assessor(*m, "scenario");
  CHECK(identity_sequence(findings) ==
        std::vector<std::string>{"scenario/scenario [tel] scenario=bare",
                                 "scenario/scenario [hs-n hs-z] scenario=custom threat=test-threat",
                                 "scenario/scenario [scada] scenario=ransom threat=ransomware",
                                 "scenario/scenario [hs-n hs-z] scenario=storm threat=cable-cut"});
}

TEST_CASE("scenario: the cascade of the initial failures with its times") {
  const auto m = load_test_model("scenario.yaml");
  const auto findings = run_assessor(*m, "scenario");

  SUBCASE("ransom: one initial failure") {
    const auto& f = scenario(findings, "ransom");
    CHECK(f.title.en == "Scenario: Ransomware op de SCADA");
    CHECK(chain_of(f) == std::vector<std::string>{"scada@0", "grid@8<ss", "ss@8<scada", "homes@9<grid", "hosp@10<ss",
                                                  "tel@12<ss"});
    CHECK(f.affected == std::vector<std::string>{"homes", "hosp", "ss", "tel"});
    // Non-virtual failed assets and the people they serve, per moment.
    CHECK(timeline_of(f) == std::vector<std::string>{"0:1:0", "8:2:20000", "9:3:21000", "10:4:26000", "12:5:26000"});
    CHECK(f.description.en ==
          "Initial failures: scada. Within 72h 4 other assets fail; the failed assets serve 26,000 people.");
    // 2.3 (power and care): ss 20000 × 64 + hosp 5000 × 62 = 1590000 → D;
    // 5.1 (all): + homes 1000 × 63 = 1653000 → C; 5.3: 26000 people → C.
    CHECK(impact_of(f) == std::vector<std::string>{"2.3=D(1590000)", "5.1=C(1653000)", "5.3=C(26000)"});
    CHECK(evidence_en(f) ==
          std::vector<std::string>{"threat ransomware (MITRE ATT&CK: T1566, T1190, T1133, T1078, T1021, T1567, T1490, "
                                   "T1489, T1486, T0828)"});
    CHECK(f.measures == std::vector<std::string>{"asset-inventory", "awareness",    "backup-offline",  "bio.12.2",
                                                 "bio.12.3",        "bio.12.4",     "bio.12.6",        "bio.13.1",
                                                 "bio.16.1",        "bio.17.1",     "bio.5.1",         "bio.8.1",
                                                 "bio.9.1",         "bio.9.2",      "bio.9.4",         "iec62443.fr1",
                                                 "iec62443.fr3",    "iec62443.fr5", "iec62443.fr7",    "incident-plan",
                                                 "logging",         "manual-fallback", "mfa",          "patching",
                                                 "segmentation"});
  }
  SUBCASE("storm: a later initial failure loses the redundant group") {
    const auto& f = scenario(findings, "storm");
    CHECK(chain_of(f) == std::vector<std::string>{"hs-n@0", "grid@2<ss", "hs-z@2", "ss@2<hs-z", "homes@3<grid",
                                                  "hosp@4<ss", "tel@6<ss", "scada@6.5<tel"});
    // Initial failures (hs-z at 2h too) are not "affected".
    CHECK(f.affected == std::vector<std::string>{"homes", "hosp", "scada", "ss", "tel"});
    CHECK(timeline_of(f) == std::vector<std::string>{"0:1:0", "2:3:20000", "3:4:21000", "4:5:26000", "6:6:26000",
                                                     "6.5:7:26000"});
    CHECK(f.description.en ==
          "Initial failures: hs-n, hs-z (t+2h). Within 72h 5 other assets fail; the failed assets serve 26,000 people.");
    // 2.3: 20000 × 70 + 5000 × 68 = 1740000 → D; 5.1: + 1000 × 69 = 1809000 → C; 5.3: 26000 → C.
    CHECK(impact_of(f) == std::vector<std::string>{"2.3=D(1740000)", "5.1=C(1809000)", "5.3=C(26000)"});
    CHECK(f.evidence.empty());  // cable-cut has no ATT&CK techniques
    CHECK(f.measures == std::vector<std::string>{"bio.17.1", "bio.17.2", "incident-plan", "redundant-feed"});
  }
  SUBCASE("bare: no threat, no measures") {
    const auto& f = scenario(findings, "bare");
    CHECK(f.title.en == "Scenario: bare");  // no title: the id
    CHECK(chain_of(f) == std::vector<std::string>{"tel@0", "scada@0.5<tel", "grid@8.5<ss", "ss@8.5<scada",
                                                  "homes@9.5<grid", "hosp@10.5<ss"});
    CHECK(f.affected == std::vector<std::string>{"homes", "hosp", "scada", "ss"});
    CHECK(f.threat.empty());
    CHECK(f.measures.empty());
    CHECK(f.evidence.empty());
  }
  SUBCASE("custom: a threat from the model's own catalogue override") {
    const auto& f = scenario(findings, "custom");
    CHECK(chain_of(f) == std::vector<std::string>{"grid@0<ss", "hs-n@0", "hs-z@0", "ss@0<hs-z", "homes@1<grid",
                                                  "hosp@2<ss", "tel@4<ss", "scada@4.5<tel"});
    CHECK(f.measures == std::vector<std::string>{"incident-plan", "redundant-feed"});
  }
}

TEST_CASE("scenario: likelihood precedence — stated, then the threat's default, then the scoring default") {
  const auto m = load_test_model("scenario.yaml");
  const auto findings = run_assessor(*m, "scenario");
  const auto& ransom = scenario(findings, "ransom");
  CHECK(ransom.likelihood.likelihood_class == 0);  // stated A, although ransomware's default is D
  CHECK(ransom.likelihood.rationale.en == "class A as stated in the model (scenario ransom)");
  const auto& storm = scenario(findings, "storm");
  CHECK(storm.likelihood.likelihood_class == 3);  // cable-cut: D
  CHECK(storm.likelihood.rationale.en == "default class D of threat cable cut / excavation damage (cable-cut) from the threats catalogue");
  const auto& bare = scenario(findings, "bare");
  CHECK(bare.likelihood.likelihood_class == 2);
  CHECK(bare.likelihood.rationale.en == "no likelihood known; default class C from the scoring catalogue");
  const auto& custom = scenario(findings, "custom");
  CHECK(custom.likelihood.likelihood_class == 2);
  CHECK(custom.likelihood.rationale.en == "no likelihood known; default class C from the scoring catalogue");

  SUBCASE("the defaults are read from the catalogues") {
    auto reference = m->reference;
    reference.threats.at("cable-cut").likelihood = 1;  // B
    reference.threats.at("ransomware").likelihood = 4;  // E: the stated A still wins
    reference.scoring.default_likelihood = 4;           // E
    const auto changed = run_assessor(*m, "scenario", settings().with_reference(&reference));
    CHECK(scenario(changed, "ransom").likelihood.likelihood_class == 0);
    CHECK(scenario(changed, "storm").likelihood.likelihood_class == 1);
    CHECK(scenario(changed, "bare").likelihood.likelihood_class == 4);
    CHECK(scenario(changed, "custom").likelihood.likelihood_class == 4);
    CHECK(scenario(changed, "custom").likelihood.rationale.en ==
          "no likelihood known; default class E from the scoring catalogue");
  }
}

TEST_CASE("scenario: the horizon cuts the chain and the timeline") {
  const auto m = load_test_model("scenario.yaml");
  const auto findings = run_assessor(*m, "scenario", settings().with_horizon(5));
  const auto& storm = scenario(findings, "storm");
  CHECK(chain_of(storm) == std::vector<std::string>{"hs-n@0", "grid@2<ss", "hs-z@2", "ss@2<hs-z", "homes@3<grid",
                                                    "hosp@4<ss"});
  CHECK(storm.affected == std::vector<std::string>{"homes", "hosp", "ss"});
  CHECK(timeline_of(storm) == std::vector<std::string>{"0:1:0", "2:3:20000", "3:4:21000", "4:5:26000"});
  CHECK(storm.description.en ==
        "Initial failures: hs-n, hs-z (t+2h). Within 5h 3 other assets fail; the failed assets serve 26,000 people.");
  // 2.3: 20000 × 3 + 5000 × 1 = 65000 → B; 5.1: + 1000 × 2 = 67000 → A; 5.3: 26000 → C.
  CHECK(impact_of(storm) == std::vector<std::string>{"2.3=B(65000)", "5.1=A(67000)", "5.3=C(26000)"});
  // ransom: ss fails at 8h, after the horizon: nothing but the initial failure.
  const auto& ransom = scenario(findings, "ransom");
  CHECK(chain_of(ransom) == std::vector<std::string>{"scada@0"});
  CHECK(ransom.affected.empty());
  CHECK(ransom.impact.empty());
}

TEST_CASE("scenario: options are checked") {
  const auto m = load_test_model("scenario.yaml");
  CHECK_FALSE(configure_diagnostics("scenario", options("{}"), m->reference).has_errors());
  CHECK_FALSE(configure_diagnostics("scenario", Json(), m->reference).has_errors());
  const auto unknown = configure_diagnostics("scenario", options(R"({"threat": "ransomware"})"), m->reference);
  CHECK(unknown.error_count() == 1);
  CHECK(messages(unknown).find("has no option 'threat'") != std::string::npos);
}

TEST_CASE("scenario: the same findings with 1 and 4 threads") {
  const auto m = load_test_model("scenario.yaml");
  const auto one = run_assessor(*m, "scenario", settings().with_threads(1));
  const auto four = run_assessor(*m, "scenario", settings().with_threads(4));
  CHECK(one.size() == 4);
  CHECK(dump(one) == dump(four));
}
