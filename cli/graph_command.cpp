/// `knelpunt graph MODEL --format dot|json [--focus ID]`: the dependency graph.

#include <queue>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/graph_report.hpp"
#include "cli/model_input.hpp"
#include "cli/option_ranges.hpp"

namespace knelpunt::cli {

namespace {

class GraphCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("graph", "The dependency graph as Graphviz DOT or JSON");
    add_model_argument(command, model_path_);
    command->add_option("--format", format_, "Output format")->check(CLI::IsMember({"dot", "json"}));
    command->add_option("--focus", focus_, "Only this asset, what it depends on and what depends on it");
    command->add_option("--depth", depth_, "With --focus: how many steps up and down (default: all)")
        ->check(CLI::Range(0, kMaxGraphDepth));
    command->add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout");
    command->add_flag("-q,--quiet", quiet_, "Print errors only (no warnings)");
    command->footer(
        "Examples:\n"
        "  knelpunt graph examples/dordrecht --format dot | dot -Tsvg > dordrecht.svg\n"
        "  knelpunt graph examples/dordrecht --format json --focus asz-dordrecht --depth 2");
    return command;
  }

  int run() override {
    auto loaded = load_model_or_report(model_path_, quiet_);
    if (!loaded) return kExitBadInput;
    const auto& graph = *loaded->graph;
    GraphSelection selection;
    auto& keep = selection.keep;
    keep.assign(graph.asset_count(), focus_.empty());
    if (!focus_.empty()) {
      auto focus = find_asset_or_report(*loaded, focus_, "--focus");
      if (!focus) return kExitBadInput;
      mark_reachable(graph, *focus, true, keep);
      mark_reachable(graph, *focus, false, keep);
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
    const std::string text =
        format_ == "json" ? render_graph_json(*loaded, selection) : render_graph_dot(*loaded, selection);
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
  bool quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_graph_command() { return std::make_unique<GraphCommand>(); }

}  // namespace knelpunt::cli
