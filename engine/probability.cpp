#include "engine/probability.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "engine/bdd.hpp"
#include "engine/bdd_formula.hpp"
#include "engine/bdd_minimal_solutions.hpp"
#include "engine/zbdd.hpp"

namespace knelpunt::engine {

namespace {

double ratio(double numerator, double denominator) {
  return denominator > 0 ? numerator / denominator : std::numeric_limits<double>::quiet_NaN();
}

ProbabilityResult bounds_from(const model::DependencyGraph& graph, model::AssetIndex target,
                              std::span<const double> p, const CutSets& cut_sets) {
  ProbabilityResult result;
  result.method = ProbabilityMethod::bounds;
  const double own = graph.is_virtual(target) ? 0.0 : p[target];
  double sum = own, survive = 1.0 - own;
  for (const auto& set : cut_sets.sets) {
    double product = 1.0;
    for (auto a : set) product *= p[a];
    sum += product;
    survive *= 1.0 - product;
  }
  result.rare_event = sum;
  result.min_cut_upper_bound = 1.0 - survive;
  result.value = std::min(sum, 1.0 - survive);
  return result;
}

}  // namespace

ProbabilityResult failure_probability(const model::DependencyGraph& graph, model::AssetIndex target,
                                      std::span<const double> p, const ProbabilityOptions& options,
                                      const CutSets* cut_sets) {
  const auto variables = order_variables(graph, target, true);
  std::vector<double> p_of_variable;
  for (auto a : variables.asset_of_variable) p_of_variable.push_back(p[a]);
  std::optional<Bdd> bdd;
  Bdd::Ref top = Bdd::kFalse;
  ProgressCounter building(options.progress, "probability", 1);
  try {
    bdd.emplace(static_cast<std::uint32_t>(variables.asset_of_variable.size()), options.node_limit);
    const auto components = formula_components(graph);
    FailureFormula<Bdd> formula(graph, components, variables, target, *bdd);
    top = formula.fails_within(target, options.horizon);
    // The target fails by itself or through its dependencies; inside the
    // formula it is never a variable (a set containing it needs no cascade).
    if (const auto own = variables.variable_of_asset[target]; own != model::kNoIndex)
      top = bdd->lor(bdd->variable(own), top);
  } catch (const BddNodeLimitExceeded&) {
    building.advance();  // P comes from the bounds instead
    bdd.reset();  // its memory is not needed by the bounds
    if (cut_sets) return bounds_from(graph, target, p, *cut_sets);
    CutSetOptions all_orders{0, options.horizon};
    all_orders.zbdd_node_limit = options.bounds_zbdd_node_limit;
    all_orders.max_sets = options.bounds_max_sets;
    try {
      return bounds_from(graph, target, p, minimal_cut_sets(graph, target, all_orders));
    } catch (const CutSetsTooLarge&) {
      ProbabilityResult result;
      result.method = ProbabilityMethod::too_large;
      result.value = std::numeric_limits<double>::quiet_NaN();
      result.node_limit = options.node_limit;
      result.bounds_max_sets = options.bounds_max_sets;
      return result;
    }
  }

  ProbabilityResult result;
  result.value = bdd->probability(top, p_of_variable);
  result.bdd_nodes = bdd->node_count();
  building.advance();
  // Importance from one pass over the function's nodes, which creates none:
  // once P is exact, so are these, whatever the node limit.
  const auto conditional = bdd->conditional_probabilities(top, p_of_variable);
  for (auto v : bdd->support(top)) {
    Importance row;
    row.asset = variables.asset_of_variable[v];
    row.birnbaum = conditional[v].derivative;
    row.criticality = ratio(row.birnbaum * p_of_variable[v], result.value);
    row.fussell_vesely = std::numeric_limits<double>::quiet_NaN();
    row.raw = ratio(conditional[v].if_true, result.value);
    row.rrw = ratio(result.value, conditional[v].if_false);
    result.importance.push_back(row);
  }
  // Fussell–Vesely, one asset at a time, is what takes long; the other
  // measures came from the one pass above.
  ProgressCounter importance(options.progress, "importance", result.importance.size());
  std::size_t rows_done = 0;
  try {
    // Fussell–Vesely: x ∧ (some cut set containing x, x taken out, has failed).
    // It needs the cut sets' own BDD, so it gets a budget of its own.
    const std::size_t top_nodes = bdd->node_count();
    result.fussell_vesely_node_limit = options.fussell_vesely_node_limit;
    if (top_nodes > options.fussell_vesely_node_limit) throw BddNodeLimitExceeded("function too large");
    bdd->set_node_limit(std::min(options.node_limit, top_nodes + options.fussell_vesely_node_limit));
    Zbdd zbdd(static_cast<std::uint32_t>(variables.asset_of_variable.size()));
    const auto cut_sets_of_top = MinimalSolutions(*bdd, zbdd)(top);
    UnionOfProducts to_bdd(zbdd, *bdd);
    for (auto& row : result.importance) {
      const auto v = variables.variable_of_asset[row.asset];
      const double through_x =
          p_of_variable[v] * bdd->probability(to_bdd(zbdd.containing(cut_sets_of_top, v)), p_of_variable);
      row.fussell_vesely = ratio(through_x, result.value);
      importance.advance();
      ++rows_done;
    }
    result.fussell_vesely_computed = true;
  } catch (const BddNodeLimitExceeded&) {
    // keep NaN: the exact value, P and the other measures stand
  }
  // The step ends whether or not Fussell–Vesely was computed.
  importance.advance(result.importance.size() - rows_done);
  std::sort(result.importance.begin(), result.importance.end(),
            [&](const auto& a, const auto& b) { return graph.id(a.asset) < graph.id(b.asset); });
  return result;
}

}  // namespace knelpunt::engine
