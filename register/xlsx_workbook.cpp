#include "register/xlsx_workbook.hpp"

#include <expat.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <climits>
#include <cmath>
#include <map>
#include <tuple>

#include "register/zip_archive.hpp"

namespace knelpunt::risk_register {

namespace {

/// Excel's largest sheet.
constexpr std::uint32_t kMaxRows = 1048576;
constexpr std::uint32_t kMaxColumns = 16384;

/// The local part of an expat name "namespace|local" (or of a name without one).
std::string_view local_name(const XML_Char* name) {
  std::string_view full(name);
  const auto bar = full.rfind('|');
  return bar == std::string_view::npos ? full : full.substr(bar + 1);
}

/// The namespace part, "" when none.
std::string_view name_space(const XML_Char* name) {
  std::string_view full(name);
  const auto bar = full.rfind('|');
  return bar == std::string_view::npos ? std::string_view() : full.substr(0, bar);
}

/// The value of attribute `local` (any namespace unless `in_namespace` ends
/// it), or nothing.
std::optional<std::string_view> attribute(const XML_Char** attributes, std::string_view local,
                                          std::string_view namespace_suffix = {}) {
  for (int i = 0; attributes[i]; i += 2) {
    if (local_name(attributes[i]) != local) continue;
    const auto ns = name_space(attributes[i]);
    if (!namespace_suffix.empty() &&
        !(ns.size() >= namespace_suffix.size() &&
          ns.substr(ns.size() - namespace_suffix.size()) == namespace_suffix))
      continue;
    return std::string_view(attributes[i + 1]);
  }
  return std::nullopt;
}

/// What a part's parser does with its elements.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view element, const XML_Char** attributes) = 0;
  virtual void end(std::string_view element) = 0;
  virtual void text(std::string_view) {}
  /// Set by a handler to stop the parse: what is wrong.
  std::string problem;
};

struct ParseState {
  XML_Parser parser;
  XmlHandler* handler;
  bool doctype = false;
};

/// Parses `xml` (zip entry `entry`); returns the problem, or "".
std::string parse_xml(std::string_view xml, std::string_view entry, XmlHandler& handler) {
  XML_Parser parser = XML_ParserCreateNS(nullptr, '|');
  if (!parser) throw std::bad_alloc();
  ParseState state{parser, &handler};
  XML_SetUserData(parser, &state);
  XML_SetElementHandler(
      parser,
      [](void* data, const XML_Char* name, const XML_Char** attributes) {
        auto* s = static_cast<ParseState*>(data);
        s->handler->start(local_name(name), attributes);
        if (!s->handler->problem.empty()) XML_StopParser(s->parser, XML_FALSE);
      },
      [](void* data, const XML_Char* name) {
        auto* s = static_cast<ParseState*>(data);
        s->handler->end(local_name(name));
        if (!s->handler->problem.empty()) XML_StopParser(s->parser, XML_FALSE);
      });
  XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* text, int length) {
    static_cast<ParseState*>(data)->handler->text(
        std::string_view(text, static_cast<std::size_t>(length)));
  });
  // No document type: an xlsx part never has one, and entities are the
  // classic way to make a small XML file expand without bound.
  XML_SetStartDoctypeDeclHandler(
      parser, [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
        auto* s = static_cast<ParseState*>(data);
        s->doctype = true;
        XML_StopParser(s->parser, XML_FALSE);
      });
  const bool ok =
      XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), XML_TRUE) == XML_STATUS_OK;
  std::string problem;
  if (state.doctype)
    problem = fmt::format(
        "has a document type declaration in '{}'; expected the XML of a workbook, which has none",
        entry);
  else if (!handler.problem.empty())
    problem = fmt::format("{} in '{}'", handler.problem, entry);
  else if (!ok)
    problem =
        fmt::format("has malformed XML in '{}' (line {}: {}); expected well-formed XML", entry,
                    XML_GetCurrentLineNumber(parser), XML_ErrorString(XML_GetErrorCode(parser)));
  XML_ParserFree(parser);
  return problem;
}

