#include "cli/diagnostics_printer.hpp"

#include <iostream>
#include <set>

#include <fmt/format.h>

namespace knelpunt::cli {

void print_diagnostics(const model::Diagnostics& diagnostics, bool quiet) {
  for (const auto& d : diagnostics.items())
    if (d.severity == model::Severity::error || !quiet) std::cerr << d.to_string() << "\n";
}

std::string files_with_errors(const model::Diagnostics& diagnostics) {
  std::set<std::string> files;
  for (const auto& item : diagnostics.items())
    if (item.severity == model::Severity::error)
      files.insert(item.where.file.empty() ? "the assessment inputs" : item.where.file);
  return fmt::format("{}", fmt::join(files, ", "));
}

void print_nothing_written(const model::Diagnostics& diagnostics, const std::string& where) {
  std::cerr << fmt::format("knelpunt: {} error{} in {}; nothing written\n", diagnostics.error_count(),
                           diagnostics.error_count() == 1 ? "" : "s", where);
}

bool report_diagnostics(const model::Diagnostics& diagnostics, bool quiet, const std::string& where) {
  print_diagnostics(diagnostics, quiet);
  if (!diagnostics.has_errors()) return false;
  print_nothing_written(diagnostics, where);
  return true;
}

}  // namespace knelpunt::cli
