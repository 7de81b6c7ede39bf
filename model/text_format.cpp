#include "model/text_format.hpp"

#include <cctype>
#include <cmath>

#include <fmt/format.h>
#include <vector>

namespace knelpunt::model {

namespace {

/// Groups the digits of `digits` (no sign) in threes with `separator`.
std::string grouped(std::string_view digits, char separator) {
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

/// "∞", "-∞" or "?" for a value that is not finite.
std::string not_finite(double value) { return value > 0 ? "∞" : value < 0 ? "-∞" : "?"; }

}  // namespace

nlohmann::ordered_json json_number_or_null(double value) {
  return std::isfinite(value) ? nlohmann::ordered_json(value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json json_hours(Hours hours) { return json_number_or_null(hours); }

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: {
        const auto byte = static_cast<unsigned char>(c);
        out += (byte < 0x20 && c != '\t' && c != '\n') || byte == 0x7f ? ' ' : c;
      }
    }
  }
  return out;
}

std::string css_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || std::isalnum(byte) || c == ' ')
      out += c;
    else
      out += fmt::format("\\{:x} ", byte);
  }
  return out + "\"";
}

std::string markdown_escape(std::string_view text, bool starts_line) {
  std::string out;
  out.reserve(text.size());
  // A list marker, heading underline or ordered-list number at the start.
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  const std::size_t escape_at = !starts_line ? std::string_view::npos
                                : !text.empty() && (text[0] == '-' || text[0] == '+' || text[0] == '=') ? 0
                                : digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')')
                                    ? digits
                                    : std::string_view::npos;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += ' ';
      continue;
    }
    switch (c) {
      case '\\': case '|': case '*': case '_': case '`': case '<': case '>':
      case '[': case ']': case '#': case '&': case '~':
        out += '\\';
        break;
      default:
        if (i == escape_at) out += '\\';
    }
    out += c;
  }
  return out;
}

std::string csv_field(std::string_view text, char separator) {
  std::string value;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r'))
    value += '\'';
  value += text;
  const bool quote = value.find_first_of(std::string{separator, '"', '\n', '\r'}) != std::string::npos;
  if (!quote) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string format_grouped_integer(double value, std::string_view lang) {
  return format_decimal(value, 0, lang);
}

std::string format_decimal(double value, int decimals, std::string_view lang) {
  if (!std::isfinite(value)) return not_finite(value);
  const bool english = lang == "en";
  std::string text = fmt::format("{:.{}f}", std::fabs(value), decimals < 0 ? 0 : decimals);
  const auto point = text.find('.');
  const std::string whole = text.substr(0, point);
  std::string out = grouped(whole, english ? ',' : '.');
  if (point != std::string::npos) out += (english ? '.' : ',') + text.substr(point + 1);
  // No "-0": a value that rounds to zero has no sign.
  const bool zero = out.find_first_not_of("0.,") == std::string::npos;
  return (value < 0 && !zero ? "-" : "") + out;
}

std::string format_significant(double value, int digits, std::string_view lang) {
  std::string text = fmt::format("{:.{}g}", value, digits < 1 ? 1 : digits);
  if (lang != "en")
    for (char& c : text)
      if (c == '.') c = ',';
  return text;
}

namespace {

/// "1 uur" / "2 uur" (uur has no plural in a count), "1 dag" / "3 dagen", "1 minuut" / "20 minuten".
std::string count_of(long long n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

/// From three days (72 h) on in days, then the hours and minutes left
/// ("5 dagen en 2 uur", "6 dagen, 23 uur en 45 minuten"), so a timeline that
/// passes three days does not switch from "t+5 dagen" back to "t+122 uur"
/// (decision 051); below that in hours and minutes ("48 uur", "1 uur en 30 minuten").
std::string dutch_whole_minutes(long long minutes) {
  long long hours = minutes / 60;
  const long long rest = minutes % 60;
  std::vector<std::string> parts;
  if (hours >= 72) {
    parts.push_back(count_of(hours / 24, "dag", "dagen"));
    hours %= 24;
  }
  if (hours > 0 || (parts.empty() && rest == 0)) parts.push_back(fmt::format("{} uur", hours));
  if (rest > 0) parts.push_back(count_of(rest, "minuut", "minuten"));
  if (parts.size() == 1) return parts[0];
  if (parts.size() == 2) return parts[0] + " en " + parts[1];
  return parts[0] + ", " + parts[1] + " en " + parts[2];
}

}  // namespace

std::string format_duration(Hours hours, std::string_view lang) {
  const long long minutes = std::isfinite(hours) ? std::llround(std::fabs(hours) * 60) : 0;
  if (lang == "en") {
    if (!std::isfinite(hours)) return "unlimited";
    // To the minute, as the Dutch text; less than half a minute but not nothing in decimal hours.
    if (minutes == 0 && hours != 0) return format_hours(hours);
    return (hours < 0 && minutes > 0 ? "-" : "") + format_hours(static_cast<double>(minutes) / 60.0);
  }
  if (!std::isfinite(hours)) return "onbeperkte tijd";
  // Less than half a minute but not nothing: decimal hours, so it does not read as 0.
  if (minutes == 0 && hours != 0) {
    std::string text = fmt::format("{:.2g}", hours);
    for (char& c : text)
      if (c == '.') c = ',';
    return text + " uur";
  }
  return (hours < 0 && minutes > 0 ? "-" : "") + dutch_whole_minutes(minutes);
}

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return out;
}

}  // namespace knelpunt::model
