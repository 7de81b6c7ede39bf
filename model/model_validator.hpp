#pragma once
/// Cross-file checks of a model once every file is read: unique ids,
/// suppliers that exist, catalogue references, scenario assets.

#include <vector>

#include "model/catalog_index.hpp"
#include "model/csv_model_tables.hpp"
#include "model/model.hpp"

namespace knelpunt::model {

/// Merges `table_dependencies` and `table_supplies` into their assets, sorts
/// assets, areas and scenarios by id, indexes the model and reports every
/// inconsistency. Assets and areas with a duplicate id are dropped after
/// being reported.
void validate_model(Model& model, TableDependencies table_dependencies,
                    const CatalogIndex* catalogs, Diagnostics& diagnostics,
                    std::vector<TableSupply> table_supplies = {});

}  // namespace knelpunt::model
