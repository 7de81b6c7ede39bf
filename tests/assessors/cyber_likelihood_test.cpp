// cyber_likelihood (assessors/cyber_likelihood.cpp): the likelihood of a cyber
// finding, stepped from the scoring catalogue's base class. The steps of the
// shipped catalogs/scoring.yaml: base B; internet_exposed +1,
// direct_remote_access +2, vendor_remote_access +1, remote_access +1,
// mixed_network +1, kev_product +1, kev_ransomware +1, epss_above_threshold +1,
// mfa −1, segmentation −1.

#include <doctest/doctest.h>

#include "assessors/cyber_likelihood.hpp"
#include "tests/assessors/assessor_fixture.hpp"

using namespace knelpunt;
using namespace knelpunt::test;
using assessors::CyberFeedFacts;

namespace {

catalogs::ScoringMethod shipped_scoring() {
  model::Diagnostics diagnostics;
  const auto set = catalogs::load_catalog_set(std::string(KNELPUNT_SOURCE_DIR) + "/catalogs", diagnostics);
  auto reference = catalogs::read_reference_data(set, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  return reference.scoring;
}

model::Asset cyber_asset(bool exposed, std::string remote, std::string network, std::vector<std::string> controls) {
  model::Asset asset;
  asset.id = "x";
  asset.cyber.edit().present = true;
  asset.cyber.edit().internet_exposed = exposed;
  asset.cyber.edit().remote_access = std::move(remote);
  asset.cyber.edit().network = std::move(network);
  asset.cyber.edit().controls = std::move(controls);
  return asset;
}

}  // namespace

TEST_CASE("cyber likelihood: the conditions an asset meets, in a fixed order") {
  const CyberFeedFacts all{true, true, true};
  CHECK(assessors::cyber_conditions(cyber_asset(true, "vendor-vpn", "mixed", {"segmentation", "x", "mfa"}), all) ==
        std::vector<std::string>{"internet_exposed", "vendor_remote_access", "mixed_network", "kev_product",
                                 "kev_ransomware", "epss_above_threshold", "mfa", "segmentation"});
  CHECK(assessors::cyber_conditions(cyber_asset(false, "none", "ot", {}), {}).empty());
  CHECK(assessors::cyber_conditions(cyber_asset(false, "direct", "it", {}), {}) ==
        std::vector<std::string>{"direct_remote_access"});
  CHECK(assessors::cyber_conditions(cyber_asset(false, "vpn", "", {}), {}) == std::vector<std::string>{"remote_access"});
  CHECK(assessors::cyber_conditions(cyber_asset(false, "none", "it", {}), CyberFeedFacts{true, false, false}) ==
        std::vector<std::string>{"kev_product"});
}

TEST_CASE("cyber likelihood: base class and steps from the scoring catalogue") {
  const auto scoring = shipped_scoring();
  REQUIRE(scoring.cyber_base_likelihood == 1);

  const auto none = assessors::cyber_likelihood(cyber_asset(false, "none", "ot", {}), {}, scoring);
  CHECK(none.likelihood_class == 1);
  CHECK(none.rationale.en == "base class B for cyber threats; no conditions raise or lower it");

  const auto kev = assessors::cyber_likelihood(cyber_asset(false, "vpn", "it", {"mfa"}), CyberFeedFacts{true, true, false},
                                               scoring);
  CHECK(kev.likelihood_class == 3);  // B + 1 + 1 + 1 − 1
  CHECK(kev.rationale.en ==
        "base class B, remote access through a VPN +1, product with an actively exploited vulnerability (KEV) +1, vulnerability known from ransomware (KEV) +1, multi-factor authentication (mfa) -1 → class D (steps from the scoring "
        "catalogue)");

  SUBCASE("clamped at A") {
    const auto low = assessors::cyber_likelihood(cyber_asset(false, "none", "it", {"mfa", "segmentation"}), {}, scoring);
    CHECK(low.likelihood_class == 0);
    CHECK(low.rationale.en == "base class B, multi-factor authentication (mfa) -1, network segmentation (segmentation) -1 → class A (clamped) (steps from the scoring catalogue)");
  }
  SUBCASE("clamped at E") {
    const auto high = assessors::cyber_likelihood(cyber_asset(true, "direct", "mixed", {}), CyberFeedFacts{true, true, true},
                                                  scoring);
    CHECK(high.likelihood_class == 4);
    CHECK(high.rationale.en.find("→ class E (clamped)") != std::string::npos);
  }
  SUBCASE("exactly E is not clamped") {
    const auto e = assessors::cyber_likelihood(cyber_asset(true, "direct", "it", {}), {}, scoring);  // B + 1 + 2
    CHECK(e.likelihood_class == 4);
    CHECK(e.rationale.en == "base class B, reachable from the internet +1, direct remote access +2 → class E (steps from the scoring catalogue)");
    // The board reads the conditions in words, not as the catalogue's (English) step keys.
    CHECK(e.rationale.nl ==
          "basisklasse B, bereikbaar vanaf internet +1, rechtstreekse toegang op afstand +2 → klasse E (stappen uit de "
          "scoringscatalogus)");
  }
  SUBCASE("another catalogue, other steps; a zero step is not named") {
    auto custom = scoring;
    custom.cyber_base_likelihood = 2;
    custom.likelihood_steps["internet_exposed"] = 0;
    custom.likelihood_steps["mixed_network"] = -2;
    const auto result = assessors::cyber_likelihood(cyber_asset(true, "none", "mixed", {}), {}, custom);
    CHECK(result.likelihood_class == 0);
    CHECK(result.rationale.en == "base class C, IT and OT in one network -2 → class A (steps from the scoring catalogue)");
  }
}
