#include "model/variant_apply.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/model_file_reader.hpp"
#include "model/model_validator.hpp"
#include "model/suggest.hpp"
#include "model/yaml_fields.hpp"

namespace knelpunt::model {

namespace {

class VariantApplier {
 public:
  VariantApplier(Model& model, const YamlDocument& document, Diagnostics& diagnostics)
      : model_(model), doc_(document), fields_(document, diagnostics), diagnostics_(diagnostics) {}

  void apply(const ModelChange& change) {
    const YamlNodeId args = change.arguments;
    const std::string& op = change.operation;
    if (op == "add_assets") return add_assets(args);
    if (op == "remove_assets") return remove_assets(args);
    if (!fields_.expect_mapping(args, fmt::format("the arguments of '{}'", op))) return;
    if (op == "add_dependency") return add_dependency(args);
    if (op == "remove_dependency") return remove_dependency(args);
    if (op == "add_supplier" || op == "remove_supplier") return change_supplier(args, op == "add_supplier");
    if (op == "set") return set(args);
    if (op == "set_cyber") return set_cyber(args);
    if (op == "add_controls" || op == "remove_controls") return change_controls(args, op == "add_controls");
  }

 private:
  /// The asset named by the `asset` key of `args`, or nullptr after reporting.
  Asset* asset_of(YamlNodeId args, std::string_view op) {
    const YamlNodeId node = doc_.find(args, "asset");
    if (node == kNoYamlNode) {
      fields_.error(args, fmt::format("'{}' has no 'asset'; expected 'asset: some-id'", op));
      return nullptr;
    }
    auto id = fields_.string(node, "'asset'");
    if (!id) return nullptr;
    if (Asset* asset = find(*id)) return asset;
    fields_.error(node, fmt::format("'{}' is not an asset of the model{}; expected an asset id", *id, hint(*id)));
    return nullptr;
  }

  Asset* find(std::string_view id) {
    for (auto& asset : model_.assets)
      if (asset.id == id) return &asset;
    return nullptr;
  }

  std::string hint(std::string_view id) const {
    std::vector<std::string_view> ids;
    for (const auto& asset : model_.assets) ids.push_back(asset.id);
    return did_you_mean(id, ids);
  }

  /// The dependency group of `asset` named by the `kind` key of `args`, or nullptr after reporting.
  DependencyGroup* group_of(Asset& asset, YamlNodeId args, std::string_view op) {
    const YamlNodeId node = doc_.find(args, "kind");
    std::vector<std::string> kinds;
    for (const auto& group : asset.depends_on) kinds.push_back(group.kind.empty() ? "(none)" : group.kind);
    if (node == kNoYamlNode) {
      fields_.error(args, fmt::format("'{}' has no 'kind'; expected the kind of one of the dependency groups of '{}': {}",
                                      op, asset.id, fmt::join(kinds, ", ")));
      return nullptr;
    }
    auto kind = fields_.string(node, "'kind'");
    if (!kind) return nullptr;
    DependencyGroup* found = nullptr;
    std::size_t count = 0;
    for (auto& group : asset.depends_on)
      if (group.kind == *kind) {
        found = found ? found : &group;
        ++count;
      }
    if (count == 1) return found;
    if (count == 0)
      fields_.error(node, fmt::format("asset '{}' has no dependency group of kind '{}'; expected one of {}", asset.id, *kind,
                                      kinds.empty() ? std::string("(it has none)") : fmt::format("{}", fmt::join(kinds, ", "))));
    else
      fields_.error(node, fmt::format("asset '{}' has {} dependency groups of kind '{}'; expected exactly one (change "
                                      "the model so the kinds differ)",
                                      asset.id, count, *kind));
    return nullptr;
  }

  void add_assets(YamlNodeId args) {
    for (auto& asset : read_asset_list(doc_, args, diagnostics_)) {
      if (find(asset.id)) {
        diagnostics_.error(asset.where, fmt::format("asset '{}' is already in the model; expected a new id (use 'set' "
                                                    "to change an asset)", asset.id));
        continue;
      }
      model_.assets.push_back(std::move(asset));
    }
  }

