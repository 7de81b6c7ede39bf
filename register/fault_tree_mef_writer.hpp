#pragma once
/// A fault tree (engine/fault_tree.hpp) as Open-PSA Model Exchange Format
/// XML (`opsa-mef`), for `knelpunt export --format mef`
/// (docs/fault-tree-export.md, decision 031). Names are the asset ids,
/// encoded where MEF's identifier rules forbid them (mef_name); basic events
/// carry the asset's `p` as a float, or no expression when the model gives
/// none. Deterministic: no timestamps; the top gate first, then the other
/// gates by name, then the basic events by name.

#include <string>
#include <string_view>

#include "engine/fault_tree.hpp"
#include "model/model.hpp"

namespace knelpunt::risk_register {

/// An asset id as an MEF identifier: MEF names are XML NCNames without '.'
/// and without empty parts between '-'. Ids that obey that stay as they are;
/// otherwise '_' becomes "__", '.' "_p", a '-' that follows another '-' or
/// ends the id "_m", and a leading digit gets a '_' before it. The encoding
/// is injective and never yields "_w" or "_b", which gate names use.
std::string mef_name(std::string_view id);

/// The name of the gate "asset fails within budget": `<asset>_within-<budget>`,
/// the budget as `72h`, `1h30m`, `0h` or `inf` (seconds when not whole minutes).
std::string mef_state_gate_name(std::string_view asset_id, model::Hours budget);

/// The whole MEF document of `tree`, the failure of `target` within `horizon`.
/// `model` and the tree's graph share asset indices.
std::string write_fault_tree_mef(const model::Model& model, const engine::FaultTree& tree,
                                 model::AssetIndex target, model::Hours horizon);

}  // namespace knelpunt::risk_register
