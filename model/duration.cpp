#include "model/duration.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace knelpunt::model {

namespace {

/// Reads a non-negative decimal number at the front of `text`, advancing it.
std::optional<double> take_number(std::string_view& text) {
  std::size_t end = 0;
  bool dot = false;
  while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) ||
                               (text[end] == '.' && !dot))) {
    dot = dot || text[end] == '.';
    ++end;
  }
  if (end == 0 || (end == 1 && dot)) return std::nullopt;
  double value = 0;
  auto result = std::from_chars(text.data(), text.data() + end, value);
  if (result.ec != std::errc() || result.ptr != text.data() + end || !std::isfinite(value))
    return std::nullopt;
  text.remove_prefix(end);
  return value;
}

std::optional<double> unit_hours(char unit) {
  switch (unit) {
    case 's': return 1.0 / 3600.0;
    case 'm': return 1.0 / 60.0;
    case 'h': return 1.0;
    case 'd': return 24.0;
    case 'w': return 168.0;
    default: return std::nullopt;
  }
}

std::optional<Hours> parse_iso8601(std::string_view text) {
  // P[nW][nD][T[nH][nM][nS]] (years and months are refused: their length varies).
  text.remove_prefix(1);
  bool in_time = false, any = false;
  double hours = 0;
  while (!text.empty()) {
    if (text.front() == 'T') {
      if (in_time) return std::nullopt;
      in_time = true;
      text.remove_prefix(1);
      if (text.empty()) return std::nullopt;
      continue;
    }
    auto number = take_number(text);
    if (!number || text.empty()) return std::nullopt;
    const char designator = text.front();
    text.remove_prefix(1);
    double factor = 0;
    if (!in_time && designator == 'W') factor = 168;
    else if (!in_time && designator == 'D') factor = 24;
    else if (in_time && designator == 'H') factor = 1;
    else if (in_time && designator == 'M') factor = 1.0 / 60.0;
    else if (in_time && designator == 'S') factor = 1.0 / 3600.0;
    else return std::nullopt;
    hours += *number * factor;
    any = true;
  }
  if (!any) return std::nullopt;
  return hours;
}

}  // namespace

std::optional<Hours> parse_duration(std::string_view text, bool allow_infinite) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (allow_infinite && (text == "inf" || text == "infinite" || text == "infinity")) return kNever;
  if (text.front() == 'P') return parse_iso8601(text);
  auto number = take_number(text);
  if (!number) return std::nullopt;
  if (text.empty()) {
    if (*number == 0) return 0.0;  // a bare number must be 0: units are required otherwise
    return std::nullopt;
  }
  if (text.size() != 1) return std::nullopt;
  auto factor = unit_hours(text.front());
  if (!factor) return std::nullopt;
  return *number * *factor;
}

std::string format_hours(Hours hours) {
  if (hours == kNever) return "inf";
  // Whole minutes read as 42h20m (buffers are written as 20m, 90m, …).
  const double minutes = std::round(hours * 60.0);
  if (hours >= 0 && std::abs(hours * 60.0 - minutes) < 1e-6 && minutes < 1e15) {
    const auto total = static_cast<long long>(minutes);
    const long long whole_hours = total / 60, rest = total % 60;
    if (rest == 0) return fmt::format("{}h", whole_hours);
    if (whole_hours == 0) return fmt::format("{}m", rest);
    return fmt::format("{}h{}m", whole_hours, rest);
  }
  std::string text = fmt::format("{:.4f}", hours);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  if (text == "-0") text = "0";
  return text + "h";
}

}  // namespace knelpunt::model
