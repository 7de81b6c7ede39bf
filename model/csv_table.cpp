#include "model/csv_table.hpp"

#include <fmt/format.h>

namespace knelpunt::model {

int CsvTable::column(std::string_view name) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return static_cast<int>(i);
  return -1;
}

CsvTable CsvTable::parse(std::string_view text, const std::string& file_name, Diagnostics& diagnostics) {
  CsvTable table;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.find('\0') != std::string_view::npos) {
    diagnostics.error({file_name, 0, 0}, "file contains a NUL byte; expected a UTF-8 CSV text file");
    return table;
  }
  table.storage_.reserve(text.size());
  std::size_t pos = 0;
  std::uint32_t line = 1;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> row;
  bool header_done = false;
  while (pos < text.size()) {
    const std::uint32_t row_line = line;
    row.clear();
    bool row_ok = true;
    // One record.
    while (true) {
      const auto start = static_cast<std::uint32_t>(table.storage_.size());
      if (pos < text.size() && text[pos] == '"') {
        ++pos;
        bool closed = false;
        while (pos < text.size()) {
          const char c = text[pos];
          if (c == '"') {
            if (pos + 1 < text.size() && text[pos + 1] == '"') {
              table.storage_ += '"';
              pos += 2;
              continue;
            }
            ++pos;
            closed = true;
            break;
          }
          if (c == '\n') ++line;
          table.storage_ += c;
          ++pos;
        }
        if (!closed) {
          diagnostics.error({file_name, row_line, 0},
                            "a quoted field is not closed; expected a closing '\"' before the end of the file");
          return table;
        }
        if (pos < text.size() && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r') {
          diagnostics.error({file_name, line, 0},
                            "text after a closing quote; expected ',' or the end of the line");
          row_ok = false;
          while (pos < text.size() && text[pos] != ',' && text[pos] != '\n') ++pos;
        }
      } else {
        const std::size_t end = text.find_first_of(",\n", pos);
        std::size_t stop = end == std::string_view::npos ? text.size() : end;
        std::size_t content_end = stop;
        if (content_end > pos && text[content_end - 1] == '\r') --content_end;
        table.storage_.append(text.substr(pos, content_end - pos));
        pos = stop;
      }
      row.emplace_back(start, static_cast<std::uint32_t>(table.storage_.size()) - start);
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
        continue;
      }
      if (pos < text.size() && text[pos] == '\r') ++pos;
      if (pos < text.size() && text[pos] == '\n') {
        ++pos;
        ++line;
      }
      break;
    }
    const bool blank = row.size() == 1 && row[0].second == 0;
    if (blank) continue;
    if (!header_done) {
      for (auto [offset, length] : row) {
        std::string name(std::string_view(table.storage_).substr(offset, length));
        while (!name.empty() && name.back() == ' ') name.pop_back();
        while (!name.empty() && name.front() == ' ') name.erase(name.begin());
        table.header_.push_back(std::move(name));
      }
      header_done = true;
      continue;
    }
    if (row.size() != table.header_.size()) {
      diagnostics.error({file_name, row_line, 0},
                        fmt::format("row has {} fields; expected {} as in the header", row.size(),
                                    table.header_.size()));
      continue;
    }
    if (!row_ok) continue;
    table.fields_.insert(table.fields_.end(), row.begin(), row.end());
    table.line_.push_back(row_line);
  }
  if (!header_done)
    diagnostics.error({file_name, 0, 0}, "file is empty; expected a header row and data rows");
  return table;
}

}  // namespace knelpunt::model
