// Fuzz target: a reach shard (docs/reach.md) read as `knelpunt merge` does.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cli/reach_shard_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string error;
  const auto file = knelpunt::cli::parse_reach_shard(
      std::string_view(reinterpret_cast<const char*>(data), size), error);
  if (file.has_value() == !error.empty()) std::abort();  // contract: a file, or why not
  if (file && file->shard.index >= file->shard.count) std::abort();
  return 0;
}
