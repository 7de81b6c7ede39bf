#pragma once
/// The measure-file option of `whatif`, `assess` and `compare`: `--measures
/// FILE`, a measure file with model variants (docs/measures.md). Its old name
/// `--scenario` still works for one release, with a warning: it was easily
/// taken for `--scenario-id` and the `scenario` assessor, which mean the
/// model's own scenarios.

#include <string>

#include <CLI/CLI.hpp>

namespace knelpunt::cli {

class MeasureFileOption {
 public:
  /// Adds `--measures FILE` and the deprecated alias `--scenario FILE`
  /// (hidden from --help; giving both is a usage error).
  void attach(CLI::App* command);

  /// The measure file given (by either name), or empty.
  const std::string& file() const { return file_; }

  /// Prints on stderr that --scenario is deprecated, when it was used (unless `quiet`).
  void warn_if_deprecated(bool quiet) const;

  /// A measure file and a variant go together: false (after printing why)
  /// when exactly one of them is given.
  bool pairs_with_or_report(const std::string& variant) const;

 private:
  std::string file_;
  CLI::Option* deprecated_ = nullptr;
};

}  // namespace knelpunt::cli
