// cyber-exposure (assessors/cyber_exposure.cpp) on tests/data/assessors/cyber-exposure.yaml
// with the test feeds kev.json and epss.csv of the same folder.
//
// Worked out by hand. Likelihood steps of catalogs/scoring.yaml: base B;
// internet_exposed +1, direct_remote_access +2, vendor_remote_access +1,
// remote_access +1, mixed_network +1, kev_product +1, kev_ransomware +1,
// epss_above_threshold +1, mfa −1, segmentation −1; clamped to A…E.
//   web     exposed                                  → C   ransomware (it)
//   rtu     vendor VPN, has mfa                      → B   ics-intrusion (ot)
//   office  mixed                                    → C   ics-intrusion
//   vpn-it  VPN                                      → C   ransomware
//   gw      exposed, direct, has segmentation        → D   ics-intrusion
//   hot     exposed, direct, mixed (B + 4)           → E (clamped)
//   fw      KEV: CVE-2023-27997 and CVE-2024-21762 (ransomware, EPSS 0.5)
//           (FortiOS is another product: "fortigate" does not match it) → E, ransomware
//   plc     KEV: CVE-2019-10929 (no EPSS), has segmentation; acme ≠ "Acme Industries" → B
//   hmi     KEV: CVE-2025-0700, EPSS 0.7                                → D, ransomware (it)
//   plain, nocyber, pumps: no finding.

#include <doctest/doctest.h>

#include "tests/assessors/assessor_fixture.hpp"

using namespace knelpunt;
using namespace knelpunt::test;

namespace {

struct Feeds {
  catalogs::KevCatalog kev;
  catalogs::EpssScores epss;
};

Feeds load_feeds() {
  auto kev = catalogs::parse_kev_catalog(read_text(assessor_data("kev.json")));
  REQUIRE_MESSAGE(kev.catalog, kev.error);
  auto epss = catalogs::parse_epss_scores(read_text(assessor_data("epss.csv")));
  REQUIRE_MESSAGE(epss.scores, epss.error);
  return {std::move(*kev.catalog), std::move(*epss.scores)};
}

const std::string kWeb = "cyber-exposure/exposure [web] threat=ransomware";
const std::string kRtu = "cyber-exposure/exposure [rtu] threat=ics-intrusion";
const std::string kOffice = "cyber-exposure/exposure [office] threat=ics-intrusion";
const std::string kVpnIt = "cyber-exposure/exposure [vpn-it] threat=ransomware";
const std::string kGw = "cyber-exposure/exposure [gw] threat=ics-intrusion";
const std::string kHot = "cyber-exposure/exposure [hot] threat=ics-intrusion";
const std::string kFw = "cyber-exposure/exposure [fw] threat=ransomware";
const std::string kPlc = "cyber-exposure/exposure [plc] threat=ics-intrusion";
const std::string kHmi = "cyber-exposure/exposure [hmi] threat=ransomware";

const Finding& only(const std::vector<Finding>& findings, const std::string& asset) {
  const auto* f = find_finding(findings, "exposure", {asset});
  REQUIRE_MESSAGE(f, "no exposure finding for " << asset);
  return *f;
}

}  // namespace