/// xl/workbook.xml: the sheets (name → relationship id) and the date system.
class WorkbookHandler : public XmlHandler {
 public:
  std::vector<std::pair<std::string, std::string>> sheets;
  bool date1904 = false;
  void start(std::string_view element, const XML_Char** attributes) override {
    if (element == "sheet") {
      const auto name = attribute(attributes, "name");
      const auto id = attribute(attributes, "id", "/relationships");
      if (name && id) sheets.emplace_back(*name, *id);
      if (sheets.size() > kMaxZipEntries) problem = "lists too many sheets";
    } else if (element == "workbookPr") {
      const auto value = attribute(attributes, "date1904");
      date1904 = value && (*value == "1" || *value == "true");
    }
  }
  void end(std::string_view) override {}
};

/// xl/_rels/workbook.xml.rels: relationship id → target part.
class RelationshipsHandler : public XmlHandler {
 public:
  std::map<std::string, std::string, std::less<>> targets;
  void start(std::string_view element, const XML_Char** attributes) override {
    if (element != "Relationship") return;
    const auto id = attribute(attributes, "Id");
    const auto target = attribute(attributes, "Target");
    if (id && target) targets.emplace(*id, *target);
  }
  void end(std::string_view) override {}
};

/// xl/sharedStrings.xml: the texts of <si>, rich-text runs joined, phonetic
/// runs (<rPh>) left out.
class SharedStringsHandler : public XmlHandler {
 public:
  std::vector<std::string> strings;
  void start(std::string_view element, const XML_Char**) override {
    if (element == "si") {
      current_.clear();
      in_item_ = true;
    } else if (element == "rPh") {
      ++phonetic_;
    } else if (element == "t" && in_item_ && phonetic_ == 0) {
      in_text_ = true;
    }
  }
  void end(std::string_view element) override {
    if (element == "si") {
      strings.push_back(std::move(current_));
      current_.clear();
      in_item_ = false;
      if (strings.size() > kMaxXlsxCells)
        problem = fmt::format("holds more than {} shared strings", kMaxXlsxCells);
    } else if (element == "rPh") {
      --phonetic_;
    } else if (element == "t") {
      in_text_ = false;
    }
  }
  void text(std::string_view text) override {
    if (in_text_) current_ += text;
  }

 private:
  std::string current_;
  bool in_item_ = false, in_text_ = false;
  int phonetic_ = 0;
};

/// "F12" → (12, 6); nothing when malformed or beyond Excel's sheet.
std::optional<std::pair<std::uint32_t, std::uint32_t>> parse_reference(std::string_view reference) {
  std::size_t i = 0;
  std::uint32_t column = 0;
  while (i < reference.size() && reference[i] >= 'A' && reference[i] <= 'Z') {
    column = column * 26 + static_cast<std::uint32_t>(reference[i] - 'A' + 1);
    if (column > kMaxColumns) return std::nullopt;
    ++i;
  }
  if (i == 0 || i == reference.size()) return std::nullopt;
  std::uint32_t row = 0;
  const auto [end, error] =
      std::from_chars(reference.data() + i, reference.data() + reference.size(), row);
  if (error != std::errc() || end != reference.data() + reference.size() || row == 0 ||
      row > kMaxRows)
    return std::nullopt;
  return std::pair{row, column};
}

/// A worksheet's <sheetData>: every cell with a value.
class SheetHandler : public XmlHandler {
 public:
  explicit SheetHandler(const std::vector<std::string>& shared) : shared_(shared) {}
  std::vector<XlsxCell> cells;

  void start(std::string_view element, const XML_Char** attributes) override {
    if (element == "row") {
      if (const auto r = attribute(attributes, "r")) {
        std::uint32_t value = 0;
        const auto [end, error] = std::from_chars(r->data(), r->data() + r->size(), value);
        if (error != std::errc() || end != r->data() + r->size() || value == 0 ||
            value > kMaxRows) {
          problem = fmt::format("has a row numbered '{}'; expected 1–{}", *r, kMaxRows);
          return;
        }
        row_ = value;
      } else {
        ++row_;
      }
      column_ = 0;
    } else if (element == "c") {
      in_cell_ = true;
      value_.clear();
      inline_text_.clear();
      has_value_ = false;
      type_ = std::string(attribute(attributes, "t").value_or("n"));
      if (const auto r = attribute(attributes, "r")) {
        const auto position = parse_reference(*r);
        if (!position) {
          problem = fmt::format(
              "has a cell '{}'; expected a reference such as F12 within Excel's sheet", *r);
          return;
        }
        cell_row_ = position->first;
        column_ = position->second;
      } else {
        cell_row_ = row_ == 0 ? 1 : row_;
        ++column_;
        if (column_ > kMaxColumns) problem = "has a row with more columns than Excel allows";
      }
    } else if (in_cell_ && element == "v") {
      in_value_ = true;
      has_value_ = true;
    } else if (in_cell_ && element == "is") {
      in_inline_ = true;
      has_value_ = true;
    } else if (in_inline_ && element == "rPh") {
      ++phonetic_;
    } else if (in_inline_ && element == "t" && phonetic_ == 0) {
      in_inline_text_ = true;
    }
  }

