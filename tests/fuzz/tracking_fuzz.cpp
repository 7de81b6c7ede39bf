// Fuzz target: a tracking file (docs/register.md) read with two criteria known.
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_input_file.hpp"
#include "register/tracking.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<std::string> criteria{"slachtoffers", "economie"};
  knelpunt::model::Diagnostics diagnostics;
  (void)knelpunt::risk_register::read_tracking_file(fuzz_input_file(data, size, "tracking.yaml"),
                                                    diagnostics, criteria);
  return 0;
}
