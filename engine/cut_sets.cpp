#include "engine/cut_sets.hpp"

#include <algorithm>
#include <optional>

#include "engine/bdd.hpp"
#include "engine/bdd_formula.hpp"
#include "engine/bdd_minimal_solutions.hpp"
#include "engine/zbdd.hpp"

namespace knelpunt::engine {

namespace {

/// Monotone functions as ZBDDs of their minimal sets, truncated at an order.
struct MinimalSetAlgebra {
  using Ref = Zbdd::Ref;
  Zbdd& zbdd;
  std::uint32_t max_order;

  Ref zero() const { return Zbdd::kEmpty; }
  Ref one() const { return Zbdd::kBase; }
  Ref variable(std::uint32_t v) const { return zbdd.single(v); }
  Ref lor(Ref a, Ref b) const { return zbdd.minimal_union(a, b); }
  Ref land(Ref a, Ref b) const { return zbdd.minimal_product(a, b, max_order); }
};

}  // namespace

CutSetSolver::CutSetSolver(const model::DependencyGraph& graph)
    : graph_(graph), components_(formula_components(graph)), rank_by_id_(graph.asset_count()) {
  // Rank of each asset by id, so sorting compares integers, not strings.
  std::vector<model::AssetIndex> by_id(graph.asset_count());
  for (model::AssetIndex a = 0; a < by_id.size(); ++a) by_id[a] = a;
  std::sort(by_id.begin(), by_id.end(), [&](auto a, auto b) { return graph.id(a) < graph.id(b); });
  for (std::uint32_t r = 0; r < by_id.size(); ++r) rank_by_id_[by_id[r]] = r;
}

CutSets minimal_cut_sets(const model::DependencyGraph& graph, model::AssetIndex target,
                         const CutSetOptions& options) {
  return CutSetSolver(graph).of(target, options);
}

CutSets CutSetSolver::of(model::AssetIndex target, const CutSetOptions& options) const {
  const auto& graph = graph_;
  const auto variables = order_variables(graph, target, false);
  const auto variable_count = static_cast<std::uint32_t>(variables.asset_of_variable.size());
  Zbdd zbdd(variable_count, options.zbdd_node_limit);
  const auto max_order = options.max_order == 0 ? Zbdd::kUnlimited : options.max_order;
  CutSets result;
  std::optional<Zbdd::Ref> family;
  ProgressCounter building(options.progress, "cut sets", 1);
  try {
    if (max_order > options.direct_up_to_order) {
      try {
        Bdd bdd(variable_count, options.bdd_node_limit);
        FailureFormula<Bdd> formula(graph, components_, variables, target, bdd);
        const auto function = formula.fails_within(target, options.horizon);
        family = MinimalSolutions(bdd, zbdd)(function, max_order);
        result.bdd_nodes = bdd.node_count();
      } catch (const BddNodeLimitExceeded&) {
        // fall through to the direct way
      }
    }
    if (!family) {
      MinimalSetAlgebra algebra{zbdd, max_order};
      FailureFormula<MinimalSetAlgebra> formula(graph, components_, variables, target, algebra);
      family = formula.fails_within(target, options.horizon);
    }
  } catch (const ZbddNodeLimitExceeded&) {
    throw CutSetsTooLarge("the cut sets' ZBDD would exceed its node limit");
  }
  building.advance();
  // Counted on the diagram before any set is listed: listing is what costs.
  const bool counted = options.max_sets != UINT64_MAX || options.progress;
  const std::uint64_t set_count = counted ? zbdd.count(*family) : 0;
  if (set_count > options.max_sets) throw CutSetsTooLarge("more cut sets than the limit");
  ProgressCounter listing(options.progress, "listing", set_count, 4096);

  result.zbdd_nodes = zbdd.node_count();
  const auto& rank = rank_by_id_;
  auto before = [&](model::AssetIndex a, model::AssetIndex b) { return rank[a] < rank[b]; };
  zbdd.for_each_set(*family, [&](std::span<const std::uint32_t> set) {
    std::vector<model::AssetIndex> assets;
    assets.reserve(set.size());
    for (auto v : set) assets.push_back(variables.asset_of_variable[v]);
    std::sort(assets.begin(), assets.end(), before);
    result.sets.push_back(std::move(assets));
    if (options.progress) listing.advance();
  });
  std::sort(result.sets.begin(), result.sets.end(), [&](const auto& a, const auto& b) {
    if (a.size() != b.size()) return a.size() < b.size();
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), before);
  });
  for (const auto& set : result.sets) ++result.by_order[static_cast<std::uint32_t>(set.size())];
  return result;
}

}  // namespace knelpunt::engine
