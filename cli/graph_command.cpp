/// `knelpunt graph MODEL --format dot|json [--focus ID]`: the dependency graph.

#include <iostream>
#include <queue>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/model_input.hpp"

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

class GraphCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("graph", "The dependency graph as Graphviz DOT or JSON");
    add_model_argument(command, model_path_);
    command->add_option("--format", format_, "Output format")->check(CLI::IsMember({"dot", "json"}));
    command->add_option("--focus", focus_, "Only this asset, what it depends on and what depends on it");
    command->add_option("--depth", depth_, "With --focus: how many steps up and down (default: all)");
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
    std::vector<bool> keep(graph.asset_count(), focus_.empty());
    if (!focus_.empty()) {
      auto focus = find_asset_or_report(*loaded, focus_, "--focus");
      if (!focus) return kExitBadInput;
      mark_reachable(graph, *focus, true, keep);
      mark_reachable(graph, *focus, false, keep);
      // Whole groups only: a kept asset shows every supplier of its groups, so
      // that `need` reads against the full list; the extra ones are context.
      context_.assign(graph.asset_count(), false);
      const std::vector<bool> core = keep;
      for (model::AssetIndex a = 0; a < graph.asset_count(); ++a)
        if (core[a])
          for (auto g : graph.groups_of(a))
            for (auto s : graph.suppliers(g))
              if (!core[s]) keep[s] = context_[s] = true;
    }
    const std::string text = format_ == "json" ? render_json(*loaded, keep) : render_dot(*loaded, keep);
    return write_output(text, output_) ? kExitOk : kExitInternal;
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

  std::string render_dot(const LoadedModel& loaded, const std::vector<bool>& keep) const {
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
                         is_context(a) ? ", color=gray, fontcolor=gray" : "");
    }
    for (model::GroupIndex g = 0; g < graph.group_count(); ++g) {
      const auto& group = graph.group(g);
      if (!keep[group.asset] || is_context(group.asset)) continue;
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

  std::string render_json(const LoadedModel& loaded, const std::vector<bool>& keep) const {
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
      if (!context_.empty()) item["context"] = is_context(a);
      assets.push_back(std::move(item));
      if (is_context(a)) continue;
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

  /// With --focus: suppliers shown only to complete a group.
  bool is_context(model::AssetIndex asset) const { return !context_.empty() && context_[asset]; }

  std::vector<bool> context_;
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
