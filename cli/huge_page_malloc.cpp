#include "cli/huge_page_malloc.hpp"

#include <unistd.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>

namespace knelpunt::cli {

namespace fs = std::filesystem;

namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitizedAllocator = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitizedAllocator = true;
#else
constexpr bool kSanitizedAllocator = false;
#endif
#else
constexpr bool kSanitizedAllocator = false;
#endif

constexpr std::string_view kTunable = "glibc.malloc.hugetlb";

/// Directory entries looked at in all, so that an argument naming a large
/// directory that is no model (a home directory) costs little.
constexpr int kMaxEntries = 10000;

/// True when the kernel gives transparent huge pages only to memory that
/// asks for them: the file reads "always [madvise] never".
bool huge_pages_on_request() {
  std::ifstream setting("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string line;
  return std::getline(setting, line) && line.find("[madvise]") != std::string::npos;
}

bool is_input_file(const fs::path& path) {
  static constexpr std::array<std::string_view, 4> kExtensions = {".yaml", ".yml", ".csv", ".xml"};
  const std::string extension = path.extension().string();
  for (auto known : kExtensions)
    if (extension == known) return true;
  return false;
}

/// Adds the regular files of `directory` (and, at `depth` 0, of its
/// direct subdirectories) to `total`, up to `enough`.
void add_directory(const fs::path& directory, int depth, std::uintmax_t enough,
                   std::uintmax_t& total, int& entries) {
  std::error_code ec;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end && total < enough;
       it.increment(ec)) {
    if (++entries > kMaxEntries) return;
    const auto status = it->symlink_status(ec);
    if (ec) return;
    if (fs::is_regular_file(status)) {
      const auto size = it->file_size(ec);
      if (!ec) total += size;
      ec.clear();
    } else if (fs::is_directory(status) && depth == 0) {
      add_directory(it->path(), depth + 1, enough, total, entries);
    }
  }
}

}  // namespace

std::uintmax_t named_input_bytes(int argc, char** argv, std::uintmax_t enough) {
  std::uintmax_t total = 0;
  int entries = 0;
  for (int i = 2; i < argc && total < enough; ++i) {
    if (argv[i] == nullptr || argv[i][0] == '-' || argv[i][0] == '\0') continue;
    const fs::path path(argv[i]);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec) continue;
    if (fs::is_directory(status)) {
      add_directory(path, 0, enough, total, entries);
    } else if (fs::is_regular_file(status) && is_input_file(path)) {
      const auto size = fs::file_size(path, ec);
      if (!ec) total += size;
    }
  }
  return total;
}

void reexecute_with_huge_page_malloc(int argc, char** argv) {
#if defined(__linux__) && defined(__GLIBC__)
  if (kSanitizedAllocator || argc < 2 || argv == nullptr || argv[0] == nullptr ||
      argv[1] == nullptr)
    return;
  if (const char* choice = std::getenv("KNELPUNT_HUGE_PAGES");
      choice && std::string_view(choice) == "0")
    return;
  const char* given = std::getenv("GLIBC_TUNABLES");
  const std::string tunables = given ? given : "";
  if (tunables.find(kTunable) != std::string::npos) return;
  const bool large = std::string_view(argv[1]) == "cutsets" ||
                     named_input_bytes(argc, argv, kLargeInputBytes) >= kLargeInputBytes;
  if (!large || !huge_pages_on_request()) return;
  const std::string with_huge_pages =
      (tunables.empty() ? std::string() : tunables + ":") + std::string(kTunable) + "=1";
  if (::setenv("GLIBC_TUNABLES", with_huge_pages.c_str(), 1) != 0) return;
  ::execv("/proc/self/exe", argv);
  // Still here: no /proc, or the program cannot be executed again. Run as
  // started, with the environment as it was.
  if (given)
    ::setenv("GLIBC_TUNABLES", tunables.c_str(), 1);
  else
    ::unsetenv("GLIBC_TUNABLES");
#else
  (void)argc;
  (void)argv;
#endif
}

}  // namespace knelpunt::cli
