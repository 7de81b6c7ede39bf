/// `knelpunt reach MODEL`: N-1 reach of every non-virtual asset — how many
/// other assets fail within the horizon when it alone fails, and the
/// population they serve (docs/reach.md).

#include <algorithm>
#include <iostream>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/model_input.hpp"
#include "engine/reach.hpp"

namespace knelpunt::cli {

namespace {

class ReachCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("reach", "N-1 reach: what fails within the horizon when one asset fails alone");
    add_model_argument(command, model_path_);
    command->add_option("--horizon", horizon_text_, "Analysis horizon: a duration (72h, 3d) or inf; default: the model's");
    command->add_option("--top", top_, "Show only the N assets that reach furthest (text default: 20; json default: all)")
        ->check(CLI::PositiveNumber);
    command->add_option("--asset", asset_, "Report this asset only, with the list of assets that fail");
    command->add_option("--threads", threads_, "Worker threads (default: all cores); the result does not depend on it")
        ->check(CLI::Range(1u, 1024u));
    command->add_option("--format", format_, "Output format")->check(CLI::IsMember({"text", "json"}));
    command->add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout");
    command->add_flag("-q,--quiet", quiet_, "Print errors only (no warnings)");
    command->footer(
        "Assets are listed by reach (descending), then impact (descending), then id.\n"
        "Examples:\n"
        "  knelpunt reach examples/dordrecht --top 10\n"
        "  knelpunt reach examples/dordrecht --horizon inf --format json\n"
        "  knelpunt reach examples/dordrecht --asset hs-merwedehaven --horizon 24h");
    return command;
  }

