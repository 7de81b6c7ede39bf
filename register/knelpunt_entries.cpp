#include "register/knelpunt_entries.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "assessors/structural_measures.hpp"
#include "model/keep_flagged.hpp"
#include "register/co_located_entries.hpp"
#include "register/register_texts.hpp"
#include "register/risk_id.hpp"

namespace knelpunt::risk_register {

namespace {

/// The asset kinds in the order their cascade is preferred as the entry's
/// own (single point first: its cascade is the asset's plain failure).
/// A zone of one object comes last: its loss is that object's failure, the
/// same cascade, for a local threat (decision 053).
constexpr std::array<std::string_view, 5> kAssetKinds{"spof", "reach", "exposure", "missing-controls", "zone"};

std::size_t kind_rank(std::string_view kind) {
  return static_cast<std::size_t>(std::find(kAssetKinds.begin(), kAssetKinds.end(), kind) - kAssetKinds.begin());
}

Label kind_label(std::string_view kind) {
  if (kind == "spof") return Label::kind_spof;
  if (kind == "reach") return Label::kind_reach;
  if (kind == "exposure") return Label::kind_exposure;
  if (kind == "zone") return Label::kind_zone;
  return Label::kind_missing_controls;
}

assessors::LocalText both(Label key) { return {std::string(label(key, "nl")), std::string(label(key, "en"))}; }

/// "Knelpunt: NAME (id) — enkelvoudig faalpunt, cyberblootstelling".
assessors::LocalText knelpunt_title(const model::Model& model, const std::string& asset,
                                    const std::vector<const assessors::Finding*>& parts) {
  std::vector<std::string> nl, en;
  for (const auto* part : parts) {
    const auto text = both(kind_label(part->kind));
    if (std::find(nl.begin(), nl.end(), text.nl) == nl.end()) nl.push_back(text.nl);
    if (std::find(en.begin(), en.end(), text.en) == en.end()) en.push_back(text.en);
  }
  const std::string name = assessors::asset_label(model, asset);
  return {fmt::format("{}: {} — {}", label(Label::knelpunt_title, "nl"), name, fmt::join(nl, ", ")),
          fmt::format("{}: {} — {}", label(Label::knelpunt_title, "en"), name, fmt::join(en, ", "))};
}

/// The highest likelihood governs; the others are listed after it. Analyses
/// that give the same class for the same reason (single point and reach both
/// use the asset's own failure probability) are named together, once.
assessors::Likelihood governing_likelihood(const std::vector<const assessors::Finding*>& parts) {
  const auto* governing = *std::max_element(parts.begin(), parts.end(), [](const auto* a, const auto* b) {
    return a->likelihood.likelihood_class < b->likelihood.likelihood_class;  // first of the highest wins
  });
  // (class, Dutch rationale) → the parts that give it, in the parts' order.
  std::vector<std::vector<const assessors::Finding*>> groups;
  for (const auto* part : parts) {
    auto same = std::find_if(groups.begin(), groups.end(), [&](const auto& group) {
      return group.front()->likelihood.likelihood_class == part->likelihood.likelihood_class &&
             group.front()->likelihood.rationale == part->likelihood.rationale;
    });
    if (same == groups.end())
      groups.push_back({part});
    else
      same->push_back(part);
  }
  auto describe = [](const std::vector<const assessors::Finding*>& group, std::string_view lang) {
    std::vector<std::string_view> kinds;
    for (const auto* part : group) kinds.push_back(label(kind_label(part->kind), lang));
    const auto& likelihood = group.front()->likelihood;
    return fmt::format("{} {}: {}", fmt::join(kinds, ", "), catalogs::class_letter(likelihood.likelihood_class),
                       likelihood.rationale.in(lang));
  };
  assessors::Likelihood result = governing->likelihood;
  std::string nl, en, others_nl, others_en;
  for (const auto& group : groups) {
    const bool governs = std::find(group.begin(), group.end(), governing) != group.end();
    if (governs) {
      nl = fmt::format("{} {}", label(Label::governing_likelihood, "nl"), describe(group, "nl"));
      en = fmt::format("{} {}", label(Label::governing_likelihood, "en"), describe(group, "en"));
    } else {
      others_nl += (others_nl.empty() ? "" : "; ") + describe(group, "nl");
      others_en += (others_en.empty() ? "" : "; ") + describe(group, "en");
    }
  }
  if (!others_nl.empty()) {
    nl += fmt::format("; {} {}", label(Label::other_likelihoods, "nl"), others_nl);
    en += fmt::format("; {} {}", label(Label::other_likelihoods, "en"), others_en);
  }
  result.rationale = {nl, en};
  return result;
}

/// One finding for `asset` from its parts (sorted by kind rank, at least one);
/// `headlines` gets the indices of the evidence lines that are the parts' titles.
assessors::Finding merge_parts(const model::Model& model, const std::string& asset,
                               std::vector<const assessors::Finding*> parts, std::vector<std::size_t>& headlines) {
  const auto& own = *parts.front();  // the asset's own failure cascade
  assessors::Finding merged;
  merged.assessor = "knelpunt";
  merged.kind = "knelpunt";
  merged.assets = {asset};
  merged.title = knelpunt_title(model, asset, parts);
  merged.description = own.description;
  merged.affected = own.affected;
  merged.horizon_h = own.horizon_h;
  merged.chain = own.chain;
  merged.chain_omitted = own.chain_omitted;
  merged.timeline = own.timeline;
  merged.impact = own.impact;
  merged.no_impact_reason = own.no_impact_reason;
  merged.likelihood = governing_likelihood(parts);
  const auto governing = std::find_if(parts.begin(), parts.end(), [&](const auto* p) {
    return p->likelihood.likelihood_class == merged.likelihood.likelihood_class;
  });
  merged.threat = (*governing)->threat;
  std::set<std::string> measures;
  std::map<std::string, assessors::CveEvidence> cves;
  for (const auto* part : parts) {
    headlines.push_back(merged.evidence.size());
    merged.evidence.push_back(part->title);
    for (const auto& line : part->evidence)
      if (std::find(merged.evidence.begin(), merged.evidence.end(), line) == merged.evidence.end())
        merged.evidence.push_back(line);
    measures.insert(part->measures.begin(), part->measures.end());
    for (const auto& cve : part->cves) cves.emplace(cve.cve, cve);
  }
  merged.measures.assign(measures.begin(), measures.end());
  for (auto& [id, cve] : cves) merged.cves.push_back(std::move(cve));
  return merged;
}

/// The one non-virtual object of each zone that has exactly one (the zone
/// assessor fails a zone's non-virtual objects); zones with more are absent.
std::map<std::string, std::string, std::less<>> single_object_zones(const model::Model& model) {
  std::map<std::string, std::string, std::less<>> only;
  std::set<std::string, std::less<>> several;
  for (const auto& asset : model.assets) {
    if (asset.is_virtual) continue;
    for (const auto& zone : asset.zones) {
      if (several.count(zone)) continue;
      const auto [at, inserted] = only.emplace(std::string(zone), asset.id);
      if (!inserted) {
        only.erase(at);
        several.emplace(zone);
      }
    }
  }
  return only;
}

}  // namespace

bool is_asset_kind(std::string_view kind) { return kind_rank(kind) < kAssetKinds.size() && kind != "zone"; }

namespace {

/// The asset a finding is about when it is about one: an asset kind's
/// asset, or a zone finding's only object (`single_object`: zone → its one
/// non-virtual object). Merged per that asset.
std::optional<std::string> subject_asset(const assessors::Finding& finding,
                                         const std::map<std::string, std::string, std::less<>>& single_object) {
  if (is_asset_kind(finding.kind) && finding.assets.size() == 1) return finding.assets[0];
  if (finding.kind == "zone" && finding.assets.empty()) {
    const auto only = single_object.find(finding.subject);
    if (only != single_object.end()) return only->second;
  }
  return std::nullopt;
}

}  // namespace

KnelpuntFindings merge_knelpunten(std::vector<assessors::Finding> findings, const model::Model& model) {
  const auto old_ids = assign_risk_ids(findings);
  const auto single_object = single_object_zones(model);
  // The findings about each asset, and where the asset's first one stood.
  std::vector<std::optional<std::string>> subjects(findings.size()), events(findings.size());
  std::map<std::string, std::vector<std::size_t>> by_asset, by_event;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    subjects[i] = subject_asset(findings[i], single_object);
    if (subjects[i]) by_asset[*subjects[i]].push_back(i);
    events[i] = local_event_key(findings[i]);
    if (events[i]) by_event[*events[i]].push_back(i);
  }
  // Co-located findings of one event are merged only when there are several.
  for (auto& key : events)
    if (key && by_event[*key].size() < 2) key.reset();

