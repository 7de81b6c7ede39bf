// Fuzz target: a register JSON read back as `knelpunt diff` does, then
// diffed against itself.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "register/register_diff.hpp"
#include "register/register_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace knelpunt::risk_register;
  const auto result = read_register_document(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
  if (result.document.has_value() == result.problems.has_errors())
    std::abort();  // contract: a document only without problems
  if (result.document) (void)diff_registers(*result.document, *result.document);
  return 0;
}
