#include "model/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <system_error>

#include "model/temporary_file_cleanup.hpp"

namespace knelpunt::model {

namespace fs = std::filesystem;

void ProtectedFiles::add(const fs::path& path, std::string_view role) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return;
  for (const auto& entry : entries_)
    if (entry.device == status.st_dev && entry.inode == status.st_ino) return;
  entries_.push_back({status.st_dev, status.st_ino, path.string(), std::string(role)});
}

void ProtectedFiles::add_files_in(const fs::path& directory) {
  std::error_code ec;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_regular_file(ec)) add(it->path());
}

std::optional<std::string> ProtectedFiles::find(dev_t device, ino_t inode) const {
  for (const auto& entry : entries_)
    if (entry.device == device && entry.inode == inode) return entry.path + ", " + entry.role;
  return std::nullopt;
}

namespace {

// The umask, read once before main (single-threaded, so setting it back and
// forth races with no other file creation). A new output gets 0666 minus it.
mode_t read_umask() {
  const mode_t mask = ::umask(022);
  ::umask(mask);
  return mask;
}
const mode_t process_umask = read_umask();

std::string random_hex() {
  std::array<unsigned char, 8> bytes{};
  if (::getrandom(bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size())) {
    std::random_device device;
    for (auto& byte : bytes) byte = static_cast<unsigned char>(device());
  }
  std::string hex;
  for (const unsigned char byte : bytes) hex += fmt::format("{:02x}", byte);
  return hex;
}

const char* file_type_name(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "not a regular file";
}

OutputResult refused(const fs::path& target, const std::string& what) {
  return {OutputStatus::refused, fmt::format("cannot write {}: {}", target.string(), what)};
}

OutputResult failed(const fs::path& target, const std::string& what, int error) {
  return {OutputStatus::failed,
          fmt::format("cannot write {}: {} ({}); expected a writable location with free space",
                      target.string(), what, std::strerror(error))};
}

/// A missing or non-directory parent is the caller's mistake (exit 2); any
/// other reason a file cannot be created there is the system's (exit 3).
OutputResult cannot_create(const fs::path& target, const fs::path& directory, int error) {
  if (error == ENOENT || error == ENOTDIR)
    return refused(target,
                   fmt::format("the directory {} does not exist; expected an existing directory",
                               directory.string()));
  return failed(target, fmt::format("cannot create a file in {}", directory.string()), error);
}

/// Blocks the cleanup signals in this thread while a temporary file is
/// created and registered, or renamed and forgotten, so the handler never
/// sees a file that exists but is not registered.
class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t set;
    sigemptyset(&set);
    for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, signal_number);
    ::pthread_sigmask(SIG_BLOCK, &set, &previous_);
  }
  ~SignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &previous_, nullptr); }
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t previous_{};
};

/// A temporary file being written: closed and removed unless renamed.
class TemporaryFile {
 public:
  TemporaryFile() = default;
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() { discard(); }

  /// Creates `path` exclusively; false (errno set) when it cannot.
  bool create(const fs::path& path) {
    const SignalsBlocked blocked;
    slot_ = register_temporary_file(path.c_str());
    fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd_ < 0) {
      const int error = errno;
      forget_temporary_file(slot_);
      slot_ = -1;
      errno = error;
      return false;
    }
    path_ = path;
    return true;
  }

  int fd() const { return fd_; }
  const fs::path& path() const { return path_; }

  /// Closes the file; false (errno set) when the close reports an error.
  bool close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

  /// `finish` moved the file to its target: it is no longer ours to remove.
  template <typename Finish>
  bool finish(Finish finish_action) {
    const SignalsBlocked blocked;
    if (!finish_action()) return false;
    forget_temporary_file(slot_);
    slot_ = -1;
    path_.clear();
    return true;
  }

  void discard() {
    const int error = errno;
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    if (!path_.empty()) {
      const SignalsBlocked blocked;
      ::unlink(path_.c_str());
      forget_temporary_file(slot_);
    }
    slot_ = -1;
    path_.clear();
    errno = error;
  }

 private:
  int fd_ = -1;
  int slot_ = -1;
  fs::path path_;
};

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

/// Moves the finished temporary file to a target that must not exist: the
/// check and the move are one step (renameat2 RENAME_NOREPLACE, or link on
/// a file system without it), so a file created meanwhile is kept.
bool move_without_replacing(const fs::path& from, const fs::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return true;
  if (errno != EINVAL && errno != ENOSYS) return false;
  if (::link(from.c_str(), to.c_str()) != 0) return false;
  ::unlink(from.c_str());
  return true;
}

void sync_directory(const fs::path& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);  // durability of the rename; the write itself has succeeded
  ::close(fd);
}

