#include "register/register_xlsx_writer.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include "model/temporary_file_cleanup.hpp"
#include "register/asset_table_writer.hpp"
#include "register/level_colours.hpp"
#include "register/register_entry_parts.hpp"
#include "register/register_texts.hpp"
#include "register/required_action_text.hpp"
#include "register/tracking.hpp"

namespace knelpunt::risk_register {

namespace {

namespace fs = std::filesystem;

/// Excel's last row (0-based); a sheet that would pass it ends in a note.
constexpr lxw_row_t kLastRow = 1048575;

/// 1980-01-01T00:00:00Z: the creation time of a workbook without a date.
constexpr std::time_t kUndatedCreation = 315532800;

/// "#rrggbb" as libxlsxwriter's colour.
lxw_color_t colour(std::string_view hex) {
  return static_cast<lxw_color_t>(std::strtoul(std::string(hex.substr(1)).c_str(), nullptr, 16));
}

/// `text` cut to kMaxXlsxCellBytes at a UTF-8 character boundary.
std::string cell_text(std::string_view text) {
  if (text.size() <= kMaxXlsxCellBytes) return std::string(text);
  std::size_t end = kMaxXlsxCellBytes - 3;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "…";
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// civil-from-days algorithm, inverted), for the creation time.
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<std::int64_t>(y - era * 400);
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/// YYYY-MM-DD (already checked by the caller or not a date at all) as a
/// libxlsxwriter date; nothing when `text` does not start with one.
std::optional<lxw_datetime> parse_date(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  auto number = [&](std::size_t from, std::size_t length) {
    int value = 0;
    for (std::size_t i = from; i < from + length; ++i) value = value * 10 + (text[i] - '0');
    return value;
  };
  const int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  // Excel's dates start in 1900; tracking's calendar check did the rest.
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return lxw_datetime{year, month, day, 0, 0, 0.0};
}

/// The formats the sheets share, made once per workbook.
struct Formats {
  lxw_format* header = nullptr;
  lxw_format* wrap = nullptr;
  lxw_format* date = nullptr;
  lxw_format* integer = nullptr;
  lxw_format* decimal = nullptr;
  lxw_format* input = nullptr;       ///< a tracking cell: to be filled in
  lxw_format* input_date = nullptr;  ///< a tracking date
  std::vector<lxw_format*> levels;   ///< per level of the diagram, lowest first
};

Formats make_formats(lxw_workbook* workbook, std::size_t levels) {
  Formats f;
  f.header = workbook_add_format(workbook);
  format_set_bold(f.header);
  f.wrap = workbook_add_format(workbook);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  // Built-in format 14: the short date of the reader's own regional settings
  // (1-11-2026 in Dutch Excel, 11/1/2026 in American Excel).
  f.date = workbook_add_format(workbook);
  format_set_num_format_index(f.date, 14);
  f.integer = workbook_add_format(workbook);
  format_set_num_format(f.integer, "#,##0");
  f.decimal = workbook_add_format(workbook);
  format_set_num_format(f.decimal, "#,##0.0##");
  // A pale yellow that marks the cells people fill in.
  constexpr lxw_color_t kInputFill = 0xFFF7D6;
  f.input = workbook_add_format(workbook);
  format_set_bg_color(f.input, kInputFill);
  format_set_unlocked(f.input);
  f.input_date = workbook_add_format(workbook);
  format_set_bg_color(f.input_date, kInputFill);
  format_set_unlocked(f.input_date);
  format_set_num_format_index(f.input_date, 14);
  for (std::size_t level = 0; level < levels; ++level) {
    auto* format = workbook_add_format(workbook);
    format_set_bg_color(format, colour(level_fill(static_cast<int>(level), levels)));
    format_set_font_color(format, colour(level_ink(static_cast<int>(level), levels)));
    f.levels.push_back(format);
  }
  return f;
}

/// Throws when libxlsxwriter refused a call: every call here is within its
/// limits, so a refusal is a bug (exit 3), never the model's fault.
void check(lxw_error error, std::string_view what) {
  if (error != LXW_NO_ERROR)
    throw std::runtime_error(fmt::format(
        "writing the Excel register failed ({}: {}); expected libxlsxwriter to accept it", what,
        lxw_strerror(error)));
}

/// One sheet written row by row, its first row the header of an Excel table.
class Sheet {
 public:
  Sheet(lxw_workbook* workbook, const Formats& formats, std::string_view name)
      : sheet_(workbook_add_worksheet(workbook, std::string(name).c_str())), formats_(formats) {
    if (!sheet_)
      throw std::runtime_error(fmt::format("cannot add sheet '{}' to the Excel register", name));
  }

  lxw_worksheet* get() { return sheet_; }

  /// The table's columns: header and width (in characters).
  void columns(std::vector<std::pair<std::string, double>> columns) {
    headers_.clear();
    for (std::size_t c = 0; c < columns.size(); ++c) {
      headers_.push_back(cell_text(columns[c].first));
      check(worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                 columns[c].second, nullptr),
            "column width");
    }
  }

  /// Starts the next data row; false when the sheet is full (then the rest is left out).
  bool next_row() {
    if (full_) return false;
    if (row_ == kLastRow) {
      full_ = true;
      return false;
    }
    ++row_;
    column_ = 0;
    return true;
  }
  lxw_row_t row() const { return row_; }

  void text(std::string_view value, lxw_format* format = nullptr) {
    const lxw_col_t c = column_++;
    if (value.empty()) {
      if (format) check(worksheet_write_blank(sheet_, row_, c, format), "blank cell");
      return;
    }
    check(worksheet_write_string(sheet_, row_, c, cell_text(value).c_str(), format), "text cell");
  }
  void number(double value, lxw_format* format = nullptr) {
    if (!std::isfinite(value)) {
      text(value > 0 ? "∞" : "");  // an unlimited horizon
      return;
    }
    check(worksheet_write_number(sheet_, row_, column_++, value, format), "number cell");
  }
  void count(std::size_t value) { number(static_cast<double>(value), formats_.integer); }
  /// A date cell for YYYY-MM-DD, else the text as it is.
  void date(std::string_view value, lxw_format* date_format, lxw_format* text_format = nullptr) {
    if (auto parsed = parse_date(value)) {
      check(worksheet_write_datetime(sheet_, row_, column_++, &*parsed, date_format), "date cell");
      return;
    }
    text(value, value.empty() ? date_format : text_format);
  }
  void skip() { ++column_; }

  /// Closes the sheet: the table over header and rows (an empty data row
  /// when there are none: an Excel table needs one), frozen header.
  void finish(std::string_view table_name, lxw_col_t frozen_columns) {
    const lxw_row_t last = row_ == 0 ? 1 : row_;
    if (full_) {
      // The note below the table says what is missing.
      check(worksheet_write_string(sheet_, last + 1, 0, "…", nullptr), "note");
    }
    std::vector<lxw_table_column> columns(headers_.size());
    std::vector<lxw_table_column*> pointers;
    for (std::size_t c = 0; c < headers_.size(); ++c) {
      columns[c].header = headers_[c].data();
      columns[c].header_format = formats_.header;
      pointers.push_back(&columns[c]);
    }
    pointers.push_back(nullptr);
    std::string name(table_name);
    lxw_table_options options{};
    options.name = name.data();
    options.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
    options.style_type_number = 9;
    options.columns = pointers.data();
    check(worksheet_add_table(sheet_, 0, 0, last, static_cast<lxw_col_t>(headers_.size() - 1),
                              &options),
          "table");
    worksheet_freeze_panes(sheet_, 1, frozen_columns);
  }

 private:
  lxw_worksheet* sheet_;
  const Formats& formats_;
  std::vector<std::string> headers_;
  lxw_row_t row_ = 0;
  lxw_col_t column_ = 0;
  bool full_ = false;
};

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : " | ") + item;
  return out;
}

