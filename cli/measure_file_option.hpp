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
  /// (hidden from --help).
  void attach(CLI::App* command);

  /// The measure file given (by either name), or empty.
  const std::string& file() const { return file_; }

  /// When --scenario was used: prints that it is deprecated (unless
  /// `quiet`), and returns false after printing why when --measures was
  /// given too (then exit 2).
  bool check_deprecated_or_report(bool quiet) const;

  /// A measure file and a variant go together: false (after printing why)
  /// when exactly one of them is given.
  bool pairs_with_or_report(const std::string& variant) const;

 private:
  std::string file_;
  CLI::Option* measures_ = nullptr;
  CLI::Option* deprecated_ = nullptr;
};

}  // namespace knelpunt::cli