/// The checks of check_output_target; `existing` and `exists` say what
/// stands at `target` now (lstat: a symbolic link is judged as itself), so
/// that the write keeps its mode and owner without looking again.
OutputResult inspect_target(const fs::path& target, const OutputFileOptions& options, struct stat& existing,
                            bool& exists) {
  const std::string name = target.filename().string();
  if (name.empty() || name == "." || name == "..")
    return refused(target, "it names a directory; expected a file name");
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");

  exists = ::lstat(target.c_str(), &existing) == 0;
  if (!exists && errno != ENOENT) {
    if (errno == ENOTDIR) return cannot_create(target, directory, errno);
    return failed(target, "cannot inspect it", errno);
  }
  if (!exists) {
    struct stat parent {};
    if (::stat(directory.c_str(), &parent) != 0) return cannot_create(target, directory, errno);
    if (!S_ISDIR(parent.st_mode)) return cannot_create(target, directory, ENOTDIR);
    return {};
  }
  if (S_ISLNK(existing.st_mode))
    return refused(
        target,
        "it is a symbolic link; expected a regular file or a new name (give the file the link "
        "points to, if that is the one to replace)");
  if (!S_ISREG(existing.st_mode))
    return refused(
        target, fmt::format("it is {}; expected a regular file or a new name (use - for stdout)",
                            file_type_name(existing.st_mode)));
  if (options.inputs)
    if (const auto what = options.inputs->find(existing.st_dev, existing.st_ino))
      return refused(
          target,
          fmt::format("it is {}; expected an output file that is none of the files this run "
                      "reads or has written (it is left as it is)",
                      *what));
  if (options.mode == OutputMode::create_only)
    return refused(target, "it exists; expected a new file (this output never replaces one)");
  return {};
}

}  // namespace

OutputResult check_output_target(const fs::path& target, const OutputFileOptions& options) {
  struct stat existing {};
  bool exists = false;
  return inspect_target(target, options, existing, exists);
}

OutputResult write_output_file(const fs::path& target, std::string_view content,
                               const OutputFileOptions& options) {
  return write_output_file(
      target, [&](const std::function<bool(std::string_view)>& write) { write(content); }, options);
}

OutputResult write_output_file(const fs::path& target, const OutputProducer& produce,
                               const OutputFileOptions& options) {
  struct stat existing {};
  bool exists = false;
  if (auto checked = inspect_target(target, options, existing, exists); checked.status != OutputStatus::written)
    return checked;
  const std::string name = target.filename().string();
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");

  TemporaryFile temporary;
  bool created = false;
  for (int attempt = 0; attempt < kMaxTemporaryNameAttempts && !created; ++attempt) {
    const std::string temporary_name = options.temporary_name
                                           ? options.temporary_name(attempt)
                                           : ".~" + name + "." + random_hex() + ".tmp";
    created = temporary.create(directory / temporary_name);
    if (!created && errno != EEXIST) return cannot_create(target, directory, errno);
  }
  if (!created)
    return failed(target, fmt::format("no free temporary name in {}", directory.string()), EEXIST);

  bool written = true;
  int write_error = 0;
  produce([&](std::string_view piece) {
    if (written && !write_all(temporary.fd(), piece)) {
      written = false;
      write_error = errno;
    }
    return written;
  });
  if (!written) return failed(target, "writing failed", write_error);
  if (::fsync(temporary.fd()) != 0) return failed(target, "writing failed", errno);
  // Replacing: the old file's owner, group (where the system allows; an
  // ordinary user can only keep a group of their own) and permission bits,
  // so a 0600 register stays 0600. New: 0666 minus the umask.
  mode_t mode = static_cast<mode_t>(0666 & ~process_umask);
  if (exists) {
    mode = existing.st_mode & 0777;
    struct stat created_status {};
    if (::fstat(temporary.fd(), &created_status) == 0 &&
        (created_status.st_uid != existing.st_uid || created_status.st_gid != existing.st_gid)) {
      const int kept = ::fchown(temporary.fd(), existing.st_uid, existing.st_gid);
      static_cast<void>(kept);  // EPERM: the new file stays ours, as any editor's would
    }
  }
  if (::fchmod(temporary.fd(), mode) != 0) return failed(target, "setting its mode failed", errno);
  if (!temporary.close()) return failed(target, "writing failed", errno);

  const bool create_only = options.mode == OutputMode::create_only;
  const fs::path temporary_path = temporary.path();
  if (!temporary.finish([&] {
        return create_only ? move_without_replacing(temporary_path, target)
                           : ::rename(temporary_path.c_str(), target.c_str()) == 0;
      })) {
    const int error = errno;
    if (error == EEXIST && create_only)
      return refused(
          target,
          "it was created while this run was busy; expected a new file (it is left as it is)");
    if (error == EISDIR || error == ENOTDIR)
      return refused(target, "it became a directory; expected a regular file or a new name");
    return failed(target, "replacing it failed", error);
  }
  sync_directory(directory);
  return {};
}

}  // namespace knelpunt::model
