#pragma once
/// A measure file (docs/measures.md): named variants of a model, each a list
/// of changes (add or remove assets, suppliers and dependency groups; set
/// need, time_to_impact, type, p, served population; change cyber
/// attributes and controls), an optional event sequence (failures at times,
/// for `whatif`) and an optional cost in euro. Reading checks the file's
/// shape; the changes are checked against a model when a variant is applied
/// (variant_apply.hpp), with file:line:col locations in the measure file.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/model.hpp"
#include "model/yaml_document.hpp"

namespace knelpunt::model {

/// The change operations, as written (one key per change).
inline constexpr std::string_view kChangeOperations[] = {
    "add_assets",  "remove_assets", "add_dependency", "remove_dependency", "add_supplier",
    "remove_supplier", "set",      "set_cyber",      "add_controls",      "remove_controls"};

/// One change: its operation and the YAML node of its arguments.
struct ModelChange {
  std::string operation;  ///< one of kChangeOperations
  YamlNodeId arguments = kNoYamlNode;
  SourceLocation where;
};

struct Variant {
  std::string id;
  std::string title;
  std::optional<double> cost;          ///< euro, when given
  std::vector<ModelChange> changes;    ///< in file order
  std::vector<InitialFailure> events;  ///< the event sequence, when given
  SourceLocation where;
};

struct MeasureFile {
  std::shared_ptr<const YamlDocument> document;  ///< the changes' arguments point into it
  std::vector<Variant> variants;                 ///< in file order; ids unique
  /// The variant with this id, or nullptr.
  const Variant* find(std::string_view id) const;
};

/// Reads and shape-checks a measure file; nothing when it has errors (all
/// reported in `diagnostics`).
std::optional<MeasureFile> read_measure_file(const std::filesystem::path& path, Diagnostics& diagnostics);

}  // namespace knelpunt::model
