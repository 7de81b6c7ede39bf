#pragma once
/// Writing an output file safely: the one place where knelpunt writes a file
/// it was asked to write (registers, reports, CSV tables, reach shards, a
/// seeded tracking file). The rules (docs/security.md, Output files;
/// decision 022):
///  - the content goes to a temporary file beside the target, created with
///    O_CREAT|O_EXCL|O_NOFOLLOW under an unpredictable name (so nothing
///    planted under that name is followed or reused), is written whole,
///    fsync'ed, given its final mode and renamed over the target;
///  - the target keeps its mode (and, where the system allows, its owner and
///    group) when it is replaced; a new file gets 0666 minus the umask;
///  - a target that is not a regular file (a directory, FIFO, device, socket,
///    or a symbolic link) is refused, and so is one of the run's inputs
///    (same device and inode, symbolic links resolved);
///  - in create-only mode an existing target is never replaced, not even one
///    created while the run was busy;
///  - the temporary file is removed on every error path, and on SIGINT,
///    SIGTERM and SIGHUP (model/temporary_file_cleanup.hpp).

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knelpunt::model {

/// The files a run reads, identified by device and inode, so that an output
/// which is one of them (under any name: a symbolic link, a hard link,
/// `dir/../model.yaml`) is refused rather than replaced.
class ProtectedFiles {
 public:
  /// Adds `path` (symbolic links followed) when it exists; a path that does
  /// not exist cannot be overwritten by an output and is ignored. `role`
  /// completes the refusal "it is PATH, ROLE".
  void add(const std::filesystem::path& path, std::string_view role = "an input of this run");
  /// Adds every regular file directly in `directory` (not its subdirectories),
  /// for inputs known only by their directory (the feed cache).
  void add_files_in(const std::filesystem::path& directory);
  /// What the file with this device and inode is ("PATH, ROLE"), or nothing.
  std::optional<std::string> find(dev_t device, ino_t inode) const;
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    dev_t device;
    ino_t inode;
    std::string path;
    std::string role;
  };
  std::vector<Entry> entries_;
};

/// Whether an existing target may be replaced.
enum class OutputMode {
  replace,      ///< an existing regular file is replaced atomically
  create_only,  ///< the target must not exist, and is never replaced (`assess --seed-tracking`)
};

struct OutputFileOptions {
  const ProtectedFiles* inputs = nullptr;  ///< outputs that are one of these are refused
  OutputMode mode = OutputMode::replace;
  /// Test seam: the name (without directory) of the n-th temporary file
  /// tried (n = 0, 1, …; a name that exists is skipped). Empty: a random
  /// name `.~TARGET.<16 hex digits>.tmp`.
  std::function<std::string(int attempt)> temporary_name = {};
};

/// How a write ended: `refused` is the caller's input (exit 2: a target that
/// may not or cannot be written, such as an input, a FIFO or a directory that
/// does not exist); `failed` is the system (exit 3: no space, no permission,
/// an I/O error).
enum class OutputStatus { written, refused, failed };

struct OutputResult {
  OutputStatus status = OutputStatus::written;
  std::string message;  ///< when not written: "cannot write PATH: what is wrong; expected …"
};

/// The checks write_output_file makes before it writes anything (a file
/// name; an existing target a regular file, not a symbolic link, not one of
/// `options.inputs`, and absent in create-only mode; else an existing
/// directory to create it in), without writing: commands call it before a
/// long computation so a refused output fails at once. `written` when the
/// target passes; the write checks again (the file system may change).
OutputResult check_output_target(const std::filesystem::path& target, const OutputFileOptions& options = {});

/// Writes `content` to `target` by the rules above. Leaves no temporary
/// file behind, whatever the outcome; on refusal or failure the target is
/// unchanged.
OutputResult write_output_file(const std::filesystem::path& target, std::string_view content,
                               const OutputFileOptions& options = {});

/// Gives an output's text piece by piece: calls `write(piece)` for each piece
/// in order, and may stop once `write` returns false (the write failed).
using OutputProducer = std::function<void(const std::function<bool(std::string_view)>& write)>;

/// As above, for a text too large to hold whole beside the model it comes
/// from (the reach table of a national model is over 100 MB): the pieces go
/// to the temporary file as `produce` gives them.
OutputResult write_output_file(const std::filesystem::path& target, const OutputProducer& produce,
                               const OutputFileOptions& options = {});

/// How many names write_output_file tries before giving up on finding a free
/// temporary name.
inline constexpr int kMaxTemporaryNameAttempts = 64;

}  // namespace knelpunt::model
