#include "assessors/repaired_pairs.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "engine/parallel_for.hpp"

namespace knelpunt::assessors {

namespace {

/// The non-virtual assets `targets` depend on, directly or through others,
/// without `excluded`; ascending.
std::vector<model::AssetIndex> upstream_of(const model::DependencyGraph& graph,
                                           std::span<const model::AssetIndex> targets, model::AssetIndex excluded) {
  std::vector<bool> reached(graph.asset_count(), false);
  std::vector<model::AssetIndex> stack(targets.begin(), targets.end());
  while (!stack.empty()) {
    const auto a = stack.back();
    stack.pop_back();
    for (const auto g : graph.groups_of(a))
      for (const auto s : graph.suppliers(g))
        if (!reached[s]) {
          reached[s] = true;
          stack.push_back(s);
        }
  }
  std::vector<model::AssetIndex> result;
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a)
    if (reached[a] && a != excluded && !graph.is_virtual(a)) result.push_back(a);
  return result;
}

}  // namespace

std::vector<RepairedPair> pairs_with_repairs(const model::DependencyGraph& graph, const ImpactEstimator& estimator,
                                             std::span<const SinglePointTargets> singles, unsigned threads) {
  if (!estimator.restores()) return {};
  // (y, t): y alone takes t down with repairs, so {x, y} is not minimal for t.
  std::vector<std::pair<model::AssetIndex, model::AssetIndex>> down_alone;
  for (const auto& single : singles)
    for (const auto t : single.targets)
      if (!std::binary_search(single.restored.begin(), single.restored.end(), t))
        down_alone.emplace_back(single.asset, t);
  std::sort(down_alone.begin(), down_alone.end());
  // One job per (single point with restored targets, candidate partner).
  struct Job {
    const SinglePointTargets* single;
    model::AssetIndex partner;
  };
  std::vector<Job> jobs;
  for (const auto& single : singles) {
    if (single.restored.empty()) continue;
    for (const auto y : upstream_of(graph, single.restored, single.asset)) jobs.push_back({&single, y});
  }
  std::vector<std::vector<model::AssetIndex>> hit(jobs.size());
  engine::parallel_for(jobs.size(), threads, [&](std::size_t j) {
    const auto& [single, y] = jobs[j];
    const std::array<engine::Seed, 2> seeds{engine::Seed{single->asset, 0}, engine::Seed{y, 0}};
    const auto outcome = estimator.outcome(seeds, OutcomeDetail::brief);
    for (const auto t : single->restored) {
      if (t == y) continue;  // a pair holding the target takes it down trivially
      if (!std::binary_search(outcome.failed.begin(), outcome.failed.end(), t)) continue;
      if (std::binary_search(down_alone.begin(), down_alone.end(), std::make_pair(y, t))) continue;
      hit[j].push_back(t);
    }
  });
  // The same pair can come from both of its members: one entry, targets united.
  std::map<std::array<model::AssetIndex, 2>, RepairedPair> pairs;
  for (std::size_t j = 0; j < jobs.size(); ++j) {
    if (hit[j].empty()) continue;
    const auto x = jobs[j].single->asset, y = jobs[j].partner;
    const std::array<model::AssetIndex, 2> key{std::min(x, y), std::max(x, y)};
    auto& pair = pairs[key];
    pair.assets = key;
    pair.targets.insert(pair.targets.end(), hit[j].begin(), hit[j].end());
    pair.alone.push_back(x);
  }
  std::vector<RepairedPair> result;
  for (auto& [key, pair] : pairs) {
    std::sort(pair.targets.begin(), pair.targets.end());
    pair.targets.erase(std::unique(pair.targets.begin(), pair.targets.end()), pair.targets.end());
    std::sort(pair.alone.begin(), pair.alone.end());
    pair.alone.erase(std::unique(pair.alone.begin(), pair.alone.end()), pair.alone.end());
    result.push_back(std::move(pair));
  }
  return result;
}

}  // namespace knelpunt::assessors
