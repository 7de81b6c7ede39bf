#pragma once
/// The size limits of knelpunt's inputs, by kind (docs/security.md, "Input
/// limits"): defaults that bound memory on hostile or mistaken input and lie
/// far above any real file of that kind, raised or lowered for a run with
/// `KNELPUNT_INPUT_LIMITS="yaml=128MiB,csv=2GiB"`. cli/ sets them once, before
/// any input is read or any thread starts; everything else only reads them.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace knelpunt::model {

/// A kind of input with a size limit of its own.
enum class InputLimit : std::uint8_t {
  yaml,           ///< a YAML file: model.yaml, include, measure file, profile, tracking file, catalogue
  csv,            ///< a model's CSV table
  feed,           ///< a cached feed payload (KEV JSON, gzipped EPSS CSV)
  feed_metadata,  ///< a feed cache's metadata file
  register_json,  ///< a register JSON read back (`diff`, `assess --previous`)
  workbook,       ///< an Excel register read by `tracking import`
  shard,          ///< a reach or simulate shard read by `merge`
  mef,            ///< an Open-PSA MEF XML file read by `import mef`
};

/// One kind's limit: its key in KNELPUNT_INPUT_LIMITS, its default and the
/// most it may be raised to (what the reader's data structures can address).
struct InputLimitSpec {
  InputLimit limit;
  std::string_view key;            ///< "yaml", "csv", "feed", "feed-metadata", "register", "workbook", "shard", "mef"
  std::uint64_t default_bytes;
  std::uint64_t ceiling_bytes;
};

/// Every kind, in the order of InputLimit.
std::span<const InputLimitSpec> input_limit_specs();

/// The limit in force for `limit`, in bytes.
std::uint64_t input_limit(InputLimit limit);

/// The key of `limit` in KNELPUNT_INPUT_LIMITS ("yaml").
std::string_view input_limit_key(InputLimit limit);

/// Sets limits from `spec`: comma-separated `key=SIZE`, SIZE a whole number
/// of bytes, optionally followed by KiB, MiB or GiB (1 ≤ SIZE ≤ the kind's
/// ceiling). Kinds not named keep their default. Returns "" when every part
/// was taken, else what is wrong and what was expected (nothing is set then).
/// Not thread-safe: call before reading inputs.
std::string set_input_limits(std::string_view spec);

/// Puts every limit back to its default (for tests).
void reset_input_limits();

/// "64 MiB", "1 GiB", "1000 bytes": a limit as people read it.
std::string byte_size_text(std::uint64_t bytes);

}  // namespace knelpunt::model
