#pragma once
/// Minimal cut sets of a target within a horizon (docs/cut-sets.md,
/// docs/model.md): all minimal sets S of at most `max_order` non-virtual
/// assets, target ∉ S, whose failure at t = 0 makes the target fail at or
/// before the horizon. For small order limits, built directly as a ZBDD of
/// minimal sets truncated at the limit in every step; otherwise as a BDD of
/// the failure function whose minimal solutions (Rauzy 1993) give the ZBDD,
/// falling back to the direct way when the BDD exceeds its node limit. No I/O.

#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <stdexcept>
#include <vector>

#include "engine/bdd_formula.hpp"
#include "engine/progress.hpp"
#include "model/dependency_graph.hpp"

namespace knelpunt::engine {

struct CutSetOptions {
  std::uint32_t max_order = 2;         ///< largest set size; 0 = no limit
  model::Hours horizon = model::kNever;  ///< inclusive; kNever = no limit
  /// Order limits up to this one are built directly (truncation keeps them small).
  std::uint32_t direct_up_to_order = 4;
  std::size_t bdd_node_limit = 2'000'000;  ///< BDD nodes before the direct way is used
  /// Beyond these, CutSetsTooLarge instead of a result (no limit by default:
  /// `cutsets` gives what it is asked for; the probability bounds set them).
  std::size_t zbdd_node_limit = SIZE_MAX;
  std::uint64_t max_sets = UINT64_MAX;
  /// Reports the steps "cut sets" (0 of 1 while the diagram is built, 1 of 1
  /// when it is) and "listing" (sets listed of all sets); empty: nothing.
  /// For one target on a terminal (`cutsets`), not for many in parallel.
  StepProgress progress{};
};

/// The cut sets would exceed CutSetOptions::zbdd_node_limit or max_sets.
class CutSetsTooLarge : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CutSets {
  /// Each set sorted by asset id; the list sorted by size, then
  /// lexicographically by the ids.
  std::vector<std::vector<model::AssetIndex>> sets;
  /// Set size → number of sets of that size (sizes with none are absent).
  std::map<std::uint32_t, std::size_t> by_order;
  std::size_t zbdd_nodes = 0;  ///< size of the ZBDD built (diagnostics)
  std::size_t bdd_nodes = 0;   ///< size of the BDD built; 0 when built directly
};

/// Minimal cut sets of many targets of one graph. What depends on the graph
/// alone (its dependency components, the assets' rank by id) is computed once
/// here, not per target: single-point asks for every vital asset of a region,
/// and redoing that O(V log V) work per target made it quadratic.
/// `of` is const and may be called from several threads at once.
class CutSetSolver {
 public:
  /// `graph` must outlive the solver.
  explicit CutSetSolver(const model::DependencyGraph& graph);

  /// The minimal cut sets of `target`. A virtual target works like any
  /// other; a target that nothing can make fail has no cut sets.
  CutSets of(model::AssetIndex target, const CutSetOptions& options) const;

  /// The minimal cut sets of each of `targets` (entry i for targets[i]),
  /// equal to of(targets[i], options) for each. Found together: a formula
  /// state upstream of a target that lies on no dependency cycle does not
  /// depend on that target, so the targets of a chunk share one formula and
  /// one ZBDD, and a supplier's states are built once per chunk instead of
  /// once per target (docs/cut-sets.md). Targets on a cycle, and order
  /// limits built via a BDD (max_order 0 or above direct_up_to_order), go
  /// through of(). Chunks run on `threads` threads; `done` (may be null)
  /// advances once per target. The result does not depend on `threads`.
  std::vector<CutSets> of_each(std::span<const model::AssetIndex> targets,
                               const CutSetOptions& options, unsigned threads,
                               ProgressCounter* done) const;

 private:
  const model::DependencyGraph& graph_;
  FormulaComponents components_;
  std::vector<std::uint32_t> rank_by_id_;  ///< asset → its position in id order
};

/// The minimal cut sets of `target` (one target: CutSetSolver(graph).of).
CutSets minimal_cut_sets(const model::DependencyGraph& graph, model::AssetIndex target,
                         const CutSetOptions& options);

}  // namespace knelpunt::engine
