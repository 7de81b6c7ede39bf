// single-point (assessors/single_point.cpp) on tests/data/assessors/single-point.yaml.
//
// Worked out by hand. Vital assets: clinic, hospital, school (they serve
// people) and ss-1 (elektriciteit.regionaal, category B); the feeds serve no
// one and have no process. Minimal cut sets within 72h:
//   hospital: {feed-a}, {ss-1}      ss-1: {feed-a}      clinic: {tel-b, tel-c}
//   school:   {feed-slow} only when the horizon reaches 100h
// Likelihood (5-year period of catalogs/scoring.yaml, classes below 0.05 %,
// 0.5 %, 5 %, 50 %): feed-a p=0.2 → 1 − 0.8^5 = 0.67232 → E; tel-b × tel-c =
// 0.1 × 0.02 = 0.002 → 1 − 0.998^5 = 0.00996 → C; ss-1 has no p → default C.

#include <doctest/doctest.h>

#include "tests/assessors/assessor_fixture.hpp"

using namespace knelpunt;
using namespace knelpunt::test;

namespace {

const std::vector<std::string> kStructuralPower = {"emergency-power", "redundant-feed"};

}  // namespace

TEST_CASE("single-point: a single feed is a spof, a 1-of-2 group is a common-cause pair") {
  const auto m = load_test_model("single-point.yaml");
  const auto findings = run_assessor(*m, "single-point");
  CHECK(identities(findings) == lines({"single-point/spof [feed-a]", "single-point/spof [ss-1]",
                                       "single-point/common-cause [tel-b tel-c]"}));
  // One finding per cut set, in cut-set order (by asset index = id order).
  CHECK(identity_sequence(findings) == std::vector<std::string>{"single-point/spof [feed-a]", "single-point/spof [ss-1]",
                                                                "single-point/common-cause [tel-b tel-c]"});
  CHECK(find_finding(findings, "spof", {"tel-b"}) == nullptr);
  CHECK(find_finding(findings, "spof", {"tel-c"}) == nullptr);
  CHECK(find_finding(findings, "spof", {"feed-slow"}) == nullptr);  // 100h > 72h

  SUBCASE("feed-a takes down ss-1 and, through it, the hospital") {
    const auto* f = find_finding(findings, "spof", {"feed-a"});
    REQUIRE(f);
    CHECK(f->scenario.empty());
    CHECK(f->subject.empty());
    CHECK(f->title.en == "Single point of failure: feed-a — its loss takes down 2 vital assets");
    CHECK(evidence_en(*f) == std::vector<std::string>{"minimal cut set (order 1) of 2 vital assets: hospital, ss-1"});
    CHECK(f->description.nl ==
          "Als feed-a uitvalt, vallen binnen 3 dagen 2 vitale objecten uit, ongeacht andere voorzieningen.");
    CHECK(f->description.en == "If feed-a is lost, 2 vital assets fail within 72h whatever else holds.");
    CHECK(f->affected == std::vector<std::string>{"hospital", "ss-1"});
    CHECK(chain_of(*f) == std::vector<std::string>{"feed-a@0", "hospital@0<ss-1", "ss-1@0<feed-a"});
    CHECK(f->likelihood.likelihood_class == 4);
    CHECK(
        f->likelihood.rationale.en ==
        "feed-a p=0.2 per year (independent) → 67.23% chance of at least once in 5 years → class E "
        "(50% or more)");
    // hospital (zorg.acuut, 1000 people) out for 72h: 72000 people-hours → 2.3 class B, 5.1 class A; 5.3: 1000 people → A.
    CHECK(impact_of(*f) == std::vector<std::string>{"2.3=B(72000)", "5.1=A(72000)", "5.3=A(1000)"});
    CHECK(f->measures == kStructuralPower);  // feed-a supplies power
  }
  SUBCASE("ss-1 has no p: the scoring catalogue's default class") {
    const auto* f = find_finding(findings, "spof", {"ss-1"});
    REQUIRE(f);
    CHECK(f->title.en == "Single point of failure: ss-1 — its loss takes down 1 vital asset");
    CHECK(f->title.nl == "Enkelvoudig faalpunt: ss-1 — uitval treft 1 vitaal object");
    CHECK(evidence_en(*f) == std::vector<std::string>{"minimal cut set (order 1) of 1 vital asset: hospital"});
    CHECK(f->affected == std::vector<std::string>{"hospital"});
    CHECK(f->likelihood.likelihood_class == 2);
    CHECK(f->likelihood.rationale.en ==
          "no failure probability (p) known for ss-1; default class C from the scoring catalogue");
    CHECK(f->measures == kStructuralPower);
  }
  SUBCASE("the telecom pair: each alone is covered") {
    const auto* f = find_finding(findings, "common-cause", {"tel-b", "tel-c"});
    REQUIRE(f);
    CHECK(f->title.en == "Critical pair: tel-b and tel-c together — takes down 1 vital asset");
    CHECK(f->title.nl == "Kritiek paar: tel-b en tel-c samen — treft 1 vitaal object");
    CHECK(evidence_en(*f) == std::vector<std::string>{"minimal cut set (order 2) of 1 vital asset: clinic"});
    CHECK(f->affected == std::vector<std::string>{"clinic"});
    CHECK(chain_of(*f) == std::vector<std::string>{"clinic@0<tel-c", "tel-b@0", "tel-c@0"});
    CHECK(f->likelihood.likelihood_class == 2);
    CHECK(f->likelihood.rationale.en ==
          "tel-b p=0.1 × tel-c p=0.02 per year (independent) → 0.996% chance of at least once in 5 "
          "years "
          "→ class C (0.5% to 5%)");
    CHECK(f->likelihood.rationale.nl ==
          "tel-b p=0,1 × tel-c p=0,02 per jaar (onafhankelijk) → kans 0,996% op minstens één keer "
          "in 5 "
          "jaar → klasse C (0,5% tot 5%)");
    // clinic: 500 people, no process: 5.1 = 500 × 72 = 36000 (A); 2.3 does not count it, 5.3 below A.
    CHECK(impact_of(*f) == std::vector<std::string>{"5.1=A(36000)"});
    CHECK(f->measures == std::vector<std::string>{"redundant-feed"});  // telecom: no emergency power
  }
}

