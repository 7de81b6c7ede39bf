#pragma once
/// A small hand-built register for the writer, document and diff tests: the
/// shipped nvp-5x5 method (catalogs/scoring.yaml), three of its criteria, and
/// four risks, one per level, in the builder's order. Model strings hold
/// | " ; a line break and <script> so that every writer's escaping is tested.

#include <utility>

#include "register/risk.hpp"

namespace knelpunt::test {

/// The title with every character a writer must escape.
inline constexpr const char* kNastyTitleNl = "Ransomware bij pompstation \"Oost\" | drinkwater; <script>alert(1)</script>";
inline constexpr const char* kNastyTitleEn = "Ransomware at pumping station \"Oost\" | drinking water; <script>alert(1)</script>";

inline catalogs::RiskDiagram fixture_diagram() {
  catalogs::RiskDiagram diagram;
  diagram.id = "nvp-5x5";
  diagram.name = "Risicodiagram (5×5)";
  diagram.name_en = "Risk diagram (5×5)";
  diagram.levels = {{"laag", "laag", "low"},
                    {"midden", "midden", "medium"},
                    {"hoog", "hoog", "high"},
                    {"zeer-hoog", "zeer hoog", "very high"}};
  // cells[likelihood][impact], as in catalogs/scoring.yaml.
  diagram.cells = {{{0, 0, 0, 1, 1}, {0, 0, 1, 1, 2}, {0, 1, 1, 2, 2}, {1, 1, 2, 2, 3}, {1, 2, 2, 3, 3}}};
  return diagram;
}

inline risk_register::Risk fixture_scenario_risk() {
  risk_register::Risk risk;
  risk.id = "KP-SCEN-a1b2c3";
  auto& f = risk.finding;
  f.assessor = "scenario";
  f.kind = "scenario-cascade";
  f.assets = {"wb-pomp-oost"};
  f.scenario = "ransomware-drinkwater";
  f.threat = "ransomware";
  f.title = {kNastyTitleNl, kNastyTitleEn};
  f.description = {"Eerste regel.\nTweede regel met *nadruk* en [link](http://x).",
                   "First line.\nSecond line with *emphasis* and [link](http://x)."};
  f.affected = {"asz-dordrecht", "hs-merwedehaven", "wb-pomp-oost"};
  f.chain = {{"wb-pomp-oost", 0, ""}, {"hs-merwedehaven", 4, "wb-pomp-oost"},
             {"asz-dordrecht", 42.0 + 1.0 / 3.0, "hs-merwedehaven"}};
  f.evidence = {{"Back-up staat op hetzelfde netwerk; geen segmentatie", "Backup on the same network; no segmentation"}};
  f.cves = {{"CVE-2023-1234", "Acme", "Pump|Controller", "Apply updates per vendor instructions.", "2024-01-31",
             true, 0.97, 0.999}};
  f.timeline = {{0, 1, 12000}, {4, 2, 45000.5}};
  f.likelihood = {4, {"Internet-exposed, KEV met ransomware", "Internet-exposed, KEV with ransomware"}};
  f.impact = {{"2.3", 3, 2000000, {"2000000 mensuren zonder drinkwater", "2000000 people-hours without drinking water"}},
              {"5.1", 2, 5000000, {"5000000 mensuren verstoring", "5000000 people-hours of disruption"}}};
  f.measures = {"bio-12.3"};
  risk.vital_processes = {"drinkwater"};
  risk.likelihood = 4;
  risk.impact_score = 40.5;  // 27 + 1.5 × 9
  risk.impact_class = 3;
  risk.level = 3;
  risk.score_explanation = {"Kans E, impact D: zeer hoog.", "Likelihood E, impact D: very high."};
  risk.measures = {{"bio-12.3", {"Offline back-ups", "Offline backups"}}};
  risk.tracking.status = "in-treatment";
  risk.tracking.owner = "Team OT; Evides";
  risk.tracking.justification = "Back-ups worden getest\nzie memo <b>12</b>";
  risk.tracking.date = "2025-03-01";
  risk.tracking.checked_by = "J. de Vries";
  risk.tracking.matched = "KP-SCEN-a1b2c3";
  return risk;
}

inline risk_register::Risk fixture_spof_risk() {
  risk_register::Risk risk;
  risk.id = "KP-SPOF-3f2a9c";
  auto& f = risk.finding;
  f.assessor = "single-point";
  f.kind = "spof";
  f.assets = {"hs-merwedehaven"};
  f.title = {"Enkelvoudig knelpunt: hs-merwedehaven", "Single point of failure: hs-merwedehaven"};
  f.affected = {"asz-dordrecht", "hs-merwedehaven"};
  f.chain = {{"hs-merwedehaven", 0, ""}, {"asz-dordrecht", 4, "hs-merwedehaven"}};
  f.likelihood = {2, {"Standaardkans van een structureel knelpunt", "Default likelihood of a structural finding"}};
  f.impact = {{"2.3", 3, 1500000, {"1500000 mensuren", "1500000 people-hours"}}};
  f.measures = {"noodstroom"};
  risk.vital_processes = {"elektriciteit.regionaal", "zorg.acuut"};
  risk.likelihood = 2;
  risk.impact_score = 27;
  risk.impact_class = 3;
  risk.level = 2;
  risk.score_explanation = {"Kans C, impact D: hoog.", "Likelihood C, impact D: high."};
  risk.measures = {{"noodstroom", {"Noodstroomvoorziening", "Backup power"}}};
  return risk;
}

inline risk_register::Risk fixture_reach_risk() {
  risk_register::Risk risk;
  risk.id = "KP-REACH-77aa01";
  auto& f = risk.finding;
  f.assessor = "cascade-reach";
  f.kind = "reach";
  f.assets = {"gas_station-1"};
  f.title = {"Uitval van gas_station-1 raakt 3 objecten", "Loss of gas_station-1 affects 3 assets"};
  f.affected = {"a", "b", "c"};
  f.likelihood = {2, {"Standaard", "Default"}};
  f.impact = {{"5.1", 1, 150000.5, {"150000,5 mensuren", "150000.5 people-hours"}}};
  risk.likelihood = 2;
  risk.impact_score = 4.5;  // 1.5 × 3
  risk.impact_class = 1;
  risk.level = 1;
  risk.score_explanation = {"Kans C, impact B: midden.", "Likelihood C, impact B: medium."};
  return risk;
}

inline risk_register::Risk fixture_geo_risk() {
  risk_register::Risk risk;
  risk.id = "KP-GEO-0b0b0b";
  auto& f = risk.finding;
  f.assessor = "geographic";
  f.kind = "co-located";
  f.assets = {"hs-a", "hs-b"};
  f.subject = "zone-west";
  f.title = {"# Twee objecten in zone-west", ""};  // no English: the writers fall back to Dutch
  f.likelihood = {1, {"Gedeelde zone", "Shared zone"}};
  risk.likelihood = 1;
  risk.impact_score = 0;
  risk.level = 0;  // no criterion scored: no impact class, the lowest level
  risk.score_explanation = {"Geen impact gescoord.", "No impact scored."};
  return risk;
}

/// The whole register, risks in the builder's order (level, likelihood, score, id).
inline risk_register::Register fixture_register() {
  risk_register::Register reg;
  reg.model_name = "Dordrecht";
  reg.authority = "Veiligheidsregio Zuid-Holland Zuid";
  reg.model_digest = "sha256:0123abcd";
  reg.horizon_h = 72;
  reg.profile = "default";
  reg.diagram_id = "nvp-5x5";
  reg.diagram = fixture_diagram();
  reg.likelihood_classes = {{"A", "zeer onwaarschijnlijk", "very unlikely", 0.0005},
                            {"B", "onwaarschijnlijk", "unlikely", 0.005},
                            {"C", "mogelijk", "possible", 0.05},
                            {"D", "waarschijnlijk", "likely", 0.5},
                            {"E", "zeer waarschijnlijk", "very likely", std::nullopt}};
  reg.impact_classes = {{"A", "beperkt", "limited", 1},
                        {"B", "aanzienlijk", "substantial", 3},
                        {"C", "ernstig", "serious", 9},
                        {"D", "zeer ernstig", "very serious", 27},
                        {"E", "catastrofaal", "catastrophic", 81}};
  catalogs::ImpactCriterion deaths;
  deaths.id = "2.1";
  deaths.name = "Doden";
  deaths.name_en = "Fatalities";
  deaths.unit = "people";
  catalogs::ImpactCriterion suffering;
  suffering.id = "2.3";
  suffering.name = "Lichamelijk lijden (gebrek aan primaire levensbehoeften)";
  suffering.name_en = "Physical suffering (lack of basic necessities)";
  suffering.unit = "people-hours";
  catalogs::ImpactCriterion disruption;
  disruption.id = "5.1";
  disruption.name = "Verstoring van het dagelijks leven";
  disruption.name_en = "Disruption of daily life";
  disruption.unit = "people-hours";
  disruption.weight = 1.5;
  reg.criteria = {deaths, suffering, disruption};
  reg.feeds = {{"kev", true, "2025.01.15", 1234}, {"epss", false, "", 0}};
  reg.assessors = {"single-point", "cascade-reach", "geographic", "scenario", "cyber-exposure"};
  reg.risks = {fixture_scenario_risk(), fixture_spof_risk(), fixture_reach_risk(), fixture_geo_risk()};
  reg.unmatched_tracking = {{"KP-OLD-*", "tracking.yaml:12:3"}};
  reg.process_sectors = {{"drinkwater", {"Drinkwater", "Drinking water"}},
                         {"elektriciteit.regionaal", {"Energie", "Energy"}},
                         {"zorg.acuut", {"Zorg", "Health care"}}};
  // zorg.acuut has no name here: a process the register cannot name is shown by its id.
  reg.process_names = {
      {"drinkwater", {"Drinkwatervoorziening", "Drinking-water supply"}},
      {"elektriciteit.regionaal",
       {"Regionale distributie elektriciteit", "Regional distribution of electricity"}}};
  return reg;
}

}  // namespace knelpunt::test
