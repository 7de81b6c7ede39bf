#pragma once
/// A small reduced ordered binary decision diagram (BDD, Bryant 1986)
/// package: hash-consed nodes, memoised AND/OR/restrict, and exact
/// probability by Shannon decomposition. A function is a node id; equal
/// functions have equal ids. Variable 0 is the top of the order. The package
/// refuses to grow beyond a node limit (BddNodeLimitExceeded), so callers can
/// fall back to an approximation. Deterministic; no I/O.

#include <algorithm>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <unordered_map>
#include <vector>

#include "engine/bdd_table.hpp"

namespace knelpunt::engine {

/// Thrown when an operation would create more nodes than the limit allows.
class BddNodeLimitExceeded : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Bdd {
 public:
  using Ref = std::uint32_t;
  static constexpr Ref kFalse = 0;
  static constexpr Ref kTrue = 1;

  /// A package for variables 0 … variable_count − 1 holding at most
  /// `node_limit` nodes (terminals included).
  Bdd(std::uint32_t variable_count, std::size_t node_limit);

  /// The constant functions (so a Bdd serves as the algebra of FailureFormula).
  Ref zero() const { return kFalse; }
  Ref one() const { return kTrue; }
  /// The function "variable is true".
  Ref variable(std::uint32_t variable);
  Ref land(Ref a, Ref b);
  Ref lor(Ref a, Ref b);
  /// f with `variable` fixed to `value`.
  Ref restrict(Ref f, std::uint32_t variable, bool value);

  /// P(f = 1) for independent variables with P(variable i) = p[i].
  double probability(Ref f, std::span<const double> p) const;
  /// P(f = 1) with one variable fixed, for every variable at once.
  struct Conditional {
    double if_true = 0;     ///< P(f = 1 | variable true)
    double if_false = 0;    ///< P(f = 1 | variable false)
    double derivative = 0;  ///< ∂P(f = 1)/∂p[variable] = if_true − if_false, summed without cancellation
  };

  /// For each variable v (index v of the result), P(f = 1 | v) both ways for
  /// independent variables with P(variable i) = p[i]: what
  /// probability(restrict(f, v, …)) gives, but in one pass over f's nodes,
  /// creating none (so it never meets the node limit). A variable f does
  /// not depend on gets P(f) twice and derivative 0.
  std::vector<Conditional> conditional_probabilities(Ref f, std::span<const double> p) const;

  /// The variables f depends on, ascending.
  std::vector<std::uint32_t> support(Ref f) const;

  std::uint32_t top_variable(Ref f) const { return nodes_[f].variable; }
  Ref low(Ref f) const { return nodes_[f].low; }
  Ref high(Ref f) const { return nodes_[f].high; }
  std::size_t node_count() const { return nodes_.size(); }
  /// Changes the node limit for the operations that follow (existing nodes
  /// stay; a limit below node_count() makes the next new node throw).
  void set_node_limit(std::size_t node_limit) { node_limit_ = std::max<std::size_t>(node_limit, 2); }

 private:
  struct Node {
    std::uint32_t variable;
    Ref low;
    Ref high;
  };
  enum Op : std::uint32_t { kAnd, kOr, kRestrict };

  Ref make(std::uint32_t variable, Ref low, Ref high);
  Ref apply(Op op, Ref a, Ref b);
  std::uint32_t top(Ref f) const { return nodes_[f].variable; }
  /// The internal nodes of f, ascending by id. make() creates a node after
  /// its children, so ascending ids are children first.
  std::vector<Ref> nodes_of(Ref f) const;

  static constexpr std::uint32_t kTerminalVariable = 0xffffffffu;
  std::uint32_t variable_count_;
  std::size_t node_limit_;
  std::vector<Node> nodes_;
  DdUniqueTable unique_;
  DdCache computed_;  ///< grown with the nodes (make); lossy, see DdCache
};

}  // namespace knelpunt::engine