TEST_CASE("single-point: max_order limits the order of the cut sets") {
  const auto m = load_test_model("single-point.yaml");
  CHECK(identities(run_assessor(*m, "single-point", settings().with_options(R"({"max_order": 1})"))) ==
        lines({"single-point/spof [feed-a]", "single-point/spof [ss-1]"}));
  CHECK(identities(run_assessor(*m, "single-point", settings().with_options(R"({"max_order": 2})"))) ==
        lines({"single-point/spof [feed-a]", "single-point/spof [ss-1]", "single-point/common-cause [tel-b tel-c]"}));
  // Order 3 adds nothing: every larger set contains a smaller cut set.
  CHECK(identities(run_assessor(*m, "single-point", settings().with_options(R"({"max_order": 3})"))) ==
        lines({"single-point/spof [feed-a]", "single-point/spof [ss-1]", "single-point/common-cause [tel-b tel-c]"}));
}

TEST_CASE("single-point: min_vital keeps the cut sets that take down at least that many vital assets") {
  const auto m = load_test_model("single-point.yaml");
  // feed-a takes down 2 (hospital, ss-1); ss-1 and the telecom pair take down 1 each.
  CHECK(identities(run_assessor(*m, "single-point", settings().with_options(R"({"min_vital": 1})"))) ==
        lines({"single-point/spof [feed-a]", "single-point/spof [ss-1]", "single-point/common-cause [tel-b tel-c]"}));
  CHECK(identities(run_assessor(*m, "single-point", settings().with_options(R"({"min_vital": 2})"))) ==
        lines({"single-point/spof [feed-a]"}));
  CHECK(run_assessor(*m, "single-point", settings().with_options(R"({"min_vital": 3})")).empty());
  CHECK(configure_diagnostics("single-point", options(R"({"min_vital": 0})"), m->reference).has_errors());
  CHECK(configure_diagnostics("single-point", options(R"({"min_vital": 1.5})"), m->reference).has_errors());
}

