// Fuzz target: an assessment profile (docs/assessors.md) with the built-in assessors known.
#include <cstdint>

#include "assessors/assessment.hpp"
#include "assessors/assessment_profile.hpp"
#include "fuzz_input_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto names = knelpunt::assessors::builtin_assessor_names();
  knelpunt::model::Diagnostics diagnostics;
  (void)knelpunt::assessors::read_assessment_profile(fuzz_input_file(data, size, "profile.yaml"),
                                                     names, diagnostics);
  return 0;
}
