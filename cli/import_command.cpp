/// `knelpunt import mef FILE.xml… --top GATE [-o model.yaml] [--force]`: a
/// coherent fault tree in Open-PSA MEF as a knelpunt model
/// (docs/fault-tree-import.md, decision 033). The files are read and checked
/// by model/mef_reader and model/mef_fault_tree; the model file is written by
/// register/fault_tree_model_writer, create-only unless --force (as
/// `tracking import`); what it says besides errors is cli/import_report.

#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "cli/diagnostics_printer.hpp"
#include "cli/exit_codes.hpp"
#include "cli/import_report.hpp"
#include "cli/model_input.hpp"
#include "model/mef_fault_tree.hpp"
#include "model/mef_reader.hpp"
#include "register/fault_tree_model_writer.hpp"

namespace knelpunt::cli {

namespace fs = std::filesystem;

namespace {

class ImportCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command =
        app.add_subcommand("import", "Turn a model of another tool into a knelpunt model");
    command->require_subcommand(1);
    command->footer(
        "Example:\n  knelpunt import mef tree.xml basic-events.xml --top TOP_GATE -o tree.yaml");
    auto* mef = command->add_subcommand(
        "mef", "A coherent fault tree in Open-PSA MEF XML (SCRAM and others) as a knelpunt model");
    mef->add_option("files", files_,
                    "The MEF files; their definitions combine (a tree and its basic events may be "
                    "in separate files)")
        ->required();
    mef->add_option("--top", top_, "The gate whose failure the model is about (its top event)")
        ->required();
    mef->add_option("-o,--output", output_,
                    "Write the model here (created; an existing file only with --force); default: "
                    "stdout");
    mef->add_flag("--force", force_, "Replace an existing -o file");
    mef->add_flag("-q,--quiet", quiet_, "Print errors only");
    mef->footer(
        "Gates become virtual assets, basic events assets with their p; not, xor, house events,\n"
        "CCF groups, event trees and non-constant probabilities are refused "
        "(docs/fault-tree-import.md).\n"
        "Example:\n"
        "  knelpunt import mef chinese.xml chinese-basic-events.xml --top r1 -o chinese.yaml\n"
        "  knelpunt cutsets chinese.yaml --target r1 --horizon inf --probability\n"
        "Exit: 0 written, 2 bad input (a construct the import cannot express, an existing -o "
        "without --force), 3 internal error");
    return command;
  }

  int run() override {
    std::vector<fs::path> paths(files_.begin(), files_.end());
    model::ProtectedFiles inputs;
    for (const auto& f : files_) inputs.add(f, "a MEF file this run reads");
    const auto mode = force_ ? model::OutputMode::replace : model::OutputMode::create_only;
    if (const int existing = refuse_existing_without_force(output_, force_, "import mef", "");
        existing != kExitOk)
      return existing;
    if (const int checked = check_output(output_, inputs, mode); checked != kExitOk) return checked;

    model::Diagnostics diagnostics;
    const auto definitions = model::read_mef_files(paths, diagnostics);
    if (report_diagnostics(diagnostics, quiet_, files_with_errors(diagnostics)))
      return kExitBadInput;
    if (const auto problem = model::mef_top_problem(definitions, top_); !problem.empty()) {
      std::cerr << "knelpunt: " << problem << "; nothing written\n";
      return kExitBadInput;
    }
    const auto tree = model::import_mef_fault_tree(definitions, top_, diagnostics);
    if (report_diagnostics(diagnostics, quiet_, files_with_errors(diagnostics)) || !tree)
      return kExitBadInput;

    if (!quiet_) std::cerr << render_missing_probabilities(*tree);
    std::vector<std::string> sources;
    for (const auto& p : paths) sources.push_back(p.filename().string());
    const auto text = risk_register::write_fault_tree_model(*tree, sources);
    if (const int written = write_output(text, output_, inputs, mode); written != kExitOk)
      return written;
    if (!quiet_) std::cerr << render_import_summary(definitions, *tree, top_, output_);
    return kExitOk;
  }

 private:
  std::vector<std::string> files_;
  std::string top_, output_;
  bool force_ = false, quiet_ = false;
};

}  // namespace

std::unique_ptr<Command> make_import_command() { return std::make_unique<ImportCommand>(); }

}  // namespace knelpunt::cli
