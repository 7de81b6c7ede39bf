/// `knelpunt export MODEL --target ID [--horizon H] --format mef`: the fault
/// tree of the target's failure within the horizon as Open-PSA MEF XML
/// (docs/fault-tree-export.md, decision 031).

#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/model_input.hpp"
#include "engine/bdd.hpp"
#include "engine/fault_tree.hpp"
#include "register/fault_tree_mef_writer.hpp"

namespace knelpunt::cli {

namespace {

class ExportCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand(
        "export",
        "The fault tree of an asset's failure as Open-PSA MEF XML (for SCRAM and others)");
    add_model_argument(command, model_path_);
    command->add_option("--target", target_, "The asset whose failure is the top event")
        ->required();
    command->add_option("--horizon", horizon_text_,
                        "Analysis horizon: a duration (72h, 3d) or inf; default: the model's");
    command->add_option("--format", format_, "Output format (mef: Open-PSA Model Exchange Format)")
        ->check(CLI::IsMember({"mef"}));
    command->add_option("-o,--output", output_,
                        "Write to this file (atomically) instead of stdout");
    command->add_flag("-q,--quiet", quiet_, "Print errors only (no warnings)");
    command->footer(
        "The top gate is the function of `cutsets --probability`: its minimal cut sets are the "
        "target's\n"
        "cut sets plus the target itself; basic events carry the assets' p.\n"
        "Example:\n"
        "  knelpunt export examples/dordrecht --target asz-dordrecht --horizon 24h -o asz.xml\n"
        "  scram --probability true asz.xml");
    return command;
  }

  int run() override {
    auto loaded = load_model_or_report(model_path_, quiet_);
    if (!loaded) return kExitBadInput;
    const auto horizon = horizon_or_report(*loaded, horizon_text_);
    if (!horizon) return kExitBadInput;
    // A refused output fails now, not after the computation.
    if (const int checked = check_output(output_, protected_inputs(*loaded)); checked != kExitOk) return checked;
    const auto target = find_asset_or_report(*loaded, target_, "--target");
    if (!target) return kExitBadInput;

    engine::FaultTreeOptions options;
    options.horizon = *horizon;
    engine::FaultTree tree;
    try {
      tree = engine::build_fault_tree(*loaded->graph, *target, options);
    } catch (const engine::BddNodeLimitExceeded&) {
      std::cerr << fmt::format(
          "knelpunt: the fault tree of {} has dependency cycles and its decision diagram exceeds "
          "{} nodes; "
          "expected a smaller model or a finite --horizon; nothing written\n",
          target_, options.bdd_node_limit);
      return kExitInternal;
    } catch (const engine::FaultTreeAlwaysFails&) {
      std::cerr << fmt::format(
          "knelpunt: {} fails with nothing failed: a dependency of it lies on a same-kind cycle that "
          "no source supplies (docs/model.md, Supply from sources); expected a model in which "
          "every supply traces back to a source, or the kind declared `grounded: false`; "
          "nothing written\n",
          target_);
      return kExitBadInput;
    }
    if (!quiet_) warn_missing_probabilities(*loaded, tree);
    const auto text = risk_register::write_fault_tree_mef(loaded->model, tree, *target, *horizon);
    return write_output(text, output_, protected_inputs(*loaded));
  }

 private:
  /// Basic events without p are written without a probability (decision 031):
  /// fine for cut sets, but a probability analysis of the file needs them.
  static void warn_missing_probabilities(const LoadedModel& loaded, const engine::FaultTree& tree) {
    std::vector<std::string> missing;
    for (auto a : tree.basic_events)
      if (!loaded.model.assets[a].p) missing.push_back(loaded.model.assets[a].id);
    if (missing.empty()) return;
    constexpr std::size_t kNamed = 5;
    std::string names;
    for (std::size_t i = 0; i < missing.size() && i < kNamed; ++i)
      names += (i ? ", " : "") + missing[i];
    if (missing.size() > kNamed) names += fmt::format(" and {} more", missing.size() - kNamed);
    std::cerr << fmt::format(
        "knelpunt: warning: {} basic event{} without p ({}) written without a probability; "
        "expected `p:` on "
        "every asset for a probability analysis of the tree (cutsets --probability counts them as "
        "0)\n",
        missing.size(), missing.size() == 1 ? "" : "s", names);
  }

  std::string model_path_;
  std::string target_;
  std::string horizon_text_;
  std::string format_ = "mef";
  std::string output_;
  bool quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_export_command() { return std::make_unique<ExportCommand>(); }

}  // namespace knelpunt::cli