  void end(std::string_view element) override {
    if (element == "v") {
      in_value_ = false;
    } else if (element == "t") {
      in_inline_text_ = false;
    } else if (element == "rPh") {
      --phonetic_;
    } else if (element == "is") {
      in_inline_ = false;
    } else if (element == "c") {
      in_cell_ = false;
      if (has_value_) add_cell();
    }
  }

  void text(std::string_view text) override {
    if (in_value_) value_ += text;
    if (in_inline_text_) inline_text_ += text;
  }

 private:
  void add_cell() {
    XlsxCell cell{cell_row_, column_, XlsxCellKind::text, {}};
    if (type_ == "s") {
      std::size_t index = 0;
      const auto [end, error] =
          std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (error != std::errc() || end != value_.data() + value_.size() || index >= shared_.size()) {
        problem = fmt::format(
            "has cell {} pointing to shared string '{}' of {}; expected an index below that",
            xlsx_cell_reference(cell_row_, column_), value_, shared_.size());
        return;
      }
      cell.value = shared_[index];
    } else if (type_ == "inlineStr") {
      cell.value = inline_text_;
    } else if (type_ == "str" || type_ == "d") {
      cell.value = value_;  // a formula's text result; an ISO 8601 date as text
    } else if (type_ == "b") {
      cell.kind = XlsxCellKind::boolean;
      cell.value = value_;
    } else if (type_ == "e") {
      cell.kind = XlsxCellKind::error;
      cell.value = value_;
    } else if (type_ == "n") {
      if (value_.empty()) return;  // a formula without a cached result
      cell.kind = XlsxCellKind::number;
      cell.value = value_;
    } else {
      problem = fmt::format("has cell {} of type '{}'; expected s, inlineStr, str, n, b, e or d",
                            xlsx_cell_reference(cell_row_, column_), type_);
      return;
    }
    if (cells.size() >= kMaxXlsxCells) {
      problem = fmt::format("holds more than {} cells; expected a register", kMaxXlsxCells);
      return;
    }
    cells.push_back(std::move(cell));
  }

  const std::vector<std::string>& shared_;
  std::uint32_t row_ = 0, cell_row_ = 0, column_ = 0;
  std::string type_, value_, inline_text_;
  bool in_cell_ = false, in_value_ = false, in_inline_ = false, in_inline_text_ = false,
       has_value_ = false;
  int phonetic_ = 0;
};

/// The zip path of a relationship target of xl/workbook.xml: relative to
/// xl/, or absolute from the package root ("/xl/worksheets/sheet1.xml").
std::string part_path(std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  return "xl/" + std::string(target);
}

}  // namespace

