#pragma once
/// A YAML document as a flat tree with source positions, built from
/// yaml-cpp's event parser rather than YAML::Node so that we control what
/// hostile input can do:
/// - duplicate mapping keys are reported (yaml-cpp keeps them silently);
/// - aliases are shared by reference, never copied, and a document whose
///   aliases would expand past a limit (an "alias bomb") is refused: the
///   limit counts the nodes that aliases add (each reference counts its
///   target's expanded size), never the nodes written out, so a large file
///   without aliases is bounded by its size alone;
/// - nesting depth is bounded (yaml-cpp's own guard, plus ours);
/// - empty, non-UTF-8 and binary files are refused with a clear message.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"

namespace knelpunt::model {

using YamlNodeId = std::uint32_t;
inline constexpr YamlNodeId kNoYamlNode = 0xffffffffu;

enum class YamlKind { null, scalar, sequence, mapping };

struct YamlNode {
  YamlKind kind = YamlKind::null;
  std::uint32_t line = 0;    ///< 1-based
  std::uint32_t column = 0;  ///< 1-based
  bool quoted = false;       ///< scalar written in quotes: never a number or bool
  std::string value;         ///< scalar text
  /// Sequence: the items. Mapping: key, value, key, value, … in file order
  /// (keys are scalars; duplicates have been reported and dropped).
  std::vector<YamlNodeId> children;
};

class YamlDocument {
 public:
  /// Parses one YAML document. On errors, `diagnostics` gets them and the
  /// document is empty (root() == kNoYamlNode).
  /// `max_alias_nodes`: the most nodes aliases may add (kMaxExpandedNodes;
  /// tests pass less).
  static YamlDocument parse(std::string_view text, const std::string& file_name,
                            Diagnostics& diagnostics, std::uint64_t max_alias_nodes = kMaxExpandedNodes);

  YamlNodeId root() const { return root_; }
  const YamlNode& node(YamlNodeId id) const { return nodes_[id]; }
  const std::string& file() const { return file_.str(); }
  SourceLocation location(YamlNodeId id) const;

  /// The value of `key` in mapping `map`, or kNoYamlNode.
  YamlNodeId find(YamlNodeId map, std::string_view key) const;

  /// Appends a mapping node at the position of `like` holding `children`
  /// (key, value, … of this document) and returns its id. For readers that
  /// check a subset of a mapping's keys with the model's own readers.
  YamlNodeId add_mapping(const YamlNode& like, std::vector<YamlNodeId> children);

  /// Limits for hostile input (the size of the text: input_limit(InputLimit::yaml)).
  /// The most nodes that aliases may add to a document (docs/security.md).
  static constexpr std::uint64_t kMaxExpandedNodes = 2'000'000;
  /// The deepest nesting of lists and mappings (docs/security.md).
  static constexpr std::size_t kMaxDepth = 256;

 private:
  friend class YamlDocumentBuilder;
  SharedText file_;  ///< shared by every location in the document
  std::vector<YamlNode> nodes_;
  YamlNodeId root_ = kNoYamlNode;
};

/// "mapping", "sequence", "scalar", "null": for messages.
std::string_view describe(YamlKind kind);

}  // namespace knelpunt::model
