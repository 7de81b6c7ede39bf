#include "cli/simulate_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <numeric>

#include "cli/cli_texts.hpp"
#include "engine/simulation_statistics.hpp"
#include "model/text_format.hpp"

namespace knelpunt::cli {

namespace {

/// The quantiles reported, in per mille.
constexpr unsigned kQuantiles[] = {500, 950, 990};

double fraction(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

nlohmann::ordered_json interval_json(const engine::Interval& interval) {
  return nlohmann::ordered_json::array({interval.lo, interval.hi});
}

std::string interval_text(const engine::Interval& interval, int decimals, std::string_view lang) {
  return fmt::format("[{}; {}]", model::format_decimal(interval.lo, decimals, lang),
                     model::format_decimal(interval.hi, decimals, lang));
}

/// Mean, percentiles with their intervals, the upper-bound runs and the histogram itself.
nlohmann::ordered_json distribution_json(const engine::PeopleHistogram& histogram,
                                         std::uint64_t upper_bound_runs) {
  nlohmann::ordered_json out;
  const auto mean = engine::histogram_mean(histogram);
  out["mean"] = {{"value", mean.mean}, {"ci95", interval_json(mean.ci95)}};
  for (const unsigned q : kQuantiles) {
    const auto quantile = engine::histogram_quantile(histogram, q);
    out[fmt::format("p{}", q / 10)] = {{"value", quantile.value},
                                       {"ci95", interval_json(quantile.ci95)}};
  }
  out["upper_bound_runs"] = upper_bound_runs;
  auto entries = nlohmann::ordered_json::array();
  for (const auto& entry : histogram) entries.push_back({entry.people, entry.runs});
  out["histogram"] = std::move(entries);
  return out;
}

/// The text block of a distribution: a header line, the mean and the percentiles.
std::string distribution_text(const engine::PeopleHistogram& histogram, std::string_view lang) {
  std::string out = fmt::format("  {:<10}  {:>12}  {}\n", "", cli_text(CliText::column_value, lang),
                                cli_text(CliText::column_ci95, lang));
  const auto mean = engine::histogram_mean(histogram);
  out += fmt::format("  {:<10}  {:>12}  {}\n", cli_text(CliText::simulate_mean, lang),
                     model::format_decimal(mean.mean, 1, lang), interval_text(mean.ci95, 1, lang));
  for (const unsigned q : kQuantiles) {
    const auto quantile = engine::histogram_quantile(histogram, q);
    out += fmt::format("  {:<10}  {:>12}  [{}; {}]\n", fmt::format("P{}", q / 10),
                       model::format_grouped_integer(quantile.value, lang),
                       model::format_grouped_integer(quantile.ci95.lo, lang),
                       model::format_grouped_integer(quantile.ci95.hi, lang));
  }
  return out;
}

/// The sampled scenarios and how often each occurred; nothing when none is sampled.
std::string scenarios_text(const SimulateReport& report, std::string_view lang) {
  if (report.scenarios.empty()) return {};
  const auto& tally = report.tally;
  std::string out = std::string(cli_text(CliText::simulate_scenarios_heading, lang)) + "\n";
  const auto scenario_label = cli_text(CliText::column_scenario, lang);
  std::size_t id_width = scenario_label.size();
  for (const auto& scenario : report.scenarios) id_width = std::max(id_width, scenario.id.size());
  out +=
      fmt::format("  {:<{}}  {:>10}  {:>12}  {:>8}  {}\n", scenario_label, id_width,
                  cli_text(CliText::column_per_year, lang), cli_text(CliText::column_runs, lang),
                  cli_text(CliText::column_fraction, lang), cli_text(CliText::column_ci95, lang));
  for (std::size_t s = 0; s < report.scenarios.size(); ++s) {
    const std::uint64_t occurred = tally.scenario_runs[s];
    out += fmt::format("  {:<{}}  {:>10}  {:>12}  {:>8}  {}\n", report.scenarios[s].id, id_width,
                       model::format_significant(report.scenarios[s].frequency, 4, lang),
                       model::format_grouped_integer(static_cast<double>(occurred), lang),
                       model::format_decimal(fraction(occurred, tally.runs), 4, lang),
                       interval_text(engine::wilson_interval(occurred, tally.runs), 4, lang));
  }
  return out + "\n";
}

/// The sets asked with --joint and how often all of their assets failed; nothing when none was asked.
std::string joint_text(const SimulateReport& report, std::string_view lang) {
  if (report.joint_sets.empty()) return {};
  const auto& tally = report.tally;
  std::vector<std::string> labels;
  const auto label_heading = cli_text(CliText::column_assets_together, lang);
  std::size_t width = label_heading.size();
  for (const auto& set : report.joint_sets) {
    labels.push_back(fmt::format("{}", fmt::join(set, " + ")));
    width = std::max(width, labels.back().size());
  }
  std::string out = std::string(cli_text(CliText::simulate_joint_heading, lang)) + "\n";
  out += fmt::format("  {:<{}}  {:>12}  {:>8}  {}\n", label_heading, width, cli_text(CliText::column_runs, lang),
                     cli_text(CliText::column_fraction, lang), cli_text(CliText::column_ci95, lang));
  for (std::size_t s = 0; s < labels.size(); ++s) {
    const std::uint64_t failed = tally.joint_failed_runs[s];
    out += fmt::format("  {:<{}}  {:>12}  {:>8}  {}\n", labels[s], width,
                       model::format_grouped_integer(static_cast<double>(failed), lang),
                       model::format_decimal(fraction(failed, tally.runs), 4, lang),
                       interval_text(engine::wilson_interval(failed, tally.runs), 4, lang));
  }
  return out + "\n";
}

}  // namespace

std::string render_simulate_json(const SimulateReport& report) {
  const auto& tally = report.tally;
  nlohmann::ordered_json out;
  out["format"] = "knelpunt-simulate/1";
  out["runs"] = report.runs;
  out["seed"] = report.seed;
  out["horizon_h"] = model::json_hours(report.horizon);
  auto assets = nlohmann::ordered_json::array();
  for (std::size_t a = 0; a < report.assets.size(); ++a) {
    const std::uint64_t failed = tally.failed_runs[a];
    nlohmann::ordered_json entry;
    entry["asset"] = report.assets[a].id;
    entry["failed_runs"] = failed;
    entry["fraction"] = fraction(failed, tally.runs);
    entry["ci95"] = interval_json(engine::wilson_interval(failed, tally.runs));
    assets.push_back(std::move(entry));
  }
  out["assets"] = std::move(assets);
  auto scenarios = nlohmann::ordered_json::array();
  for (std::size_t s = 0; s < report.scenarios.size(); ++s) {
    const std::uint64_t occurred = tally.scenario_runs[s];
    nlohmann::ordered_json entry;
    entry["scenario"] = report.scenarios[s].id;
    entry["frequency_per_year"] = report.scenarios[s].frequency;
    entry["probability_per_run"] = report.scenarios[s].probability;
    entry["occurred_runs"] = occurred;
    entry["fraction"] = fraction(occurred, tally.runs);
    entry["ci95"] = interval_json(engine::wilson_interval(occurred, tally.runs));
    scenarios.push_back(std::move(entry));
  }
  out["scenarios"] = std::move(scenarios);
  if (!report.joint_sets.empty()) {
    auto joint = nlohmann::ordered_json::array();
    for (std::size_t s = 0; s < report.joint_sets.size(); ++s) {
      const std::uint64_t failed = tally.joint_failed_runs[s];
      nlohmann::ordered_json entry;
      entry["assets"] = report.joint_sets[s];
      entry["failed_runs"] = failed;
      entry["fraction"] = fraction(failed, tally.runs);
      entry["ci95"] = interval_json(engine::wilson_interval(failed, tally.runs));
      joint.push_back(std::move(entry));
    }
    out["joint"] = std::move(joint);
  }
  out["people"] = distribution_json(tally.people, tally.upper_bound_runs);
  out["people_hours"] =
      report.horizon == model::kNever
          ? nlohmann::ordered_json(nullptr)
          : distribution_json(tally.people_hours, tally.people_hours_upper_bound_runs);
  auto curve = nlohmann::ordered_json::array();
  for (const double x : engine::exceedance_points(report.most_people)) {
    const std::uint64_t runs = engine::runs_at_least(tally.people, x);
    nlohmann::ordered_json point;
    point["people_at_least"] = x;
    point["runs"] = runs;
    point["fraction"] = fraction(runs, tally.runs);
    point["ci95"] = interval_json(engine::wilson_interval(runs, tally.runs));
    curve.push_back(std::move(point));
  }
  out["exceedance"] = std::move(curve);
  return out.dump(2) + "\n";
}

std::string render_simulate_text(const SimulateReport& report, std::size_t top,
                                 std::string_view lang) {
  const auto& tally = report.tally;
  const std::string region =
      report.region.empty() ? std::string(cli_text(CliText::the_model, lang)) : report.region;
  std::string out =
      cli_format(CliText::simulate_heading, lang, region, within(report.horizon, lang),
                 model::format_grouped_integer(static_cast<double>(tally.runs), lang),
                 report.seed) +
      "\n\n";

  std::vector<std::size_t> failing;
  for (std::size_t a = 0; a < report.assets.size(); ++a)
    if (tally.failed_runs[a] > 0) failing.push_back(a);
  // Most often first; ties by id (the assets are in id order).
  std::stable_sort(failing.begin(), failing.end(), [&](std::size_t x, std::size_t y) {
    return tally.failed_runs[x] > tally.failed_runs[y];
  });
  const std::size_t shown = std::min<std::size_t>(failing.size(), top > 0 ? top : 20);
  if (failing.empty()) {
    out += cli_text(CliText::simulate_nothing_fails, lang);
    out += "\n";
  } else {
    out += cli_format(CliText::simulate_assets_heading, lang,
                      model::format_grouped_integer(static_cast<double>(shown), lang),
                      model::format_grouped_integer(static_cast<double>(failing.size()), lang)) +
           "\n";
    const auto asset_label = cli_text(CliText::column_asset, lang);
    const auto name_label = cli_text(CliText::column_name, lang);
    std::size_t id_width = asset_label.size();
    std::size_t name_width = name_label.size();
    for (std::size_t i = 0; i < shown; ++i) {
      id_width = std::max(id_width, report.assets[failing[i]].id.size());
      name_width =
          std::max(name_width, std::min<std::size_t>(40, report.assets[failing[i]].name.size()));
    }
    out +=
        fmt::format("  {:<{}}  {:<{}}  {:>12}  {:>8}  {}\n", asset_label, id_width, name_label,
                    name_width, cli_text(CliText::column_runs, lang),
                    cli_text(CliText::column_fraction, lang), cli_text(CliText::column_ci95, lang));
    for (std::size_t i = 0; i < shown; ++i) {
      const std::size_t a = failing[i];
      std::string name = model::one_line(report.assets[a].name);
      if (name.size() > 40) {
        std::size_t cut = 39;
        while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80)
          --cut;  // not inside a UTF-8 character
        name = name.substr(0, cut) + "~";
      }
      const std::uint64_t failed = tally.failed_runs[a];
      out +=
          fmt::format("  {:<{}}  {:<{}}  {:>12}  {:>8}  {}\n", report.assets[a].id, id_width, name,
                      name_width, model::format_grouped_integer(static_cast<double>(failed), lang),
                      model::format_decimal(fraction(failed, tally.runs), 4, lang),
                      interval_text(engine::wilson_interval(failed, tally.runs), 4, lang));
    }
  }
  out += "\n";
  out += scenarios_text(report, lang);
  out += joint_text(report, lang);

