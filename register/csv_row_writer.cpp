#include "register/csv_row_writer.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "model/text_format.hpp"

namespace knelpunt::risk_register {

std::string csv_number(double value, char separator) {
  if (!std::isfinite(value)) return "";
  std::string text = fmt::format("{}", value);
  if (separator == ';') std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

void CsvRowWriter::text(std::string_view value) {
  next();
  out_ += model::csv_field(value, separator_);
}

void CsvRowWriter::number(double value) {
  next();
  out_ += model::csv_field(csv_number(value, separator_), separator_);
}

void CsvRowWriter::end() {
  out_ += "\r\n";
  first_ = true;
}

void CsvRowWriter::next() {
  if (!first_) out_ += separator_;
  first_ = false;
}

}  // namespace knelpunt::risk_register
