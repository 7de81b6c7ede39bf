#include <doctest/doctest.h>

#include "register/register_fixture.hpp"
#include "register/register_summary.hpp"

using knelpunt::risk_register::LevelTable;
using knelpunt::risk_register::summarize;

namespace {

/// "name: zeer-hoog hoog midden laag = total", highest level first, for compact checks.
std::string row_text(const LevelTable& table, std::size_t i) {
  const auto& row = table.rows.at(i);
  std::string text = (row.name.nl.empty() ? std::string("-") : row.name.nl) + ":";
  for (std::size_t l = row.by_level.size(); l-- > 0;) text += " " + std::to_string(row.by_level[l]);
  return text + " = " + std::to_string(row.total);
}

}  // namespace

TEST_CASE("register summary: per sector by level, an entry once in every sector it touches, the one without last") {
  auto reg = knelpunt::test::fixture_register();
  // The fixture: scenario (zeer hoog) drinkwater; spof (hoog) elektriciteit.regionaal and zorg.acuut;
  // reach (midden) and geo (laag) without a vital process.
  const auto summary = summarize(reg);
  REQUIRE(summary.by_sector.rows.size() == 4);
  CHECK(row_text(summary.by_sector, 0) == "Drinkwater: 1 0 0 0 = 1");
  CHECK(row_text(summary.by_sector, 1) == "Energie: 0 1 0 0 = 1");
  CHECK(row_text(summary.by_sector, 2) == "Zorg: 0 1 0 0 = 1");
  CHECK(row_text(summary.by_sector, 3) == "-: 0 0 1 1 = 2");
  CHECK(summary.by_sector.rows[0].name.en == "Drinking water");
  CHECK(summary.by_sector.multiple == 1);

  SUBCASE("two processes of one sector: the entry counts once in it") {
    reg.process_sectors.push_back({"gas.regionaal", {"Energie", "Energy"}});
    std::sort(reg.process_sectors.begin(), reg.process_sectors.end(),
              [](const auto& a, const auto& b) { return a.process < b.process; });
    reg.risks[1].vital_processes = {"elektriciteit.regionaal", "gas.regionaal"};
    const auto one = summarize(reg);
    REQUIRE(one.by_sector.rows.size() == 3);
    CHECK(row_text(one.by_sector, 1) == "Energie: 0 1 0 0 = 1");
    CHECK(one.by_sector.multiple == 0);
  }
  SUBCASE("a process the catalogue does not know counts as no sector") {
    reg.risks[0].vital_processes = {"onbekend"};
    const auto unknown = summarize(reg);
    CHECK(row_text(unknown.by_sector, unknown.by_sector.rows.size() - 1) == "-: 1 0 1 1 = 3");
  }
  SUBCASE("without the catalogue's sectors there is no table") {
    reg.process_sectors.clear();
    CHECK(summarize(reg).by_sector.rows.empty());
  }
  SUBCASE("a risk outside the diagram's levels is counted in no row") {
    reg.risks[0].level = 9;
    const auto outside = summarize(reg);
    CHECK(row_text(outside.by_sector, 0) == "Energie: 0 1 0 0 = 1");
  }
}

TEST_CASE("risk sectors: the sectors an entry counts in, each once, sorted; none for an unknown process") {
  auto reg = knelpunt::test::fixture_register();
  // The spof entry: elektriciteit.regionaal and zorg.acuut.
  auto sectors = risk_sectors(reg, reg.risks[1]);
  REQUIRE(sectors.size() == 2);
  CHECK(sectors[0].nl == "Energie");
  CHECK(sectors[1].nl == "Zorg");
  CHECK(sectors[1].en == "Health care");
  reg.process_sectors.push_back({"gas.regionaal", {"Energie", "Energy"}});
  reg.risks[1].vital_processes = {"gas.regionaal", "elektriciteit.regionaal", "onbekend"};
  sectors = risk_sectors(reg, reg.risks[1]);
  REQUIRE(sectors.size() == 1);
  CHECK(sectors[0].en == "Energy");
  CHECK(risk_sectors(reg, reg.risks[3]).empty());  // no vital process
}

TEST_CASE("register summary: per operator by level, sorted by name, an entry of two operators in both rows") {
  auto reg = knelpunt::test::fixture_register();
  reg.risks[0].operators = {"Waterbedrijf"};
  reg.risks[1].operators = {"Netbeheerder", "Waterbedrijf"};
  const auto summary = summarize(reg);
  REQUIRE(summary.by_operator.rows.size() == 3);
  CHECK(row_text(summary.by_operator, 0) == "Netbeheerder: 0 1 0 0 = 1");
  CHECK(row_text(summary.by_operator, 1) == "Waterbedrijf: 1 1 0 0 = 2");
  CHECK(row_text(summary.by_operator, 2) == "-: 0 0 1 1 = 2");
  CHECK(summary.by_operator.multiple == 1);
}
