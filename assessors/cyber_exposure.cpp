/// cyber-exposure: one finding per asset that an attacker can reach or that
/// runs a product with known exploited vulnerabilities — internet exposure,
/// remote access (direct, vendor VPN, VPN), a mixed IT/OT network, and
/// products in the cached CISA KEV catalogue (with their EPSS scores when the
/// EPSS cache has them). Assets with none of these give no finding.
///
/// Likelihood: cyber_likelihood.hpp (steps from the scoring catalogue);
/// KEV entries with knownRansomwareCampaignUse = Known raise it once more.
/// Impact: the cascade of the asset's loss. Threat: ransomware when a
/// ransomware-used CVE is present, else ics-intrusion on OT or mixed
/// networks, else ransomware. Measures: the controls of the controls
/// catalogue whose `answers` name one of the asset's exposures (shipped:
/// patching for KEV, MFA for remote access, vendor-access for a vendor VPN,
/// segmentation for internet exposure, direct access and mixing, offline
/// back-ups for ransomware-used CVEs; docs/catalogs.md), minus the controls
/// the asset already has.
/// Options: kev (default true: use the KEV cache), epss_threshold (default 0.1).

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "assessors/assessor_options.hpp"
#include "assessors/assessor_texts.hpp"
#include "assessors/local_format.hpp"
#include "assessors/builtin_assessors.hpp"
#include "assessors/cyber_likelihood.hpp"
#include "assessors/impact_estimator.hpp"
#include "assessors/structural_measures.hpp"
#include "catalogs/epss_scores.hpp"
#include "catalogs/kev_catalog.hpp"

namespace knelpunt::assessors {

namespace {

class CyberExposureAssessor : public Assessor {
 public:
  std::string_view name() const override { return "cyber-exposure"; }

  void configure(const catalogs::Json& options, const catalogs::ReferenceData&, const model::SourceLocation& where,
                 model::Diagnostics& diagnostics) override {
    AssessorOptions reader(options, name(), where, diagnostics, {"kev", "epss_threshold"});
    use_kev_ = reader.boolean("kev", true);
    epss_threshold_ = reader.number("epss_threshold", 0.1, 0, 1);
    keep_effective_options(reader);
  }

  std::vector<Finding> assess(const AssessmentContext& context) const override {
    std::vector<Finding> findings;
    for (model::AssetIndex a = 0; a < context.graph.asset_count(); ++a) {
      const auto& asset = context.model.assets[a];
      if (asset.is_virtual || !asset.cyber->present) continue;
      auto finding = finding_for(a, context);
      if (finding) findings.push_back(std::move(*finding));
    }
    return findings;
  }

 private:
  /// The KEV entries of the products the asset runs, sorted by CVE id and
  /// unique, with their EPSS scores; records what they imply in `facts`.
  std::vector<CveEvidence> known_exploited(const model::CyberProfile& cyber, const AssessmentContext& context,
                                           CyberFeedFacts& facts) const {
    std::vector<CveEvidence> cves;
    if (!use_kev_ || !context.kev) return cves;
    for (const auto& product : cyber.products)
      for (const auto* entry : catalogs::find_kev_entries(*context.kev, product.vendor, product.product)) {
        CveEvidence cve;
        cve.cve = entry->cve_id;
        cve.vendor_project = entry->vendor_project;
        cve.product = entry->product;
        cve.required_action = entry->required_action;
        cve.due_date = entry->due_date;
        cve.known_ransomware = entry->known_ransomware;
        if (context.epss)
          if (auto score = context.epss->lookup(entry->cve_id)) {
            // The feed publishes 5 decimals and the table keeps floats: round back
            // to the feed's value so 0.7 stays 0.7 (threshold tests, output).
            cve.epss = std::round(score->epss * 1e5) / 1e5;
            cve.epss_percentile = std::round(score->percentile * 1e5) / 1e5;
          }
        facts.kev_product = true;
        facts.kev_ransomware = facts.kev_ransomware || cve.known_ransomware;
        facts.epss_above_threshold = facts.epss_above_threshold || (cve.epss && *cve.epss >= epss_threshold_);
        cves.push_back(std::move(cve));
      }
    std::sort(cves.begin(), cves.end(), [](const auto& x, const auto& y) { return x.cve < y.cve; });
    cves.erase(std::unique(cves.begin(), cves.end(), [](const auto& x, const auto& y) { return x.cve == y.cve; }),
               cves.end());
    return cves;
  }

  std::optional<Finding> finding_for(model::AssetIndex a, const AssessmentContext& context) const {
    const auto& asset = context.model.assets[a];
    const auto& cyber = *asset.cyber;
    Finding finding;
    CyberFeedFacts facts;
    finding.cves = known_exploited(cyber, context, facts);
    const auto exposures = exposures_of(cyber, facts);
    if (exposures.empty()) return std::nullopt;

    finding.assessor = std::string(name());
    finding.kind = "exposure";
    finding.assets = {asset.id};
    finding.threat = facts.kev_ransomware ? "ransomware"
                     : (cyber.network == "ot" || cyber.network == "mixed") ? "ics-intrusion"
                                                                           : "ransomware";
    if (!context.reference.threat(finding.threat)) finding.threat.clear();
    const std::string label = asset_label(asset);
    finding.title = local_text(Phrase::exposure_title, label, joined(exposure_facts(cyber, finding.cves.size()), ", "));
    finding.evidence = evidence(cyber, facts, finding.threat, context);

    const engine::Seed seed{a, 0};
    auto outcome = context.impact.outcome({&seed, 1});
    const std::size_t others = outcome.affected.size();
    finding.description =
        local_text(by_count(others, Phrase::exposure_description_one, Phrase::exposure_description_many), label,
                   local_hours(context.impact.horizon_of({&seed, 1})),
                   counted(others, Phrase::other_assets_one, Phrase::other_assets_many));
    take_cascade(finding, std::move(outcome));
    finding.likelihood = cyber_likelihood(asset, facts, context.reference.scoring);
    finding.measures = answering_controls(exposures, cyber, context.reference);
    return finding;
  }

