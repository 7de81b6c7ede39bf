#include "engine/bdd.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <vector>

using namespace knelpunt;
using engine::Bdd;

namespace {

/// A random monotone function of `variables` variables: an OR of ANDs of
/// up to three variables each (the shape of a fault tree's cut sets).
Bdd::Ref random_function(Bdd& bdd, std::uint32_t variables, std::mt19937& random) {
  std::uniform_int_distribution<std::uint32_t> pick(0, variables - 1), terms(1, 6), width(1, 3);
  Bdd::Ref f = Bdd::kFalse;
  for (std::uint32_t t = terms(random); t > 0; --t) {
    Bdd::Ref term = Bdd::kTrue;
    for (std::uint32_t w = width(random); w > 0; --w)
      term = bdd.land(term, bdd.variable(pick(random)));
    f = bdd.lor(f, term);
  }
  return f;
}

}  // namespace

TEST_CASE("conditional probabilities equal restrict + probability for every variable") {
  std::mt19937 random(20261203);
  std::uniform_real_distribution<double> probability(0.0, 1.0);
  for (int round = 0; round < 300; ++round) {
    const std::uint32_t variables = 1 + round % 9;
    Bdd bdd(variables, 100'000);
    const auto f = random_function(bdd, variables, random);
    std::vector<double> p(variables);
    for (auto& value : p) value = round % 5 == 0 ? 0.5 : probability(random);
    const auto nodes_before = bdd.node_count();
    const auto conditional = bdd.conditional_probabilities(f, p);
    CHECK(bdd.node_count() == nodes_before);  // creates no node
    REQUIRE(conditional.size() == variables);
    for (std::uint32_t v = 0; v < variables; ++v) {
      const double if_true = bdd.probability(bdd.restrict(f, v, true), p);
      const double if_false = bdd.probability(bdd.restrict(f, v, false), p);
      CHECK(conditional[v].if_true == doctest::Approx(if_true).epsilon(1e-12));
      CHECK(conditional[v].if_false == doctest::Approx(if_false).epsilon(1e-12));
      CHECK(conditional[v].derivative == doctest::Approx(if_true - if_false).epsilon(1e-12));
    }
  }
}

TEST_CASE("conditional probabilities: a variable every way to 1 needs gives exactly 0 when false") {
  // f = x0 ∧ (x1 ∨ x2) ∧ x3: the edges from x1 jump over x2 with mass.
  Bdd bdd(4, 1'000);
  const auto f = bdd.land(bdd.land(bdd.variable(0), bdd.lor(bdd.variable(1), bdd.variable(2))),
                          bdd.variable(3));
  const std::vector<double> p{0.1, 0.3, 0.7, 0.9};
  const auto conditional = bdd.conditional_probabilities(f, p);
  CHECK(conditional[0].if_false == 0.0);
  CHECK(conditional[3].if_false == 0.0);
  CHECK(conditional[0].if_true == doctest::Approx((1 - 0.7 * 0.3) * 0.9));
  CHECK(conditional[1].if_true == doctest::Approx(0.1 * 0.9));
  CHECK(conditional[1].if_false == doctest::Approx(0.1 * 0.7 * 0.9));
  CHECK(conditional[2].if_false == doctest::Approx(0.1 * 0.3 * 0.9));
}

TEST_CASE("conditional probabilities of constants and of variables f does not depend on") {
  Bdd bdd(3, 1'000);
  const std::vector<double> p{0.2, 0.4, 0.6};
  for (const auto constant : {Bdd::kFalse, Bdd::kTrue}) {
    const auto conditional = bdd.conditional_probabilities(constant, p);
    for (const auto& row : conditional) {
      CHECK(row.if_true == (constant == Bdd::kTrue ? 1.0 : 0.0));
      CHECK(row.if_false == row.if_true);
      CHECK(row.derivative == 0.0);
    }
  }
  const auto f = bdd.variable(1);
  const auto conditional = bdd.conditional_probabilities(f, p);
  CHECK(conditional[0].if_true == doctest::Approx(0.4));
  CHECK(conditional[0].if_false == doctest::Approx(0.4));
  CHECK(conditional[2].if_true == doctest::Approx(0.4));
  CHECK(conditional[1].if_true == 1.0);
  CHECK(conditional[1].if_false == 0.0);
  CHECK(conditional[1].derivative == 1.0);
}

TEST_CASE("DdCache: an entry is found until its slot is taken; growing keeps what fits") {
  engine::DdCache cache;
  const auto slots = cache.slot_count();
  // More keys than slots: each key is either found with its value or missing.
  for (std::uint32_t i = 0; i < 3 * slots; ++i) cache.insert(engine::DdKey{i, i + 1, 7, 0}, i);
  std::size_t found = 0;
  for (std::uint32_t i = 0; i < 3 * slots; ++i) {
    const auto value = cache.find(engine::DdKey{i, i + 1, 7, 0});
    if (value == engine::DdCache::kMissing) continue;
    CHECK(value == i);
    ++found;
  }
  CHECK(found > 0);
  CHECK(found <= slots);
  CHECK(cache.find(engine::DdKey{1, 1, 1, 1}) == engine::DdCache::kMissing);
  // The last key inserted is always there, and still after growing.
  const engine::DdKey last{3 * static_cast<std::uint32_t>(slots) - 1,
                           3 * static_cast<std::uint32_t>(slots), 7, 0};
  CHECK(cache.find(last) == 3 * slots - 1);
  cache.reserve_for(4 * slots);
  CHECK(cache.slot_count() == 4 * slots);
  CHECK(cache.find(last) == 3 * slots - 1);
}

TEST_CASE("a BDD whose computed cache loses entries builds the same nodes") {
  // Enough operations on enough variables that the cache (one slot per node)
  // overwrites entries; the result must equal the function built again.
  std::mt19937 random(7);
  Bdd bdd(40, 2'000'000);
  std::vector<Bdd::Ref> functions;
  for (int i = 0; i < 200; ++i) functions.push_back(random_function(bdd, 40, random));
  Bdd::Ref all = Bdd::kFalse;
  for (auto f : functions) all = bdd.lor(all, f);
  const auto nodes = bdd.node_count();
  Bdd::Ref again = Bdd::kFalse;
  for (auto f : functions) again = bdd.lor(again, f);
  CHECK(again == all);
  CHECK(bdd.node_count() == nodes);
}
