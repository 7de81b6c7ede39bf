#include "register/asset_table_writer.hpp"

#include <algorithm>
#include <map>

#include "assessors/impact_estimator.hpp"
#include "engine/parallel_for.hpp"
#include "register/csv_row_writer.hpp"
#include "register/register_texts.hpp"

namespace knelpunt::risk_register {

namespace {

/// What the table needs of one asset's own failure.
struct OwnFailure {
  std::size_t failing_assets = 0;
  double people = 0;
  double people_hours = 0;
};

/// Where an asset appears in the register: its own entry and how many others.
struct Appearance {
  const Risk* own = nullptr;
  bool listed = false;
  std::size_t others = 0;
};

void note_entries(const std::vector<Risk>& risks, bool listed, std::map<std::string, Appearance>& appearances) {
  for (const auto& risk : risks) {
    const auto& assets = risk.finding.assets;
    if (risk.finding.kind == "knelpunt" && assets.size() == 1) {
      auto& appearance = appearances[assets.front()];
      appearance.own = &risk;
      appearance.listed = listed;
      continue;
    }
    for (const auto& asset : assets) ++appearances[asset].others;
    // The assets whose redundancy a pair's local event defeats (decision 056).
    for (const auto& asset : risk.finding.concerns) ++appearances[asset].others;
  }
}

}  // namespace

std::vector<AssetRow> asset_table_rows(const Register& listed, const std::vector<Risk>& not_listed,
                                       const AssetTableInput& input) {
  const auto& model = input.model;
  std::map<std::string, Appearance> appearances;
  note_entries(listed.risks, true, appearances);
  note_entries(not_listed, false, appearances);

  // Every asset's own failure, as single-point's entries compute it.
  const assessors::ImpactEstimator impact(model, input.graph, input.reference, input.horizon, input.process_horizons);
  std::vector<OwnFailure> own(model.assets.size());
  engine::parallel_for(model.assets.size(), input.threads, [&](std::size_t a) {
    if (model.assets[a].is_virtual) return;
    const engine::Seed seed{static_cast<model::AssetIndex>(a), 0};
    const auto outcome = impact.outcome({&seed, 1}, assessors::OutcomeDetail::brief);  // the figures only
    own[a] = {outcome.affected_count, outcome.people_served, outcome.people_hours};
  });

  std::vector<std::size_t> by_id(model.assets.size());
  for (std::size_t a = 0; a < by_id.size(); ++a) by_id[a] = a;
  std::sort(by_id.begin(), by_id.end(), [&](auto a, auto b) { return model.assets[a].id < model.assets[b].id; });
  std::vector<AssetRow> rows;
  rows.reserve(by_id.size());
  for (const auto a : by_id) {
    const auto& asset = model.assets[a];
    AssetRow row;
    row.asset = &asset;
    if (const auto* process = input.reference.process(asset.process)) {
      row.sector_nl = process->sector;
      row.sector_en = process->sector_en;
    }
    if (const auto found = appearances.find(asset.id); found != appearances.end()) {
      row.own = found->second.own;
      row.listed = found->second.listed;
      row.other_entries = found->second.others;
    }
    row.failing_assets = own[a].failing_assets;
    row.people = own[a].people;
    row.people_hours = own[a].people_hours;
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string write_asset_table(const Register& listed, const std::vector<Risk>& not_listed,
                              const AssetTableInput& input, const CsvOptions& options, std::string_view lang) {
  return asset_table_csv(asset_table_rows(listed, not_listed, input), listed, options, lang);
}

std::vector<AssetCell> asset_cells(const AssetRow& row, const Register& reg, std::string_view lang) {
  using Kind = AssetCell::Kind;
  std::vector<AssetCell> cells;
  cells.reserve(kAssetColumns.size());
  const auto text = [&](std::string value) { cells.push_back({Kind::text, std::move(value)}); };
  const auto empty = [&](int count) { cells.insert(cells.end(), count, AssetCell{}); };
  const auto& asset = *row.asset;
  text(asset.id);
  text(asset.name);
  text(asset.type);
  text(std::string(in_language(row.sector_nl, row.sector_en, lang)));
  text(asset.process);
  text(asset.operator_name);
  if (const auto* risk = row.own) {
    text(risk->id);
    text(std::string(label(row.listed ? Label::yes : Label::no, lang)));
    cells.push_back({Kind::level, std::string(level_name(reg.diagram, risk->level, lang)), 0,
                     static_cast<std::size_t>(risk->level)});
    text(std::string(1, catalogs::class_letter(risk->likelihood)));
    text(impact_class_cell(*risk, lang));
  } else {
    // No entry of its own: said in the entry column, so the empty scores have their reason.
    text(std::string(label(Label::none, lang)));
    text(std::string(label(Label::no, lang)));
    empty(3);
  }
  if (asset.is_virtual) {
    empty(3);  // a virtual asset never fails itself
  } else {
    cells.push_back({Kind::count, {}, static_cast<double>(row.failing_assets)});
    cells.push_back({Kind::people, {}, row.people});
    cells.push_back({Kind::people, {}, row.people_hours});
  }
  cells.push_back({Kind::count, {}, static_cast<double>(row.other_entries)});
  return cells;
}

std::string asset_table_csv(const std::vector<AssetRow>& rows, const Register& listed, const CsvOptions& options,
                            std::string_view lang) {
  std::string out;
  if (options.bom) out += "\xEF\xBB\xBF";
  CsvRowWriter row(out, options.separator);
  for (const auto& column : kAssetColumns) row.text(label(column.heading, lang));
  row.end();
  for (const auto& asset_row : rows) {
    for (const auto& cell : asset_cells(asset_row, listed, lang)) {
      if (cell.kind == AssetCell::Kind::count || cell.kind == AssetCell::Kind::people)
        row.number(cell.value);
      else
        row.text(cell.text);
    }
    row.end();
  }
  return out;
}

}  // namespace knelpunt::risk_register
