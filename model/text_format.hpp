#pragma once
/// How text that several outputs write is formatted, in one place: hours in
/// JSON, Markdown and CSV escaping, and numbers and durations per language
/// ("nl", the default, or "en"). It sits in model/ because register/,
/// assessors/ and cli/ all write such text (docs/ARCHITECTURE.md).

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/duration.hpp"

namespace knelpunt::model {

/// A number for JSON: JSON has no infinity or NaN, so a value that is not
/// finite is written as null.
nlohmann::ordered_json json_number_or_null(double value);

/// Hours for JSON: a number, or null for `kNever` (an unbounded horizon or
/// time, e.g. `--horizon inf`).
nlohmann::ordered_json json_hours(Hours hours);

/// `text` made safe to place inline in Markdown, also inside a table cell:
/// line breaks become spaces; \ | * _ ` < > [ ] # & ~ are backslash-escaped
/// (so no table break, no emphasis, no link and no raw HTML). With
/// `starts_line` (the text opens a paragraph or a list item) a leading
/// - + = and the dot or parenthesis of a leading "1." / "1)" are escaped too,
/// so that the text cannot open a (nested) list.
std::string markdown_escape(std::string_view text, bool starts_line = false);

/// `text` made safe as HTML text or as a quoted attribute value (the one
/// HTML escape, docs/report.md): & < > " ' become character references, and
/// control characters other than tab and line feed (which HTML forbids or a
/// reader cannot see) become spaces. Nothing in the result can open a tag,
/// close an attribute or start a character reference of the model's own.
std::string html_escape(std::string_view text);

/// `text` as a double-quoted CSS string (for `content:` in a style sheet):
/// every ASCII character other than a letter, a digit or a space is written
/// as a hexadecimal escape ("\\3c "), so that no quote, backslash, line
/// break or `</style>` of the model's can end the string or the sheet.
/// Non-ASCII UTF-8 is kept as it is.
std::string css_string(std::string_view text);

/// One CSV field (RFC 4180): quoted when it holds `separator`, a quote or a
/// line break, with the quotes inside doubled. Text that a spreadsheet would
/// take for a formula (starting with = + - @, a tab or a carriage return)
/// gets a leading apostrophe first (OWASP "CSV injection").
std::string csv_field(std::string_view text, char separator);

/// `text` on one terminal line: control characters (line breaks, ANSI
/// escapes) become spaces, so a model text cannot forge lines in a CI log.
std::string one_line(std::string_view text);

/// A whole number (rounded) with thousands grouped: Dutch 1.234.567, English
/// 1,234,567; `lang` other than "en" is Dutch.
std::string format_grouped_integer(double value, std::string_view lang);

/// A number with `decimals` digits after the decimal sign and thousands
/// grouped: Dutch 1.234,5, English 1,234.5. Not finite: "∞", "-∞" or "?".
std::string format_decimal(double value, int decimals, std::string_view lang);

/// A number with `digits` significant digits in its shortest form (fmt's
/// `.{digits}g`: 0.003995, 250.313, 1e-06), with the decimal sign of `lang`:
/// Dutch 0,003995, English 0.003995. No thousands grouping: from 10^digits up
/// the form is exponential. For probabilities and importance measures.
std::string format_significant(double value, int digits, std::string_view lang);

/// A duration for people, the same text in every output of a language
/// (docs/register.md, "Dutch texts"). Both to the minute, less than half a
/// minute in decimal hours. English is format_hours of the rounded value
/// (72h, 1h30m, 20m) and "unlimited" for no end. Dutch is in words: from
/// three days (72 h) on in days and then the hours and minutes left ("3
/// dagen", "5 dagen en 2 uur", "6 dagen, 23 uur en 45 minuten"; decision
/// 051), shorter in hours and minutes ("1 uur", "48 uur", "20 minuten",
/// "1 uur en 30 minuten"), "0,0042 uur", no end as "onbeperkte tijd".
std::string format_duration(Hours hours, std::string_view lang);

}  // namespace knelpunt::model
