#pragma once
/// Reading back a partial result of `knelpunt simulate --shard I/N`
/// (`knelpunt-simulate-shard/1`, docs/simulate.md) for `knelpunt merge`.
/// Checked like any untrusted input (docs/security.md, Feeds and JSON):
/// bounded JSON, every field of the expected type and range, counts
/// consistent with the shard's run range, nothing allocated from a count in
/// the file.

#include <optional>
#include <string>
#include <string_view>

#include "cli/simulate_report.hpp"

namespace knelpunt::cli {

/// One parsed shard file: the report holds the shard's own counts
/// (`tally.runs` = its run range's length) and the whole simulation's `runs`.
struct SimulateShardFile {
  SimulateReport report;
  Shard shard;
  std::string digest;
};

/// True when `text` is JSON whose "format" is "knelpunt-simulate-shard/1"
/// (so `merge` knows which kind of shards it was given).
bool is_simulate_shard(std::string_view text);

/// Reads a shard file's JSON; on a problem, returns nothing and sets `error`
/// to where (a JSON pointer, or line and column for a syntax error) what is
/// wrong and what was expected. Refused besides wrong types: a shard `[I, N]`
/// without 0 <= I < N <= 2^32-1, runs outside 1..10^9, a run range other
/// than [runs·I/N, runs·(I+1)/N), a count above the range's length, a
/// histogram not strictly ascending or whose counts do not add up to it.
std::optional<SimulateShardFile> parse_simulate_shard(std::string_view text, std::string& error);

}  // namespace knelpunt::cli