std::string with_lang(Label key, std::string_view lang) { return std::string(label(key, lang)); }

std::string criterion_cell(const Risk& risk, const catalogs::ImpactCriterion& criterion,
                           std::string_view lang) {
  const auto& impact = risk.finding.impact;
  const auto scored = std::find_if(
      impact.begin(), impact.end(),
      [&](const assessors::CriterionImpact& c) { return c.criterion == criterion.id; });
  if (scored != impact.end()) {
    const std::string letter(1, catalogs::class_letter(scored->impact_class));
    switch (scored->source) {
      case assessors::ImpactSource::expert:
        return fmt::format(fmt::runtime(label(Label::cell_expert_class, lang)), letter);
      case assessors::ImpactSource::floor:
        return fmt::format(fmt::runtime(label(Label::cell_floor_class, lang)), letter);
      case assessors::ImpactSource::estimate:
        return letter;
    }
  }
  if (std::find(risk.impact_open.begin(), risk.impact_open.end(), criterion.id) !=
      risk.impact_open.end())
    return std::string(label(Label::not_determined, lang));
  return std::string(
      label(criterion.estimate ? Label::cell_below_class_a : Label::cell_no_rule, lang));
}

void write_register_sheet(lxw_workbook* workbook, const Formats& f, const Register& reg,
                          std::string_view lang) {
  Sheet sheet(workbook, f, label(Label::sheet_register, lang));
  std::vector<std::pair<std::string, double>> columns{{with_lang(Label::id, lang), 17},
                                                      {with_lang(Label::level, lang), 13},
                                                      {with_lang(Label::likelihood, lang), 7},
                                                      {with_lang(Label::impact, lang), 8},
                                                      {with_lang(Label::impact_score, lang), 11},
                                                      {with_lang(Label::title, lang), 60},
                                                      {with_lang(Label::analyses, lang), 22},
                                                      {with_lang(Label::kind, lang), 22},
                                                      {with_lang(Label::assets, lang), 30},
                                                      {with_lang(Label::vital_processes, lang), 22},
                                                      {with_lang(Label::operator_name, lang), 22},
                                                      {with_lang(Label::scenario, lang), 16},
                                                      {with_lang(Label::affected, lang), 10}};
  for (const auto& criterion : reg.criteria)
    columns.emplace_back(fmt::format("{} {}", label(Label::impact, lang), criterion.id), 9);
  columns.emplace_back(with_lang(Label::measures, lang), 22);
  const auto status_column = static_cast<lxw_col_t>(columns.size());
  for (auto [key, width] :
       std::initializer_list<std::pair<Label, double>>{{Label::status, 16},
                                                       {Label::owner, 22},
                                                       {Label::justification, 40},
                                                       {Label::date, 12},
                                                       {Label::checked_by, 20}})
    columns.emplace_back(with_lang(key, lang), width);
  sheet.columns(columns);

  for (const auto& risk : reg.risks) {
    if (!sheet.next_row()) break;
    const auto& finding = risk.finding;
    sheet.text(risk.id);
    const auto level = static_cast<std::size_t>(risk.level);
    sheet.text(level_name(reg.diagram, risk.level, lang),
               level < f.levels.size() ? f.levels[level] : nullptr);
    sheet.text(std::string(1, catalogs::class_letter(risk.likelihood)));
    sheet.text(impact_class_cell(risk, lang));
    sheet.number(risk.impact_score, f.decimal);
    sheet.text(in_language(finding.title, lang), nullptr);
    std::vector<std::string> analyses;
    for (const auto& analysis :
         risk.analyses.empty() ? std::vector<std::string>{finding.assessor} : risk.analyses)
      analyses.emplace_back(assessor_name(analysis, lang));
    sheet.text(joined(analyses));
    sheet.text(kind_name(finding.kind, finding.assets.size(), lang));
    sheet.text(joined(finding.assets));
    // By name, as the Markdown and HTML registers give them: a partner
    // filters on what they read there; ids are for JSON and CSV.
    std::vector<std::string> processes;
    for (const auto& process : risk.vital_processes)
      processes.push_back(process_name(reg, process, lang));
    sheet.text(joined(processes));
    sheet.text(joined(risk.operators));
    sheet.text(finding.scenario);
    sheet.count(finding.affected.size());
    for (const auto& criterion : reg.criteria) sheet.text(criterion_cell(risk, criterion, lang));
    std::vector<std::string> measure_ids;
    for (const auto& measure : risk.measures) measure_ids.push_back(measure.id);
    sheet.text(joined(measure_ids));
    sheet.text(status_label(risk.tracking.status, lang), f.input);
    sheet.text(risk.tracking.owner, f.input);
    sheet.text(risk.tracking.justification, f.input);
    sheet.date(risk.tracking.date, f.input_date, f.input);
    sheet.text(risk.tracking.checked_by, f.input);
  }
  const lxw_row_t last = std::max<lxw_row_t>(sheet.row(), 1);

  // The statuses as the drop-down list offers them, in the workbook's language.
  std::vector<std::string> statuses;
  for (auto status : kTrackingStatuses) statuses.emplace_back(status_label(status, lang));
  std::vector<char*> status_list;
  for (auto& status : statuses) status_list.push_back(status.data());
  status_list.push_back(nullptr);
  std::string prompt(label(Label::status_prompt, lang)),
      refused(label(Label::status_refused, lang));
  std::string title(label(Label::status, lang));
  lxw_data_validation status_rule{};
  status_rule.validate = LXW_VALIDATION_TYPE_LIST;
  status_rule.value_list = status_list.data();
  status_rule.input_title = title.data();
  status_rule.input_message = prompt.data();
  status_rule.error_title = title.data();
  status_rule.error_message = refused.data();
  // Down to Excel's last row, so that rows people add below the table get the list too.
  check(worksheet_data_validation_range(sheet.get(), 1, status_column, kLastRow, status_column,
                                        &status_rule),
        "status list");

  // The date column takes dates only.
  std::string date_title(label(Label::date, lang)), date_prompt(label(Label::date_prompt, lang));
  lxw_data_validation date_rule{};
  date_rule.validate = LXW_VALIDATION_TYPE_DATE;
  date_rule.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  date_rule.minimum_datetime = {1900, 1, 1, 0, 0, 0};
  date_rule.maximum_datetime = {9999, 12, 31, 0, 0, 0};
  date_rule.input_title = date_title.data();
  date_rule.input_message = date_prompt.data();
  const auto date_column = static_cast<lxw_col_t>(status_column + 3);
  check(worksheet_data_validation_range(sheet.get(), 1, date_column, kLastRow, date_column,
                                        &date_rule),
        "date rule");
  (void)last;
  sheet.finish("Register", 1);
}

