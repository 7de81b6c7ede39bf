#include "cli/simulate_shard_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "cli/option_ranges.hpp"
#include "cli/shard_json_checker.hpp"
#include "model/bounded_json.hpp"

namespace knelpunt::cli {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kFormat = "knelpunt-simulate-shard/1";
constexpr std::string_view kExpectedShard = "the output of knelpunt simulate --shard I/N";

bool has_format(const Json& json) {
  if (!json.is_object()) return false;
  const auto format = json.find("format");
  return format != json.end() && format->is_string() &&
         format->get_ref<const std::string&>() == kFormat;
}

/// Reads member `key` of `json`: [[value, runs], …] with values finite, >= 0
/// and strictly ascending, runs >= 1, adding up to `length`.
void read_histogram(ShardJsonChecker& check, const Json& json, const char* key,
                    std::uint64_t length, engine::PeopleHistogram& histogram) {
  const Json* entries = check.member(json, "", key);
  if (!entries) return;
  const std::string where = std::string("/") + key;
  if (!entries->is_array()) {
    check.problem(where, "is " + describe_json(*entries), "an array of [value, runs]");
    return;
  }
  const std::string expected_count =
      fmt::format("a whole number of runs from 1 to {} (the shard's runs)", length);
  std::uint64_t total = 0;
  for (std::size_t i = 0; !check.failed() && i < entries->size(); ++i) {
    const Json& entry = (*entries)[i];
    const std::string pointer = fmt::format("{}/{}", where, i);
    if (!entry.is_array() || entry.size() != 2) {
      check.problem(pointer, "is " + describe_json(entry), "[value, runs]");
      return;
    }
    const double value = check.non_negative_value(entry[0], pointer + "/0");
    const std::uint64_t runs = check.whole(entry[1], pointer + "/1", 1, length, expected_count);
    if (check.failed()) return;
    if (!histogram.empty() && !(histogram.back().people < value)) {
      check.problem(pointer + "/0", "is " + describe_json(entry[0]),
                    "values in strictly ascending order");
      return;
    }
    total += runs;  // each <= length <= 10^9 and total <= length before: no overflow
    if (total > length) {
      check.problem(pointer + "/1", fmt::format("makes the runs exceed the shard's {}", length),
                    "counts adding up to the shard's runs");
      return;
    }
    histogram.push_back({value, runs});
  }
  if (!check.failed() && total != length)
    check.problem(where, fmt::format("counts {} runs", total),
                  fmt::format("{} runs, the shard's run range", length));
}

}  // namespace

bool is_simulate_shard(std::string_view text) {
  const auto parsed = model::parse_bounded_json(text);
  return parsed.value && has_format(*parsed.value);
}