TEST_CASE("cyber-exposure: one finding per reachable asset, none for the others") {
  const auto m = load_test_model("cyber-exposure.yaml");
  const auto feeds = load_feeds();
  const auto findings = run_assessor(*m, "cyber-exposure", settings().with_feeds(&feeds.kev, &feeds.epss));
  CHECK(identities(findings) == lines({kWeb, kRtu, kOffice, kVpnIt, kGw, kHot, kFw, kPlc, kHmi}));
  // In asset (id) order.
  CHECK(identity_sequence(findings) ==
        std::vector<std::string>{kFw, kGw, kHmi, kHot, kOffice, kPlc, kRtu, kVpnIt, kWeb});

  SUBCASE("internet exposure") {
    const auto& f = only(findings, "web");
    CHECK(f.title.en == "Cyber exposure: web — reachable from the internet");
    CHECK(f.likelihood.likelihood_class == 2);
    CHECK(f.likelihood.rationale.en == "base class B, reachable from the internet +1 → class C (steps from the scoring catalogue)");
    CHECK(f.measures == std::vector<std::string>{"iec62443.fr5", "segmentation"});
    CHECK(f.cves.empty());
    CHECK(evidence_en(f) ==
          std::vector<std::string>{"threat ransomware (MITRE ATT&CK: T1566, T1190, T1133, T1078, T1021, T1567, T1490, "
                                   "T1489, T1486, T0828)"});
    CHECK(f.affected.empty());
    CHECK(chain_of(f) == std::vector<std::string>{"web@0"});
  }
  SUBCASE("vendor remote access: MFA lowers the class and is not suggested again") {
    const auto& f = only(findings, "rtu");
    CHECK(f.title.en == "Cyber exposure: rtu — remote access through the vendor's VPN");
    // In words in Dutch too: the model's value (vendor-vpn) is not Dutch.
    CHECK(f.title.nl == "Cyberblootstelling: rtu — toegang op afstand via de VPN van de leverancier");
    CHECK(f.likelihood.likelihood_class == 1);
    CHECK(f.likelihood.rationale.en ==
          "base class B, remote access through the vendor's VPN +1, multi-factor authentication (mfa) -1 → class B (steps from the scoring catalogue)");
    CHECK(f.measures == std::vector<std::string>{"iec62443.fr1", "vendor-access"});
    // Impact: the cascade of its loss — the pumps stop 2h later.
    CHECK(f.affected == std::vector<std::string>{"pumps"});
    CHECK(chain_of(f) == std::vector<std::string>{"rtu@0", "pumps@2<rtu"});
    CHECK(timeline_of(f) == std::vector<std::string>{"0:1:0", "2:2:2000"});
    // 2000 people × 70h = 140000 people-hours (5.1 B); 2000 people (5.3 A).
    CHECK(impact_of(f) == std::vector<std::string>{"5.1=B(140000)", "5.3=A(2000)"});
    CHECK(f.description.en == "A successful attack on rtu takes it down; within 72h 1 other asset then fails.");
  }
  SUBCASE("a mixed IT/OT network") {
    const auto& f = only(findings, "office");
    CHECK(f.title.en == "Cyber exposure: office — IT and OT in one network");
    CHECK(f.likelihood.likelihood_class == 2);
    CHECK(f.measures == std::vector<std::string>{"iec62443.fr5", "segmentation"});
  }
  SUBCASE("a plain VPN") {
    const auto& f = only(findings, "vpn-it");
    CHECK(f.title.en == "Cyber exposure: vpn-it — remote access through a VPN");
    CHECK(f.likelihood.likelihood_class == 2);
    CHECK(f.likelihood.rationale.en == "base class B, remote access through a VPN +1 → class C (steps from the scoring catalogue)");
    CHECK(f.measures == std::vector<std::string>{"iec62443.fr1", "mfa"});
  }
  SUBCASE("direct remote access counts twice; segmentation lowers and is not suggested") {
    const auto& f = only(findings, "gw");
    CHECK(f.title.en == "Cyber exposure: gw — reachable from the internet, direct remote access");
    CHECK(f.likelihood.likelihood_class == 3);
    CHECK(f.likelihood.rationale.en ==
          "base class B, reachable from the internet +1, direct remote access +2, network segmentation (segmentation) -1 → class D (steps from the "
          "scoring catalogue)");
    CHECK(f.measures == std::vector<std::string>{"iec62443.fr1", "iec62443.fr5", "mfa"});
  }
  SUBCASE("the class is clamped at E") {
    const auto& f = only(findings, "hot");
    CHECK(f.likelihood.likelihood_class == 4);
    CHECK(f.likelihood.rationale.en ==
          "base class B, reachable from the internet +1, direct remote access +2, IT and OT in one network +1 → class E (clamped) (steps "
          "from the scoring catalogue)");
    CHECK(f.measures == std::vector<std::string>{"iec62443.fr1", "iec62443.fr5", "mfa", "segmentation"});
  }
  SUBCASE("a KEV product: CVEs sorted, with required action, ransomware use and EPSS") {
    const auto& f = only(findings, "fw");
    CHECK(f.title.en == "Cyber exposure: fw — 2 known exploited vulnerabilities (CISA KEV)");
    REQUIRE(f.cves.size() == 2);
    const auto& first = f.cves[0];
    CHECK(first.cve == "CVE-2023-27997");
    CHECK(first.vendor_project == "Fortinet");
    CHECK(first.product == "FortiGate SSL-VPN");
    CHECK(first.required_action == "Apply updates per vendor instructions.");
    CHECK(first.due_date == "2023-07-04");
    CHECK_FALSE(first.known_ransomware);
    REQUIRE(first.epss);
    CHECK(*first.epss == 0.0625);
    REQUIRE(first.epss_percentile);
    CHECK(*first.epss_percentile == 0.25);
    const auto& second = f.cves[1];
    CHECK(second.cve == "CVE-2024-21762");
    CHECK(second.product == "FortiGate");
    CHECK(second.required_action == "Apply mitigations per vendor instructions.");
    CHECK(second.due_date == "2024-02-16");
    CHECK(second.known_ransomware);
    REQUIRE(second.epss);
    CHECK(*second.epss == 0.5);
    REQUIRE(second.epss_percentile);
    CHECK(*second.epss_percentile == 0.75);
    CHECK(f.likelihood.likelihood_class == 4);
    CHECK(f.likelihood.rationale.en ==
          "base class B, product with an actively exploited vulnerability (KEV) +1, vulnerability known from ransomware (KEV) +1, EPSS at or above the threshold +1 → class E (steps from the scoring "
          "catalogue)");
    CHECK(f.measures == std::vector<std::string>{"backup-offline", "bio.12.6", "patching"});
    CHECK(evidence_en(f) ==
          std::vector<std::string>{
              "product fortinet fortigate 7.0.1",
              "KEV matches vendor and product, not the version: check whether the version and configuration are affected",
              "threat ransomware (MITRE ATT&CK: T1566, T1190, T1133, T1078, T1021, T1567, T1490, T1489, T1486, T0828)"});
  }
  SUBCASE("a KEV product without ransomware use or EPSS; controls the asset has are not suggested") {
    const auto& f = only(findings, "plc");
    CHECK(f.title.en == "Cyber exposure: plc — 1 known exploited vulnerability (CISA KEV)");
    REQUIRE(f.cves.size() == 1);
    CHECK(f.cves[0].cve == "CVE-2019-10929");
    CHECK(f.cves[0].required_action == "Restrict network access to the controller.");
    CHECK_FALSE(f.cves[0].known_ransomware);
    CHECK_FALSE(f.cves[0].epss);
    CHECK_FALSE(f.cves[0].epss_percentile);
    CHECK(f.likelihood.likelihood_class == 1);
    CHECK(f.likelihood.rationale.en ==
          "base class B, product with an actively exploited vulnerability (KEV) +1, network segmentation (segmentation) -1 → class B (steps from the scoring catalogue)");
    CHECK(f.measures == std::vector<std::string>{"bio.12.6"});
    REQUIRE(f.evidence.size() >= 2);
    CHECK(f.evidence[0].en == "product Siemens SIMATIC S7-1500 2.9");
    CHECK(f.evidence[1].en == "product acme widget 1");
    // A product named by its vendor says the name once; no version, no trailing blank.
    REQUIRE(f.evidence.size() >= 4);
    CHECK(f.evidence[2].en == "product drupal 10.1");
    CHECK(f.evidence[3].en == "product acme acmeter");
  }
}