void write_impact_sheet(lxw_workbook* workbook, const Formats& f, const Register& reg,
                        std::string_view lang) {
  Sheet sheet(workbook, f, label(Label::sheet_impact, lang));
  sheet.columns({{with_lang(Label::id, lang), 17},
                 {with_lang(Label::criterion, lang), 10},
                 {with_lang(Label::name, lang), 30},
                 {with_lang(Label::impact_class, lang), 7},
                 {with_lang(Label::value, lang), 14},
                 {with_lang(Label::basis, lang), 70},
                 {with_lang(Label::source, lang), 20}});
  for (const auto& risk : reg.risks)
    for (const auto& impact : risk.finding.impact) {
      if (!sheet.next_row()) break;
      sheet.text(risk.id);
      sheet.text(impact.criterion);
      sheet.text(criterion_name(reg, impact.criterion, lang));
      sheet.text(std::string(1, catalogs::class_letter(impact.impact_class)));
      sheet.number(impact.value, f.decimal);
      sheet.text(in_language(impact.basis, lang));
      const Label source = impact.source == assessors::ImpactSource::expert ? Label::source_expert
                           : impact.source == assessors::ImpactSource::floor
                               ? Label::source_floor
                               : Label::source_estimate;
      sheet.text(label(source, lang));
    }
  sheet.finish("Impact", 1);
}

