#include "engine/fault_tree.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include "engine/bdd.hpp"
#include "engine/bdd_formula.hpp"

namespace knelpunt::engine {

namespace {

using Formula = FaultTreeFormula;
using Op = FaultTreeFormula::Op;

Formula basic_event(model::AssetIndex asset) { return Formula{Op::basic_event, asset, 0, {}}; }
Formula gate_ref(std::uint32_t gate) { return Formula{Op::gate, gate, 0, {}}; }

bool is_leaf(const Formula& formula) {
  return formula.op == Op::basic_event || formula.op == Op::gate;
}
bool same_leaf(const Formula& a, const Formula& b) { return a.op == b.op && a.index == b.index; }

/// At least `min` of `inputs` (min ≥ 1, inputs that are constantly false
/// already left out); nullopt when that cannot happen. The same leaf can
/// come twice (two virtual suppliers passing on one state): MEF forbids
/// repeated arguments, so a repeated leaf x with multiplicity m is taken out
/// by Shannon expansion, (x ∧ ATLEAST(min − m, rest)) ∨ ATLEAST(min, rest),
/// which is exact and needs no negation.
std::optional<Formula> at_least(std::uint32_t min, std::vector<Formula> inputs) {
  if (min > inputs.size()) return std::nullopt;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (!is_leaf(inputs[i])) continue;
    const auto repeats =
        std::count_if(inputs.begin() + static_cast<std::ptrdiff_t>(i) + 1, inputs.end(),
                      [&](const Formula& other) { return same_leaf(other, inputs[i]); });
    if (repeats == 0) continue;
    const Formula leaf = inputs[i];
    std::vector<Formula> rest;
    for (auto& input : inputs)
      if (!same_leaf(input, leaf)) rest.push_back(input);
    const auto multiplicity = static_cast<std::uint32_t>(repeats + 1);
    std::vector<Formula> terms;
    if (multiplicity >= min) {
      terms.push_back(leaf);
    } else if (auto others = at_least(min - multiplicity, rest)) {
      terms.push_back(Formula{Op::all, 0, 0, {leaf, std::move(*others)}});
    }
    if (auto without = at_least(min, std::move(rest))) terms.push_back(std::move(*without));
    if (terms.empty()) return std::nullopt;
    if (terms.size() == 1) return std::move(terms.front());
    return Formula{Op::any, 0, 0, std::move(terms)};
  }
  if (inputs.size() == 1) return std::move(inputs.front());
  if (min == 1) return Formula{Op::any, 0, 0, std::move(inputs)};
  if (min == inputs.size()) return Formula{Op::all, 0, 0, std::move(inputs)};
  return Formula{Op::at_least, 0, min, std::move(inputs)};
}

/// A formula written out as text, equal exactly when the formulas are.
void append_signature(std::string& out, const Formula& formula) {
  out += std::to_string(static_cast<int>(formula.op));
  out += formula.op == Op::at_least ? "/" + std::to_string(formula.min) : "";
  if (formula.op == Op::basic_event || formula.op == Op::gate) {
    out += "#" + std::to_string(formula.index);
    return;
  }
  out += "(";
  for (const auto& input : formula.inputs) {
    append_signature(out, input);
    out += ",";
  }
  out += ")";
}

/// Drops repeated basic events and gates from an OR (x ∨ x = x): two groups
/// of one asset can come down to the same supplier state.
void deduplicate_leaves(std::vector<Formula>& terms) {
  std::set<std::pair<Op, std::uint32_t>> seen;
  std::erase_if(terms, [&](const Formula& term) {
    if (term.op != Op::basic_event && term.op != Op::gate) return false;
    return !seen.insert({term.op, term.index}).second;
  });
}

/// Raised when the structural form meets a state solved by Kleene iteration.
struct CyclicState {};

/// The structural form: the recursion of engine/bdd_formula.hpp
/// (FailureFormula::local) written out as gates instead of evaluated.
class StructuralBuilder {
 public:
  StructuralBuilder(const model::DependencyGraph& graph, const FormulaComponents& components,
                    FaultTree& tree)
      : graph_(graph), components_(components), tree_(tree) {}

