#include "model/model_loader.hpp"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "model/csv_model_tables.hpp"
#include "model/input_file.hpp"
#include "model/model_file_reader.hpp"
#include "model/model_validator.hpp"
#include "model/yaml_document.hpp"

namespace knelpunt::model {

namespace fs = std::filesystem;

namespace {

/// The tables' text and their rows are freed by now, but the allocator keeps
/// the pages of the holes they leave among the model's small blocks: at
/// national scale about a hundred MB of peak RSS that the model never uses
/// again (docs/performance.md). glibc gives them back on request.
void give_back_freed_memory() {
#ifdef __GLIBC__
  ::malloc_trim(0);
#endif
}

class Loader {
 public:
  Loader(const fs::path& path, const CatalogIndex* catalogs) : catalogs_(catalogs) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      root_ = path;
      entry_ = "model.yaml";
    } else {
      root_ = path.parent_path();
      entry_ = path.filename().string();
    }
    display_root_ = root_.lexically_normal();
    if (display_root_ == ".") display_root_.clear();
    canonical_root_ = fs::weakly_canonical(fs::absolute(root_.empty() ? fs::path(".") : root_, ec), ec);
  }

  LoadResult load() {
    LoadResult result;
    Model model;
    model.root = root_.string();
    std::error_code ec;
    const fs::path entry_path = root_ / entry_;
    if (!fs::exists(entry_path, ec)) {
      diagnostics_.error({display(entry_), 0, 0},
                         fs::is_directory(root_, ec)
                             ? "no model.yaml in this directory; expected a model directory or a model file"
                             : "file not found; expected a model directory (with model.yaml) or a model file");
      return finish(std::move(result));
    }
    read_yaml_files(entry_);
    // Assets are large (hundreds of bytes) and a national inventory holds a
    // million: a fragment's vector is taken whole when it is the only one
    // with assets (a CSV table), else they are moved into one reserved
    // vector, each fragment's freed once moved. Never two full copies at once.
    std::size_t total_assets = 0, fragments_with_assets = 0;
    for (const auto& fragment : fragments_) {
      total_assets += fragment.assets.size();
      fragments_with_assets += fragment.assets.empty() ? 0 : 1;
    }
    if (fragments_with_assets > 1) model.assets.reserve(total_assets);
    for (auto& fragment : fragments_) {
      if (fragments_with_assets == 1 && !fragment.assets.empty()) {
        model.assets = std::move(fragment.assets);
      } else {
        for (auto& asset : fragment.assets) model.assets.push_back(std::move(asset));
      }
      std::vector<Asset>().swap(fragment.assets);
      for (auto& scenario : fragment.scenarios) model.scenarios.push_back(std::move(scenario));
      for (auto& area : fragment.areas) model.areas.push_back(std::move(area));
    }
    if (region_) model.region = *region_;
    if (catalogs_) model.ungrounded_kinds = catalogs_->ungrounded_resource_kinds;
    validate_model(model, std::move(table_dependencies_), catalogs_, diagnostics_, std::move(table_supplies_));
    model.files.assign(files_.begin(), files_.end());
    give_back_freed_memory();
    if (!diagnostics_.has_errors()) result.model = std::move(model);
    return finish(std::move(result));
  }

 private:
  LoadResult finish(LoadResult result) {
    diagnostics_.sort();
    result.diagnostics = std::move(diagnostics_);
    return result;
  }

  std::string display(const std::string& relative) const {
    return display_root_.empty() ? relative : (display_root_ / relative).string();
  }

  /// Resolves a path written in `from_file` (relative to the model root);
  /// returns the root-relative path, or nothing after reporting why.
  std::optional<std::string> resolve(const PathReference& reference, const std::string& from_file,
                                     std::string_view what) {
    const fs::path written(reference.path);
    if (reference.path.empty() || written.is_absolute()) {
      diagnostics_.error(reference.where, fmt::format("{} '{}' is not a relative path; expected a path relative "
                                                      "to the file, inside the model directory",
                                                      what, reference.path));
      return std::nullopt;
    }
    const fs::path relative = (fs::path(from_file).parent_path() / written).lexically_normal();
    std::error_code ec;
    const fs::path resolved = fs::weakly_canonical(fs::absolute(root_ / relative, ec), ec);
    const auto [root_end, _] = std::mismatch(canonical_root_.begin(), canonical_root_.end(), resolved.begin(),
                                             resolved.end());
    if (ec || relative.empty() || *relative.begin() == ".." || root_end != canonical_root_.end()) {
      diagnostics_.error(reference.where, fmt::format("{} '{}' leaves the model directory; expected a path inside it",
                                                      what, reference.path));
      return std::nullopt;
    }
    if (!fs::is_regular_file(root_ / relative, ec)) {
      diagnostics_.error(reference.where, fmt::format("{} '{}' does not exist; expected a file at {}", what,
                                                      reference.path, display(relative.generic_string())));
      return std::nullopt;
    }
    return relative.generic_string();
  }

