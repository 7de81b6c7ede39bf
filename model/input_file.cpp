#include "model/input_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <system_error>


namespace knelpunt::model {

namespace {

InputFileText refusal(const std::filesystem::path& path, const InputFileKind& kind,
                      std::string_view reason) {
  InputFileText result;
  result.problem.severity = Severity::error;
  result.problem.where.file = path.string();
  result.problem.message =
      fmt::format("cannot read{}{}{}; expected {}", kind.what.empty() ? "" : " ", kind.what, reason,
                  kind.expected);
  return result;
}

std::string system_reason(int error) {
  return " (" + std::error_code(error, std::generic_category()).message() + ")";
}

/// Why a file of this type is refused, or "" for a regular file.
std::string_view not_regular(mode_t mode) {
  if (S_ISREG(mode)) return "";
  if (S_ISDIR(mode)) return ": it is a directory";
  if (S_ISFIFO(mode)) return ": it is a FIFO (named pipe), not a regular file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return ": it is a device, not a regular file";
  if (S_ISSOCK(mode)) return ": it is a socket, not a regular file";
  return ": it is not a regular file";
}

std::string too_large(std::uint64_t size, InputLimit limit) {
  return fmt::format(": it is {} bytes, more than the limit of {} (raise it for this run with "
                     "KNELPUNT_INPUT_LIMITS={}=SIZE, docs/security.md)",
                     size, byte_size_text(input_limit(limit)), input_limit_key(limit));
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

/// Reads up to `limit` + 1 bytes; returns the errno of a failed read, or 0.
int read_bounded(int fd, std::uint64_t limit, std::string& out) {
  const std::uint64_t wanted = limit + 1;
  char chunk[64 * 1024];
  while (out.size() < wanted) {
    const auto request =
        static_cast<std::size_t>(std::min<std::uint64_t>(sizeof chunk, wanted - out.size()));
    const ssize_t got = ::read(fd, chunk, request);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return errno;
    if (got == 0) break;
    out.append(chunk, static_cast<std::size_t>(got));
  }
  return 0;
}

}  // namespace

InputFileText read_input_file(const std::filesystem::path& path, const InputFileKind& kind) {
  // Look before opening, so that a FIFO or a device is never opened; look
  // again at what was opened, in case the path changed in between.
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return refusal(path, kind, system_reason(errno));
  if (auto reason = not_regular(info.st_mode); !reason.empty()) return refusal(path, kind, reason);
  const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (file.get() < 0) return refusal(path, kind, system_reason(errno));
  if (::fstat(file.get(), &info) != 0) return refusal(path, kind, system_reason(errno));
  if (auto reason = not_regular(info.st_mode); !reason.empty()) return refusal(path, kind, reason);
  const auto size = static_cast<std::uint64_t>(info.st_size);
  const std::uint64_t max_bytes = input_limit(kind.limit);
  if (size > max_bytes) return refusal(path, kind, too_large(size, kind.limit));
  std::string text;
  text.reserve(static_cast<std::size_t>(size));
  if (const int error = read_bounded(file.get(), max_bytes, text); error != 0)
    return refusal(path, kind, system_reason(error));
  if (text.size() > max_bytes)
    return refusal(path, kind,
                   fmt::format(": it grew past the limit of {} while being read", byte_size_text(max_bytes)));
  InputFileText result;
  result.text = std::move(text);
  return result;
}

}  // namespace knelpunt::model
