#include "cli/measure_file_option.hpp"

#include <iostream>

namespace knelpunt::cli {

void MeasureFileOption::attach(CLI::App* command) {
  measures_ = command->add_option("--measures", file_, "Measure file with model variants (docs/measures.md)");
  // The old name, kept for one release; group "" hides it from --help.
  deprecated_ = command->add_option("--scenario", file_, "Deprecated: use --measures")->group("");
}

bool MeasureFileOption::check_deprecated_or_report(bool quiet) const {
  if (!deprecated_ || deprecated_->count() == 0) return true;
  if (!quiet)
    std::cerr << "knelpunt: warning: --scenario is deprecated and will be removed; use --measures FILE (the measure "
                 "file with model variants)\n";
  if (measures_->count() == 0) return true;
  std::cerr << "knelpunt: --scenario and --measures both given; expected only --measures FILE (--scenario is its "
               "deprecated name)\n";
  return false;
}

bool MeasureFileOption::pairs_with_or_report(const std::string& variant) const {
  if (file_.empty() == variant.empty()) return true;
  std::cerr << "knelpunt: --measures and --variant go together; expected both (a measure file and one of its "
               "variants) or neither\n";
  return false;
}

}  // namespace knelpunt::cli
