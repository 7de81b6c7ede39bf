// Fuzz target: a model entry file's `catalogs:` block (docs/catalogs.md)
// applied to the shipped catalogues, then the typed reference data read from
// the result, as `load_model_checked` does.
#include <cstdint>
#include <cstdlib>

#include "catalogs/catalog_set.hpp"
#include "catalogs/reference_data.hpp"
#include "fuzz_input_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace knelpunt;
  static const catalogs::CatalogSet shipped = [] {
    model::Diagnostics diagnostics;
    auto set = catalogs::load_catalog_set(std::filesystem::path(KNELPUNT_SOURCE_DIR) / "catalogs",
                                          diagnostics);
    if (diagnostics.has_errors()) std::abort();  // the harness needs the shipped catalogues
    return set;
  }();
  catalogs::CatalogSet set = shipped;
  model::Diagnostics diagnostics;
  catalogs::apply_model_overrides(set, fuzz_input_file(data, size, "model.yaml"), "model.yaml",
                                  diagnostics);
  if (!diagnostics.has_errors()) (void)catalogs::read_reference_data(set, diagnostics);
  return 0;
}
