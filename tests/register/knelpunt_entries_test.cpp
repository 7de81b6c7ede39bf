#include <doctest/doctest.h>

#include <algorithm>

#include "register/knelpunt_entries.hpp"
#include "register/risk_id.hpp"

namespace knelpunt {

namespace {

assessors::Finding asset_finding(std::string assessor, std::string kind, std::string asset, catalogs::ClassIndex likelihood,
                                 std::string threat = {}) {
  assessors::Finding f;
  f.assessor = std::move(assessor);
  f.kind = std::move(kind);
  f.assets = {asset};
  f.threat = std::move(threat);
  f.title = {f.kind + " " + asset, f.kind + " " + asset};
  f.likelihood = {likelihood, {"waarom " + f.kind, "why " + f.kind}};
  f.affected = {asset, "hospital"};
  f.impact = {{"5.3", 2, 1000, {"basis", "basis"}}};
  f.evidence = {{"gedeeld feit", "shared fact"}};
  f.measures = {f.kind + "-measure"};
  return f;
}

model::Model two_asset_model() {
  model::Model m;
  m.assets.resize(2);
  m.assets[0].id = "scada";
  m.assets[0].name = "SCADA";
  m.assets[1].id = "substation";
  m.reindex();
  return m;
}

}  // namespace

TEST_CASE("knelpunt entries: the findings about one asset become one entry with the highest likelihood governing") {
  std::vector<assessors::Finding> findings;
  findings.push_back(asset_finding("single-point", "spof", "scada", 3));
  findings.push_back(asset_finding("single-point", "spof", "substation", 1));
  findings.push_back(asset_finding("cascade-reach", "reach", "scada", 3));
  assessors::Finding pair = asset_finding("single-point", "common-cause", "scada", 1);
  pair.assets = {"scada", "substation"};
  findings.push_back(pair);
  findings.push_back(asset_finding("cyber-exposure", "exposure", "scada", 4, "ransomware"));
  findings.push_back(asset_finding("missing-controls", "missing-controls", "scada", 2));
  const auto old_ids = risk_register::assign_risk_ids(findings);

  const auto merged = risk_register::merge_knelpunten(findings, two_asset_model());
  // scada (4 findings → 1), substation (1 → 1), the pair stays: 3 entries, in first-seen order.
  REQUIRE(merged.findings.size() == 3);
  const auto& scada = merged.findings[0];
  CHECK(scada.kind == "knelpunt");
  CHECK(scada.assets == std::vector<std::string>{"scada"});
  CHECK(scada.likelihood.likelihood_class == 4);  // cyber exposure governs
  CHECK(scada.threat == "ransomware");
  CHECK(scada.likelihood.rationale.en.find("governing cyber exposure E: why exposure") == 0);
  CHECK(scada.likelihood.rationale.en.find("single point of failure D: why spof") != std::string::npos);
  CHECK(scada.title.nl == "Knelpunt: SCADA (scada) — enkelvoudig faalpunt, verreikende uitval, cyberblootstelling, "
                          "ontbrekende maatregelen");
  CHECK(merged.analyses[0] ==
        std::vector<std::string>{"single-point", "cascade-reach", "cyber-exposure", "missing-controls"});
  // Each part's title is evidence; a fact the parts share appears once.
  CHECK(scada.evidence.size() == 5);
  // The parts' titles are the entry's key lines, the one shared fact is not.
  CHECK(merged.headlines[0] == std::vector<std::size_t>{0, 2, 3, 4});
  CHECK(scada.evidence[2].nl == "reach scada");
  CHECK(scada.measures.size() == 4);
  std::vector<std::string> replaced{old_ids[0], old_ids[2], old_ids[4], old_ids[5]};
  std::sort(replaced.begin(), replaced.end());
  CHECK(merged.replaces[0] == replaced);

  // One finding alone is a knelpunt entry too, so its id does not change when a second analysis finds it.
  CHECK(merged.findings[1].kind == "knelpunt");
  CHECK(merged.replaces[1] == std::vector<std::string>{old_ids[1]});
  CHECK(merged.findings[2].kind == "common-cause");
  CHECK(merged.replaces[2].empty());
  CHECK(merged.headlines[1] == std::vector<std::size_t>{0});
  CHECK(merged.headlines[2].empty());
  CHECK(risk_register::risk_id(merged.findings[0]).rfind("KP-KNP-", 0) == 0);
}

TEST_CASE("knelpunt entries: a zone of one object is that object's entry, a zone of several is its own") {
  model::Model m = two_asset_model();
  m.assets.resize(4);
  m.assets[0].zones = {"site-bvc", "town"};
  m.assets[1].zones = {"town"};
  m.assets[2].id = "logic";  // virtual: the zone assessor never fails it
  m.assets[2].is_virtual = true;
  m.assets[2].zones = {"site-bvc"};
  m.assets[3].id = "pump";
  m.reindex();
  auto zone = [](std::string id) {
    assessors::Finding f = asset_finding("geographic", "zone", "-", 1, "flood");
    f.assets.clear();
    f.subject = std::move(id);
    f.title = {"Uitval van zone " + f.subject, "Loss of zone " + f.subject};
    return f;
  };
  std::vector<assessors::Finding> findings;
  findings.push_back(asset_finding("single-point", "spof", "scada", 3));
  findings.push_back(zone("site-bvc"));
  findings.push_back(zone("town"));
  findings.push_back(zone("pump-pit"));  // no object in the model names it: stays its own
  const auto old_ids = risk_register::assign_risk_ids(findings);

  const auto merged = risk_register::merge_knelpunten(findings, m);
  REQUIRE(merged.findings.size() == 3);
  const auto& scada = merged.findings[0];
  CHECK(scada.kind == "knelpunt");
  CHECK(scada.assets == std::vector<std::string>{"scada"});
  CHECK(scada.title.nl == "Knelpunt: SCADA (scada) — enkelvoudig faalpunt, uitval van een zone");
  CHECK(scada.likelihood.likelihood_class == 3);  // the single point governs, the flood is listed
  CHECK(scada.likelihood.rationale.nl.find("uitval van een zone B: waarom zone") != std::string::npos);
  CHECK(merged.analyses[0] == std::vector<std::string>{"single-point", "geographic"});
  std::vector<std::string> replaced{old_ids[0], old_ids[1]};
  std::sort(replaced.begin(), replaced.end());
  CHECK(merged.replaces[0] == replaced);  // a tracking entry of the zone finds the knelpunt
  CHECK(merged.findings[1].kind == "zone");
  CHECK(merged.findings[1].subject == "town");
  CHECK(merged.findings[2].subject == "pump-pit");

  // A zone of one object whose object has no other finding is a knelpunt entry of its own.
  const auto alone = risk_register::merge_knelpunten({zone("site-bvc")}, m);
  REQUIRE(alone.findings.size() == 1);
  CHECK(alone.findings[0].kind == "knelpunt");
  CHECK(alone.findings[0].assets == std::vector<std::string>{"scada"});
}

}  // namespace knelpunt
