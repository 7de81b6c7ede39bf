// geographic (assessors/geographic.cpp) on tests/data/assessors/geographic.yaml.
//
// Worked out by hand (see the model's header):
// - co-located-redundancy: hosp-1 (ps-1, ps-2 both in dijk-1), hosp-3 (tc-1
//   and tc-2 0.0009° of latitude apart = 100.08 m, within 500 m), water
//   (needs 2 of 3; ps-5 and ps-6 in polder-x are the 2 losses that take it
//   down). Not: hosp-2 (different zones), hosp-4 (tc-3, tc-4 0.018° = 2001.5 m
//   apart), ctrl (2 of 2: no redundancy to lose).
// - zone: dijk-1 (hosp-1 fails outside it), polder-x (water). Not: dijk-2,
//   dijk-3 (one supplier left), inner (only assets inside the zone fail),
//   site-z (ctrl is not vital), late-zone (hosp-5 fails at 100h > 72h).
// Threat flood: default likelihood B; measures flood-proofing,
// emergency-power, redundant-feed, incident-plan, bio.11.1, bio.17.1, bio.17.2.

#include <doctest/doctest.h>

#include "tests/assessors/assessor_fixture.hpp"

using namespace knelpunt;
using namespace knelpunt::test;

namespace {

const std::vector<std::string> kFloodMeasures = {"bio.11.1",        "bio.17.1",      "bio.17.2",      "emergency-power",
                                                 "flood-proofing", "incident-plan", "redundant-feed"};

const char* const kHosp1 = "geographic/co-located-redundancy [hosp-1 ps-1 ps-2] threat=flood";
const char* const kHosp3 = "geographic/co-located-redundancy [hosp-3 tc-1 tc-2] threat=flood";
const char* const kWater = "geographic/co-located-redundancy [ps-5 ps-6 water] threat=flood";
const char* const kDijk1 = "geographic/zone [] subject=dijk-1 threat=flood";
const char* const kPolderX = "geographic/zone [] subject=polder-x threat=flood";

}  // namespace

TEST_CASE("geographic: co-located redundancy by zone and by radius, and zone losses") {
  const auto m = load_test_model("geographic.yaml");
  const auto findings = run_assessor(*m, "geographic");
  CHECK(identities(findings) == lines({kHosp1, kHosp3, kWater, kDijk1, kPolderX}));
  // Redundancy findings per group (in asset order), then the zones by id.
  CHECK(identity_sequence(findings) == std::vector<std::string>{kHosp1, kHosp3, kWater, kDijk1, kPolderX});

  SUBCASE("two suppliers in one zone") {
    const auto* f = find_finding(findings, "co-located-redundancy", {"hosp-1", "ps-1", "ps-2"});
    REQUIRE(f);
    CHECK(evidence_en(*f) == std::vector<std::string>{"zone dijk-1: ps-1, ps-2"});
    CHECK(f->title.en == "Co-located redundancy: hosp-1, electricity — 2 of 2 suppliers (ps-1, ps-2) in zone dijk-1");
    CHECK(f->description.en ==
          "hosp-1 needs 1 of 2 suppliers (ps-1, ps-2), but one local event, such as flood, can hit 2 of them at "
          "once: the redundancy does not protect against it.");
    // The threat by its Dutch name in the Dutch text, not by its (English) id alone.
    CHECK(f->description.nl ==
          "hosp-1 heeft 1 van 2 voedingen nodig (ps-1, ps-2), maar één lokale gebeurtenis, zoals overstroming "
          "(flood), kan er 2 tegelijk treffen: de redundantie beschermt daar niet tegen.");
    CHECK(f->affected == std::vector<std::string>{"hosp-1"});
    CHECK(chain_of(*f) == std::vector<std::string>{"hosp-1@0<ps-2", "ps-1@0", "ps-2@0"});
    CHECK(f->likelihood.likelihood_class == 1);
    CHECK(f->likelihood.rationale.en == "default class B of threat flood from the threats catalogue");
    CHECK(f->measures == kFloodMeasures);
  }
  SUBCASE("two suppliers about 100 m apart") {
    const auto* f = find_finding(findings, "co-located-redundancy", {"hosp-3", "tc-1", "tc-2"});
    REQUIRE(f);
    // One cluster: centred on tc-2 it has the same members, so it is listed once.
    CHECK(evidence_en(*f) == std::vector<std::string>{"within 500 m of tc-1 (farthest 100 m): tc-1, tc-2"});
    CHECK(f->affected == std::vector<std::string>{"hosp-3"});
  }
  SUBCASE("2 of 3 needed: two suppliers in one zone are enough to lose the group") {
    const auto* f = find_finding(findings, "co-located-redundancy", {"ps-5", "ps-6", "water"});
    REQUIRE(f);
    CHECK(evidence_en(*f) == std::vector<std::string>{"zone polder-x: ps-5, ps-6"});
    CHECK(f->title.en == "Co-located redundancy: water, electricity — 2 of 3 suppliers (ps-5, ps-6) in zone polder-x");
    CHECK(f->affected == std::vector<std::string>{"water"});
  }
  SUBCASE("the loss of a whole zone") {
    const auto* f = find_finding(findings, "zone", {}, "dijk-1");
    REQUIRE(f);
    CHECK(f->title.en == "Loss of zone dijk-1 (2 assets) takes down 1 vital asset outside it");
    CHECK(evidence_en(*f) == std::vector<std::string>{"assets in zone dijk-1: ps-1, ps-2"});
    CHECK(f->description.en ==
          "If zone dijk-1 (2 assets) fails as a whole through flood, the loss reaches 1 vital asset outside it "
          "within 72h as well: hosp-1.");
    CHECK(f->description.nl ==
          "Als zone dijk-1 (2 objecten) in zijn geheel uitvalt door overstroming (flood), treft de uitval binnen "
          "3 dagen ook 1 vitaal object buiten de zone: hosp-1.");
    CHECK(f->affected == std::vector<std::string>{"hosp-1"});
    CHECK(timeline_of(*f) == std::vector<std::string>{"0:3:1000"});
    // 1000 people × 72h = 72000 people-hours (5.1 A); 1000 people (5.3 A).
    CHECK(impact_of(*f) == std::vector<std::string>{"5.1=A(72000)", "5.3=A(1000)"});
    CHECK(f->likelihood.likelihood_class == 1);
    CHECK(f->measures == kFloodMeasures);
    const auto* polder = find_finding(findings, "zone", {}, "polder-x");
    REQUIRE(polder);
    CHECK(polder->affected == std::vector<std::string>{"water"});
    CHECK(evidence_en(*polder) == std::vector<std::string>{"assets in zone polder-x: ps-5, ps-6"});
  }
}

