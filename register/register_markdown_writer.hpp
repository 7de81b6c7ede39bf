#pragma once
/// The register as a Markdown document for people (docs/register.md): the
/// summary for the Veiligheidsregio, the risk diagram, the register table and
/// one section per risk. Every string from the model is escaped.

#include <string>
#include <string_view>

#include "register/risk.hpp"

namespace knelpunt::risk_register {

/// The whole document in `lang` ("nl" or "en"), ending in one newline.
/// Same register, same bytes.
std::string register_to_markdown(const Register& reg, std::string_view lang);

/// `text` made safe to place inline in Markdown, also inside a table cell:
/// line breaks become spaces; \ | * _ ` < > [ ] # & ~ are backslash-escaped
/// (so no table break, no emphasis, no link and no raw HTML). With
/// `starts_line` (the text opens a paragraph or a list item) a leading
/// - + = and the dot of a leading "1." are escaped too, so that the text
/// cannot open a (nested) list.
std::string markdown_escape(std::string_view text, bool starts_line = false);

/// Hours as people read them: 0h, 4h, 42h20m (rounded to the minute); "∞" when infinite.
std::string format_hours(double hours);

/// A number in shortest round-trip form; in Dutch (`lang` != "en") with a dot between
/// thousands and a decimal comma (assessors/local_format.hpp).
std::string format_number(double value, std::string_view lang);

}  // namespace knelpunt::risk_register
