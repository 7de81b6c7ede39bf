#pragma once
/// Counter-based random numbers for Monte Carlo (docs/simulate.md, decision
/// 032): a draw is a pure function of (seed, run, stream key), so any run can
/// be computed on any thread, in any shard, in any order, and give the same
/// bits. The mixing function is SplitMix64's finaliser (Steele, Lea and
/// Flood 2014), applied in a chain over the three inputs. No state, no I/O.

#include <cstdint>
#include <string_view>

namespace knelpunt::engine {

/// SplitMix64's output function: a bijection of 64-bit words whose output
/// bits each depend on all input bits.
constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

/// 64 random bits for draw `key` of run `run` under `seed`. Distinct
/// (run, key) pairs give independent-looking words for every seed.
constexpr std::uint64_t counter_random(std::uint64_t seed, std::uint64_t run, std::uint64_t key) {
  constexpr std::uint64_t kGamma = 0x9e3779b97f4a7c15ULL;  // SplitMix64's increment
  std::uint64_t x = mix64(seed + kGamma);
  x = mix64(x ^ (run * kGamma + 0x632be59bd9b4e019ULL));
  x = mix64(x ^ key);
  return x;
}

/// The top 53 bits of `bits` as a double in [0, 1): every value a multiple
/// of 2^-53, so `unit_interval(b) < p` holds for a fraction ⌈p·2^53⌉/2^53
/// of all words (exactly p up to 2^-53).
constexpr double unit_interval(std::uint64_t bits) {
  return static_cast<double>(bits >> 11) * (1.0 / 9007199254740992.0);
}

/// A draw's stream key from an asset id (FNV-1a, 64 bit, then mixed): the
/// draws of an asset do not change when other assets are added to or
/// removed from the model, so two variants of a model share their random
/// numbers (common random numbers, decision 032).
constexpr std::uint64_t stream_key(std::string_view id) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : id) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return mix64(hash);
}

}  // namespace knelpunt::engine
