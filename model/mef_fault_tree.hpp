#pragma once
/// A fault tree read from Open-PSA MEF (mef_reader.hpp) as the assets of a
/// knelpunt model (`import mef`; docs/fault-tree-import.md, decision 033),
/// by the mapping of the fault-tree benchmarks (tests/data/fault-trees):
/// a gate is a virtual asset; OR over x1…xm is m dependency groups, each
/// `from: [xi]`; AND is one group `from: [x1…xm]` (need 1); ATLEAST k of m
/// is one group of all m with need m − k + 1; a reference alone is one
/// group of it; constant false is a virtual asset without groups (it never
/// fails). A basic event is an asset with its probability `p`. Names become
/// ids by mef_knelpunt_id. A formula nested in a formula is a virtual asset
/// of its own, named after its gate and its position, `<gate>.<i>` (1-based,
/// `<gate>.<i>.<j>` deeper): MEF names hold no '.', so these ids cannot
/// clash with an imported name. Only what the top gate reaches is kept.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/mef_reader.hpp"

namespace knelpunt::model {

/// A dependency group of an imported gate: lost once `from.size() − need + 1`
/// of `from` have failed.
struct ImportedGroup {
  std::vector<std::string> from;  ///< ids, in the order of the formula's arguments
  std::uint32_t need = 1;
};

struct ImportedAsset {
  std::string id;
  bool is_virtual = false;                ///< a gate (or a nested formula)
  std::optional<double> p;                ///< basic events: the probability, when given
  std::vector<ImportedGroup> depends_on;  ///< gates only
  std::string mef_name;                   ///< the MEF name; "" for a nested formula
};

/// The assets the top gate reaches: gates (and nested formulas) sorted by
/// id, then basic events sorted by id.
struct ImportedFaultTree {
  std::string top;  ///< the top gate's id
  std::vector<ImportedAsset> assets;
};

/// "" when `top` names a gate of `definitions`; else what is wrong (no
/// such name, with a did-you-mean hint; a basic event) and what was expected.
std::string mef_top_problem(const MefDefinitions& definitions, std::string_view top);

/// Checks every gate of `definitions` (not only those the top reaches): each
/// reference names a defined gate or basic event of the kind it says
/// (<gate>, <basic-event>; <event> either), no formula has the same
/// argument twice (MEF forbids it; an atleast would change meaning), and no
/// gate reaches itself (a cycle, named gate by gate). Errors go to
/// `diagnostics`; without errors, returns the tree below `top` (which
/// mef_top_problem accepted).
std::optional<ImportedFaultTree> import_mef_fault_tree(const MefDefinitions& definitions,
                                                       std::string_view top,
                                                       Diagnostics& diagnostics);

}  // namespace knelpunt::model
