#pragma once
/// Strongly connected components of a directed graph given as successor
/// lists: Tarjan's algorithm, iterative, so deep graphs cannot exhaust the
/// stack. Used by the failure formulas and by the supply cycles. No I/O.

#include <cstdint>
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

}  // namespace knelpunt::engine
