#include <doctest/doctest.h>

#include <cmath>

#include "model/text_format.hpp"

using namespace knelpunt::model;

TEST_CASE("JSON hours: an unbounded horizon is null, a finite one a number") {
  CHECK(json_hours(72).dump() == "72.0");
  CHECK(json_hours(0.5).dump() == "0.5");
  CHECK(json_hours(kNever).is_null());
  CHECK(json_number_or_null(std::nan("")).is_null());
  CHECK(json_number_or_null(-kNever).is_null());
  CHECK(json_number_or_null(1.25).dump() == "1.25");
}

TEST_CASE("Markdown escaping: no table break, emphasis, link or raw HTML") {
  CHECK(markdown_escape("a|b") == "a\\|b");
  CHECK(markdown_escape("<script>x</script>") == "\\<script\\>x\\</script\\>");
  CHECK(markdown_escape("*x* _y_ `z` [l](u) #h") == "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\#h");
  CHECK(markdown_escape("back\\slash|") == "back\\\\slash\\|");
  CHECK(markdown_escape("a & b ~~c~~") == "a \\& b \\~\\~c\\~\\~");
  CHECK(markdown_escape("line\nbreak\r\nand\rmore") == "line break and more");
  CHECK(markdown_escape("plain text, 2.3; \"quoted\" (é)") == "plain text, 2.3; \"quoted\" (é)");
}

TEST_CASE("Markdown escaping at the start of a line: no list") {
  CHECK(markdown_escape("- item", true) == "\\- item");
  CHECK(markdown_escape("+ item", true) == "\\+ item");
  CHECK(markdown_escape("= underline", true) == "\\= underline");
  CHECK(markdown_escape("12. item", true) == "12\\. item");
  CHECK(markdown_escape("3) item", true) == "3\\) item");
  CHECK(markdown_escape("- item") == "- item");
  CHECK(markdown_escape("12. item") == "12. item");
  CHECK(markdown_escape("a-b", true) == "a-b");
  CHECK(markdown_escape("2024", true) == "2024");
  CHECK(markdown_escape("2.3 criterion", true) == "2\\.3 criterion");  // a criterion id that starts a line
  CHECK(markdown_escape("2.3 criterion") == "2.3 criterion");
}

