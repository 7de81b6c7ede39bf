#pragma once
/// The allowed range of every integer option (docs/security.md, Command
/// line). CLI11 checks them with CLI::Range, so a value outside — or one that
/// does not fit the type at all, such as --top 99999999999999999999999 — is
/// refused with exit 2 and a message that names the range, instead of being
/// cut to the type's largest value.

#include <cstddef>
#include <cstdint>

namespace knelpunt::cli {

/// --threads: at least one; more than 1024 only costs memory (parallel_for
/// never uses more threads than there is work).
inline constexpr unsigned kMinThreads = 1;
inline constexpr unsigned kMaxThreads = 1024;
/// --top N (reach, merge): far above any region's asset count.
inline constexpr std::size_t kMaxTop = 1'000'000'000;
/// graph --depth: steps up and down from --focus; 0 is the asset alone.
inline constexpr int kMaxGraphDepth = 1'000'000'000;
/// cutsets --max-order: 0 means no limit, so larger values add nothing.
inline constexpr std::uint32_t kMaxCutSetOrder = 1'000'000;
/// simulate --runs: 10^9 runs is days of work on one machine; the bound also
/// keeps runs · shard index (below 2^32) within 64 bits (cli/simulate_report.hpp).
inline constexpr std::uint64_t kMinRuns = 1;
inline constexpr std::uint64_t kMaxRuns = 1'000'000'000;

}  // namespace knelpunt::cli