  void remove_assets(YamlNodeId args) {
    auto ids = fields_.strings(args, "'remove_assets'", true);
    if (!ids) return;
    const auto& nodes = doc_.node(args).kind == YamlKind::sequence ? doc_.node(args).children : std::vector<YamlNodeId>{args};
    for (std::size_t i = 0; i < ids->size(); ++i) {
      const std::string& id = (*ids)[i];
      if (!find(id)) {
        fields_.error(nodes[i], fmt::format("'{}' is not an asset of the model{}; expected an asset id", id, hint(id)));
        continue;
      }
      std::erase_if(model_.assets, [&](const Asset& asset) { return asset.id == id; });
      std::erase_if(model_.scenarios, [&](Scenario& scenario) {
        std::erase_if(scenario.initial, [&](const InitialFailure& f) { return f.asset == id; });
        return scenario.initial.empty();
      });
      // Its dependents lose it as a supplier; a group left with fewer suppliers than it needs is an error.
      for (auto& asset : model_.assets)
        for (auto& group : asset.depends_on) {
          if (group.from.remove(id) == 0) continue;
          if (group.from.size() < group.need)
            fields_.error(nodes[i], fmt::format("removing '{}' leaves the {} group of '{}' with {} supplier{} but need {}; "
                                                "expected a 'set' of a lower need or another supplier first",
                                                id, group.kind.empty() ? "(no kind)" : group.kind, asset.id,
                                                group.from.size(), group.from.size() == 1 ? "" : "s", group.need));
        }
      for (auto& asset : model_.assets)
        std::erase_if(asset.depends_on, [](const DependencyGroup& group) { return group.from.empty(); });
    }
  }

  void add_dependency(YamlNodeId args) {
    Asset* asset = asset_of(args, "add_dependency");
    if (!asset) return;
    // The arguments are a dependency group in model format plus `asset`.
    const YamlNodeId group_node = without_asset(args);
    if (auto group = read_dependency_group(scratch_, group_node, asset->id, diagnostics_)) asset->depends_on.push_back(*group);
  }

  /// A copy of mapping `args` without its `asset` key, appended to a scratch
  /// document, so the model reader's check of keys applies to the rest.
  YamlNodeId without_asset(YamlNodeId args) {
    scratch_ = doc_;
    YamlNode copy = scratch_.node(args);
    std::vector<YamlNodeId> kept;
    for (std::size_t i = 0; i + 1 < copy.children.size(); i += 2)
      if (scratch_.node(copy.children[i]).value != "asset") {
        kept.push_back(copy.children[i]);
        kept.push_back(copy.children[i + 1]);
      }
    return scratch_.add_mapping(copy, std::move(kept));
  }

  void remove_dependency(YamlNodeId args) {
    fields_.check_keys(args, "'remove_dependency'", {"asset", "kind"});
    Asset* asset = asset_of(args, "remove_dependency");
    if (!asset) return;
    DependencyGroup* group = group_of(*asset, args, "remove_dependency");
    if (!group) return;
    asset->depends_on.erase(asset->depends_on.begin() + (group - asset->depends_on.data()));
  }

  void change_supplier(YamlNodeId args, bool add) {
    const std::string_view op = add ? "add_supplier" : "remove_supplier";
    fields_.check_keys(args, fmt::format("'{}'", op), {"asset", "kind", "supplier", "need"});
    Asset* asset = asset_of(args, op);
    if (!asset) return;
    DependencyGroup* group = group_of(*asset, args, op);
    if (!group) return;
    const YamlNodeId node = doc_.find(args, "supplier");
    if (node == kNoYamlNode) {
      fields_.error(args, fmt::format("'{}' has no 'supplier'; expected 'supplier: some-id'", op));
      return;
    }
    auto supplier = fields_.string(node, "'supplier'");
    if (!supplier) return;
    const bool listed = std::find(group->from.begin(), group->from.end(), *supplier) != group->from.end();
    if (add) {
      if (listed) {
        fields_.error(node, fmt::format("'{}' already supplies the {} group of '{}'; expected a new supplier", *supplier,
                                        group->kind, asset->id));
        return;
      }
      group->from.push_back(*supplier);  // that it exists is checked by validation
      group->where = fields_.where(node);  // so validation points at this change
    } else {
      if (!listed) {
        fields_.error(node, fmt::format("'{}' does not supply the {} group of '{}'; expected one of {}", *supplier,
                                        group->kind, asset->id, fmt::join(group->from, ", ")));
        return;
      }
      group->from.remove(*supplier);
    }
    if (auto need = doc_.find(args, "need"); need != kNoYamlNode) set_need(*group, need);
    if (group->from.empty() || group->from.size() < group->need)
      fields_.error(node, fmt::format("the {} group of '{}' would have {} supplier{} but need {}; expected 'need' of at "
                                      "most the number of suppliers",
                                      group->kind, asset->id, group->from.size(), group->from.size() == 1 ? "" : "s",
                                      group->need));
  }