TEST_CASE("cyber-exposure: the EPSS threshold is inclusive") {
  const auto m = load_test_model("cyber-exposure.yaml");
  const auto feeds = load_feeds();
  auto fw_class = [&](const char* json) {
    const auto findings =
        run_assessor(*m, "cyber-exposure", settings().with_options(json).with_feeds(&feeds.kev, &feeds.epss));
    return only(findings, "fw").likelihood.likelihood_class;
  };
  CHECK(fw_class(R"({"epss_threshold": 0.5})") == 4);   // 0.5 ≥ 0.5
  CHECK(fw_class(R"({"epss_threshold": 0.51})") == 3);  // neither 0.5 nor 0.0625 reaches it
  CHECK(fw_class(R"({"epss_threshold": 0.0625})") == 4);
  CHECK(fw_class(R"({"epss_threshold": 0})") == 4);
}

TEST_CASE("cyber-exposure: an EPSS score of the feed equal to the threshold counts") {
  const auto m = load_test_model("cyber-exposure.yaml");
  const auto feeds = load_feeds();
  auto hmi = [&](const char* json) {
    const auto findings =
        run_assessor(*m, "cyber-exposure", settings().with_options(json).with_feeds(&feeds.kev, &feeds.epss));
    return only(findings, "hmi");
  };
  const auto found = hmi("{}");
  REQUIRE(found.cves.size() == 1);
  CHECK(found.cves[0].cve == "CVE-2025-0700");
  REQUIRE(found.cves[0].epss);
  CHECK(*found.cves[0].epss == doctest::Approx(0.7).epsilon(1e-6));  // the feed says 0.7
  CHECK(found.likelihood.likelihood_class == 3);  // B + kev_product + epss_above_threshold
  CHECK(found.measures == std::vector<std::string>{"bio.12.6", "patching"});
  CHECK(hmi(R"({"epss_threshold": 0.69})").likelihood.likelihood_class == 3);
  CHECK(hmi(R"({"epss_threshold": 0.71})").likelihood.likelihood_class == 2);
  // "At or above the threshold" (cyber_likelihood.hpp): the feed's 0.7 reaches a threshold of 0.7.
  // EpssScores keeps float scores; cyber_exposure.cpp rounds them back to the feed's 5 decimals,
  // so 0.7f (0.69999998807907 as a double) compares as 0.7.
  CHECK(hmi(R"({"epss_threshold": 0.7})").likelihood.likelihood_class == 3);
}

