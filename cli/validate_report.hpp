#pragma once
/// What `validate` reports about a valid model: its counts, its dependency
/// cycles, and apart from those the same-kind cycles, where supply of a
/// grounded kind must trace back to a source (docs/model.md, Supply from
/// sources). Texts are English only: validate has no --lang.

#include <string>
#include <vector>

#include "cli/model_input.hpp"
#include "model/diagnostic.hpp"
#include "nlohmann/json.hpp"

namespace knelpunt::cli {

/// One same-kind cycle: a strongly connected component, with more than one
/// member, of the supply graph of one kind.
struct SameKindCycle {
  std::string kind;
  std::vector<std::string> members;  ///< ids, ascending by asset index
  /// False for a kind with `grounded: false`: mutual support counts, the
  /// supply rule does not apply, and `unsupplied` is always false.
  bool grounded = true;
  /// Not grounded even with every asset up (no source feeds it): lost at t = 0.
  bool unsupplied = false;
  model::SourceLocation where;  ///< the first member's first group of the kind
};

/// The cycles of a model's dependency graph.
struct ModelCycles {
  /// Strongly connected components (more than one member) of the whole
  /// graph, whatever the kinds; sorted.
  std::vector<std::vector<std::string>> dependency;
  /// Same-kind cycles, of grounded kinds and of kinds with `grounded: false`,
  /// by kind name then members.
  std::vector<SameKindCycle> same_kind;
};

ModelCycles model_cycles(const model::Model& model, const model::DependencyGraph& graph);

/// A warning per same-kind cycle that no source feeds: it is lost at t = 0
/// whatever fails, which is almost always a modelling error.
model::Diagnostics unsupplied_cycle_warnings(const ModelCycles& cycles);

/// The summary line, and with `verbose` one line per cycle ("cycle: …", then
/// "same-kind cycle (power): …").
std::string render_validation_text(const model::Model& model, const ModelCycles& cycles,
                                   bool verbose);

/// Adds "cycles" (always) and "same_kind_cycles" (only when there are some,
/// so the output of models without them is unchanged) to `out`.
void add_cycles_json(nlohmann::ordered_json& out, const ModelCycles& cycles);

}  // namespace knelpunt::cli
