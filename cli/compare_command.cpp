/// `knelpunt compare MODEL --measures FILE`: for every variant of a measure
/// file, what it buys against the model as it is — risks removed, reduced,
/// raised and added, the change in expected annual impact, people affected
/// over time in the threat scenarios, and the reduction per euro — ranked
/// (docs/measures.md). Text, JSON (`knelpunt-compare/1`) or Markdown.

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/compare_report.hpp"
#include "cli/diagnostics_printer.hpp"
#include "cli/exit_codes.hpp"
#include "cli/language_option.hpp"
#include "cli/measure_file_option.hpp"
#include "cli/model_input.hpp"
#include "cli/option_ranges.hpp"
#include "cli/register_run.hpp"
#include "model/suggest.hpp"
#include "register/variant_comparison.hpp"

namespace knelpunt::cli {

namespace {

using risk_register::VariantComparison;

class CompareCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("compare", "Compare the variants of a measure file: what each measure buys");
    add_model_argument(command, model_path_);
    measures_.attach(command);
    command->add_option("--variant", variants_, "Compare only these variants (repeatable); default: all");
    command->add_option("-p,--profile", options_.profile_path, "Assessment profile (default: profiles/default.yaml)");
    command->add_option("--cache", options_.cache_dir, "Feed cache directory (default: $XDG_CACHE_HOME/knelpunt)");
    command->add_option("--threads", options_.threads, "Worker threads (default: all cores); the result does not depend on it")
        ->check(CLI::Range(kMinThreads, kMaxThreads));
    command->add_option("--format", format_, "Output format: text (default), json or md")
        ->check(CLI::IsMember({"text", "json", "md"}));
    add_language_option(command, lang_, "Language: nl (default) or en");
    command->add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout");
    command->add_flag("-q,--quiet", options_.quiet, "Print errors only");
    command->footer(
        "Examples:\n  knelpunt compare examples/dordrecht --measures examples/dordrecht/measures.yaml\n"
        "  knelpunt compare examples/dordrecht --measures examples/dordrecht/measures.yaml --format md -o measures.md\n"
        "Exit: 0 written, 2 bad input, 3 internal error");
    return command;
  }

  int run() override {
    if (!measures_.check_deprecated_or_report(options_.quiet)) return kExitBadInput;
    if (measures_.file().empty()) {
      std::cerr << "knelpunt: compare needs --measures FILE; expected a measure file with model variants "
                   "(docs/measures.md)\n";
      return kExitBadInput;
    }
    auto loaded = load_model_or_report(model_path_, options_.quiet);
    if (!loaded) return kExitBadInput;
    // Reads the file and checks every variant (the base model stays as it is).
    auto file = apply_variant_or_report(*loaded, measures_.file(), "", options_.quiet);
    if (!file) return kExitBadInput;
    for (const auto& id : variants_)
      if (!file->find(id)) {
        std::vector<std::string_view> ids;
        for (const auto& v : file->variants) ids.push_back(v.id);
        std::cerr << fmt::format("knelpunt: --variant '{}' is not in {}{}; expected one of {}\n", id, measures_.file(),
                                 model::did_you_mean(id, ids), fmt::join(ids, ", "));
        return kExitBadInput;
      }
    model::Diagnostics diagnostics;
    auto prepared = prepare_assessment(*loaded, options_, diagnostics);
    diagnostics.sort();
    print_diagnostics(diagnostics, options_.quiet);
    if (diagnostics.has_errors()) return kExitBadInput;
    // Every file this run read; the output is checked now, not after every variant ran.
    auto inputs = protected_inputs(*loaded);
    inputs.add(measures_.file());
    add_assessment_inputs(inputs, prepared);
    if (const int checked = check_output(output_, inputs); checked != kExitOk) return checked;

    const auto base = run_register(*loaded, prepared, options_, nullptr);
    const int period = loaded->reference.scoring.period_years;
    // Each scenario within the horizon the register gives it (a vital
    // process's own for a flood), so its figures are its entry's.
    const model::Hours horizon = assessors::resolve_horizon(loaded->model.region, &prepared.profile).hours;
    const auto& process_horizons = prepared.profile.process_horizons;
    const assessors::ImpactEstimator base_estimator(loaded->model, *loaded->graph, loaded->reference, horizon,
                                                    process_horizons);
    // The model's threat scenarios without a measure: the same for every variant.
    std::vector<risk_register::PeopleOverTime> base_scenarios;
    for (const auto& scenario : loaded->model.scenarios)
      base_scenarios.push_back(
          risk_register::people_over_time(loaded->model, *loaded->graph, base_estimator, scenario.initial));

    std::vector<VariantComparison> comparisons;
    for (const auto& variant : file->variants) {
      if (!variants_.empty() && std::find(variants_.begin(), variants_.end(), variant.id) == variants_.end()) continue;
      model::Diagnostics variant_diagnostics;
      auto changed = with_variant(*loaded, *file, variant, variant_diagnostics);
      if (!changed) return kExitInternal;  // checked above; cannot happen
      const auto reg = run_register(*changed, prepared, options_, nullptr);
      // Affected assets compared over those both models have (a measure's own
      // new asset failing with the rest is no more harm).
      auto comparison = risk_register::compare_registers(base, reg, period, [&](std::string_view asset) {
        return loaded->model.find(asset).has_value() && changed->model.find(asset).has_value();
      });
      comparison.variant = variant.id;
      comparison.title = variant.title;
      comparison.cost = variant.cost;
      // The model's threat scenarios, then the variant's own events as one more.
      const assessors::ImpactEstimator variant_estimator(changed->model, *changed->graph, changed->reference, horizon,
                                                         process_horizons);
      const auto with_variant_of = [&](const std::vector<model::InitialFailure>& initial) {
        return risk_register::people_over_time(changed->model, *changed->graph, variant_estimator, initial);
      };
      for (std::size_t k = 0; k < loaded->model.scenarios.size(); ++k) {
        const auto& scenario = loaded->model.scenarios[k];
        comparison.scenarios.push_back(
            {scenario.id, scenario.title, base_scenarios[k], with_variant_of(scenario.initial)});
      }
      risk_register::add_joint_failures(
          comparison, reg,
          [&](const std::vector<model::InitialFailure>& initial) {
            return risk_register::people_over_time(loaded->model, *loaded->graph, base_estimator, initial);
          },
          with_variant_of);
      if (!variant.events.empty())
        comparison.scenarios.push_back(
            {variant.id,
             {},
             risk_register::people_over_time(loaded->model, *loaded->graph, base_estimator, variant.events),
             with_variant_of(variant.events)});
      comparisons.push_back(std::move(comparison));
    }
    risk_register::rank_comparisons(comparisons);
    const std::string name = loaded->model.region.name;
    const std::string content = format_ == "json" ? render_compare_json(comparisons, lang_, name)
                                : format_ == "md" ? render_compare_markdown(comparisons, lang_, name)
                                                  : render_compare_text(comparisons, lang_);
    return write_output(content, output_, inputs);
  }

 private:
  MeasureFileOption measures_;
  std::string model_path_, format_ = "text", lang_ = "nl", output_;
  std::vector<std::string> variants_;
  RegisterRunOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_compare_command() { return std::make_unique<CompareCommand>(); }

}  // namespace knelpunt::cli