TEST_CASE("cyber-exposure: without the feeds") {
  const auto m = load_test_model("cyber-exposure.yaml");
  const auto feeds = load_feeds();
  const std::string no_cache = "no KEV cache: known vulnerabilities not checked (knelpunt catalog fetch kev)";

  SUBCASE("no KEV cache: KEV products are not found, exposed assets say so") {
    const auto findings = run_assessor(*m, "cyber-exposure");
    CHECK(identities(findings) == lines({kWeb, kRtu, kOffice, kVpnIt, kGw, kHot}));
    for (const auto& f : findings) {
      CHECK(f.cves.empty());
      const auto evidence = evidence_en(f);
      CHECK(std::count(evidence.begin(), evidence.end(), no_cache) == 1);
    }
  }
  SUBCASE("kev: false ignores the cache and says nothing about it") {
    const auto findings =
        run_assessor(*m, "cyber-exposure", settings().with_options(R"({"kev": false})").with_feeds(&feeds.kev, &feeds.epss));
    CHECK(identities(findings) == lines({kWeb, kRtu, kOffice, kVpnIt, kGw, kHot}));
    for (const auto& f : findings) {
      const auto evidence = evidence_en(f);
      CHECK(std::count(evidence.begin(), evidence.end(), no_cache) == 0);
    }
  }
  SUBCASE("KEV without EPSS: no scores, no EPSS step") {
    const auto findings = run_assessor(*m, "cyber-exposure", settings().with_feeds(&feeds.kev, nullptr));
    CHECK(identities(findings) == lines({kWeb, kRtu, kOffice, kVpnIt, kGw, kHot, kFw, kPlc, kHmi}));
    const auto& fw = only(findings, "fw");
    REQUIRE(fw.cves.size() == 2);
    CHECK_FALSE(fw.cves[0].epss);
    CHECK_FALSE(fw.cves[1].epss);
    CHECK(fw.likelihood.likelihood_class == 3);  // B + kev_product + kev_ransomware
  }
}