TEST_CASE("single-point: the horizon is respected (time_to_impact 100h)") {
  const auto m = load_test_model("single-point.yaml");
  const std::string base = lines({"single-point/spof [feed-a]", "single-point/spof [ss-1]",
                                  "single-point/common-cause [tel-b tel-c]"});
  CHECK(identities(run_assessor(*m, "single-point", settings().with_horizon(99))) == base);
  const auto at_100 = run_assessor(*m, "single-point", settings().with_horizon(100));  // inclusive
  CHECK(identities(at_100) == lines({"single-point/spof [feed-a]", "single-point/spof [ss-1]",
                                     "single-point/common-cause [tel-b tel-c]", "single-point/spof [feed-slow]"}));
  const auto* slow = find_finding(at_100, "spof", {"feed-slow"});
  REQUIRE(slow);
  CHECK(evidence_en(*slow) == std::vector<std::string>{"minimal cut set (order 1) of 1 vital asset: school"});
  CHECK(slow->affected == std::vector<std::string>{"school"});
  CHECK(chain_of(*slow) == std::vector<std::string>{"feed-slow@0", "school@100<feed-slow"});
  CHECK(slow->description.en == "If feed-slow is lost, 1 vital asset fails within 100h whatever else holds.");
  CHECK(slow->impact.empty());  // 200 people × 0 hours left; 200 people is below 5.3's class A
}

TEST_CASE("single-point: repaired_pairs adds a pair that takes a target down only with repairs counted") {
  // tests/data/assessors/repaired-pairs.yaml: without repairs grid alone is
  // hosp's one minimal cut set; with them grid alone keeps hosp up (no
  // entry), but grid and gen together take it down (decision 050).
  const auto m = load_test_model("repaired-pairs.yaml");
  CHECK(run_assessor(*m, "single-point").empty());
  const auto findings = run_assessor(*m, "single-point", settings().with_options(R"({"repaired_pairs": true})"));
  CHECK(identity_sequence(findings) == std::vector<std::string>{"single-point/common-cause [gen grid]"});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].title.en.find("takes down 1 vital asset") != std::string::npos);
  CHECK(evidence_en(findings[0]) ==
        std::vector<std::string>{"counted with repairs, a critical pair for 1 vital asset: hosp; without repairs the "
                                 "loss of grid alone suffices"});
  CHECK(findings[0].affected == std::vector<std::string>{"fuel", "hosp"});
  // Not a knob on the result: the same findings with any thread count.
  CHECK(identity_sequence(run_assessor(
            *m, "single-point", settings().with_options(R"({"repaired_pairs": true})").with_threads(3))) ==
        identity_sequence(findings));
}

TEST_CASE("single-point: options are checked") {
  const auto m = load_test_model("single-point.yaml");
  CHECK(configure_diagnostics("single-point", options(R"({"repaired_pairs": 1})"), m->reference).has_errors());
  CHECK_FALSE(configure_diagnostics("single-point", options(R"({"repaired_pairs": true})"), m->reference).has_errors());
  CHECK_FALSE(configure_diagnostics("single-point", options("{}"), m->reference).has_errors());
  CHECK_FALSE(configure_diagnostics("single-point", Json(), m->reference).has_errors());  // no options at all
  CHECK_FALSE(configure_diagnostics("single-point", options(R"({"max_order": 3})"), m->reference).has_errors());
  const auto unknown = configure_diagnostics("single-point", options(R"({"max_ordr": 2})"), m->reference);
  CHECK(unknown.error_count() == 1);
  CHECK(messages(unknown).find("has no option 'max_ordr'") != std::string::npos);
  CHECK(messages(unknown).find("test-profile.yaml:7:3") != std::string::npos);
  CHECK(configure_diagnostics("single-point", options(R"({"max_order": 0})"), m->reference).has_errors());
  CHECK(configure_diagnostics("single-point", options(R"({"max_order": 4})"), m->reference).has_errors());
  CHECK(configure_diagnostics("single-point", options(R"({"max_order": "2"})"), m->reference).has_errors());
  CHECK(configure_diagnostics("single-point", options("[1]"), m->reference).has_errors());
}

TEST_CASE("single-point: the same findings with 1 and 4 threads") {
  const auto m = load_test_model("single-point.yaml");
  const auto one = run_assessor(*m, "single-point", settings().with_horizon(100).with_threads(1));
  const auto four = run_assessor(*m, "single-point", settings().with_horizon(100).with_threads(4));
  CHECK(one.size() == 4);
  CHECK(dump(one) == dump(four));
}

