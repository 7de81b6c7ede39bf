#include "model/temporary_file_cleanup.hpp"

#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>

using namespace knelpunt::model;
namespace fs = std::filesystem;

namespace {

/// Runs `child` in a forked process and returns its wait status.
template <typename Child>
int in_child(Child child) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    child();
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

fs::path scratch(const std::string& name) {
  return fs::temp_directory_path() /
         ("knelpunt-cleanup-test-" + std::to_string(::getpid()) + "-" + name);
}

}  // namespace

TEST_CASE("SIGTERM removes a registered temporary file and still ends the process by SIGTERM") {
  const fs::path registered = scratch("live.tmp");
  const fs::path forgotten = scratch("renamed");
  const int status = in_child([&] {
    install_temporary_file_cleanup();
    std::ofstream(registered) << "partial";
    std::ofstream(forgotten) << "finished output";
    register_temporary_file(registered.c_str());
    forget_temporary_file(
        register_temporary_file(forgotten.c_str()));  // renamed to its target: not ours
    ::raise(SIGTERM);
    ::_exit(7);  // not reached: the signal's default action ends the process
  });
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
  CHECK_FALSE(fs::exists(registered));
  CHECK(fs::exists(forgotten));
  fs::remove(forgotten);
}

TEST_CASE("a signal ignored at start (nohup) stays ignored") {
  const fs::path registered = scratch("hup.tmp");
  const int status = in_child([&] {
    ::signal(SIGHUP, SIG_IGN);
    install_temporary_file_cleanup();
    std::ofstream(registered) << "partial";
    const int slot = register_temporary_file(registered.c_str());
    ::raise(SIGHUP);
    forget_temporary_file(slot);
    ::_exit(0);
  });
  CHECK(WIFEXITED(status));
  CHECK(fs::exists(registered));
  fs::remove(registered);
}

TEST_CASE("slots run out gracefully and are reused once forgotten") {
  int slots[kMaxLiveTemporaryFiles];
  for (auto& slot : slots) {
    slot = register_temporary_file("/nonexistent/knelpunt-slot");
    CHECK(slot >= 0);
  }
  CHECK(register_temporary_file("/nonexistent/one-too-many") == -1);
  forget_temporary_file(slots[3]);
  CHECK(register_temporary_file("/nonexistent/again") == slots[3]);
  forget_temporary_file(slots[3]);
  for (const auto slot : slots) forget_temporary_file(slot);
  CHECK(register_temporary_file(std::string(5000, 'x').c_str()) == -1);  // longer than PATH_MAX
}