TEST_CASE("cyber-exposure: the steps come from the scoring catalogue") {
  const auto m = load_test_model("cyber-exposure.yaml");
  auto reference = m->reference;
  reference.scoring.cyber_base_likelihood = 0;                // A
  reference.scoring.likelihood_steps["internet_exposed"] = 3;  // A + 3 = D
  reference.scoring.likelihood_steps.erase("mfa");            // no longer lowers
  const auto findings = run_assessor(*m, "cyber-exposure", settings().with_reference(&reference));
  CHECK(only(findings, "web").likelihood.likelihood_class == 3);
  CHECK(only(findings, "web").likelihood.rationale.en ==
        "base class A, reachable from the internet +3 → class D (steps from the scoring catalogue)");
  CHECK(only(findings, "rtu").likelihood.likelihood_class == 1);  // A + vendor_remote_access
  CHECK(only(findings, "office").likelihood.likelihood_class == 1);
}

TEST_CASE("cyber-exposure: options are checked") {
  const auto m = load_test_model("cyber-exposure.yaml");
  CHECK_FALSE(
      configure_diagnostics("cyber-exposure", options(R"({"kev": true, "epss_threshold": 0.2})"), m->reference).has_errors());
  const auto unknown = configure_diagnostics("cyber-exposure", options(R"({"epss": 0.2})"), m->reference);
  CHECK(unknown.error_count() == 1);
  CHECK(messages(unknown).find("has no option 'epss'") != std::string::npos);
  CHECK(configure_diagnostics("cyber-exposure", options(R"({"epss_threshold": 1.5})"), m->reference).has_errors());
  CHECK(configure_diagnostics("cyber-exposure", options(R"({"kev": "yes"})"), m->reference).has_errors());
}

TEST_CASE("cyber-exposure: the same findings with 1 and 4 threads") {
  const auto m = load_test_model("cyber-exposure.yaml");
  const auto feeds = load_feeds();
  const auto one = run_assessor(*m, "cyber-exposure", settings().with_feeds(&feeds.kev, &feeds.epss).with_threads(1));
  const auto four = run_assessor(*m, "cyber-exposure", settings().with_feeds(&feeds.kev, &feeds.epss).with_threads(4));
  CHECK(one.size() == 9);
  CHECK(dump(one) == dump(four));
}

TEST_CASE("cyber-exposure: the measures are the controls whose answers name an exposure, so overrides count") {
  const auto m = load_test_model("cyber-exposure.yaml");
  // As a model's catalogs: override would leave it: mfa no longer answers
  // remote access, a new jump-host control does.
  auto overridden = m->reference;
  overridden.controls.at("mfa").answers.clear();
  catalogs::Control jump_host;
  jump_host.id = "jump-host";
  jump_host.name = "Beheerserver";
  jump_host.answers = {"remote-access"};
  overridden.controls.emplace(jump_host.id, jump_host);
  const auto shipped = run_assessor(*m, "cyber-exposure");
  const auto findings = run_assessor(*m, "cyber-exposure", settings().with_reference(&overridden));
  CHECK(only(shipped, "vpn-it").measures == std::vector<std::string>{"iec62443.fr1", "mfa"});
  CHECK(only(findings, "vpn-it").measures == std::vector<std::string>{"iec62443.fr1", "jump-host"});
  // web is only exposed to the internet: the override does not touch it.
  CHECK(only(findings, "web").measures == std::vector<std::string>{"iec62443.fr5", "segmentation"});
}
