#pragma once
/// What `graph` prints: the dependency graph, or the part of it around one
/// asset, as Graphviz DOT or JSON (`knelpunt-graph/1`).

#include <string>
#include <vector>

#include "cli/model_input.hpp"
#include "register/graph_view.hpp"

namespace knelpunt::cli {

/// The assets shown: all, or with --focus the focus and what it depends on
/// and what depends on it, plus suppliers that only complete a group.
struct GraphSelection {
  std::vector<bool> keep;     ///< per asset: shown
  std::vector<bool> context;  ///< per asset: shown only to complete a group; empty without --focus

  bool is_context(model::AssetIndex asset) const { return !context.empty() && context[asset]; }
};

/// `knelpunt-graph/1`: the shown assets and the dependency groups of the
/// assets that are not context. For a collapsed view (docs/graph.md) also
/// `"collapsed": true`, per asset the ids `folded` into it, the `hidden`
/// ids and the drawn `edges` (supplier → dependent, `via_collapsed`).
std::string render_graph_json(const LoadedModel& loaded, const risk_register::GraphView& view,
                              bool collapsed);

}  // namespace knelpunt::cli
