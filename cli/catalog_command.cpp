/// `knelpunt catalog list | show NAME | fetch kev|epss`: the shipped reference
/// catalogues (with a model's overrides when --model is given) and the
/// cached online feeds (cli/catalog_fetch.cpp).

#include <iostream>

#include <fmt/format.h>

#include "catalogs/catalog_set.hpp"
#include "cli/catalog_fetch.hpp"
#include "cli/commands.hpp"
#include "cli/diagnostics_printer.hpp"
#include "cli/exit_codes.hpp"
#include "cli/model_input.hpp"
#include "model/suggest.hpp"

namespace knelpunt::cli {

namespace {

std::string text_of(const catalogs::Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

class CatalogCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("catalog", "Reference catalogues and the cached threat feeds");
    command->require_subcommand(1);
    command->footer(
        "Examples:\n  knelpunt catalog list\n  knelpunt catalog show threats --format json\n"
        "  knelpunt catalog show scoring --model examples/dordrecht   (with the model's overrides)\n"
        "  knelpunt catalog fetch kev");
    list_ = command->add_subcommand("list", "List the catalogues: name, version, entries, source");
    list_->add_option("--model", model_path_, "Apply this model's `catalogs:` overrides")->check(non_empty_model_path());
    list_->add_option("--format", format_, "Output format")->check(CLI::IsMember({"text", "json"}));
    show_ = command->add_subcommand("show", "Print one catalogue: its source and every entry");
    show_->add_option("name", name_, "Catalogue name (see catalog list)")->required();
    show_->add_option("--model", model_path_, "Apply this model's `catalogs:` overrides")->check(non_empty_model_path());
    show_->add_option("--format", format_, "Output format")->check(CLI::IsMember({"text", "json"}));
    attach_catalog_fetch(command, fetch_options_);
    fetch_ = command->get_subcommand("fetch");
    return command;
  }

  int run() override {
    if (fetch_ && fetch_->parsed()) return run_catalog_fetch(fetch_options_);
    std::optional<catalogs::CatalogSet> set = load();
    if (!set) return kExitBadInput;
    if (list_->parsed()) return list(*set);
    return show(*set);
  }

 private:
  /// The shipped catalogues, or a model's effective ones (which needs the model to load).
  std::optional<catalogs::CatalogSet> load() {
    if (!model_path_.empty()) {
      auto loaded = load_model_or_report(model_path_);
      if (!loaded) return std::nullopt;
      return std::move(loaded->catalogs);
    }
    model::Diagnostics diagnostics;
    auto set = catalogs::load_catalog_set(data_dir() / "catalogs", diagnostics);
    if (!diagnostics.has_errors()) catalogs::read_reference_data(set, diagnostics);
    print_diagnostics(diagnostics, /*quiet=*/false);
    if (diagnostics.has_errors()) {
      std::cerr << "knelpunt: the catalogues are unusable; expected valid files in "
                << (data_dir() / "catalogs").string() << "\n";
      return std::nullopt;
    }
    return set;
  }

  int list(const catalogs::CatalogSet& set) {
    if (format_ == "json") {
      catalogs::Json out = catalogs::Json::object();
      out["format"] = "knelpunt-catalogs/1";
      catalogs::Json list = catalogs::Json::array();
      for (const auto& catalog : set.catalogs) {
        catalogs::Json item = catalogs::Json::object();
        item["name"] = catalog.name;
        item["version"] = catalog.version;
        item["entries"] = catalog.entries.size();
        item["source"] = catalog.source;
        item["overridden_by"] = catalog.overridden_by;
        list.push_back(std::move(item));
      }
      out["catalogs"] = std::move(list);
      std::cout << out.dump(2) << "\n";
      return kExitOk;
    }
    std::cout << fmt::format("{:<16} {:>7} {:>7}  {}\n", "catalogue", "version", "entries", "source");
    for (const auto& catalog : set.catalogs) {
      std::string source = text_of(catalog.source.value("title", catalogs::Json()));
      if (catalog.source.value("defaults", false)) source += " [knelpunt defaults]";
      if (!catalog.overridden_by.empty()) source += " (overridden by the model)";
      std::cout << fmt::format("{:<16} {:>7} {:>7}  {}\n", catalog.name, catalog.version, catalog.entries.size(), source);
    }
    return kExitOk;
  }

  int show(const catalogs::CatalogSet& set) {
    const catalogs::Catalog* catalog = set.find(name_);
    if (!catalog) {
      std::cerr << fmt::format("knelpunt: unknown catalogue '{}'{}; expected one of {}\n", name_,
                               model::did_you_mean(name_, std::span<const std::string_view>(catalogs::kCatalogNames)),
                               fmt::join(catalogs::kCatalogNames, ", "));
      return kExitBadInput;
    }
    if (format_ == "json") {
      std::cout << catalog->to_json().dump(2) << "\n";
      return kExitOk;
    }
    std::cout << fmt::format("{} (version {}, {} entries)\n", catalog->name, catalog->version, catalog->entries.size());
    for (const auto& [key, value] : catalog->source.items()) std::cout << fmt::format("  source.{}: {}\n", key, text_of(value));
    for (const auto& file : catalog->overridden_by) std::cout << fmt::format("  overridden by: {}\n", file);
    for (const auto& [key, value] : catalog->extra.items()) std::cout << fmt::format("  {}: {}\n", key, value.dump());
    std::size_t width = 0;
    for (const auto& entry : catalog->entries) width = std::max(width, entry.id.size());
    for (const auto& entry : catalog->entries) {
      std::string line = fmt::format("{:<{}}  {}", entry.id, width, text_of(entry.fields.value("name", catalogs::Json())));
      for (const auto& [key, value] : entry.fields.items())
        if (key != "id" && key != "name") line += fmt::format("; {}: {}", key, text_of(value));
      std::cout << line << "\n";
    }
    return kExitOk;
  }

  CLI::App* list_ = nullptr;
  CLI::App* show_ = nullptr;
  CLI::App* fetch_ = nullptr;
  std::string model_path_, name_, format_ = "text";
  CatalogFetchOptions fetch_options_;
};

}  // namespace

std::unique_ptr<Command> make_catalog_command() { return std::make_unique<CatalogCommand>(); }

}  // namespace knelpunt::cli
