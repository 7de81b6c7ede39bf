// missing-controls (assessors/missing_controls.cpp) on tests/data/assessors/missing-controls.yaml
// against the shipped baselines of catalogs/controls.yaml.
//
// Worked out by hand from the catalogue:
//   basis:        mfa, backup-offline, patching, segmentation — all weight 3, it and ot
//   iec62443-sl2: iec62443.fr1 … fr7 (weights 3 2 2 1 3 2 3 = 16), baseline and controls ot only
//   vital:        mfa 3, backup-offline 3, patching 3, segmentation 3, asset-inventory 2,
//                 logging 2, incident-plan 2, manual-fallback 3 (ot), bio.9.4 3, bio.12.3 3,
//                 bio.12.6 3, bio.13.1 3, bio.17.1 3, iec62443.fr1/fr5/fr7 3 (ot):
//                 it assets are checked on 12 controls (weight 33), ot/mixed/unknown on 16 (45).
// Likelihood: the asset's cyber class (base B, mixed +1, mfa −1, segmentation −1,
// clamped), one class up when more than half of the checked weight is missing.

#include <doctest/doctest.h>

#include "tests/assessors/assessor_fixture.hpp"

using namespace knelpunt;
using namespace knelpunt::test;

namespace {

std::vector<Finding> run_baseline(const TestModel& m, const std::string& json) {
  return run_assessor(m, "missing-controls", settings().with_options(json));
}

const Finding& of(const std::vector<Finding>& findings, const std::string& asset, const std::string& baseline) {
  const auto* f = find_finding(findings, "missing-controls", {asset}, baseline);
  REQUIRE_MESSAGE(f, "no missing-controls finding for " << asset << " against " << baseline);
  return *f;
}

}  // namespace

TEST_CASE("missing-controls: the exact missing set against the basis baseline") {
  const auto m = load_test_model("missing-controls.yaml");
  const auto findings = run_baseline(*m, R"({"baseline": "basis"})");
  // full-box has all four; nocyber and station have no cyber block and are not judged.
  CHECK(identities(findings) == lines({"missing-controls/missing-controls [it-box] subject=basis",
                                       "missing-controls/missing-controls [ot-box] subject=basis",
                                       "missing-controls/missing-controls [mixed-box] subject=basis",
                                       "missing-controls/missing-controls [unknown-box] subject=basis"}));

  SUBCASE("half of the weight missing does not raise the class") {
    const auto& f = of(findings, "it-box", "basis");
    CHECK(f.measures == std::vector<std::string>{"backup-offline", "segmentation"});
    CHECK(f.title.en == "Missing controls: it-box — 2 of 4 from 'Basic measures'");
    CHECK(evidence_en(f) == std::vector<std::string>{
                                "missing: backup-offline Offline back-ups (weight 3); segmentation Network segmentation (weight 3)",
                                "missing weight 6 of 12 (IT network)"});
    CHECK(f.likelihood.likelihood_class == 0);
    CHECK(f.likelihood.rationale.en == "base class B, multi-factor authentication (mfa) -1 → class A (steps from the scoring catalogue)");
    CHECK(f.threat.empty());
  }
  SUBCASE("the impact is the cascade of the asset's loss") {
    const auto& f = of(findings, "ot-box", "basis");
    CHECK(f.measures == std::vector<std::string>{"backup-offline", "patching"});
    CHECK(evidence_en(f)[1] == "missing weight 6 of 12 (OT network)");
    CHECK(f.likelihood.likelihood_class == 0);  // B − 1 − 1, clamped
    CHECK(f.affected == std::vector<std::string>{"station"});
    CHECK(chain_of(f) == std::vector<std::string>{"ot-box@0", "station@6<ot-box"});
    // 4000 people × 66h = 264000 people-hours (5.1 B); 4000 people (5.3 A).
    CHECK(impact_of(f) == std::vector<std::string>{"5.1=B(264000)", "5.3=A(4000)"});
    CHECK(f.description.en == "ot-box lacks 2 controls of the baseline; its loss takes down 1 other asset within 72h.");
  }
  SUBCASE("more than half of the weight missing raises the class") {
    const auto& mixed = of(findings, "mixed-box", "basis");
    CHECK(mixed.measures == std::vector<std::string>{"backup-offline", "mfa", "patching", "segmentation"});
    CHECK(evidence_en(mixed)[1] == "missing weight 12 of 12 (IT and OT in one network)");
    CHECK(mixed.likelihood.likelihood_class == 3);  // B + mixed = C, raised to D
    CHECK(mixed.likelihood.rationale.en ==
          "base class B, IT and OT in one network +1 → class C (steps from the scoring catalogue); more than half of the weight "
          "is missing (12 of 12) → class D");
    const auto& unknown = of(findings, "unknown-box", "basis");
    CHECK(unknown.measures == std::vector<std::string>{"backup-offline", "patching", "segmentation"});
    CHECK(evidence_en(unknown)[1] == "missing weight 9 of 12 (network unknown)");
    CHECK(unknown.likelihood.likelihood_class == 1);  // B − mfa = A, raised to B
  }
}

