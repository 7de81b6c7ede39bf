#include "model/input_file.hpp"

#include <doctest/doctest.h>

#include "temporary_directory.hpp"
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

using namespace knelpunt::model;
namespace fs = std::filesystem;
using knelpunt::testing::TemporaryDirectory;
using knelpunt::testing::read_file;
using knelpunt::testing::write_file;

namespace {

const InputFileKind kProfile{"the profile", "a readable YAML file", InputLimit::yaml};

/// The YAML limit lowered to `bytes` for one test case, put back after it.
struct YamlLimit {
  explicit YamlLimit(std::uint64_t bytes) { REQUIRE(set_input_limits("yaml=" + std::to_string(bytes)).empty()); }
  ~YamlLimit() { reset_input_limits(); }
  YamlLimit(const YamlLimit&) = delete;
  YamlLimit& operator=(const YamlLimit&) = delete;
};

}  // namespace

TEST_CASE("a regular file is read whole, byte for byte") {
  TemporaryDirectory dir("input-file-test");
  const std::string bytes("profile: 1\r\n\0x", 14);
  write_file(dir.path / "p.yaml", bytes);
  const auto input = read_input_file(dir.path / "p.yaml", kProfile);
  REQUIRE(input.text);
  CHECK(*input.text == bytes);
}

TEST_CASE("an empty file is read as empty text; judging it is the parser's job") {
  TemporaryDirectory dir("input-file-test");
  write_file(dir.path / "empty.yaml", "");
  const auto input = read_input_file(dir.path / "empty.yaml", kProfile);
  REQUIRE(input.text);
  CHECK(input.text->empty());
}

TEST_CASE("a file of exactly the limit is read; one byte more is refused before reading") {
  TemporaryDirectory dir("input-file-test");
  const YamlLimit limit(16);
  write_file(dir.path / "at.yaml", std::string(16, 'a'));
  write_file(dir.path / "over.yaml", std::string(17, 'a'));
  CHECK(read_input_file(dir.path / "at.yaml", kProfile).text == std::string(16, 'a'));
  const auto over = read_input_file(dir.path / "over.yaml", kProfile);
  CHECK_FALSE(over.text);
  CHECK(over.problem.severity == Severity::error);
  CHECK(over.problem.where == SourceLocation{(dir.path / "over.yaml").string(), 0, 0});
  CHECK(over.problem.message ==
        "cannot read the profile: it is 17 bytes, more than the limit of 16 bytes (raise it for this run "
        "with KNELPUNT_INPUT_LIMITS=yaml=SIZE, docs/security.md); expected a readable YAML file");
}

TEST_CASE("a missing file is an error at the file with the system's reason") {
  TemporaryDirectory dir("input-file-test");
  const auto input = read_input_file(dir.path / "missing.yaml", kProfile);
  CHECK_FALSE(input.text);
  CHECK(input.problem.where.file == (dir.path / "missing.yaml").string());
  CHECK(input.problem.message ==
        "cannot read the profile (No such file or directory); expected a readable YAML file");
  // Without a `what`, as `knelpunt diff` words it.
  const auto plain = read_input_file(dir.path / "missing.json", {"", "a register", InputLimit::register_json});
  CHECK(plain.problem.message == "cannot read (No such file or directory); expected a register");
}

TEST_CASE("a directory is refused") {
  TemporaryDirectory dir("input-file-test");
  const auto input = read_input_file(dir.path, kProfile);
  CHECK_FALSE(input.text);
  CHECK(input.problem.message ==
        "cannot read the profile: it is a directory; expected a readable YAML file");
}

TEST_CASE("a FIFO is refused at once instead of waiting for a writer") {
  TemporaryDirectory dir("input-file-test");
  const fs::path fifo = dir.path / "pipe.yaml";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const auto input =
      read_input_file(fifo, kProfile);  // would block forever if it opened the FIFO for reading
  CHECK_FALSE(input.text);
  CHECK(input.problem.message ==
        "cannot read the profile: it is a FIFO (named pipe), not a regular file; expected a "
        "readable YAML file");
}

TEST_CASE("a character device is refused") {
  const auto input =
      read_input_file("/dev/zero", kProfile);  // endless: would read forever without the check
  CHECK_FALSE(input.text);
  CHECK(
      input.problem.message ==
      "cannot read the profile: it is a device, not a regular file; expected a readable YAML file");
}
