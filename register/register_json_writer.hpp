#pragma once
/// The register as JSON, `"format": "knelpunt-register/1"` (docs/register.md,
/// docs/register.schema.json): what scripts, the diff and the CI read.

#include <string>
#include <string_view>

#include "register/risk.hpp"

namespace knelpunt::risk_register {

/// One JSON object with a fixed key order, 2-space indent and a trailing
/// newline; texts in `lang` ("nl" or "en"; English falls back to Dutch where
/// a text has no English). Risks stay in the register's order. A text that is
/// absent (no scenario, no owner, …) is written as null, never as "".
/// The same register gives the same bytes.
std::string register_to_json(const Register& reg, std::string_view lang);

}  // namespace knelpunt::risk_register