  int run() override {
    auto loaded = load_model_or_report(model_path_, quiet_);
    if (!loaded) return kExitBadInput;
    const auto& model = loaded->model;
    const auto& graph = *loaded->graph;
    model::Hours horizon = model.region.horizon;
    if (!horizon_text_.empty()) {
      auto parsed = parse_horizon_option(horizon_text_);
      if (!parsed) return kExitBadInput;
      horizon = *parsed;
    }
    std::vector<double> population(graph.asset_count(), 0.0);
    for (std::size_t a = 0; a < model.assets.size(); ++a) population[a] = model.assets[a].population();

    std::vector<Row> rows;
    std::vector<model::AssetIndex> failed;
    if (!asset_.empty()) {
      auto index = find_asset_or_report(*loaded, asset_, "--asset");
      if (!index) return kExitBadInput;
      if (graph.is_virtual(*index)) {
        std::cerr << fmt::format("knelpunt: --asset '{}' is a virtual asset; expected a real asset: virtual assets never "
                                 "fail by themselves\n",
                                 asset_);
        return kExitBadInput;
      }
      failed = engine::reach_set(graph, *index, horizon);
      double impact = 0;
      for (auto a : failed) impact += population[a];
      rows.push_back(Row{*index, static_cast<std::uint32_t>(failed.size()), impact});
    } else {
      const unsigned threads = threads_ > 0 ? threads_ : std::max(1u, std::thread::hardware_concurrency());
      for (const auto& r : engine::compute_reach(graph, population, horizon, threads))
        rows.push_back(Row{r.asset, r.reach, r.impact});
      std::sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
        if (a.reach != b.reach) return a.reach > b.reach;
        if (a.impact != b.impact) return a.impact > b.impact;
        return a.asset < b.asset;  // assets are sorted by id
      });
    }
    const std::string text = format_ == "json" ? render_json(*loaded, rows, failed, horizon)
                                               : render_text(*loaded, rows, failed, horizon);
    return write_output(text, output_) ? kExitOk : kExitInternal;
  }

 private:
  struct Row {
    model::AssetIndex asset;
    std::uint32_t reach;
    double impact;
  };

  static std::string name_of(const model::Asset& asset) { return asset.name.empty() ? asset.id : asset.name; }

  std::string render_text(const LoadedModel& loaded, const std::vector<Row>& rows,
                          const std::vector<model::AssetIndex>& failed, model::Hours horizon) const {
    const auto& model = loaded.model;
    const std::string region = model.region.name.empty() ? std::string("the model") : model.region.name;
    std::string out;
    if (!asset_.empty()) {
      const auto& row = rows.front();
      const auto& asset = model.assets[row.asset];
      out += fmt::format("N-1 reach of {} ({}) in {} within horizon {}: {} asset{} fail, serving {:.0f} people\n",
                         asset.id, name_of(asset), region, model::format_hours(horizon), row.reach,
                         row.reach == 1 ? "" : "s", row.impact);
      for (auto a : failed) out += fmt::format("  {}\n", model.assets[a].id);
      return out;
    }
    const std::size_t shown = std::min<std::size_t>(rows.size(), top_ > 0 ? top_ : 20);
    out += fmt::format("N-1 reach in {} within horizon {}: {} asset{}, the {} that reach furthest\n\n", region,
                       model::format_hours(horizon), rows.size(), rows.size() == 1 ? "" : "s", shown);
    std::size_t id_width = 5;
    std::size_t name_width = 4;
    for (std::size_t i = 0; i < shown; ++i) {
      id_width = std::max(id_width, model.assets[rows[i].asset].id.size());
      name_width = std::max(name_width, std::min<std::size_t>(40, name_of(model.assets[rows[i].asset]).size()));
    }
    out += fmt::format("{:>4}  {:<{}}  {:<{}}  {:>7}  {:>12}  {:>10}\n", "#", "asset", id_width, "name", name_width,
                       "reach", "impact", "population");
    for (std::size_t i = 0; i < shown; ++i) {
      const auto& asset = model.assets[rows[i].asset];
      std::string name = name_of(asset);
      if (name.size() > 40) name = name.substr(0, 39) + "~";
      out += fmt::format("{:>4}  {:<{}}  {:<{}}  {:>7}  {:>12.0f}  {:>10.0f}\n", i + 1, asset.id, id_width, name,
                         name_width, rows[i].reach, rows[i].impact, asset.population());
    }
    out += "\nreach: other non-virtual assets that fail within the horizon when this one fails alone at T+0;\n"
           "impact: the population those assets serve (summed, may overlap).\n";
    return out;
  }

  std::string render_json(const LoadedModel& loaded, const std::vector<Row>& rows,
                          const std::vector<model::AssetIndex>& failed, model::Hours horizon) const {
    const auto& model = loaded.model;
    nlohmann::ordered_json out;
    out["format"] = "knelpunt-reach/1";
    out["horizon_h"] = horizon == model::kNever ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(horizon);
    auto assets = nlohmann::ordered_json::array();
    const std::size_t shown = top_ > 0 ? std::min<std::size_t>(rows.size(), top_) : rows.size();
    for (std::size_t i = 0; i < shown; ++i) {
      const auto& asset = model.assets[rows[i].asset];
      nlohmann::ordered_json entry;
      entry["asset"] = asset.id;
      entry["reach"] = rows[i].reach;
      entry["impact"] = rows[i].impact;
      entry["population"] = asset.population();
      if (!asset_.empty()) {
        auto ids = nlohmann::ordered_json::array();
        for (auto a : failed) ids.push_back(model.assets[a].id);  // ascending index = ascending id
        entry["failed"] = std::move(ids);
      }
      assets.push_back(std::move(entry));
    }
    out["assets"] = std::move(assets);
    return out.dump(2) + "\n";
  }

  std::string model_path_;
  std::string horizon_text_;
  std::size_t top_ = 0;
  std::string asset_;
  unsigned threads_ = 0;
  std::string format_ = "text";
  std::string output_;
  bool quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_reach_command() { return std::make_unique<ReachCommand>(); }

}  // namespace knelpunt::cli
