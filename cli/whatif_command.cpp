/// `knelpunt whatif MODEL --fail ID[@T]…`: the cascade timeline of given
/// initial failures (or of a scenario of the model).

#include <iostream>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/model_input.hpp"
#include "cli/register_run.hpp"
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
    command->add_option("--scenario", measure_file_, "Measure file with model variants (docs/measures.md)");
    command->add_option("--variant", variant_,
                        "Run on the model as changed by this variant of --scenario; its events fail when no --fail "
                        "or --scenario-id is given");
    command->add_option("--horizon", horizon_text_, "Analysis horizon: a duration (72h, 3d) or inf; default: the model's");
    command->add_option("--format", format_, "Output format")->check(CLI::IsMember({"text", "json"}));
    command->add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout");
    command->add_flag("-q,--quiet", quiet_, "Print errors only (no warnings)");
    command->add_flag("-v,--verbose", verbose_, "Also list the assets that stay up");
    command->footer(
        "Examples:\n"
        "  knelpunt whatif examples/dordrecht --fail hs-merwedehaven\n"
        "  knelpunt whatif examples/dordrecht --fail core-a-dordrecht --fail meldkamer-zhz@2h --horizon 24h\n"
        "  knelpunt whatif examples/dordrecht --scenario-id ransomware-netbeheer --format json\n"
        "  knelpunt whatif examples/dordrecht --scenario examples/dordrecht/measures.yaml --variant noodstroom-gemaal-kilweg "
        "--scenario-id ransomware-netbeheer");
    return command;
  }

  int run() override {
    auto loaded = load_model_or_report(model_path_, quiet_);
    if (!loaded) return kExitBadInput;
    if (measure_file_.empty() != variant_.empty()) {
      std::cerr << "knelpunt: --scenario and --variant go together; expected both (a measure file and one of its variants) "
                   "or neither\n";
      return kExitBadInput;
    }
    std::vector<model::InitialFailure> variant_events;
    if (!measure_file_.empty()) {
      auto file = apply_variant_or_report(*loaded, measure_file_, variant_, quiet_);
      if (!file) return kExitBadInput;
      variant_events = file->find(variant_)->events;
    }
    const auto& model = loaded->model;
    const auto& graph = *loaded->graph;
    const auto resolved_horizon = horizon_or_report(*loaded, horizon_text_);
    if (!resolved_horizon) return kExitBadInput;
    const model::Hours horizon = *resolved_horizon;
    std::vector<model::InitialFailure> initial;
    if (!scenario_id_.empty()) {
      auto it = std::find_if(model.scenarios.begin(), model.scenarios.end(),
                             [&](const model::Scenario& s) { return s.id == scenario_id_; });
      if (it == model.scenarios.end()) {
        std::string ids;
        for (const auto& s : model.scenarios) ids += (ids.empty() ? "" : ", ") + s.id;
        std::cerr << fmt::format("knelpunt: --scenario-id '{}' is not a scenario of the model; expected one of: {}\n",
                                 scenario_id_, ids.empty() ? std::string("(none defined)") : ids);
        return kExitBadInput;
      }
      initial = it->initial;
    }
    for (const auto& text : fail_) {
      auto failure = model::parse_initial_failure(text);
      if (!failure) {
        std::cerr << fmt::format("knelpunt: --fail '{}' is malformed; expected ID or ID@T (T a duration such as 2h)\n", text);
        return kExitBadInput;
      }
      initial.push_back(*failure);
    }
    if (initial.empty()) initial = variant_events;
    if (initial.empty()) {
      std::cerr << "knelpunt: nothing fails; expected --fail ID[@T] (repeatable), --scenario-id ID or a variant with "
                   "events\n";
      return kExitBadInput;
    }
    std::vector<engine::Seed> seeds;
    for (const auto& failure : initial) {
      auto index = find_asset_or_report(*loaded, failure.asset, "--fail");
      if (!index) return kExitBadInput;
      if (graph.is_virtual(*index)) {
        std::cerr << fmt::format("knelpunt: --fail '{}' is a virtual asset; expected a real asset: virtual assets never "
                                 "fail by themselves\n",
                                 failure.asset);
        return kExitBadInput;
      }
      seeds.push_back({*index, failure.at});
    }
    if (engine::has_recovery(model)) {
      // docs/restoration.md: assets with a recovery come back; the timeline
      // gains "back" lines and the JSON a "restored" list.
      if (horizon == model::kNever) {
        std::cerr << "knelpunt: --horizon inf with assets that have a 'recovery'; expected a finite horizon such as 72h "
                     "(an outage can circulate for ever, see docs/restoration.md)\n";
        return kExitBadInput;
      }
      const auto recovery = engine::recovery_times(model);
      const auto restart = engine::restart_times(model);
      const auto restoration =
          engine::simulate_restoration(graph, recovery, restart, seeds, horizon);
      const std::string text = format_ == "json" ? render_restoration_json(*loaded, seeds, restoration, horizon)
                                                 : render_restoration_text(*loaded, seeds, restoration, horizon);
      return write_output(text, output_) ? kExitOk : kExitInternal;
    }
    const auto cascade = engine::propagate(graph, seeds, horizon);
    const std::string text = format_ == "json" ? render_json(*loaded, seeds, cascade, horizon)
                                               : render_text(*loaded, seeds, cascade, horizon);
    return write_output(text, output_) ? kExitOk : kExitInternal;
  }

 private:
  static std::string name_of(const model::Asset& asset) { return asset.name.empty() ? asset.id : asset.name; }

  static std::vector<engine::Seed> sorted_seeds(std::vector<engine::Seed> seeds) {
    std::sort(seeds.begin(), seeds.end(), [](const engine::Seed& a, const engine::Seed& b) {
      return std::tie(a.at, a.asset) < std::tie(b.at, b.asset);
    });
    return seeds;
  }

  std::string render_text(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                          const engine::Cascade& cascade, model::Hours horizon) const {
    const auto& model = loaded.model;
    const auto& graph = *loaded.graph;
    std::string out;
    std::string initial;
    for (const auto& seed : sorted_seeds(seeds)) {
      if (!initial.empty()) initial += ", ";
      initial += graph.id(seed.asset) + "@" + model::format_hours(seed.at);
    }
    out += fmt::format("Cascade in {} within horizon {}: initial {}\n\n",
                       model.region.name.empty() ? std::string("the model") : model.region.name,
                       model::format_hours(horizon), initial);
    std::size_t id_width = 5;
    std::size_t name_width = 4;
    for (auto a : cascade.order) {
      id_width = std::max(id_width, graph.id(a).size());
      name_width = std::max(name_width, std::min<std::size_t>(40, name_of(model.assets[a]).size() +
                                                                      (model.assets[a].is_virtual ? 10 : 0)));
    }
    double population = 0;
    std::size_t real = 0;
    for (auto a : cascade.order) {
      const auto& asset = model.assets[a];
      const std::string cause = cause_text(loaded, a, cascade.cause_group[a], cascade.cause_supplier[a]);
      out += timeline_line(asset, cascade.failure_time[a], id_width, name_width, cause);
      if (!asset.is_virtual) {
        ++real;
        population += asset.population();
      }
    }
    out += fmt::format("\n{} asset{} fail within {} (and {} virtual); population served by failed assets: {} (summed, may "
                       "overlap)\n",
                       real, real == 1 ? "" : "s", model::format_hours(horizon), cascade.order.size() - real,
                       fmt::format("{:.0f}", population));
    if (verbose_) {
      out += "\nStay up:\n";
      for (model::AssetIndex a = 0; a < graph.asset_count(); ++a)
        if (!cascade.failed(a) && !graph.is_virtual(a)) out += "  " + graph.id(a) + "\n";
    }
    return out;
  }

  /// "initial failure", or "via SUPPLIER (kind, k of n suppliers lost, buffer T)".
  static std::string cause_text(const LoadedModel& loaded, model::AssetIndex a, model::GroupIndex cause_group,
                                model::AssetIndex cause_supplier) {
    if (cause_group == model::kNoIndex) return "initial failure";
    const auto& graph = *loaded.graph;
    const auto& group = graph.group(cause_group);
    const auto& dependency = loaded.model.assets[a].depends_on[group.position];
    std::string cause = "via " + graph.id(cause_supplier);
    std::string detail = dependency.kind;
    if (group.supplier_count > 1)
      detail += (detail.empty() ? "" : ", ") + fmt::format("{} of {} suppliers lost", group.losses_to_fail(), group.supplier_count);
    if (group.time_to_impact > 0) detail += (detail.empty() ? "" : ", ") + std::string("buffer ") + model::format_hours(group.time_to_impact);
    if (!detail.empty()) cause += " (" + detail + ")";
    return cause;
  }

  static std::string timeline_line(const model::Asset& asset, model::Hours at, std::size_t id_width,
                                   std::size_t name_width, const std::string& what) {
    std::string name = (asset.is_virtual ? "[virtual] " : "") + name_of(asset);
    if (name.size() > 40) name = name.substr(0, 39) + "~";
    return fmt::format("T+{:<8} {:<{}}  {:<{}}  {}\n", model::format_hours(at), asset.id, id_width, name, name_width, what);
  }

  /// The timeline with returns (docs/restoration.md): events in settling
  /// order, a "back" line per return.
  std::string render_restoration_text(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                                      const engine::Restoration& restoration, model::Hours horizon) const {
    const auto& model = loaded.model;
    const auto& graph = *loaded.graph;
    std::string out;
    std::string initial;
    for (const auto& seed : sorted_seeds(seeds)) {
      if (!initial.empty()) initial += ", ";
      initial += graph.id(seed.asset) + "@" + model::format_hours(seed.at);
    }
    out += fmt::format("Cascade with restoration in {} within horizon {}: initial {}\n\n",
                       model.region.name.empty() ? std::string("the model") : model.region.name,
                       model::format_hours(horizon), initial);
    std::size_t id_width = 5;
    std::size_t name_width = 4;
    for (const auto& event : restoration.events) {
      const auto a = event.asset;
      id_width = std::max(id_width, graph.id(a).size());
      name_width = std::max(name_width, std::min<std::size_t>(40, name_of(model.assets[a]).size() +
                                                                      (model.assets[a].is_virtual ? 10 : 0)));
    }
    for (const auto& event : restoration.events) {
      const auto& asset = model.assets[event.asset];
      std::string what;
      if (event.kind == engine::RestorationEvent::Kind::back) {
        what = "back";
        // The time it needed: its recovery after a seed (damage), its restart
        // (when given) after a loss of supply. A seed while already down
        // for lack of supply is shown as a restart; that case is rare.
        bool seeded = false;
        for (const auto& interval : restoration.down[event.asset])
          if (interval.end == event.at) seeded = interval.cause_group == model::kNoIndex;
        if (!seeded && asset.restart) {
          if (*asset.restart > 0) what += " (restart " + model::format_hours(*asset.restart) + ")";
        } else if (asset.recovery) {
          what += " (recovery " + model::format_hours(*asset.recovery) + ")";
        }
      } else {
        what = cause_text(loaded, event.asset, event.cause_group, event.cause_supplier);
      }
      out += timeline_line(asset, event.at, id_width, name_width, what);
    }
    std::size_t real = 0, virtual_failed = 0, returns = 0, still_down = 0;
    double population = 0;
    for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
      const auto& intervals = restoration.down[a];
      if (intervals.empty()) continue;
      for (const auto& interval : intervals) returns += interval.end != model::kNever ? 1 : 0;
      if (intervals.back().end == model::kNever && !graph.is_virtual(a)) ++still_down;
      if (graph.is_virtual(a)) {
        ++virtual_failed;
      } else {
        ++real;
        population += model.assets[a].population();
      }
    }
    out += fmt::format("\n{} asset{} fail within {} (and {} virtual); population served by failed assets: {} (summed, may "
                       "overlap)\n",
                       real, real == 1 ? "" : "s", model::format_hours(horizon), virtual_failed,
                       fmt::format("{:.0f}", population));
    out += fmt::format("{} return{} within {}; {} asset{} still down at {}\n", returns, returns == 1 ? "" : "s",
                       model::format_hours(horizon), still_down, still_down == 1 ? "" : "s",
                       model::format_hours(horizon));
    if (verbose_) {
      out += "\nStay up:\n";
      for (model::AssetIndex a = 0; a < graph.asset_count(); ++a)
        if (restoration.down[a].empty() && !graph.is_virtual(a)) out += "  " + graph.id(a) + "\n";
    }
    return out;
  }

  /// JSON as render_json, with one event per failure (an asset that fails
  /// again appears again) and a "restored" list of {id, t_h}.
  std::string render_restoration_json(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                                      const engine::Restoration& restoration, model::Hours horizon) const {
    const auto& model = loaded.model;
    const auto& graph = *loaded.graph;
    nlohmann::ordered_json out;
    out["format"] = "knelpunt-cascade/1";
    out["horizon_h"] = horizon;
    auto initial = nlohmann::ordered_json::array();
    auto initial_at = nlohmann::ordered_json::array();
    for (const auto& seed : sorted_seeds(seeds)) {
      initial.push_back(graph.id(seed.asset));
      initial_at.push_back({{"asset", graph.id(seed.asset)}, {"t_h", seed.at}});
    }
    out["initial"] = std::move(initial);
    out["initial_at"] = std::move(initial_at);
    // Events and returns by time, then id (asset indices follow id order).
    std::vector<std::pair<model::Hours, model::AssetIndex>> returned;
    std::vector<std::tuple<model::Hours, model::AssetIndex, const engine::DownInterval*>> failed;
    double population = 0;
    std::size_t failed_assets = 0;
    for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
      if (restoration.down[a].empty()) continue;
      ++failed_assets;
      if (!graph.is_virtual(a)) population += model.assets[a].population();
      for (const auto& interval : restoration.down[a]) {
        failed.emplace_back(interval.start, a, &interval);
        if (interval.end != model::kNever) returned.emplace_back(interval.end, a);
      }
    }
    std::sort(failed.begin(), failed.end(),
              [](const auto& x, const auto& y) { return std::tie(std::get<0>(x), std::get<1>(x)) < std::tie(std::get<0>(y), std::get<1>(y)); });
    std::sort(returned.begin(), returned.end());
    auto events = nlohmann::ordered_json::array();
    for (const auto& [at, a, interval] : failed) {
      const auto& asset = model.assets[a];
      nlohmann::ordered_json event;
      event["asset"] = asset.id;
      event["t_h"] = at;
      if (interval->cause_group == model::kNoIndex) {
        event["via"] = nullptr;
        event["initial"] = true;
      } else {
        const auto& group = graph.group(interval->cause_group);
        const auto& dependency = asset.depends_on[group.position];
        event["via"] = graph.id(interval->cause_supplier);
        event["initial"] = false;
        event["kind"] = dependency.kind;
        event["group"] = group.position;
        event["time_to_impact_h"] = group.time_to_impact;
      }
      event["virtual"] = asset.is_virtual;
      event["population"] = asset.is_virtual ? 0.0 : asset.population();
      events.push_back(std::move(event));
    }
    out["events"] = std::move(events);
    auto restored = nlohmann::ordered_json::array();
    for (const auto& [at, a] : returned) restored.push_back({{"id", graph.id(a)}, {"t_h", at}});
    out["restored"] = std::move(restored);
    out["summary"] = {{"failed", failed_assets}, {"population_served_sum", population}};
    return out.dump(2) + "\n";
  }

  std::string render_json(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                          const engine::Cascade& cascade, model::Hours horizon) const {
    const auto& model = loaded.model;
    const auto& graph = *loaded.graph;
    nlohmann::ordered_json out;
    out["format"] = "knelpunt-cascade/1";
    out["horizon_h"] = horizon == model::kNever ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(horizon);
    auto initial = nlohmann::ordered_json::array();
    auto initial_at = nlohmann::ordered_json::array();
    for (const auto& seed : sorted_seeds(seeds)) {
      initial.push_back(graph.id(seed.asset));
      initial_at.push_back({{"asset", graph.id(seed.asset)}, {"t_h", seed.at}});
    }
    out["initial"] = std::move(initial);
    out["initial_at"] = std::move(initial_at);
    auto events = nlohmann::ordered_json::array();
    double population = 0;
    // Events by time, then id (docs/ARCHITECTURE.md: ties in time settle by asset index) (asset indices follow id order).
    auto by_time_then_id = cascade.order;
    std::sort(by_time_then_id.begin(), by_time_then_id.end(), [&](model::AssetIndex x, model::AssetIndex y) {
      return std::tie(cascade.failure_time[x], x) < std::tie(cascade.failure_time[y], y);
    });
    for (auto a : by_time_then_id) {
      const auto& asset = model.assets[a];
      nlohmann::ordered_json event;
      event["asset"] = asset.id;
      event["t_h"] = cascade.failure_time[a];
      if (cascade.cause_group[a] == model::kNoIndex) {
        event["via"] = nullptr;
        event["initial"] = true;
      } else {
        const auto& group = graph.group(cascade.cause_group[a]);
        const auto& dependency = asset.depends_on[group.position];
        event["via"] = graph.id(cascade.cause_supplier[a]);
        event["initial"] = false;
        event["kind"] = dependency.kind;
        event["group"] = group.position;
        event["time_to_impact_h"] = group.time_to_impact;
      }
      event["virtual"] = asset.is_virtual;
      event["population"] = asset.is_virtual ? 0.0 : asset.population();
      if (!asset.is_virtual) population += asset.population();
      events.push_back(std::move(event));
    }
    out["events"] = std::move(events);
    out["summary"] = {{"failed", cascade.order.size()}, {"population_served_sum", population}};
    return out.dump(2) + "\n";
  }

  std::string model_path_;
  std::vector<std::string> fail_;
  std::string scenario_id_;
  std::string measure_file_, variant_;
  std::string horizon_text_;
  std::string format_ = "text";
  std::string output_;
  bool quiet_ = false;
  bool verbose_ = false;
};

}  // namespace

std::unique_ptr<Command> make_whatif_command() { return std::make_unique<WhatifCommand>(); }

}  // namespace knelpunt::cli
