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
#include "register/governing_likelihood.hpp"
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

/// "Knelpunt: NAME (id) — enkelvoudig faalpunt, cyberblootstelling".
assessors::LocalText knelpunt_title(const model::Model& model, const std::string& asset,
                                    const std::vector<const assessors::Finding*>& parts) {
  std::vector<std::string> nl, en;
  for (const auto* part : parts) {
    const std::string text_nl(kind_name(part->kind, "nl")), text_en(kind_name(part->kind, "en"));
    if (std::find(nl.begin(), nl.end(), text_nl) == nl.end()) nl.push_back(text_nl);
    if (std::find(en.begin(), en.end(), text_en) == en.end()) en.push_back(text_en);
  }
  const std::string name = assessors::asset_label(model, asset);
  return {fmt::format("{}: {} — {}", label(Label::knelpunt_title, "nl"), name, fmt::join(nl, ", ")),
          fmt::format("{}: {} — {}", label(Label::knelpunt_title, "en"), name, fmt::join(en, ", "))};
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
  merged.threat = governing_part(parts).threat;
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
  // The ids each finding had as an entry of its own: what `replaces` lists.
  // A co-located finding's is the one from its assets (decision 058), which
  // its entry had before it was identified by its event.
  auto old_ids = assign_risk_ids(findings);
  for (std::size_t i = 0; i < findings.size(); ++i)
    if (findings[i].local_event) old_ids[i] = risk_id_by_assets(findings[i]);
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
  // A co-located finding whose event takes down exactly a critical pair's
  // assets joins that pair's entry (decision 056), not its event's group.
  // Keyed by the events' assets (a few), not by the pairs' (tens of
  // thousands at region scale): the pairs are only looked up.
  std::map<std::vector<std::string>, std::vector<std::size_t>, std::less<>> events_by_assets;
  for (std::size_t i = 0; i < findings.size(); ++i)
    if (events[i]) events_by_assets[findings[i].local_event->assets].push_back(i);
  std::vector<bool> joins_pair(findings.size(), false);
  std::map<std::size_t, std::vector<std::size_t>> events_of_pair;
  for (std::size_t p = 0; p < findings.size() && !events_by_assets.empty(); ++p) {
    if (findings[p].kind != "common-cause") continue;
    const auto joining = events_by_assets.find(findings[p].assets);
    if (joining == events_by_assets.end()) continue;
    for (auto i : joining->second) {  // in the findings' order
      joins_pair[i] = true;
      auto& group = by_event[*events[i]];
      group.erase(std::find(group.begin(), group.end(), i));
      events[i].reset();
    }
    events_of_pair[p] = std::move(joining->second);
    events_by_assets.erase(joining);  // the first pair of those assets holds them
  }

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
    if (joins_pair[i]) continue;  // part of its pair's entry
    if (const auto joined = events_of_pair.find(i); joined != events_of_pair.end()) {
      std::vector<const assessors::Finding*> parts;
      std::vector<std::string> analyses{finding.assessor}, replaced;
      std::map<std::string, std::vector<std::size_t>> by_own_event;
      for (auto j : joined->second) {
        parts.push_back(&findings[j]);
        replaced.push_back(old_ids[j]);
        if (std::find(analyses.begin(), analyses.end(), findings[j].assessor) == analyses.end())
          analyses.push_back(findings[j].assessor);
        by_own_event[*local_event_key(findings[j])].push_back(j);
      }
      // Several findings of one of its events were one entry of their own
      // before (decision 054): a tracking file may name that entry's id too.
      // So may a tracking file name an event's own entry (decision 058, its
      // id from the event) or, before that, the one its findings had
      // together (decision 054, from their assets).
      for (const auto& [key, group] : by_own_event) {
        replaced.push_back(risk_id(findings[group.front()]));
        if (group.size() < 2) continue;
        std::vector<const assessors::Finding*> shared;
        for (auto j : group) shared.push_back(&findings[j]);
        std::vector<std::size_t> unused_headlines;
        replaced.push_back(risk_id_by_assets(merge_co_located(model, shared, unused_headlines)));
      }
      std::sort(replaced.begin(), replaced.end());
      replaced.erase(std::unique(replaced.begin(), replaced.end()), replaced.end());
      std::vector<std::size_t> headlines;
      // The parts are the pair's events, which are dropped: the pair may be overwritten.
      finding = merge_pair_and_local_events(finding, parts, headlines);
      kept[i] = true;
      result.analyses.push_back(std::move(analyses));
      result.replaces.push_back(std::move(replaced));
      result.headlines.push_back(std::move(headlines));
      continue;
    }
    if (events[i]) {
      if (!events_done.insert(*events[i]).second) continue;
      std::vector<const assessors::Finding*> parts;
      std::vector<std::string> replaced;
      for (auto j : by_event[*events[i]]) {
        parts.push_back(&findings[j]);
        replaced.push_back(old_ids[j]);
      }
      std::vector<std::size_t> headlines;
      if (parts.size() > 1) {
        // The parts are this event's findings only, and `events_done` skips
        // the rest of them: the first may be overwritten.
        finding = merge_co_located(model, parts, headlines);
        replaced.push_back(risk_id_by_assets(finding));  // its id by decision 054
      }
      std::sort(replaced.begin(), replaced.end());
      replaced.erase(std::unique(replaced.begin(), replaced.end()), replaced.end());
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
