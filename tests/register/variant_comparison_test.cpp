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