  /// Reads `entry` and every file it includes, depth first in the order
  /// written (a file's tables before its includes). Iterative, with a stack
  /// of pending includes, so a chain of includes of any length cannot
  /// overflow the call stack.
  void read_yaml_files(const std::string& entry) {
    struct Pending {
      std::string relative;
      SourceLocation included_at;
    };
    std::vector<Pending> pending{{entry, {}}};
    bool is_entry = true;
    while (!pending.empty()) {
      Pending next = std::move(pending.back());
      pending.pop_back();
      auto includes = read_yaml(next.relative, is_entry, next.included_at);
      is_entry = false;
      for (auto include = includes.rbegin(); include != includes.rend(); ++include)
        if (auto path = resolve(*include, next.relative, "include")) pending.push_back({*path, include->where});
    }
  }

  /// Reads one YAML file of the model and its tables; returns its includes.
  std::vector<PathReference> read_yaml(const std::string& relative, bool entry, const SourceLocation& included_at) {
    if (!files_.insert(relative).second) {
      diagnostics_.error(included_at, fmt::format("'{}' is included more than once; expected each file once",
                                                  relative));
      return {};
    }
    const std::string shown = display(relative);
    auto text = read_file(relative, {"the file", "a readable YAML file", InputLimit::yaml});
    if (!text) return {};
    auto document = YamlDocument::parse(*text, shown, diagnostics_);
    if (document.root() == kNoYamlNode) return {};
    auto fragment = read_model_file(document, entry, diagnostics_);
    if (entry) region_ = fragment.region;
    auto includes = fragment.includes;
    auto assets_table = fragment.assets_table;
    auto dependencies_table = fragment.dependencies_table;
    auto areas_table = fragment.areas_table;
    auto supplies_table = fragment.supplies_table;
    fragments_.push_back(std::move(fragment));
    if (assets_table)
      if (auto path = resolve(*assets_table, relative, "table")) read_asset_csv(*path, assets_table->where);
    if (dependencies_table)
      if (auto path = resolve(*dependencies_table, relative, "table"))
        read_dependency_csv(*path, dependencies_table->where);
    if (areas_table)
      if (auto path = resolve(*areas_table, relative, "table")) read_area_csv(*path, areas_table->where);
    if (supplies_table)
      if (auto path = resolve(*supplies_table, relative, "table")) read_supply_csv(*path, supplies_table->where);
    return includes;
  }

  /// A table's text parsed as CSV; nothing when it cannot be read, or when
  /// the file is already part of the model (another table, a YAML file of
  /// the model, model.yaml itself), which is reported at `named_at`.
  std::optional<CsvTable> read_csv(const std::string& relative, const SourceLocation& named_at) {
    if (!files_.insert(relative).second) {
      diagnostics_.error(named_at, fmt::format("table '{}' is already a file of this model (another table, an "
                                               "include or model.yaml); expected each table to be its own CSV file",
                                               relative));
      return std::nullopt;
    }
    auto text = read_file(relative, {"the file", "a readable CSV file", InputLimit::csv});
    if (!text) return std::nullopt;
    auto table = CsvTable::parse(*text, display(relative), diagnostics_);
    if (!table.complete()) return std::nullopt;  // reported; its columns would only add false errors
    return table;
  }

  /// The text of a file of the model, or nothing after reporting why not
  /// (located at the file as the model shows it).
  std::optional<std::string> read_file(const std::string& relative, const InputFileKind& kind) {
    auto input = read_input_file(root_ / relative, kind);
    if (!input.text) {
      input.problem.where.file = display(relative);
      diagnostics_.add(std::move(input.problem));
    }
    return std::move(input.text);
  }

  void read_asset_csv(const std::string& relative, const SourceLocation& named_at) {
    auto table = read_csv(relative, named_at);
    if (!table) return;
    ModelFragment fragment;
    read_asset_table(*table, display(relative), fragment.assets, diagnostics_);
    fragments_.push_back(std::move(fragment));
  }

  void read_area_csv(const std::string& relative, const SourceLocation& named_at) {
    auto table = read_csv(relative, named_at);
    if (!table) return;
    ModelFragment fragment;
    read_area_table(*table, display(relative), fragment.areas, diagnostics_);
    fragments_.push_back(std::move(fragment));
  }

  void read_supply_csv(const std::string& relative, const SourceLocation& named_at) {
    auto table = read_csv(relative, named_at);
    if (!table) return;
    read_supply_table(*table, display(relative), table_supplies_, diagnostics_);
  }

  void read_dependency_csv(const std::string& relative, const SourceLocation& named_at) {
    auto table = read_csv(relative, named_at);
    if (!table) return;
    read_dependency_table(*table, display(relative), table_dependencies_, diagnostics_);
  }

  const CatalogIndex* catalogs_;
  fs::path root_;
  fs::path display_root_;
  fs::path canonical_root_;
  std::string entry_;
  Diagnostics diagnostics_;
  std::set<std::string> files_;
  std::vector<ModelFragment> fragments_;
  std::optional<Region> region_;
  TableDependencies table_dependencies_;
  std::vector<TableSupply> table_supplies_;
};

}  // namespace

LoadResult load_model(const std::filesystem::path& path, const CatalogIndex* catalogs) {
  return Loader(path, catalogs).load();
}

}  // namespace knelpunt::model