void write_chain_sheet(lxw_workbook* workbook, const Formats& f, const Register& reg,
                       std::string_view lang) {
  Sheet sheet(workbook, f, label(Label::sheet_chain, lang));
  sheet.columns({{with_lang(Label::id, lang), 17},
                 {with_lang(Label::step, lang), 6},
                 {with_lang(Label::asset_column, lang), 26},
                 {with_lang(Label::hours_after_start, lang), 12},
                 {with_lang(Label::via, lang), 26},
                 {with_lang(Label::down_hours, lang), 12},
                 {with_lang(Label::back_hours, lang), 12}});
  for (const auto& risk : reg.risks)
    for (std::size_t s = 0; s < risk.finding.chain.size(); ++s) {
      if (!sheet.next_row()) break;
      const auto& step = risk.finding.chain[s];
      sheet.text(risk.id);
      sheet.count(s + 1);
      sheet.text(step.asset);
      sheet.number(step.t_h, f.decimal);
      sheet.text(step.via);
      if (step.down_h)
        sheet.number(*step.down_h, f.decimal);
      else
        sheet.skip();
      if (step.back_h)
        sheet.number(*step.back_h, f.decimal);
      else
        sheet.skip();
    }
  sheet.finish("Chain", 1);
}

void write_evidence_sheet(lxw_workbook* workbook, const Formats& f, const Register& reg,
                          std::string_view lang) {
  Sheet sheet(workbook, f, label(Label::sheet_evidence, lang));
  sheet.columns({{with_lang(Label::id, lang), 17},
                 {with_lang(Label::line_number, lang), 6},
                 {with_lang(Label::evidence, lang), 100}});
  for (const auto& risk : reg.risks)
    for (std::size_t e = 0; e < risk.finding.evidence.size(); ++e) {
      if (!sheet.next_row()) break;
      sheet.text(risk.id);
      sheet.count(e + 1);
      sheet.text(in_language(risk.finding.evidence[e], lang));
    }
  sheet.finish("Evidence", 1);
}

