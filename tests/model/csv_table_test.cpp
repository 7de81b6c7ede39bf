#include "model/csv_table.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace knelpunt::model;

TEST_CASE("RFC 4180 quoting, CRLF, a BOM and blank lines") {
  Diagnostics diagnostics;
  const std::string text = "\xEF\xBB\xBFid,name\r\na,\"Pomp \"\"3\"\", oost\"\r\n\r\nb,\"twee\nregels\"\n";
  auto table = CsvTable::parse(text, "t.csv", diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  REQUIRE(table.row_count() == 2);
  CHECK(table.column("id") == 0);
  CHECK(table.field(0, 1) == "Pomp \"3\", oost");
  CHECK(table.field(1, 1) == "twee\nregels");
  CHECK(table.line(0) == 2);
  CHECK(table.line(1) == 4);
}

TEST_CASE("ragged rows and unterminated quotes are reported by line") {
  Diagnostics diagnostics;
  auto table = CsvTable::parse("id,name\na,b\nc\nd,e,f\ng,h\n", "t.csv", diagnostics);
  CHECK(table.row_count() == 2);
  REQUIRE(diagnostics.error_count() == 2);
  CHECK(diagnostics.items()[0].where.line == 3);
  CHECK(diagnostics.items()[1].where.line == 4);

  Diagnostics unterminated;
  CsvTable::parse("id,name\na,\"open\n", "t.csv", unterminated);
  CHECK(unterminated.has_errors());
}

TEST_CASE("an empty CSV file is an error") {
  Diagnostics diagnostics;
  CsvTable::parse("", "t.csv", diagnostics);
  CHECK(diagnostics.has_errors());
}

TEST_CASE("invalid UTF-8 in a CSV table is an error at its line") {
  for (const std::string& bad : {std::string("\xff\xfe"), std::string("\xc0\xaf"), std::string("\xed\xa0\x80"),
                                std::string("caf\xe9")}) {
    Diagnostics diagnostics;
    auto table = CsvTable::parse("id,name\nx1,ok\nx2,na" + bad + "me\n", "t.csv", diagnostics);
    REQUIRE(diagnostics.error_count() == 1);
    CHECK(diagnostics.items()[0].where.to_string() == "t.csv:3");
    CHECK(diagnostics.items()[0].message.find("invalid UTF-8") != std::string::npos);
    CHECK(table.row_count() == 0);
    CHECK_FALSE(table.complete());
  }
  Diagnostics valid;
  CsvTable::parse("id,name\nx1,Zwijndrecht \xe2\x80\x94 caf\xc3\xa9 \xf0\x9f\x8c\x8a\n", "t.csv", valid);
  CHECK_FALSE(valid.has_errors());
  CHECK(CsvTable::parse("id\nx\n", "t.csv", valid).complete());
}

TEST_CASE("every field of every row, empty ones and those after a skipped row included") {
  Diagnostics diagnostics;
  // Row 3 is ragged and skipped; the last row has no line end.
  const std::string text =
      "a,b,c,d\n1,,\"x,y\",4\n,,,\nskipped,row\n\"\",q,\"\"\"\",\r\nlast,,,end";
  auto table = CsvTable::parse(text, "t.csv", diagnostics);
  CHECK(diagnostics.error_count() == 1);
  REQUIRE(table.row_count() == 4);
  const std::vector<std::vector<std::string>> expected = {
      {"1", "", "x,y", "4"}, {"", "", "", ""}, {"", "q", "\"", ""}, {"last", "", "", "end"}};
  for (std::size_t row = 0; row < expected.size(); ++row)
    for (std::size_t column = 0; column < 4; ++column) {
      CAPTURE(row);
      CAPTURE(column);
      CHECK(table.field(row, column) == expected[row][column]);
    }
  // The same fields, a row at a time; the vector is reused and resized.
  std::vector<std::string_view> fields{"stale", "values", "from", "before", "here"};
  for (std::size_t row = 0; row < expected.size(); ++row) {
    CAPTURE(row);
    table.row_fields(row, fields);
    REQUIRE(fields.size() == 4);
    for (std::size_t column = 0; column < 4; ++column)
      CHECK(fields[column] == expected[row][column]);
  }
  CHECK(table.line(2) == 5);
  CHECK(table.line(3) == 6);
}
