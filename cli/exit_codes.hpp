#pragma once
/// Process exit codes (docs/ARCHITECTURE.md). Only cli/ picks them.

namespace knelpunt::cli {

enum ExitCode : int {
  kExitOk = 0,         ///< done
  kExitThreshold = 1,  ///< --fail-on threshold reached
  kExitBadInput = 2,   ///< the input (model, options, files) is wrong
  kExitInternal = 3,   ///< a bug, an I/O or a network failure
};

}  // namespace knelpunt::cli
