#pragma once
/// What `knelpunt import mef` says on stderr besides errors
/// (docs/fault-tree-import.md): the warning for basic events without a
/// probability and the one-line summary of what was imported.

#include <string>
#include <string_view>

#include "model/mef_fault_tree.hpp"
#include "model/mef_reader.hpp"

namespace knelpunt::cli {

/// "" when every basic event of `tree` has a p; else one warning line
/// (newline-terminated) naming the first five without one. As `export`
/// does (decision 031), such an event is written without p.
std::string render_missing_probabilities(const model::ImportedFaultTree& tree);

/// One line (newline-terminated): the gates, nested formulas and basic events
/// below `top`, what of `definitions` the top does not reach, and the file
/// written (`output`; "" or "-" for stdout, which is not named).
std::string render_import_summary(const model::MefDefinitions& definitions,
                                  const model::ImportedFaultTree& tree, std::string_view top,
                                  std::string_view output);

}  // namespace knelpunt::cli
