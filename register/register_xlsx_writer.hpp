#pragma once
/// The register as an Excel workbook (docs/register.md, Excel;
/// docs/decisions/027-excel-register.md), written with libxlsxwriter:
///  - `Register`: the register as an Excel table (filters, frozen header and
///    id column, column widths), one row per entry in register order; the
///    level a cell in its level's colour (level_colours.hpp) that names it,
///    numbers as numbers, and the tracking columns (status from a drop-down
///    list of the statuses in the workbook's language, owner, justification,
///    date as a date, checked by) filled in from the current tracking, for
///    people to fill in and `knelpunt tracking import` to read back
///    (tracking_workbook.hpp);
///  - one sheet per kind of evidence, one row per item, each naming its
///    entry's id: impact per criterion, the chain of cause and effect, the
///    further evidence, the known exploited vulnerabilities (due dates as
///    dates), the timeline and the measures;
///  - `Objecten` / `Assets`: every asset's figures (asset_table_writer.hpp),
///    when the rows are given;
///  - `Over dit register` / `About this register`: the model, the method, the
///    feeds and how to bring the tracking back.
/// Texts in `lang` from the register's text table. Same register, same bytes:
/// the document's creation time is the register's date (`assess --date`) at
/// 00:00 UTC, or 1980-01-01 (the zip format's first day) without one.

#include <string>
#include <string_view>
#include <vector>

#include "register/risk.hpp"

namespace knelpunt::risk_register {

struct AssetRow;

/// The workbook's bytes (an .xlsx zip). libxlsxwriter writes only to a named
/// file, so it is written in a private temporary directory (mode 0700, under
/// $TMPDIR), read back and removed; the caller writes the bytes by the output
/// rules (model/output_file.hpp). Throws std::runtime_error when the system
/// fails that (no temporary directory, no space): an internal error, exit 3.
/// `assets`, when not null, fills the assets sheet.
std::string register_to_xlsx(const Register& reg, std::string_view lang,
                             const std::vector<AssetRow>* assets);

/// Cells hold at most this many bytes (Excel's limit is 32 767 characters);
/// a longer text is cut at a character boundary and ends in "…".
inline constexpr std::size_t kMaxXlsxCellBytes = 32000;

}  // namespace knelpunt::risk_register
