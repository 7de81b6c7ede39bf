#pragma once
/// Reads the ids of the shipped catalogues that model references are
/// checked against (asset types, resource kinds, vital processes, threats).

#include <filesystem>

#include "model/catalog_index.hpp"
#include "model/diagnostic.hpp"

namespace knelpunt::catalogs {

/// Reads asset-types.yaml, resource-kinds.yaml, vital-processes.yaml and
/// threats.yaml from `catalog_dir`. Problems become diagnostics with file:line:col.
model::CatalogIndex load_catalog_index(const std::filesystem::path& catalog_dir, model::Diagnostics& diagnostics);

}  // namespace knelpunt::catalogs
