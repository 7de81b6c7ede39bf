/// `knelpunt simulate MODEL --runs N --seed S`: Monte Carlo over random
/// initial failures — per asset the fraction of runs in which it fails
/// within the horizon, the distribution of people affected and a
/// loss-exceedance curve (docs/simulate.md).

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <limits>
#include <optional>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/language_option.hpp"
#include "cli/model_input.hpp"
#include "cli/option_ranges.hpp"
#include "cli/progress_bar.hpp"
#include "cli/simulate_report.hpp"
#include "engine/affected_people.hpp"
#include "engine/monte_carlo.hpp"
#include "engine/parallel_for.hpp"
#include "engine/restoration.hpp"
#include "model/graph_digest.hpp"

namespace knelpunt::cli {

namespace {

class SimulateCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("simulate",
                                       "Monte Carlo: how often each asset fails and how many "
                                       "people are affected, from the assets' p");
    add_model_argument(command, model_path_);
    command->add_option("--runs", runs_, "Number of runs")
        ->required()
        ->check(CLI::Range(kMinRuns, kMaxRuns));
    command
        ->add_option("--seed", seed_,
                     "Seed of the random numbers (default 1); the same seed gives the same result")
        ->check(CLI::Range(std::uint64_t{0}, std::numeric_limits<std::uint64_t>::max()));
    command->add_option("--horizon", horizon_text_,
                        "Analysis horizon: a duration (72h, 3d) or inf; default: the model's");
    command
        ->add_option("--threads", threads_,
                     "Worker threads (default: all cores); the result does not depend on it")
        ->check(CLI::Range(kMinThreads, kMaxThreads));
    command->add_option(
        "--shard", shard_text_,
        "Simulate only shard I of N (0 <= I < N) of the runs and write its raw counts for "
        "'knelpunt merge'");
    command->add_option("--joint", joint_texts_,
                        "Also count the runs in which all of these assets fail within the horizon: ids "
                        "joined by '+' (repeatable, e.g. --joint onderstation+aggregaat)");
    command
        ->add_option("--top", top_,
                     "Text: show only the N assets that fail most often (default 20)")
        ->check(CLI::Range(std::size_t{1}, kMaxTop));
    command->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"text", "json"}));
    add_language_option(command, lang_);
    command->add_option("-o,--output", output_,
                        "Write to this file (atomically) instead of stdout");
    command->add_flag("-q,--quiet", quiet_, "Print errors only (no warnings, no progress bar)");
    command->footer(
        "Each run fails every asset independently with its p (as cutsets --probability does), lets "
        "each scenario with a frequency occur with chance 1 - e^(-frequency), then runs the "
        "cascade.\n"
        "The result is the same for a seed whatever --threads and --shard.\n"
        "Examples:\n"
        "  knelpunt simulate examples/dordrecht --runs 100000 --seed 7\n"
        "  knelpunt simulate examples/dordrecht --runs 100000 --seed 7 --horizon 24h --format json "
        "-o sim.json\n"
        "  knelpunt simulate examples/dordrecht --runs 100000 --joint it-drinkwater+scada-drinkwater\n"
        "  knelpunt simulate big-region --runs 1000000 --seed 7 --shard 0/4 -o part-0.json   "
        "(then: knelpunt merge "
        "part-*.json)");
    return command;
  }

  int run() override {
    bool malformed_shard = false;
    const auto shard = shard_option_or_report(shard_text_, malformed_shard);
    if (malformed_shard) return kExitBadInput;
    auto loaded = load_model_or_report(model_path_, quiet_);
    if (!loaded) return kExitBadInput;
    const auto horizon = horizon_or_report(*loaded, horizon_text_);
    if (!horizon) return kExitBadInput;
    // A refused output fails now, not after the computation.
    if (const int checked = check_output(output_, protected_inputs(*loaded)); checked != kExitOk) return checked;
    const auto& model = loaded->model;
    const auto& graph = *loaded->graph;
    // p as cutsets --probability reads it: no p, or a virtual asset, never fails initially.
    const std::vector<double> p = engine::initial_failure_probabilities(model);
    const engine::PeopleServed served(model, loaded->reference.services_not_affecting_residents());

    SimulateReport report;
    report.region = model.region.name;
    report.horizon = *horizon;
    report.seed = seed_;
    report.runs = runs_;
    for (std::size_t area = 0; area < served.area_count(); ++area)
      report.most_people += served.population(area);
    for (const auto& asset : model.assets)
      report.assets.push_back({asset.id, asset.name.empty() ? asset.id : asset.name});
    // The sets of --joint, as asset indices (index order is id order).
    std::vector<std::vector<model::AssetIndex>> joint;
    for (const auto& text : joint_texts_) {
      auto set = joint_set_or_report(model, text);
      if (!set) return kExitBadInput;
      if (std::find(joint.begin(), joint.end(), *set) != joint.end()) {
        std::cerr << fmt::format("knelpunt: --joint {}: the same set is asked twice; expected each set once\n", text);
        return kExitBadInput;
      }
      joint.push_back(std::move(*set));
      report.joint_sets.emplace_back();
      for (const auto a : joint.back()) report.joint_sets.back().push_back(model.assets[a].id);
    }
    // Scenarios with a frequency occur in runs (docs/simulate.md, decision 039).
    const std::vector<engine::SampledScenario> sampled = engine::sampled_scenarios(model);
    for (const auto& scenario : model.scenarios)
      if (scenario.frequency)
        report.scenarios.push_back({scenario.id, *scenario.frequency,
                                    engine::scenario_run_probability(*scenario.frequency)});

    // With repairs the people-hours come from runs with restoration
    // (docs/restoration.md), which needs a finite horizon.
    const bool repairs = engine::has_recovery(model) && *horizon != model::kNever;
    const auto recovery =
        repairs ? engine::recovery_times(model) : std::vector<std::optional<model::Hours>>{};
    const auto restart =
        repairs ? engine::restart_times(model) : std::vector<std::optional<model::Hours>>{};

    const RunRange range = shard ? shard_runs(runs_, *shard) : RunRange{0, runs_};
    ProgressBar progress(range.last - range.first, "simulate", !quiet_);
    engine::MonteCarloOptions options;
    options.seed = seed_;
    options.first_run = range.first;
    options.last_run = range.last;
    options.horizon = *horizon;
    options.threads = engine::default_thread_count(threads_);
    options.recovery = recovery;
    options.restart = restart;
    options.scenarios = sampled;
    options.watched_sets = joint;
    if (progress.active()) options.progress = [&](std::uint64_t done) { progress.update(done); };
    report.tally = engine::simulate_failures(graph, served, p, options);

    std::string text;
    if (shard) {
      // The digest covers what a run's outcome depends on beyond the graph:
      // the probabilities, the populations counted
      std::vector<double> extra = p;
      for (std::size_t area = 0; area < served.area_count(); ++area)
        extra.push_back(served.population(area));
      // and the repair times, which change the people-hours (-1: none).
      for (std::size_t a = 0; a < recovery.size(); ++a) {
        extra.push_back(recovery[a].value_or(-1.0));
        extra.push_back(restart[a].value_or(-1.0));
      }
      // and the sampled scenarios: their stream keys (in two exact halves),
      // chances and initial failures.
      for (const auto& scenario : sampled) {
        extra.push_back(static_cast<double>(scenario.key >> 32));
        extra.push_back(static_cast<double>(scenario.key & 0xffffffffULL));
        extra.push_back(scenario.probability);
        extra.push_back(static_cast<double>(scenario.initial.size()));
        for (const auto& seed : scenario.initial) {
          extra.push_back(static_cast<double>(seed.asset));
          extra.push_back(seed.at);
        }
      }
      // and the --joint sets (the shards of one simulation count the same ones).
      for (const auto& set : joint) {
        extra.push_back(static_cast<double>(set.size()));
        for (const auto a : set) extra.push_back(static_cast<double>(a));
      }
      text = render_simulate_shard(report, *shard, model::graph_digest(graph, extra));
    } else {
      text = format_ == "json" ? render_simulate_json(report)
                               : render_simulate_text(report, top_, lang_);
    }
    return write_output(text, output_, protected_inputs(*loaded));
  }

 private:
  /// The assets of one --joint value (ids joined by '+') in index order, or
  /// nothing after printing what is wrong.
  static std::optional<std::vector<model::AssetIndex>> joint_set_or_report(const model::Model& model,
                                                                          const std::string& text) {
    std::vector<model::AssetIndex> set;
    std::size_t begin = 0;
    while (begin <= text.size()) {
      const std::size_t end = std::min(text.find('+', begin), text.size());
      const std::string id = text.substr(begin, end - begin);
      const auto index = id.empty() ? std::nullopt : model.find(id);
      if (!index) {
        std::cerr << fmt::format("knelpunt: --joint {}: {}; expected asset ids of the model joined by '+' "
                                 "(e.g. --joint onderstation+aggregaat)\n",
                                 text, id.empty() ? std::string("an empty id") : fmt::format("no asset '{}'", id));
        return std::nullopt;
      }
      set.push_back(static_cast<model::AssetIndex>(*index));
      begin = end + 1;
    }
    std::sort(set.begin(), set.end());
    if (std::adjacent_find(set.begin(), set.end()) != set.end()) {
      std::cerr << fmt::format("knelpunt: --joint {}: an asset is named twice; expected distinct assets\n", text);
      return std::nullopt;
    }
    return set;
  }

  std::string model_path_;
  std::uint64_t runs_ = 0;
  std::uint64_t seed_ = 1;
  std::string horizon_text_;
  unsigned threads_ = 0;
  std::string shard_text_;
  std::vector<std::string> joint_texts_;
  std::size_t top_ = 0;
  std::string format_ = "text";
  std::string lang_ = "nl";
  std::string output_;
  bool quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_simulate_command() { return std::make_unique<SimulateCommand>(); }

}  // namespace knelpunt::cli