  /// "asset fails within budget" as a leaf (a basic event or a gate), or
  /// nullopt when nothing can make it fail.
  std::optional<Formula> state(model::AssetIndex asset, model::Hours budget) {
    const std::pair key{asset, std::bit_cast<std::uint64_t>(budget)};
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    const auto& components = std::isinf(budget) ? components_.infinite : components_.finite;
    if (components.cyclic[components.component_of[asset]]) throw CyclicState{};
    // A supplier that counts through a grounding or delivery state (a cycle
    // mate, an own buffer): those states are solved in the BDD form only.
    for (auto g : graph_.groups_of(asset)) {
      const auto& group = graph_.group(g);
      for (std::uint32_t slot = 0; slot < group.supplier_count; ++slot)
        if (components_.child_node[group.first + slot] != graph_.suppliers(g)[slot]) throw CyclicState{};
    }

    std::vector<Formula> terms;
    if (!graph_.is_virtual(asset)) terms.push_back(basic_event(asset));
    for (auto g : graph_.groups_of(asset)) {
      const auto& group = graph_.group(g);
      if (group.time_to_impact > budget) continue;
      const auto next = budget - group.time_to_impact;
      std::vector<Formula> inputs;
      for (auto supplier : graph_.suppliers(g))
        if (auto input = state(supplier, next)) inputs.push_back(std::move(*input));
      if (auto lost = at_least(group.losses_to_fail(), std::move(inputs)))
        terms.push_back(std::move(*lost));
    }
    deduplicate_leaves(terms);
    std::optional<Formula> result;
    if (terms.size() == 1 && is_leaf(terms.front())) {
      // The asset itself with nothing behind it within the budget, or a
      // virtual asset passing one state on: no gate of its own.
      result = std::move(terms.front());
    } else if (!terms.empty()) {
      // States of one asset whose formulas come out the same (budgets
      // between the same buffers) share one gate, named after the smallest
      // such budget.
      Formula formula =
          terms.size() == 1 ? std::move(terms.front()) : Formula{Op::any, 0, 0, std::move(terms)};
      std::string signature = std::to_string(asset) + ":";
      append_signature(signature, formula);
      auto [it, inserted] = gate_of_signature_.try_emplace(std::move(signature), 0u);
      if (inserted) {
        tree_.gates.push_back(FaultTreeGate{asset, budget, std::move(formula)});
        it->second = static_cast<std::uint32_t>(tree_.gates.size() - 1);
      } else {
        auto& gate = tree_.gates[it->second];
        gate.budget = std::min(gate.budget, budget);
      }
      result = gate_ref(it->second);
    }
    memo_.emplace(key, result);
    return result;
  }

 private:
  const model::DependencyGraph& graph_;
  const FormulaComponents& components_;
  FaultTree& tree_;
  std::map<std::pair<model::AssetIndex, std::uint64_t>, std::optional<Formula>> memo_;
  std::map<std::string, std::uint32_t> gate_of_signature_;
};

/// The BDD form: every internal node of the function's BDD becomes a gate.
class BddGateWriter {
 public:
  BddGateWriter(const Bdd& bdd, const FormulaVariables& variables, model::Hours horizon,
                FaultTree& tree)
      : bdd_(bdd), variables_(variables), horizon_(horizon), tree_(tree) {}

  /// The node as a leaf: constant false, a basic event or a gate.
  Formula node(Bdd::Ref f) {
    if (f == Bdd::kFalse) return Formula{Op::constant_false, 0, 0, {}};
    if (f == Bdd::kTrue) throw FaultTreeAlwaysFails("the target fails with nothing failed");
    if (auto it = memo_.find(f); it != memo_.end()) return it->second;
    const auto asset = variables_.asset_of_variable[bdd_.top_variable(f)];
    const Bdd::Ref lo = bdd_.low(f), hi = bdd_.high(f);
    // Monotone: hi ≥ lo, so hi is never false in a reduced node.
    if (hi == Bdd::kFalse)
      throw std::logic_error("fault tree: a failure function that is not monotone");
    Formula result;
    if (lo == Bdd::kFalse && hi == Bdd::kTrue) {
      result = basic_event(asset);
    } else {
      Formula when_failed = hi == Bdd::kTrue
                                ? basic_event(asset)
                                : Formula{Op::all, 0, 0, {basic_event(asset), node(hi)}};
      Formula formula = lo == Bdd::kFalse
                            ? std::move(when_failed)
                            : Formula{Op::any, 0, 0, {std::move(when_failed), node(lo)}};
      tree_.gates.push_back(FaultTreeGate{asset, horizon_, std::move(formula)});
      result = gate_ref(static_cast<std::uint32_t>(tree_.gates.size() - 1));
    }
    memo_.emplace(f, result);
    return result;
  }

