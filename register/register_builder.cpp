#include "register/register_builder.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "assessors/local_format.hpp"
#include "engine/parallel_for.hpp"
#include "model/permute_in_place.hpp"
#include "register/knelpunt_entries.hpp"
#include "register/register_texts.hpp"
#include "register/register_entry_parts.hpp"
#include "register/risk_id.hpp"

namespace knelpunt::risk_register {

namespace {

/// A scenario entry names the knelpunten its cascade passes through (the
/// knelpunt entries whose asset fails in the scenario), so that the board
/// sees where a scenario and the knelpunten meet: by the asset a reader
/// knows, with the entry's id to look it up ("2 knelpunten: scada
/// (KP-KNP-…), substation (KP-KNP-…)"), in asset id order.
void name_knelpunten_of_scenarios(std::vector<Risk>& risks) {
  std::map<std::string, std::string> knelpunt_of_asset;
  for (const auto& risk : risks)
    if (risk.finding.kind == "knelpunt") knelpunt_of_asset[risk.finding.assets.front()] = risk.id;
  for (auto& risk : risks) {
    if (risk.finding.kind != "scenario") continue;
    std::map<std::string, std::string> passed;  // asset → its knelpunt entry, by asset id
    for (const auto& step : risk.finding.chain)
      if (auto it = knelpunt_of_asset.find(step.asset); it != knelpunt_of_asset.end()) passed.insert(*it);
    for (const auto& asset : risk.finding.affected)
      if (auto it = knelpunt_of_asset.find(asset); it != knelpunt_of_asset.end()) passed.insert(*it);
    if (passed.empty()) continue;
    std::vector<std::string> named;
    for (const auto& [asset, id] : passed) named.push_back(fmt::format("{} ({})", asset, id));
    const std::string list = fmt::format("{}", fmt::join(named, ", "));
    auto text = [&](const char* lang) {
      return fmt::format("{} {}: {}", label(Label::scenario_passes_through, lang),
                         counted(passed.size(), Label::knelpunt_one, Label::knelpunt_many, lang), list);
    };
    risk.finding.evidence.push_back({text("nl"), text("en")});
  }
}

/// No two entries share a title: a repeated title gets what tells the
/// entries apart appended, in both languages: the subject (a zone, a
/// baseline), else the assets (the suppliers of a co-located group), else the id.
void make_titles_unique(std::vector<Risk>& risks) {
  std::map<std::string, std::size_t> count;
  for (const auto& risk : risks) ++count[risk.finding.title.nl];
  for (auto& risk : risks) {
    if (count[risk.finding.title.nl] < 2) continue;
    const auto& f = risk.finding;
    const std::string tag = !f.subject.empty()  ? f.subject
                            : !f.assets.empty() ? fmt::format("{}", fmt::join(f.assets, ", "))
                                                : risk.id;
    risk.finding.title.nl += fmt::format(" [{}]", tag);
    risk.finding.title.en += fmt::format(" [{}]", tag);
  }
}

/// Review order: level (highest first), likelihood, impact score, then id.
/// Sorts positions rather than entries: a Risk is large, and at region scale
/// (tens of thousands of entries) moving them through a sort costs more than
/// the comparisons. The entries are then permuted in place, cycle by cycle:
/// a second vector of them would be tens of megabytes of fresh pages.
void sort_for_review(std::vector<Risk>& risks) {
  std::vector<std::size_t> order(risks.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const Risk& a = risks[i];
    const Risk& b = risks[j];
    if (a.level != b.level) return a.level > b.level;
    if (a.likelihood != b.likelihood) return a.likelihood > b.likelihood;
    if (a.impact_score != b.impact_score) return a.impact_score > b.impact_score;
    return a.id < b.id;
  });
  model::permute_in_place(risks, order);
}

/// The tracking's `impact_expert` classes into the finding's impact, in
/// catalogue order, each marked as expert judgement with the rationale; an
/// estimate of the same criterion is replaced and named in the basis.
/// Returns false when the tracking sets none.
bool apply_expert_impact(Risk& risk, const catalogs::ScoringMethod& scoring) {
  const auto& tracking = risk.tracking;
  if (tracking.impact_expert.empty()) return false;
  std::vector<assessors::CriterionImpact> impact;
  for (const auto& criterion : scoring.criteria) {
    const auto estimated = std::find_if(risk.finding.impact.begin(), risk.finding.impact.end(),
                                        [&](const auto& c) { return c.criterion == criterion.id; });
    const auto expert = tracking.impact_expert.find(criterion.id);
    if (expert == tracking.impact_expert.end()) {
      if (estimated != risk.finding.impact.end()) impact.push_back(*estimated);
      continue;
    }
    const char letter = catalogs::class_letter(expert->second);
    std::string replaced_nl, replaced_en;
    if (estimated != risk.finding.impact.end() && estimated->source != assessors::ImpactSource::expert) {
      const char was = catalogs::class_letter(estimated->impact_class);
      replaced_nl = fmt::format("; {} {}", label(Label::expert_replaces, "nl"), was);
      replaced_en = fmt::format("; {} {}", label(Label::expert_replaces, "en"), was);
    }
    impact.push_back({criterion.id, expert->second, 0,
                      {fmt::format("{} {} ({}): {}{}", label(Label::expert_judgement, "nl"), letter, tracking.matched,
                                   tracking.impact_rationale, replaced_nl),
                       fmt::format("{} {} ({}): {}{}", label(Label::expert_judgement, "en"), letter, tracking.matched,
                                   tracking.impact_rationale, replaced_en)},
                      assessors::ImpactSource::expert});
  }
  risk.finding.impact = std::move(impact);
  return true;
}

}  // namespace