void write_vulnerability_sheet(lxw_workbook* workbook, const Formats& f, const Register& reg,
                               std::string_view lang) {
  Sheet sheet(workbook, f, label(Label::sheet_vulnerabilities, lang));
  sheet.columns({{with_lang(Label::id, lang), 17},
                 {"CVE", 16},
                 {with_lang(Label::vendor, lang), 18},
                 {with_lang(Label::product, lang), 22},
                 {with_lang(Label::required_action, lang), 50},
                 {with_lang(Label::due_date, lang), 12},
                 {with_lang(Label::known_ransomware, lang), 14},
                 {with_lang(Label::epss, lang), 10},
                 {with_lang(Label::percentile, lang), 10}});
  for (const auto& risk : reg.risks)
    for (const auto& cve : risk.finding.cves) {
      if (!sheet.next_row()) break;
      sheet.text(risk.id);
      sheet.text(cve.cve);
      sheet.text(cve.vendor_project);
      sheet.text(cve.product);
      sheet.text(required_action_text(cve.required_action, lang));
      sheet.date(cve.due_date, f.date);
      sheet.text(label(cve.known_ransomware ? Label::yes : Label::no, lang));
      if (cve.epss)
        sheet.number(*cve.epss, f.decimal);
      else
        sheet.skip();
      if (cve.epss_percentile)
        sheet.number(*cve.epss_percentile, f.decimal);
      else
        sheet.skip();
    }
  sheet.finish("Vulnerabilities", 1);
}

void write_timeline_sheet(lxw_workbook* workbook, const Formats& f, const Register& reg,
                          std::string_view lang) {
  Sheet sheet(workbook, f, label(Label::sheet_timeline, lang));
  sheet.columns({{with_lang(Label::id, lang), 17},
                 {with_lang(Label::hours_after_start, lang), 12},
                 {with_lang(Label::assets_failed, lang), 14},
                 {with_lang(Label::people, lang), 16}});
  for (const auto& risk : reg.risks)
    for (const auto& point : risk.finding.timeline) {
      if (!sheet.next_row()) break;
      sheet.text(risk.id);
      sheet.number(point.t_h, f.decimal);
      sheet.count(point.assets_failed);
      sheet.number(point.people, f.integer);
    }
  sheet.finish("Timeline", 1);
}

