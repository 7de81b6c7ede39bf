#pragma once
/// A target's failure within a horizon as a coherent fault tree: gates of
/// OR, AND and AT LEAST over basic events, one basic event per non-virtual
/// asset (docs/fault-tree-export.md, decision 031). The tree's top gate is
/// exactly the function `cutsets --probability` evaluates,
/// x_target ∨ fails(target, H) of engine/bdd_formula.hpp, so its minimal
/// cut sets are the target's cut sets plus {target} (when the target is not
/// virtual). Two forms:
///
/// - structural, when no reachable state (asset, budget) lies on a
///   dependency cycle that the formula solves by Kleene iteration, and no
///   supplier counts through a grounding or delivery state (a same-kind
///   cycle mate, an own buffer; docs/model.md, Supply from sources): one gate
///   per state "asset fails within budget" that is not a single basic event,
///   its dependency groups as nested formulas, buffers unrolled into states
///   with smaller budgets;
/// - bdd, otherwise: the reduced ordered BDD of the function, each node
///   x ? hi : lo written as the coherent formula (x ∧ hi) ∨ lo (exact because
///   the function is monotone: hi ≥ lo), without negations.
///
/// Deterministic; no I/O.

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "model/dependency_graph.hpp"

namespace knelpunt::engine {

/// One formula of a gate, nested as the Open-PSA MEF nests them.
struct FaultTreeFormula {
  enum class Op : std::uint8_t {
    basic_event,     ///< the asset `index` fails by itself
    gate,            ///< the gate `index` of FaultTree::gates
    constant_false,  ///< nothing can make it true
    any,             ///< OR of `inputs`
    all,             ///< AND of `inputs`
    at_least,        ///< at least `min` of `inputs` (1 < min < inputs.size())
  };
  Op op = Op::constant_false;
  std::uint32_t index = 0;
  std::uint32_t min = 0;
  std::vector<FaultTreeFormula> inputs;
};

/// One gate: what it stands for and its formula.
struct FaultTreeGate {
  /// Structural form: the state "asset fails within budget". BDD form: the
  /// asset of the node's variable, and `budget` is the horizon.
  model::AssetIndex asset = model::kNoIndex;
  model::Hours budget = model::kNever;
  FaultTreeFormula formula;
};

enum class FaultTreeForm : std::uint8_t { structural, bdd };

struct FaultTree {
  FaultTreeForm form = FaultTreeForm::structural;
  /// Children before parents (a gate refers only to gates with a smaller index).
  std::vector<FaultTreeGate> gates;
  std::uint32_t top = 0;  ///< index of the top gate in `gates`
  /// The assets that are basic events of the tree, sorted by id.
  std::vector<model::AssetIndex> basic_events;
};

struct FaultTreeOptions {
  model::Hours horizon = model::kNever;    ///< inclusive; kNever = no limit
  std::size_t bdd_node_limit = 2'000'000;  ///< BDD form only; BddNodeLimitExceeded beyond it
  bool force_bdd = false;  ///< the BDD form even where the structural one applies (tests)
};

/// The target fails with nothing failed: its supply never traces back to a
/// source (a same-kind cycle without one, docs/model.md), so there is no
/// tree of basic events to write.
class FaultTreeAlwaysFails : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The fault tree of "target fails within options.horizon". Throws
/// BddNodeLimitExceeded (engine/bdd.hpp) when the BDD form is needed and
/// would exceed its node limit, FaultTreeAlwaysFails when the function is
/// constantly true.
FaultTree build_fault_tree(const model::DependencyGraph& graph, model::AssetIndex target,
                           const FaultTreeOptions& options);

}  // namespace knelpunt::engine
