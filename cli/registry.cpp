#include "cli/command.hpp"
#include "cli/commands.hpp"

namespace knelpunt::cli {

std::vector<std::unique_ptr<Command>> make_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(make_validate_command());
  commands.push_back(make_assess_command());
  commands.push_back(make_whatif_command());
  commands.push_back(make_reach_command());
  commands.push_back(make_cutsets_command());
  commands.push_back(make_simulate_command());
  commands.push_back(make_export_command());
  commands.push_back(make_import_command());
  commands.push_back(make_merge_command());
  commands.push_back(make_graph_command());
  commands.push_back(make_catalog_command());
  commands.push_back(make_diff_command());
  commands.push_back(make_compare_command());
  commands.push_back(make_tracking_command());
  return commands;
}

}  // namespace knelpunt::cli
