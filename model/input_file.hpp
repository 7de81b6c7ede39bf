#pragma once
/// Reading an input file whole, bounded: the one place where knelpunt reads
/// a file it was given (models, CSV tables, measure files, profiles, tracking
/// files, catalogues, the feed cache, registers, reach shards). It refuses
/// what is not a regular file (a directory, a FIFO, a device: a FIFO must not
/// make a run hang), checks the size against a limit per kind of input
/// before reading, and reads at most limit + 1 bytes, so a file that grows
/// while it is read cannot take all memory either.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"

namespace knelpunt::model {

/// Size limits per kind of input, in bytes. They bound memory on hostile or
/// mistaken input and lie far above any real file of that kind.
/// A YAML file (model, include, measure file, profile, tracking file,
/// catalogue): the YAML parser's own limit (YamlDocument::kMaxBytes).
inline constexpr std::uint64_t kMaxYamlFileBytes = std::uint64_t{64} << 20;
/// A model's CSV table: bulk inventories go here rather than in YAML; cells
/// are addressed with 32-bit offsets (csv_table.hpp), so well below 4 GiB.
inline constexpr std::uint64_t kMaxCsvTableBytes = std::uint64_t{1} << 30;
/// A cached feed payload (KEV JSON, gzipped EPSS CSV): downloads are limited
/// to 64 MiB by default and can be raised (KNELPUNT_FETCH_MAX_BYTES, docs/feeds.md).
inline constexpr std::uint64_t kMaxFeedPayloadBytes = std::uint64_t{1} << 30;
/// A feed cache's metadata file (a small JSON object).
inline constexpr std::uint64_t kMaxFeedMetadataBytes = std::uint64_t{1} << 20;
/// A register JSON file read back by `knelpunt diff` (docs/register.md).
inline constexpr std::uint64_t kMaxRegisterFileBytes = std::uint64_t{256} << 20;
/// A partial result of `knelpunt reach --shard I/N` (docs/reach.md): one row
/// per asset, so it grows with the region.
inline constexpr std::uint64_t kMaxReachShardBytes = std::uint64_t{1} << 30;

/// What a caller reads, for the messages: "cannot read {what} (reason);
/// expected {expected}".
struct InputFileKind {
  std::string_view what;      ///< e.g. "the measure file"; "" for plain "cannot read (…)"
  std::string_view expected;  ///< e.g. "a readable YAML file (docs/measures.md)"
  std::uint64_t max_bytes = kMaxYamlFileBytes;
};

/// A file read whole, or why not.
struct InputFileText {
  std::optional<std::string> text;  ///< the file's bytes, when it could be read
  Diagnostic problem;               ///< when `text` is empty: an error located at the file
};

/// Reads `path` whole. Fails, with an error whose location is `path` and whose
/// message says what is wrong and what was expected, when the file cannot be
/// opened or read (the system's reason in parentheses), is not a regular file,
/// or holds more than `kind.max_bytes` bytes (checked before reading, and
/// again while reading). Never blocks on a FIFO.
InputFileText read_input_file(const std::filesystem::path& path, const InputFileKind& kind);

}  // namespace knelpunt::model
