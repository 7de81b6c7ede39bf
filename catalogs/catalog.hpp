#pragma once
/// A reference catalogue (catalogs/<name>.yaml, docs/catalogs.md) read
/// generically: its frame (`catalog`, `version`, `source`), its `entries`
/// keyed by id, and any further top-level keys (`baselines`, `classes`, …).
/// Values are kept as JSON in file order so that `catalog show` can print
/// them as written; the typed views (scoring_method.hpp, reference_data.hpp)
/// read from here.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/diagnostic.hpp"
#include "model/yaml_document.hpp"

namespace knelpunt::catalogs {

using Json = nlohmann::ordered_json;

/// One catalogue entry: its id, every field (the id included), and where it was written.
struct CatalogEntry {
  std::string id;
  Json fields;
  model::SourceLocation where;
};

struct Catalog {
  std::string name;  ///< the `catalog:` value, equal to the file name without .yaml
  int version = 0;
  Json source;                        ///< the `source:` block (an object), or null
  std::vector<CatalogEntry> entries;  ///< in file order; ids unique
  Json extra = Json::object();        ///< other top-level keys, in file order
  std::map<std::string, model::SourceLocation, std::less<>> extra_where;  ///< where each extra key was set
  model::SourceLocation where;        ///< the file
  std::vector<std::string> overridden_by;  ///< model files that changed this catalogue, sorted

  /// Where extra key `key` was set (the file when unknown).
  model::SourceLocation where_of(std::string_view key) const;

  /// The entry with this id, or nullptr.
  const CatalogEntry* find(std::string_view id) const;
  /// The whole catalogue as one JSON object (frame, extra keys, entries).
  Json to_json() const;
};

/// Converts a YAML node to JSON: plain scalars that read as numbers, true/false
/// or null become those; quoted scalars stay strings. Mappings keep file order.
Json yaml_to_json(const model::YamlDocument& document, model::YamlNodeId node);

/// Reads one catalogue file. `expected_name` is the name the file must
/// declare in `catalog:`. Problems become diagnostics with file:line:col;
/// the catalogue returned then holds what could be read.
Catalog read_catalog_file(const std::filesystem::path& file, std::string_view expected_name,
                          model::Diagnostics& diagnostics);

/// Reads the entries of a catalogue from a YAML list (`entries` of a file, or
/// a model's override list) into `entries`, reporting entries without a
/// valid id and duplicate ids.
void read_catalog_entries(const model::YamlDocument& document, model::YamlNodeId list, std::string_view what,
                          std::vector<CatalogEntry>& entries, model::Diagnostics& diagnostics);

}  // namespace knelpunt::catalogs
