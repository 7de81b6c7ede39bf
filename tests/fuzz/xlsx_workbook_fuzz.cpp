// Fuzz target: an Excel register read back by `tracking import` (zip with
// minizip, XML with expat, the tracking columns; docs/security.md).
#include <cstdint>
#include <string_view>

#include "register/tracking_workbook.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  knelpunt::model::Diagnostics diagnostics;
  (void)knelpunt::risk_register::read_tracking_workbook(
      std::string_view(reinterpret_cast<const char*>(data), size), "register.xlsx", diagnostics);
  return 0;
}
