#include "cli/measure_file_option.hpp"

#include <iostream>

namespace knelpunt::cli {

void MeasureFileOption::attach(CLI::App* command) {
  auto* measures = command->add_option("--measures", file_, "Measure file with model variants (docs/measures.md)");
  // The old name, kept for one release; group "" hides it from --help.
  deprecated_ = command->add_option("--scenario", file_, "Deprecated: use --measures")->group("");
  deprecated_->excludes(measures);
}

void MeasureFileOption::warn_if_deprecated(bool quiet) const {
  if (quiet || !deprecated_ || deprecated_->count() == 0) return;
  std::cerr << "knelpunt: warning: --scenario is deprecated and will be removed; use --measures FILE (the measure "
               "file with model variants)\n";
}

bool MeasureFileOption::pairs_with_or_report(const std::string& variant) const {
  if (file_.empty() == variant.empty()) return true;
  std::cerr << "knelpunt: --measures and --variant go together; expected both (a measure file and one of its "
               "variants) or neither\n";
  return false;
}

}  // namespace knelpunt::cli
