#pragma once
/// What `graph` prints: the dependency graph, or the part of it around one
/// asset, as Graphviz DOT or JSON (`knelpunt-graph/1`).

#include <string>
#include <vector>

#include "cli/model_input.hpp"

namespace knelpunt::cli {

/// The assets shown: all, or with --focus the focus and what it depends on
/// and what depends on it, plus suppliers that only complete a group.
struct GraphSelection {
  std::vector<bool> keep;     ///< per asset: shown
  std::vector<bool> context;  ///< per asset: shown only to complete a group; empty without --focus

  bool is_context(model::AssetIndex asset) const { return !context.empty() && context[asset]; }
};

/// DOT: one node per shown asset (virtual ones dashed, context ones gray),
/// an edge per single-supplier group, and a junction node "need/n" per
/// redundancy group.
std::string render_graph_dot(const LoadedModel& loaded, const GraphSelection& selection);

/// `knelpunt-graph/1`: the shown assets and the dependency groups of the
/// assets that are not context.
std::string render_graph_json(const LoadedModel& loaded, const GraphSelection& selection);

}  // namespace knelpunt::cli
