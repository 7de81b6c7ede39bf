// Fuzz target: CSV bytes read as an asset table and as a dependency table.
#include <cstdint>
#include <string_view>

#include "model/csv_model_tables.hpp"
#include "model/csv_table.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace knelpunt::model;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  const auto table = CsvTable::parse(text, "fuzz.csv", diagnostics);
  std::vector<Asset> assets;
  read_asset_table(table, "fuzz.csv", assets, diagnostics);
  TableDependencies dependencies;
  read_dependency_table(table, "fuzz.csv", dependencies, diagnostics);
  return 0;
}