void write_measure_sheet(lxw_workbook* workbook, const Formats& f, const Register& reg,
                         std::string_view lang) {
  Sheet sheet(workbook, f, label(Label::sheet_measures, lang));
  sheet.columns({{with_lang(Label::id, lang), 17},
                 {with_lang(Label::measure, lang), 14},
                 {with_lang(Label::name, lang), 60}});
  for (const auto& risk : reg.risks)
    for (const auto& measure : risk.measures) {
      if (!sheet.next_row()) break;
      sheet.text(risk.id);
      sheet.text(measure.id);
      sheet.text(in_language(measure.name, lang));
    }
  sheet.finish("Measures", 1);
}

void write_asset_sheet(lxw_workbook* workbook, const Formats& f, const Register& reg,
                       std::string_view lang, const std::vector<AssetRow>& rows) {
  Sheet sheet(workbook, f, label(Label::sheet_assets, lang));
  std::vector<std::pair<std::string, double>> columns;
  for (const auto& column : kAssetColumns) columns.emplace_back(with_lang(column.heading, lang), column.width);
  sheet.columns(columns);
  for (const auto& row : rows) {
    if (!sheet.next_row()) break;
    for (const auto& cell : asset_cells(row, reg, lang)) {
      switch (cell.kind) {
        case AssetCell::Kind::text: sheet.text(cell.text); break;
        case AssetCell::Kind::level:
          sheet.text(cell.text, cell.level < f.levels.size() ? f.levels[cell.level] : nullptr);
          break;
        case AssetCell::Kind::empty: sheet.skip(); break;
        case AssetCell::Kind::count: sheet.count(static_cast<std::size_t>(cell.value)); break;
        case AssetCell::Kind::people: sheet.number(cell.value, f.integer); break;
      }
    }
  }
  sheet.finish("Assets", 1);
}

void write_about_sheet(lxw_workbook* workbook, const Formats& f, const Register& reg,
                       std::string_view lang) {
  Sheet sheet(workbook, f, label(Label::sheet_about, lang));
  sheet.columns({{with_lang(Label::item, lang), 30}, {with_lang(Label::value, lang), 90}});
  auto line = [&](std::string_view item, auto&& write) {
    if (!sheet.next_row()) return;
    sheet.text(item);
    write();
  };
  line(label(Label::register_title, lang), [&] { sheet.text(reg.model_name); });
  line(label(Label::authority, lang), [&] { sheet.text(reg.authority); });
  if (!reg.date.empty()) line(label(Label::date, lang), [&] { sheet.date(reg.date, f.date); });
  line(label(Label::tool, lang), [&] { sheet.text("knelpunt " + reg.tool_version); });
  line(label(Label::model_digest, lang), [&] { sheet.text(reg.model_digest); });
  line(label(Label::horizon, lang), [&] { sheet.number(reg.horizon_h, f.decimal); });
  line(label(Label::profile, lang), [&] { sheet.text(reg.profile); });
  line(label(Label::risk_diagram_id, lang), [&] { sheet.text(reg.diagram_id); });
  line(label(Label::listed_entries, lang), [&] { sheet.count(reg.risks.size()); });
  if (reg.listing)
    line(label(Label::not_listed, lang), [&] { sheet.count(reg.listing->not_listed); });
  for (const auto& catalog : reg.catalogs)
    line(fmt::format("{}: {}", label(Label::catalogs, lang), catalog.id),
         [&] { sheet.count(static_cast<std::size_t>(catalog.version)); });
  for (const auto& feed : reg.feeds)
    line(fmt::format("{}: {}", label(Label::feeds, lang), feed.feed), [&] {
      if (!feed.present) {
        sheet.text(label(Label::feed_absent, lang));
        return;
      }
      // The feed's own date as a date cell; the day is what a reader needs.
      sheet.date(feed.feed_date.substr(0, std::min<std::size_t>(feed.feed_date.size(), 10)),
                 f.date);
    });
  line(label(Label::tracking, lang), [&] {
    sheet.text(fmt::format(fmt::runtime(label(Label::tracking_fill_in, lang)),
                           "knelpunt tracking import register.xlsx -o tracking.yaml"));
  });
  sheet.finish("About", 1);
}

