#pragma once
/// Typed reading of YAML nodes with diagnostics: every accessor reports what
/// it found and what it expected at the node's file:line:col, and returns
/// nothing on a mismatch so that the caller can go on to the next field.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/yaml_document.hpp"

namespace knelpunt::model {

class YamlFields {
 public:
  YamlFields(const YamlDocument& document, Diagnostics& diagnostics)
      : document_(document), diagnostics_(diagnostics) {}

  const YamlDocument& document() const { return document_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  SourceLocation where(YamlNodeId node) const { return document_.location(node); }
  void error(YamlNodeId node, std::string message) { diagnostics_.error(where(node), std::move(message)); }

  /// True when `node` is a mapping; else reports "`what` is X; expected a mapping".
  bool expect_mapping(YamlNodeId node, std::string_view what);
  /// True when `node` is a list; else reports.
  bool expect_sequence(YamlNodeId node, std::string_view what);
  /// Reports every key of `map` not in `allowed`, with a did-you-mean hint.
  void check_keys(YamlNodeId map, std::string_view what, std::initializer_list<std::string_view> allowed);
  /// The (key, value) pairs of a mapping, in file order.
  std::vector<std::pair<YamlNodeId, YamlNodeId>> entries(YamlNodeId map) const;

  std::optional<std::string> string(YamlNodeId node, std::string_view what);
  std::optional<bool> boolean(YamlNodeId node, std::string_view what);
  std::optional<double> number(YamlNodeId node, std::string_view what);
  std::optional<std::int64_t> integer(YamlNodeId node, std::string_view what);
  /// A list of strings; a single scalar is accepted as a list of one when
  /// `allow_single` is set.
  std::optional<std::vector<std::string>> strings(YamlNodeId node, std::string_view what,
                                                  bool allow_single = false);

 private:
  const YamlDocument& document_;
  Diagnostics& diagnostics_;
};

/// Parses a whole decimal number the way the model format writes it
/// (no hex, no inf/nan). Shared with the CSV reader.
std::optional<double> parse_number(std::string_view text);

}  // namespace knelpunt::model
