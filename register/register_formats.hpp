#pragma once
/// The one table of output formats for registers and register diffs
/// (docs/register.md): `assess` takes its --format choices, its -o extension
/// detection and its writer from it, `diff` its --format choices and writer.
/// Adding a format is one writer file plus one line in register_formats.cpp.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "register/register_csv_writer.hpp"
#include "register/register_diff.hpp"
#include "register/risk.hpp"

namespace knelpunt::risk_register {

/// What a writer needs besides the register: the language ("nl" or "en")
/// and the options only some formats use.
struct AssetRow;

struct WriteOptions {
  std::string_view lang = "nl";
  CsvOptions csv;
  /// Every asset's row (asset_table_writer.hpp), for the formats that show
  /// them (xlsx); null: none. `assess` computes them only for those formats.
  const std::vector<AssetRow>* assets = nullptr;
};

using RegisterWriter = std::string (*)(const Register& reg, const WriteOptions& options);
using DiffWriter = std::string (*)(const RegisterDiff& diff, std::string_view lang);

struct OutputFormat {
  std::string_view id;                     ///< the --format value: "md", "json", …
  std::vector<std::string_view> extensions;  ///< file extensions with the dot, lower case; may be empty
  std::string_view description;
  RegisterWriter write_register = nullptr;  ///< nullptr: no register in this format
  DiffWriter write_diff = nullptr;          ///< nullptr: no diff in this format
  bool binary = false;                      ///< bytes for a file, never for a terminal
  bool shows_assets = false;                ///< the writer uses WriteOptions::assets
};

/// Every format, in the order --format lists them.
std::span<const OutputFormat> output_formats();

/// The format with this id, or nullptr.
const OutputFormat* find_output_format(std::string_view id);

/// The format a register file with this extension (".json"; any case) is
/// written in, or nullptr when no register writer takes the extension.
const OutputFormat* register_format_for_extension(std::string_view extension);

/// The ids of the formats with a register writer (register_ids) or with a
/// diff writer, in table order.
std::vector<std::string> register_format_ids();
std::vector<std::string> diff_format_ids();

/// "md" when no -o file is given (or "-") or the file has no extension;
/// else the format of its extension, or nothing when none takes it.
std::optional<std::string> register_format_for_output(const std::string& output_path);

/// "'.json' (json), '.csv' (csv), '.md' or '.markdown' (md)": what
/// register_format_for_extension accepts, for messages.
std::string register_extensions_text();

}  // namespace knelpunt::risk_register
