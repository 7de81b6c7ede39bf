#pragma once
/// Factories of the built-in commands; each is defined in its own file.

#include <memory>

#include "cli/command.hpp"

namespace knelpunt::cli {

std::unique_ptr<Command> make_validate_command();  // validate_command.cpp
std::unique_ptr<Command> make_assess_command();    // assess_command.cpp
std::unique_ptr<Command> make_whatif_command();    // whatif_command.cpp
std::unique_ptr<Command> make_graph_command();     // graph_command.cpp
std::unique_ptr<Command> make_reach_command();     // reach_command.cpp
std::unique_ptr<Command> make_cutsets_command();   // cutsets_command.cpp
std::unique_ptr<Command> make_simulate_command();  // simulate_command.cpp
std::unique_ptr<Command> make_export_command();    // export_command.cpp
std::unique_ptr<Command> make_merge_command();     // merge_command.cpp
std::unique_ptr<Command> make_catalog_command();   // catalog_command.cpp
std::unique_ptr<Command> make_diff_command();      // diff_command.cpp
std::unique_ptr<Command> make_compare_command();   // compare_command.cpp
std::unique_ptr<Command> make_tracking_command();  // tracking_command.cpp
std::unique_ptr<Command> make_import_command();    // import_command.cpp

}  // namespace knelpunt::cli
