#pragma once
/// The ids that model references are checked against. Filled by the caller
/// (cli/ loads it from catalogs/), so model/ does not depend on catalogs/.

#include <map>
#include <set>
#include <string>
#include <vector>

namespace knelpunt::model {

struct CatalogIndex {
  std::set<std::string, std::less<>> asset_types;
  std::set<std::string, std::less<>> resource_kinds;
  /// Resource kinds with `grounded: false`, where mutual support is real
  /// (docs/model.md, Supply from sources); copied to Model::ungrounded_kinds.
  std::set<std::string, std::less<>> ungrounded_resource_kinds;
  std::set<std::string, std::less<>> vital_processes;
  std::set<std::string, std::less<>> threats;
  /// Control ids (catalogs/controls.yaml); empty = controls are not checked.
  std::set<std::string, std::less<>> controls;
  /// Per asset type, the resource kinds it typically depends on (`needs` in
  /// catalogs/asset-types.yaml), in catalogue order; the model validator
  /// warns when an asset of the type has no dependency group of one.
  std::map<std::string, std::vector<std::string>, std::less<>> type_needs;
};

}  // namespace knelpunt::model
