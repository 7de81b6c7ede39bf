#include "catalogs/catalog.hpp"

#include "model/model.hpp"
#include "model/versioned_yaml_file.hpp"
#include "model/yaml_fields.hpp"

namespace knelpunt::catalogs {

const CatalogEntry* Catalog::find(std::string_view id) const {
  for (const auto& entry : entries)
    if (entry.id == id) return &entry;
  return nullptr;
}

model::SourceLocation Catalog::where_of(std::string_view key) const {
  auto it = extra_where.find(key);
  return it == extra_where.end() ? where : it->second;
}

Json Catalog::to_json() const {
  Json out = Json::object();
  out["catalog"] = name;
  out["version"] = version;
  out["source"] = source;
  for (const auto& [key, value] : extra.items()) out[key] = value;
  Json list = Json::array();
  for (const auto& entry : entries) list.push_back(entry.fields);
  out["entries"] = std::move(list);
  if (!overridden_by.empty()) out["overridden_by"] = overridden_by;
  return out;
}

namespace {

Json scalar_to_json(const model::YamlNode& node) {
  if (node.quoted) return node.value;
  const std::string& text = node.value;
  if (text == "null" || text == "~" || text.empty()) return nullptr;
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  if (auto number = model::parse_number(text)) {
    const bool integral = text.find_first_of(".eE") == std::string::npos;
    if (integral && *number >= -9.0e15 && *number <= 9.0e15) return static_cast<std::int64_t>(*number);
    return *number;
  }
  return text;
}

}  // namespace

Json yaml_to_json(const model::YamlDocument& document, model::YamlNodeId id) {
  if (id == model::kNoYamlNode) return nullptr;
  const auto& node = document.node(id);
  switch (node.kind) {
    case model::YamlKind::null:
      return nullptr;
    case model::YamlKind::scalar:
      return scalar_to_json(node);
    case model::YamlKind::sequence: {
      Json list = Json::array();
      for (auto child : node.children) list.push_back(yaml_to_json(document, child));
      return list;
    }
    case model::YamlKind::mapping: {
      Json map = Json::object();
      for (std::size_t i = 0; i + 1 < node.children.size(); i += 2)
        map[document.node(node.children[i]).value] = yaml_to_json(document, node.children[i + 1]);
      return map;
    }
  }
  return nullptr;
}

void read_catalog_entries(const model::YamlDocument& document, model::YamlNodeId list, std::string_view what,
                          std::vector<CatalogEntry>& entries, model::Diagnostics& diagnostics) {
  model::YamlFields fields(document, diagnostics);
  if (!fields.expect_sequence(list, what)) return;
  for (auto item : document.node(list).children) {
    if (!fields.expect_mapping(item, "a catalogue entry")) continue;
    const auto id_node = document.find(item, "id");
    if (id_node == model::kNoYamlNode) {
      fields.error(item, "a catalogue entry has no 'id'; expected 'id: some.id'");
      continue;
    }
    auto id = fields.string(id_node, "'id'");
    if (!id) continue;
    if (!model::is_valid_id(*id)) {
      fields.error(id_node, "catalogue id '" + *id + "' is malformed; expected [a-z0-9][a-z0-9._-]*");
      continue;
    }
    bool duplicate = false;
    for (const auto& existing : entries) duplicate = duplicate || existing.id == *id;
    if (duplicate) {
      fields.error(id_node, "duplicate catalogue id '" + *id + "' in " + std::string(what) + "; expected each id once");
      continue;
    }
    entries.push_back({*id, yaml_to_json(document, item), fields.where(item)});
  }
}

Catalog read_catalog_file(const std::filesystem::path& file, std::string_view expected_name,
                          model::Diagnostics& diagnostics) {
  Catalog catalog;
  catalog.name = std::string(expected_name);
  catalog.where = {file.string(), 0, 0};
  // The catalogue's `version:` is a revision of its data (any whole number
  // from 1, docs/catalogs.md), not a format version: checked below.
  const auto opened = model::open_yaml_file(
      file, {"the catalogue", "a readable YAML file", model::InputLimit::yaml}, "the catalogue", diagnostics);
  if (!opened.is_mapping) return catalog;
  const auto& document = opened.document;
  model::YamlFields fields(document, diagnostics);
  const auto root = document.root();
  for (const auto& [key_node, value] : fields.entries(root)) {
    const std::string& key = document.node(key_node).value;
    if (key == "catalog") {
      auto name = fields.string(value, "'catalog'");
      if (name && *name != expected_name)
        fields.error(value, "the file declares catalogue '" + *name + "'; expected '" + std::string(expected_name) + "'");
    } else if (key == "version") {
      if (auto version = fields.integer(value, "'version'")) catalog.version = static_cast<int>(*version);
    } else if (key == "source") {
      if (fields.expect_mapping(value, "'source'")) catalog.source = yaml_to_json(document, value);
    } else if (key == "entries") {
      read_catalog_entries(document, value, "'entries'", catalog.entries, diagnostics);
    } else {
      catalog.extra[key] = yaml_to_json(document, value);
      catalog.extra_where[key] = fields.where(value);
    }
  }
  if (document.find(root, "entries") == model::kNoYamlNode)
    fields.error(root, "the catalogue has no 'entries'; expected a list of entries with an 'id'");
  if (catalog.version <= 0) fields.error(root, "the catalogue has no positive 'version'; expected 'version: 1' or higher");
  if (catalog.source.is_null()) fields.error(root, "the catalogue has no 'source' block; expected where its facts come from");
  return catalog;
}

}  // namespace knelpunt::catalogs
