/// `knelpunt whatif MODEL --fail ID[@T]…`: the cascade timeline of given
/// initial failures (or of a scenario of the model).

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/cascade_horizons.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/language_option.hpp"
#include "cli/measure_file_option.hpp"
#include "cli/model_input.hpp"
#include "cli/register_run.hpp"
#include "cli/whatif_report.hpp"
#include "engine/cascade.hpp"
#include "engine/restoration.hpp"
#include "model/model_file_reader.hpp"

namespace knelpunt::cli {

namespace {

class WhatifCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("whatif", "What fails, when and through what, if these assets fail");
    add_model_argument(command, model_path_);
    command->add_option("--fail", fail_, "Asset that fails, optionally at a time: ID or ID@T (e.g. mast-12@2h); repeatable");
    command->add_option("--scenario-id", scenario_id_, "Run the initial failures of a scenario defined in the model");
    measures_.attach(command);
    command->add_option("--variant", variant_,
                        "Run on the model as changed by this variant of --measures; its events fail when no --fail "
                        "or --scenario-id is given");
    command->add_option("--horizon", horizon_text_,
                        "Analysis horizon: a duration (72h, 3d) or inf; default: the one the register gives this "
                        "cascade (the profile's, else the model's, or a vital process's own: profile 'horizons:')");
    command->add_option("-p,--profile", profile_path_,
                        "Assessment profile whose horizons apply without --horizon (default: profiles/default.yaml "
                        "of knelpunt)");
    command->add_option("--format", format_, "Output format")->check(CLI::IsMember({"text", "json"}));
    add_language_option(command, lang_);
    command->add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout");
    command->add_flag("-q,--quiet", quiet_, "Print errors only (no warnings)");
    command->add_flag("-v,--verbose", verbose_, "Also list the assets that stay up");
    command->footer(
        "Examples:\n"
        "  knelpunt whatif examples/dordrecht --fail hs-merwedehaven\n"
        "  knelpunt whatif examples/dordrecht --fail core-a-dordrecht --fail meldkamer-zhz@2h --horizon 24h\n"
        "  knelpunt whatif examples/dordrecht --scenario-id ransomware-netbeheer --format json\n"
        "  knelpunt whatif examples/dordrecht --measures examples/dordrecht/measures.yaml --variant noodstroom-gemaal-kilweg "
        "--scenario-id ransomware-netbeheer");
    return command;
  }

  /// The files this run read: an output must not replace one of them.
  model::ProtectedFiles inputs_of(const LoadedModel& loaded) const {
    auto inputs = protected_inputs(loaded);
    if (!measures_.file().empty()) inputs.add(measures_.file());
    if (!profile_path_.empty()) inputs.add(profile_path_);
    return inputs;
  }

  int run() override {
    if (!measures_.check_deprecated_or_report(quiet_)) return kExitBadInput;
    auto loaded = load_model_or_report(model_path_, quiet_);
    if (!loaded) return kExitBadInput;
    if (!measures_.pairs_with_or_report(variant_)) return kExitBadInput;
    std::vector<model::InitialFailure> variant_events;
    if (!measures_.file().empty()) {
      auto file = apply_variant_or_report(*loaded, measures_.file(), variant_, quiet_);
      if (!file) return kExitBadInput;
      variant_events = file->find(variant_)->events;
    }
    auto initial = initial_failures_or_report(*loaded);
    if (!initial) return kExitBadInput;
    if (initial->empty()) initial = variant_events;
    if (initial->empty()) {
      std::cerr << "knelpunt: nothing fails; expected --fail ID[@T] (repeatable), --scenario-id ID or a variant with "
                   "events\n";
      return kExitBadInput;
    }
    const auto seeds = seeds_or_report(*loaded, *initial);
    if (!seeds) return kExitBadInput;
    const auto horizon = horizon_or_report(*loaded, *seeds);
    if (!horizon) return kExitBadInput;
    const auto register_horizon =
        horizon_text_.empty() ? horizon : register_horizon_quietly(*loaded, profile_path_, *seeds);
    // A refused -o fails before the cascade (docs/security.md).
    if (const int checked = check_output(output_, inputs_of(*loaded)); checked != kExitOk) return checked;
    const auto& graph = *loaded->graph;
    if (engine::has_recovery(loaded->model)) {
      // docs/restoration.md: assets with a recovery come back; the timeline
      // gains "back" lines and the JSON a "restored" list.
      if (*horizon == model::kNever) {
        std::cerr << "knelpunt: --horizon inf with assets that have a 'recovery'; expected a finite horizon such as 72h "
                     "(an outage can circulate for ever, see docs/restoration.md)\n";
        return kExitBadInput;
      }
      const auto restoration = engine::simulate_restoration(graph, engine::recovery_times(loaded->model),
                                                            engine::restart_times(loaded->model), *seeds, *horizon);
      const std::string text = format_ == "json"
                                   ? render_restoration_json(*loaded, *seeds, restoration, *horizon)
                                   : render_restoration_text(*loaded, *seeds, restoration, *horizon, register_horizon,
                                                             verbose_, lang_);
      return write_output(text, output_, inputs_of(*loaded));
    }
    const auto cascade = engine::propagate(graph, *seeds, *horizon);
    const std::string text = format_ == "json" ? render_cascade_json(*loaded, *seeds, cascade, *horizon)
                                               : render_cascade_text(*loaded, *seeds, cascade, *horizon,
                                                                                   register_horizon, verbose_, lang_);
    return write_output(text, output_, inputs_of(*loaded));
  }

