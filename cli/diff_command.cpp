/// `knelpunt diff OLD.json NEW.json`: risks added, resolved and changed
/// between two registers (docs/register.md). Exit 0 whatever the differences
/// (a CI job decides what to do with them), 2 when a file is unreadable or no register.

#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/model_input.hpp"
#include "model/input_file.hpp"
#include "register/register_diff.hpp"
#include "register/register_document.hpp"
#include "register/register_formats.hpp"

namespace knelpunt::cli {

namespace {

/// Reads and checks one register file; prints every problem and returns
/// nothing when it cannot be used.
std::optional<risk_register::RegisterDocument> read_or_report(const std::string& path) {
  const auto input = model::read_input_file(
      path, {"", "a register written by `knelpunt assess --format json`", model::kMaxRegisterFileBytes});
  if (!input.text) {
    std::cerr << fmt::format("knelpunt: error: {}: {}\n", path, input.problem.message);
    return std::nullopt;
  }
  auto result = risk_register::read_register_document(*input.text, path);
  for (const auto& problem : result.problems) std::cerr << "knelpunt: error: " << describe(problem) << "\n";
  if (result.problems.size() >= risk_register::kMaxDocumentProblems)
    std::cerr << fmt::format("knelpunt: error: {}: stopped after {} problems\n", path, result.problems.size());
  return std::move(result.document);
}

class DiffCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("diff", "Compare two registers: risks added, resolved and changed");
    command->add_option("OLD", old_path_, "The earlier register (JSON, from knelpunt assess --format json)")
        ->required();
    command->add_option("NEW", new_path_, "The later register (JSON)")->required();
    command->add_option("--format", format_,
                        fmt::format("Output format: {} (md: a merge-request comment)",
                                    fmt::join(risk_register::diff_format_ids(), ", ")))
        ->check(CLI::IsMember(risk_register::diff_format_ids()));
    command->add_option("--lang", lang_, "Language of the labels: nl (default) or en")
        ->check(CLI::IsMember({"nl", "en"}));
    command->add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout");
    command->footer(
        "Example:\n"
        "  knelpunt assess examples/dordrecht --format json -o new.json\n"
        "  knelpunt diff old.json new.json --format md --lang en > review.md\n"
        "Exit: 0 done (also when the registers differ), 2 a file unreadable or not a register");
    return command;
  }

  int run() override {
    // Read both before giving up, so that one run reports the problems of both files.
    auto old_register = read_or_report(old_path_);
    auto new_register = read_or_report(new_path_);
    if (!old_register || !new_register) return kExitBadInput;
    const auto diff = risk_register::diff_registers(*old_register, *new_register);
    // --format was checked against the same table (register/register_formats.hpp).
    const std::string text = risk_register::find_output_format(format_)->write_diff(diff, lang_);
    return write_output(text, output_) ? kExitOk : kExitInternal;
  }

 private:
  std::string old_path_, new_path_;
  std::string format_ = "text";
  std::string lang_ = "nl";
  std::string output_;
};

}  // namespace

std::unique_ptr<Command> make_diff_command() { return std::make_unique<DiffCommand>(); }

}  // namespace knelpunt::cli
