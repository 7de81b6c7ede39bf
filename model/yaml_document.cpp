#include "model/yaml_document.hpp"

#include <algorithm>
#include <map>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "model/input_limits.hpp"
#include "model/utf8.hpp"

namespace knelpunt::model {

std::string_view describe(YamlKind kind) {
  switch (kind) {
    case YamlKind::null: return "an empty value";
    case YamlKind::scalar: return "a scalar";
    case YamlKind::sequence: return "a list";
    case YamlKind::mapping: return "a mapping";
  }
  return "a value";
}

SourceLocation YamlDocument::location(YamlNodeId id) const {
  if (id == kNoYamlNode || id >= nodes_.size()) return {file_, 0, 0};
  return {file_, nodes_[id].line, nodes_[id].column};
}

YamlNodeId YamlDocument::find(YamlNodeId map, std::string_view key) const {
  if (map == kNoYamlNode || nodes_[map].kind != YamlKind::mapping) return kNoYamlNode;
  const auto& children = nodes_[map].children;
  for (std::size_t i = 0; i + 1 < children.size(); i += 2)
    if (nodes_[children[i]].value == key) return children[i + 1];
  return kNoYamlNode;
}


/// Builds the flat tree from yaml-cpp events.
class YamlDocumentBuilder : public YAML::EventHandler {
 public:
  YamlDocumentBuilder(YamlDocument& document, Diagnostics& diagnostics, std::uint64_t max_alias_nodes)
      : document_(document), diagnostics_(diagnostics), max_alias_nodes_(max_alias_nodes) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    node.kind = YamlKind::null;
    attach(mark, std::move(node), anchor, false);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end() || !complete_[it->second]) {
      error(mark, "an alias refers to a node that contains it; expected aliases to complete nodes only");
      YamlNode node;
      attach(mark, std::move(node), 0, false);
      return;
    }
    // Only aliases expand a document beyond its own nodes: each reference
    // adds what a naive walk of its target would visit. Nodes written out
    // count nothing here; their number is bounded by the file's size.
    alias_expansion_ = std::min<std::uint64_t>(alias_expansion_ + expanded_[it->second], max_alias_nodes_ + 1);
    if (alias_expansion_ > max_alias_nodes_ && !bomb_reported_) {
      bomb_reported_ = true;
      error(mark, fmt::format("aliases up to here expand to more than {} nodes (an alias bomb?); expected "
                              "aliases that reuse small blocks",
                              max_alias_nodes_));
    }
    attach_existing(it->second);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node;
    node.kind = YamlKind::scalar;
    node.value = value;
    node.quoted = (tag == "!");  // yaml-cpp tags quoted scalars "!", plain ones "?"
    attach(mark, std::move(node), anchor, false);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    YamlNode node;
    node.kind = YamlKind::sequence;
    attach(mark, std::move(node), anchor, true);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    YamlNode node;
    node.kind = YamlKind::mapping;
    attach(mark, std::move(node), anchor, true);
  }
  void OnMapEnd() override {
    check_mapping(open_.back());
    close();
  }

  bool failed() const { return failed_; }
  std::uint64_t expanded(YamlNodeId id) const { return expanded_[id]; }

 private:
  void error(const YAML::Mark& mark, std::string message) {
    failed_ = true;
    diagnostics_.error({document_.file_, static_cast<std::uint32_t>(mark.line + 1),
                        static_cast<std::uint32_t>(mark.column + 1)},
                       std::move(message));
  }

  YamlNodeId add(const YAML::Mark& mark, YamlNode node) {
    node.line = static_cast<std::uint32_t>(mark.line + 1);
    node.column = static_cast<std::uint32_t>(mark.column + 1);
    const auto id = static_cast<YamlNodeId>(document_.nodes_.size());
    document_.nodes_.push_back(std::move(node));
    complete_.push_back(false);
    expanded_.push_back(1);
    return id;
  }

  void attach(const YAML::Mark& mark, YamlNode node, YAML::anchor_t anchor, bool opens) {
    const YamlNodeId id = add(mark, std::move(node));
    if (anchor != 0) anchors_[anchor] = id;
    link(id);
    if (opens) {
      if (open_.size() >= YamlDocument::kMaxDepth) {
        error(mark, fmt::format("nesting deeper than {} levels; expected a model-shaped document",
                                YamlDocument::kMaxDepth));
        throw YAML::Exception(mark, "nesting too deep");
      }
      open_.push_back(id);
    } else {
      complete_[id] = true;
    }
  }

  void attach_existing(YamlNodeId id) { link(id); }

  void link(YamlNodeId id) {
    if (open_.empty()) {
      if (document_.root_ == kNoYamlNode) document_.root_ = id;
      return;
    }
    document_.nodes_[open_.back()].children.push_back(id);
  }

  void close() {
    const YamlNodeId id = open_.back();
    open_.pop_back();
    complete_[id] = true;
    // Expanded size: what a naive walk of this node would visit, shared alias
    // targets once per reference (saturating, so it cannot overflow).
    std::uint64_t total = 1;
    for (YamlNodeId child : document_.nodes_[id].children)
      total = std::min<std::uint64_t>(total + expanded_[child], max_alias_nodes_ + 1);
    expanded_[id] = total;
  }

  void check_mapping(YamlNodeId id) {
    auto& children = document_.nodes_[id].children;
    std::vector<YamlNodeId> kept;
    std::map<std::string, YamlNodeId> seen;
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
      const YamlNodeId key = children[i];
      const auto& key_node = document_.nodes_[key];
      if (key_node.kind != YamlKind::scalar) {
        diagnostics_.error({document_.file_, key_node.line, key_node.column},
                           fmt::format("a mapping key is {}; expected a plain word as key",
                                       describe(key_node.kind)));
        continue;
      }
      auto [it, inserted] = seen.emplace(key_node.value, key);
      if (!inserted) {
        const auto& first = document_.nodes_[it->second];
        diagnostics_.error({document_.file_, key_node.line, key_node.column},
                           fmt::format("duplicate key '{}' (first at line {}); expected each key "
                                       "once per mapping",
                                       key_node.value, first.line));
        continue;
      }
      kept.push_back(key);
      kept.push_back(children[i + 1]);
    }
    children = std::move(kept);
  }

  YamlDocument& document_;
  Diagnostics& diagnostics_;
  std::uint64_t max_alias_nodes_;
  std::vector<YamlNodeId> open_;
  std::vector<bool> complete_;
  std::vector<std::uint64_t> expanded_;
  std::unordered_map<YAML::anchor_t, YamlNodeId> anchors_;
  std::uint64_t alias_expansion_ = 0;  ///< nodes added by aliases so far
  bool failed_ = false;
  bool bomb_reported_ = false;
};

