#include "engine/probability.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

using namespace knelpunt;
using model::AssetIndex;
using model::kNever;

namespace {

struct ProbabilityModel {
  std::vector<std::string> ids;
  std::vector<bool> virtual_flags;
  std::vector<double> p;
  std::vector<model::GraphGroup> groups;
  std::vector<AssetIndex> suppliers;

  AssetIndex asset(const std::string& id, double probability, bool is_virtual = false) {
    ids.push_back(id);
    virtual_flags.push_back(is_virtual);
    p.push_back(probability);
    return static_cast<AssetIndex>(ids.size() - 1);
  }
  void group(AssetIndex of, std::uint32_t need, double time_to_impact, std::vector<AssetIndex> from) {
    model::GraphGroup g;
    g.asset = of;
    g.need = need;
    g.supplier_count = static_cast<std::uint32_t>(from.size());
    g.time_to_impact = time_to_impact;
    g.first = static_cast<std::uint32_t>(suppliers.size());
    suppliers.insert(suppliers.end(), from.begin(), from.end());
    groups.push_back(g);
  }
  model::DependencyGraph graph() const { return model::DependencyGraph(ids, virtual_flags, groups, suppliers); }
  engine::ProbabilityResult run(AssetIndex target, model::Hours horizon = kNever) const {
    return engine::failure_probability(graph(), target, p, engine::ProbabilityOptions{horizon});
  }
};

const engine::Importance& row(const engine::ProbabilityResult& result, AssetIndex asset) {
  for (const auto& r : result.importance)
    if (r.asset == asset) return r;
  FAIL("no importance row");
  return result.importance.front();
}

}  // namespace

TEST_CASE("AND of two: P = pa · pb") {
  ProbabilityModel m;
  const auto top = m.asset("top", 0, true), a = m.asset("a", 0.1), b = m.asset("b", 0.2);
  m.group(top, 1, 0, {a, b});
  const auto result = m.run(top);
  CHECK(result.method == engine::ProbabilityMethod::exact);
  CHECK(result.value == doctest::Approx(0.02));
  CHECK(row(result, a).birnbaum == doctest::Approx(0.2));
  CHECK(row(result, a).raw == doctest::Approx(10.0));
  CHECK(std::isnan(row(result, a).rrw));  // P(top | a up) = 0
  CHECK(row(result, a).criticality == doctest::Approx(1.0));
  CHECK(row(result, a).fussell_vesely == doctest::Approx(1.0));
}

TEST_CASE("Fussell–Vesely counts the failures of cut sets containing x, overlaps once") {
  // top = a·b ∨ a·c: P(cut sets with b) = pa·pb; with a: P(a·(b ∨ c)).
  ProbabilityModel m;
  const auto top = m.asset("top", 0, true), a = m.asset("a", 0.5), b = m.asset("b", 0.2), c = m.asset("c", 0.4),
             either = m.asset("b-or-c", 0, true);
  m.group(top, 1, 0, {a, either});  // AND
  m.group(either, 1, 0, {b});       // OR
  m.group(either, 1, 0, {c});
  const auto result = m.run(top);
  const double p = 0.5 * (1 - 0.8 * 0.6);
  CHECK(result.value == doctest::Approx(p));
  CHECK(result.fussell_vesely_computed);
  CHECK(row(result, a).fussell_vesely == doctest::Approx(1.0));
  CHECK(row(result, b).fussell_vesely == doctest::Approx(0.5 * 0.2 / p));
  CHECK(row(result, c).fussell_vesely == doctest::Approx(0.5 * 0.4 / p));
}

TEST_CASE("over the Fussell–Vesely budget: FV is NaN, P and the other measures stay exact") {
  ProbabilityModel m;
  const auto top = m.asset("top", 0, true), a = m.asset("a", 0.5), b = m.asset("b", 0.2), c = m.asset("c", 0.4),
             either = m.asset("b-or-c", 0, true);
  m.group(top, 1, 0, {a, either});
  m.group(either, 1, 0, {b});
  m.group(either, 1, 0, {c});
  engine::ProbabilityOptions options;
  options.fussell_vesely_node_limit = 2;  // fewer than the function's own nodes
  const auto result = engine::failure_probability(m.graph(), top, m.p, options);
  const double p = 0.5 * (1 - 0.8 * 0.6);
  CHECK(result.method == engine::ProbabilityMethod::exact);
  CHECK(result.value == doctest::Approx(p));
  CHECK_FALSE(result.fussell_vesely_computed);
  CHECK(std::isnan(row(result, a).fussell_vesely));
  CHECK(row(result, b).birnbaum == doctest::Approx(0.5 * 0.6));
  CHECK(row(result, b).raw == doctest::Approx(0.5 / p));
  CHECK(row(result, b).rrw == doctest::Approx(p / (0.5 * 0.4)));
  CHECK(std::isnan(row(result, a).rrw));  // P(top | a up) = 0
}

