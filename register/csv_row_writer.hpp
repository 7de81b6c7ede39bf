#pragma once
/// One CSV row at a time, for the register's CSV writers (the register table
/// and the table of every asset): RFC 4180 quoting and the formula guard of
/// model/text_format.hpp, CRLF line ends.

#include <string>
#include <string_view>

namespace knelpunt::risk_register {

/// Shortest round-trip form of `value`; with ';' as separator the decimal
/// point becomes a comma, as Dutch Excel expects. Not finite: "".
std::string csv_number(double value, char separator);

/// Appends fields to `out`; `end` closes the row.
class CsvRowWriter {
 public:
  CsvRowWriter(std::string& out, char separator) : out_(out), separator_(separator) {}
  /// A text field, quoted when needed.
  void text(std::string_view value);
  /// A number field (csv_number).
  void number(double value);
  /// Ends the row with CRLF.
  void end();

 private:
  void next();
  std::string& out_;
  char separator_;
  bool first_ = true;
};

}  // namespace knelpunt::risk_register
