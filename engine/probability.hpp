#pragma once
/// The probability that a target fails within a horizon, for independent
/// per-asset failure probabilities, and the importance of each asset
/// (docs/cut-sets.md). Exact by a BDD of the failure function
/// (Shannon decomposition), the importance measures from one pass over it;
/// when the BDD would exceed its node limit, upper bounds from the minimal
/// cut sets instead. No I/O.

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "engine/cut_sets.hpp"
#include "model/dependency_graph.hpp"

namespace knelpunt::engine {

/// Importance of one asset x for the target's failure probability P (all
/// exact, from the BDD). Ratios with a zero denominator are NaN.
struct Importance {
  model::AssetIndex asset = model::kNoIndex;
  double birnbaum = 0;        ///< P(top | x failed) − P(top | x up)
  double criticality = 0;     ///< birnbaum · p(x) / P
  /// P(some minimal cut set containing x has failed entirely) / P (Vesely's
  /// definition, exact from the cut sets' BDD); NaN when the function or that
  /// BDD exceed ProbabilityOptions::fussell_vesely_node_limit.
  double fussell_vesely = 0;
  double raw = 0;             ///< risk achievement worth: P(top | x failed) / P
  double rrw = 0;             ///< risk reduction worth: P / P(top | x up)
};

enum class ProbabilityMethod {
  exact,      ///< BDD, exact up to rounding
  bounds,     ///< BDD too large: rare-event and min-cut upper bounds from cut sets
  too_large,  ///< BDD too large, and the cut sets too: no value (NaN)
};

struct ProbabilityResult {
  double value = 0;  ///< exact P, the min-cut upper bound for `bounds`, NaN for `too_large`
  ProbabilityMethod method = ProbabilityMethod::exact;
  std::optional<double> rare_event;           ///< Σ P(C) over the cut sets (bounds only)
  std::optional<double> min_cut_upper_bound;  ///< 1 − Π (1 − P(C)) (bounds only)
  /// Exact only: one row per non-virtual asset the function depends on,
  /// sorted by asset id (the target itself included when it is not virtual).
  std::vector<Importance> importance;
  std::size_t bdd_nodes = 0;  ///< nodes of the function's BDD (exact only)
  /// Exact only: whether Fussell–Vesely was computed (else NaN in every row,
  /// because the cut sets did not fit ProbabilityOptions::fussell_vesely_node_limit).
  bool fussell_vesely_computed = false;
  std::size_t fussell_vesely_node_limit = 0;  ///< the budget it was given
  std::size_t node_limit = 0;                  ///< the BDD's limit it was given
  std::uint64_t bounds_max_sets = 0;           ///< the cut-set limit of the bounds it was given
};

struct ProbabilityOptions {
  model::Hours horizon = model::kNever;  ///< inclusive; kNever = no limit
  std::size_t node_limit = 8'000'000;    ///< BDD nodes before falling back to bounds
  /// The bounds list every minimal cut set of every order; beyond these
  /// (see CutSetOptions) the result is too_large instead, so that memory
  /// stays bounded when the BDD does not fit.
  std::size_t bounds_zbdd_node_limit = 8'000'000;
  std::uint64_t bounds_max_sets = 2'000'000;
  /// Fussell–Vesely needs the cut sets of the function and their BDDs, which
  /// can cost far more than P itself: it is computed only when the
  /// function's BDD has at most this many nodes, and only while the BDD stays
  /// within this limit plus the function's own nodes (otherwise NaN).
  std::size_t fussell_vesely_node_limit = 250'000;
  /// Reports the steps "probability" (0 of 1 while the function's BDD is
  /// built, 1 of 1 with P) and "importance" (assets done of those in the
  /// function); empty: nothing.
  StepProgress progress{};
};

/// P(target fails at or before the horizon) when each asset a fails at t = 0
/// independently with probability p[a] (p.size() == asset count; virtual
/// assets are ignored). The target's own p counts: the target fails when it
/// fails itself or through its dependencies. `cut_sets` (of the same target
/// and horizon) serve the bounds when the BDD is too large; without them the
/// bounds are computed here with no order limit.
ProbabilityResult failure_probability(const model::DependencyGraph& graph, model::AssetIndex target,
                                      std::span<const double> p, const ProbabilityOptions& options,
                                      const CutSets* cut_sets = nullptr);

}  // namespace knelpunt::engine
