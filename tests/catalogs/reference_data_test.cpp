#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <set>

#include "catalogs/catalog_set.hpp"
#include "catalogs/reference_data.hpp"

using namespace knelpunt;

namespace {

const std::string kCatalogDir = std::string(KNELPUNT_SOURCE_DIR) + "/catalogs";

std::string messages(const model::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += d.to_string() + "\n";
  return out;
}

/// A model entry file in a fresh temporary directory.
std::filesystem::path write_model(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() / ("knelpunt-catalog-test-" + name);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "model.yaml") << text;
  return dir / "model.yaml";
}

}  // namespace

TEST_CASE("the shipped catalogues load, cross-reference and score") {
  model::Diagnostics diagnostics;
  const auto set = catalogs::load_catalog_set(kCatalogDir, diagnostics);
  const auto data = catalogs::read_reference_data(set, diagnostics);
  INFO(messages(diagnostics));
  REQUIRE_FALSE(diagnostics.has_errors());
  CHECK(diagnostics.items().empty());  // no warnings either: measures and mitigates agree
  CHECK(set.catalogs.size() == catalogs::kCatalogNames.size());
  for (const auto& catalog : set.catalogs) {
    CHECK(catalog.version >= 1);
    CHECK(catalog.source.contains("title"));
  }
  // NCTV categories as published.
  REQUIRE(data.process("drinkwater"));
  CHECK(data.process("drinkwater")->category == "A");
  CHECK(data.process("elektriciteit.regionaal")->category == "B");
  // The IEC 62443 foundational requirements and the default baseline.
  for (int fr = 1; fr <= 7; ++fr) CHECK(data.control("iec62443.fr" + std::to_string(fr)));
  REQUIRE(data.baseline("vital"));
  // Ransomware maps to ATT&CK and has measures from the controls catalogue.
  REQUIRE(data.threat("ransomware"));
  CHECK_FALSE(data.threat("ransomware")->attack.empty());
  CHECK_FALSE(data.threat("ransomware")->measures.empty());
  // The scoring method: ten criteria, a 5×5 diagram, ordered limits.
  const auto& scoring = data.scoring;
  CHECK(scoring.criteria.size() == 10);
  REQUIRE(scoring.diagram("nvp-5x5"));
  CHECK(scoring.likelihood_class(0.0001) == 0);
  CHECK(scoring.likelihood_class(0.9) == 4);
  const auto* deaths = scoring.criterion("2.1");
  REQUIRE(deaths);
  CHECK_FALSE(deaths->classify(deaths->limits[0] - 0.5));
  CHECK(deaths->classify(deaths->limits[2]) == 2);
  CHECK(deaths->classify(1e12) == 4);
  // Weighted sum: one criterion of class C gives weight × value(C).
  std::map<std::string, catalogs::ClassIndex, std::less<>> impact{{"2.1", 2}};
  CHECK(scoring.total_score(impact) == doctest::Approx(deaths->weight * scoring.classes[2].value));
  CHECK(scoring.period_probability(0.1) == doctest::Approx(1 - 0.9 * 0.9 * 0.9 * 0.9 * 0.9));
}

