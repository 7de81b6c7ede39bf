/// `knelpunt validate MODEL`: load and check a model; exit 0 when clean, 2 on errors.

#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/diagnostics_printer.hpp"
#include "cli/exit_codes.hpp"
#include "cli/kept_until_exit.hpp"
#include "cli/model_input.hpp"
#include "cli/validate_report.hpp"

namespace knelpunt::cli {

namespace {

class ValidateCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("validate", "Check a model: every error with file:line:col");
    add_model_argument(command, model_path_);
    command->add_option("--format", format_, "Output format")->check(CLI::IsMember({"text", "json"}));
    command->add_flag("-q,--quiet", quiet_, "Print errors only");
    command->add_flag("-v,--verbose", verbose_, "List the dependency cycles");
    command->footer("Example: knelpunt validate examples/dordrecht\nExit: 0 valid, 2 errors (each printed as file:line:col: error: …)");
    return command;
  }

  int run() override {
    if (format_ == "json") return run_json();
    // Freed by the process's exit, not allocation by allocation (kept_until_exit.hpp).
    auto& loaded = kept_until_exit(load_model_or_report(model_path_, quiet_));
    if (!loaded) return kExitBadInput;
    const auto cycles = model_cycles(loaded->model, *loaded->graph);
    print_diagnostics(unsupplied_cycle_warnings(cycles), quiet_);
    if (quiet_) return kExitOk;
    std::cout << render_validation_text(loaded->model, cycles, verbose_);
    return kExitOk;
  }

 private:
  int run_json() {
    const auto result = load_model_checked(model_path_).result;
    model::Diagnostics diagnostics = result.diagnostics;
    std::optional<ModelCycles> cycles;
    if (result.model) {
      model::DependencyGraph graph(*result.model);
      cycles = model_cycles(*result.model, graph);
      diagnostics.append(unsupplied_cycle_warnings(*cycles));
      diagnostics.sort();
    }
    nlohmann::ordered_json out;
    out["format"] = "knelpunt-validation/1";
    out["valid"] = !diagnostics.has_errors();
    out["diagnostics"] = nlohmann::ordered_json::array();
    for (const auto& d : diagnostics.items()) {
      nlohmann::ordered_json item;
      item["severity"] = d.severity == model::Severity::error ? "error" : "warning";
      item["file"] = d.where.file;
      item["line"] = d.where.line;
      item["column"] = d.where.column;
      item["message"] = d.message;
      out["diagnostics"].push_back(std::move(item));
    }
    if (result.model) {
      out["assets"] = result.model->assets.size();
      out["scenarios"] = result.model->scenarios.size();
      add_cycles_json(out, *cycles);
    }
    std::cout << out.dump(2) << "\n";
    return diagnostics.has_errors() ? kExitBadInput : kExitOk;
  }

  std::string model_path_;
  std::string format_ = "text";
  bool quiet_ = false;
  bool verbose_ = false;
};

}  // namespace

std::unique_ptr<Command> make_validate_command() { return std::make_unique<ValidateCommand>(); }

}  // namespace knelpunt::cli
