// Fuzz target: durations, initial failures (ID@T) and numbers.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model/duration.hpp"
#include "model/model_file_reader.hpp"
#include "model/yaml_fields.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace knelpunt::model;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto hours = parse_duration(text, true)) {
    if (!(*hours >= 0)) std::abort();  // contract: never negative, never NaN
    (void)format_hours(*hours);
  }
  (void)parse_initial_failure(text);
  (void)parse_number(text);
  return 0;
}
