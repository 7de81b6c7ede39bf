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
/// networks, else ransomware. Measures: per condition (patching for KEV,
/// MFA and vendor-access for remote access, segmentation for exposure and
/// mixing), minus the controls the asset already has.
/// Options: kev (default true: use the KEV cache), epss_threshold (default 0.1).

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "assessors/assessor_options.hpp"
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
  }

  std::vector<Finding> assess(const AssessmentContext& context) const override {
    std::vector<Finding> findings;
    for (model::AssetIndex a = 0; a < context.graph.asset_count(); ++a) {
      const auto& asset = context.model.assets[a];
      if (asset.is_virtual || !asset.cyber.present) continue;
      auto finding = finding_for(a, context);
      if (finding) findings.push_back(std::move(*finding));
    }
    return findings;
  }

 private:
  std::optional<Finding> finding_for(model::AssetIndex a, const AssessmentContext& context) const {
    const auto& asset = context.model.assets[a];
    const auto& cyber = asset.cyber;
    Finding finding;
    CyberFeedFacts facts;
    if (use_kev_ && context.kev) {
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
          finding.cves.push_back(std::move(cve));
        }
      std::sort(finding.cves.begin(), finding.cves.end(), [](const auto& x, const auto& y) { return x.cve < y.cve; });
      finding.cves.erase(std::unique(finding.cves.begin(), finding.cves.end(),
                                     [](const auto& x, const auto& y) { return x.cve == y.cve; }),
                         finding.cves.end());
    }
    const bool remote = cyber.remote_access != "none" && !cyber.remote_access.empty();
    const bool exposed = cyber.internet_exposed || remote || cyber.network == "mixed" || facts.kev_product;
    if (!exposed) return std::nullopt;

    finding.assessor = std::string(name());
    finding.kind = "exposure";
    finding.assets = {asset.id};
    finding.threat = facts.kev_ransomware ? "ransomware"
                     : (cyber.network == "ot" || cyber.network == "mixed") ? "ics-intrusion"
                                                                           : "ransomware";
    if (!context.reference.threat(finding.threat)) finding.threat.clear();

    std::vector<std::string> facts_nl, facts_en;
    if (cyber.internet_exposed) {
      facts_nl.emplace_back("bereikbaar vanaf internet");
      facts_en.emplace_back("reachable from the internet");
    }
    if (remote) {
      facts_nl.push_back(fmt::format("toegang op afstand ({})", cyber.remote_access));
      facts_en.push_back(fmt::format("remote access ({})", cyber.remote_access));
    }
    if (cyber.network == "mixed") {
      facts_nl.emplace_back("IT en OT in één netwerk");
      facts_en.emplace_back("IT and OT in one network");
    }
    if (facts.kev_product) {
      facts_nl.push_back(fmt::format("{} actief misbruikte kwetsba{} (CISA KEV)", finding.cves.size(),
                                     finding.cves.size() == 1 ? "arheid" : "arheden"));
      facts_en.push_back(fmt::format("{} known exploited vulnerabilit{} (CISA KEV)", finding.cves.size(),
                                     finding.cves.size() == 1 ? "y" : "ies"));
    }
    const std::string label = asset_label(asset);
    finding.title = {fmt::format("Cyberblootstelling: {} — {}", label, fmt::join(facts_nl, ", ")),
                     fmt::format("Cyber exposure: {} — {}", label, fmt::join(facts_en, ", "))};

    for (const auto& product : cyber.products)
      finding.evidence.push_back(
          {fmt::format("product {} {} {}", product.vendor, product.product, product.version),
           fmt::format("product {} {} {}", product.vendor, product.product, product.version)});
    if (facts.kev_product)
      finding.evidence.push_back(
          {fmt::format("KEV vergelijkt leverancier en product, niet de versie: controleer of versie en configuratie "
                       "kwetsbaar zijn"),
           fmt::format("KEV matches vendor and product, not the version: check whether the version and configuration "
                       "are affected")});
    if (use_kev_ && !context.kev)
      finding.evidence.push_back({"geen KEV-cache: bekende kwetsbaarheden niet gecontroleerd (knelpunt catalog fetch kev)",
                                  "no KEV cache: known vulnerabilities not checked (knelpunt catalog fetch kev)"});
    if (const auto* threat = context.reference.threat(finding.threat)) {
      std::vector<std::string> techniques;
      for (const auto& technique : threat->attack) techniques.push_back(technique.id);
      if (!techniques.empty())
        finding.evidence.push_back({fmt::format("dreiging {} (MITRE ATT&CK: {})", threat->id, fmt::join(techniques, ", ")),
                                    fmt::format("threat {} (MITRE ATT&CK: {})", threat->id, fmt::join(techniques, ", "))});
    }

    const engine::Seed seed{a, 0};
    auto outcome = context.impact.outcome({&seed, 1});
    const std::string horizon = model::format_hours(context.horizon);
    finding.description = {
        fmt::format("Een geslaagde aanval op {} legt het object stil; binnen {} {} dan {} uit.", label, horizon,
                    outcome.affected.size() == 1 ? "valt" : "vallen", other_assets_nl(outcome.affected.size())),
        fmt::format("A successful attack on {} takes it down; within {} {} then {}.", label, horizon,
                    other_assets_en(outcome.affected.size()), outcome.affected.size() == 1 ? "fails" : "fail")};
    finding.affected = std::move(outcome.affected);
    finding.chain = std::move(outcome.chain);
    finding.timeline = std::move(outcome.timeline);
    finding.impact = std::move(outcome.impact);
    finding.likelihood = cyber_likelihood(asset, facts, context.reference.scoring);

    std::vector<std::string> measures;
    if (facts.kev_product) measures.insert(measures.end(), {"patching", "bio.12.6"});
    if (remote) measures.insert(measures.end(), {"mfa", "iec62443.fr1"});
    if (cyber.remote_access == "vendor-vpn") measures.emplace_back("vendor-access");
    if (cyber.internet_exposed || cyber.remote_access == "direct") measures.insert(measures.end(), {"segmentation", "iec62443.fr5"});
    if (cyber.network == "mixed") measures.insert(measures.end(), {"segmentation", "iec62443.fr5"});
    if (facts.kev_ransomware) measures.emplace_back("backup-offline");
    for (const auto& id : measures)
      if (context.reference.control(id) &&
          std::find(cyber.controls.begin(), cyber.controls.end(), id) == cyber.controls.end())
        finding.measures.push_back(id);
    std::sort(finding.measures.begin(), finding.measures.end());
    finding.measures.erase(std::unique(finding.measures.begin(), finding.measures.end()), finding.measures.end());
    return finding;
  }

  bool use_kev_ = true;
  double epss_threshold_ = 0.1;
};

}  // namespace

std::unique_ptr<Assessor> make_cyber_exposure_assessor() { return std::make_unique<CyberExposureAssessor>(); }

}  // namespace knelpunt::assessors
