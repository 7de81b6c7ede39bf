// Fuzz target: a measure file (docs/measures.md) read and shape-checked.
// Any input must give diagnostics, never a crash or hang.
#include <cstdint>

#include "fuzz_input_file.hpp"
#include "model/measure_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  knelpunt::model::Diagnostics diagnostics;
  (void)knelpunt::model::read_measure_file(fuzz_input_file(data, size, "measures.yaml"),
                                           diagnostics);
  return 0;
}