  void set_need(DependencyGroup& group, YamlNodeId node) {
    auto need = fields_.integer(node, "'need'");
    if (!need) return;
    if (*need < 1 || static_cast<std::size_t>(*need) > group.from.size())
      fields_.error(node, fmt::format("'need' is {}; expected 1 to {} (the number of suppliers)", *need, group.from.size()));
    else
      group.need = static_cast<std::uint32_t>(*need);
  }

  void set(YamlNodeId args) {
    Asset* asset = asset_of(args, "set");
    if (!asset) return;
    if (doc_.find(args, "kind") != kNoYamlNode) {
      fields_.check_keys(args, "'set' of a dependency group", {"asset", "kind", "need", "time_to_impact", "type", "buffer"});
      DependencyGroup* group = group_of(*asset, args, "set");
      if (!group) return;
      if (auto v = doc_.find(args, "need"); v != kNoYamlNode) set_need(*group, v);
      if (auto v = doc_.find(args, "time_to_impact"); v != kNoYamlNode) {
        if (auto text = fields_.string(v, "'time_to_impact'")) {
          if (auto hours = parse_duration(*text)) group->time_to_impact = *hours;
          else fields_.error(v, fmt::format("'time_to_impact' is '{}'; expected a duration such as 24h or 3d", *text));
        }
      }
      if (auto v = doc_.find(args, "type"); v != kNoYamlNode) {
        if (auto text = fields_.string(v, "'type'")) {
          if (auto type = parse_dependency_type(*text)) group->type = *type;
          else fields_.error(v, fmt::format("dependency type '{}' is unknown; expected physical, cyber, geographic or logical", *text));
        }
      }
      if (auto v = doc_.find(args, "buffer"); v != kNoYamlNode) {
        if (auto text = fields_.string(v, "'buffer'")) {
          if (auto mode = parse_buffer_mode(*text)) group->buffer = *mode;
          else fields_.error(v, fmt::format("buffer '{}' is unknown; expected pass-on or own", *text));
        }
      }
      return;
    }
    fields_.check_keys(args, "'set' of an asset",
                       {"asset", "kind", "p", "population", "name", "recovery", "restart"});
    if (auto v = doc_.find(args, "recovery"); v != kNoYamlNode) {
      // The same rule as the model reader's (docs/restoration.md).
      if (auto text = fields_.string(v, "'recovery'")) {
        auto hours = parse_duration(*text);
        if (!hours || *hours <= 0 || *hours == kNever)
          fields_.error(v, fmt::format("'recovery' is '{}'; expected a positive finite duration such as 12h", *text));
        else if (asset->is_virtual)
          fields_.error(v, fmt::format("'recovery' of '{}' is given but the asset is virtual; expected none: virtual "
                                       "assets never fail by themselves", asset->id));
        else
          asset->recovery = *hours;
      }
    }
    if (auto v = doc_.find(args, "restart"); v != kNoYamlNode) {
      if (auto text = fields_.string(v, "'restart'")) {
        auto hours = parse_duration(*text);
        if (!hours || *hours == kNever)
          fields_.error(
              v,
              fmt::format("'restart' is '{}'; expected a finite duration such as 2h (0 for none)",
                          *text));
        else if (asset->is_virtual)
          fields_.error(
              v, fmt::format(
                     "'restart' of '{}' is given but the asset is virtual; expected none: virtual "
                     "assets are back as soon as their groups are",
                     asset->id));
        else
          asset->restart = *hours;
      }
    }
    if (auto v = doc_.find(args, "p"); v != kNoYamlNode) {
      if (auto p = fields_.number(v, "'p'")) {
        if (*p < 0 || *p > 1) fields_.error(v, fmt::format("'p' is {}; expected a probability between 0 and 1", *p));
        else asset->p = *p;
      }
    }
    if (auto v = doc_.find(args, "population"); v != kNoYamlNode) {
      if (auto people = fields_.number(v, "'population'")) {
        if (*people < 0) fields_.error(v, fmt::format("'population' is {}; expected 0 or more", *people));
        else asset->serves["population"] = *people;
      }
    }
    if (auto v = doc_.find(args, "name"); v != kNoYamlNode) asset->name = fields_.string(v, "'name'").value_or(asset->name);
  }

