#pragma once
/// A register JSON file given on the command line (`diff OLD NEW`, `assess
/// --previous OLD`), read bounded and checked, its problems printed.

#include <optional>
#include <string>

#include "register/register_document.hpp"

namespace knelpunt::cli {

/// Reads and checks one register file; prints every problem (located by
/// file and JSON pointer) and returns nothing when it cannot be used.
std::optional<risk_register::RegisterDocument> read_register_or_report(const std::string& path);

}  // namespace knelpunt::cli
