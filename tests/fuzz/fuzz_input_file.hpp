#pragma once
// For fuzz targets whose parser takes a path (it reads through the bounded
// input reader, model/input_file.hpp): the input is written to a file of
// this process first. One file per target name, rewritten every run.
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

inline std::filesystem::path fuzz_input_file(const std::uint8_t* data, std::size_t size,
                                             const std::string& name) {
  // Removed when the process ends normally, so CTest runs leave nothing behind.
  struct Directory {
    std::filesystem::path path;
    Directory()
        : path(std::filesystem::temp_directory_path() /
               ("knelpunt-fuzz-" + std::to_string(::getpid()))) {
      std::filesystem::create_directories(path);
    }
    ~Directory() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static const Directory directory;
  const auto path = directory.path / name;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) std::abort();  // the harness, not the parser, failed
  while (size > 0) {
    const ssize_t written = ::write(fd, data, size);
    if (written <= 0) std::abort();
    data += written;
    size -= static_cast<std::size_t>(written);
  }
  ::close(fd);
  return path;
}
