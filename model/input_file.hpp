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
#include "model/input_limits.hpp"

namespace knelpunt::model {

/// What a caller reads, for the messages: "cannot read {what} (reason);
/// expected {expected}".
struct InputFileKind {
  std::string_view what;      ///< e.g. "the measure file"; "" for plain "cannot read (…)"
  std::string_view expected;  ///< e.g. "a readable YAML file (docs/measures.md)"
  InputLimit limit = InputLimit::yaml;  ///< whose limit applies (input_limits.hpp)
};

/// A file read whole, or why not.
struct InputFileText {
  std::optional<std::string> text;  ///< the file's bytes, when it could be read
  Diagnostic problem;               ///< when `text` is empty: an error located at the file
};

/// Reads `path` whole. Fails, with an error whose location is `path` and whose
/// message says what is wrong and what was expected, when the file cannot be
/// opened or read (the system's reason in parentheses), is not a regular file,
/// or holds more than input_limit(kind.limit) bytes (checked before reading,
/// and again while reading; the message says how to raise the limit).
/// Never blocks on a FIFO.
InputFileText read_input_file(const std::filesystem::path& path, const InputFileKind& kind);

}  // namespace knelpunt::model