void score_risk(Risk& risk, const catalogs::ScoringMethod& scoring, const catalogs::RiskDiagram& diagram) {
  const auto& finding = risk.finding;
  risk.likelihood = finding.likelihood.likelihood_class;
  std::map<std::string, catalogs::ClassIndex, std::less<>> classes;
  std::vector<std::string> terms;
  bool scored = false;  // some criterion of the catalogue has a class
  for (const auto& impact : finding.impact) {
    classes[impact.criterion] = impact.impact_class;
    const auto* criterion = scoring.criterion(impact.criterion);
    scored = scored || criterion;
    // An entry in brief is explained once detailed (decision 021).
    if (criterion && !finding.brief)
      terms.push_back(fmt::format("{} {}: {} × {}", impact.criterion, catalogs::class_letter(impact.impact_class),
                                  criterion->weight, scoring.classes[impact.impact_class].value));
  }
  risk.impact_open.clear();
  for (const auto& criterion : scoring.criteria)
    if (criterion.expert && !classes.contains(criterion.id)) risk.impact_open.push_back(criterion.id);
  risk.impact_score = scoring.total_score(classes);
  risk.impact_class = scored ? scoring.total_class(risk.impact_score) : std::nullopt;
  const char likelihood = catalogs::class_letter(risk.likelihood);
  if (risk.impact_class) {
    risk.level = diagram.cells[risk.likelihood][*risk.impact_class];
    if (finding.brief) return;
    const char impact = catalogs::class_letter(*risk.impact_class);
    const auto& level = diagram.levels[static_cast<std::size_t>(risk.level)];
    risk.score_explanation = {
        fmt::format("kans {} ({}); impact = gewogen som {} = {} → klasse {}; risicodiagram {}: cel {}{} = {}", likelihood,
                    finding.likelihood.rationale.nl, fmt::join(terms, " + "), risk.impact_score, impact, diagram.id,
                    likelihood, impact, level.name),
        fmt::format("likelihood {} ({}); impact = weighted sum {} = {} → class {}; risk diagram {}: cell {}{} = {}",
                    likelihood, finding.likelihood.rationale.en, fmt::join(terms, " + "), risk.impact_score, impact,
                    diagram.id, likelihood, impact, level.name_en.empty() ? level.name : level.name_en)};
  } else {
    // No criterion reached class A: the risk has no impact class and sits at the lowest level.
    risk.level = 0;
    if (finding.brief) return;
    const auto& level = diagram.levels.front();
    risk.score_explanation = {
        fmt::format("kans {} ({}); geen impactcriterium bereikt klasse A → laagste niveau {}", likelihood,
                    finding.likelihood.rationale.nl, level.name),
        fmt::format("likelihood {} ({}); no impact criterion reaches class A → lowest level {}", likelihood,
                    finding.likelihood.rationale.en, level.name_en.empty() ? level.name : level.name_en)};
  }
}

namespace {

/// Says which entry now holds each unmatched key that names an id some
/// entry replaces (`now_in`). A co-located redundancy without a tracking
/// entry of its own takes the one entry that names the id it had before it
/// was identified by its event (decision 058): the same event, renamed, so
/// an accepted or mitigated decision keeps holding (and `--fail-on` keeps
/// its verdict) until the key is renamed. Two or more such entries for one
/// risk are left to a reader: they may disagree.
void carry_over_renamed_tracking(const TrackingFile& file, std::vector<Risk>& risks,
                                 std::vector<UnmatchedTracking>& unmatched) {
  std::map<std::string_view, Risk*> holder;  // replaced id → the entry that holds it
  for (auto& risk : risks)
    for (const auto& id : risk.replaces) holder.emplace(id, &risk);
  std::map<Risk*, std::vector<UnmatchedTracking*>> renamed;
  for (auto& entry : unmatched) {
    const auto held = holder.find(entry.key);
    if (held == holder.end()) continue;
    entry.now_in = held->second->id;
    if (held->second->finding.kind == "co-located-redundancy" && held->second->tracking.matched.empty())
      renamed[held->second].push_back(&entry);
  }
  for (auto& [risk, entries] : renamed) {
    if (entries.size() != 1) continue;
    const auto found = std::find_if(file.entries.begin(), file.entries.end(),
                                    [&](const TrackingEntry& e) { return e.key == entries.front()->key; });
    if (found == file.entries.end()) continue;
    risk->tracking = found->tracking;
    risk->tracking.matched = found->key;
    entries.front()->applied = true;
  }
}

}  // namespace

