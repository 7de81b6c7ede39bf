#pragma once
/// Places a GraphView with Graphviz's dot layout, used as a library (libgvc
/// and libcgraph, decision 026): the view is written as DOT, read by
/// cgraph, laid out by the dot layout plugin, and the positions are read
/// back. Only the dot layout plugin is loaded (linked in, not read from
/// Graphviz's plugin configuration), and no text-layout plugin: label sizes
/// come from Graphviz's built-in font metrics, so the layout does not
/// depend on the fonts installed and is the same on every machine.

#include <optional>
#include <string>
#include <vector>

#include "register/graph_view.hpp"

namespace knelpunt::risk_register {

/// The most asset nodes `graph --format svg` lays out. Dot's layout grows
/// faster than linearly (1 000 generated assets: 28 s, a 10 000-asset region:
/// more than 5 minutes), and a picture of more is not read anyway.
inline constexpr std::size_t kMaxSvgGraphAssets = 500;

/// The view as Graphviz DOT: one cluster per sector, nodes filled by
/// category, junctions as small circles "k/n", dashed edges for paths
/// through collapsed assets. What `graph --format dot` writes and what the
/// layout reads, so both show the same selection.
std::string graph_view_to_dot(const GraphView& view);

/// A point in the picture's coordinates: points (1/72 inch), y downwards.
struct LayoutPoint {
  double x = 0, y = 0;
};

/// Where the layout put things; indices follow the view's.
struct GraphLayout {
  double width = 0, height = 0;  ///< the drawing's size in points
  struct Box {
    double x = 0, y = 0, width = 0, height = 0;  ///< top-left corner and size
  };
  std::vector<Box> nodes;                   ///< per view node
  std::vector<Box> clusters;                ///< per view cluster
  std::vector<LayoutPoint> cluster_labels;  ///< per view cluster: the label's centre
  struct Edge {
    std::vector<LayoutPoint> spline;       ///< 3k+1 points of a cubic Bézier chain
    std::optional<LayoutPoint> arrow_tip;  ///< the arrowhead's tip, after the spline's end
  };
  std::vector<Edge> edges;  ///< per view edge
};

/// The layout, or why Graphviz could not make it.
struct GraphLayoutResult {
  std::optional<GraphLayout> layout;
  std::string error;  ///< set when layout is empty: Graphviz's own message
};

/// Lays `view` out. Serialised internally (Graphviz keeps global state), so
/// it may be called from any thread; deterministic for a given view.
GraphLayoutResult layout_graph_view(const GraphView& view);

}  // namespace knelpunt::risk_register