 private:
  /// The failures of --scenario-id, then those of each --fail; nothing
  /// (after printing why) when one of them is not usable.
  std::optional<std::vector<model::InitialFailure>> initial_failures_or_report(const LoadedModel& loaded) const {
    std::vector<model::InitialFailure> initial;
    const auto& scenarios = loaded.model.scenarios;
    if (!scenario_id_.empty()) {
      auto it = std::find_if(scenarios.begin(), scenarios.end(),
                             [&](const model::Scenario& s) { return s.id == scenario_id_; });
      if (it == scenarios.end()) {
        std::string ids;
        for (const auto& s : scenarios) ids += (ids.empty() ? "" : ", ") + s.id;
        std::cerr << fmt::format("knelpunt: --scenario-id '{}' is not a scenario of the model; expected one of: {}\n",
                                 scenario_id_, ids.empty() ? std::string("(none defined)") : ids);
        return std::nullopt;
      }
      initial = it->initial;
    }
    for (const auto& text : fail_) {
      auto failure = model::parse_initial_failure(text);
      if (!failure) {
        std::cerr << fmt::format("knelpunt: --fail '{}' is malformed; expected ID or ID@T (T a duration such as 2h)\n", text);
        return std::nullopt;
      }
      initial.push_back(*failure);
    }
    return initial;
  }

  /// `--horizon` when given, else the horizon the register gives the
  /// cascade of `seeds` (decision 045), said on stderr when a vital
  /// process's own horizon sets it. Nothing (after printing why) when the
  /// option or the profile is wrong.
  std::optional<model::Hours> horizon_or_report(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds) const {
    if (!horizon_text_.empty()) return cli::horizon_or_report(loaded, horizon_text_);
    return register_horizon_or_report(loaded, profile_path_, quiet_, seeds);
  }

  /// The failures as engine seeds; nothing (after printing why) for an
  /// unknown or virtual asset.
  static std::optional<std::vector<engine::Seed>> seeds_or_report(const LoadedModel& loaded,
                                                                  const std::vector<model::InitialFailure>& initial) {
    std::vector<engine::Seed> seeds;
    for (const auto& failure : initial) {
      auto index = find_asset_or_report(loaded, failure.asset, "--fail");
      if (!index) return std::nullopt;
      if (loaded.graph->is_virtual(*index)) {
        std::cerr << fmt::format("knelpunt: --fail '{}' is a virtual asset; expected a real asset: virtual assets never "
                                 "fail by themselves\n",
                                 failure.asset);
        return std::nullopt;
      }
      seeds.push_back({*index, failure.at});
    }
    return seeds;
  }

  std::string model_path_;
  std::vector<std::string> fail_;
  std::string scenario_id_;
  MeasureFileOption measures_;
  std::string variant_;
  std::string horizon_text_;
  std::string profile_path_;
  std::string format_ = "text";
  std::string lang_ = "nl";
  std::string output_;
  bool quiet_ = false;
  bool verbose_ = false;
};

}  // namespace

std::unique_ptr<Command> make_whatif_command() { return std::make_unique<WhatifCommand>(); }

}  // namespace knelpunt::cli
