#include "engine/fault_tree.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "engine/cut_sets.hpp"

using namespace knelpunt;
using model::AssetIndex;
using model::kNever;
using Op = engine::FaultTreeFormula::Op;

namespace {

/// Assets and groups (asset, need, time_to_impact, suppliers), as in cut_sets_test.cpp.
struct TreeModel {
  std::vector<std::string> ids;
  std::vector<bool> virtual_flags;
  std::vector<model::GraphGroup> groups;
  std::vector<AssetIndex> suppliers;

  AssetIndex asset(const std::string& id, bool is_virtual = false) {
    ids.push_back(id);
    virtual_flags.push_back(is_virtual);
    return static_cast<AssetIndex>(ids.size() - 1);
  }
  TreeModel& group(AssetIndex of, std::uint32_t need, double time_to_impact,
                   std::vector<AssetIndex> from) {
    model::GraphGroup g;
    g.asset = of;
    g.need = need;
    g.supplier_count = static_cast<std::uint32_t>(from.size());
    g.time_to_impact = time_to_impact;
    g.first = static_cast<std::uint32_t>(suppliers.size());
    suppliers.insert(suppliers.end(), from.begin(), from.end());
    groups.push_back(g);
    return *this;
  }
  model::DependencyGraph graph() const {
    auto sorted = groups;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.asset < b.asset; });
    return model::DependencyGraph(ids, virtual_flags, sorted, suppliers);
  }
};

bool evaluate(const engine::FaultTree& tree, const engine::FaultTreeFormula& formula,
              const std::vector<bool>& failed) {
  std::uint32_t count = 0;
  for (const auto& input : formula.inputs) count += evaluate(tree, input, failed) ? 1 : 0;
  switch (formula.op) {
    case Op::basic_event:
      return failed[formula.index];
    case Op::gate:
      return evaluate(tree, tree.gates[formula.index].formula, failed);
    case Op::constant_false:
      return false;
    case Op::any:
      return count >= 1;
    case Op::all:
      return count == formula.inputs.size();
    case Op::at_least:
      return count >= formula.min;
  }
  return false;
}

/// What MEF requires of every formula: no repeated argument, at least two
/// arguments for and/or/atleast, 1 < min < n, gates referring only backwards.
void check_well_formed(const engine::FaultTree& tree, const engine::FaultTreeFormula& formula,
                       std::size_t gate) {
  if (formula.op == Op::gate) CHECK(formula.index < gate);
  if (formula.op == Op::any || formula.op == Op::all || formula.op == Op::at_least) {
    CHECK(formula.inputs.size() >= 2);
    std::set<std::pair<Op, std::uint32_t>> leaves;
    for (const auto& input : formula.inputs)
      if (input.op == Op::basic_event || input.op == Op::gate)
        CHECK(leaves.insert({input.op, input.index}).second);
  }
  if (formula.op == Op::at_least) CHECK((formula.min > 1 && formula.min < formula.inputs.size()));
  for (const auto& input : formula.inputs) check_well_formed(tree, input, gate);
}

/// The tree's function on every subset equals "target in S, or S holds a
/// minimal cut set" (engine/cut_sets.hpp, no order limit).
void check_against_cut_sets(const model::DependencyGraph& graph, AssetIndex target,
                            model::Hours horizon, bool force_bdd) {
  engine::FaultTreeOptions options;
  options.horizon = horizon;
  options.force_bdd = force_bdd;
  const auto tree = engine::build_fault_tree(graph, target, options);
  REQUIRE(tree.top < tree.gates.size());
  for (std::size_t g = 0; g < tree.gates.size(); ++g)
    check_well_formed(tree, tree.gates[g].formula, g);
  const auto cut_sets = engine::minimal_cut_sets(graph, target, engine::CutSetOptions{0, horizon});
  const auto n = graph.asset_count();
  for (std::uint32_t mask = 0; mask < (1u << n); ++mask) {
    std::vector<bool> failed(n);
    for (AssetIndex a = 0; a < n; ++a) failed[a] = ((mask >> a) & 1u) != 0 && !graph.is_virtual(a);
    bool expected = failed[target];
    for (const auto& set : cut_sets.sets)
      expected = expected || std::all_of(set.begin(), set.end(), [&](auto a) { return failed[a]; });
    CHECK(evaluate(tree, tree.gates[tree.top].formula, failed) == expected);
  }
}

bool has_op(const engine::FaultTreeFormula& formula, Op op) {
  if (formula.op == op) return true;
  return std::any_of(formula.inputs.begin(), formula.inputs.end(),
                     [&](const auto& f) { return has_op(f, op); });
}

}  // namespace