std::optional<SimulateShardFile> parse_simulate_shard(std::string_view text, std::string& error) {
  error.clear();
  auto parsed = model::parse_bounded_json(text);
  if (!parsed.value) {
    error = fmt::format("malformed simulate shard ({}{}); expected {}",
                        model::json_location_prefix(parsed), parsed.error, kExpectedShard);
    return std::nullopt;
  }
  const Json& json = *parsed.value;
  if (!has_format(json)) {
    error = fmt::format("not a simulate shard; expected JSON with \"format\": \"{}\" (from {})",
                        kFormat, kExpectedShard);
    return std::nullopt;
  }
  ShardJsonChecker check(error, kExpectedShard);
  SimulateShardFile file;
  auto& report = file.report;
  auto& tally = report.tally;
  constexpr std::uint64_t kMaxCount = std::numeric_limits<std::uint32_t>::max();
  constexpr std::uint64_t kMaxWord = std::numeric_limits<std::uint64_t>::max();
  if (const Json* shard = check.member(json, "", "shard")) {
    if (!shard->is_array() || shard->size() != 2) {
      check.problem("/shard", "is " + describe_json(*shard),
                    "[I, N], shard I of N with 0 <= I < N");
    } else {
      file.shard.count = static_cast<std::uint32_t>(
          check.whole((*shard)[1], "/shard/1", 1, kMaxCount,
                      fmt::format("a shard count N from 1 to {}", kMaxCount)));
      if (!check.failed())
        file.shard.index = static_cast<std::uint32_t>(
            check.whole((*shard)[0], "/shard/0", 0, file.shard.count - 1,
                        fmt::format("a shard index I with 0 <= I < N = {}", file.shard.count)));
    }
  }
  file.digest = check.text(json, "", "model_digest", true);
  report.region = check.text(json, "", "region", false);
  if (const Json* horizon = check.member(json, "", "horizon_h"))
    report.horizon = horizon->is_null() ? model::kNever : check.non_negative(json, "", "horizon_h");
  if (const Json* seed = check.member(json, "", "seed"))
    report.seed = check.whole(*seed, "/seed", 0, kMaxWord, "a seed from 0 to 2^64-1");
  if (const Json* runs = check.member(json, "", "runs"))
    report.runs = check.whole(*runs, "/runs", kMinRuns, kMaxRuns,
                              fmt::format("a run count from 1 to {}", kMaxRuns));
  if (check.failed()) return std::nullopt;
  const RunRange range = shard_runs(report.runs, file.shard);
  const std::uint64_t length = range.last - range.first;
  tally.runs = length;
  if (const Json* run_range = check.member(json, "", "run_range")) {
    if (!run_range->is_array() || run_range->size() != 2 || (*run_range)[0] != range.first ||
        (*run_range)[1] != range.last)
      check.problem("/run_range",
                    "is " + (run_range->is_array() && run_range->size() == 2
                                 ? fmt::format("[{}, {}]", describe_json((*run_range)[0]),
                                               describe_json((*run_range)[1]))
                                 : describe_json(*run_range)),
                    fmt::format("[{}, {}], the runs of shard {}/{} of {}", range.first, range.last,
                                file.shard.index, file.shard.count, report.runs));
  }
  report.most_people = check.non_negative(json, "", "most_people");
  const std::string expected_count =
      fmt::format("a whole number of runs from 0 to {} (the shard's runs)", length);
  if (const Json* upper = check.member(json, "", "upper_bound_runs"))
    tally.upper_bound_runs = check.whole(*upper, "/upper_bound_runs", 0, length, expected_count);
  if (const Json* assets = check.member(json, "", "assets")) {
    if (!assets->is_array())
      check.problem("/assets", "is " + describe_json(*assets), "an array of assets");
    for (std::size_t i = 0; !check.failed() && assets->is_array() && i < assets->size(); ++i) {
      const Json& entry = (*assets)[i];
      const std::string pointer = fmt::format("/assets/{}", i);
      if (!entry.is_object()) {
        check.problem(pointer, "is " + describe_json(entry),
                      "an object {asset, name, failed_runs}");
        break;
      }
      SimulateAsset asset;
      asset.id = check.text(entry, pointer, "asset", true);
      asset.name = check.text(entry, pointer, "name", false);
      std::uint64_t failed = 0;
      if (const Json* value = check.member(entry, pointer, "failed_runs"))
        failed = check.whole(*value, pointer + "/failed_runs", 0, length, expected_count);
      report.assets.push_back(std::move(asset));
      tally.failed_runs.push_back(failed);
    }
  }
  if (const Json* scenarios = check.member(json, "", "scenarios")) {
    if (!scenarios->is_array())
      check.problem("/scenarios", "is " + describe_json(*scenarios), "an array of scenarios");
    for (std::size_t i = 0; !check.failed() && scenarios->is_array() && i < scenarios->size();
         ++i) {
      const Json& entry = (*scenarios)[i];
      const std::string pointer = fmt::format("/scenarios/{}", i);
      if (!entry.is_object()) {
        check.problem(pointer, "is " + describe_json(entry),
                      "an object {scenario, frequency_per_year, occurred_runs}");
        break;
      }
      SimulateScenario scenario;
      scenario.id = check.text(entry, pointer, "scenario", true);
      scenario.frequency = check.non_negative(entry, pointer, "frequency_per_year");
      scenario.probability = engine::scenario_run_probability(scenario.frequency);
      std::uint64_t occurred = 0;
      if (const Json* value = check.member(entry, pointer, "occurred_runs"))
        occurred = check.whole(*value, pointer + "/occurred_runs", 0, length, expected_count);
      report.scenarios.push_back(std::move(scenario));
      tally.scenario_runs.push_back(occurred);
    }
  }
  // Present when the simulation counted sets (--joint): [{assets, failed_runs}, …].
  if (const auto joint = json.find("joint"); joint != json.end() && !check.failed()) {
    if (!joint->is_array())
      check.problem("/joint", "is " + describe_json(*joint), "an array of {assets, failed_runs}");
    // The shard's asset ids, sorted once: a set may name only those.
    std::vector<std::string_view> known_ids;
    if (joint->is_array() && !joint->empty()) {
      for (const auto& asset : report.assets) known_ids.push_back(asset.id);
      std::sort(known_ids.begin(), known_ids.end());
    }
    for (std::size_t i = 0; !check.failed() && joint->is_array() && i < joint->size(); ++i) {
      const Json& entry = (*joint)[i];
      const std::string pointer = fmt::format("/joint/{}", i);
      if (!entry.is_object()) {
        check.problem(pointer, "is " + describe_json(entry), "an object {assets: [asset ids], failed_runs}");
        break;
      }
      const Json* ids = check.member(entry, pointer, "assets");
      if (!ids) break;
      if (!ids->is_array() || ids->empty()) {
        check.problem(pointer + "/assets", "is " + describe_json(*ids), "a non-empty array of asset ids");
        break;
      }
      std::vector<std::string> set;
      for (std::size_t k = 0; !check.failed() && k < ids->size(); ++k) {
        const Json& id = (*ids)[k];
        const bool known = id.is_string() && std::binary_search(known_ids.begin(), known_ids.end(),
                                                                std::string_view(id.get_ref<const std::string&>()));
        if (!known)
          check.problem(fmt::format("{}/assets/{}", pointer, k), "is " + describe_json(id),
                        "the id of an asset in this shard's \"assets\"");
        else
          set.push_back(id.get<std::string>());
      }
      std::uint64_t failed = 0;
      if (const Json* value = check.member(entry, pointer, "failed_runs"))
        failed = check.whole(*value, pointer + "/failed_runs", 0, length, expected_count);
      report.joint_sets.push_back(std::move(set));
      tally.joint_failed_runs.push_back(failed);
    }
  }
  read_histogram(check, json, "people", length, tally.people);
  if (const Json* upper = check.member(json, "", "people_hours_upper_bound_runs"))
    tally.people_hours_upper_bound_runs =
        check.whole(*upper, "/people_hours_upper_bound_runs", 0, length, expected_count);
  // An infinite horizon has no people-hours: null there, a histogram otherwise.
  if (const Json* hours = check.member(json, "", "people_hours")) {
    if (report.horizon == model::kNever && !hours->is_null())
      check.problem("/people_hours", "is " + describe_json(*hours), "null for an infinite horizon");
    else if (report.horizon != model::kNever)
      read_histogram(check, json, "people_hours", length, tally.people_hours);
  }
  if (check.failed()) return std::nullopt;
  return file;
}

}  // namespace knelpunt::cli
