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
        "  knelpunt whatif examples/dordrecht --scenario examples/dordrecht/measures.yaml --variant noodstroom-gemaal "
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
      std::string cause;
      if (cascade.cause_group[a] == model::kNoIndex) {
        cause = "initial failure";
      } else {
        const auto& group = graph.group(cascade.cause_group[a]);
        const auto& dependency = asset.depends_on[group.position];
        cause = "via " + graph.id(cascade.cause_supplier[a]);
        std::string detail = dependency.kind;
        if (group.supplier_count > 1)
          detail += (detail.empty() ? "" : ", ") + fmt::format("{} of {} suppliers lost", group.losses_to_fail(), group.supplier_count);
        if (group.time_to_impact > 0) detail += (detail.empty() ? "" : ", ") + std::string("buffer ") + model::format_hours(group.time_to_impact);
        if (!detail.empty()) cause += " (" + detail + ")";
      }
      std::string name = (asset.is_virtual ? "[virtual] " : "") + name_of(asset);
      if (name.size() > 40) name = name.substr(0, 39) + "~";
      out += fmt::format("T+{:<8} {:<{}}  {:<{}}  {}\n", model::format_hours(cascade.failure_time[a]), asset.id,
                         id_width, name, name_width, cause);
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
    // DESIGN.md §10: events by time, then id (asset indices follow id order).
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
