#pragma once
/// One class per subcommand (osmium-tool style). A command declares its
/// options on its own CLI11 subcommand and, once parsed, runs and returns an
/// exit code. Commands are listed explicitly in registry.cpp.

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace knelpunt::cli {

class Command {
 public:
  virtual ~Command() = default;
  /// Adds the subcommand with its options and help text to `app`.
  virtual CLI::App* attach(CLI::App& app) = 0;
  /// Runs the parsed command. Prints results to stdout and problems to stderr.
  virtual int run() = 0;
};

/// Every built-in command, in the order `--help` lists them.
std::vector<std::unique_ptr<Command>> make_commands();

}  // namespace knelpunt::cli