/// A private directory for libxlsxwriter's file, removed with it.
class PrivateDirectory {
 public:
  PrivateDirectory() {
    std::error_code ec;
    auto base = fs::temp_directory_path(ec);
    if (ec) base = "/tmp";
    std::string pattern = (base / "knelpunt-xlsx.XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      throw std::runtime_error(
          fmt::format("cannot create a temporary directory in {} for the Excel register ({}); "
                      "expected a writable $TMPDIR",
                      base.string(), std::strerror(errno)));
    path_ = pattern;
  }
  ~PrivateDirectory() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  PrivateDirectory(const PrivateDirectory&) = delete;
  PrivateDirectory& operator=(const PrivateDirectory&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// The temporary workbook registered for removal on SIGINT/SIGTERM/SIGHUP.
class RegisteredFile {
 public:
  explicit RegisteredFile(const fs::path& path)
      : slot_(model::register_temporary_file(path.c_str())) {}
  ~RegisteredFile() { model::forget_temporary_file(slot_); }
  RegisteredFile(const RegisteredFile&) = delete;
  RegisteredFile& operator=(const RegisteredFile&) = delete;

 private:
  int slot_;
};

std::string read_back(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0)
    throw std::runtime_error(fmt::format("cannot read back the Excel register written to {} ({})",
                                         path.string(), std::strerror(errno)));
  std::string bytes;
  std::array<char, 65536> buffer{};
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      ::close(fd);
      throw std::runtime_error(fmt::format("cannot read back the Excel register from {} ({})",
                                           path.string(), std::strerror(error)));
    }
    if (n == 0) break;
    bytes.append(buffer.data(), static_cast<std::size_t>(n));
  }
  ::close(fd);
  return bytes;
}

}  // namespace

std::string register_to_xlsx(const Register& reg, std::string_view lang,
                             const std::vector<AssetRow>* assets) {
  const PrivateDirectory directory;
  const fs::path file = directory.path() / "register.xlsx";
  const RegisteredFile registered(file);
  std::string tmpdir = directory.path().string();
  lxw_workbook_options options{};
  options.tmpdir = tmpdir.data();
  std::unique_ptr<lxw_workbook, void (*)(lxw_workbook*)> workbook(
      workbook_new_opt(file.c_str(), &options), [](lxw_workbook* w) {
        if (w) lxw_workbook_free(w);
      });
  if (!workbook)
    throw std::runtime_error("cannot start the Excel register (libxlsxwriter: out of memory)");

  // Same register, same bytes: no clock in the document properties.
  std::string title = fmt::format("{} {}", label(Label::register_title, lang), reg.model_name);
  std::string author = "knelpunt " + reg.tool_version;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.author = author.data();
  properties.created = kUndatedCreation;
  if (auto date = parse_date(reg.date))
    properties.created = static_cast<std::time_t>(
        days_from_civil(date->year, date->month, date->day) * std::int64_t{86400});
  check(workbook_set_properties(workbook.get(), &properties), "document properties");

  const Formats formats = make_formats(workbook.get(), reg.diagram.levels.size());
  write_register_sheet(workbook.get(), formats, reg, lang);
  write_impact_sheet(workbook.get(), formats, reg, lang);
  write_chain_sheet(workbook.get(), formats, reg, lang);
  write_evidence_sheet(workbook.get(), formats, reg, lang);
  write_vulnerability_sheet(workbook.get(), formats, reg, lang);
  write_timeline_sheet(workbook.get(), formats, reg, lang);
  write_measure_sheet(workbook.get(), formats, reg, lang);
  if (assets) write_asset_sheet(workbook.get(), formats, reg, lang, *assets);
  write_about_sheet(workbook.get(), formats, reg, lang);

  // workbook_close writes the file and frees the workbook, whatever it returns.
  const lxw_error closed = workbook_close(workbook.release());
  if (closed != LXW_NO_ERROR)
    throw std::runtime_error(
        fmt::format("cannot write the Excel register in {} ({}); expected a writable $TMPDIR "
                    "with space for it",
                    directory.path().string(), lxw_strerror(closed)));
  return read_back(file);
}

}  // namespace knelpunt::risk_register
