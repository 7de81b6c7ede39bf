/// `knelpunt cutsets MODEL --target ID`: the minimal cut sets of a target
/// within the horizon, optionally its failure probability and the importance
/// of each asset (docs/cut-sets.md).

#include <cmath>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/model_input.hpp"
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
    command->add_option("--max-order", max_order_, "Largest cut set size (default 2; 0 = no limit)");
    command->add_option("--horizon", horizon_text_,
                        "Analysis horizon: a duration (72h, 3d) or inf; default: the model's");
    command->add_flag("--probability", probability_,
                      "Also the probability that the target fails (assets' p, independent) and importance measures");
    command->add_option("--format", format_, "Output format")->check(CLI::IsMember({"text", "json"}));
    command->add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout");
    command->add_flag("-q,--quiet", quiet_, "Print errors only (no warnings)");
    command->footer(
        "Order 1 cut sets are single points of failure, order 2 common-cause pairs.\n"
        "Examples:\n"
        "  knelpunt cutsets examples/dordrecht --target ziekenhuis-asz --horizon 24h\n"
        "  knelpunt cutsets model.yaml --target r1 --max-order 0 --horizon inf --probability --format json");
    return command;
  }

  int run() override {
    auto loaded = load_model_or_report(model_path_, quiet_);
    if (!loaded) return kExitBadInput;
    const auto horizon = horizon_or_report(*loaded, horizon_text_);
    if (!horizon) return kExitBadInput;
    const auto target = find_asset_or_report(*loaded, target_, "--target");
    if (!target) return kExitBadInput;
    const auto& graph = *loaded->graph;

    engine::CutSetOptions options;
    options.max_order = max_order_;
    options.horizon = *horizon;
    const auto cut_sets = engine::minimal_cut_sets(graph, *target, options);
    std::optional<engine::ProbabilityResult> probability;
    if (probability_) {
      std::vector<double> p;
      for (const auto& asset : loaded->model.assets) p.push_back(asset.is_virtual ? 0.0 : asset.p.value_or(0.0));
      engine::ProbabilityOptions probability_options;
      probability_options.horizon = *horizon;
      probability = engine::failure_probability(graph, *target, p, probability_options);
    }
    const std::string text = format_ == "json" ? render_json(graph, *horizon, cut_sets, probability)
                                               : render_text(*loaded, *target, *horizon, cut_sets, probability);
    return write_output(text, output_) ? kExitOk : kExitInternal;
  }

 private:
  static nlohmann::ordered_json number_or_null(double value) {
    return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
  }

  std::string render_json(const model::DependencyGraph& graph, model::Hours horizon, const engine::CutSets& cut_sets,
                          const std::optional<engine::ProbabilityResult>& probability) const {
    nlohmann::ordered_json out;
    out["format"] = "knelpunt-cutsets/1";
    out["target"] = target_;
    out["max_order"] = max_order_;
    out["horizon_h"] = number_or_null(horizon);
    auto sets = nlohmann::ordered_json::array();
    for (const auto& set : cut_sets.sets) {
      auto ids = nlohmann::ordered_json::array();
      for (auto a : set) ids.push_back(graph.id(a));
      sets.push_back(std::move(ids));
    }
    out["cutsets"] = std::move(sets);
    auto by_order = nlohmann::ordered_json::object();
    for (const auto& [order, count] : cut_sets.by_order) by_order[std::to_string(order)] = count;
    out["by_order"] = std::move(by_order);
    if (probability) {
      nlohmann::ordered_json p;
      p["value"] = probability->value;
      if (probability->method == engine::ProbabilityMethod::exact) {
        p["method"] = "exact";
        p["algorithm"] = "bdd";
      } else {
        p["method"] = "bounds";
        p["rare_event"] = *probability->rare_event;
        p["min_cut_upper_bound"] = *probability->min_cut_upper_bound;
      }
      out["probability"] = std::move(p);
      auto rows = nlohmann::ordered_json::array();
      for (const auto& row : probability->importance) {
        nlohmann::ordered_json item;
        item["asset"] = graph.id(row.asset);
        item["birnbaum"] = number_or_null(row.birnbaum);
        item["criticality"] = number_or_null(row.criticality);
        item["fussell_vesely"] = number_or_null(row.fussell_vesely);
        item["raw"] = number_or_null(row.raw);
        item["rrw"] = number_or_null(row.rrw);
        rows.push_back(std::move(item));
      }
      out["importance"] = std::move(rows);
    }
    return out.dump(2) + "\n";
  }

  std::string render_text(const LoadedModel& loaded, model::AssetIndex target, model::Hours horizon,
                          const engine::CutSets& cut_sets,
                          const std::optional<engine::ProbabilityResult>& probability) const {
    const auto& model = loaded.model;
    const auto& graph = *loaded.graph;
    const auto& asset = model.assets[target];
    std::string out = fmt::format("Minimal cut sets of {}{} within horizon {}, order ≤ {}: {} set{}\n", asset.id,
                                  asset.name.empty() ? std::string() : " (" + asset.name + ")",
                                  model::format_hours(horizon),
                                  max_order_ == 0 ? std::string("any") : std::to_string(max_order_),
                                  cut_sets.sets.size(), cut_sets.sets.size() == 1 ? "" : "s");
    for (const auto& [order, count] : cut_sets.by_order) {
      const char* label = order == 1 ? " — single points of failure" : order == 2 ? " — common-cause pairs" : "";
      out += fmt::format("\nOrder {} ({}){}:\n", order, count, label);
      for (const auto& set : cut_sets.sets) {
        if (set.size() != order) continue;
        std::string line;
        for (auto a : set) line += (line.empty() ? "" : ", ") + graph.id(a);
        out += "  " + line + "\n";
      }
    }
    if (probability) {
      if (probability->method == engine::ProbabilityMethod::exact) {
        out += fmt::format("\nProbability that {} fails: {:.6g} (exact, BDD)\n", asset.id, probability->value);
      } else {
        out += fmt::format(
            "\nProbability that {} fails: at most {:.6g} (bounds from the cut sets: min-cut upper bound {:.6g}, "
            "rare-event {:.6g}; the BDD was too large)\n",
            asset.id, probability->value, *probability->min_cut_upper_bound, *probability->rare_event);
      }
      if (!probability->importance.empty()) {
        out += fmt::format("\n{:<24} {:>12} {:>12} {:>12} {:>12} {:>12}\n", "asset", "birnbaum", "criticality",
                           "fussell-v.", "raw", "rrw");
        auto cell = [](double value) { return std::isfinite(value) ? fmt::format("{:12.6g}", value) : fmt::format("{:>12}", "-"); };
        for (const auto& row : probability->importance)
          out += fmt::format("{:<24} {} {} {} {} {}\n", graph.id(row.asset), cell(row.birnbaum),
                             cell(row.criticality), cell(row.fussell_vesely), cell(row.raw), cell(row.rrw));
      }
    }
    return out;
  }

  std::string model_path_;
  std::string target_;
  std::uint32_t max_order_ = 2;
  std::string horizon_text_;
  bool probability_ = false;
  std::string format_ = "text";
  std::string output_;
  bool quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_cutsets_command() { return std::make_unique<CutSetsCommand>(); }

}  // namespace knelpunt::cli
