#pragma once
/// Loads a model (docs/model.md) from a directory holding model.yaml, or from
/// one YAML file: includes, CSV tables, then validation. All problems of all
/// files are collected; the model is returned only when there are no errors.

#include <filesystem>
#include <optional>

#include "model/catalog_index.hpp"
#include "model/diagnostic.hpp"
#include "model/model.hpp"

namespace knelpunt::model {

struct LoadResult {
  std::optional<Model> model;  ///< set when diagnostics has no errors
  Diagnostics diagnostics;     ///< errors and warnings, sorted by location
};

/// `catalogs`: when given, `type`, `kind`, `process` and `threat` must name
/// entries in it. File names in diagnostics are relative to the model directory.
LoadResult load_model(const std::filesystem::path& path, const CatalogIndex* catalogs = nullptr);

}  // namespace knelpunt::model