TEST_CASE(
    "fault tree: 2-of-3 is an atleast gate, a buffer is unrolled into states with smaller "
    "budgets") {
  TreeModel m;
  const auto target = m.asset("target");
  const auto a = m.asset("a"), b = m.asset("b"), c = m.asset("c"), gen = m.asset("gen");
  m.group(target, 1, 0, {a, b, c});  // need 1 of 3: lost when all three are lost
  m.group(target, 2, 0, {a, b, c});  // need 2 of 3: lost when 2 are lost
  m.group(a, 1, 24, {gen});
  const auto graph = m.graph();
  engine::FaultTreeOptions options;
  options.horizon = 48;
  const auto tree = engine::build_fault_tree(graph, target, options);
  CHECK(tree.form == engine::FaultTreeForm::structural);
  CHECK(has_op(tree.gates[tree.top].formula, Op::at_least));
  CHECK(has_op(tree.gates[tree.top].formula, Op::all));
  // The gate "a fails within 48h" holds gen through the 24h buffer.
  const auto gate_a = std::find_if(tree.gates.begin(), tree.gates.end(),
                                   [&](const auto& g) { return g.asset == a; });
  REQUIRE(gate_a != tree.gates.end());
  CHECK(gate_a->budget == 48);
  CHECK(tree.basic_events == std::vector<AssetIndex>{a, b, c, gen, target});

  options.horizon = 12;  // the buffer outlasts the horizon: gen drops out
  const auto short_tree = engine::build_fault_tree(graph, target, options);
  CHECK(std::find(short_tree.basic_events.begin(), short_tree.basic_events.end(), gen) ==
        short_tree.basic_events.end());
}

TEST_CASE(
    "fault tree: a zero-delay cycle takes the BDD form, a virtual target that cannot fail is "
    "constant false") {
  TreeModel m;
  const auto top = m.asset("top", true);
  const auto x = m.asset("x"), y = m.asset("y"), feed = m.asset("feed");
  m.group(top, 1, 0, {x});
  m.group(x, 1, 0, {y});
  m.group(y, 1, 0, {x, feed});
  const auto graph = m.graph();
  const auto tree = engine::build_fault_tree(graph, top, engine::FaultTreeOptions{});
  CHECK(tree.form == engine::FaultTreeForm::bdd);
  check_against_cut_sets(graph, top, kNever, false);

  TreeModel lonely;
  const auto gate = lonely.asset("gate", true);
  const auto tree2 = engine::build_fault_tree(lonely.graph(), gate, engine::FaultTreeOptions{});
  REQUIRE(tree2.gates.size() == 1);
  CHECK(tree2.gates[0].formula.op == Op::constant_false);
  CHECK(tree2.basic_events.empty());
}

TEST_CASE("fault tree: two virtual suppliers passing one state on are one argument, not two") {
  TreeModel m;
  const auto target = m.asset("target");
  const auto v1 = m.asset("v1", true), v2 = m.asset("v2", true);
  const auto a = m.asset("a"), b = m.asset("b");
  m.group(target, 2, 0, {v1, v2, b});  // lost when 2 of 3 are lost; v1 and v2 are both "a"
  m.group(v1, 1, 0, {a});
  m.group(v2, 1, 0, {a});
  const auto graph = m.graph();
  check_against_cut_sets(graph, target, kNever, false);
  const auto tree = engine::build_fault_tree(graph, target, engine::FaultTreeOptions{});
  CHECK_FALSE(has_op(tree.gates[tree.top].formula, Op::at_least));  // a alone suffices
}

TEST_CASE("fault tree: random models, both forms, equal the cut sets on every subset") {
  std::mt19937 rng(31);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const double buffers[] = {0, 0, 1, 2};
  const double horizons[] = {0, 1, 3, kNever};
  for (int round = 0; round < 150; ++round) {
    TreeModel m;
    const int n = 3 + pick(5);
    for (int i = 0; i < n; ++i) m.asset("a" + std::to_string(i), i > 0 && pick(4) == 0);
    for (int i = 0; i < n; ++i) {
      for (int g = pick(3); g > 0; --g) {
        std::vector<AssetIndex> from;
        for (int j = 0; j < n; ++j)
          if (j != i && (j > i || pick(4) == 0) && pick(2) == 0)
            from.push_back(static_cast<AssetIndex>(j));
        if (from.empty()) continue;
        const auto need = static_cast<std::uint32_t>(1 + pick(static_cast<int>(from.size())));
        m.group(static_cast<AssetIndex>(i), need, buffers[pick(4)], from);
      }
    }
    const auto graph = m.graph();
    const auto target = static_cast<AssetIndex>(pick(n));
    const auto horizon = horizons[pick(4)];
    CAPTURE(round);
    check_against_cut_sets(graph, target, horizon, false);
    check_against_cut_sets(graph, target, horizon, true);
  }
}
