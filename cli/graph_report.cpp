#include "cli/graph_report.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace knelpunt::cli {

namespace {

/// Escapes a string for a double-quoted DOT identifier or label.
std::string dot_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

std::string render_graph_dot(const LoadedModel& loaded, const GraphSelection& selection) {
  const auto& keep = selection.keep;
  const auto& model = loaded.model;
  const auto& graph = *loaded.graph;
  std::string out = fmt::format("digraph \"{}\" {{\n  rankdir=LR;\n  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n",
                                dot_escape(model.region.name.empty() ? std::string("knelpunt") : model.region.name));
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    if (!keep[a]) continue;
    const auto& asset = model.assets[a];
    std::string label = asset.id;
    if (!asset.name.empty()) label += "\n" + asset.name;
    out += fmt::format("  \"{}\" [label=\"{}\"{}{}];\n", dot_escape(asset.id), dot_escape(label),
                       asset.is_virtual ? ", shape=ellipse, style=dashed" : "",
                       selection.is_context(a) ? ", color=gray, fontcolor=gray" : "");
  }
  for (model::GroupIndex g = 0; g < graph.group_count(); ++g) {
    const auto& group = graph.group(g);
    if (!keep[group.asset] || selection.is_context(group.asset)) continue;
    const auto& dependency = model.assets[group.asset].depends_on[group.position];
    std::string label = dependency.kind;
    if (group.time_to_impact > 0) label += (label.empty() ? "" : " ") + std::string("+") + model::format_hours(group.time_to_impact);
    const std::string target = dot_escape(graph.id(group.asset));
    if (group.supplier_count == 1) {
      const auto supplier = graph.suppliers(g)[0];
      if (!keep[supplier]) continue;
      out += fmt::format("  \"{}\" -> \"{}\"{};\n", dot_escape(graph.id(supplier)), target,
                         label.empty() ? "" : fmt::format(" [label=\"{}\"]", dot_escape(label)));
      continue;
    }
    // A redundancy group gets a junction node that says how many are needed.
    const std::string junction = fmt::format("{}#{}", graph.id(group.asset), group.position);
    out += fmt::format("  \"{}\" [shape=circle, label=\"{}/{}\", width=0.3, fontsize=9];\n", dot_escape(junction),
                       group.need, group.supplier_count);
    out += fmt::format("  \"{}\" -> \"{}\"{};\n", dot_escape(junction), target,
                       label.empty() ? "" : fmt::format(" [label=\"{}\"]", dot_escape(label)));
    for (auto s : graph.suppliers(g))
      if (keep[s]) out += fmt::format("  \"{}\" -> \"{}\";\n", dot_escape(graph.id(s)), dot_escape(junction));
  }
  out += "}\n";
  return out;
}

std::string render_graph_json(const LoadedModel& loaded, const GraphSelection& selection) {
  const auto& keep = selection.keep;
  const auto& model = loaded.model;
  const auto& graph = *loaded.graph;
  nlohmann::ordered_json out;
  out["format"] = "knelpunt-graph/1";
  auto assets = nlohmann::ordered_json::array();
  auto dependencies = nlohmann::ordered_json::array();
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    if (!keep[a]) continue;
    const auto& asset = model.assets[a];
    nlohmann::ordered_json item;
    item["id"] = asset.id;
    item["name"] = asset.name;
    item["type"] = asset.type;
    item["process"] = asset.process;
    item["virtual"] = asset.is_virtual;
    item["zones"] = asset.zones;
    item["population"] = asset.population();
    if (asset.p) item["p"] = *asset.p;
    if (!selection.context.empty()) item["context"] = selection.is_context(a);
    assets.push_back(std::move(item));
    if (selection.is_context(a)) continue;
    for (const auto& dependency : asset.depends_on) {
      nlohmann::ordered_json group;
      group["asset"] = asset.id;
      group["from"] = dependency.from;
      group["need"] = dependency.need;
      group["kind"] = dependency.kind;
      group["type"] = model::to_string(dependency.type);
      group["time_to_impact_h"] = dependency.time_to_impact;
      dependencies.push_back(std::move(group));
    }
  }
  out["assets"] = std::move(assets);
  out["dependencies"] = std::move(dependencies);
  return out.dump(2) + "\n";
}

}  // namespace knelpunt::cli
