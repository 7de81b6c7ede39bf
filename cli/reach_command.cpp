/// `knelpunt reach MODEL`: N-1 reach of every non-virtual asset — how many
/// other assets fail within the horizon when it alone fails, and the
/// people affected, each counted once (docs/reach.md).

#include <algorithm>
#include <cmath>
#include <optional>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cascade_horizons.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/kept_until_exit.hpp"
#include "cli/language_option.hpp"
#include "cli/model_input.hpp"
#include "cli/option_ranges.hpp"
#include "cli/progress_bar.hpp"
#include "cli/reach_report.hpp"
#include "assessors/impact_estimator.hpp"
#include "assessors/local_format.hpp"
#include "assessors/register_reach.hpp"
#include "engine/affected_people.hpp"
#include "engine/parallel_for.hpp"
#include "engine/reach.hpp"
#include "engine/restoration.hpp"
#include "model/graph_digest.hpp"

namespace knelpunt::cli {

namespace {

class ReachCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("reach", "N-1 reach: what fails within the horizon when one asset fails alone");
    add_model_argument(command, model_path_);
    command->add_option("--horizon", horizon_text_,
                        "Analysis horizon: a duration (72h, 3d) or inf; default: the model's (with --asset: the one "
                        "the register gives that asset's cascade, a vital process's own in profile 'horizons:')");
    command->add_option("-p,--profile", profile_path_,
                        "Assessment profile whose horizons apply without --horizon (default: profiles/default.yaml "
                        "of knelpunt)");
    command->add_option("--top", top_, "Show only the N assets that reach furthest (text default: 20; json default: all)")
        ->check(CLI::Range(std::size_t{1}, kMaxTop));
    command->add_option("--asset", asset_, "Report this asset only, with the list of assets that fail");
    command->add_option("--threads", threads_, "Worker threads (default: all cores); the result does not depend on it")
        ->check(CLI::Range(kMinThreads, kMaxThreads));
    command->add_option("--format", format_, "Output format")->check(CLI::IsMember({"text", "json"}));
    add_language_option(command, lang_);
    command->add_option("--shard", shard_text_,
                        "Compute only shard I of N (0 <= I < N) of the assets and write a partial result "
                        "for 'knelpunt merge'");
    command->add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout");
    command->add_flag("-q,--quiet", quiet_, "Print errors only (no warnings, no progress bar)");
    command->footer(
        "Assets are listed by reach (descending), then people affected, each counted once (descending), then id.\n"
        "Examples:\n"
        "  knelpunt reach examples/dordrecht --top 10\n"
        "  knelpunt reach examples/dordrecht --horizon inf --format json\n"
        "  knelpunt reach examples/dordrecht --asset hs-merwedehaven --horizon 24h\n"
        "  knelpunt reach big-region --shard 0/4 -o part-0.json   (then: knelpunt merge part-*.json)");
    return command;
  }

