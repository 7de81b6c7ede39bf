#pragma once
/// What `cutsets` prints: the minimal cut sets of a target within a horizon,
/// optionally with its failure probability and the importance of each asset
/// (docs/cut-sets.md), as text or JSON (`knelpunt-cutsets/1`).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cli/model_input.hpp"
#include "engine/cut_sets.hpp"
#include "engine/probability.hpp"

namespace knelpunt::cli {

/// What was asked: the target and the limits the cut sets were computed with.
struct CutSetsQuery {
  model::AssetIndex target = model::kNoIndex;
  std::string target_id;        ///< as given with --target
  std::uint32_t max_order = 2;  ///< 0: no limit
  model::Hours horizon = 72;
};

/// The sets by order (order 1: single points of failure, order 2:
/// common-cause pairs), then the probability and the importance table; in
/// `lang` ("nl" or "en"; numbers and durations in that language's format).
std::string render_cutsets_text(const LoadedModel& loaded, const CutSetsQuery& query, const engine::CutSets& cut_sets,
                                const std::optional<engine::ProbabilityResult>& probability, std::string_view lang);

/// `knelpunt-cutsets/1`; an infinite horizon and importance values that are
/// not finite are null.
std::string render_cutsets_json(const LoadedModel& loaded, const CutSetsQuery& query, const engine::CutSets& cut_sets,
                                const std::optional<engine::ProbabilityResult>& probability);

}  // namespace knelpunt::cli
