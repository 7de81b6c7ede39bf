// Fuzz target: the EPSS feed (docs/feeds.md), gzip or plain CSV, parsed with
// a small inflate limit (so a gzip bomb costs little), then looked up.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "catalogs/epss_scores.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace knelpunt::catalogs;
  const auto parsed = parse_epss_scores(std::string_view(reinterpret_cast<const char*>(data), size),
                                        std::uint64_t{1} << 20);
  if (parsed.scores.has_value() == !parsed.error.empty())
    std::abort();  // contract: exactly one is set
  if (parsed.scores) (void)parsed.scores->lookup("CVE-2024-3400");
  return 0;
}
