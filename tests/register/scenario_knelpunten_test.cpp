// A scenario entry names the knelpunten its cascade passes through
// (register/register_builder.cpp): by asset, in asset id order, each with
// its entry's id, counted — never a bare list of ids.

#include <doctest/doctest.h>

#include <string>

#include "catalogs/catalog_set.hpp"
#include "catalogs/reference_data.hpp"
#include "register/register_builder.hpp"

using namespace knelpunt;

namespace {

assessors::Finding asset_finding(const std::string& asset) {
  assessors::Finding f;
  f.assessor = "single-point";
  f.kind = "spof";
  f.assets = {asset};
  f.title = {"enkelvoudig faalpunt " + asset, "single point " + asset};
  f.likelihood = {1, {"waarom", "why"}};
  f.impact = {{"5.3", 2, 30000, {"basis", "basis"}}};
  return f;
}

}  // namespace

TEST_CASE("a scenario names the knelpunten it passes through by asset, with their entries' ids") {
  model::Diagnostics diagnostics;
  const auto set = catalogs::load_catalog_set(std::string(KNELPUNT_SOURCE_DIR) + "/catalogs", diagnostics);
  const auto reference = catalogs::read_reference_data(set, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  model::Model model;
  for (const char* id : {"gemaal", "scada", "substation", "website"}) {
    model.assets.emplace_back();
    model.assets.back().id = id;
  }
  model.reindex();

  std::vector<assessors::Finding> findings{asset_finding("substation"), asset_finding("scada"),
                                           asset_finding("gemaal")};
  assessors::Finding scenario;
  scenario.assessor = "scenario";
  scenario.kind = "scenario";
  scenario.scenario = "ransomware";
  scenario.assets = {"scada"};
  scenario.title = {"Scenario: ransomware", "Scenario: ransomware"};
  scenario.likelihood = {2, {"waarom", "why"}};
  scenario.impact = {{"5.3", 3, 120000, {"basis", "basis"}}};
  // scada fails first, substation through it; website fails too but is no knelpunt; gemaal is untouched.
  scenario.chain = {{"scada", 0, ""}, {"substation", 1, "scada"}, {"website", 2, "substation"}};
  scenario.affected = {"substation", "website"};
  findings.push_back(scenario);

  const auto reg = risk_register::build_register(findings, model, reference, {}, nullptr);
  std::map<std::string, std::string> id_of;
  const risk_register::Risk* scenario_entry = nullptr;
  for (const auto& risk : reg.risks) {
    if (risk.finding.kind == "knelpunt") id_of[risk.finding.assets.front()] = risk.id;
    if (risk.finding.kind == "scenario") scenario_entry = &risk;
  }
  REQUIRE(scenario_entry != nullptr);
  REQUIRE(id_of.size() == 3);
  const auto& evidence = scenario_entry->finding.evidence;
  REQUIRE_FALSE(evidence.empty());
  CHECK(evidence.back().nl ==
        "het scenario raakt 2 knelpunten: scada (" + id_of["scada"] + "), substation (" + id_of["substation"] + ")");
  CHECK(evidence.back().en == "the scenario passes through 2 bottlenecks: scada (" + id_of["scada"] +
                                  "), substation (" + id_of["substation"] + ")");
}