YamlDocument YamlDocument::parse(std::string_view text, const std::string& file_name,
                                 Diagnostics& diagnostics, std::uint64_t max_alias_nodes) {
  YamlDocument document;
  document.file_ = file_name;
  if (const std::uint64_t limit = input_limit(InputLimit::yaml); text.size() > limit) {
    diagnostics.error({file_name, 0, 0},
                      fmt::format("file is {} bytes; expected at most {} of YAML (use CSV tables for bulk "
                                  "inventories, or raise the limit with KNELPUNT_INPUT_LIMITS=yaml=SIZE)",
                                  text.size(), byte_size_text(limit)));
    return document;
  }
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    auto [line, column] = line_column_of(text, nul);
    diagnostics.error({file_name, line, column},
                      "file contains a NUL byte; expected a UTF-8 text file");
    return document;
  }
  if (const auto bad = find_invalid_utf8(text)) {
    auto [line, column] = line_column_of(text, *bad);
    diagnostics.error({file_name, line, column}, "invalid UTF-8; expected a UTF-8 text file");
    return document;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    diagnostics.error({file_name, 0, 0}, "file is empty; expected a YAML mapping");
    return document;
  }
  bool syntax_failed = false;
  std::istringstream stream{std::string(text)};
  YamlDocumentBuilder builder(document, diagnostics, max_alias_nodes);
  try {
    YAML::Parser parser(stream);
    if (!parser.HandleNextDocument(builder)) {
      diagnostics.error({file_name, 0, 0}, "no YAML document found; expected a YAML mapping");
    } else {
      YamlDocument rest;
      Diagnostics ignored;
      YamlDocumentBuilder second(rest, ignored, max_alias_nodes);
      if (parser.HandleNextDocument(second))
        diagnostics.error({file_name, rest.nodes_.empty() ? 0u : rest.nodes_.front().line, 0},
                          "a second YAML document ('---'); expected one document per file");
    }
  } catch (const YAML::Exception& error) {
    syntax_failed = true;
    if (error.mark.is_null()) {
      diagnostics.error({file_name, 0, 0}, "YAML syntax error: " + error.msg);
    } else if (error.msg != "nesting too deep") {
      diagnostics.error({file_name, static_cast<std::uint32_t>(error.mark.line + 1),
                         static_cast<std::uint32_t>(error.mark.column + 1)},
                        "YAML syntax error: " + error.msg + "; expected well-formed YAML");
    }
  } catch (const std::exception& error) {
    syntax_failed = true;
    diagnostics.error({file_name, 0, 0}, std::string("YAML could not be read: ") + error.what());
  }
  // Duplicate keys are reported but leave a usable tree; syntax errors and
  // refused aliases do not.
  if (builder.failed() || document.root_ == kNoYamlNode || syntax_failed) {
    document.nodes_.clear();
    document.root_ = kNoYamlNode;
  }
  return document;
}

YamlNodeId YamlDocument::add_mapping(const YamlNode& like, std::vector<YamlNodeId> children) {
  YamlNode node = like;
  node.kind = YamlKind::mapping;
  node.children = std::move(children);
  nodes_.push_back(std::move(node));
  return static_cast<YamlNodeId>(nodes_.size() - 1);
}

}  // namespace knelpunt::model
