#pragma once
/// The likelihood of a cyber finding about one asset: the scoring
/// catalogue's base class (`likelihood.steps.base`), moved up or down one
/// step per condition the asset meets (`likelihood.steps`, docs/assessors.md):
/// internet exposure, remote access (direct, vendor VPN, other VPN), a mixed
/// IT/OT network, products in the KEV catalogue (and known ransomware use),
/// an EPSS score at or above the threshold; MFA and segmentation among its
/// controls lower it. Clamped to A…E. The rationale names every step taken.

#include <vector>

#include "assessors/finding.hpp"
#include "catalogs/scoring_method.hpp"
#include "model/model.hpp"

namespace knelpunt::assessors {

/// What the cyber-exposure assessor found out about one asset's feeds.
struct CyberFeedFacts {
  bool kev_product = false;           ///< one of its products is in the KEV catalogue
  bool kev_ransomware = false;        ///< … with knownRansomwareCampaignUse = Known
  bool epss_above_threshold = false;  ///< one of those CVEs has EPSS ≥ the threshold
};

Likelihood cyber_likelihood(const model::Asset& asset, const CyberFeedFacts& facts, const catalogs::ScoringMethod& scoring);

/// The likelihood conditions `asset` meets, as `likelihood.steps` keys, in a fixed order.
std::vector<std::string> cyber_conditions(const model::Asset& asset, const CyberFeedFacts& facts);

}  // namespace knelpunt::assessors