  out += cli_format(CliText::simulate_people_heading, lang,
                    tally.upper_bound_runs > 0 ? cli_text(CliText::upper_bound, lang)
                                               : std::string_view()) +
         "\n";
  out += distribution_text(tally.people, lang);
  out += "\n";
  if (report.horizon != model::kNever) {
    out += cli_format(CliText::simulate_people_hours_heading, lang,
                      tally.people_hours_upper_bound_runs > 0 ? cli_text(CliText::upper_bound, lang)
                                                              : std::string_view()) +
           "\n";
    out += distribution_text(tally.people_hours, lang);
    out += "\n";
  }

  out += cli_text(CliText::simulate_exceedance_heading, lang);
  out += "\n";
  out +=
      fmt::format("  {:>12}  {:>12}  {:>8}  {}\n", cli_text(CliText::column_people_at_least, lang),
                  cli_text(CliText::column_runs, lang), cli_text(CliText::column_fraction, lang),
                  cli_text(CliText::column_ci95, lang));
  for (const double x : engine::exceedance_points(report.most_people)) {
    const std::uint64_t runs = engine::runs_at_least(tally.people, x);
    out += fmt::format("  {:>12}  {:>12}  {:>8}  {}\n", model::format_grouped_integer(x, lang),
                       model::format_grouped_integer(static_cast<double>(runs), lang),
                       model::format_decimal(fraction(runs, tally.runs), 4, lang),
                       interval_text(engine::wilson_interval(runs, tally.runs), 4, lang));
    if (runs == 0) break;  // the rest of the curve is zero too
  }
  out += "\n";
  out += cli_text(CliText::simulate_legend, lang);
  return out;
}

std::string render_simulate_shard(const SimulateReport& report, const Shard& shard,
                                  const std::string& digest) {
  const auto& tally = report.tally;
  const auto range = shard_runs(report.runs, shard);
  nlohmann::ordered_json out;
  out["format"] = "knelpunt-simulate-shard/1";
  out["shard"] = {shard.index, shard.count};
  out["model_digest"] = digest;
  out["region"] = report.region;
  out["horizon_h"] = model::json_hours(report.horizon);
  out["seed"] = report.seed;
  out["runs"] = report.runs;
  out["run_range"] = {range.first, range.last};
  out["most_people"] = report.most_people;
  out["upper_bound_runs"] = tally.upper_bound_runs;
  auto assets = nlohmann::ordered_json::array();
  for (std::size_t a = 0; a < report.assets.size(); ++a) {
    nlohmann::ordered_json entry;
    entry["asset"] = report.assets[a].id;
    entry["name"] = report.assets[a].name;
    entry["failed_runs"] = tally.failed_runs[a];
    assets.push_back(std::move(entry));
  }
  out["assets"] = std::move(assets);
  auto scenarios = nlohmann::ordered_json::array();
  for (std::size_t s = 0; s < report.scenarios.size(); ++s) {
    nlohmann::ordered_json entry;
    entry["scenario"] = report.scenarios[s].id;
    entry["frequency_per_year"] = report.scenarios[s].frequency;
    entry["occurred_runs"] = tally.scenario_runs[s];
    scenarios.push_back(std::move(entry));
  }
  out["scenarios"] = std::move(scenarios);
  if (!report.joint_sets.empty()) {
    auto joint = nlohmann::ordered_json::array();
    for (std::size_t s = 0; s < report.joint_sets.size(); ++s)
      joint.push_back({{"assets", report.joint_sets[s]}, {"failed_runs", tally.joint_failed_runs[s]}});
    out["joint"] = std::move(joint);
  }
  auto histogram = nlohmann::ordered_json::array();
  for (const auto& entry : tally.people) histogram.push_back({entry.people, entry.runs});
  out["people"] = std::move(histogram);
  out["people_hours_upper_bound_runs"] = tally.people_hours_upper_bound_runs;
  if (report.horizon == model::kNever) {
    out["people_hours"] = nullptr;
  } else {
    auto hours = nlohmann::ordered_json::array();
    for (const auto& entry : tally.people_hours) hours.push_back({entry.people, entry.runs});
    out["people_hours"] = std::move(hours);
  }
  return out.dump(2) + "\n";
}

}  // namespace knelpunt::cli
