#include "model/csv_table.hpp"

#include <fmt/format.h>

#include <cstring>

#include "model/text_trim.hpp"
#include "model/utf8.hpp"

namespace knelpunt::model {

std::string_view CsvTable::field(std::size_t row, std::size_t column) const {
  const char* text = storage_.data() + row_start_[row];
  for (; column > 0; --column) text += std::strlen(text) + 1;
  return std::string_view(text);
}

void CsvTable::row_fields(std::size_t row, std::vector<std::string_view>& fields) const {
  fields.resize(header_.size());
  const char* text = storage_.data() + row_start_[row];
  for (auto& field : fields) {
    const std::size_t length = std::strlen(text);
    field = std::string_view(text, length);
    text += length + 1;
  }
}

int CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return static_cast<int>(i);
  return -1;
}

namespace {

using FieldSpan = std::pair<std::uint32_t, std::uint32_t>;  // offset and length in the storage

/// Reads the records of RFC 4180 text one at a time, appending each field's
/// unescaped text and a NUL byte to `storage` and reporting malformed quoting.
class CsvRecordReader {
 public:
  /// How a record ended: usable, malformed (reported; skip the row), or the
  /// end of the usable text (reported; stop).
  enum class Outcome { ok, malformed, fatal };

  CsvRecordReader(std::string_view text, const std::string& file_name, std::string& storage, Diagnostics& diagnostics)
      : text_(text), file_name_(file_name), storage_(storage), diagnostics_(diagnostics) {}

  bool done() const { return pos_ >= text_.size(); }
  std::uint32_t line() const { return line_; }

  /// Reads the next record into `row`.
  Outcome read(std::vector<FieldSpan>& row) {
    const std::uint32_t row_line = line_;
    row.clear();
    bool malformed = false;
    while (true) {
      const auto start = static_cast<std::uint32_t>(storage_.size());
      if (pos_ < text_.size() && text_[pos_] == '"') {
        if (!read_quoted(row_line)) return Outcome::fatal;
        malformed = !after_closing_quote() || malformed;
      } else {
        read_plain();
      }
      row.emplace_back(start, static_cast<std::uint32_t>(storage_.size()) - start);
      storage_ += '\0';
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') {
        ++pos_;
        ++line_;
      }
      return malformed ? Outcome::malformed : Outcome::ok;
    }
  }

 private:
  /// A quoted field, from its opening quote through its closing one; false
  /// (reported) when the quote is never closed.
  bool read_quoted(std::uint32_t row_line) {
    ++pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          storage_ += '"';
          pos_ += 2;
          continue;
        }
        ++pos_;
        return true;
      }
      if (c == '\n') ++line_;
      storage_ += c;
      ++pos_;
    }
    diagnostics_.error({file_name_, row_line, 0},
                       "a quoted field is not closed; expected a closing '\"' before the end of the file");
    return false;
  }

  /// After a closing quote only a separator or the end of the line may
  /// follow; anything else is reported and skipped. False when it was.
  bool after_closing_quote() {
    if (pos_ >= text_.size() || text_[pos_] == ',' || text_[pos_] == '\n' || text_[pos_] == '\r') return true;
    diagnostics_.error({file_name_, line_, 0}, "text after a closing quote; expected ',' or the end of the line");
    while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n') ++pos_;
    return false;
  }

  /// An unquoted field, up to the next ',' or end of line (a CR before LF dropped).
  void read_plain() {
    const std::size_t end = text_.find_first_of(",\n", pos_);
    const std::size_t stop = end == std::string_view::npos ? text_.size() : end;
    std::size_t content_end = stop;
    if (content_end > pos_ && text_[content_end - 1] == '\r') --content_end;
    storage_.append(text_.substr(pos_, content_end - pos_));
    pos_ = stop;
  }

  std::string_view text_;
  const std::string& file_name_;
  std::string& storage_;
  Diagnostics& diagnostics_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
};

}  // namespace

CsvTable CsvTable::parse(std::string_view text, const std::string& file_name, Diagnostics& diagnostics) {
  CsvTable table;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.find('\0') != std::string_view::npos) {
    diagnostics.error({file_name, 0, 0}, "file contains a NUL byte; expected a UTF-8 CSV text file");
    table.complete_ = false;
    return table;
  }
  if (const auto bad = find_invalid_utf8(text)) {
    // Lines count from the file's start (after the BOM, which is valid UTF-8).
    const auto [line, column] = line_column_of(text, *bad);
    diagnostics.error({file_name, line, 0},
                      fmt::format("invalid UTF-8 (byte {} of the line); expected a UTF-8 text file "
                                  "(save the table as CSV UTF-8)",
                                  column));
    table.complete_ = false;
    return table;
  }
  // Unescaped fields and their NUL bytes never outgrow the text by more than
  // the last field's NUL: reserved once, not doubled at national scale.
  table.storage_.reserve(text.size() + 1);
  CsvRecordReader reader(text, file_name, table.storage_, diagnostics);
  std::vector<FieldSpan> row;
  bool header_done = false;
  while (!reader.done()) {
    const std::uint32_t row_line = reader.line();
    const auto outcome = reader.read(row);
    if (outcome == CsvRecordReader::Outcome::fatal) {
      table.complete_ = false;
      return table;
    }
    const bool blank = row.size() == 1 && row[0].second == 0;
    if (blank) continue;
    if (!header_done) {
      const std::string_view storage(table.storage_);
      for (auto [offset, length] : row) table.header_.emplace_back(trimmed(storage.substr(offset, length), " "));
      header_done = true;
      continue;
    }
    if (row.size() != table.header_.size()) {
      diagnostics.error({file_name, row_line, 0},
                        fmt::format("row has {} fields; expected {} as in the header", row.size(),
                                    table.header_.size()));
      continue;
    }
    if (outcome == CsvRecordReader::Outcome::malformed) continue;
    table.row_start_.push_back(row[0].first);
    table.line_.push_back(row_line);
  }
  if (!header_done)
    diagnostics.error({file_name, 0, 0}, "file is empty; expected a header row and data rows");
  return table;
}

}  // namespace knelpunt::model