TEST_CASE("geographic: the radius rule") {
  const auto m = load_test_model("geographic.yaml");
  auto run = [&](const char* json) { return run_assessor(*m, "geographic", settings().with_options(json)); };
  // zones off: only the radius finding; no zone findings either.
  CHECK(identities(run(R"({"zones": false})")) == lines({kHosp3}));
  // radius 0 turns the radius rule off.
  CHECK(identities(run(R"({"radius": 0})")) == lines({kHosp1, kWater, kDijk1, kPolderX}));
  // 100.08 m apart: not within 100 m, within 101 m.
  CHECK(identities(run(R"({"zones": false, "radius": "100m"})")).empty());
  const auto r101 = run(R"({"zones": false, "radius": 101})");
  REQUIRE(r101.size() == 1);
  CHECK(evidence_en(r101[0]) == std::vector<std::string>{"within 101 m of tc-1 (farthest 100 m): tc-1, tc-2"});
  // 2001.5 m apart: not within 2 km, within 3 km.
  CHECK(identities(run(R"({"zones": false, "radius": "2km"})")) == lines({kHosp3}));
  const auto r3km = run(R"({"zones": false, "radius": "3km"})");
  CHECK(identities(r3km) ==
        lines({kHosp3, "geographic/co-located-redundancy [hosp-4 tc-3 tc-4] threat=flood"}));
  const auto* far = find_finding(r3km, "co-located-redundancy", {"hosp-4", "tc-3", "tc-4"});
  REQUIRE(far);
  CHECK(evidence_en(*far) == std::vector<std::string>{"within 3,000 m of tc-3 (farthest 2,002 m): tc-3, tc-4"});
}

