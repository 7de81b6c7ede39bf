#include <doctest/doctest.h>

#include "register/register_selection.hpp"
#include "register_fixture.hpp"

using namespace knelpunt;

namespace {

risk_register::Risk entry(std::string id, int level, std::string kind = "knelpunt",
                          std::vector<std::string> processes = {"drinkwater"}) {
  risk_register::Risk risk;
  risk.id = std::move(id);
  risk.level = level;
  risk.finding.kind = std::move(kind);
  risk.vital_processes = std::move(processes);
  return risk;
}

/// The process → sector table the builder gives a register.
void add_sectors(risk_register::Register& reg) {
  reg.process_sectors = {{"drinkwater", {"Drinkwater", "Drinking water"}},
                         {"elektriciteit.regionaal", {"Energie", "Energy"}}};
}

}  // namespace

TEST_CASE("register selection: the highest entries up to max_entries, scenarios and tracked entries always") {
  risk_register::Register reg;
  reg.diagram = test::fixture_diagram();
  add_sectors(reg);
  // In register order: level highest first.
  reg.risks.push_back(entry("KP-KNP-000001", 3));
  reg.risks.push_back(entry("KP-CCP-000002", 2, "common-cause", {"drinkwater", "elektriciteit.regionaal"}));
  reg.risks.back().finding.assets = {"a", "b"};
  reg.risks.push_back(entry("KP-CCP-000003", 2, "common-cause", {}));
  reg.risks.back().finding.assets = {"c", "d"};
  reg.risks.push_back(entry("KP-KNP-000004", 1));
  reg.risks.push_back(entry("KP-SCEN-000005", 0, "scenario"));
  reg.risks.push_back(entry("KP-KNP-000006", 0));
  reg.risks.back().tracking.matched = "KP-KNP-000006";

  auto not_listed = risk_register::select_entries(reg, {1, 2});
  // Room for 2, taken by the scenario and the tracked entry: they are listed
  // although their level is below min_level, and nothing else is.
  REQUIRE(reg.risks.size() == 2);
  CHECK(reg.risks[0].id == "KP-SCEN-000005");
  CHECK(reg.risks[1].id == "KP-KNP-000006");
  CHECK(not_listed.size() == 4);
  REQUIRE(reg.listing);
  CHECK(reg.listing->not_listed == 4);
  CHECK(reg.listing->not_listed_by_level == std::vector<std::size_t>{0, 1, 2, 1});
  // The pair of two sectors counts in both; the entry of no process in the last row.
  const auto& first = reg.listing->not_listed_by_sector;
  REQUIRE(first.rows.size() == 3);
  CHECK(first.rows[0].name.nl == "Drinkwater");
  CHECK(first.rows[0].by_level == std::vector<std::size_t>{0, 1, 1, 1});
  CHECK(first.rows[0].total == 3);
  CHECK(first.rows[1].name.en == "Energy");
  CHECK(first.rows[1].by_level == std::vector<std::size_t>{0, 0, 1, 0});
  CHECK(first.rows[2].name.nl.empty());
  CHECK(first.rows[2].total == 1);
  CHECK(first.multiple == 1);
  // Per kind: each entry in one row, named as the register names its kind
  // (two assets of a common cause make a critical pair).
  const auto& kinds = reg.listing->not_listed_by_kind;
  REQUIRE(kinds.rows.size() == 2);
  CHECK(kinds.rows[0].name.nl == "knelpunt");
  CHECK(kinds.rows[0].name.en == "bottleneck");
  CHECK(kinds.rows[0].by_level == std::vector<std::size_t>{0, 1, 0, 1});
  CHECK(kinds.rows[1].name.nl == "kritiek paar");
  CHECK(kinds.rows[1].by_level == std::vector<std::size_t>{0, 0, 2, 0});
  CHECK(kinds.rows[1].total == 2);
  CHECK(kinds.multiple == 0);

  risk_register::Register again;
  again.diagram = test::fixture_diagram();
  add_sectors(again);
  for (auto& risk : not_listed) again.risks.push_back(std::move(risk));
  again.risks.push_back(entry("KP-KNP-000007", 0, "knelpunt", {}));
  auto left = risk_register::select_entries(again, {1, 3});
  REQUIRE(again.risks.size() == 3);
  CHECK(again.risks[0].id == "KP-KNP-000001");
  CHECK(again.risks[1].id == "KP-CCP-000002");
  CHECK(again.risks[2].id == "KP-CCP-000003");
  // KP-KNP-000004 (level 1) is past max_entries, KP-KNP-000007 below min_level.
  REQUIRE(left.size() == 2);
  CHECK(left[0].id == "KP-KNP-000004");
  CHECK(left[1].id == "KP-KNP-000007");
  // Per sector: Drinkwater (KP-KNP-000004), then the row without a process (KP-KNP-000007).
  const auto& rows = again.listing->not_listed_by_sector.rows;
  REQUIRE(rows.size() == 2);
  CHECK((rows[0].name.nl == "Drinkwater" && rows[0].by_level == std::vector<std::size_t>{0, 1, 0, 0}));
  CHECK((rows[1].name.nl.empty() && rows[1].by_level == std::vector<std::size_t>{1, 0, 0, 0}));
}
