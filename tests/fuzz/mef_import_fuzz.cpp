// Fuzz target: an Open-PSA MEF file read by `import mef` (expat, the MEF
// subset, the fault tree below the first gate; docs/fault-tree-import.md).
// A tree that imports must be one a model can hold: every supplier an
// asset of the tree, every need within its group, ids unique.
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

#include "fuzz_input_file.hpp"
#include "model/mef_fault_tree.hpp"
#include "model/mef_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  knelpunt::model::Diagnostics diagnostics;
  const auto definitions =
      knelpunt::model::read_mef_files({fuzz_input_file(data, size, "tree.xml")}, diagnostics);
  if (diagnostics.has_errors() || definitions.gates.empty()) return 0;
  const std::string top = definitions.gates.front().name;
  if (!knelpunt::model::mef_top_problem(definitions, top).empty()) return 0;
  const auto tree = knelpunt::model::import_mef_fault_tree(definitions, top, diagnostics);
  if (!tree) return 0;
  std::set<std::string> ids;
  for (const auto& asset : tree->assets)
    if (!ids.insert(asset.id).second) std::abort();
  for (const auto& asset : tree->assets)
    for (const auto& group : asset.depends_on) {
      if (group.from.empty() || group.need < 1 || group.need > group.from.size()) std::abort();
      for (const auto& supplier : group.from)
        if (!ids.count(supplier) || supplier == asset.id) std::abort();
    }
  return 0;
}