std::string xlsx_column_letters(std::uint32_t column) {
  std::string letters;
  for (std::uint32_t c = column; c > 0; c = (c - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  return letters;
}

std::string xlsx_cell_reference(std::uint32_t row, std::uint32_t column) {
  return xlsx_column_letters(column) + std::to_string(row);
}

std::optional<std::string> xlsx_date_from_serial(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < (date1904 ? 0 : 1) || serial >= 2958466)
    return std::nullopt;
  auto day = static_cast<std::int64_t>(std::floor(serial));
  // Days since 1970-01-01: the 1900 system's day 25569 is 1970-01-01; it
  // counts a 29 February 1900 that never was (serial 60), so days before it
  // are one later.
  std::int64_t days;
  if (date1904) {
    days = day - 24107;  // 1904-01-01 is 24107 days before 1970-01-01
  } else {
    if (day == 60) return std::nullopt;
    days = (day < 60 ? day + 1 : day) - 25569;
  }
  // Civil date from days (the algorithm of Howard Hinnant's date library, public domain
  // description).
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto doe = static_cast<std::int64_t>(days - era * 146097);
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2);
  if (y > 9999) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

XlsxSheetRead read_xlsx_sheet(std::string_view bytes, std::string_view name) {
  XlsxSheetRead result;
  if (bytes.size() > INT_MAX) {
    result.problem = "is larger than 2 GiB; expected an .xlsx workbook";
    return result;
  }
  ZipArchive zip(bytes);
  if (!zip.open_problem().empty()) {
    result.problem = zip.open_problem();
    return result;
  }
  auto entry = [&](std::string_view path, bool required) -> std::optional<std::string> {
    if (!required && !zip.contains(path)) return std::string();
    auto read = zip.read(path);
    if (!read.bytes) {
      result.problem =
          read.problem + (required && !zip.contains(path) ? "; expected an .xlsx workbook" : "");
      return std::nullopt;
    }
    if (read.bytes->size() > INT_MAX) {
      result.problem = fmt::format("has an entry '{}' larger than 2 GiB", path);
      return std::nullopt;
    }
    return read.bytes;
  };

  const auto workbook_xml = entry("xl/workbook.xml", true);
  if (!workbook_xml) return result;
  WorkbookHandler workbook;
  if (auto problem = parse_xml(*workbook_xml, "xl/workbook.xml", workbook); !problem.empty()) {
    result.problem = problem;
    return result;
  }
  for (const auto& sheet : workbook.sheets) result.sheet_names.push_back(sheet.first);
  const auto wanted = std::find_if(workbook.sheets.begin(), workbook.sheets.end(),
                                   [&](const auto& sheet) { return sheet.first == name; });
  if (wanted == workbook.sheets.end()) {
    result.problem = fmt::format(
        "has no sheet '{}'; expected the sheet knelpunt wrote (the workbook has {})", name,
        result.sheet_names.empty() ? std::string("no sheets")
                                   : fmt::format("'{}'", fmt::join(result.sheet_names, "', '")));
    return result;
  }

  const auto rels_xml = entry("xl/_rels/workbook.xml.rels", true);
  if (!rels_xml) return result;
  RelationshipsHandler relationships;
  if (auto problem = parse_xml(*rels_xml, "xl/_rels/workbook.xml.rels", relationships);
      !problem.empty()) {
    result.problem = problem;
    return result;
  }
  const auto target = relationships.targets.find(wanted->second);
  if (target == relationships.targets.end()) {
    result.problem = fmt::format(
        "names no part for sheet '{}' (relationship '{}' is missing); expected an .xlsx "
        "workbook whose sheets all have their part",
        name, wanted->second);
    return result;
  }

  SharedStringsHandler shared;
  const auto shared_xml = entry("xl/sharedStrings.xml", false);
  if (!shared_xml) return result;
  if (!shared_xml->empty())
    if (auto problem = parse_xml(*shared_xml, "xl/sharedStrings.xml", shared); !problem.empty()) {
      result.problem = problem;
      return result;
    }

  const std::string sheet_path = part_path(target->second);
  const auto sheet_xml = entry(sheet_path, true);
  if (!sheet_xml) return result;
  SheetHandler sheet(shared.strings);
  if (auto problem = parse_xml(*sheet_xml, sheet_path, sheet); !problem.empty()) {
    result.problem = problem;
    return result;
  }
  std::stable_sort(sheet.cells.begin(), sheet.cells.end(),
                   [](const XlsxCell& a, const XlsxCell& b) {
                     return std::tie(a.row, a.column) < std::tie(b.row, b.column);
                   });
  // A position written twice keeps its last value, as Excel would.
  std::vector<XlsxCell> unique;
  for (auto& cell : sheet.cells) {
    if (!unique.empty() && unique.back().row == cell.row && unique.back().column == cell.column)
      unique.back() = std::move(cell);
    else
      unique.push_back(std::move(cell));
  }
  result.sheet = XlsxSheet{std::string(name), std::move(unique), workbook.date1904};
  return result;
}

}  // namespace knelpunt::risk_register
