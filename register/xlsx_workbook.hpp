#pragma once
/// The cells of one sheet of an Excel workbook (.xlsx), read with a real zip
/// reader (zip_archive.hpp) and a real XML parser (expat; decision 028):
/// the workbook's sheet list and relationships, the shared strings, inline
/// strings, numbers, booleans and formula results. Styles are not read: a
/// caller that expects a date takes a number as a date serial
/// (xlsx_date_from_serial). XML with a DOCTYPE (entity declarations, the
/// billion-laughs attack) is refused; every size is bounded (zip_archive.hpp,
/// kMaxXlsxCells).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knelpunt::risk_register {

/// At most this many cells are read from a sheet.
inline constexpr std::size_t kMaxXlsxCells = 4'000'000;

enum class XlsxCellKind { text, number, boolean, error };

/// One cell with a value; empty cells are not listed.
struct XlsxCell {
  std::uint32_t row = 0;     ///< 1-based
  std::uint32_t column = 0;  ///< 1-based (A = 1)
  XlsxCellKind kind = XlsxCellKind::text;
  std::string value;  ///< the text, or the number as written ("45231", "1.5E3"), "1"/"0", "#N/A"
};

struct XlsxSheet {
  std::string name;
  std::vector<XlsxCell> cells;  ///< sorted by row, then column; each position once
  bool date1904 = false;        ///< the workbook counts dates from 1904 (old Mac Excel)
};

/// A sheet read, or why not.
struct XlsxSheetRead {
  std::optional<XlsxSheet> sheet;
  std::string problem;  ///< when no sheet: what is wrong, without the file name
  std::vector<std::string>
      sheet_names;  ///< the workbook's sheets, when its sheet list could be read
};

/// Reads sheet `name` of the workbook `bytes`.
XlsxSheetRead read_xlsx_sheet(std::string_view bytes, std::string_view name);

/// "F" for column 6.
std::string xlsx_column_letters(std::uint32_t column);
/// "F12" for row 12, column 6.
std::string xlsx_cell_reference(std::uint32_t row, std::uint32_t column);

/// YYYY-MM-DD of a date serial (its day: a time of day is dropped), in the
/// 1900 system (serial 1 = 1900-01-01, Excel's nonexistent 1900-02-29 = 60
/// refused) or the 1904 one; nothing for a serial that is no day from 1900
/// (1904) to 9999-12-31.
std::optional<std::string> xlsx_date_from_serial(double serial, bool date1904);

}  // namespace knelpunt::risk_register
