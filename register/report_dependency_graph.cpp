#include "register/report_dependency_graph.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "engine/reach.hpp"

namespace knelpunt::risk_register {

namespace {

/// How many scenario entries (the highest first, in register order) have their cascade path drawn.
constexpr std::size_t kScenarioPaths = 3;

bool has_analysis(const Risk& risk, std::string_view analysis) {
  return std::find(risk.analyses.begin(), risk.analyses.end(), analysis) != risk.analyses.end();
}

void mark(std::vector<NodeMark>& marks, std::size_t asset, NodeMark how) {
  if (static_cast<int>(how) > static_cast<int>(marks[asset])) marks[asset] = how;
}

}  // namespace

std::shared_ptr<ReportGraph> lay_out_report_graph(const model::Model& model, const model::DependencyGraph& graph,
                                                  const catalogs::ReferenceData& reference, std::string_view lang) {
  const std::size_t n = graph.asset_count();
  auto result = std::make_shared<ReportGraph>();
  for (const auto& asset : model.assets)
    if (!asset.process.empty()) ++result->vital_assets;
  GraphViewRequest request;
  request.lang = std::string(lang);
  request.collapse = true;
  request.keep.assign(n, true);
  request.knelpunten = structural_knelpunten(model, graph);
  auto view = build_graph_view(model, graph, reference, request);
  if (view.asset_nodes > kMaxReportGraphAssets) {
    // Too many for one picture: the structural knelpunten that bring down the most vital assets.
    result->reduced = true;
    std::vector<std::pair<std::size_t, model::AssetIndex>> ranked;  // (-vital assets brought down, asset)
    for (model::AssetIndex a = 0; a < n; ++a) {
      if (!request.knelpunten[a]) continue;
      std::size_t vital = 0;
      for (auto failed : engine::reach_set(graph, a, model::kNever))
        if (!model.assets[failed].process.empty()) ++vital;
      ranked.emplace_back(SIZE_MAX - vital, a);
    }
    std::sort(ranked.begin(), ranked.end());
    ranked.resize(std::min(ranked.size(), kMaxReportGraphAssets));
    request.keep.assign(n, false);
    for (const auto& [rank, a] : ranked) request.keep[a] = true;
    request.collapse = false;
    view = build_graph_view(model, graph, reference, request);
  }
  auto laid_out = layout_graph_view(view);
  result->view = std::move(view);
  result->layout = std::move(laid_out.layout);
  result->error = std::move(laid_out.error);
  return result;
}

void highlight_report_graph(ReportGraph& figure, const model::Model& model, const Register& reg) {
  std::vector<NodeMark> marks(model.assets.size(), NodeMark::none);
  std::set<std::pair<std::string, std::string>> path;  // (supplier id, dependent id)
  std::size_t scenarios = 0;
  for (const auto& risk : reg.risks) {
    const auto& finding = risk.finding;
    if (finding.kind == "spof" || (finding.kind == "knelpunt" && has_analysis(risk, "single-point"))) {
      for (const auto& id : finding.assets)
        if (const auto a = model.find(id)) mark(marks, *a, NodeMark::single_point);
    } else if (finding.kind == "common-cause") {
      for (const auto& id : finding.assets)
        if (const auto a = model.find(id)) mark(marks, *a, NodeMark::pair);
    } else if (finding.kind == "scenario" && scenarios < kScenarioPaths) {
      ++scenarios;
      for (const auto& step : finding.chain) {
        if (const auto a = model.find(step.asset)) mark(marks, *a, NodeMark::cascade_path);
        if (!step.via.empty()) path.emplace(step.via, step.asset);
      }
    }
  }
  auto& view = figure.view;
  for (auto& node : view.nodes)
    if (!node.junction) node.mark = marks[node.asset];
  // An edge is on a path when it, or the junction it passes, links a supplier and dependent of a path step.
  for (auto& edge : view.edges) {
    const auto& from = view.nodes[edge.from];
    const auto& to = view.nodes[edge.to];
    if (from.junction) continue;
    const auto& dependent = model.assets[to.asset].id;  // a junction's asset is its dependent
    edge.on_path = path.count({model.assets[from.asset].id, dependent}) > 0;
  }
  for (auto& edge : view.edges) {
    const auto& from = view.nodes[edge.from];
    if (!from.junction) continue;
    edge.on_path = std::any_of(view.edges.begin(), view.edges.end(),
                               [&](const GraphEdge& in) { return in.to == edge.from && in.on_path; });
  }
}

}  // namespace knelpunt::risk_register