TEST_CASE(
    "single-point: a cut set whose targets the model's repairs keep in service is no finding") {
  // clinic rides out 10h without telecom; the pair tel-b, tel-c takes it
  // down only when neither is back within those 10h.
  auto m = load_test_model("single-point.yaml");
  const auto clinic = *m->model.find("clinic");
  m->model.assets[clinic].depends_on[0].time_to_impact = 10;
  const auto with_recovery = [&](double hours) {
    for (const auto* id : {"tel-b", "tel-c"}) m->model.assets[*m->model.find(id)].recovery = hours;
    m->graph = std::make_unique<model::DependencyGraph>(m->model);
    return run_assessor(*m, "single-point");
  };
  // Repaired in 2h: the clinic never fails, so the pair takes down no vital
  // asset and is not reported (it would read "takes down no vital assets").
  CHECK(find_finding(with_recovery(2), "common-cause", {"tel-b", "tel-c"}) == nullptr);
  // Repaired in 20h: the clinic fails at 10h; the pair is reported with it.
  const auto findings = with_recovery(20);
  const auto* pair = find_finding(findings, "common-cause", {"tel-b", "tel-c"});
  REQUIRE(pair);
  // The evidence names the clinic; the description counts it, once.
  CHECK(evidence_en(*pair) == std::vector<std::string>{"minimal cut set (order 2) of 1 vital asset: clinic"});
  CHECK(pair->description.en == "For 1 vital asset, the loss of each alone is covered, but together they take it down within 72h.");
  CHECK(pair->description.nl ==
        "Voor 1 vitaal object is de uitval van elk alleen opgevangen, maar als ze samen uitvallen, valt dat binnen 3 "
        "dagen uit.");
  CHECK(pair->affected == std::vector<std::string>{"clinic"});
}

TEST_CASE("single-point: a cut set counts within its own cascade's horizon (profile horizons, decision 043)") {
  const auto m = load_test_model("single-point-horizons.yaml");
  RunSettings seven_days;
  seven_days.process_horizons = {{"waterkering", 168, {}}};
  const auto findings = run_assessor(*m, "single-point", seven_days);
  // Within 7 days control and pump each take down the hospital and the clinic
  // alone, so neither pair with grid is a minimal cut set there.
  CHECK(identities(findings) == lines({"single-point/spof [control]", "single-point/spof [pump]"}));
  const auto* control = find_finding(findings, "spof", {"control"});
  REQUIRE(control);
  CHECK(evidence_en(*control) ==
        std::vector<std::string>{"minimal cut set (order 1) of 3 vital assets: clinic, hospital, pump"});
  // The vital assets named are the ones its own cascade takes down.
  CHECK(control->affected == std::vector<std::string>{"clinic", "hospital", "pump"});
  CHECK(control->description.en == "If control is lost, 3 vital assets fail within 168h whatever else holds.");

  // Without the process horizon everything counts within 72h: control takes
  // down only pump, and the clinic needs grid to fail as well, with control
  // or with pump (the cut sets the register named before decision 043).
  const auto within_72h = run_assessor(*m, "single-point");
  CHECK(identities(within_72h) == lines({"single-point/common-cause [control grid]",
                                         "single-point/common-cause [grid pump]", "single-point/spof [control]"}));
  // control is a single point (of pump): the pair holding it says that its
  // impact counts what control alone takes down; the pair without one does not.
  const auto* with_control = find_finding(within_72h, "common-cause", {"control", "grid"});
  const auto* with_pump = find_finding(within_72h, "common-cause", {"grid", "pump"});
  REQUIRE(with_control);
  REQUIRE(with_pump);
  CHECK(evidence_en(*with_control) ==
        std::vector<std::string>{"minimal cut set (order 2) of 1 vital asset: clinic",
                                 "the impact counts, per criterion, what they add together to what control alone "
                                 "takes down: that is counted in the single-point entry of control"});
  CHECK(evidence_en(*with_pump) == std::vector<std::string>{"minimal cut set (order 2) of 1 vital asset: clinic"});
  CHECK(with_control->description.nl ==
        "Voor 1 vitaal object is de uitval van elk alleen opgevangen, maar als ze samen uitvallen, valt dat binnen 3 "
        "dagen uit.");
}