TEST_CASE(
    "progress: P as one step, then one unit per asset ranked, computed or over the FV budget") {
  ProbabilityModel m;
  const auto top = m.asset("top", 0, true), a = m.asset("a", 0.5), b = m.asset("b", 0.2),
             c = m.asset("c", 0.4), either = m.asset("b-or-c", 0, true);
  m.group(top, 1, 0, {a, either});
  m.group(either, 1, 0, {b});
  m.group(either, 1, 0, {c});
  using Call = std::tuple<std::string, std::uint64_t, std::uint64_t>;
  const std::vector<Call> expected{{"probability", 0, 1}, {"probability", 1, 1},
                                   {"importance", 0, 3},  {"importance", 1, 3},
                                   {"importance", 2, 3},  {"importance", 3, 3}};
  for (const std::size_t budget : {std::size_t{250'000}, std::size_t{2}}) {
    CAPTURE(budget);
    std::vector<Call> calls;
    engine::ProbabilityOptions options;
    options.fussell_vesely_node_limit = budget;
    options.progress = [&](std::string_view step, std::uint64_t done, std::uint64_t total) {
      calls.emplace_back(std::string(step), done, total);
    };
    const auto result = engine::failure_probability(m.graph(), top, m.p, options);
    CHECK(result.value == doctest::Approx(0.5 * (1 - 0.8 * 0.6)));
    if (result.fussell_vesely_computed) {
      CHECK(calls == expected);
    } else {  // the rows are done at once when Fussell–Vesely is not computed
      CHECK(calls == std::vector<Call>{expected[0], expected[1], expected[2], expected[5]});
    }
  }
}

TEST_CASE("over the node limit with more cut sets than the bounds may list: no value, not the memory") {
  ProbabilityModel m;
  const auto top = m.asset("top", 0, true), a = m.asset("a", 0.1), b = m.asset("b", 0.2);
  m.group(top, 1, 0, {a});
  m.group(top, 1, 0, {b});
  engine::ProbabilityOptions options;
  options.node_limit = 3;  // the terminals and one variable: the BDD does not fit
  options.bounds_max_sets = 2;
  auto result = engine::failure_probability(m.graph(), top, m.p, options);
  CHECK(result.method == engine::ProbabilityMethod::bounds);  // {a}, {b}: two sets fit
  CHECK(result.value == doctest::Approx(1 - 0.9 * 0.8));
  options.bounds_max_sets = 1;
  result = engine::failure_probability(m.graph(), top, m.p, options);
  CHECK(result.method == engine::ProbabilityMethod::too_large);
  CHECK(std::isnan(result.value));
  CHECK(result.node_limit == 3);
  CHECK(result.bounds_max_sets == 1);
  CHECK(result.importance.empty());
  options.bounds_max_sets = 2;
  options.bounds_zbdd_node_limit = 3;  // the terminals and {a}: {b} does not fit
  result = engine::failure_probability(m.graph(), top, m.p, options);
  CHECK(result.method == engine::ProbabilityMethod::too_large);
}

TEST_CASE("OR of two: P = 1 − (1 − pa)(1 − pb)") {
  ProbabilityModel m;
  const auto top = m.asset("top", 0, true), a = m.asset("a", 0.1), b = m.asset("b", 0.2);
  m.group(top, 1, 0, {a});
  m.group(top, 1, 0, {b});
  const auto result = m.run(top);
  CHECK(result.value == doctest::Approx(0.28));
  const auto& ra = row(result, a);
  CHECK(ra.birnbaum == doctest::Approx(0.8));
  CHECK(ra.criticality == doctest::Approx(0.8 * 0.1 / 0.28));
  CHECK(ra.fussell_vesely == doctest::Approx(0.1 / 0.28));  // P(cut set {a} failed) / P
  CHECK(ra.raw == doctest::Approx(1 / 0.28));
  CHECK(ra.rrw == doctest::Approx(0.28 / 0.2));
}

TEST_CASE("2-of-3 with equal p: 3p²(1 − p) + p³") {
  ProbabilityModel m;
  const auto top = m.asset("top", 0, true), a = m.asset("a", 0.1), b = m.asset("b", 0.1), c = m.asset("c", 0.1);
  m.group(top, 2, 0, {a, b, c});
  CHECK(m.run(top).value == doctest::Approx(3 * 0.01 * 0.9 + 0.001));
}

TEST_CASE("the target's own p counts, and the target is ranked too") {
  ProbabilityModel m;
  const auto top = m.asset("top", 0.5), a = m.asset("a", 0.2);
  m.group(top, 1, 0, {a});
  const auto result = m.run(top);
  CHECK(result.value == doctest::Approx(0.6));
  CHECK(result.importance.size() == 2);
  CHECK(row(result, top).birnbaum == doctest::Approx(0.8));
}

TEST_CASE("time buffers: the generator only matters within its buffer") {
  ProbabilityModel m;
  const auto hospital = m.asset("hospital", 0, true), grid = m.asset("grid", 0.1),
             generator = m.asset("generator", 0.2), fuel = m.asset("fuel", 0);
  m.group(hospital, 1, 0, {grid, generator});
  m.group(generator, 1, 72, {fuel});
  m.group(fuel, 1, 0, {grid});
  CHECK(m.run(hospital, 24).value == doctest::Approx(0.02));
  CHECK(m.run(hospital, 96).value == doctest::Approx(0.1));
}

TEST_CASE("a cycle without a failing entry adds nothing") {
  ProbabilityModel m;
  const auto top = m.asset("top", 0, true), power = m.asset("power", 0.1), telecom = m.asset("telecom", 0.2);
  m.group(top, 1, 0, {power});
  m.group(power, 1, 0, {telecom});
  m.group(telecom, 1, 0, {power});
  CHECK(m.run(top).value == doctest::Approx(1 - 0.9 * 0.8));
}

TEST_CASE("assets without p count as never failing") {
  ProbabilityModel m;
  const auto top = m.asset("top", 0, true), a = m.asset("a", 0), b = m.asset("b", 0.3);
  m.group(top, 1, 0, {a});
  m.group(top, 1, 0, {b});
  const auto result = m.run(top);
  CHECK(result.value == doctest::Approx(0.3));
  CHECK(row(result, a).birnbaum == doctest::Approx(0.7));
  CHECK(row(result, a).criticality == doctest::Approx(0.0));
}
