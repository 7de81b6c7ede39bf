#pragma once
/// The ids that model references are checked against. Filled by the caller
/// (cli/ loads it from catalogs/), so model/ does not depend on catalogs/.

#include <set>
#include <string>

namespace knelpunt::model {

struct CatalogIndex {
  std::set<std::string, std::less<>> asset_types;
  std::set<std::string, std::less<>> resource_kinds;
  std::set<std::string, std::less<>> vital_processes;
  std::set<std::string, std::less<>> threats;
  /// Control ids (catalogs/controls.yaml); empty = controls are not checked.
  std::set<std::string, std::less<>> controls;
};

}  // namespace knelpunt::model
