#pragma once
/// The table of every asset (`assess --knelpunten-csv`, docs/register.md):
/// one CSV row per asset, sorted by id, with what its own failure does
/// within the register's horizon (the same cascade, with restoration, that
/// the asset's knelpunt entry shows) and the entry that holds it, listed in
/// the register or not. For analysts: the register lists a few hundred
/// entries (register_selection.hpp); this table has them all.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "assessors/horizon_resolution.hpp"
#include "catalogs/reference_data.hpp"
#include "model/dependency_graph.hpp"
#include "model/model.hpp"
#include "register/register_csv_writer.hpp"
#include "register/register_texts.hpp"
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

/// A column of the asset table: its heading and the width (in characters)
/// a spreadsheet gives it.
struct AssetColumn {
  Label heading;
  double width;
};

/// The asset table's columns in order, for every writer of the table (CSV,
/// the workbook's asset sheet): one list, so that they cannot drift apart.
inline constexpr std::array<AssetColumn, 15> kAssetColumns{{{Label::asset_column, 26},
                                                            {Label::name, 34},
                                                            {Label::asset_type, 16},
                                                            {Label::sector, 18},
                                                            {Label::vital_process, 18},
                                                            {Label::operator_name, 20},
                                                            {Label::own_entry, 17},
                                                            {Label::listed, 8},
                                                            {Label::level, 13},
                                                            {Label::likelihood, 7},
                                                            {Label::impact, 8},
                                                            {Label::failing_assets, 12},
                                                            {Label::people, 14},
                                                            {Label::people_hours, 14},
                                                            {Label::other_entries, 10}}};

/// One cell of an asset row, in no file format yet.
struct AssetCell {
  enum class Kind {
    text,    ///< `text`
    level,   ///< `text` is the level's name, `level` its rank in the diagram (lowest = 0)
    empty,   ///< no figure: the asset has no entry of its own, or is virtual
    count,   ///< `value` counts assets or entries
    people,  ///< `value` is people or people-hours
  };
  Kind kind = Kind::empty;
  std::string text;
  double value = 0;
  std::size_t level = 0;
};

/// The cells of `row` in kAssetColumns order, texts in `lang`; `reg` gives
/// the level names.
std::vector<AssetCell> asset_cells(const AssetRow& row, const Register& reg, std::string_view lang);

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
