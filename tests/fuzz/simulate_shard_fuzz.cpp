// Fuzz target: a simulate shard (docs/simulate.md) read as `knelpunt merge` does.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "cli/simulate_shard_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string error;
  const auto file = knelpunt::cli::parse_simulate_shard(
      std::string_view(reinterpret_cast<const char*>(data), size), error);
  if (file.has_value() == !error.empty()) std::abort();  // contract: a file, or why not
  if (!file) return 0;
  // What the reader promises merge: counts within the shard's runs, histogram adding up to them.
  const auto& tally = file->report.tally;
  if (file->shard.index >= file->shard.count) std::abort();
  if (tally.failed_runs.size() != file->report.assets.size()) std::abort();
  for (const auto runs : tally.failed_runs)
    if (runs > tally.runs) std::abort();
  if (tally.joint_failed_runs.size() != file->report.joint_sets.size()) std::abort();
  for (std::size_t s = 0; s < tally.joint_failed_runs.size(); ++s)
    if (tally.joint_failed_runs[s] > tally.runs || file->report.joint_sets[s].empty()) std::abort();
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < tally.people.size(); ++i) {
    if (i > 0 && !(tally.people[i - 1].people < tally.people[i].people)) std::abort();
    total += tally.people[i].runs;
  }
  if (total != tally.runs) std::abort();
  return 0;
}
