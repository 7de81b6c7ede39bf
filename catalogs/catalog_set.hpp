#pragma once
/// The effective catalogues of a run: the shipped ones (catalogs/*.yaml)
/// with a model's `catalogs:` overrides applied (docs/catalogs.md).

#include <array>
#include <filesystem>
#include <string_view>
#include <vector>

#include "catalogs/catalog.hpp"
#include "model/catalog_index.hpp"
#include "model/diagnostic.hpp"

namespace knelpunt::catalogs {

/// Every shipped catalogue, in the order `knelpunt catalog list` shows them.
inline constexpr std::array<std::string_view, 6> kCatalogNames = {
    "vital-processes", "asset-types", "resource-kinds", "threats", "controls", "scoring"};

struct CatalogSet {
  std::vector<Catalog> catalogs;  ///< in kCatalogNames order

  /// The catalogue with this name, or nullptr.
  const Catalog* find(std::string_view name) const;
  Catalog* find(std::string_view name);
  /// The ids model references are checked against.
  model::CatalogIndex index() const;
};

/// Reads every catalogue of kCatalogNames from `catalog_dir`.
CatalogSet load_catalog_set(const std::filesystem::path& catalog_dir, model::Diagnostics& diagnostics);

/// Applies the `catalogs:` block of a model's entry file (model.yaml of a
/// model directory, or the model file itself) to `set`:
///   catalogs:
///     threats: [ {id: …, …} ]         a list: entries added, or replacing the entry with that id
///     scoring: {likelihood: {…}}      a mapping: `entries` merged as above, other keys replace the shipped key
/// `display_name` is how diagnostics name the file. A model without the
/// block changes nothing. Unknown catalogue names are errors with a hint.
void apply_model_overrides(CatalogSet& set, const std::filesystem::path& model_entry_file, const std::string& display_name,
                           model::Diagnostics& diagnostics);

}  // namespace knelpunt::catalogs
