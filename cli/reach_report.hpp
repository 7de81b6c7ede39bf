#pragma once
/// The N-1 reach report, shared by `reach` (one machine or one shard) and
/// `merge` (shards combined), so that both print the same bytes.

#include <functional>
#include <nlohmann/json.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assessors/assessment_profile.hpp"
#include "assessors/finding.hpp"
#include "model/diagnostic.hpp"
#include "model/duration.hpp"

namespace knelpunt::cli {

/// One non-virtual asset's reach.
struct ReachRow {
  std::string asset;
  std::string name;
  std::uint32_t reach = 0;
  /// The people affected when the asset fails alone, each counted once
  /// (engine/affected_people.hpp): the asset's own areas and those of the
  /// assets failing with it, as the register counts them.
  double people = 0;
  bool people_upper_bound = false;  ///< an asset without areas counts its own population
  double population = 0;            ///< the asset's own `serves: population`
  /// Set when the row counts within its vital process's own horizon (profile
  /// `horizons:`), not the table's, as the register counts it (decision 048).
  std::optional<model::Hours> horizon;
};

struct ReachReport {
  std::string region;  ///< the region's name; empty: rendered as "het model" / "the model"
  model::Hours horizon = 72;
  /// Some asset of the model has a `recovery`: with a finite horizon the
  /// rows were counted with repairs (assessors/register_reach.hpp), as the
  /// register and `--asset` count, and the text says so (docs/reach.md).
  bool has_recovery = false;
  /// Vital processes of the model's assets whose own horizon (profile
  /// `horizons:`) differs from `horizon`: their assets' rows count within it,
  /// as the register, whatif and --asset do (decisions 045, 048), and the
  /// text says so. Empty with --horizon.
  std::vector<assessors::ProcessHorizon> own_horizons;
  /// The names of own_horizons' processes (vital-processes catalogue), by
  /// id, as the register names them; a process without one shows its id.
  std::map<std::string, assessors::LocalText, std::less<>> process_names;
  std::string profile;  ///< the profile those horizons come from
  std::vector<ReachRow> rows;  ///< any order; render sorts
};

/// Sorts rows: reach descending, then people descending, then id — the
/// order of engine::reaches_further, on rows that a merge of shards holds
/// without asset indices.
void sort_reach_rows(std::vector<ReachRow>& rows);

/// The text table of the `top` rows (0: 20), in `lang` ("nl" or "en"; numbers
/// and durations in that language's format, model/text_format.hpp).
std::string render_reach_text(const ReachReport& report, std::size_t top, std::string_view lang);
/// `knelpunt-reach/2` with the `top` rows (0: all).
std::string render_reach_json(const ReachReport& report, std::size_t top);
/// The same text handed to `write` in pieces, in order, stopping when it
/// returns false: for an output file, without holding the whole text.
void write_reach_json(const ReachReport& report, std::size_t top,
                      const std::function<bool(std::string_view)>& write);
/// The same for `count` rows made one at a time by `row_at(i)`, in the order
/// shown: for a table too large to copy beside its model (a national reach).
void write_reach_json(model::Hours horizon, std::size_t count,
                      const std::function<ReachRow(std::size_t)>& row_at,
                      const std::function<bool(std::string_view)>& write);

/// `reach --asset`: one asset's reach and people (its own cascade, as the
/// register counts them) and the assets that fail (ids in ascending order).
struct AssetReachReport {
  std::string region;
  model::Hours horizon = 72;
  ReachRow row;
  std::vector<std::string> failed;
};
/// The one asset's line, then the ids of the assets that fail; in `lang`.
std::string render_asset_reach_text(const AssetReachReport& report, std::string_view lang);
/// `knelpunt-reach/2` with the one row and its `failed` ids.
std::string render_asset_reach_json(const AssetReachReport& report);

/// A shard I of N (0 ≤ I < N), parsed from "I/N".
struct Shard {
  std::uint32_t index = 0;
  std::uint32_t count = 1;
};
std::optional<Shard> parse_shard(const std::string& text);

/// `knelpunt-reach-shard/2`: the rows of one shard, with what merge checks.
std::string render_reach_shard(const ReachReport& report, const Shard& shard, const std::string& digest);

}  // namespace knelpunt::cli
