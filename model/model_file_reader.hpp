#pragma once
/// Reads one YAML file of a model into a fragment: its assets, scenarios,
/// includes, tables and population areas. Cross-file checks (duplicate ids, unknown suppliers,
/// catalogue references) are the validator's; this checks shape and values.

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "model/yaml_document.hpp"

namespace knelpunt::model {

/// A path written in a model file, with where it was written.
struct PathReference {
  std::string path;
  SourceLocation where;
};

/// What one file contributes to a model.
struct ModelFragment {
  std::optional<int> format_version;
  std::optional<Region> region;
  std::vector<PathReference> includes;
  std::optional<PathReference> assets_table;
  std::optional<PathReference> dependencies_table;
  std::optional<PathReference> areas_table;
  std::optional<PathReference> supplies_table;
  std::vector<Area> areas;
  std::vector<Asset> assets;
  std::vector<Scenario> scenarios;
};

/// `entry`: the model's own model.yaml (format version required, region allowed).
ModelFragment read_model_file(const YamlDocument& document, bool entry, Diagnostics& diagnostics);

/// Pieces of the model format read from a node of another document (the
/// measure files of docs/measures.md write assets, dependency groups and
/// cyber blocks exactly as a model does), with the model's checks.
std::vector<Asset> read_asset_list(const YamlDocument& document, YamlNodeId list, Diagnostics& diagnostics);
/// A dependency group of asset `owner`; nothing when it is unusable (errors reported).
std::optional<DependencyGroup> read_dependency_group(const YamlDocument& document, YamlNodeId node,
                                                     const std::string& owner, Diagnostics& diagnostics);
/// A `cyber` block of asset `owner`.
CyberProfile read_cyber_profile(const YamlDocument& document, YamlNodeId node, const std::string& owner,
                                Diagnostics& diagnostics);

/// Parses "id" or "id@T" (T a duration) as a scenario or `--fail` gives it.
/// Returns nothing when T is malformed.
std::optional<InitialFailure> parse_initial_failure(std::string_view text);

}  // namespace knelpunt::model
