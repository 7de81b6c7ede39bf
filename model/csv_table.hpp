#pragma once
/// RFC 4180 CSV, read in one pass over a buffer (bulk inventories run to
/// millions of rows; see docs/decisions/003-own-csv-reader.md). UTF-8 (a
/// leading BOM is skipped; invalid UTF-8 is an error at its line), CRLF or
/// LF, quoted fields with "" escapes and embedded newlines. The first row is
/// the header.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"

namespace knelpunt::model {

class CsvTable {
 public:
  /// Parses `text`. Ragged rows (a different number of fields than the
  /// header) and unterminated quotes are reported with file:line and skipped.
  static CsvTable parse(std::string_view text, const std::string& file_name, Diagnostics& diagnostics);

  /// False when parsing stopped at an error that leaves nothing to trust
  /// (a NUL byte, invalid UTF-8, an unrecoverable record): the error is
  /// reported, and a caller checks no columns of what was read, so that
  /// one fault gives one message.
  bool complete() const { return complete_; }

  const std::vector<std::string>& header() const { return header_; }
  std::size_t row_count() const { return row_start_.size(); }
  std::size_t column_count() const { return header_.size(); }
  /// The field at (row, column); rows exclude the header. Walks the row's
  /// earlier fields: rows are short, and a bulk table read this way holds
  /// one offset per row instead of two per field (docs/performance.md).
  std::string_view field(std::size_t row, std::size_t column) const;
  /// Every field of `row` in column order, into `fields` (resized to
  /// column_count()): one pass over the row, for a reader that takes
  /// several of its fields (field() walks from the row's start each time).
  void row_fields(std::size_t row, std::vector<std::string_view>& fields) const;
  /// The 1-based line on which a row starts.
  std::uint32_t line(std::size_t row) const { return line_[row]; }
  /// Column index by name, or -1.
  int column(std::string_view name) const;

 private:
  std::vector<std::string> header_;
  /// Unescaped field text, each field followed by a NUL byte (a NUL in the
  /// input is an error, so none occurs inside a field).
  std::string storage_;
  std::vector<std::uint32_t> row_start_;  ///< offset of each row's first field in storage_
  std::vector<std::uint32_t> line_;
  bool complete_ = true;
};

}  // namespace knelpunt::model
