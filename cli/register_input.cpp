#include "cli/register_input.hpp"

#include <iostream>

#include <fmt/format.h>

#include "cli/diagnostics_printer.hpp"
#include "model/input_file.hpp"

namespace knelpunt::cli {

std::optional<risk_register::RegisterDocument> read_register_or_report(const std::string& path) {
  const auto input = model::read_input_file(
      path, {"", "a register written by `knelpunt assess --format json`", model::InputLimit::register_json});
  if (!input.text) {
    std::cerr << fmt::format("knelpunt: error: {}: {}\n", path, input.problem.message);
    return std::nullopt;
  }
  auto result = risk_register::read_register_document(*input.text, path);
  print_diagnostics(result.problems, false);
  if (result.problems.items().size() >= risk_register::kMaxDocumentProblems)
    std::cerr << fmt::format("knelpunt: error: {}: stopped after {} problems\n", path, result.problems.items().size());
  return std::move(result.document);
}

}  // namespace knelpunt::cli
