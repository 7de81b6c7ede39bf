#include "cli/language_option.hpp"

namespace knelpunt::cli {

CLI::Option* add_language_option(CLI::App* command, std::string& lang, const std::string& description) {
  return command->add_option("--lang", lang, description)->check(CLI::IsMember({"nl", "en"}));
}

}  // namespace knelpunt::cli
