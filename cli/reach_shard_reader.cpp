#include "cli/reach_shard_reader.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "cli/shard_json_checker.hpp"
#include "model/bounded_json.hpp"

namespace knelpunt::cli {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kExpectedShard = "the output of knelpunt reach --shard I/N";

}  // namespace

std::optional<ReachShardFile> parse_reach_shard(std::string_view text, std::string& error) {
  error.clear();
  auto parsed = model::parse_bounded_json(text);
  if (!parsed.value) {
    error = fmt::format("malformed reach shard ({}{}); expected {}",
                        model::json_location_prefix(parsed), parsed.error, kExpectedShard);
    return std::nullopt;
  }
  const Json& json = *parsed.value;
  const auto format = json.is_object() ? json.find("format") : json.end();
  if (!json.is_object() || format == json.end() || !format->is_string() ||
      format->get_ref<const std::string&>() != "knelpunt-reach-shard/2") {
    error =
        "not a reach shard; expected JSON with \"format\": \"knelpunt-reach-shard/2\" (from "
        "knelpunt reach --shard I/N)";
    return std::nullopt;
  }
  ShardJsonChecker check(error, kExpectedShard);
  ReachShardFile file;
  constexpr std::uint64_t kMaxCount = std::numeric_limits<std::uint32_t>::max();
  if (const Json* shard = check.member(json, "", "shard")) {
    if (!shard->is_array() || shard->size() != 2) {
      check.problem("/shard", "is " + describe_json(*shard), "[I, N], shard I of N with 0 <= I < N");
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
  file.report.region = check.text(json, "", "region", false);
  if (const Json* horizon = check.member(json, "", "horizon_h")) {
    if (horizon->is_null())
      file.report.horizon = model::kNever;
    else
      file.report.horizon = check.non_negative(json, "", "horizon_h");
  }
  file.report.has_recovery = check.boolean(json, "", "has_recovery");
  // Absent in a shard written with --horizon by an earlier version: no own horizons.
  if (json.contains("profile")) file.report.profile = check.text(json, "", "profile", false);
  if (const Json* own = json.contains("own_horizons") ? check.member(json, "", "own_horizons") : nullptr) {
    if (!own->is_array())
      check.problem("/own_horizons", "is " + describe_json(*own), "an array of {process, horizon_h}");
    for (std::size_t i = 0; !check.failed() && own->is_array() && i < own->size(); ++i) {
      const std::string pointer = fmt::format("/own_horizons/{}", i);
      if (!(*own)[i].is_object()) {
        check.problem(pointer, "is " + describe_json((*own)[i]), "an object {process, horizon_h}");
        break;
      }
      assessors::ProcessHorizon horizon;
      horizon.process = check.text((*own)[i], pointer, "process", true);
      horizon.hours = check.non_negative((*own)[i], pointer, "horizon_h");
      // Absent in a shard of an earlier version: the text then names the process by its id.
      if ((*own)[i].contains("name")) {
        const Json* name = check.member((*own)[i], pointer, "name");
        if (name && name->is_object())
          file.report.process_names.emplace(horizon.process,
                                            assessors::LocalText{check.text(*name, pointer + "/name", "nl", true),
                                                                 check.text(*name, pointer + "/name", "en", true)});
        else if (name)
          check.problem(pointer + "/name", "is " + describe_json(*name), "an object {nl, en}");
      }
      file.report.own_horizons.push_back(std::move(horizon));
    }
  }
  if (const Json* assets = check.member(json, "", "assets")) {
    if (!assets->is_array())
      check.problem("/assets", "is " + describe_json(*assets), "an array of assets");
    for (std::size_t i = 0; !check.failed() && assets->is_array() && i < assets->size(); ++i) {
      const Json& entry = (*assets)[i];
      const std::string pointer = fmt::format("/assets/{}", i);
      if (!entry.is_object()) {
        check.problem(pointer, "is " + describe_json(entry),
                      "an object {asset, name, reach, people, people_upper_bound, population}");
        break;
      }
      ReachRow row;
      row.asset = check.text(entry, pointer, "asset", true);
      row.name = check.text(entry, pointer, "name", false);
      if (const Json* reach = check.member(entry, pointer, "reach"))
        row.reach = static_cast<std::uint32_t>(
            check.whole(*reach, pointer + "/reach", 0, kMaxCount,
                        fmt::format("a whole number of assets from 0 to {}", kMaxCount)));
      row.people = check.non_negative(entry, pointer, "people");
      row.people_upper_bound = check.boolean(entry, pointer, "people_upper_bound");
      row.population = check.non_negative(entry, pointer, "population");
      if (entry.contains("horizon_h")) row.horizon = check.non_negative(entry, pointer, "horizon_h");
      file.report.rows.push_back(std::move(row));
    }
  }
  if (check.failed()) return std::nullopt;
  return file;
}

}  // namespace knelpunt::cli
