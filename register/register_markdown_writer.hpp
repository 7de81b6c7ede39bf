#pragma once
/// The register as a Markdown document for people (docs/register.md): the
/// summary for the Veiligheidsregio, the risk diagram, the register table and
/// one section per risk. Every string from the model is escaped.

#include <string>
#include <string_view>

#include "model/text_format.hpp"
#include "register/risk.hpp"

namespace knelpunt::risk_register {

/// The whole document in `lang` ("nl" or "en"), ending in one newline.
/// Same register, same bytes.
std::string register_to_markdown(const Register& reg, std::string_view lang);

/// A number in shortest round-trip form; in Dutch (`lang` != "en") with a dot between
/// thousands and a decimal comma (assessors/local_format.hpp).
std::string format_number(double value, std::string_view lang);

}  // namespace knelpunt::risk_register
