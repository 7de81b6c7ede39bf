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
#include <memory>
#include <span>
#include <unordered_map>
#include <vector>

#include "engine/supply_cycles.hpp"
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

/// The states a failure formula solves, and both component structures of
/// their dependencies. A state is a node at a budget b:
///
/// - node a < asset_count: "asset a fails within b" (F(a) ≤ b);
/// - a *not grounded* node (cycle c, member m): m is not grounded in c's
///   kind at b (docs/model.md, Supply from sources): it fails within b, or
///   one of its groups of that kind is lost at b;
/// - a *not delivering* node (asset s, kind X) for an asset with an own
///   buffer of kind X: s fails within b, or such a group is lost at b.
///
/// A group g is lost at b when at least n − k + 1 of its suppliers' child
/// states hold at b: the not grounded node of a cycle mate, the not
/// delivering node of a supplier with an own buffer of g's kind, else the
/// supplier's own node. Not grounded states are the complement of a least
/// fixed point (support that only goes round the cycle does not count), so
/// they are solved from "true" down; every other state from "false" up.
struct FormulaComponents {
  std::shared_ptr<const SupplyCycles> supply;
  std::size_t asset_count = 0;
  /// Per supplier slot of the graph (group.first + slot): its child node.
  std::vector<std::uint32_t> child_node;
  /// Per node above asset_count: the asset it is about, and for a not
  /// grounded node its cycle (else kNoIndex) or for a not delivering node its
  /// kind (else kNoIndex).
  std::vector<model::AssetIndex> node_asset;
  std::vector<std::uint32_t> node_cycle;
  std::vector<std::uint32_t> node_kind;
  DependencyComponents finite;    ///< only same-budget edges (zero-delay groups) count
  DependencyComponents infinite;  ///< every edge counts

  std::size_t node_count() const { return asset_count + node_asset.size(); }
  bool is_not_grounded(std::uint32_t node) const {
    return node >= asset_count && node_cycle[node - asset_count] != model::kNoIndex;
  }
};

/// The states and components of `graph` for FailureFormula.
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
        components_(components) {}

  /// The function "asset fails within `budget` hours" (budget ≥ 0; may be kNever).
  Ref fails_within(model::AssetIndex asset, model::Hours budget) { return state(asset, budget); }

  /// "asset fails within `budget`" over the sets S that do not contain
  /// `asset`, in a formula whose own `excluded` is another asset (or none):
  /// the asset's equation without its own variable, not memoised, so the
  /// formula goes on serving other targets. `asset` must lie on no
  /// dependency cycle (FormulaComponents::infinite): then no state it
  /// depends on depends on it, and every memoised state stays true to the
  /// formula's own `excluded`.
  Ref fails_within_without(model::AssetIndex asset, model::Hours budget) {
    const auto kept = excluded_;
    excluded_ = asset;
    try {
      const Ref result = local(asset, budget);
      excluded_ = kept;
      return result;
    } catch (...) {
      excluded_ = kept;
      throw;
    }
  }

 private:
  struct StateKey {
    std::uint32_t node;
    std::uint64_t budget_bits;
    bool operator==(const StateKey&) const = default;
  };
  struct StateHash {
    std::size_t operator()(const StateKey& key) const noexcept {
      std::uint64_t h = key.budget_bits * 0x9e3779b97f4a7c15ull ^ key.node;
      h ^= h >> 29;
      return static_cast<std::size_t>(h * 0xbf58476d1ce4e5b9ull);
    }
  };

  Ref state(std::uint32_t node, model::Hours budget) {
    const StateKey key{node, std::bit_cast<std::uint64_t>(budget)};
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    const auto& components = std::isinf(budget) ? components_.infinite : components_.finite;
    const auto component = components.component_of[node];
    if (!components.cyclic[component]) {
      const Ref result = local(node, budget);
      memo_.emplace(key, result);
      return result;
    }
    // States that depend on each other without time passing: solved together,
    // the not grounded ones as a greatest fixed point inside the least fixed
    // point of the others (docs/model.md, Supply from sources). Whatever
    // they need outside the component is computed on the way and does not
    // lead back into it.
    const auto& members = components.members[component];
    std::vector<std::uint32_t> least, greatest;
    for (auto member : members) (components_.is_not_grounded(member) ? greatest : least).push_back(member);
    for (auto member : least) memo_[StateKey{member, key.budget_bits}] = algebra_.zero();
    while (true) {
      for (auto member : greatest) memo_[StateKey{member, key.budget_bits}] = algebra_.one();
      solve(greatest, key.budget_bits, budget);
      if (!solve_once(least, key.budget_bits, budget)) break;
    }
    return memo_[key];
  }

  /// One round of updates; true when a state changed.
  bool solve_once(const std::vector<std::uint32_t>& nodes, std::uint64_t budget_bits, model::Hours budget) {
    bool changed = false;
    for (auto node : nodes) {
      const Ref updated = local(node, budget);
      Ref& current = memo_[StateKey{node, budget_bits}];
      if (updated != current) {
        current = updated;
        changed = true;
      }
    }
    return changed;
  }
  void solve(const std::vector<std::uint32_t>& nodes, std::uint64_t budget_bits, model::Hours budget) {
    while (solve_once(nodes, budget_bits, budget)) {
    }
  }

  /// One equation (see FormulaComponents).
  Ref local(std::uint32_t node, model::Hours budget) {
    if (node >= components_.asset_count) {
      const auto extra = node - components_.asset_count;
      const auto asset = components_.node_asset[extra];
      Ref result = state(asset, budget);
      const auto cycle = components_.node_cycle[extra];
      for (auto g : graph_.groups_of(asset)) {
        const auto& group = graph_.group(g);
        const bool counts = cycle != model::kNoIndex ? components_.supply->cycle_of_group(g) == cycle
                                                     : group.kind == components_.node_kind[extra] &&
                                                           stops_delivery_when_lost(group);
        if (counts) result = algebra_.lor(result, lost(g, budget));
      }
      return result;
    }
    const auto asset = static_cast<model::AssetIndex>(node);
    Ref result = algebra_.zero();
    const auto variable = variables_.variable_of_asset[asset];
    if (asset != excluded_ && variable != model::kNoIndex) result = algebra_.variable(variable);
    for (auto g : graph_.groups_of(asset)) {
      const auto& group = graph_.group(g);
      if (group.time_to_impact > budget) continue;
      result = algebra_.lor(result, lost(g, budget - group.time_to_impact));
    }
    return result;
  }

  /// Group g is lost within `budget`: enough of its suppliers' child states hold.
  Ref lost(model::GroupIndex g, model::Hours budget) {
    const auto& group = graph_.group(g);
    std::vector<Ref> children;
    children.reserve(group.supplier_count);
    for (std::uint32_t slot = 0; slot < group.supplier_count; ++slot)
      children.push_back(state(components_.child_node[group.first + slot], budget));
    return at_least(group.losses_to_fail(), children);
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
  const FormulaComponents& components_;
  std::unordered_map<StateKey, Ref, StateHash> memo_;
};

}  // namespace knelpunt::engine
