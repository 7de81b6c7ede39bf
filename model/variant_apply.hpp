#pragma once
/// Applying a variant of a measure file (measure_file.hpp) to a model. The
/// changes run in file order on the model as loaded; every reference to an
/// asset, a dependency group (by its `kind` on that asset) or a supplier is
/// checked, and the changed model is validated like a loaded one
/// (validate_model), so a variant cannot produce a model that `validate`
/// would refuse. Errors are located in the measure file.

#include "model/catalog_index.hpp"
#include "model/measure_file.hpp"

namespace knelpunt::model {

/// Applies `variant` to `model` (a copy the caller owns). Returns false when
/// there were errors (all reported); `model` is then unspecified.
bool apply_variant(Model& model, const MeasureFile& file, const Variant& variant, const CatalogIndex* catalogs,
                   Diagnostics& diagnostics);

}  // namespace knelpunt::model
