#pragma once
/// One register entry per knelpunt (docs/register.md, "One entry per
/// knelpunt"). Several analyses report on the same asset: it is a single
/// point of failure (single-point), its loss reaches far (cascade-reach), it
/// is exposed to cyber attack (cyber-exposure), it lacks controls
/// (missing-controls). As separate entries the same asset appeared up to
/// five times with the same impact and different likelihoods, and a board
/// could not tell what to decide on. Here those findings become one finding
/// about the asset:
/// - its impact, affected assets, chain and timeline are those of the
///   asset's own failure cascade (taken from the first finding in the order
///   single-point, cascade-reach, cyber-exposure, missing-controls; they all
///   describe the same cascade within the same horizon);
/// - its likelihood is the highest of the findings' likelihoods (the
///   governing threat), with every other one listed in the rationale;
/// - each finding's title and evidence become evidence lines, the known
///   exploited vulnerabilities and the measures are united.
/// A zone that holds one (non-virtual) object is that object: its loss is
/// the object's own failure cascade, for a local threat, so the zone's
/// finding is merged into the object's entry like the others (kind "zone",
/// last in the order; decision 053).
/// Pairs (common-cause), co-located groups, zones of several objects and
/// scenarios stay entries of their own: their subject is not one asset. A
/// local event that takes down exactly a pair's assets joins the pair's
/// entry, and several findings of one local event are one entry
/// (co_located_entries.hpp). A scenario names the knelpunten its cascade
/// passes through (build_register adds that).

#include <string>
#include <vector>

#include "assessors/finding.hpp"
#include "model/model.hpp"

namespace knelpunt::risk_register {

/// The kinds whose subject is always one asset (`assets` names it), merged per asset.
bool is_asset_kind(std::string_view kind);

/// The findings after merging, each with the analyses it came from and the
/// ids its parts had as separate entries (for tracking files written before).
struct KnelpuntFindings {
  std::vector<assessors::Finding> findings;
  std::vector<std::vector<std::string>> analyses;  ///< per finding: assessors, in the findings' order, unique
  std::vector<std::vector<std::string>> replaces;  ///< per finding: ids of the parts, and a co-located entry's ids before decision 058 (empty when neither), sorted
  /// Per finding: the indices of its evidence lines that are its parts' titles
  /// (one per analysis: what each found, in a line); empty when not merged.
  std::vector<std::vector<std::size_t>> headlines;
};

/// Merges the asset findings per asset (kind "knelpunt", assessor
/// "knelpunt", assets = [the asset]); keeps the others as they are, in
/// their order. A merged finding stands where the asset's first finding
/// stood. `model` names the assets in titles.
KnelpuntFindings merge_knelpunten(std::vector<assessors::Finding> findings, const model::Model& model);

}  // namespace knelpunt::risk_register