  void set_cyber(YamlNodeId args) {
    Asset* asset = asset_of(args, "set_cyber");
    if (!asset) return;
    const YamlNodeId block = without_asset(args);
    const CyberProfile given = read_cyber_profile(scratch_, block, asset->id, diagnostics_);
    // Only the keys written change; the rest of the profile stays.
    CyberProfile& cyber = asset->cyber.edit();
    cyber.present = true;
    if (doc_.find(args, "internet_exposed") != kNoYamlNode) cyber.internet_exposed = given.internet_exposed;
    if (doc_.find(args, "remote_access") != kNoYamlNode) cyber.remote_access = given.remote_access;
    if (doc_.find(args, "network") != kNoYamlNode) cyber.network = given.network;
    if (doc_.find(args, "products") != kNoYamlNode) cyber.products = given.products;
    if (doc_.find(args, "controls") != kNoYamlNode) cyber.controls = given.controls;
  }

  void change_controls(YamlNodeId args, bool add) {
    const std::string_view op = add ? "add_controls" : "remove_controls";
    fields_.check_keys(args, fmt::format("'{}'", op), {"asset", "controls"});
    Asset* asset = asset_of(args, op);
    if (!asset) return;
    const YamlNodeId node = doc_.find(args, "controls");
    if (node == kNoYamlNode) {
      fields_.error(args, fmt::format("'{}' has no 'controls'; expected 'controls: [control-id, …]'", op));
      return;
    }
    auto controls = fields_.strings(node, "'controls'", true);
    if (!controls) return;
    auto& have = asset->cyber.edit().controls;
    asset->cyber.edit().present = true;
    for (const auto& control : *controls) {
      const bool listed = std::find(have.begin(), have.end(), control) != have.end();
      if (add && !listed) have.push_back(control);
      if (!add && !listed)
        fields_.error(node, fmt::format("asset '{}' does not have control '{}'; expected one of its controls: {}", asset->id,
                                        control, have.empty() ? std::string("(none)") : fmt::format("{}", fmt::join(have, ", "))));
      if (!add) std::erase(have, control);
    }
    std::sort(have.begin(), have.end());
  }

  Model& model_;
  const YamlDocument& doc_;
  YamlDocument scratch_;
  YamlFields fields_;
  Diagnostics& diagnostics_;
};

}  // namespace

bool apply_variant(Model& model, const MeasureFile& file, const Variant& variant, const CatalogIndex* catalogs,
                   Diagnostics& diagnostics) {
  Diagnostics found;
  VariantApplier applier(model, *file.document, found);
  for (const auto& change : variant.changes) applier.apply(change);
  if (!found.has_errors()) {
    // The changed model must pass the model's own checks; only its errors
    // matter here (its warnings were shown when the model was loaded).
    Diagnostics validation;
    validate_model(model, {}, catalogs, validation);
    for (const auto& item : validation.items())
      if (item.severity == Severity::error) found.add(item);
  }
  if (!found.has_errors())
    for (const auto& event : variant.events)
      if (!model.find(event.asset))
        found.error(event.where, fmt::format("event asset '{}' is not an asset of the model (with this variant); expected "
                                             "an asset id", event.asset));
  const bool ok = !found.has_errors();
  diagnostics.append(found);
  return ok;
}

}  // namespace knelpunt::model