  int run() override {
    bool malformed_shard = false;
    const auto shard = shard_option_or_report(shard_text_, malformed_shard);
    if (malformed_shard) return kExitBadInput;
    // Freed by the process's exit, not allocation by allocation (kept_until_exit.hpp).
    auto& loaded = kept_until_exit(load_model_or_report(model_path_, quiet_));
    if (!loaded) return kExitBadInput;
    const auto& model = loaded->model;
    const auto& graph = *loaded->graph;
    const auto resolved_horizon = horizon_or_report(*loaded, horizon_text_);
    if (!resolved_horizon) return kExitBadInput;
    // A refused output fails now, not after the computation.
    if (const int checked = check_output(output_, protected_inputs(*loaded)); checked != kExitOk) return checked;
    const model::Hours table_horizon = *resolved_horizon;
    if (!shard_text_.empty() && !asset_.empty()) {
      std::cerr << "knelpunt: --shard and --asset exclude each other; expected one of them\n";
      return kExitBadInput;
    }
    if (!asset_.empty()) {
      auto index = find_asset_or_report(*loaded, asset_, "--asset");
      if (!index) return kExitBadInput;
      if (graph.is_virtual(*index)) {
        std::cerr << fmt::format("knelpunt: --asset '{}' is a virtual asset; expected a real asset: virtual assets never "
                                 "fail by themselves\n",
                                 asset_);
        return kExitBadInput;
      }
      // Without --horizon, the horizon the register gives this asset's
      // cascade: its process's own, when the profile sets one (decision 045).
      model::Hours horizon = table_horizon;
      if (horizon_text_.empty()) {
        const engine::Seed seed{*index, 0};
        const auto own = register_horizon_or_report(*loaded, profile_path_, quiet_, {&seed, 1});
        if (!own) return kExitBadInput;
        horizon = *own;
      }
      // The assets that fail and the people, counted as the register and
      // whatif count them: the asset's own cascade within the horizon, with
      // repairs when the model has recovery times (assessors/impact_estimator.hpp).
      // An infinite horizon has no such cascade (outage hours have no end):
      // there the plain reach set is the answer, with the table's people.
      const auto& subject = model.assets[*index];
      AssetReachReport report{model.region.name, horizon,
                              ReachRow{subject.id, name_of(subject), 0, 0, false, subject.population(), {}}, {}};
      std::vector<model::AssetIndex> failed;
      if (std::isinf(horizon)) {
        failed = engine::reach_set(graph, *index, horizon);
        const engine::PeopleServed served(model, loaded->reference.services_not_affecting_residents());
        const auto reach = engine::compute_reach_range(graph, &served, horizon, 1, *index, *index + 1);
        report.row.people = reach.front().people;
        report.row.people_upper_bound = reach.front().people_upper_bound;
      } else {
        const assessors::ImpactEstimator estimator(model, graph, loaded->reference, horizon);
        const engine::Seed seed{*index, 0};
        const auto outcome = estimator.outcome({&seed, 1});
        // People from the cascade itself: virtual assets (a network that
        // supplies areas) count there too, as in the register and whatif.
        report.row.people = outcome.people_served;
        report.row.people_upper_bound = outcome.people_upper_bound;
        for (const auto& id : outcome.affected) failed.push_back(static_cast<model::AssetIndex>(*model.find(id)));
      }
      report.row.reach = static_cast<std::uint32_t>(failed.size());
      for (auto a : failed) report.failed.push_back(model.assets[a].id);  // ascending index = ascending id
      const std::string text =
          format_ == "json" ? render_asset_reach_json(report) : render_asset_reach_text(report, lang_);
      return write_output(text, output_, protected_inputs(*loaded));
    }
    const model::Hours horizon = table_horizon;
    const unsigned threads = engine::default_thread_count(threads_);
    const auto n = static_cast<std::uint64_t>(graph.asset_count());
    const auto first = shard ? static_cast<model::AssetIndex>(n * shard->index / shard->count) : 0u;
    const auto last = shard ? static_cast<model::AssetIndex>(n * (shard->index + 1) / shard->count)
                            : static_cast<model::AssetIndex>(n);
    ReachReport report;
    report.region = model.region.name;
    report.horizon = horizon;
    report.has_recovery = engine::has_recovery(model);
    // Without --horizon an asset of a vital process with a horizon of its
    // own counts within it, as the register counts it (decision 048).
    std::vector<assessors::ProcessHorizon> process_horizons;
    if (horizon_text_.empty() && !std::isinf(horizon)) {
      const auto horizons = cascade_horizons_or_report(*loaded, profile_path_, quiet_);
      if (!horizons) return kExitBadInput;
      report.profile = horizons->profile;
      process_horizons = horizons->processes;
      for (const auto& own : horizons->processes)
        if (own.hours != horizon && std::any_of(model.assets.begin(), model.assets.end(), [&](const auto& asset) {
              return asset.process == own.process;
            }))
        {
          report.own_horizons.push_back(own);
          report.process_names.emplace(own.process, assessors::process_names(loaded->reference, {own.process}));
        }
    }
    const engine::PeopleServed served(model, loaded->reference.services_not_affecting_residents());
    // With recovery times and a finite horizon every row is counted with
    // repairs, as the register, `--asset` and whatif count (decision 044).
    const bool as_register = (report.has_recovery || !report.own_horizons.empty()) && !std::isinf(horizon);
    const auto reach = [&] {
      StepProgressBar progress("reach", !quiet_);  // cleared before the report is printed
      auto rows = engine::compute_reach_range(graph, &served, horizon, threads, first, last, progress.callback());
      if (as_register) {
        const assessors::ImpactEstimator estimator(model, graph, loaded->reference, horizon, process_horizons);
        assessors::count_as_register(estimator, model, rows, threads, progress.callback());
      }
      return rows;
    }();
    // The horizon a row counts within when it is not the table's.
    const auto own_horizon = [&](const model::Asset& asset) -> std::optional<model::Hours> {
      for (const auto& own : report.own_horizons)
        if (own.process == asset.process) return own.hours;
      return std::nullopt;
    };
    const auto row_of = [&](const engine::AssetReach& r) {
      const auto& asset = model.assets[r.asset];
      return ReachRow{asset.id,           name_of(asset),          r.reach, r.people, r.people_upper_bound,
                      asset.population(), own_horizon(asset)};
    };
    if (!shard && format_ == "json") {
      // Rows made one at a time as they are written, in the order
      // sort_reach_rows gives: at national scale a copy of every id and
      // name beside the model cost about 90 MB (docs/performance.md).
      std::vector<std::uint32_t> order(reach.size());
      for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
      std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
        return engine::reaches_further(reach[x], reach[y]);
      });
      const std::size_t shown =
          top_ > 0 ? std::min<std::size_t>(order.size(), top_) : order.size();
      const auto row_at = [&](std::size_t i) { return row_of(reach[order[i]]); };
      return write_output(
          [&](const std::function<bool(std::string_view)>& write) {
            write_reach_json(horizon, shown, row_at, write);
          },
          output_, protected_inputs(*loaded));
    }
    report.rows.reserve(reach.size());
    for (const auto& r : reach) report.rows.push_back(row_of(r));
    sort_reach_rows(report.rows);
    std::string text;
    if (shard) {
      // Who is served by what, and whether there are repairs, are part of
      // the model the shards must share; the own horizons are in the shard.
      auto fingerprint = served.fingerprint_values();
      fingerprint.push_back(report.has_recovery ? 1.0 : 0.0);
      text = render_reach_shard(report, *shard, model::graph_digest(graph, fingerprint));
    } else {
      text = render_reach_text(report, top_, lang_);
    }
    return write_output(text, output_, protected_inputs(*loaded));
  }

 private:
  static std::string name_of(const model::Asset& asset) { return asset.name.empty() ? asset.id : asset.name; }

  std::string model_path_;
  std::string shard_text_;
  std::string horizon_text_;
  std::string profile_path_;
  std::size_t top_ = 0;
  std::string asset_;
  unsigned threads_ = 0;
  std::string format_ = "text";
  std::string lang_ = "nl";
  std::string output_;
  bool quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_reach_command() { return std::make_unique<ReachCommand>(); }

}  // namespace knelpunt::cli
