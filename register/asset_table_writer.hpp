#pragma once
/// The table of every asset (`assess --knelpunten-csv`, docs/register.md):
/// one CSV row per asset, sorted by id, with what its own failure does
/// within the register's horizon (the same cascade, with restoration, that
/// the asset's knelpunt entry shows) and the entry that holds it, listed in
/// the register or not. For analysts: the register lists a few hundred
/// entries (register_selection.hpp); this table has them all.

#include <string>
#include <string_view>
#include <vector>

#include "assessors/horizon_resolution.hpp"
#include "catalogs/reference_data.hpp"
#include "model/dependency_graph.hpp"
#include "model/model.hpp"
#include "register/register_csv_writer.hpp"
#include "register/risk.hpp"

namespace knelpunt::risk_register {

/// The model the register was assessed on.
struct AssetTableInput {
  const model::Model& model;
  const model::DependencyGraph& graph;
  const catalogs::ReferenceData& reference;
  model::Hours horizon = 72;  ///< the register's horizon; finite
  /// The profile's horizons per vital process: an asset of such a process
  /// fails for that long, as in its knelpunt entry.
  std::vector<assessors::ProcessHorizon> process_horizons = {};
  unsigned threads = 1;       ///< the cascades run in parallel; the bytes do not depend on it
};

/// One asset's row: what the table says about it, in no language yet. The
/// pointers point into the model and the registers the rows were made from.
struct AssetRow {
  const model::Asset* asset = nullptr;
  std::string sector_nl, sector_en;  ///< its vital process's sector, or "" for none
  const Risk* own = nullptr;         ///< its own entry (the knelpunt whose subject is the asset alone), or none
  bool listed = false;               ///< `own` is listed in the register
  std::size_t failing_assets = 0;    ///< non-virtual assets failing when it fails, itself excluded
  double people = 0, people_hours = 0;
  std::size_t other_entries = 0;     ///< entries (pairs, zones, groups, scenarios) that name it besides its own
};

/// Every asset's row, sorted by asset id (the figures of a virtual asset are 0:
/// it never fails itself). `listed` are the register's entries, `not_listed`
/// what select_entries left out.
std::vector<AssetRow> asset_table_rows(const Register& listed, const std::vector<Risk>& not_listed,
                                       const AssetTableInput& input);

/// Columns: asset, name, type, sector, vital process, operator, own entry
/// (the knelpunt entry whose subject is the asset alone), listed (yes/no),
/// its level, likelihood and impact class, the assets failing when it fails
/// (non-virtual, itself excluded), the people in areas that lose a service,
/// people-hours, and the number of other entries (pairs, zones, groups,
/// scenarios) that name it. `listed` are the register's entries,
/// `not_listed` what select_entries left out.
std::string write_asset_table(const Register& listed, const std::vector<Risk>& not_listed,
                              const AssetTableInput& input, const CsvOptions& options, std::string_view lang);
/// The same table from rows made by asset_table_rows for `listed`.
std::string asset_table_csv(const std::vector<AssetRow>& rows, const Register& listed, const CsvOptions& options,
                            std::string_view lang);

}  // namespace knelpunt::risk_register
