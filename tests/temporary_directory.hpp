#pragma once
/// Test helpers for tests that need files: a fresh directory under the
/// system's temporary directory (unique per process and per instance,
/// removed with everything in it afterwards), and whole-file write and read.

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include <unistd.h>

namespace knelpunt::testing {

struct TemporaryDirectory {
  std::filesystem::path path;
  /// `name` tells the tests' directories apart; with `create` false the
  /// directory does not exist yet (for code that must create it).
  explicit TemporaryDirectory(std::string_view name, bool create = true) {
    static std::atomic<int> counter{0};
    path = std::filesystem::temp_directory_path() /
           ("knelpunt-" + std::string(name) + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path);
    if (create) std::filesystem::create_directories(path);
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
};

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace knelpunt::testing
