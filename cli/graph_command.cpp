/// `knelpunt graph MODEL --format svg|dot|json [--focus ID] [--upstream|--downstream]
/// [--depth N] [--vital-only] [--all]`: the dependency graph (docs/graph.md).

#include <fmt/format.h>

#include <iostream>
#include <queue>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/graph_report.hpp"
#include "cli/language_option.hpp"
#include "cli/model_input.hpp"
#include "cli/option_ranges.hpp"
#include "register/dependency_graph_layout.hpp"
#include "register/graph_svg_writer.hpp"

namespace knelpunt::cli {

namespace {

class GraphCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand(
        "graph", "The dependency graph as SVG (laid out by Graphviz), DOT or JSON");
    add_model_argument(command, model_path_);
    command->add_option("--format", format_, "Output format: svg, dot (default) or json")
        ->check(CLI::IsMember({"svg", "dot", "json"}));
    auto* focus = command->add_option("--focus", focus_,
                                      "Only this asset, what it depends on and what depends on it");
    auto* upstream =
        command->add_flag("--upstream", upstream_, "With --focus: only what the asset depends on");
    auto* downstream = command->add_flag("--downstream", downstream_,
                                         "With --focus: only what depends on the asset");
    upstream->needs(focus)->excludes("--downstream");
    downstream->needs(focus);
    command
        ->add_option("--depth", depth_, "With --focus: how many steps up and down (default: all)")
        ->check(CLI::Range(0, kMaxGraphDepth))
        ->needs(focus);
    command->add_flag("--vital-only", vital_only_,
                      "Only assets with a vital process; the others collapsed (docs/graph.md)");
    command
        ->add_flag("--all", all_,
                   "Every asset: collapse nothing (default: non-vital assets that are no knelpunt "
                   "are collapsed into the knelpunten upstream of them)")
        ->excludes("--vital-only");
    add_language_option(command, lang_);
    command->add_option("-o,--output", output_,
                        "Write to this file (atomically) instead of stdout");
    command->add_flag("-q,--quiet", quiet_, "Print errors only (no warnings)");
    command->footer(
        "Examples:\n"
        "  knelpunt graph examples/dordrecht --format svg -o dordrecht.svg\n"
        "  knelpunt graph examples/dordrecht --format json --focus asz-dordrecht --depth 2");
    return command;
  }

  int run() override {
    auto loaded = load_model_or_report(model_path_, quiet_);
    if (!loaded) return kExitBadInput;
    // A refused -o fails before the layout, which takes seconds on a large model (docs/security.md).
    if (const int checked = check_output(output_, protected_inputs(*loaded)); checked != kExitOk) return checked;
    const auto& graph = *loaded->graph;
    GraphSelection selection;
    auto& keep = selection.keep;
    keep.assign(graph.asset_count(), focus_.empty());
    if (!focus_.empty()) {
      auto focus = find_asset_or_report(*loaded, focus_, "--focus");
      if (!focus) return kExitBadInput;
      if (!downstream_) mark_reachable(graph, *focus, true, keep);
      if (!upstream_) mark_reachable(graph, *focus, false, keep);
      // Whole groups only: a kept asset shows every supplier of its groups, so
      // that `need` reads against the full list; the extra ones are context.
      selection.context.assign(graph.asset_count(), false);
      const std::vector<bool> core = keep;
      for (model::AssetIndex a = 0; a < graph.asset_count(); ++a)
        if (core[a])
          for (auto g : graph.groups_of(a))
            for (auto s : graph.suppliers(g))
              if (!core[s]) keep[s] = selection.context[s] = true;
    }
    risk_register::GraphViewRequest request;
    request.keep = std::move(selection.keep);
    request.context = std::move(selection.context);
    // A focused view is small: shown whole. The whole model is collapsed unless --all.
    request.collapse = !all_ && focus_.empty();
    request.vital_only = vital_only_;
    if (request.collapse && !vital_only_)
      request.knelpunten = risk_register::structural_knelpunten(loaded->model, graph);
    request.lang = lang_;
    const auto view =
        risk_register::build_graph_view(loaded->model, graph, loaded->reference, request);
    const bool collapsed = request.collapse || request.vital_only;
    std::string text;
    if (format_ == "json") {
      text = render_graph_json(*loaded, view, collapsed);
    } else if (format_ == "dot") {
      text = risk_register::graph_view_to_dot(view);
    } else if (view.asset_nodes > risk_register::kMaxSvgGraphAssets) {
      // Dot's layout grows faster than linearly: 1 000 generated assets take half a minute (docs/graph.md).
      std::cerr << fmt::format("knelpunt: graph: {} assets to draw; --format svg lays out at most {}; expected "
                               "--focus ID (with --depth N), --vital-only, or --format dot|json for the whole graph\n",
                               view.asset_nodes, risk_register::kMaxSvgGraphAssets);
      return kExitBadInput;
    } else {
      const auto laid_out = risk_register::layout_graph_view(view);
      if (!laid_out.layout) {
        std::cerr << fmt::format(
            "knelpunt: graph: {}; expected Graphviz to lay out the graph of {} nodes\n",
            laid_out.error, view.nodes.size());
        return kExitInternal;
      }
      text = risk_register::graph_to_svg(view, *laid_out.layout, {});
    }
    return write_output(text, output_, protected_inputs(*loaded));
  }

 private:
  /// Breadth-first up (suppliers) or down (dependents) from `start`, at most `depth_` steps.
  void mark_reachable(const model::DependencyGraph& graph, model::AssetIndex start, bool upstream,
                      std::vector<bool>& keep) const {
    std::vector<int> distance(graph.asset_count(), -1);
    std::queue<model::AssetIndex> queue;
    distance[start] = 0;
    keep[start] = true;
    queue.push(start);
    while (!queue.empty()) {
      const auto asset = queue.front();
      queue.pop();
      if (depth_ >= 0 && distance[asset] >= depth_) continue;
      auto visit = [&](model::AssetIndex next) {
        if (distance[next] >= 0) return;
        distance[next] = distance[asset] + 1;
        keep[next] = true;
        queue.push(next);
      };
      if (upstream) {
        for (auto g : graph.groups_of(asset))
          for (auto s : graph.suppliers(g)) visit(s);
      } else {
        for (auto g : graph.groups_supplied_by(asset)) visit(graph.group(g).asset);
      }
    }
  }

  std::string model_path_;
  std::string format_ = "dot";
  std::string focus_;
  int depth_ = -1;
  std::string output_;
  std::string lang_ = "nl";
  bool quiet_ = false;
  bool upstream_ = false, downstream_ = false, vital_only_ = false, all_ = false;
};

}  // namespace

std::unique_ptr<Command> make_graph_command() { return std::make_unique<GraphCommand>(); }

}  // namespace knelpunt::cli
