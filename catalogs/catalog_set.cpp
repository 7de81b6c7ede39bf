#include "catalogs/catalog_set.hpp"

#include <algorithm>

#include "model/input_file.hpp"
#include "model/suggest.hpp"
#include "model/yaml_fields.hpp"

namespace knelpunt::catalogs {

const Catalog* CatalogSet::find(std::string_view name) const {
  for (const auto& catalog : catalogs)
    if (catalog.name == name) return &catalog;
  return nullptr;
}

Catalog* CatalogSet::find(std::string_view name) {
  for (auto& catalog : catalogs)
    if (catalog.name == name) return &catalog;
  return nullptr;
}

model::CatalogIndex CatalogSet::index() const {
  model::CatalogIndex index;
  auto fill = [this](std::string_view name, std::set<std::string, std::less<>>& ids) {
    if (const auto* catalog = find(name))
      for (const auto& entry : catalog->entries) ids.insert(entry.id);
  };
  fill("asset-types", index.asset_types);
  fill("resource-kinds", index.resource_kinds);
  fill("vital-processes", index.vital_processes);
  fill("threats", index.threats);
  fill("controls", index.controls);
  if (const auto* kinds = find("resource-kinds"))
    for (const auto& entry : kinds->entries) {
      // A `grounded` that is not a boolean is reported by read_reference_data.
      const auto grounded = entry.fields.find("grounded");
      if (grounded != entry.fields.end() && grounded->is_boolean() && !grounded->get<bool>())
        index.ungrounded_resource_kinds.insert(entry.id);
    }
  if (const auto* types = find("asset-types"))
    for (const auto& entry : types->entries) {
      // A malformed `needs` is reported by read_reference_data; here it only adds nothing.
      const auto needs = entry.fields.find("needs");
      if (needs == entry.fields.end() || !needs->is_array()) continue;
      auto& kinds = index.type_needs[entry.id];
      for (const auto& kind : *needs)
        if (kind.is_string()) kinds.push_back(kind.get<std::string>());
    }
  return index;
}

CatalogSet load_catalog_set(const std::filesystem::path& catalog_dir, model::Diagnostics& diagnostics) {
  CatalogSet set;
  for (auto name : kCatalogNames)
    set.catalogs.push_back(read_catalog_file(catalog_dir / (std::string(name) + ".yaml"), name, diagnostics));
  return set;
}

namespace {

void merge_entries(Catalog& catalog, std::vector<CatalogEntry> overrides) {
  for (auto& entry : overrides) {
    auto it = std::find_if(catalog.entries.begin(), catalog.entries.end(),
                           [&](const CatalogEntry& existing) { return existing.id == entry.id; });
    if (it != catalog.entries.end())
      *it = std::move(entry);
    else
      catalog.entries.push_back(std::move(entry));
  }
}

}  // namespace

void apply_model_overrides(CatalogSet& set, const std::filesystem::path& model_entry_file, const std::string& display_name,
                           model::Diagnostics& diagnostics) {
  // An unreadable model file and syntax errors are the model loader's to report; read quietly here.
  const auto input = model::read_input_file(model_entry_file, {"the model file", "a readable YAML file",
                                                               model::InputLimit::yaml});
  if (!input.text) return;
  model::Diagnostics parse_diagnostics;
  const auto document = model::YamlDocument::parse(*input.text, display_name, parse_diagnostics);
  if (document.root() == model::kNoYamlNode || document.node(document.root()).kind != model::YamlKind::mapping) return;
  const auto block = document.find(document.root(), "catalogs");
  if (block == model::kNoYamlNode) return;
  model::YamlFields fields(document, diagnostics);
  if (!fields.expect_mapping(block, "'catalogs'")) return;
  for (const auto& [key_node, value] : fields.entries(block)) {
    const std::string& name = document.node(key_node).value;
    Catalog* catalog = set.find(name);
    if (!catalog) {
      fields.error(key_node, "unknown catalogue '" + name + "'" + model::did_you_mean(name, std::span<const std::string_view>(kCatalogNames)) +
                                 "; expected one of vital-processes, asset-types, resource-kinds, threats, controls, scoring");
      continue;
    }
    const auto kind = document.node(value).kind;
    if (kind == model::YamlKind::sequence) {
      std::vector<CatalogEntry> entries;
      read_catalog_entries(document, value, "'catalogs." + name + "'", entries, diagnostics);
      merge_entries(*catalog, std::move(entries));
    } else if (kind == model::YamlKind::mapping) {
      for (const auto& [sub_key, sub_value] : fields.entries(value)) {
        const std::string& key = document.node(sub_key).value;
        if (key == "entries") {
          std::vector<CatalogEntry> entries;
          read_catalog_entries(document, sub_value, "'catalogs." + name + ".entries'", entries, diagnostics);
          merge_entries(*catalog, std::move(entries));
        } else if (key == "catalog" || key == "version" || key == "source") {
          fields.error(sub_key, "'" + key + "' of a shipped catalogue cannot be overridden; expected entries or data keys");
        } else {
          catalog->extra[key] = yaml_to_json(document, sub_value);
          catalog->extra_where[key] = fields.where(sub_value);
        }
      }
    } else {
      fields.error(value, "'catalogs." + name + "' is a " + std::string(model::describe(kind)) +
                              "; expected a list of entries or a mapping of catalogue keys");
      continue;
    }
    if (std::find(catalog->overridden_by.begin(), catalog->overridden_by.end(), display_name) ==
        catalog->overridden_by.end())
      catalog->overridden_by.push_back(display_name);
  }
}

}  // namespace knelpunt::catalogs
