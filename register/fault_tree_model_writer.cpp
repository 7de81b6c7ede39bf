#include "register/fault_tree_model_writer.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace knelpunt::risk_register {

std::string write_fault_tree_model(const model::ImportedFaultTree& tree,
                                   const std::vector<std::string>& sources) {
  std::string out = fmt::format(
      "# The fault tree of {} imported from Open-PSA MEF ({}) by knelpunt import mef\n"
      "# (docs/fault-tree-import.md): gates are virtual assets, basic events assets with p.\n"
      "knelpunt: 1\n"
      "region: {{name: fault tree {}}}\n"
      "assets:\n",
      tree.top, fmt::join(sources, ", "), tree.top);
  for (const auto& asset : tree.assets) {
    out += fmt::format("  - id: {}\n", asset.id);
    // The MEF name, when lower-casing or '_' → '-' changed it, so the
    // asset can be traced back to the file.
    if (!asset.mef_name.empty() && asset.mef_name != asset.id)
      out += fmt::format("    name: \"{}\"\n", asset.mef_name);
    if (asset.is_virtual) out += "    virtual: true\n";
    // fmt's "{}" of a double is its shortest form that reads back exactly.
    if (asset.p) out += fmt::format("    p: {}\n", *asset.p);
    if (asset.depends_on.empty()) continue;
    out += "    depends_on:\n";
    for (const auto& group : asset.depends_on) {
      out += fmt::format("      - from: [{}]\n", fmt::join(group.from, ", "));
      if (group.need != 1) out += fmt::format("        need: {}\n", group.need);
    }
  }
  return out;
}

}  // namespace knelpunt::risk_register
