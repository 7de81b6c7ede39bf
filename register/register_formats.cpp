#include "register/register_formats.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "register/register_html_writer.hpp"
#include "register/register_json_writer.hpp"
#include "register/register_markdown_writer.hpp"
#include "register/register_xlsx_writer.hpp"

namespace knelpunt::risk_register {

namespace {

/// Markdown is the default: what `assess` writes without -o or an extension.
constexpr std::string_view kDefaultRegisterFormat = "md";

const std::vector<OutputFormat>& table() {
  // One line per format: id, extensions, description, register writer, diff writer.
  static const std::vector<OutputFormat> formats{
      {"text", {".txt"}, "plain text for a terminal", nullptr, &diff_to_text},
      {"json", {".json"}, "JSON for scripts and CI (knelpunt-register/1, knelpunt-register-diff/1)",
       [](const Register& reg, const WriteOptions& o) { return register_to_json(reg, o.lang); }, &diff_to_json},
      {"csv", {".csv"}, "a CSV table for spreadsheets",
       [](const Register& reg, const WriteOptions& o) { return register_to_csv(reg, o.lang, o.csv); }, nullptr},
      {"md", {".md", ".markdown"}, "Markdown for people (a register, or a merge-request comment)",
       [](const Register& reg, const WriteOptions& o) { return register_to_markdown(reg, o.lang); },
       &diff_to_markdown},
      {"html", {".html", ".htm"}, "one self-contained HTML report for the board (inline SVG, no external loads)",
       [](const Register& reg, const WriteOptions& o) { return register_to_html(reg, o.lang); }, nullptr},
      {"xlsx", {".xlsx"},
       "an Excel workbook: the register as a table with tracking columns to fill in (tracking import), the evidence "
       "and the assets",
       [](const Register& reg, const WriteOptions& o) { return register_to_xlsx(reg, o.lang, o.assets); }, nullptr,
       true, true},
  };
  return formats;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::span<const OutputFormat> output_formats() { return table(); }

const OutputFormat* find_output_format(std::string_view id) {
  for (const auto& format : table())
    if (format.id == id) return &format;
  return nullptr;
}

const OutputFormat* register_format_for_extension(std::string_view extension) {
  const std::string wanted = lower(extension);
  for (const auto& format : table())
    if (format.write_register &&
        std::find(format.extensions.begin(), format.extensions.end(), wanted) != format.extensions.end())
      return &format;
  return nullptr;
}

std::vector<std::string> register_format_ids() {
  std::vector<std::string> ids;
  for (const auto& format : table())
    if (format.write_register) ids.emplace_back(format.id);
  return ids;
}

std::vector<std::string> diff_format_ids() {
  std::vector<std::string> ids;
  for (const auto& format : table())
    if (format.write_diff) ids.emplace_back(format.id);
  return ids;
}

std::optional<std::string> register_format_for_output(const std::string& output_path) {
  if (output_path.empty() || output_path == "-") return std::string(kDefaultRegisterFormat);
  const std::string extension = std::filesystem::path(output_path).extension().string();
  if (extension.empty()) return std::string(kDefaultRegisterFormat);
  const auto* format = register_format_for_extension(extension);
  if (!format) return std::nullopt;
  return std::string(format->id);
}

std::string register_extensions_text() {
  std::string out;
  for (const auto& format : table()) {
    if (!format.write_register || format.extensions.empty()) continue;
    if (!out.empty()) out += ", ";
    for (std::size_t i = 0; i < format.extensions.size(); ++i)
      out += (i == 0 ? "" : " or ") + std::string("'") + std::string(format.extensions[i]) + "'";
    out += " (" + std::string(format.id) + ")";
  }
  return out;
}

}  // namespace knelpunt::risk_register
