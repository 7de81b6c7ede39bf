#pragma once
/// The dependency graph as SVG (docs/graph.md): the laid-out GraphView
/// drawn by us, not by a Graphviz renderer, so that every text from the model
/// passes model::html_escape, the output has no version comment or font
/// dependency, and the HTML report can embed it inline under its CSP.

#include <string>

#include "register/dependency_graph_layout.hpp"
#include "register/graph_view.hpp"

namespace knelpunt::risk_register {

struct GraphSvgOptions {
  bool standalone = true;   ///< an XML declaration and a size in points (a file), else sized by CSS
                            ///< (inline in HTML)
  bool show_marks = false;  ///< the legend explains the knelpunt highlights
  std::string css_class = "depgraph";
};

/// The picture: sector clusters, nodes filled by vital-process category, the
/// junctions "k/n", edges (dashed through collapsed assets), and a legend
/// below. Every asset node is `<g class="node" data-asset="ID">`, so a
/// check can count them. Deterministic (coordinates with one decimal).
std::string graph_to_svg(const GraphView& view, const GraphLayout& layout,
                         const GraphSvgOptions& options);

}  // namespace knelpunt::risk_register