 private:
  const Bdd& bdd_;
  const FormulaVariables& variables_;
  model::Hours horizon_;
  FaultTree& tree_;
  std::map<Bdd::Ref, Formula> memo_;
};

void mark_reachable(const Formula& formula, const FaultTree& tree, std::vector<bool>& reachable) {
  if (formula.op == Op::gate && !reachable[formula.index]) {
    reachable[formula.index] = true;
    mark_reachable(tree.gates[formula.index].formula, tree, reachable);
  }
  for (const auto& input : formula.inputs) mark_reachable(input, tree, reachable);
}

void renumber(Formula& formula, const std::vector<std::uint32_t>& new_index) {
  if (formula.op == Op::gate) formula.index = new_index[formula.index];
  for (auto& input : formula.inputs) renumber(input, new_index);
}

/// Drops the gates that simplification left unused (a state built, then
/// absorbed by a repeated argument): a tree has one top event.
void keep_reachable(FaultTree& tree) {
  std::vector<bool> reachable(tree.gates.size(), false);
  mark_reachable(gate_ref(tree.top), tree, reachable);
  std::vector<std::uint32_t> new_index(tree.gates.size(), 0);
  std::vector<FaultTreeGate> kept;
  for (std::size_t g = 0; g < tree.gates.size(); ++g) {
    if (!reachable[g]) continue;
    new_index[g] = static_cast<std::uint32_t>(kept.size());
    kept.push_back(std::move(tree.gates[g]));
  }
  for (auto& gate : kept) renumber(gate.formula, new_index);
  tree.top = new_index[tree.top];
  tree.gates = std::move(kept);
}

void collect_basic_events(const Formula& formula, std::set<model::AssetIndex>& out) {
  if (formula.op == Op::basic_event) out.insert(formula.index);
  for (const auto& input : formula.inputs) collect_basic_events(input, out);
}

/// Makes `top` the top gate: a new gate when it is a basic event or constant.
void set_top(FaultTree& tree, Formula top, model::AssetIndex target, model::Hours horizon) {
  if (top.op == Op::gate) {
    tree.top = top.index;
    return;
  }
  tree.gates.push_back(FaultTreeGate{target, horizon, std::move(top)});
  tree.top = static_cast<std::uint32_t>(tree.gates.size() - 1);
}

FaultTree bdd_form(const model::DependencyGraph& graph, const FormulaComponents& components,
                   model::AssetIndex target, const FaultTreeOptions& options) {
  FaultTree tree;
  tree.form = FaultTreeForm::bdd;
  const auto variables = order_variables(graph, target, true);
  Bdd bdd(static_cast<std::uint32_t>(variables.asset_of_variable.size()), options.bdd_node_limit);
  // No excluded asset: the target's own variable is part of the function,
  // x_target ∨ fails(target, H) (docs/cut-sets.md, Probability).
  FailureFormula<Bdd> formula(graph, components, variables, model::kNoIndex, bdd);
  const auto function = formula.fails_within(target, options.horizon);
  BddGateWriter writer(bdd, variables, options.horizon, tree);
  Formula top = writer.node(function);
  // The top gate stands for the target, whatever variable the root tests.
  if (top.op == Op::gate) {
    tree.gates[top.index].asset = target;
    tree.top = top.index;
  } else {
    set_top(tree, std::move(top), target, options.horizon);
  }
  return tree;
}

}  // namespace

FaultTree build_fault_tree(const model::DependencyGraph& graph, model::AssetIndex target,
                           const FaultTreeOptions& options) {
  const auto components = formula_components(graph);
  FaultTree tree;
  if (options.force_bdd) {
    tree = bdd_form(graph, components, target, options);
  } else {
    try {
      StructuralBuilder builder(graph, components, tree);
      auto top = builder.state(target, options.horizon);
      set_top(tree, top ? std::move(*top) : Formula{Op::constant_false, 0, 0, {}}, target,
              options.horizon);
    } catch (const CyclicState&) {
      tree = bdd_form(graph, components, target, options);
    }
  }
  keep_reachable(tree);
  std::set<model::AssetIndex> events;
  for (const auto& gate : tree.gates) collect_basic_events(gate.formula, events);
  tree.basic_events.assign(events.begin(), events.end());
  std::sort(tree.basic_events.begin(), tree.basic_events.end(),
            [&](auto a, auto b) { return graph.id(a) < graph.id(b); });
  return tree;
}

}  // namespace knelpunt::engine