  /// The exposures (catalogs::kCyberExposures) the asset has; empty when none.
  static std::vector<std::string_view> exposures_of(const model::CyberProfile& cyber, const CyberFeedFacts& facts) {
    std::vector<std::string_view> exposures;
    if (cyber.internet_exposed) exposures.emplace_back("internet-exposed");
    if (remote(cyber)) exposures.emplace_back("remote-access");
    if (cyber.remote_access == "vendor-vpn") exposures.emplace_back("vendor-remote-access");
    if (cyber.remote_access == "direct") exposures.emplace_back("direct-remote-access");
    if (cyber.network == "mixed") exposures.emplace_back("mixed-network");
    if (facts.kev_product) exposures.emplace_back("kev-product");
    if (facts.kev_ransomware) exposures.emplace_back("kev-ransomware");
    return exposures;
  }

  static bool remote(const model::CyberProfile& cyber) {
    return cyber.remote_access != "none" && !cyber.remote_access.empty();
  }

  /// The exposures in words, for the title.
  /// The model's remote-access value in words (the reader validates it).
  static LocalText remote_access_text(const std::string& remote_access) {
    if (remote_access == "vpn") return local_text(Phrase::exposure_remote_vpn);
    if (remote_access == "vendor-vpn") return local_text(Phrase::exposure_remote_vendor_vpn);
    if (remote_access == "direct") return local_text(Phrase::exposure_remote_direct);
    return local_text(Phrase::exposure_remote_access, remote_access);
  }

  static std::vector<LocalText> exposure_facts(const model::CyberProfile& cyber, std::size_t cve_count) {
    std::vector<LocalText> facts;
    if (cyber.internet_exposed) facts.push_back(local_text(Phrase::exposure_internet));
    if (remote(cyber)) facts.push_back(remote_access_text(cyber.remote_access));
    if (cyber.network == "mixed") facts.push_back(local_text(Phrase::exposure_mixed_network));
    if (cve_count > 0) facts.push_back(counted(cve_count, Phrase::exposure_kev_one, Phrase::exposure_kev_many));
    return facts;
  }

  /// "schneider electric modicon m580 3.20", "drupal 10.1" (not "drupal
  /// drupal 10.1"): vendor, product and version as far as the model gives
  /// them, the vendor left out when the product's name starts with it.
  static std::string product_name(const model::CyberProduct& product) {
    std::vector<std::string_view> parts;
    const std::string_view vendor = product.vendor, name = product.product;
    const bool named_by_vendor =
        !vendor.empty() && name.size() >= vendor.size() &&
        (name.size() == vendor.size() || name[vendor.size()] == ' ') &&
        std::equal(vendor.begin(), vendor.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        });
    if (!named_by_vendor && !product.vendor.empty()) parts.push_back(product.vendor);
    if (!product.product.empty()) parts.push_back(product.product);
    if (!product.version.empty()) parts.push_back(product.version);
    return fmt::format("{}", fmt::join(parts, " "));
  }

  /// The products, the KEV caveats and the threat's ATT&CK techniques.
  std::vector<LocalText> evidence(const model::CyberProfile& cyber, const CyberFeedFacts& facts,
                                  const std::string& threat_id, const AssessmentContext& context) const {
    std::vector<LocalText> evidence;
    for (const auto& product : cyber.products)
      evidence.push_back(local_text(Phrase::product, product_name(product)));
    if (facts.kev_product) evidence.push_back(local_text(Phrase::kev_version_caveat));
    if (use_kev_ && !context.kev) evidence.push_back(local_text(Phrase::kev_not_checked));
    if (const auto* threat = context.reference.threat(threat_id)) {
      std::vector<std::string> techniques;
      for (const auto& technique : threat->attack) techniques.push_back(technique.id);
      if (!techniques.empty())
        evidence.push_back(local_text(Phrase::threat_attack,
                                      threat_name(context.reference, threat->id),
                                      fmt::join(techniques, ", ")));
    }
    return evidence;
  }

  /// The controls of the effective catalogue that answer one of `exposures`
  /// (their `answers`, so a model's catalogue override is honoured) and that
  /// the asset does not have yet; sorted.
  static std::vector<std::string> answering_controls(const std::vector<std::string_view>& exposures,
                                                     const model::CyberProfile& cyber,
                                                     const catalogs::ReferenceData& reference) {
    std::vector<std::string> measures;
    for (const auto& [id, control] : reference.controls) {
      const bool answers = std::any_of(control.answers.begin(), control.answers.end(), [&](const auto& exposure) {
        return std::find(exposures.begin(), exposures.end(), exposure) != exposures.end();
      });
      if (answers && std::find(cyber.controls.begin(), cyber.controls.end(), id) == cyber.controls.end())
        measures.push_back(id);
    }
    return measures;  // reference.controls is sorted by id
  }

  bool use_kev_ = true;
  double epss_threshold_ = 0.1;
};

}  // namespace

std::unique_ptr<Assessor> make_cyber_exposure_assessor() { return std::make_unique<CyberExposureAssessor>(); }

}  // namespace knelpunt::assessors
