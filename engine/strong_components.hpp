#pragma once
/// Strongly connected components of a directed graph given as successor
/// lists: Tarjan's algorithm, iterative, so deep graphs cannot exhaust the
/// stack. Used by the failure formulas and by the supply cycles. No I/O.

#include <cstdint>
#include <span>
#include <vector>

namespace knelpunt::engine {

/// The component of each node, numbered 0 … count − 1 in the order Tarjan's
/// algorithm completes them (every component after the components it
/// reaches), with roots tried in ascending node order: deterministic.
struct StrongComponents {
  std::vector<std::uint32_t> component_of;
  std::uint32_t count = 0;
};

StrongComponents strong_components(const std::vector<std::vector<std::uint32_t>>& successors);

/// The same for a graph in compressed sparse row form: the successors of
/// node v are targets[offsets[v] … offsets[v + 1]); offsets has one entry
/// more than there are nodes. No per-node allocation, for graphs of
/// millions of nodes (the dependency cycles of `validate`).
StrongComponents strong_components(std::span<const std::uint32_t> offsets,
                                   std::span<const std::uint32_t> targets);

}  // namespace knelpunt::engine