TEST_CASE("a model's catalogs: block adds and replaces entries and scoring keys") {
  model::Diagnostics diagnostics;
  auto set = catalogs::load_catalog_set(kCatalogDir, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const auto file = write_model("override", R"(knelpunt: 1
catalogs:
  threats:
    - {id: ransomware, name: Gijzelsoftware, kind: cyber, likelihood: E, measures: [mfa]}
    - {id: drone-attack, name: Drone-aanval, kind: physical}
  scoring:
    likelihood:
      period_years: 1
      classes:
        - {id: A, name: a, below: 0.001}
        - {id: B, name: b, below: 0.01}
        - {id: C, name: c, below: 0.1}
        - {id: D, name: d, below: 0.5}
        - {id: E, name: e}
      default: D
      steps: {base: C}
)");
  catalogs::apply_model_overrides(set, file, "model.yaml", diagnostics);
  const auto data = catalogs::read_reference_data(set, diagnostics);
  INFO(messages(diagnostics));
  REQUIRE_FALSE(diagnostics.has_errors());
  CHECK(data.threat("ransomware")->name == "Gijzelsoftware");
  CHECK(data.threat("ransomware")->likelihood == 4);
  CHECK(data.threat("drone-attack"));
  CHECK(set.index().threats.count("drone-attack") == 1);
  CHECK(data.scoring.period_years == 1);
  CHECK(data.scoring.default_likelihood == 3);
  CHECK(set.find("threats")->overridden_by == std::vector<std::string>{"model.yaml"});
  CHECK(set.find("controls")->overridden_by.empty());
}

TEST_CASE("override mistakes are reported at the model's file:line:col") {
  model::Diagnostics diagnostics;
  auto set = catalogs::load_catalog_set(kCatalogDir, diagnostics);
  const auto file = write_model("bad-override", R"(knelpunt: 1
catalogs:
  threat:
    - {id: x, name: X}
  controls:
    - {name: no id}
  scoring:
    risk_diagrams:
      - id: tiny
        name: Te klein
        levels: [{id: laag, name: laag}]
        cells: {A: [laag, laag, laag, laag, hoog]}
)");
  catalogs::apply_model_overrides(set, file, "model.yaml", diagnostics);
  catalogs::read_reference_data(set, diagnostics);
  const std::string text = messages(diagnostics);
  CHECK(text.find("model.yaml:3:3: error: unknown catalogue 'threat' (did you mean 'threats'?)") != std::string::npos);
  CHECK(text.find("model.yaml:6:7: error: a catalogue entry has no 'id'") != std::string::npos);
  CHECK(text.find("cells.B must list five level ids") != std::string::npos);
  CHECK(text.find("cell likelihood A impact E is \"hoog\"") != std::string::npos);
}

TEST_CASE("a control's mitigates and the threats' measures must agree; each entry is warned once") {
  model::Diagnostics diagnostics;
  auto set = catalogs::load_catalog_set(kCatalogDir, diagnostics);
  REQUIRE(diagnostics.items().empty());
  // mfa drops supply-chain and wiper (both list it as a measure) and claims
  // flood (which does not list it); the new control claims fire.
  const auto file = write_model("disagree", R"(knelpunt: 1
catalogs:
  controls:
    - {id: mfa, name: MFA, mitigates: [ransomware, ics-intrusion, phishing, flood], applies_to: [it, ot]}
    - {id: blusgas, name: Blusgasinstallatie, mitigates: [fire], applies_to: [it]}
)");
  catalogs::apply_model_overrides(set, file, "model.yaml", diagnostics);
  catalogs::read_reference_data(set, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  const std::string text = messages(diagnostics);
  INFO(text);
  CHECK(text.find("model.yaml:4:7: warning: control 'mfa' does not list supply-chain, wiper in mitigates, but those "
                  "threats list the control among their measures") != std::string::npos);
  CHECK(text.find("model.yaml:4:7: warning: control 'mfa' mitigates flood, but that threat does not list the control "
                  "among its measures") != std::string::npos);
  CHECK(text.find("model.yaml:5:7: warning: control 'blusgas' mitigates fire") != std::string::npos);
  CHECK(diagnostics.items().size() == 3);

  // A threat overridden with fewer (and one unrelated) measures is blamed on the threat, in two warnings.
  model::Diagnostics threat_diagnostics;
  auto threat_set = catalogs::load_catalog_set(kCatalogDir, threat_diagnostics);
  const auto threat_file = write_model("disagree-threat", R"(knelpunt: 1
catalogs:
  threats:
    - {id: wiper, name: Wiper, kind: cyber, measures: [backup-offline, fire-protection]}
)");
  catalogs::apply_model_overrides(threat_set, threat_file, "model.yaml", threat_diagnostics);
  const auto data = catalogs::read_reference_data(threat_set, threat_diagnostics);
  REQUIRE_FALSE(threat_diagnostics.has_errors());
  const std::string threat_text = messages(threat_diagnostics);
  INFO(threat_text);
  CHECK(threat_text.find("model.yaml:4:7: warning: threat 'wiper' lists fire-protection among its measures, but that "
                         "control does not list the threat in mitigates") != std::string::npos);
  CHECK(threat_text.find("model.yaml:4:7: warning: threat 'wiper' does not list ") != std::string::npos);
  CHECK(threat_diagnostics.items().size() == 2);
  // The register still suggests exactly what the threat lists.
  CHECK(data.threat("wiper")->measures == std::vector<std::string>{"backup-offline", "fire-protection"});
}

TEST_CASE("scoring limits must increase and classes must be A to E") {
  model::Diagnostics diagnostics;
  auto set = catalogs::load_catalog_set(kCatalogDir, diagnostics);
  const auto file = write_model("bad-limits", R"(knelpunt: 1
catalogs:
  scoring:
    - {id: "2.1", name: Doden, weight: 1, limits: {A: 1, B: 10, C: 5, D: 40, E: 100}}
    - {id: "9.9", name: Nieuw, weight: 2, limits: {A: 1, B: 2, C: 3, D: 4, F: 5}}
)");
  catalogs::apply_model_overrides(set, file, "model.yaml", diagnostics);
  catalogs::read_reference_data(set, diagnostics);
  const std::string text = messages(diagnostics);
  CHECK(text.find("model.yaml:4:7: error: 'limits' of criterion '2.1': the limit of class C (5) is not above that of class B (10)") !=
        std::string::npos);
  CHECK(text.find("has no number for class E") != std::string::npos);
  CHECK(text.find("has class 'F'; expected only A, B, C, D and E") != std::string::npos);
}

TEST_CASE("a control's answers name the cyber exposures it is the measure for; others are errors") {
  model::Diagnostics diagnostics;
  auto set = catalogs::load_catalog_set(kCatalogDir, diagnostics);
  const auto shipped = catalogs::read_reference_data(set, diagnostics);
  REQUIRE(diagnostics.items().empty());
  CHECK(shipped.controls.at("mfa").answers == std::vector<std::string>{"remote-access"});
  CHECK(shipped.controls.at("segmentation").answers ==
        std::vector<std::string>{"internet-exposed", "direct-remote-access", "mixed-network"});
  CHECK(shipped.controls.at("awareness").answers.empty());

  const auto file = write_model("answers", R"(knelpunt: 1
catalogs:
  controls:
    - {id: mfa, name: MFA, mitigates: [ransomware, ics-intrusion, phishing, supply-chain, wiper], applies_to: [it, ot],
       answers: [remote-access, vpn]}
)");
  catalogs::apply_model_overrides(set, file, "model.yaml", diagnostics);
  catalogs::read_reference_data(set, diagnostics);
  const std::string text = messages(diagnostics);
  INFO(text);
  CHECK(text.find("model.yaml:4:7: error: control 'mfa' answers unknown exposure 'vpn'; expected one of "
                  "internet-exposed, remote-access, vendor-remote-access, direct-remote-access, mixed-network, "
                  "kev-product, kev-ransomware") != std::string::npos);
  CHECK(diagnostics.items().size() == 1);
}

TEST_CASE("every shipped criterion has an estimation rule or is left to expert judgement, never blank") {
  model::Diagnostics diagnostics;
  const auto set = catalogs::load_catalog_set(kCatalogDir, diagnostics);
  const auto data = catalogs::read_reference_data(set, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  std::vector<std::string> estimated, expert;
  for (const auto& c : data.scoring.criteria) {
    CAPTURE(c.id);
    CHECK(c.estimate.has_value() != c.expert.has_value());
    (c.estimate ? estimated : expert).push_back(c.id);
    if (c.estimate && c.estimate->measure == catalogs::ImpactEstimate::Measure::service_outage)
      CHECK_FALSE(c.estimate->source.empty());  // the rates say where they come from
  }
  CHECK(estimated == std::vector<std::string>{"1.1", "2.1", "2.2", "2.3", "3.1", "5.1", "5.3"});
  CHECK(expert == std::vector<std::string>{"4.1", "5.2", "6.1"});
  const auto& costs = *data.scoring.criterion("3.1")->estimate;
  CHECK(costs.rates.at("power") == 6);
  const auto& territory = *data.scoring.criterion("1.1")->estimate;
  CHECK(territory.basis == catalogs::ImpactEstimate::Basis::area_km2);
  CHECK(territory.hours_per_unit == 24);
  REQUIRE(data.scoring.vital_process_floor);
  CHECK(data.scoring.vital_process_floor->criterion == "3.1");
  CHECK(data.scoring.vital_process_floor->impact_class == 0);
}

TEST_CASE("a criterion with both a rule and expert judgement is an error, with neither it is left to an analyst") {
  model::Diagnostics diagnostics;
  auto set = catalogs::load_catalog_set(kCatalogDir, diagnostics);
  const auto file = write_model("estimate-and-expert", R"(knelpunt: 1
catalogs:
  scoring:
    - id: "4.1"
      name: Milieu
      limits: {A: 10, B: 100, C: 1000, D: 10000, E: 100000}
      expert: {reason: geen data}
      estimate: {measure: service_outage, rates: {sewage: -1}, source: ons}
    - {id: "6.1", name: Erfgoed, limits: {A: 1, B: 2, C: 3, D: 4, E: 5}}
)");
  catalogs::apply_model_overrides(set, file, "model.yaml", diagnostics);
  const auto data = catalogs::read_reference_data(set, diagnostics);
  const std::string text = messages(diagnostics);
  CHECK(text.find("criterion '4.1' has both 'estimate' and 'expert'") != std::string::npos);
  CHECK(text.find("rate of service 'sewage' of criterion '4.1' estimate is -1; expected a number ≥ 0") !=
        std::string::npos);
  REQUIRE(data.scoring.criterion("6.1"));
  CHECK(data.scoring.criterion("6.1")->expert.has_value());
}

TEST_CASE("a resource kind with grounded: false reaches the model's index; another value is an error") {
  model::Diagnostics diagnostics;
  auto set = catalogs::load_catalog_set(kCatalogDir, diagnostics);
  CHECK(set.index().ungrounded_resource_kinds.empty());  // no shipped kind opts out
  CHECK(catalogs::read_reference_data(set, diagnostics).resource_kind("power")->grounded);
  const auto file = write_model("grounded", R"(knelpunt: 1
catalogs:
  resource-kinds:
    - {id: power, name: Elektriciteit, grounded: false}
    - {id: water, name: Water, grounded: true}
)");
  catalogs::apply_model_overrides(set, file, "model.yaml", diagnostics);
  const auto data = catalogs::read_reference_data(set, diagnostics);
  INFO(messages(diagnostics));
  REQUIRE_FALSE(diagnostics.has_errors());
  CHECK_FALSE(data.resource_kind("power")->grounded);
  CHECK(data.resource_kind("water")->grounded);
  CHECK(set.index().ungrounded_resource_kinds == std::set<std::string, std::less<>>{"power"});

  model::Diagnostics bad_diagnostics;
  auto bad_set = catalogs::load_catalog_set(kCatalogDir, bad_diagnostics);
  const auto bad_file = write_model("grounded-bad", R"(knelpunt: 1
catalogs:
  resource-kinds:
    - {id: power, name: Elektriciteit, grounded: maybe}
)");
  catalogs::apply_model_overrides(bad_set, bad_file, "model.yaml", bad_diagnostics);
  catalogs::read_reference_data(bad_set, bad_diagnostics);
  const std::string text = messages(bad_diagnostics);
  INFO(text);
  CHECK(text.find("'grounded' of resource kind 'power' is \"maybe\"; expected true or false") != std::string::npos);
  CHECK(bad_set.index().ungrounded_resource_kinds.empty());
}

TEST_CASE("municipal services affect no resident; a model can say so of another kind; another value is an error") {
  model::Diagnostics diagnostics;
  auto set = catalogs::load_catalog_set(kCatalogDir, diagnostics);
  // Shipped: only public-services (decision 059).
  CHECK(catalogs::read_reference_data(set, diagnostics).services_not_affecting_residents() ==
        std::vector<std::string>{"public-services"});
  const auto file = write_model("affects-residents", R"(knelpunt: 1
catalogs:
  resource-kinds:
    - {id: gas, name: Gas, affects_residents: false}
    - {id: public-services, name: Gemeentelijke dienstverlening, affects_residents: true}
)");
  catalogs::apply_model_overrides(set, file, "model.yaml", diagnostics);
  const auto data = catalogs::read_reference_data(set, diagnostics);
  INFO(messages(diagnostics));
  REQUIRE_FALSE(diagnostics.has_errors());
  CHECK(data.services_not_affecting_residents() == std::vector<std::string>{"gas"});

  model::Diagnostics bad_diagnostics;
  auto bad_set = catalogs::load_catalog_set(kCatalogDir, bad_diagnostics);
  const auto bad_file = write_model("affects-residents-bad", R"(knelpunt: 1
catalogs:
  resource-kinds:
    - {id: gas, name: Gas, affects_residents: 0}
)");
  catalogs::apply_model_overrides(bad_set, bad_file, "model.yaml", bad_diagnostics);
  catalogs::read_reference_data(bad_set, bad_diagnostics);
  const std::string text = messages(bad_diagnostics);
  INFO(text);
  CHECK(text.find("'affects_residents' of resource kind 'gas' is 0; expected true or false") != std::string::npos);
}
