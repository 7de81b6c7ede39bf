#include "model/measure_file.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "model/model_file_reader.hpp"
#include "model/suggest.hpp"
#include "model/versioned_yaml_file.hpp"
#include "model/yaml_fields.hpp"

namespace knelpunt::model {

const Variant* MeasureFile::find(std::string_view id) const {
  for (const auto& variant : variants)
    if (variant.id == id) return &variant;
  return nullptr;
}

namespace {

/// Reads the measure file's variants, one at a time, into `file`.
class VariantReader {
 public:
  VariantReader(const YamlDocument& document, Diagnostics& diagnostics)
      : doc_(document), diagnostics_(diagnostics), fields_(document, diagnostics) {}

  /// One item of `variants:`; nothing when it has no usable id (reported).
  std::optional<Variant> read(YamlNodeId item) {
    if (!fields_.expect_mapping(item, "a variant")) return std::nullopt;
    fields_.check_keys(item, "a variant", {"id", "title", "cost", "changes", "events"});
    Variant variant;
    variant.where = fields_.where(item);
    if (!read_id(item, variant)) return std::nullopt;
    if (auto v = doc_.find(item, "title"); v != kNoYamlNode) variant.title = fields_.string(v, "'title'").value_or("");
    if (auto v = doc_.find(item, "cost"); v != kNoYamlNode) read_cost(v, variant);
    if (auto v = doc_.find(item, "events"); v != kNoYamlNode) read_events(v, variant);
    if (auto v = doc_.find(item, "changes"); v != kNoYamlNode) read_changes(v, variant);
    if (variant.changes.empty() && variant.events.empty())
      diagnostics_.warning(variant.where, fmt::format("variant '{}' has no changes and no events; expected at least one",
                                                      variant.id));
    return variant;
  }

 private:
  bool read_id(YamlNodeId item, Variant& variant) {
    const YamlNodeId id_node = doc_.find(item, "id");
    if (id_node == kNoYamlNode) {
      fields_.error(item, "a variant has no 'id'; expected 'id: some-id'");
      return false;
    }
    auto id = fields_.string(id_node, "a variant id");
    if (!id) return false;
    if (!is_valid_id(*id)) {
      fields_.error(id_node, fmt::format("variant id '{}' is not valid; expected lower-case letters, digits and . _ -", *id));
      return false;
    }
    if (!ids_.insert(*id).second) {
      fields_.error(id_node, fmt::format("variant '{}' is defined twice; expected unique variant ids", *id));
      return false;
    }
    variant.id = *id;
    variant.where = fields_.where(id_node);
    return true;
  }

  void read_cost(YamlNodeId node, Variant& variant) {
    auto cost = fields_.number(node, "'cost'");
    if (!cost) return;
    if (*cost < 0)
      fields_.error(node, fmt::format("'cost' of variant '{}' is {}; expected euro, 0 or more", variant.id, *cost));
    else
      variant.cost = *cost;
  }

  void read_events(YamlNodeId node, Variant& variant) {
    auto events = fields_.strings(node, "'events'", true);
    if (!events) return;
    const auto& nodes = doc_.node(node).kind == YamlKind::sequence ? doc_.node(node).children
                                                                   : std::vector<YamlNodeId>{node};
    for (std::size_t i = 0; i < events->size(); ++i) {
      auto failure = parse_initial_failure((*events)[i]);
      if (!failure) {
        fields_.error(nodes[i], fmt::format("event '{}' is malformed; expected ID or ID@T (e.g. mast-12@2h)", (*events)[i]));
        continue;
      }
      failure->where = fields_.where(nodes[i]);
      variant.events.push_back(std::move(*failure));
    }
  }

  void read_changes(YamlNodeId node, Variant& variant) {
    if (doc_.node(node).kind == YamlKind::null || !fields_.expect_sequence(node, "'changes'")) return;
    const std::vector<std::string_view> operations(std::begin(kChangeOperations), std::end(kChangeOperations));
    for (YamlNodeId change : doc_.node(node).children) {
      if (!fields_.expect_mapping(change, "a change")) continue;
      const auto& children = doc_.node(change).children;
      if (children.size() != 2) {
        fields_.error(change, fmt::format("a change has {} keys; expected exactly one operation: {}", children.size() / 2,
                                          fmt::join(operations, ", ")));
        continue;
      }
      const std::string& operation = doc_.node(children[0]).value;
      if (std::find(operations.begin(), operations.end(), operation) == operations.end()) {
        fields_.error(children[0], fmt::format("unknown change '{}'{}; expected one of {}", operation,
                                               did_you_mean(operation, operations), fmt::join(operations, ", ")));
        continue;
      }
      variant.changes.push_back({operation, children[1], fields_.where(children[0])});
    }
  }

  const YamlDocument& doc_;
  Diagnostics& diagnostics_;
  YamlFields fields_;
  std::set<std::string> ids_;
};

}  // namespace

std::optional<MeasureFile> read_measure_file(const std::filesystem::path& path, Diagnostics& diagnostics) {
  const std::size_t errors_before = diagnostics.error_count();
  auto opened = open_versioned_yaml_file(path, {"the measure file", "a readable YAML file (docs/measures.md)", InputLimit::yaml},
                                         "the measure file", {"measures", "variants"}, {"measures", 1}, diagnostics);
  if (!opened.is_mapping) {
    if (opened.read && opened.document.root() == kNoYamlNode)
      diagnostics.error({path.string(), 1, 1}, "the measure file is empty; expected 'measures: 1' and 'variants:'");
    return std::nullopt;
  }
  MeasureFile file;
  file.document = std::make_shared<YamlDocument>(std::move(opened.document));
  const YamlDocument& doc = *file.document;
  const YamlNodeId list = doc.find(doc.root(), "variants");
  if (list == kNoYamlNode) {
    diagnostics.error(doc.location(doc.root()), "the measure file has no 'variants'; expected a list of variants");
    return std::nullopt;
  }
  YamlFields fields(doc, diagnostics);
  if (!fields.expect_sequence(list, "'variants'")) return std::nullopt;
  VariantReader reader(doc, diagnostics);
  for (YamlNodeId item : doc.node(list).children)
    if (auto variant = reader.read(item)) file.variants.push_back(std::move(*variant));
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return file;
}

}  // namespace knelpunt::model
