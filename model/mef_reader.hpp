#pragma once
/// Open-PSA MEF XML files read into the definitions of a coherent fault
/// tree (`import mef`; docs/fault-tree-import.md, decision 033): gates with
/// their formulas (and, or, atleast, nested, references, constant false),
/// basic events with a constant probability (a <float>, or a <parameter>
/// naming a define-parameter that holds one), parameters. Several files
/// combine into one set of definitions. Everything the import cannot express
/// exactly (not, xor, nand, nor, iff, imply, cardinality, house events,
/// constant true, CCF groups, event trees, substitutions, any expression
/// other than a constant float, …) is an error naming the construct at its
/// file:line:col. XML with a document type declaration is refused (entities
/// are the classic way to make a small XML file expand without bound);
/// elements nest at most kMaxMefNesting deep. Files are read through the
/// bounded input reader (InputLimit::mef).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"

namespace knelpunt::model {

/// Elements nested deeper than this are refused (the formulas are walked
/// recursively; real fault trees nest a handful of levels).
inline constexpr std::size_t kMaxMefNesting = 200;

/// A gate's formula, or one of its arguments.
struct MefFormula {
  enum class Kind : std::uint8_t {
    event,           ///< <event name=…>: a gate or a basic event, resolved by name
    gate,            ///< <gate name=…>
    basic_event,     ///< <basic-event name=…>
    op_and,          ///< <and>: all arguments
    op_or,           ///< <or>: any argument
    atleast,         ///< <atleast min=k>: at least k of the arguments
    constant_false,  ///< <constant value="false"/>: never occurs
  };
  Kind kind = Kind::event;
  std::string name;       ///< the referenced MEF name (references only)
  std::uint32_t min = 0;  ///< k of atleast
  std::vector<MefFormula> arguments;
  SourceLocation where;
};

struct MefGate {
  std::string name;  ///< as written in the file
  SourceLocation where;
  MefFormula formula;
};

struct MefBasicEvent {
  std::string name;  ///< as written in the file
  SourceLocation where;
  std::optional<double> p;  ///< the probability; nothing when the event has no expression
};

/// Every gate and basic event of the files, in the order read.
struct MefDefinitions {
  std::vector<MefGate> gates;
  std::vector<MefBasicEvent> basic_events;
};

/// The knelpunt id of a MEF name: lower-cased, '_' → '-' (the conversion of
/// the fault-tree benchmarks, tests/data/fault-trees). Nothing when the
/// result is no knelpunt id: empty, a character other than an ASCII letter,
/// digit, '_' or '-', or a first character other than a letter or digit.
std::optional<std::string> mef_knelpunt_id(std::string_view mef_name);

/// Reads `paths` (in order) and combines their definitions (a file named
/// twice is an error at the file, and read once). Errors are added
/// to `diagnostics` (all of them, file:line:col): a construct the import
/// cannot express, malformed XML, a missing or wrong attribute, a
/// probability outside [0, 1], a name that is no knelpunt id once mapped, a
/// name defined twice (naming both places, also across files), two names
/// that map to the same knelpunt id, a <parameter> that names no
/// define-parameter. References between gates and events are resolved
/// later (mef_fault_tree.hpp). The definitions are complete only when no
/// error was added.
MefDefinitions read_mef_files(const std::vector<std::filesystem::path>& paths,
                              Diagnostics& diagnostics);

/// One file's text and the name diagnostics give it.
struct MefText {
  std::string file;
  std::string text;
};

/// As read_mef_files, for texts already read (tests, the fuzz target).
MefDefinitions read_mef_texts(const std::vector<MefText>& texts, Diagnostics& diagnostics);

}  // namespace knelpunt::model
