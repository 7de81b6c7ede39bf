#pragma once
/// The one way cli/ prints diagnostics on stderr: each on its own line as
/// file:line:col: severity: message (docs/ARCHITECTURE.md: only cli/ prints),
/// and, when there were errors, the line that says nothing was written.

#include <string>

#include "model/diagnostic.hpp"

namespace knelpunt::cli {

/// Prints every error, and every warning unless `quiet`, in the order of `diagnostics`.
void print_diagnostics(const model::Diagnostics& diagnostics, bool quiet);

/// The files that hold the errors of `diagnostics`, sorted and ", "-joined;
/// an error without a file counts as "the assessment inputs".
std::string files_with_errors(const model::Diagnostics& diagnostics);

/// "knelpunt: N error(s) in WHERE; nothing written".
void print_nothing_written(const model::Diagnostics& diagnostics, const std::string& where);

/// print_diagnostics, then — when there are errors — print_nothing_written
/// naming `where`. Returns whether there were errors (then exit 2).
bool report_diagnostics(const model::Diagnostics& diagnostics, bool quiet, const std::string& where);

}  // namespace knelpunt::cli
