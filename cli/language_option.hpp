#pragma once
/// `--lang nl|en`, the one way a command declares the language of what it
/// writes (decision 016): Dutch by default, English on request.

#include <string>

#include <CLI/CLI.hpp>

namespace knelpunt::cli {

/// Adds `--lang` to `command`, bound to `lang` (which should start as "nl"),
/// accepting only "nl" and "en"; `description` is its --help line.
CLI::Option* add_language_option(CLI::App* command, std::string& lang,
                                 const std::string& description = "Language of the output: nl (default) or en");

}  // namespace knelpunt::cli
