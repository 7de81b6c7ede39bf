#include "engine/cut_sets.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include "engine/bdd.hpp"
#include "engine/bdd_formula.hpp"
#include "engine/bdd_minimal_solutions.hpp"
#include "engine/parallel_for.hpp"
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

/// The sets of `family` into `result.sets` as assets, each sorted by id
/// (`rank`), the list by size and then by ids; and `result.by_order`.
/// `listing` (may be null) advances once per set.
void list_sets(const Zbdd& zbdd, Zbdd::Ref family,
               const std::vector<model::AssetIndex>& asset_of_variable,
               const std::vector<std::uint32_t>& rank, ProgressCounter* listing, CutSets& result) {
  auto before = [&](model::AssetIndex a, model::AssetIndex b) { return rank[a] < rank[b]; };
  zbdd.for_each_set(family, [&](std::span<const std::uint32_t> set) {
    std::vector<model::AssetIndex> assets;
    assets.reserve(set.size());
    for (auto v : set) assets.push_back(asset_of_variable[v]);
    std::sort(assets.begin(), assets.end(), before);
    result.sets.push_back(std::move(assets));
    if (listing) listing->advance();
  });
  std::sort(result.sets.begin(), result.sets.end(), [&](const auto& a, const auto& b) {
    if (a.size() != b.size()) return a.size() < b.size();
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), before);
  });
  for (const auto& set : result.sets) ++result.by_order[static_cast<std::uint32_t>(set.size())];
}

/// One formula and one ZBDD over every non-virtual asset, shared by the
/// targets of a chunk (CutSetSolver::of_each). No asset is excluded: each
/// target leaves out its own variable through fails_within_without.
class SharedFormula {
 public:
  SharedFormula(const model::DependencyGraph& graph, const FormulaComponents& components,
                const FormulaVariables& variables, std::uint32_t max_order, std::size_t node_limit)
      : zbdd_(static_cast<std::uint32_t>(variables.asset_of_variable.size()), node_limit),
        algebra_{zbdd_, max_order},
        formula_(graph, components, variables, model::kNoIndex, algebra_) {}

  Zbdd& zbdd() { return zbdd_; }
  Zbdd::Ref fails_within(model::AssetIndex target, model::Hours horizon) {
    return formula_.fails_within_without(target, horizon);
  }

 private:
  Zbdd zbdd_;
  MinimalSetAlgebra algebra_;
  FailureFormula<MinimalSetAlgebra> formula_;
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
  list_sets(zbdd, *family, variables.asset_of_variable, rank_by_id_,
            options.progress ? &listing : nullptr, result);
  return result;
}

std::vector<CutSets> CutSetSolver::of_each(std::span<const model::AssetIndex> targets,
                                           const CutSetOptions& options, unsigned threads,
                                           ProgressCounter* done) const {
  std::vector<CutSets> result(targets.size());
  const bool direct = options.max_order != 0 && options.max_order <= options.direct_up_to_order &&
                      options.max_sets == UINT64_MAX && !options.progress;
  // Every non-virtual asset a variable, in index order: with the order
  // limit truncating every step the ZBDDs stay small whatever the order.
  FormulaVariables variables;
  if (direct) {
    variables.variable_of_asset.assign(graph_.asset_count(), model::kNoIndex);
    for (model::AssetIndex a = 0; a < graph_.asset_count(); ++a) {
      if (graph_.is_virtual(a)) continue;
      variables.variable_of_asset[a] =
          static_cast<std::uint32_t>(variables.asset_of_variable.size());
      variables.asset_of_variable.push_back(a);
    }
  }
  const auto& infinite = components_.infinite;
  auto shareable = [&](model::AssetIndex target) {
    return direct && !infinite.cyclic[infinite.component_of[target]];
  };
  // Chunks of consecutive targets: neighbours in id order tend to share
  // suppliers. A chunk's formula is dropped when its ZBDD grows past a bound,
  // so memory stays that of a few targets' diagrams.
  constexpr std::size_t kChunk = 256;
  constexpr std::size_t kNodesBeforeFresh = std::size_t{1} << 22;
  const std::size_t chunks = (targets.size() + kChunk - 1) / kChunk;
  parallel_for(chunks, threads, [&](std::size_t chunk) {
    std::unique_ptr<SharedFormula> shared;
    const std::size_t end = std::min(targets.size(), (chunk + 1) * kChunk);
    for (std::size_t i = chunk * kChunk; i < end; ++i) {
      const auto target = targets[i];
      if (!shareable(target)) {
        result[i] = of(target, options);
      } else {
        if (!shared || shared->zbdd().node_count() > kNodesBeforeFresh)
          shared = std::make_unique<SharedFormula>(graph_, components_, variables,
                                                   options.max_order, options.zbdd_node_limit);
        try {
          const auto family = shared->fails_within(target, options.horizon);
          result[i].zbdd_nodes = shared->zbdd().node_count();
          list_sets(shared->zbdd(), family, variables.asset_of_variable, rank_by_id_, nullptr,
                    result[i]);
        } catch (const ZbddNodeLimitExceeded&) {
          // The shared diagram holds other targets' nodes too: this target
          // alone, as of() builds it, decides whether it is too large.
          shared.reset();
          result[i] = of(target, options);
        }
      }
      if (done) done->advance();
    }
  });
  return result;
}

}  // namespace knelpunt::engine
