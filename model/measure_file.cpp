#include "model/measure_file.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "model/model_file_reader.hpp"
#include "model/suggest.hpp"
#include "model/yaml_fields.hpp"

namespace knelpunt::model {

const Variant* MeasureFile::find(std::string_view id) const {
  for (const auto& variant : variants)
    if (variant.id == id) return &variant;
  return nullptr;
}

std::optional<MeasureFile> read_measure_file(const std::filesystem::path& path, Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error({path.string(), 0, 0}, "cannot read the measure file; expected a readable YAML file (docs/measures.md)");
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::size_t errors_before = diagnostics.error_count();
  auto document = std::make_shared<YamlDocument>(YamlDocument::parse(buffer.str(), path.string(), diagnostics));
  MeasureFile file;
  file.document = document;
  const YamlDocument& doc = *document;
  YamlFields fields(doc, diagnostics);
  const YamlNodeId root = doc.root();
  if (root == kNoYamlNode || !fields.expect_mapping(root, "the measure file")) {
    if (root == kNoYamlNode) diagnostics.error({path.string(), 1, 1}, "the measure file is empty; expected 'measures: 1' and 'variants:'");
    return std::nullopt;
  }
  fields.check_keys(root, "the measure file", {"measures", "variants"});
  if (auto version = doc.find(root, "measures"); version == kNoYamlNode)
    diagnostics.error(fields.where(root), "missing format version; expected 'measures: 1' at the top");
  else if (auto value = fields.integer(version, "the format version 'measures'"); value && *value != 1)
    fields.error(version, fmt::format("unknown format version {}; expected 'measures: 1'", *value));
  const YamlNodeId list = doc.find(root, "variants");
  if (list == kNoYamlNode) {
    diagnostics.error(fields.where(root), "the measure file has no 'variants'; expected a list of variants");
    return std::nullopt;
  }
  if (!fields.expect_sequence(list, "'variants'")) return std::nullopt;
  std::set<std::string> ids;
  const std::vector<std::string_view> operations(std::begin(kChangeOperations), std::end(kChangeOperations));
  for (YamlNodeId item : doc.node(list).children) {
    if (!fields.expect_mapping(item, "a variant")) continue;
    fields.check_keys(item, "a variant", {"id", "title", "cost", "changes", "events"});
    Variant variant;
    variant.where = fields.where(item);
    const YamlNodeId id_node = doc.find(item, "id");
    if (id_node == kNoYamlNode) {
      fields.error(item, "a variant has no 'id'; expected 'id: some-id'");
      continue;
    }
    auto id = fields.string(id_node, "a variant id");
    if (!id) continue;
    if (!is_valid_id(*id)) {
      fields.error(id_node, fmt::format("variant id '{}' is not valid; expected lower-case letters, digits and . _ -", *id));
      continue;
    }
    if (!ids.insert(*id).second) {
      fields.error(id_node, fmt::format("variant '{}' is defined twice; expected unique variant ids", *id));
      continue;
    }
    variant.id = *id;
    variant.where = fields.where(id_node);
    if (auto v = doc.find(item, "title"); v != kNoYamlNode) variant.title = fields.string(v, "'title'").value_or("");
    if (auto v = doc.find(item, "cost"); v != kNoYamlNode) {
      if (auto cost = fields.number(v, "'cost'")) {
        if (*cost < 0)
          fields.error(v, fmt::format("'cost' of variant '{}' is {}; expected euro, 0 or more", variant.id, *cost));
        else
          variant.cost = *cost;
      }
    }
    if (auto v = doc.find(item, "events"); v != kNoYamlNode) {
      if (auto events = fields.strings(v, "'events'", true)) {
        const auto& nodes = doc.node(v).kind == YamlKind::sequence ? doc.node(v).children : std::vector<YamlNodeId>{v};
        for (std::size_t i = 0; i < events->size(); ++i) {
          auto failure = parse_initial_failure((*events)[i]);
          if (!failure) {
            fields.error(nodes[i], fmt::format("event '{}' is malformed; expected ID or ID@T (e.g. mast-12@2h)", (*events)[i]));
            continue;
          }
          failure->where = fields.where(nodes[i]);
          variant.events.push_back(std::move(*failure));
        }
      }
    }
    if (auto changes = doc.find(item, "changes"); changes != kNoYamlNode) {
      if (doc.node(changes).kind != YamlKind::null && fields.expect_sequence(changes, "'changes'")) {
        for (YamlNodeId change : doc.node(changes).children) {
          if (!fields.expect_mapping(change, "a change")) continue;
          const auto& children = doc.node(change).children;
          if (children.size() != 2) {
            fields.error(change, fmt::format("a change has {} keys; expected exactly one operation: {}", children.size() / 2,
                                             fmt::join(operations, ", ")));
            continue;
          }
          const std::string& operation = doc.node(children[0]).value;
          if (std::find(operations.begin(), operations.end(), operation) == operations.end()) {
            fields.error(children[0], fmt::format("unknown change '{}'{}; expected one of {}", operation,
                                                  did_you_mean(operation, operations), fmt::join(operations, ", ")));
            continue;
          }
          variant.changes.push_back({operation, children[1], fields.where(children[0])});
        }
      }
    }
    if (variant.changes.empty() && variant.events.empty())
      diagnostics.warning(variant.where, fmt::format("variant '{}' has no changes and no events; expected at least one",
                                                     variant.id));
    file.variants.push_back(std::move(variant));
  }
  if (diagnostics.error_count() > errors_before) return std::nullopt;
  return file;
}

}  // namespace knelpunt::model
