#include "model/versioned_yaml_file.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

using namespace knelpunt::model;
namespace fs = std::filesystem;

namespace {

/// Writes `text` to a fresh temporary file and opens it as a tracking-like file.
struct Opened {
  fs::path path;
  Diagnostics diagnostics;
  OpenedYamlFile file;
  explicit Opened(const std::string& text) {
    static std::atomic<int> counter{0};
    path =
        fs::temp_directory_path() / ("knelpunt-versioned-yaml-test-" + std::to_string(::getpid()) +
                                     "-" + std::to_string(counter++) + ".yaml");
    std::ofstream(path, std::ios::binary) << text;
    file = open_versioned_yaml_file(
        path, {"the tracking file", "a readable YAML file", InputLimit::yaml}, "the tracking file",
        {"tracking", "risks"}, {"tracking", 1}, diagnostics);
  }
  ~Opened() {
    std::error_code ignored;
    fs::remove(path, ignored);
  }
  std::string messages() const {
    std::string out;
    for (const auto& d : diagnostics.items())
      out += d.to_string().substr(path.string().size()) + "\n";
    return out;
  }
};

}  // namespace

TEST_CASE("a file with the supported version opens without diagnostics") {
  Opened opened("tracking: 1\nrisks: {}\n");
  CHECK(opened.file.read);
  CHECK(opened.file.is_mapping);
  CHECK(opened.diagnostics.items().empty());
  CHECK(opened.file.document.find(opened.file.document.root(), "risks") != kNoYamlNode);
}

TEST_CASE("a missing or unknown version and unknown keys are errors at their place") {
  Opened missing("risks: {}\n");
  CHECK(missing.file.is_mapping);
  CHECK(missing.messages() ==
        ":1:1: error: missing format version; expected 'tracking: 1' at the top\n");
  Opened unknown("tracking: 3\nrisk: {}\n");
  CHECK(unknown.messages() ==
        ":2:1: error: unknown key 'risk' in the tracking file (did you mean 'risks'?); expected "
        "one of: tracking, "
        "risks\n:1:11: error: unknown format version 3; expected 'tracking: 1'\n");
  Opened text("tracking: one\n");
  CHECK(text.messages() ==
        ":1:11: error: the format version 'tracking' is 'one'; expected a whole number\n");
}

TEST_CASE(
    "a root that is not a mapping, and an unreadable file, are reported and not read further") {
  Opened list("- tracking: 1\n");
  CHECK(list.file.read);
  CHECK_FALSE(list.file.is_mapping);
  CHECK(list.messages() ==
        ":1:1: error: the tracking file is a list; expected a mapping (key: value lines)\n");

  Diagnostics diagnostics;
  const auto missing =
      open_versioned_yaml_file("/nonexistent/tracking.yaml",
                               {"the tracking file", "a readable YAML file", InputLimit::yaml},
                               "the tracking file", {"tracking"}, {"tracking", 1}, diagnostics);
  CHECK_FALSE(missing.read);
  CHECK_FALSE(missing.is_mapping);
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].to_string() ==
        "/nonexistent/tracking.yaml: error: cannot read the tracking file (No such file or "
        "directory); expected a "
        "readable YAML file");
}
