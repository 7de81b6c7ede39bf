#pragma once
/// Trimming blanks off both ends of a text: one definition for the readers
/// that need it (CSV headers, HTTP headers, EPSS lines, workbook cells,
/// KNELPUNT_INPUT_LIMITS). Each says which characters are blank for it.

#include <string_view>

namespace knelpunt::model {

/// Spaces and tabs: the blanks of a hand-written setting or a header line.
inline constexpr std::string_view kSpacesAndTabs = " \t";
/// What std::isspace calls space in the C locale.
inline constexpr std::string_view kAsciiWhitespace = " \t\r\n\f\v";

/// `text` without the characters of `blanks` at either end; a view into `text`.
constexpr std::string_view trimmed(std::string_view text, std::string_view blanks = kSpacesAndTabs) {
  const auto first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

}  // namespace knelpunt::model