  KnelpuntFindings result;
  result.analyses.reserve(findings.size());
  result.replaces.reserve(findings.size());
  result.headlines.reserve(findings.size());
  // Merged in place: an asset's merged finding replaces its first finding,
  // its other findings are dropped, and the vector is compacted at the end.
  // A finding is large and a region has tens of thousands: a second vector
  // of them would be tens of megabytes of fresh pages.
  std::vector<bool> kept(findings.size(), false);
  std::set<std::string> done, events_done;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    auto& finding = findings[i];
    if (events[i]) {
      if (!events_done.insert(*events[i]).second) continue;
      std::vector<const assessors::Finding*> parts;
      std::vector<std::string> replaced;
      for (auto j : by_event[*events[i]]) {
        parts.push_back(&findings[j]);
        replaced.push_back(old_ids[j]);
      }
      std::sort(replaced.begin(), replaced.end());
      std::vector<std::size_t> headlines;
      // The parts are this event's findings only, and `events_done` skips the
      // rest of them: the first may be overwritten.
      finding = merge_co_located(model, parts, headlines);
      kept[i] = true;
      result.analyses.push_back({finding.assessor});
      result.replaces.push_back(std::move(replaced));
      result.headlines.push_back(std::move(headlines));
      continue;
    }
    if (!subjects[i]) {
      kept[i] = true;
      result.analyses.push_back({finding.assessor});
      result.replaces.emplace_back();
      result.headlines.emplace_back();
      continue;
    }
    const std::string asset = *subjects[i];
    if (!done.insert(asset).second) continue;
    std::vector<const assessors::Finding*> parts;
    std::vector<std::string> analyses, replaced;
    for (auto j : by_asset[asset]) parts.push_back(&findings[j]);
    std::stable_sort(parts.begin(), parts.end(),
                     [](const auto* a, const auto* b) { return kind_rank(a->kind) < kind_rank(b->kind); });
    for (const auto* part : parts)
      if (std::find(analyses.begin(), analyses.end(), part->assessor) == analyses.end())
        analyses.push_back(part->assessor);
    for (auto j : by_asset[asset]) replaced.push_back(old_ids[j]);
    std::sort(replaced.begin(), replaced.end());
    replaced.erase(std::unique(replaced.begin(), replaced.end()), replaced.end());
    std::vector<std::size_t> headlines;
    // The parts are this asset's findings only, and `done` skips the rest
    // of them: its first finding may be overwritten.
    finding = merge_parts(model, asset, std::move(parts), headlines);
    kept[i] = true;
    result.headlines.push_back(std::move(headlines));
    result.analyses.push_back(std::move(analyses));
    result.replaces.push_back(std::move(replaced));
  }
  model::keep_flagged(findings, kept);
  result.findings = std::move(findings);
  return result;
}

}  // namespace knelpunt::risk_register
