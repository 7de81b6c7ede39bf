#include "register/variant_comparison.hpp"

#include <doctest/doctest.h>

#include "register/register_fixture.hpp"

using knelpunt::risk_register::compare_registers;

TEST_CASE(
    "variant comparison: each changed, removed and added risk keeps its level ids and names them") {
  const auto base = knelpunt::test::fixture_register();
  auto variant = base;
  // The first risk (level 3, "zeer-hoog") drops to 2; the second leaves; a new one comes in at 1.
  REQUIRE(base.risks.size() >= 3);
  variant.risks[0].level = 2;
  const std::string removed_id = variant.risks[1].id;
  variant.risks.erase(variant.risks.begin() + 1);
  auto added = variant.risks.back();
  added.id = "KP-NEW-000001";
  added.level = 1;
  variant.risks.push_back(added);

  const auto comparison = compare_registers(base, variant, 5);
  REQUIRE(comparison.reduced.size() == 1);
  const auto& reduced = comparison.reduced.front();
  // Ids for JSON and scripts; names for readers: "zeer hoog", not the id "zeer-hoog".
  CHECK(reduced.old_level == "zeer-hoog");
  CHECK(reduced.old_level_name.nl == "zeer hoog");
  CHECK(reduced.old_level_name.en == "very high");
  CHECK(reduced.new_level == "hoog");
  CHECK(reduced.new_level_name.en == "high");
  REQUIRE(comparison.removed.size() == 1);
  CHECK(comparison.removed.front().id == removed_id);
  CHECK(comparison.removed.front().new_level_name.nl.empty());
  REQUIRE(comparison.added.size() == 1);
  CHECK(comparison.added.front().new_level_name.nl == "midden");
  CHECK(comparison.added.front().old_level_name.en.empty());
}

TEST_CASE("variant comparison: an added critical pair gets its members' joint failure on both sides") {
  const auto base = knelpunt::test::fixture_register();
  REQUIRE(!base.risks.empty());
  auto variant = base;
  auto pair = base.risks.front();
  pair.id = "KP-CCP-000001";
  pair.finding.kind = "common-cause";
  pair.finding.assets = {"generator", "scada"};
  auto single = base.risks.front();
  single.id = "KP-KNP-000002";
  single.finding.kind = "spof";
  single.finding.assets = {"scada"};
  variant.risks.push_back(pair);
  variant.risks.push_back(single);

  auto comparison = compare_registers(base, variant, 5);
  REQUIRE(comparison.added.size() == 2);
  // Each side's cascade of both members failing at t=0; the sides differ.
  std::vector<std::vector<std::string>> asked;
  const auto people_hours = [&](double hours) {
    return [&asked, hours](const std::vector<knelpunt::model::InitialFailure>& initial) {
      std::vector<std::string> assets;
      for (const auto& failure : initial) {
        CHECK(failure.at == 0);
        assets.push_back(failure.asset);
      }
      asked.push_back(assets);
      knelpunt::risk_register::PeopleOverTime people;
      people.people_hours = hours;
      return people;
    };
  };
  knelpunt::risk_register::add_joint_failures(comparison, variant, people_hours(5000), people_hours(1200));
  const auto& added_pair = comparison.added[0].id == pair.id ? comparison.added[0] : comparison.added[1];
  const auto& added_single = comparison.added[0].id == pair.id ? comparison.added[1] : comparison.added[0];
  REQUIRE(added_pair.joint_failure.has_value());
  CHECK(added_pair.joint_failure->base_people_hours == 5000);
  CHECK(added_pair.joint_failure->variant_people_hours == 1200);
  // A single point's own failure is its entry already: nothing joint to show.
  CHECK_FALSE(added_single.joint_failure.has_value());
  CHECK(asked == std::vector<std::vector<std::string>>{{"generator", "scada"}, {"generator", "scada"}});
}

TEST_CASE("variant comparison: a risk at the same level with fewer affected assets or another score is changed") {
  const auto base = knelpunt::test::fixture_register();
  REQUIRE(base.risks.size() >= 3);
  auto variant = base;
  // The first keeps its level and score but one affected asset fewer; the
  // second keeps everything but its score; the third only gains an asset
  // the base model lacks (the measure's own generator).
  auto& fewer = variant.risks[0].finding.affected;
  fewer = {"a", "b", "c"};
  auto with_three = base;
  with_three.risks[0].finding.affected = {"a", "b", "c", "d"};
  variant.risks[1].impact_score = base.risks[1].impact_score + 10;
  with_three.risks[2].finding.affected = {"a"};
  variant.risks[2].finding.affected = {"a", "new-generator"};

  const auto in_both = [](std::string_view asset) { return asset != "new-generator"; };
  const auto comparison = compare_registers(with_three, variant, 5, in_both);
  CHECK(comparison.reduced.empty());
  CHECK(comparison.raised.empty());
  REQUIRE(comparison.changed.size() == 2);
  // The larger change in impact score first, whatever the register order.
  CHECK(comparison.changed[0].id == base.risks[1].id);
  CHECK(comparison.changed[0].new_score == comparison.changed[0].old_score + 10);
  CHECK(comparison.changed[1].id == base.risks[0].id);
  CHECK(comparison.changed[1].old_affected == 4);
  CHECK(comparison.changed[1].new_affected == 3);
  CHECK(comparison.changed[1].old_level == comparison.changed[1].new_level);
  // Without the filter the measure's own asset counts, and the third is changed too.
  CHECK(compare_registers(with_three, variant, 5).changed.size() == 3);
  // The same register on both sides: nothing changed.
  CHECK(compare_registers(base, base, 5).changed.empty());
}
