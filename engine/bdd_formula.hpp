#pragma once
/// The failure function of a target as a formula over decision diagrams
/// (docs/cut-sets.md). "v fails within budget b" (F(v) ≤ b, docs/model.md)
/// is a monotone Boolean function of the set S of assets failed at t = 0:
///
///   fails(v, b) = v ∈ S  ∨  ⋁ over groups g of v with tti(g) ≤ b of
///                 [at least n − k + 1 suppliers s with fails(s, b − tti(g))]
///
/// Failure times are the largest solution of the equations, so the predicate
/// is the *least* fixed point of this system: states (asset, budget) that
/// depend on each other without time passing (a dependency cycle with
/// time_to_impact 0, or any cycle when the horizon is infinite) are solved
/// together by Kleene iteration from "nothing fails". Every other state
/// depends only on states with a smaller budget or later in the
/// condensation, so plain memoised recursion suffices there.
///
/// `Algebra` supplies the Boolean operations on its own values:
///   using Ref; Ref zero(); Ref one(); Ref variable(std::uint32_t);
///   Ref lor(Ref, Ref); Ref land(Ref, Ref);
/// (Ref equality must mean function equality, as in a canonical BDD/ZBDD).

#include <bit>
#include <cmath>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "model/dependency_graph.hpp"

namespace knelpunt::engine {

/// The decision-diagram variables of a target's failure function.
struct FormulaVariables {
  std::vector<std::uint32_t> variable_of_asset;    ///< kNoIndex: not a variable
  std::vector<model::AssetIndex> asset_of_variable;  ///< variable → asset
};

/// Numbers the non-virtual assets that the target depends on (directly or
/// not) in depth-first preorder from the target, suppliers in model order —
/// a static order that keeps related assets close. The target itself gets
/// variable 0 when `include_target` and it is not virtual.
FormulaVariables order_variables(const model::DependencyGraph& graph, model::AssetIndex target,
                                 bool include_target);

/// Strongly connected components of the dependency relation (asset → supplier),
/// counting either every group or only groups with time_to_impact 0.
struct DependencyComponents {
  std::vector<std::uint32_t> component_of;  ///< asset → component
  std::vector<std::vector<model::AssetIndex>> members;
  std::vector<bool> cyclic;  ///< more than one member, or a self-dependency
};

/// Tarjan's algorithm, iterative. `zero_delay_only`: only groups with
/// time_to_impact 0 count as edges.
DependencyComponents dependency_components(const model::DependencyGraph& graph, bool zero_delay_only);

/// Both component structures a failure formula needs: cycles without time
/// passing (finite budgets) and any cycle (an infinite budget). They depend on
/// the graph alone, so a caller solving many targets computes them once.
struct FormulaComponents {
  DependencyComponents finite;    ///< only zero-delay groups count as edges
  DependencyComponents infinite;  ///< every group counts
};

/// The components of `graph` for FailureFormula.
FormulaComponents formula_components(const model::DependencyGraph& graph);

/// Builds fails(asset, budget) in `Algebra`; see the file comment. The asset
/// `excluded` (the target) is never a variable: the function is the one
/// over sets S that do not contain it.
template <class Algebra>
class FailureFormula {
 public:
  using Ref = typename Algebra::Ref;

  /// `components` must be formula_components(graph) and outlive the formula.
  FailureFormula(const model::DependencyGraph& graph, const FormulaComponents& components,
                 const FormulaVariables& variables, model::AssetIndex excluded, Algebra& algebra)
      : graph_(graph),
        variables_(variables),
        excluded_(excluded),
        algebra_(algebra),
        finite_components_(components.finite),
        infinite_components_(components.infinite) {}

  /// The function "asset fails within `budget` hours" (budget ≥ 0; may be kNever).
  Ref fails_within(model::AssetIndex asset, model::Hours budget) {
    const StateKey key{asset, std::bit_cast<std::uint64_t>(budget)};
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    const auto& components = std::isinf(budget) ? infinite_components_ : finite_components_;
    const auto component = components.component_of[asset];
    if (!components.cyclic[component]) {
      const Ref result = local(asset, budget);
      memo_.emplace(key, result);
      return result;
    }
    // A cycle without time passing: first every state outside it, then the
    // least fixed point of the cycle's own equations.
    const auto& members = components.members[component];
    for (auto member : members)
      for (auto g : graph_.groups_of(member)) {
        const auto& group = graph_.group(g);
        if (group.time_to_impact > budget) continue;
        const auto next = budget - group.time_to_impact;
        for (auto supplier : graph_.suppliers(g))
          if (components.component_of[supplier] != component || next != budget) fails_within(supplier, next);
      }
    for (auto member : members) memo_[StateKey{member, key.budget_bits}] = algebra_.zero();
    for (bool changed = true; changed;) {
      changed = false;
      for (auto member : members) {
        const Ref updated = local(member, budget);
        Ref& current = memo_[StateKey{member, key.budget_bits}];
        if (updated != current) {
          current = updated;
          changed = true;
        }
      }
    }
    return memo_[key];
  }

 private:
  struct StateKey {
    model::AssetIndex asset;
    std::uint64_t budget_bits;
    bool operator==(const StateKey&) const = default;
  };
  struct StateHash {
    std::size_t operator()(const StateKey& key) const noexcept {
      std::uint64_t h = key.budget_bits * 0x9e3779b97f4a7c15ull ^ key.asset;
      h ^= h >> 29;
      return static_cast<std::size_t>(h * 0xbf58476d1ce4e5b9ull);
    }
  };

  /// One equation: the asset itself, or any of its groups lost in time.
  Ref local(model::AssetIndex asset, model::Hours budget) {
    Ref result = algebra_.zero();
    const auto variable = variables_.variable_of_asset[asset];
    if (asset != excluded_ && variable != model::kNoIndex) result = algebra_.variable(variable);
    for (auto g : graph_.groups_of(asset)) {
      const auto& group = graph_.group(g);
      if (group.time_to_impact > budget) continue;
      const auto next = budget - group.time_to_impact;
      std::vector<Ref> children;
      for (auto supplier : graph_.suppliers(g)) children.push_back(fails_within(supplier, next));
      result = algebra_.lor(result, at_least(group.losses_to_fail(), children));
    }
    return result;
  }

  /// At least `needed` of `children` (needed ≥ 1).
  Ref at_least(std::uint32_t needed, const std::vector<Ref>& children) {
    const auto n = children.size();
    if (needed > n) return algebra_.zero();
    if (needed == 1) {
      Ref result = algebra_.zero();
      for (auto child : children) result = algebra_.lor(result, child);
      return result;
    }
    if (needed == n) {
      Ref result = algebra_.one();
      for (auto child : children) result = algebra_.land(result, child);
      return result;
    }
    // level[j] = at least j of children[i …]; built from the last child back.
    std::vector<Ref> level(needed + 1, algebra_.zero());
    level[0] = algebra_.one();
    for (std::size_t i = n; i-- > 0;)
      for (std::uint32_t j = needed; j >= 1; --j)
        level[j] = algebra_.lor(algebra_.land(children[i], level[j - 1]), level[j]);
    return level[needed];
  }

  const model::DependencyGraph& graph_;
  const FormulaVariables& variables_;
  model::AssetIndex excluded_;
  Algebra& algebra_;
  const DependencyComponents& finite_components_;
  const DependencyComponents& infinite_components_;
  std::unordered_map<StateKey, Ref, StateHash> memo_;
};

}  // namespace knelpunt::engine
