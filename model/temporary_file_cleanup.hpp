#pragma once
/// The temporary files a run has open at this moment, so that an interrupted
/// run (SIGINT, SIGTERM, SIGHUP) removes them instead of leaving a partly
/// written register beside its target (docs/security.md, Output files).
/// `write_output_file` (model/output_file.hpp) registers each temporary file
/// for as long as it exists; the signal handler unlinks every registered
/// path, restores the default action and raises the signal again, so the
/// process still ends the way the signal asks.

#include <cstddef>

namespace knelpunt::model {

/// How many temporary files may be registered at once; a run writes its
/// outputs one after the other, so one is in use at a time.
inline constexpr std::size_t kMaxLiveTemporaryFiles = 8;

/// Installs the handler for SIGINT, SIGTERM and SIGHUP (a signal the process
/// was started with ignored, as under nohup, stays ignored). Call once, early
/// in main, before any thread starts. Idempotent.
void install_temporary_file_cleanup();

/// Registers `path` (an absolute or working-directory-relative path that fits
/// in PATH_MAX) for removal on a signal. Returns its slot, or -1 when every
/// slot is taken or the path is too long (the file is then only removed on
/// the ordinary error paths). Async-signal-safe with respect to the handler.
int register_temporary_file(const char* path) noexcept;

/// Forgets slot `slot` (from register_temporary_file; -1 is ignored). Call
/// once the file is gone (removed or renamed to its target).
void forget_temporary_file(int slot) noexcept;

}  // namespace knelpunt::model