TEST_CASE("geographic: the threat sets likelihood and measures") {
  const auto m = load_test_model("geographic.yaml");
  const auto findings = run_assessor(*m, "geographic", settings().with_options(R"({"threat": "fire"})"));
  CHECK(identities(findings) ==
        lines({"geographic/co-located-redundancy [hosp-1 ps-1 ps-2] threat=fire",
               "geographic/co-located-redundancy [hosp-3 tc-1 tc-2] threat=fire",
               "geographic/co-located-redundancy [ps-5 ps-6 water] threat=fire", "geographic/zone [] subject=dijk-1 threat=fire",
               "geographic/zone [] subject=polder-x threat=fire"}));
  const auto* power = find_finding(findings, "co-located-redundancy", {"hosp-1", "ps-1", "ps-2"});
  REQUIRE(power);
  CHECK(power->likelihood.likelihood_class == 2);  // fire: C
  CHECK(power->likelihood.rationale.en == "default class C of threat fire from the threats catalogue");
  CHECK(power->measures == std::vector<std::string>{"backup-offline", "bio.11.1", "bio.17.1", "bio.17.2",
                                                    "emergency-power", "fire-protection", "incident-plan",
                                                    "redundant-feed"});
  // Telecom suppliers: no emergency power (fire's measures do not list it either).
  const auto* telecom = find_finding(findings, "co-located-redundancy", {"hosp-3", "tc-1", "tc-2"});
  REQUIRE(telecom);
  CHECK(telecom->measures == std::vector<std::string>{"backup-offline", "bio.11.1", "bio.17.1", "bio.17.2",
                                                      "fire-protection", "incident-plan", "redundant-feed"});

  SUBCASE("a threat without a default likelihood: the scoring catalogue's default") {
    auto reference = m->reference;
    reference.threats.at("flood").likelihood.reset();
    reference.scoring.default_likelihood = 3;  // D, to tell it from flood's B and the shipped C
    const auto plain = run_assessor(*m, "geographic", settings().with_reference(&reference));
    REQUIRE(plain.size() == 5);
    for (const auto& f : plain) {
      CHECK(f.likelihood.likelihood_class == 3);
      CHECK(f.likelihood.rationale.en ==
            "threat flood has no default likelihood; default class D from the scoring catalogue");
    }
  }
}

TEST_CASE("geographic: zone findings stay within the horizon") {
  const auto m = load_test_model("geographic.yaml");
  // hosp-5 fails 100h after ps-10 (late-zone): found at 100h, not at 99h.
  CHECK(identities(run_assessor(*m, "geographic", settings().with_horizon(99))) ==
        lines({kHosp1, kHosp3, kWater, kDijk1, kPolderX}));
  const auto at_100 = run_assessor(*m, "geographic", settings().with_horizon(100));
  CHECK(identities(at_100) ==
        lines({kHosp1, kHosp3, kWater, kDijk1, kPolderX, "geographic/zone [] subject=late-zone threat=flood"}));
  const auto* late = find_finding(at_100, "zone", {}, "late-zone");
  REQUIRE(late);
  CHECK(late->affected == std::vector<std::string>{"hosp-5"});
  CHECK(chain_of(*late) == std::vector<std::string>{"ps-10@0", "hosp-5@100<ps-10"});
}

TEST_CASE("geographic: options are checked") {
  const auto m = load_test_model("geographic.yaml");
  CHECK_FALSE(configure_diagnostics("geographic", options(R"({"zones": true, "radius": "2km", "threat": "fire"})"),
                                    m->reference)
                  .has_errors());
  const auto unknown_threat = configure_diagnostics("geographic", options(R"({"threat": "tsunami"})"), m->reference);
  CHECK(unknown_threat.error_count() == 1);
  CHECK(messages(unknown_threat).find("'tsunami'") != std::string::npos);
  const auto unknown = configure_diagnostics("geographic", options(R"({"zone": true})"), m->reference);
  CHECK(unknown.has_errors());
  CHECK(messages(unknown).find("has no option 'zone'") != std::string::npos);
  CHECK(configure_diagnostics("geographic", options(R"({"radius": "far"})"), m->reference).has_errors());
  CHECK(configure_diagnostics("geographic", options(R"({"radius": -5})"), m->reference).has_errors());
  CHECK(configure_diagnostics("geographic", options(R"({"zones": "yes"})"), m->reference).has_errors());
}

TEST_CASE("geographic: the same findings with 1 and 4 threads") {
  const auto m = load_test_model("geographic.yaml");
  const auto one = run_assessor(*m, "geographic", settings().with_options(R"({"radius": "3km"})").with_threads(1));
  const auto four = run_assessor(*m, "geographic", settings().with_options(R"({"radius": "3km"})").with_threads(4));
  CHECK(one.size() == 6);
  CHECK(dump(one) == dump(four));
}

namespace {

/// The English text of a likelihood from the geographic-simulate.yaml runs
/// (1000 runs, seed 5, horizon 72h) in which `subject` failed `verb` in
/// `failed` of them: every run or none (the model's header).
std::string simulated_en(const std::string& subject, const std::string& verb, int failed) {
  // Wilson 95% bounds by hand (z = 1.96, n = 1000): every run 1 / (1 + z²/n)
  // = 0.99617; no run (z²/n) / (1 + z²/n) = 0.0038268.
  const bool every = failed == 1000;
  return subject + " " + verb + " within 72h in " +
         (every ? std::string("1,000") : std::to_string(failed)) +
         " of 1,000 runs of a year (Monte Carlo simulation of p and scenario frequencies, "
         "seed 5): " +
         (every ? "1 per year, 95% interval 0.9962 to 1 → 100% chance of at least once in 5 years "
                  "→ class E "
                  "(50% or more)"
                : "0 per year, 95% interval 0 to 0.003827 → 0% chance of at least once in 5 years "
                  "→ class A "
                  "(below 0.05%)");
}

}  // namespace

