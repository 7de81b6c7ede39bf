#include "register/tracking_workbook.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <map>
#include <optional>

#include "model/suggest.hpp"
#include "model/text_trim.hpp"
#include "register/register_texts.hpp"
#include "register/xlsx_workbook.hpp"

namespace knelpunt::risk_register {

namespace {

/// The columns read, by their label in the register's text table.
enum Column {
  id_column,
  status_column,
  owner_column,
  justification_column,
  date_column,
  checked_by_column
};
constexpr std::array<Label, 6> kColumnLabels{
    Label::id, Label::status, Label::owner, Label::justification, Label::date, Label::checked_by};

std::string folded(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  std::string out(text.substr(first, last - first + 1));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// A cell's text without blanks and line ends at either end.
std::string trimmed(std::string_view text) { return std::string(model::trimmed(text, " \t\r\n")); }

/// The status id a cell names: an id, or a status's name in Dutch or English.
std::optional<std::string> status_id(std::string_view cell) {
  const std::string wanted = folded(cell);
  if (wanted.empty()) return std::string("unchecked");
  for (const auto status : kTrackingStatuses)
    if (wanted == status || wanted == folded(status_label(status, "nl")) ||
        wanted == folded(status_label(status, "en")))
      return std::string(status);
  return std::nullopt;
}

/// A cell's value as text: numbers as written (an owner typed as 12 is "12").
std::string text_of(const XlsxCell& cell) {
  if (cell.kind == XlsxCellKind::boolean) return cell.value == "1" ? "TRUE" : "FALSE";
  return trimmed(cell.value);
}

}  // namespace

std::vector<TrackingEntry> read_tracking_workbook(std::string_view bytes,
                                                  const std::string& file_name,
                                                  model::Diagnostics& diagnostics) {
  const std::string sheet_name(label(Label::sheet_register, "nl"));
  static_assert(true, "the register sheet has one name in both languages");
  auto read = read_xlsx_sheet(bytes, sheet_name);
  if (!read.sheet) {
    diagnostics.error({file_name, 0, 0}, fmt::format("the workbook {}", read.problem));
    return {};
  }
  const auto& sheet = *read.sheet;
  auto where = [&](std::uint32_t row, std::uint32_t column) {
    return model::SourceLocation{
        fmt::format("{}!{}!{}", file_name, sheet.name, xlsx_cell_reference(row, column))};
  };

  // The header row: the first row with an `id` cell.
  std::uint32_t header_row = 0;
  for (const auto& cell : sheet.cells)
    if (cell.kind == XlsxCellKind::text && folded(cell.value) == "id") {
      header_row = cell.row;
      break;
    }
  std::vector<std::string> expected_headers;
  for (const auto key : kColumnLabels) {
    const auto nl = label(key, "nl"), en = label(key, "en");
    expected_headers.push_back(nl == en ? std::string(nl) : fmt::format("{}/{}", nl, en));
  }
  if (header_row == 0) {
    diagnostics.error(
        {fmt::format("{}!{}", file_name, sheet.name)},
        fmt::format(
            "no header row with an 'id' column; expected the header row of the register knelpunt "
            "wrote, with the columns {}",
            fmt::join(expected_headers, ", ")));
    return {};
  }
  std::array<std::uint32_t, kColumnLabels.size()> columns{};
  std::vector<std::string_view> known_headers;
  for (const auto key : kColumnLabels) {
    known_headers.push_back(label(key, "nl"));
    known_headers.push_back(label(key, "en"));
  }
  bool header_ok = true;
  for (const auto& cell : sheet.cells) {
    if (cell.row != header_row || cell.kind != XlsxCellKind::text) continue;
    const std::string header = folded(cell.value);
    for (std::size_t c = 0; c < kColumnLabels.size(); ++c) {
      if (header != folded(label(kColumnLabels[c], "nl")) &&
          header != folded(label(kColumnLabels[c], "en")))
        continue;
      if (columns[c] != 0) {
        diagnostics.error(
            where(header_row, cell.column),
            fmt::format(
                "a second '{}' column (the first is {}); expected each tracking column once",
                cell.value, xlsx_cell_reference(header_row, columns[c])));
        header_ok = false;
      } else {
        columns[c] = cell.column;
      }
    }
  }
  for (std::size_t c = 0; c < kColumnLabels.size(); ++c)
    if (columns[c] == 0) {
      diagnostics.error(
          where(header_row, 1),
          fmt::format("the header row has no '{}' column; expected the columns {} (in any order)",
                      expected_headers[c], fmt::join(expected_headers, ", ")));
      header_ok = false;
    }
  if (!header_ok) return {};

  // The rows below the header, cell by cell (cells are sorted by row).
  std::vector<TrackingEntry> entries;
  std::map<std::string, std::string, std::less<>> seen;  // id → its cell
  auto cell = std::find_if(sheet.cells.begin(), sheet.cells.end(),
                           [&](const XlsxCell& c) { return c.row > header_row; });
  while (cell != sheet.cells.end()) {
    const std::uint32_t row = cell->row;
    std::array<const XlsxCell*, kColumnLabels.size()> values{};
    for (; cell != sheet.cells.end() && cell->row == row; ++cell)
      for (std::size_t c = 0; c < kColumnLabels.size(); ++c)
        if (cell->column == columns[c]) values[c] = &*cell;
    auto text = [&](Column c) { return values[c] ? text_of(*values[c]) : std::string(); };

    const std::string id = text(id_column);
    if (id.empty()) {
      // A row of other notes is left alone; tracking without an id is a mistake.
      for (const Column c :
           {status_column, owner_column, justification_column, date_column, checked_by_column})
        if (!text(c).empty()) {
          diagnostics.error(
              where(row, columns[c]),
              fmt::format("row {} has tracking but no id; expected the risk id in column {}", row,
                          xlsx_column_letters(columns[id_column])));
          break;
        }
      continue;
    }
    TrackingEntry entry;
    entry.key = id;
    entry.where = where(row, columns[id_column]);
    if (const auto [other, inserted] = seen.emplace(id, entry.where.file); !inserted) {
      diagnostics.error(entry.where,
                        fmt::format("risk '{}' appears again (first at {}); expected each id once",
                                    id, other->second));
      continue;
    }
    if (values[id_column]->kind != XlsxCellKind::text)
      diagnostics.error(
          entry.where,
          fmt::format("id '{}' is not text; expected a risk id such as KP-SPOF-3f2a9c", id));

    const std::string status_text = text(status_column);
    if (auto status = status_id(status_text)) {
      entry.tracking.status = *status;
    } else {
      std::vector<std::string_view> names;
      for (const auto s : kTrackingStatuses) names.push_back(status_label(s, "nl"));
      for (const auto s : kTrackingStatuses) names.push_back(status_label(s, "en"));
      for (const auto s : kTrackingStatuses) names.push_back(s);
      diagnostics.error(
          where(row, columns[status_column]),
          fmt::format(
              "unknown status '{}'{}; expected one of the drop-down list ({}) or a status id "
              "({})",
              status_text, model::did_you_mean(status_text, names),
              fmt::join(std::vector<std::string_view>(names.begin(), names.begin() + 5), ", "),
              fmt::join(kTrackingStatuses, ", ")));
    }
    entry.tracking.owner = text(owner_column);
    entry.tracking.justification = text(justification_column);
    entry.tracking.checked_by = text(checked_by_column);
    if (const auto* date = values[date_column]) {
      const auto date_where = where(row, columns[date_column]);
      if (date->kind == XlsxCellKind::number) {
        double serial = 0;
        const auto [end, error] =
            std::from_chars(date->value.data(), date->value.data() + date->value.size(), serial);
        std::optional<std::string> day;
        if (error == std::errc() && end == date->value.data() + date->value.size())
          day = xlsx_date_from_serial(serial, sheet.date1904);
        if (day)
          entry.tracking.date = *day;
        else
          diagnostics.error(
              date_where,
              fmt::format("the date cell holds '{}', which is no day from 1900 to 9999; "
                          "expected a date",
                          date->value));
      } else if (date->kind == XlsxCellKind::text) {
        entry.tracking.date = trimmed(date->value);
        if (auto problem = tracking_date_problem(entry.tracking.date))
          diagnostics.error(date_where, *problem + " or a date cell");
      } else {
        diagnostics.error(date_where,
                          fmt::format("the date cell holds '{}'; expected a date", date->value));
      }
    }
    if (auto warning = tracking_justification_warning(entry.key, entry.tracking))
      diagnostics.warning(where(row, columns[justification_column]), *warning);
    entry.tracking.matched = entry.key;
    entries.push_back(std::move(entry));
  }
  return entries;
}

}  // namespace knelpunt::risk_register
