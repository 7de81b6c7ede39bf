#pragma once
/// The register as one self-contained HTML report for people (docs/report.md,
/// docs/decisions/025-html-report.md): the board's summary on one screen
/// (header, counts per level, the highest risks, the 5×5 risk diagram as
/// inline SVG with every entry placed and linked), the tables per sector and
/// per operator, the register table (sortable and filterable by a small
/// inline script; it reads the same with scripts off), one section per
/// entry and the appendix. Inline CSS with a print style sheet for A4; no
/// external fonts, scripts, images or links, and a Content-Security-Policy
/// that forbids loading any. Every string from the model is escaped
/// (model::html_escape). The same data as the Markdown register: the counts
/// come from register_summary, the entry's parts from register_entry_parts.

#include <string>
#include <string_view>

#include "register/risk.hpp"

namespace knelpunt::risk_register {

/// The whole document in `lang` ("nl" or "en"), ending in one newline.
/// Same register, same bytes.
std::string register_to_html(const Register& reg, std::string_view lang);

/// The SHA-256 of the report's one inline script, base64, as its
/// Content-Security-Policy names it ('sha256-…'): only that script runs.
/// tests/cli/html_report_check.py recomputes it from the report.
std::string_view register_html_script_hash();

}  // namespace knelpunt::risk_register
