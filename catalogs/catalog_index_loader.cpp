#include "catalogs/catalog_index_loader.hpp"

#include <fstream>
#include <sstream>

#include "model/yaml_document.hpp"
#include "model/yaml_fields.hpp"

namespace knelpunt::catalogs {

namespace {

void read_ids(const std::filesystem::path& file, std::set<std::string, std::less<>>& ids,
              model::Diagnostics& diagnostics) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diagnostics.error({file.string(), 0, 0}, "cannot read the catalogue; expected a readable YAML file");
    return;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const auto document = model::YamlDocument::parse(buffer.str(), file.string(), diagnostics);
  if (document.root() == model::kNoYamlNode) return;
  model::YamlFields fields(document, diagnostics);
  if (!fields.expect_mapping(document.root(), "the catalogue")) return;
  const auto entries = document.find(document.root(), "entries");
  if (entries == model::kNoYamlNode) {
    fields.error(document.root(), "the catalogue has no 'entries'; expected a list of entries with an 'id'");
    return;
  }
  if (!fields.expect_sequence(entries, "'entries'")) return;
  for (auto entry : document.node(entries).children) {
    if (!fields.expect_mapping(entry, "an entry")) continue;
    const auto id = document.find(entry, "id");
    if (id == model::kNoYamlNode) {
      fields.error(entry, "a catalogue entry has no 'id'; expected 'id: some.id'");
      continue;
    }
    if (auto value = fields.string(id, "'id'")) {
      if (!ids.insert(*value).second) fields.error(id, "duplicate catalogue id '" + *value + "'; expected each id once");
    }
  }
}

}  // namespace

model::CatalogIndex load_catalog_index(const std::filesystem::path& catalog_dir, model::Diagnostics& diagnostics) {
  model::CatalogIndex index;
  read_ids(catalog_dir / "asset-types.yaml", index.asset_types, diagnostics);
  read_ids(catalog_dir / "resource-kinds.yaml", index.resource_kinds, diagnostics);
  read_ids(catalog_dir / "vital-processes.yaml", index.vital_processes, diagnostics);
  read_ids(catalog_dir / "threats.yaml", index.threats, diagnostics);
  return index;
}

}  // namespace knelpunt::catalogs
