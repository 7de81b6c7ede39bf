#include <doctest/doctest.h>

#include "register/operator_view.hpp"

using namespace knelpunt;

TEST_CASE("operator view: keeps the entries that name an operator and reports names no entry has") {
  risk_register::Register reg;
  auto add = [&](std::string id, std::vector<std::string> operators) {
    risk_register::Risk risk;
    risk.id = std::move(id);
    risk.operators = std::move(operators);
    reg.risks.push_back(std::move(risk));
  };
  add("KP-KNP-000001", {"Netbeheerder"});
  add("KP-CCP-000002", {"Drinkwaterbedrijf", "Netbeheerder"});
  add("KP-ZONE-000003", {});
  add("KP-KNP-000004", {"Drinkwaterbedrijf"});

  auto water = reg;
  CHECK(risk_register::keep_operators(water, {"Drinkwaterbedrijf"}).empty());
  REQUIRE(water.risks.size() == 2);
  CHECK(water.risks[0].id == "KP-CCP-000002");  // a pair both operate: in both views
  CHECK(water.risks[1].id == "KP-KNP-000004");

  auto typo = reg;
  CHECK(risk_register::keep_operators(typo, {"Netbeheerder", "Drinkwaterbedryf"}) ==
        std::vector<std::string>{"Drinkwaterbedryf"});
  CHECK(typo.risks.size() == 2);
}
