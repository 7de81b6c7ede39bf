#include "model/output_file.hpp"

#include <doctest/doctest.h>

#include "temporary_directory.hpp"
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using namespace knelpunt::model;
namespace fs = std::filesystem;
using knelpunt::testing::TemporaryDirectory;
using knelpunt::testing::read_file;
using knelpunt::testing::write_file;

namespace {

/// The names in `dir`, so that a test can see no temporary file is left.
std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

mode_t mode_of(const fs::path& path) {
  struct stat status {};
  REQUIRE(::stat(path.c_str(), &status) == 0);
  return status.st_mode & 07777;
}

}  // namespace

TEST_CASE("a new output is written whole, with 0666 minus the umask, and no temporary file stays") {
  TemporaryDirectory dir("output-file-test");
  const mode_t mask = ::umask(022);
  const auto result = write_output_file(dir.path / "reg.md", "# register\n");
  ::umask(mask);
  REQUIRE(result.status == OutputStatus::written);
  CHECK(read_file(dir.path / "reg.md") == "# register\n");
  CHECK(mode_of(dir.path / "reg.md") == (0666 & ~mask));
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("a replaced output keeps its mode: a 0600 register stays 0600") {
  TemporaryDirectory dir("output-file-test");
  write_file(dir.path / "reg.json", "old");
  ::chmod((dir.path / "reg.json").c_str(), 0600);
  REQUIRE(write_output_file(dir.path / "reg.json", "new").status == OutputStatus::written);
  CHECK(read_file(dir.path / "reg.json") == "new");
  CHECK(mode_of(dir.path / "reg.json") == 0600);
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("a symbolic link planted under the temporary name is neither followed nor replaced") {
  TemporaryDirectory dir("output-file-test");
  write_file(dir.path / "victim", "precious");
  fs::create_symlink(dir.path / "victim", dir.path / "taken-0");
  fs::create_symlink(dir.path / "missing",
                     dir.path / "taken-1");  // dangling: O_EXCL refuses it too
  OutputFileOptions options;
  options.temporary_name = [](int attempt) { return "taken-" + std::to_string(attempt); };
  REQUIRE(write_output_file(dir.path / "reg.json", "register", options).status ==
          OutputStatus::written);
  CHECK(read_file(dir.path / "victim") == "precious");
  CHECK(fs::is_symlink(dir.path / "taken-0"));
  CHECK(fs::is_symlink(dir.path / "taken-1"));
  CHECK_FALSE(fs::exists(dir.path / "missing"));
  CHECK(read_file(dir.path / "reg.json") == "register");
}

TEST_CASE("when every temporary name is taken, the write fails and the target is unchanged") {
  TemporaryDirectory dir("output-file-test");
  write_file(dir.path / "reg.json", "old");
  write_file(dir.path / "taken", "");
  OutputFileOptions options;
  options.temporary_name = [](int) { return std::string("taken"); };
  const auto result = write_output_file(dir.path / "reg.json", "new", options);
  CHECK(result.status == OutputStatus::failed);
  CHECK(read_file(dir.path / "reg.json") == "old");
}

TEST_CASE("a target that is not a regular file is refused and left as it is") {
  TemporaryDirectory dir("output-file-test");
  SUBCASE("a FIFO: nothing blocks, the FIFO stays") {
    REQUIRE(::mkfifo((dir.path / "fifo").c_str(), 0600) == 0);
    const auto result = write_output_file(dir.path / "fifo", "x");
    CHECK(result.status == OutputStatus::refused);
    CHECK(result.message.find("a FIFO") != std::string::npos);
    CHECK(fs::is_fifo(dir.path / "fifo"));
  }
  SUBCASE("a directory") {
    fs::create_directory(dir.path / "sub");
    const auto result = write_output_file(dir.path / "sub", "x");
    CHECK(result.status == OutputStatus::refused);
    CHECK(result.message.find("a directory") != std::string::npos);
  }
  SUBCASE("a symbolic link, even to a character device") {
    fs::create_symlink("/dev/null", dir.path / "null");
    const auto result = write_output_file(dir.path / "null", "x");
    CHECK(result.status == OutputStatus::refused);
    CHECK(result.message.find("symbolic link") != std::string::npos);
    CHECK(fs::is_symlink(dir.path / "null"));
  }
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("an output that is one of the run's inputs is refused, under any name") {
  TemporaryDirectory dir("output-file-test");
  write_file(dir.path / "model.yaml", "model: 1\n");
  fs::create_directory(dir.path / "out");
  ProtectedFiles inputs;
  inputs.add(dir.path / "model.yaml");
  inputs.add(dir.path / "does-not-exist.yaml");  // ignored: nothing to protect
  CHECK(inputs.size() == 1);
  OutputFileOptions options;
  options.inputs = &inputs;
  SUBCASE("the same path") {
    const auto result = write_output_file(dir.path / "model.yaml", "x", options);
    CHECK(result.status == OutputStatus::refused);
    CHECK(result.message.find("an input of this run") != std::string::npos);
  }
  SUBCASE("another path to it") {
    CHECK(write_output_file(dir.path / "out" / ".." / "model.yaml", "x", options).status ==
          OutputStatus::refused);
  }
  SUBCASE("a hard link to it") {
    fs::create_hard_link(dir.path / "model.yaml", dir.path / "out" / "copy.yaml");
    CHECK(write_output_file(dir.path / "out" / "copy.yaml", "x", options).status ==
          OutputStatus::refused);
  }
  CHECK(read_file(dir.path / "model.yaml") == "model: 1\n");
  CHECK(entries(dir.path / "out") <= 1);
}

TEST_CASE("create-only never replaces a file, and creates one that does not exist") {
  TemporaryDirectory dir("output-file-test");
  OutputFileOptions options;
  options.mode = OutputMode::create_only;
  REQUIRE(write_output_file(dir.path / "tracking.yaml", "first", options).status ==
          OutputStatus::written);
  const auto again = write_output_file(dir.path / "tracking.yaml", "second", options);
  CHECK(again.status == OutputStatus::refused);
  CHECK(read_file(dir.path / "tracking.yaml") == "first");
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("a target in a directory that does not exist is refused, and nothing is created") {
  TemporaryDirectory dir("output-file-test");
  const auto result = write_output_file(dir.path / "no-such-dir" / "reg.md", "x");
  CHECK(result.status == OutputStatus::refused);
  CHECK(result.message.find("does not exist") != std::string::npos);
  CHECK(entries(dir.path) == 0);
}

TEST_CASE("create-only keeps a file created while the output was being written") {
  TemporaryDirectory dir("output-file-test");
  const fs::path target = dir.path / "tracking.yaml";
  OutputFileOptions options;
  options.mode = OutputMode::create_only;
  // The seam runs after the target was found missing and before the temporary
  // file exists: the moment another run could create the target.
  options.temporary_name = [&](int) {
    write_file(target, "made meanwhile");
    return std::string(".~tracking.yaml.test.tmp");
  };
  const auto result = write_output_file(target, "seeded", options);
  CHECK(result.status == OutputStatus::refused);
  CHECK(result.message.find("created while") != std::string::npos);
  CHECK(read_file(target) == "made meanwhile");
  CHECK(entries(dir.path) == 1);
}

TEST_CASE("check_output_target refuses what the write would refuse, and writes nothing") {
  TemporaryDirectory dir("output-file-test");
  const fs::path input = dir.path / "model.yaml";
  write_file(input, "region: {}\n");
  ProtectedFiles inputs;
  inputs.add(input);
  const OutputFileOptions options{&inputs, OutputMode::replace, {}};
  // A new name in an existing directory, and an existing regular file that is no input, pass.
  CHECK(check_output_target(dir.path / "register.md", options).status == OutputStatus::written);
  CHECK_FALSE(fs::exists(dir.path / "register.md"));
  write_file(dir.path / "old.md", "old");
  CHECK(check_output_target(dir.path / "old.md", options).status == OutputStatus::written);
  CHECK(read_file(dir.path / "old.md") == "old");
  // What a write would refuse is refused before anything is computed.
  const auto missing = check_output_target(dir.path / "no-such-directory" / "register.md", options);
  CHECK(missing.status == OutputStatus::refused);
  CHECK(missing.message.find("does not exist; expected an existing directory") != std::string::npos);
  const auto own_input = check_output_target(input, options);
  CHECK(own_input.status == OutputStatus::refused);
  CHECK(own_input.message.find("an input of this run") != std::string::npos);
  REQUIRE(::mkfifo((dir.path / "pipe").c_str(), 0600) == 0);
  CHECK(check_output_target(dir.path / "pipe", options).status == OutputStatus::refused);
  CHECK(check_output_target(dir.path / "old.md", {&inputs, OutputMode::create_only, {}}).status ==
        OutputStatus::refused);
  // A file standing where the directory should be.
  CHECK(check_output_target(dir.path / "old.md" / "x.md", options).status == OutputStatus::refused);
}
