#include "engine/strong_components.hpp"

#include <algorithm>
#include <span>
#include <utility>

namespace knelpunt::engine {

namespace {

/// Tarjan's algorithm over `n` nodes; `successors(v)` gives a node's
/// successors as a range of node numbers.
template <class Successors>
StrongComponents tarjan(std::uint32_t n, const Successors& successors) {
  constexpr std::uint32_t kUnvisited = 0xffffffffu;
  StrongComponents result;
  result.component_of.assign(n, kUnvisited);
  std::vector<std::uint32_t> index(n, kUnvisited), lowlink(n, 0);
  std::vector<bool> on_stack(n, false);
  std::vector<std::uint32_t> stack;
  std::vector<std::pair<std::uint32_t, std::size_t>> calls;
  std::uint32_t counter = 0;
  for (std::uint32_t root = 0; root < n; ++root) {
    if (index[root] != kUnvisited) continue;
    calls.emplace_back(root, 0);
    index[root] = lowlink[root] = counter++;
    stack.push_back(root);
    on_stack[root] = true;
    while (!calls.empty()) {
      auto& [v, next] = calls.back();
      const auto out = successors(v);
      if (next < out.size()) {
        const auto w = out[next++];
        if (index[w] == kUnvisited) {
          index[w] = lowlink[w] = counter++;
          stack.push_back(w);
          on_stack[w] = true;
          calls.emplace_back(w, 0);
        } else if (on_stack[w]) {
          lowlink[v] = std::min(lowlink[v], index[w]);
        }
        continue;
      }
      const auto done = v;
      calls.pop_back();
      if (!calls.empty())
        lowlink[calls.back().first] = std::min(lowlink[calls.back().first], lowlink[done]);
      if (lowlink[done] != index[done]) continue;
      std::uint32_t w;
      do {
        w = stack.back();
        stack.pop_back();
        on_stack[w] = false;
        result.component_of[w] = result.count;
      } while (w != done);
      ++result.count;
    }
  }
  return result;
}

}  // namespace

StrongComponents strong_components(const std::vector<std::vector<std::uint32_t>>& successors) {
  return tarjan(static_cast<std::uint32_t>(successors.size()),
                [&](std::uint32_t v) { return std::span<const std::uint32_t>(successors[v]); });
}

StrongComponents strong_components(std::span<const std::uint32_t> offsets,
                                   std::span<const std::uint32_t> targets) {
  const auto n = static_cast<std::uint32_t>(offsets.empty() ? 0 : offsets.size() - 1);
  return tarjan(
      n, [&](std::uint32_t v) { return targets.subspan(offsets[v], offsets[v + 1] - offsets[v]); });
}

}  // namespace knelpunt::engine
