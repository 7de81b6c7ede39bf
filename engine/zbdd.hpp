#pragma once
/// A small zero-suppressed decision diagram (ZBDD, Minato 1993) package for
/// families of sets of variables, as minimal cut sets are kept (Rauzy 1993,
/// "New algorithms for fault trees analysis"). Nodes are hash-consed (a
/// unique table), operations are memoised (a computed table), and a family is
/// a node id: two equal families have the same id. Variable 0 is the top of
/// the order. Deterministic; no I/O.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <stdexcept>
#include <unordered_map>

#include "engine/bdd_table.hpp"
#include <vector>

namespace knelpunt::engine {

/// Thrown when an operation would create more nodes than the limit allows.
class ZbddNodeLimitExceeded : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Zbdd {
 public:
  using Ref = std::uint32_t;
  static constexpr Ref kEmpty = 0;  ///< the empty family (no set)
  static constexpr Ref kBase = 1;   ///< the family holding only the empty set
  /// Order limit meaning "no limit".
  static constexpr std::uint32_t kUnlimited = 0xffffffffu;

  /// A package for variables 0 … variable_count − 1 holding at most
  /// `node_limit` nodes (terminals included; ZbddNodeLimitExceeded beyond).
  explicit Zbdd(std::uint32_t variable_count, std::size_t node_limit = SIZE_MAX);

  /// {{variable}}.
  Ref single(std::uint32_t variable);
  /// Set union of two families.
  Ref unite(Ref a, Ref b);
  /// {s ∪ t : s ∈ a, t ∈ b, |s ∪ t| ≤ max_order} (not minimised).
  Ref product(Ref a, Ref b, std::uint32_t max_order = kUnlimited);
  /// The sets of `a` that contain no set of `b` (Rauzy's "without").
  Ref without(Ref a, Ref b);
  /// The sets of `a` that contain `variable`, with `variable` taken out.
  Ref containing(Ref a, std::uint32_t variable);
  /// The minimal sets of `a` (no set of the result contains another).
  Ref minimal(Ref a);

  /// For minimal families: the minimal sets of a ∪ b (OR of two functions).
  Ref minimal_union(Ref a, Ref b);
  /// For minimal families: the minimal sets of a × b of size ≤ max_order (AND).
  Ref minimal_product(Ref a, Ref b, std::uint32_t max_order = kUnlimited);

  /// True when the family holds the empty set.
  bool has_empty_set(Ref a) const { return has_empty_[a]; }
  std::uint32_t variable(Ref a) const { return nodes_[a].variable; }
  Ref low(Ref a) const { return nodes_[a].low; }
  Ref high(Ref a) const { return nodes_[a].high; }
  std::size_t node_count() const { return nodes_.size(); }

  /// Calls `visit` with every set of `a` (variables ascending), in a fixed order.
  void for_each_set(Ref a, const std::function<void(std::span<const std::uint32_t>)>& visit) const;
  /// Number of sets in `a`.
  std::uint64_t count(Ref a);

 private:
  struct Node {
    std::uint32_t variable;
    Ref low;
    Ref high;
  };
  enum Op : std::uint32_t { kUnite, kProduct, kWithout, kMinimal, kTruncate, kContaining };

  Ref make(std::uint32_t variable, Ref low, Ref high);
  Ref truncate(Ref a, std::uint32_t max_order);
  static std::uint32_t less_one(std::uint32_t order) { return order == kUnlimited ? order : order - 1; }
  std::uint32_t top(Ref a) const { return a <= kBase ? kTerminalVariable : nodes_[a].variable; }

  static constexpr std::uint32_t kTerminalVariable = 0xffffffffu;
  std::uint32_t variable_count_;
  std::size_t node_limit_;
  std::vector<Node> nodes_;
  std::vector<bool> has_empty_;
  DdUniqueTable unique_;
  DdCache computed_;  ///< grown with the nodes (make); lossy, see DdCache
  std::unordered_map<Ref, std::uint64_t> counts_;
};

}  // namespace knelpunt::engine
