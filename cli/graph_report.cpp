#include "cli/graph_report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace knelpunt::cli {

std::string render_graph_json(const LoadedModel& loaded, const risk_register::GraphView& view,
                              bool collapsed) {
  const auto& model = loaded.model;
  const bool has_context = view.has_context;
  nlohmann::ordered_json out;
  out["format"] = "knelpunt-graph/1";
  if (collapsed) out["collapsed"] = true;
  auto assets = nlohmann::ordered_json::array();
  auto dependencies = nlohmann::ordered_json::array();
  for (std::size_t n = 0; n < view.asset_nodes; ++n) {
    const auto& node = view.nodes[n];
    const auto& asset = model.assets[node.asset];
    nlohmann::ordered_json item;
    item["id"] = asset.id;
    item["name"] = asset.name;
    item["type"] = asset.type;
    item["process"] = asset.process;
    item["virtual"] = asset.is_virtual;
    item["zones"] = asset.zones;
    item["population"] = asset.population();
    if (asset.p) item["p"] = *asset.p;
    if (has_context) item["context"] = node.context;
    if (collapsed) {
      auto folded = nlohmann::ordered_json::array();
      for (auto f : node.folded) folded.push_back(model.assets[f].id);
      item["folded"] = std::move(folded);
    }
    assets.push_back(std::move(item));
    if (node.context) continue;
    for (const auto& dependency : asset.depends_on) {
      nlohmann::ordered_json group;
      group["asset"] = asset.id;
      group["from"] = dependency.from;
      group["need"] = dependency.need;
      group["kind"] = dependency.kind;
      group["type"] = model::to_string(dependency.type);
      group["time_to_impact_h"] = dependency.time_to_impact;
      group["buffer"] = model::to_string(dependency.buffer);
      dependencies.push_back(std::move(group));
    }
  }
  out["assets"] = std::move(assets);
  out["dependencies"] = std::move(dependencies);
  if (collapsed) {
    auto hidden = nlohmann::ordered_json::array();
    for (auto h : view.hidden) hidden.push_back(model.assets[h].id);
    out["hidden"] = std::move(hidden);
    auto edges = nlohmann::ordered_json::array();
    for (const auto& edge : view.edges) {
      nlohmann::ordered_json item;
      item["from"] = view.nodes[edge.from].name;
      item["to"] = view.nodes[edge.to].name;
      item["via_collapsed"] = edge.via_collapsed;
      edges.push_back(std::move(item));
    }
    out["edges"] = std::move(edges);
  }
  return out.dump(2) + "\n";
}

}  // namespace knelpunt::cli