TEST_CASE("missing-controls: network applicability (it vs ot)") {
  const auto m = load_test_model("missing-controls.yaml");

  SUBCASE("an ot-only baseline skips it assets; mixed and unknown networks count as both") {
    const auto findings = run_baseline(*m, R"({"baseline": "iec62443-sl2"})");
    CHECK(identities(findings) == lines({"missing-controls/missing-controls [ot-box] subject=iec62443-sl2",
                                         "missing-controls/missing-controls [mixed-box] subject=iec62443-sl2",
                                         "missing-controls/missing-controls [unknown-box] subject=iec62443-sl2"}));
    const auto& ot = of(findings, "ot-box", "iec62443-sl2");
    CHECK(ot.measures == std::vector<std::string>{"iec62443.fr2", "iec62443.fr3", "iec62443.fr4", "iec62443.fr5",
                                                  "iec62443.fr6", "iec62443.fr7"});
    CHECK(evidence_en(ot)[1] == "missing weight 13 of 16 (OT network)");
    CHECK(of(findings, "mixed-box", "iec62443-sl2").measures.size() == 7);
    CHECK(of(findings, "unknown-box", "iec62443-sl2").measures.size() == 7);
  }
  SUBCASE("ot-only controls of a mixed baseline are checked on ot assets only") {
    const auto findings = run_baseline(*m, "{}");  // default baseline: vital
    CHECK(identities(findings) == lines({"missing-controls/missing-controls [it-box] subject=vital",
                                         "missing-controls/missing-controls [ot-box] subject=vital",
                                         "missing-controls/missing-controls [mixed-box] subject=vital",
                                         "missing-controls/missing-controls [unknown-box] subject=vital",
                                         "missing-controls/missing-controls [full-box] subject=vital"}));
    const auto& it = of(findings, "it-box", "vital");
    CHECK(it.measures == std::vector<std::string>{"asset-inventory", "backup-offline", "bio.12.3", "bio.12.6",
                                                  "bio.13.1", "bio.17.1", "bio.9.4", "incident-plan", "logging",
                                                  "segmentation"});
    CHECK(it.title.en == "Missing controls: it-box — 10 of 12 from 'Vital infrastructure default set (knelpunt)'");
    CHECK(evidence_en(it)[1] == "missing weight 27 of 33 (IT network)");
    const auto& ot = of(findings, "ot-box", "vital");
    CHECK(ot.measures == std::vector<std::string>{"asset-inventory", "backup-offline", "bio.12.3", "bio.12.6",
                                                  "bio.13.1", "bio.17.1", "bio.9.4", "iec62443.fr5", "iec62443.fr7",
                                                  "incident-plan", "logging", "manual-fallback", "patching"});
    CHECK(evidence_en(ot)[1] == "missing weight 36 of 45 (OT network)");
    const auto& full = of(findings, "full-box", "vital");
    CHECK(full.measures == std::vector<std::string>{"asset-inventory", "bio.12.3", "bio.12.6", "bio.13.1", "bio.17.1",
                                                    "bio.9.4", "incident-plan", "logging"});
    CHECK(evidence_en(full)[1] == "missing weight 21 of 33 (IT network)");
  }
}

TEST_CASE("missing-controls: min_weight leaves out the lighter controls") {
  const auto m = load_test_model("missing-controls.yaml");
  const auto w2 = run_baseline(*m, R"({"baseline": "iec62443-sl2", "min_weight": 2})");
  CHECK(of(w2, "ot-box", "iec62443-sl2").measures ==
        std::vector<std::string>{"iec62443.fr2", "iec62443.fr3", "iec62443.fr5", "iec62443.fr6", "iec62443.fr7"});
  CHECK(evidence_en(of(w2, "ot-box", "iec62443-sl2"))[1] == "missing weight 12 of 15 (OT network)");
  const auto w3 = run_baseline(*m, R"({"baseline": "iec62443-sl2", "min_weight": 3})");
  const auto& ot = of(w3, "ot-box", "iec62443-sl2");
  CHECK(ot.measures == std::vector<std::string>{"iec62443.fr5", "iec62443.fr7"});
  CHECK(ot.title.en == "Missing controls: ot-box — 2 of 3 from 'IEC 62443-3-3 foundational requirements (target SL2)'");
  CHECK(evidence_en(ot) ==
        std::vector<std::string>{"missing: iec62443.fr5 Restricted data flow (weight 3); iec62443.fr7 Resource "
                                 "availability (weight 3)",
                                 "missing weight 6 of 9 (OT network)"});
  // vital at weight 3: it-box is checked on the 9 controls of weight 3 it can have.
  const auto v3 = run_baseline(*m, R"({"min_weight": 3})");
  const auto& it = of(v3, "it-box", "vital");
  CHECK(it.measures == std::vector<std::string>{"backup-offline", "bio.12.3", "bio.12.6", "bio.13.1", "bio.17.1",
                                                "bio.9.4", "segmentation"});
  CHECK(evidence_en(it)[1] == "missing weight 21 of 27 (IT network)");
}

TEST_CASE("missing-controls: options are checked") {
  const auto m = load_test_model("missing-controls.yaml");
  CHECK_FALSE(configure_diagnostics("missing-controls", options(R"({"baseline": "bio", "min_weight": 2})"), m->reference)
                  .has_errors());
  const auto unknown_baseline = configure_diagnostics("missing-controls", options(R"({"baseline": "bioo"})"), m->reference);
  CHECK(unknown_baseline.error_count() == 1);
  CHECK(messages(unknown_baseline).find("'bioo'") != std::string::npos);
  const auto unknown = configure_diagnostics("missing-controls", options(R"({"baselines": "bio"})"), m->reference);
  CHECK(unknown.has_errors());
  CHECK(messages(unknown).find("has no option 'baselines'") != std::string::npos);
  CHECK(configure_diagnostics("missing-controls", options(R"({"min_weight": 0})"), m->reference).has_errors());
  CHECK(configure_diagnostics("missing-controls", options(R"({"min_weight": 4})"), m->reference).has_errors());
}

TEST_CASE("missing-controls: the same findings with 1 and 4 threads") {
  const auto m = load_test_model("missing-controls.yaml");
  const auto one = run_assessor(*m, "missing-controls", settings().with_threads(1));
  const auto four = run_assessor(*m, "missing-controls", settings().with_threads(4));
  CHECK(one.size() == 5);
  CHECK(dump(one) == dump(four));
}
