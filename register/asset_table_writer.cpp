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

std::string asset_table_csv(const std::vector<AssetRow>& rows, const Register& listed, const CsvOptions& options,
                            std::string_view lang) {
  std::string out;
  if (options.bom) out += "\xEF\xBB\xBF";
  CsvRowWriter row(out, options.separator);
  for (Label key : {Label::asset_column, Label::name, Label::asset_type, Label::sector, Label::vital_process,
                    Label::operator_name, Label::own_entry, Label::listed, Label::level, Label::likelihood,
                    Label::impact, Label::failing_assets, Label::people, Label::people_hours, Label::other_entries})
    row.text(label(key, lang));
  row.end();
  for (const auto& asset_row : rows) {
    const auto& asset = *asset_row.asset;
    row.text(asset.id);
    row.text(asset.name);
    row.text(asset.type);
    row.text(in_language(asset_row.sector_nl, asset_row.sector_en, lang));
    row.text(asset.process);
    row.text(asset.operator_name);
    if (const auto* risk = asset_row.own) {
      row.text(risk->id);
      row.text(label(asset_row.listed ? Label::yes : Label::no, lang));
      row.text(level_name(listed.diagram, risk->level, lang));
      row.text(std::string(1, catalogs::class_letter(risk->likelihood)));
      row.text(impact_class_cell(*risk, lang));
    } else {
      // No entry of its own: said in the entry column, so the empty scores have their reason.
      row.text(label(Label::none, lang));
      row.text(label(Label::no, lang));
      for (int empty = 0; empty < 3; ++empty) row.text("");
    }
    if (asset.is_virtual) {
      for (int empty = 0; empty < 3; ++empty) row.text("");
    } else {
      row.number(static_cast<double>(asset_row.failing_assets));
      row.number(asset_row.people);
      row.number(asset_row.people_hours);
    }
    row.number(static_cast<double>(asset_row.other_entries));
    row.end();
  }
  return out;
}

}  // namespace knelpunt::risk_register
