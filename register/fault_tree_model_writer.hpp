#pragma once
/// A fault tree imported from Open-PSA MEF (model/mef_fault_tree.hpp) as a
/// knelpunt model file (`knelpunt import mef`; docs/fault-tree-import.md,
/// decision 033), in the shape of the converted benchmarks in
/// tests/data/fault-trees: `knelpunt: 1`, a region named after the top gate,
/// the gates as virtual assets with their dependency groups, then the basic
/// events with their `p`. Deterministic: the assets in the tree's order
/// (gates by id, then basic events by id), numbers in their shortest exact
/// form, no timestamp.

#include <string>
#include <vector>

#include "model/mef_fault_tree.hpp"

namespace knelpunt::risk_register {

/// The model file of `tree`; `sources` (the MEF files' names, without
/// directories) are named in its header comment.
std::string write_fault_tree_model(const model::ImportedFaultTree& tree,
                                   const std::vector<std::string>& sources);

}  // namespace knelpunt::risk_register
