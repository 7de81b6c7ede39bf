#include "engine/strong_components.hpp"

#include <algorithm>
#include <utility>

namespace knelpunt::engine {

StrongComponents strong_components(const std::vector<std::vector<std::uint32_t>>& successors) {
  const auto n = static_cast<std::uint32_t>(successors.size());
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
      if (next < successors[v].size()) {
        const auto w = successors[v][next++];
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

}  // namespace knelpunt::engine
