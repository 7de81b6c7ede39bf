// Fuzz target: the KEV feed (docs/feeds.md) parsed, then looked up.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "catalogs/kev_catalog.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace knelpunt::catalogs;
  const auto parsed =
      parse_kev_catalog(std::string_view(reinterpret_cast<const char*>(data), size));
  if (parsed.catalog.has_value() == !parsed.error.empty())
    std::abort();  // contract: exactly one is set
  if (parsed.catalog) (void)find_kev_entries(*parsed.catalog, "Fortinet", "FortiOS");
  return 0;
}
