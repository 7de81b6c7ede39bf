#pragma once
/// The dependency graph the HTML report shows (docs/report.md, "Dependency
/// graph"): the vital assets and the structural knelpunten (the collapsed
/// view of docs/graph.md), with the register's entries highlighted — single
/// points, the assets of pairs, and the cascade paths of the three highest
/// scenarios. A model too large for one picture gets its knelpunten that
/// bring down the most vital assets only, and the report says so.
///
/// Laid out in two steps: the picture from the model alone, before the
/// assessment runs, and the highlights (styles only) once the register is
/// built. The layout is the same bytes on every run: Graphviz's object ids
/// follow the DOT text, not memory addresses (decision 026, "Determinism").

#include <cstddef>
#include <memory>
#include <string>

#include "catalogs/reference_data.hpp"
#include "model/dependency_graph.hpp"
#include "model/model.hpp"
#include "register/dependency_graph_layout.hpp"
#include "register/graph_view.hpp"
#include "register/risk.hpp"

namespace knelpunt::risk_register {

/// At most this many asset nodes in the report's graph; above it, the
/// structural knelpunten that bring down the most vital assets. Dot's layout
/// grows faster than linearly, and a picture of more nodes is not read on a
/// page anyway.
inline constexpr std::size_t kMaxReportGraphAssets = 150;

/// The laid-out picture and what it leaves out.
struct ReportGraph {
  GraphView view;
  std::optional<GraphLayout> layout;  ///< none when Graphviz failed (error says why)
  std::string error;
  std::size_t vital_assets = 0;  ///< vital assets in the model
  bool reduced = false;          ///< only the knelpunten with the largest reach are shown
};

/// Builds and lays out the report's graph of `model` in `lang`, without highlights.
std::shared_ptr<ReportGraph> lay_out_report_graph(const model::Model& model, const model::DependencyGraph& graph,
                                                  const catalogs::ReferenceData& reference, std::string_view lang);

/// Highlights `reg`'s entries (as they will be written) in `figure`: styles
/// only, the layout stays as it is.
void highlight_report_graph(ReportGraph& figure, const model::Model& model, const Register& reg);

}  // namespace knelpunt::risk_register
