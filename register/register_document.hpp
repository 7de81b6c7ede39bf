#pragma once
/// A register JSON file read back (`"format": "knelpunt-register/1"`), as
/// much of it as the diff needs (register_diff.hpp). Problems are values that
/// name the file, the JSON pointer of the offending value and what was expected.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"

namespace knelpunt::risk_register {

/// One risk level of the document's risk diagram.
struct RegisterLevel {
  std::string id, name;
};

/// One risk of a register document.
struct RegisterEntry {
  std::string id, title;
  std::string level;       ///< level id
  std::string level_name;  ///< in the document's language
  int level_rank = 0;      ///< position of the level in the diagram, lowest = 0
  std::string likelihood;  ///< class letter A–E
  std::string impact;      ///< total impact class letter A–E, or "" when none
  std::string assessor, kind;
  std::vector<std::string> assets;
  std::size_t affected = 0;           ///< number of affected assets
  std::vector<std::string> measures;  ///< measure ids
  std::string status;                 ///< tracking status id
  std::string owner;                  ///< tracking owner, or ""
  std::vector<std::string> replaces;  ///< ids of earlier entries this one replaces
  /// The assessors whose findings the entry holds (`analyses`); when the
  /// file has none, `assessor` alone.
  std::vector<std::string> analyses;
};

/// How one analysis ran, as the register records it: what a comparison
/// needs to tell "solved" from "looked for otherwise" (decision 030).
struct AnalysisSettings {
  /// Option → the value it ran with, as compact JSON text (`2`, `"vital"`,
  /// `500.0`); nullopt when the register does not record its options.
  std::optional<std::map<std::string, std::string>> options;
  /// The horizon it used in hours as JSON text (`72`, `null` for none);
  /// nullopt when the register does not record it.
  std::optional<std::string> horizon_h;
};

struct RegisterDocument {
  std::string file;        ///< as given to the reader
  std::string lang;        ///< "nl" or "en"; "nl" when the file does not say
  std::string model_name;  ///< "" when the file does not say
  std::string date;        ///< the register's `date` (assess --date), or "" when it has none
  std::vector<RegisterLevel> levels;  ///< lowest first
  /// The assessors that ran (`assessors`), sorted; nullopt when the file
  /// does not say, so nothing can be told about analyses that did not run.
  std::optional<std::vector<std::string>> assessors;
  /// Per assessor, its options (`assessor_options`) and horizon (`horizons`)
  /// as far as the file records them; by name.
  std::map<std::string, AnalysisSettings, std::less<>> analysis_settings;
  std::vector<RegisterEntry> risks;   ///< in file order; ids unique
  /// The entries computed but not listed (`not_listed_entries`): id, level
  /// and replaces only; empty in a register written before they were.
  std::vector<RegisterEntry> not_listed;
};

struct RegisterDocumentResult {
  std::optional<RegisterDocument> document;  ///< set only when there are no problems
  /// What is wrong where (at most kMaxDocumentProblems), each an error:
  /// located by line:col for a syntax error, else by the JSON pointer of the
  /// value (`reg.json#/risks/3/level/id`), the document as a whole by the file.
  model::Diagnostics problems;
};

/// Reading stops collecting after this many problems.
inline constexpr std::size_t kMaxDocumentProblems = 20;

/// Parses and checks `json_text` (named `file_name` in problems). Unknown
/// keys are ignored, so that a newer writer that adds keys stays readable.
RegisterDocumentResult read_register_document(std::string_view json_text, const std::string& file_name);

}  // namespace knelpunt::risk_register
