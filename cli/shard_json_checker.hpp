#pragma once
/// Checking the JSON of a shard file (`reach --shard`, `simulate --shard`)
/// read back by `knelpunt merge`: a shard may come from another machine or
/// job, so every field is checked for type and range (docs/security.md,
/// Feeds and JSON), and the first problem becomes a message naming the
/// value by its JSON pointer and saying what was expected.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace knelpunt::cli {

/// A short description of a value for a message: numbers and short text as
/// written, anything else by its type (never dumped whole).
std::string describe_json(const nlohmann::json& value);

/// Collects the first problem in `error`; after one, accessors return
/// neutral values and callers stop at their next `failed()` check.
class ShardJsonChecker {
 public:
  /// `expected_document` ends the message of a missing member, e.g. "the
  /// output of knelpunt reach --shard I/N".
  ShardJsonChecker(std::string& error, std::string_view expected_document)
      : error_(error), expected_document_(expected_document) {}

  bool failed() const { return !error_.empty(); }

  /// Records "`pointer` `what`; expected `expected`" unless a problem is recorded already.
  void problem(const std::string& pointer, const std::string& what, std::string_view expected);

  /// The member `key` of `object` (at `pointer`), or nullptr after recording that it is missing.
  const nlohmann::json* member(const nlohmann::json& object, const std::string& pointer,
                               const char* key);

  /// A string member; with `non_empty`, the empty string is refused.
  std::string text(const nlohmann::json& object, const std::string& pointer, const char* key,
                   bool non_empty);

  /// A whole number in [minimum, maximum]; integers written as 3.0 are not whole numbers here.
  std::uint64_t whole(const nlohmann::json& value, const std::string& pointer,
                      std::uint64_t minimum, std::uint64_t maximum, std::string_view expected);

  /// A finite number >= 0 (member `key` of `object`).
  double non_negative(const nlohmann::json& object, const std::string& pointer, const char* key);

  /// A boolean member.
  bool boolean(const nlohmann::json& object, const std::string& pointer, const char* key);

  /// A finite number >= 0 (the value itself, at `pointer`).
  double non_negative_value(const nlohmann::json& value, const std::string& pointer);

 private:
  std::string& error_;
  std::string expected_document_;
};

}  // namespace knelpunt::cli
