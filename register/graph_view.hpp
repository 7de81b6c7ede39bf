#pragma once
/// What a picture of the dependency graph shows (docs/graph.md): which
/// assets get a node, which are collapsed and into what, the redundancy
/// junctions ("k of n") and the edges. `graph --format svg|dot|json` and the
/// HTML report draw the same view; dependency_graph_layout places it.

#include <cstdint>
#include <string>
#include <vector>

#include "catalogs/reference_data.hpp"
#include "model/dependency_graph.hpp"
#include "model/model.hpp"

namespace knelpunt::risk_register {

/// The vital-process category that colours a node: A and B as the NCTV
/// list has them, "regional" for the catalogue's own regional processes,
/// none for an asset without a vital process.
enum class NodeCategory { a, b, regional, none };

/// How an asset is highlighted in the report's graph (strongest first).
enum class NodeMark { none, cascade_path, pair, single_point };

/// Which assets a view starts from and how it folds the rest away.
struct GraphViewRequest {
  /// Per asset: a candidate for the view (all true for the whole model).
  std::vector<bool> keep;
  /// Per asset: shown only to complete a group (grey); empty when none.
  std::vector<bool> context;
  /// Collapse the assets that are neither vital nor in `knelpunten` (docs/graph.md,
  /// "Collapse"); false: every kept asset gets a node (`--all`, `--focus`).
  bool collapse = false;
  /// Collapse every asset without a vital process, knelpunten included.
  bool vital_only = false;
  /// Per asset: a knelpunt that stays visible when collapsing (empty: none).
  std::vector<bool> knelpunten;
  /// Per asset: a highlight (empty: none).
  std::vector<NodeMark> marks;
  /// Edges to draw thick (supplier, dependent), e.g. a scenario's cascade path.
  std::vector<std::pair<model::AssetIndex, model::AssetIndex>> path_edges;
  /// "nl" or "en": the language of labels and sectors.
  std::string lang = "nl";
};

/// A node: an asset, or the junction of a redundancy group ("need of n").
struct GraphNode {
  bool junction = false;
  model::AssetIndex asset = 0;        ///< the asset; for a junction the dependent asset
  std::size_t group_position = 0;     ///< junction: position of the group in the asset's depends_on
  std::uint32_t need = 0, count = 0;  ///< junction: the group's rule
  std::string name;                   ///< dot node name: the asset id, "id#position" for a junction
  std::vector<std::string> lines;  ///< label lines (asset: its name wrapped, the collapsed count)
  std::string title;  ///< asset: "id — name" in full, for the tooltip
  NodeCategory category = NodeCategory::none;
  NodeMark mark = NodeMark::none;
  bool is_virtual = false, context = false;
  std::size_t cluster = 0;                ///< index into GraphView::clusters
  std::vector<model::AssetIndex> folded;  ///< collapsed assets folded into this one, ascending
};

/// A drawn edge, from supplier (or junction) to dependent (or junction).
struct GraphEdge {
  std::size_t from = 0, to = 0;  ///< node indices
  bool via_collapsed = false;    ///< stands for a path through collapsed assets
  bool on_path = false;          ///< part of a highlighted cascade path
  /// A geographic dependency (flood protection and the like): drawn light,
  /// since a dike ring feeds half the region and its edges would hide the
  /// others (docs/graph.md).
  bool geographic = false;
  std::string tooltip;  ///< resource kind and time to impact, e.g. "elektriciteit, na 2 uur"
};

/// A cluster: one sector.
struct GraphCluster {
  std::string label;  ///< the sector's name in the view's language ("" for assets without a sector)
};

/// The view: asset nodes in asset-id order, then the junctions; edges
/// sorted, clusters sorted by label.
struct GraphView {
  std::string title;
  std::vector<GraphCluster> clusters;
  std::vector<GraphNode> nodes;
  std::vector<GraphEdge> edges;
  std::vector<model::AssetIndex> hidden;  ///< kept assets collapsed into no shown asset, ascending
  std::size_t asset_nodes = 0;            ///< nodes that are assets
  bool has_context = false;               ///< the request marked context assets (a --focus view)
  std::string lang = "nl";
};

/// The fill of a node of `category`: the Okabe-Ito palette, which readers
/// with any common colour-vision deficiency tell apart (decision 026).
std::string_view category_fill(NodeCategory category);

/// The outline colour of a highlight (Okabe-Ito; also told apart by width and dashes).
std::string_view mark_colour(NodeMark mark);

/// The assets whose failure alone brings down at least one vital asset other
/// than themselves, eventually (no horizon): the structural knelpunten that
/// the collapsed view keeps. Per asset; vital assets count too.
std::vector<bool> structural_knelpunten(const model::Model& model,
                                        const model::DependencyGraph& graph);

/// Builds the view for `request` (docs/graph.md). `request.keep` must have one
/// entry per asset; the other per-asset vectors are empty or of that size.
GraphView build_graph_view(const model::Model& model, const model::DependencyGraph& graph,
                           const catalogs::ReferenceData& reference,
                           const GraphViewRequest& request);

/// Label text: `name` broken into lines of at most `width` characters (UTF-8
/// code points) at spaces, at most `max_lines` lines, the last cut with "…".
/// A word of up to `longest_word` characters (when more than `width`) keeps a
/// line of its own rather than being cut; a longer word is cut within that
/// length: after a hyphen in it, else before a known second half of a Dutch
/// compound ("Hoogspannings-" / "station"), else anywhere, and a hyphen is
/// added where there was none.
std::vector<std::string> wrap_label(std::string_view name, std::size_t width, std::size_t max_lines,
                                    std::size_t longest_word = 0);

}  // namespace knelpunt::risk_register
