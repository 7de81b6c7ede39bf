/// `knelpunt cutsets MODEL --target ID`: the minimal cut sets of a target
/// within the horizon, optionally its failure probability and the importance
/// of each asset (docs/cut-sets.md).

#include "cli/commands.hpp"
#include "cli/cutsets_report.hpp"
#include "cli/exit_codes.hpp"
#include "cli/language_option.hpp"
#include "cli/model_input.hpp"
#include "cli/option_ranges.hpp"
#include "cli/progress_bar.hpp"
#include "engine/cut_sets.hpp"
#include "engine/probability.hpp"

namespace knelpunt::cli {

namespace {

class CutSetsCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("cutsets", "Minimal cut sets of an asset: which failures together make it fail");
    add_model_argument(command, model_path_);
    command->add_option("--target", target_, "The asset whose failure is analysed")->required();
    command->add_option("--max-order", max_order_, "Largest cut set size (default 2; 0 = no limit)")
        ->check(CLI::Range(std::uint32_t{0}, kMaxCutSetOrder));
    command->add_option("--horizon", horizon_text_,
                        "Analysis horizon: a duration (72h, 3d) or inf; default: the model's");
    command->add_flag("--probability", probability_,
                      "Also the probability that the target fails (assets' p, independent) and importance measures");
    command->add_option("--format", format_, "Output format")->check(CLI::IsMember({"text", "json"}));
    add_language_option(command, lang_);
    command->add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout");
    command->add_flag("-q,--quiet", quiet_, "Print errors only (no warnings, no progress bar)");
    command->footer(
        "Order 1 cut sets are single points of failure, order 2 common-cause pairs.\n"
        "Examples:\n"
        "  knelpunt cutsets examples/dordrecht --target asz-dordrecht --horizon 24h\n"
        "  knelpunt cutsets model.yaml --target r1 --max-order 0 --horizon inf --probability --format json");
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
    const auto& graph = *loaded->graph;

    std::optional<engine::ProbabilityResult> probability;
    const auto cut_sets = [&] {
      // On a terminal only; the bar's line is cleared before the report is written.
      StepProgressBar progress("cutsets", !quiet_);
      engine::CutSetOptions options;
      options.max_order = max_order_;
      options.horizon = *horizon;
      options.progress = progress.callback();
      auto sets = engine::minimal_cut_sets(graph, *target, options);
      if (probability_) {
        std::vector<double> p;
        for (const auto& asset : loaded->model.assets)
          p.push_back(asset.is_virtual ? 0.0 : asset.p.value_or(0.0));
        engine::ProbabilityOptions probability_options;
        probability_options.horizon = *horizon;
        probability_options.progress = options.progress;
        probability = engine::failure_probability(graph, *target, p, probability_options);
      }
      return sets;
    }();
    const CutSetsQuery query{*target, target_, max_order_, *horizon};
    const std::string text = format_ == "json" ? render_cutsets_json(*loaded, query, cut_sets, probability)
                                               : render_cutsets_text(*loaded, query, cut_sets, probability, lang_);
    return write_output(text, output_, protected_inputs(*loaded));
  }

 private:
  std::string model_path_;
  std::string target_;
  std::uint32_t max_order_ = 2;
  std::string horizon_text_;
  bool probability_ = false;
  std::string format_ = "text";
  std::string lang_ = "nl";
  std::string output_;
  bool quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_cutsets_command() { return std::make_unique<CutSetsCommand>(); }

}  // namespace knelpunt::cli