TEST_CASE("geographic: likelihoods from simulation when a scenario of the threat has a frequency") {
  // tests/data/assessors/geographic-simulate.yaml: the flood scenario occurs in
  // every run, so each count below is certain (the model's header).
  const auto m = load_test_model("geographic-simulate.yaml");
  const auto findings = run_assessor(*m, "geographic", settings().with_simulation(1000, 5));
  REQUIRE(findings.size() == 5);
  SUBCASE("a zone the scenario takes down: every run, its members counted, not named") {
    const auto* f = find_finding(findings, "zone", {}, "dijk-1");
    REQUIRE(f);
    CHECK(f->likelihood.likelihood_class == 4);
    CHECK(f->likelihood.rationale.en ==
          simulated_en("all 2 assets of zone dijk-1", "fail together", 1000));
    CHECK(f->likelihood.rationale.nl ==
          "alle 2 objecten van zone dijk-1 vallen samen binnen 3 dagen uit in 1.000 van 1.000 "
          "trekkingen van een jaar (Monte-Carlosimulatie van p en scenariofrequenties, "
          "startwaarde 5): 1 per jaar, 95%-interval 0,9962 tot 1 → kans 100% op minstens één keer "
          "in 5 "
          "jaar → klasse E (50% of meer)");
  }
  SUBCASE("a zone whose assets never fail together: class A, with the interval's bound") {
    const auto* f = find_finding(findings, "zone", {}, "polder-x");
    REQUIRE(f);
    CHECK(f->likelihood.likelihood_class == 0);
    CHECK(f->likelihood.rationale.en ==
          simulated_en("all 2 assets of zone polder-x", "fail together", 0));
  }
  SUBCASE("a zone of one asset: that asset's own count") {
    const auto* f = find_finding(findings, "zone", {}, "site-a");
    REQUIRE(f);
    CHECK(f->likelihood.rationale.en == simulated_en("ps-5", "fails", 1000));
  }
  SUBCASE("co-located suppliers: the largest cluster, named") {
    const auto* both = find_finding(findings, "co-located-redundancy", {"hosp-1", "ps-1", "ps-2"});
    REQUIRE(both);
    CHECK(both->likelihood.likelihood_class == 4);
    CHECK(both->likelihood.rationale.en == simulated_en("ps-1 and ps-2", "fail together", 1000));
    const auto* never = find_finding(findings, "co-located-redundancy", {"ps-3", "ps-4", "water"});
    REQUIRE(never);
    CHECK(never->likelihood.likelihood_class == 0);
    CHECK(never->likelihood.rationale.en == simulated_en("ps-3 and ps-4", "fail together", 0));
  }
  SUBCASE("the same with 1 and 3 threads") {
    const auto three =
        run_assessor(*m, "geographic", settings().with_simulation(1000, 5).with_threads(3));
    CHECK(dump(findings) == dump(three));
  }
}

TEST_CASE("geographic: a simulation without a scenario of the threat keeps the threat's class") {
  // The model's only scenario with a frequency is a flood: for fire the runs
  // hold no local event, so they cannot say how often a zone burns down.
  const auto m = load_test_model("geographic-simulate.yaml");
  const auto fire = settings().with_options(R"({"threat": "fire"})");
  const auto findings = run_assessor(*m, "geographic", RunSettings(fire).with_simulation(1000, 5));
  REQUIRE(findings.size() == 5);
  for (const auto& f : findings) {
    CHECK(f.likelihood.likelihood_class == 2);  // fire: C
    CHECK(f.likelihood.rationale.en ==
          "default class C of threat fire from the threats catalogue; the simulation has no "
          "scenario of threat fire with a frequency, so it does not say how often these assets "
          "fail together");
    CHECK(f.likelihood.rationale.nl ==
          "standaardklasse C van dreiging brand (fire) uit de dreigingscatalogus; de simulatie "
          "bevat geen scenario van dreiging brand (fire) met een frequentie en zegt daarom niet "
          "hoe vaak deze objecten samen uitvallen");
  }
  // Without a simulation the class and text are the threat's alone.
  const auto plain = run_assessor(*m, "geographic", fire);
  REQUIRE(plain.size() == 5);
  CHECK(plain[0].likelihood.rationale.en ==
        "default class C of threat fire from the threats catalogue");
}
