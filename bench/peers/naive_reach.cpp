/// Baseline peers for `knelpunt reach`, reading the model through the same
/// loader: the naive N-1 reach (one full engine::propagate per asset, O(V)
/// set-up each) and one plain breadth-first search over the same graph, the
/// yardstick of "touching every edge once". Prints one JSON object with the
/// in-process seconds of each step; bench/run.sh turns them into ratios.
///
///   bench_naive_reach MODEL [--limit K] [--horizon HOURS]
///
/// --limit K runs the naive reach for the first K non-virtual assets only and
/// extrapolates (the full run is quadratic); 0 runs all of them.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/cascade.hpp"
#include "model/dependency_graph.hpp"
#include "model/model_loader.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: bench_naive_reach MODEL [--limit K] [--horizon HOURS]\n");
    return 2;
  }
  std::size_t limit = 200;
  knelpunt::model::Hours horizon = 72;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    if (option == "--limit") limit = std::strtoul(argv[i + 1], nullptr, 10);
    else if (option == "--horizon") horizon = std::string(argv[i + 1]) == "inf" ? knelpunt::model::kNever : std::strtod(argv[i + 1], nullptr);
  }
  auto start = std::chrono::steady_clock::now();
  auto loaded = knelpunt::model::load_model(argv[1]);
  if (!loaded.model) {
    std::fprintf(stderr, "bench_naive_reach: %zu errors loading %s\n", loaded.diagnostics.error_count(), argv[1]);
    return 2;
  }
  const double load_s = seconds_since(start);
  start = std::chrono::steady_clock::now();
  const knelpunt::model::DependencyGraph graph(*loaded.model);
  const double graph_s = seconds_since(start);
  const auto n = static_cast<knelpunt::model::AssetIndex>(graph.asset_count());

  // One plain BFS from every asset without groups, along supplier → dependent edges.
  start = std::chrono::steady_clock::now();
  std::vector<char> seen(n, 0);
  std::vector<knelpunt::model::AssetIndex> queue;
  queue.reserve(n);
  for (knelpunt::model::AssetIndex a = 0; a < n; ++a)
    if (graph.groups_of(a).empty()) {
      seen[a] = 1;
      queue.push_back(a);
    }
  for (std::size_t head = 0; head < queue.size(); ++head)
    for (auto g : graph.groups_supplied_by(queue[head])) {
      const auto dependent = graph.group(g).asset;
      if (!seen[dependent]) {
        seen[dependent] = 1;
        queue.push_back(dependent);
      }
    }
  const double bfs_s = seconds_since(start);

  // The naive N-1 reach: a fresh full simulation per asset.
  start = std::chrono::steady_clock::now();
  std::size_t done = 0;
  std::size_t nonvirtual = 0;
  unsigned long long reach_sum = 0;
  for (knelpunt::model::AssetIndex x = 0; x < n; ++x) {
    if (graph.is_virtual(x)) continue;
    ++nonvirtual;
    if (limit != 0 && done >= limit) continue;
    const knelpunt::engine::Seed seed{x, 0};
    const auto cascade = knelpunt::engine::propagate(graph, std::span(&seed, 1), horizon);
    for (auto a : cascade.order)
      if (a != x && !graph.is_virtual(a)) ++reach_sum;
    ++done;
  }
  const double naive_s = seconds_since(start);
  const double per_asset = done ? naive_s / static_cast<double>(done) : 0.0;
  std::printf(
      "{\"assets\": %u, \"nonvirtual\": %zu, \"load_s\": %.4f, \"graph_s\": %.4f, \"bfs_s\": %.5f, \"bfs_reached\": %zu, "
      "\"naive_assets\": %zu, \"naive_s\": %.4f, \"naive_reach_sum\": %llu, \"naive_extrapolated_s\": %.2f}\n",
      n, nonvirtual, load_s, graph_s, bfs_s, queue.size(), done, naive_s, reach_sum,
      per_asset * static_cast<double>(nonvirtual));
  return 0;
}