Register build_register(std::vector<assessors::Finding> findings, const model::Model& model,
                        const catalogs::ReferenceData& reference, const RegisterSettings& settings,
                        const TrackingFile* tracking) {
  const auto* diagram = reference.scoring.diagram(settings.risk_diagram);
  if (!diagram) throw std::invalid_argument("unknown risk diagram " + settings.risk_diagram);

  Register reg;
  reg.tool_version = settings.tool_version;
  reg.date = settings.date;
  reg.catalogs = settings.catalogs;
  reg.model_name = model.region.name;
  reg.authority = model.region.authority;
  reg.model_digest = settings.model_digest;
  reg.horizon_h = settings.horizon_h;
  reg.profile = settings.profile;
  reg.diagram_id = diagram->id;
  reg.diagram = *diagram;
  reg.likelihood_classes = reference.scoring.likelihood_classes;
  reg.likelihood_period_years = reference.scoring.period_years;
  reg.impact_classes = reference.scoring.classes;
  reg.criteria = reference.scoring.criteria;
  reg.feeds = settings.feeds;
  reg.assessors = settings.assessors;
  reg.horizons = settings.horizons;
  reg.assessor_options = settings.assessor_options;
  reg.process_horizons = settings.process_horizons;
  for (const auto& [id, process] : reference.processes) {  // a map: sorted by id
    reg.process_sectors.push_back({id, {process.sector, process.sector_en.empty() ? process.sector : process.sector_en}});
    reg.process_names.emplace_back(
        id, assessors::LocalText{process.name.empty() ? id : process.name,
                                 process.name_en.empty() ? process.name : process.name_en});
  }

  for (const auto& [id, kind] : reference.resource_kinds)  // a map: sorted by id
    reg.service_names.emplace_back(id, assessors::resource_kind_name(reference, id));
  for (const auto& [id, threat] : reference.threats)  // a map: sorted by id
    reg.threat_names.emplace_back(id, assessors::threat_name(reference, id));

  auto merged = merge_knelpunten(std::move(findings), model);
  const auto ids = assign_risk_ids(merged.findings);
  // Findings with the identity of an earlier one are dropped; the rest are
  // scored independently, each into its own slot, so in parallel (at region
  // scale there are tens of thousands).
  std::vector<std::size_t> kept;
  {
    std::set<std::string_view> seen;
    for (std::size_t i = 0; i < merged.findings.size(); ++i)
      if (seen.insert(ids[i]).second) kept.push_back(i);
  }
  reg.risks.resize(kept.size());
  engine::parallel_for(kept.size(), settings.threads, [&](std::size_t k) {
    const std::size_t i = kept[k];
    Risk& risk = reg.risks[k];
    risk.id = ids[i];
    risk.finding = std::move(merged.findings[i]);
    risk.analyses = std::move(merged.analyses[i]);
    risk.replaces = std::move(merged.replaces[i]);
    risk.key_evidence = std::move(merged.headlines[i]);
    std::set<std::string> processes, operators;
    auto note = [&](const std::string& id) {
      const auto index = model.find(id);
      if (!index) return;
      if (!model.assets[*index].process.empty()) processes.insert(model.assets[*index].process);
      if (!model.assets[*index].operator_name.empty()) operators.insert(model.assets[*index].operator_name);
    };
    for (const auto& id : risk.finding.assets.empty() ? risk.finding.affected : risk.finding.assets) note(id);
    for (const auto& id : risk.finding.concerns) note(id);
    risk.vital_processes.assign(processes.begin(), processes.end());
    risk.operators.assign(operators.begin(), operators.end());
    std::sort(risk.finding.measures.begin(), risk.finding.measures.end());
    risk.finding.measures.erase(std::unique(risk.finding.measures.begin(), risk.finding.measures.end()),
                                risk.finding.measures.end());
    for (const auto& measure : risk.finding.measures)
      if (const auto* control = reference.control(measure))
        risk.measures.push_back({control->id, {control->name, control->name_en.empty() ? control->name : control->name_en}});
    score_risk(risk, reference.scoring, *diagram);
  });
  name_knelpunten_of_scenarios(reg.risks);
  make_titles_unique(reg.risks);
  sort_for_review(reg.risks);
  if (tracking) {
    reg.unmatched_tracking = apply_tracking(*tracking, reg.risks);
    carry_over_renamed_tracking(*tracking, reg.risks, reg.unmatched_tracking);
    // An analyst's classes change the score, hence the order.
    bool rescored = false;
    for (auto& risk : reg.risks)
      if (apply_expert_impact(risk, reference.scoring)) {
        score_risk(risk, reference.scoring, *diagram);
        rescored = true;
      }
    if (rescored) sort_for_review(reg.risks);
  }
  return reg;
}

}  // namespace knelpunt::risk_register
