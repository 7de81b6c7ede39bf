#pragma once
/// The register as a CSV table for spreadsheets (docs/register.md): one row
/// per risk, RFC 4180 quoting, CRLF line ends as Excel writes them, UTF-8.

#include <string>
#include <string_view>

#include "register/risk.hpp"

namespace knelpunt::risk_register {

struct CsvOptions {
  /// ',' (RFC 4180), or ';' for Excel with Dutch regional settings, which
  /// then also reads decimals with a comma: with ';' numbers are written as 12,5.
  char separator = ',';
  /// Start with a UTF-8 byte order mark, so that Excel reads the file as UTF-8.
  bool bom = false;
};

/// Header row plus one row per risk, in the register's order. Columns: id,
/// level (name in `lang`), likelihood and impact (class letters), impact
/// score, title, assessor, kind, assets (" | "-joined), vital processes,
/// scenario, one column per criterion of the register (class letter or
/// empty; the header holds the criterion id), measures (ids), status (id),
/// owner, justification, date, checked-by. Header labels in `lang`.
/// A cell that starts with = + - @ (a spreadsheet formula) gets a leading
/// apostrophe, so that a model string cannot run as a formula in Excel.
std::string register_to_csv(const Register& reg, std::string_view lang, const CsvOptions& options);

}  // namespace knelpunt::risk_register