TEST_CASE("HTML escaping: no tag, no attribute break, no character reference, no control character") {
  CHECK(html_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(html_escape("a\"b'c&amp;") == "a&quot;b&#39;c&amp;amp;");
  CHECK(html_escape(std::string_view("x\0y\rz\x1b[1m\x7f", 10)) == "x y z [1m ");
  CHECK(html_escape("tab\tline\n") == "tab\tline\n");
  CHECK(html_escape("Coöperatie — 1.234,5 €") == "Coöperatie — 1.234,5 €");
  CHECK(html_escape("") == "");
}

TEST_CASE("CSS strings: nothing ends the string or the style sheet") {
  CHECK(css_string("Dordrecht 2026") == "\"Dordrecht 2026\"");
  CHECK(css_string("a\"b\\</style>") == "\"a\\22 b\\5c \\3c \\2f style\\3e \"");
  CHECK(css_string("é\n") == "\"é\\a \"");
}

TEST_CASE("CSV fields: RFC 4180 quoting and no formulas") {
  CHECK(csv_field("plain", ',') == "plain");
  CHECK(csv_field("a,b", ',') == "\"a,b\"");
  CHECK(csv_field("a,b", ';') == "a,b");
  CHECK(csv_field("a;b", ';') == "\"a;b\"");
  CHECK(csv_field("say \"hi\"", ',') == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("two\nlines", ',') == "\"two\nlines\"");
  CHECK(csv_field("=SUM(A1)", ',') == "'=SUM(A1)");
  CHECK(csv_field("-1", ',') == "'-1");
  CHECK(csv_field("@x", ',') == "'@x");
  CHECK(csv_field("=a,b", ',') == "\"'=a,b\"");
  CHECK(csv_field("", ',') == "");
}

TEST_CASE("numbers per language: Dutch 1.234,5, English 1,234.5") {
  CHECK(format_grouped_integer(1234567, "nl") == "1.234.567");
  CHECK(format_grouped_integer(1234567, "en") == "1,234,567");
  CHECK(format_grouped_integer(999, "nl") == "999");
  CHECK(format_grouped_integer(1000, "nl") == "1.000");
  CHECK(format_grouped_integer(0, "nl") == "0");
  CHECK(format_grouped_integer(2500.6, "nl") == "2.501");
  CHECK(format_grouped_integer(-1234, "en") == "-1,234");
  CHECK(format_decimal(1234.5, 1, "nl") == "1.234,5");
  CHECK(format_decimal(1234.5, 1, "en") == "1,234.5");
  CHECK(format_decimal(1234567.891, 2, "nl") == "1.234.567,89");
  CHECK(format_decimal(0.25, 2, "en") == "0.25");
  CHECK(format_decimal(-0.04, 1, "nl") == "0,0");
  CHECK(format_decimal(-12.5, 1, "nl") == "-12,5");
  CHECK(format_decimal(kNever, 1, "nl") == "∞");
  CHECK(format_decimal(-kNever, 1, "en") == "-∞");
  CHECK(format_decimal(std::nan(""), 1, "en") == "?");
}

TEST_CASE("significant digits per language: Dutch 0,003995, English 0.003995") {
  using knelpunt::model::format_significant;
  CHECK(format_significant(0.003995001999999999, 6, "nl") == "0,003995");
  CHECK(format_significant(0.003995001999999999, 6, "en") == "0.003995");
  CHECK(format_significant(250.31276580086822, 6, "nl") == "250,313");
  CHECK(format_significant(1e-6, 6, "nl") == "1e-06");
  CHECK(format_significant(2, 6, "nl") == "2");
}

TEST_CASE("durations per language: Dutch in words, English as format_hours") {
  CHECK(format_duration(72, "en") == "72h");
  CHECK(format_duration(72, "nl") == "3 dagen");
  CHECK(format_duration(168, "nl") == "7 dagen");
  CHECK(format_duration(48, "nl") == "48 uur");
  CHECK(format_duration(73, "nl") == "3 dagen en 1 uur");
  CHECK(format_duration(122, "nl") == "5 dagen en 2 uur");
  CHECK(format_duration(72.5, "nl") == "3 dagen en 30 minuten");
  CHECK(format_duration(167.75, "nl") == "6 dagen, 23 uur en 45 minuten");
  CHECK(format_duration(24 * 60 + 0.25, "nl") == "60 dagen en 15 minuten");
  CHECK(format_duration(1, "nl") == "1 uur");
  CHECK(format_duration(1.5, "nl") == "1 uur en 30 minuten");
  CHECK(format_duration(1.5, "en") == "1h30m");
  CHECK(format_duration(20.0 / 60, "nl") == "20 minuten");
  CHECK(format_duration(1.0 / 60, "nl") == "1 minuut");
  CHECK(format_duration(71.9999, "nl") == "3 dagen");  // to the minute
  CHECK(format_duration(0.0042, "nl") == "0,0042 uur");
  CHECK(format_duration(0, "nl") == "0 uur");
  CHECK(format_duration(kNever, "nl") == "onbeperkte tijd");
  CHECK(format_duration(kNever, "en") == "unlimited");
  CHECK(format_duration(71.9999, "en") == "72h");  // to the minute, as the Dutch text
  CHECK(format_duration(0.5, "en") == "30m");
  CHECK(format_duration(1.0 / 7200.0, "en") == "0.0001h");
  CHECK(format_duration(-2, "nl") == "-2 uur");
  CHECK(format_duration(-122, "nl") == "-5 dagen en 2 uur");
}

TEST_CASE("one terminal line: line breaks and escapes become spaces, other text stays") {
  CHECK(knelpunt::model::one_line("a\nb\r\x1b[31mc\x7f") == "a b  [31mc ");
  CHECK(knelpunt::model::one_line("Zwijndrecht — één") == "Zwijndrecht — één");
}
