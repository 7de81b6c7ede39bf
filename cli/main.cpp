#include <malloc.h>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <new>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/huge_page_malloc.hpp"
#include "cli/version.hpp"
#include "model/input_limits.hpp"
#include "model/suggest.hpp"
#include "model/temporary_file_cleanup.hpp"

int main(int argc, char** argv) {
  using namespace knelpunt::cli;
  // First of all, while nothing is open, read or printed and no thread runs:
  // a run with a large input starts once more, with huge pages for its heap
  // (decision 041).
  reexecute_with_huge_page_malloc(argc, argv);
  // Before any thread starts: an interrupted run removes its temporary files.
  knelpunt::model::install_temporary_file_cleanup();
  // A region's assessment allocates and frees hundreds of megabytes of small
  // objects (tens of thousands of findings): keep freed memory instead of
  // returning it to the kernel and faulting it in again, and grow the heap
  // in large steps (docs/performance.md, "assess at region scale"). Peak RSS
  // is the same; only the page faults go.
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 64 << 20);
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  CLI::App app{
      "knelpunt: bottlenecks and cyber risk of vital infrastructure.\n"
      "Models assets and their dependencies, computes what fails, when and through what.",
      "knelpunt"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("knelpunt ") + kVersion);
  app.footer("Example: knelpunt whatif examples/dordrecht --fail hs-merwedehaven");
  auto commands = make_commands();
  std::vector<std::pair<CLI::App*, Command*>> attached;
  for (auto& command : commands) attached.emplace_back(command->attach(app), command.get());
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string_view> names;
    for (auto& [sub, command] : attached) names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), std::string_view(argv[1])) == names.end()) {
      std::string list;
      for (auto name : names) {
        if (!list.empty()) list += ", ";
        list += name;
      }
      std::cerr << "knelpunt: unknown command '" << argv[1] << "'" << knelpunt::model::did_you_mean(argv[1], names)
                << "; expected one of: " << list << " (knelpunt --help)\n";
      return kExitBadInput;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kExitOk : kExitBadInput;
  }
  // Input size limits for this run (docs/security.md, "Input limits"), set
  // before any input is read or any thread starts.
  if (const char* limits = std::getenv("KNELPUNT_INPUT_LIMITS"); limits != nullptr) {
    if (auto problem = knelpunt::model::set_input_limits(limits); !problem.empty()) {
      std::cerr << "knelpunt: error: KNELPUNT_INPUT_LIMITS: " << problem << " (docs/security.md)\n";
      return kExitBadInput;
    }
  }
  try {
    for (auto& [sub, command] : attached)
      if (sub->parsed()) return command->run();
  } catch (const std::bad_alloc&) {
    std::cerr << "knelpunt: out of memory; expected more memory for this model (see ulimit -v) or fewer --threads\n";
    return kExitInternal;
  } catch (const std::exception& error) {
    std::cerr << "knelpunt: internal error: " << error.what() << "\n";
    return kExitInternal;
  }
  return kExitInternal;
}
