/// `knelpunt validate MODEL`: load and check a model; exit 0 when clean, 2 on errors.

#include <iostream>

#include <boost/graph/strong_components.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/model_input.hpp"

namespace knelpunt::cli {

namespace {

/// Dependency cycles are legal (nothing fails unless forced) but worth knowing.
std::vector<std::vector<model::AssetIndex>> dependency_cycles(const model::DependencyGraph& graph) {
  const auto& g = graph.boost_graph();
  std::vector<std::size_t> component(graph.asset_count());
  const std::size_t count = boost::strong_components(
      g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  std::vector<std::vector<model::AssetIndex>> members(count);
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) members[component[a]].push_back(a);
  std::vector<std::vector<model::AssetIndex>> cycles;
  for (auto& m : members)
    if (m.size() > 1) cycles.push_back(std::move(m));
  std::sort(cycles.begin(), cycles.end());
  return cycles;
}

class ValidateCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("validate", "Check a model: every error with file:line:col");
    add_model_argument(command, model_path_);
    command->add_option("--format", format_, "Output format")->check(CLI::IsMember({"text", "json"}));
    command->add_flag("-q,--quiet", quiet_, "Print errors only");
    command->add_flag("-v,--verbose", verbose_, "List the dependency cycles");
    command->footer("Example: knelpunt validate examples/dordrecht\nExit: 0 valid, 2 errors (each printed as file:line:col: error: …)");
    return command;
  }

  int run() override {
    if (format_ == "json") return run_json();
    auto loaded = load_model_or_report(model_path_, quiet_);
    if (!loaded) return kExitBadInput;
    if (quiet_) return kExitOk;
    const auto& model = loaded->model;
    std::size_t virtual_count = 0, groups = 0;
    for (const auto& asset : model.assets) {
      virtual_count += asset.is_virtual ? 1 : 0;
      groups += asset.depends_on.size();
    }
    const auto cycles = dependency_cycles(*loaded->graph);
    auto count = [](std::size_t n, std::string_view one, std::string_view many) {
      return fmt::format("{} {}", n, n == 1 ? one : many);
    };
    std::cout << fmt::format("{}: valid: {} ({} virtual), {}, {}, {}; {}\n",
                             model.region.name.empty() ? std::string("model") : model.region.name,
                             count(model.assets.size(), "asset", "assets"), virtual_count,
                             count(groups, "dependency group", "dependency groups"),
                             count(model.scenarios.size(), "scenario", "scenarios"),
                             count(model.files.size(), "file", "files"),
                             count(cycles.size(), "dependency cycle", "dependency cycles"));
    if (verbose_)
      for (const auto& cycle : cycles) {
        std::string ids;
        for (auto a : cycle) {
          if (!ids.empty()) ids += ", ";
          ids += loaded->graph->id(a);
        }
        std::cout << "  cycle: " << ids << "\n";
      }
    return kExitOk;
  }

 private:
  int run_json() {
    const auto result = load_model_checked(model_path_).result;
    const auto& diagnostics = result.diagnostics;
    nlohmann::ordered_json out;
    out["format"] = "knelpunt-validation/1";
    out["valid"] = !diagnostics.has_errors();
    out["diagnostics"] = nlohmann::ordered_json::array();
    for (const auto& d : diagnostics.items()) {
      nlohmann::ordered_json item;
      item["severity"] = d.severity == model::Severity::error ? "error" : "warning";
      item["file"] = d.where.file;
      item["line"] = d.where.line;
      item["column"] = d.where.column;
      item["message"] = d.message;
      out["diagnostics"].push_back(std::move(item));
    }
    if (result.model) {
      model::DependencyGraph graph(*result.model);
      out["assets"] = result.model->assets.size();
      out["scenarios"] = result.model->scenarios.size();
      out["cycles"] = nlohmann::ordered_json::array();
      for (const auto& cycle : dependency_cycles(graph)) {
        auto ids = nlohmann::ordered_json::array();
        for (auto a : cycle) ids.push_back(graph.id(a));
        out["cycles"].push_back(std::move(ids));
      }
    }
    std::cout << out.dump(2) << "\n";
    return diagnostics.has_errors() ? kExitBadInput : kExitOk;
  }

  std::string model_path_;
  std::string format_ = "text";
  bool quiet_ = false;
  bool verbose_ = false;
};

}  // namespace

std::unique_ptr<Command> make_validate_command() { return std::make_unique<ValidateCommand>(); }

}  // namespace knelpunt::cli
