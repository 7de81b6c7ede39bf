#pragma once
/// Reading back a partial result of `knelpunt reach --shard I/N`
/// (`knelpunt-reach-shard/1`, docs/reach.md) for `knelpunt merge`. A shard
/// may come from another machine or job, so it is checked like any untrusted
/// input (docs/security.md, Feeds and JSON): bounded JSON, every field of the
/// expected type and range, nothing allocated from a count in the file.

#include <optional>
#include <string>
#include <string_view>

#include "cli/reach_report.hpp"

namespace knelpunt::cli {

/// One parsed shard file.
struct ReachShardFile {
  ReachReport report;
  Shard shard;
  std::string digest;
};

/// Reads a shard file's JSON; on a problem, returns nothing and sets `error`
/// to where (a JSON pointer such as `/assets/3/reach`, or line and column for
/// a syntax error) what is wrong and what was expected. Refused: a shard
/// `[I, N]` without 0 <= I < N <= 2^32-1, a reach that is not a whole number
/// in 0..2^32-1, an impact or population that is negative or not finite, a
/// horizon that is neither null nor a non-negative number.
std::optional<ReachShardFile> parse_reach_shard(std::string_view text, std::string& error);

}  // namespace knelpunt::cli
