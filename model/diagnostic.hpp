#pragma once
/// Errors as values: a diagnostic names where (file:line:col), what is wrong
/// and what was expected. Nothing below cli/ prints; layers collect these.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/shared_text.hpp"

namespace knelpunt::model {

/// A place in an input file. `line` and `column` are 1-based; 0 means unknown
/// (a CSV diagnostic has a line but no column; a file-level one has neither).
struct SourceLocation {
  SharedText
      file;  ///< shared by the locations of one file: make it once per file, copy it per location
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  /// For a JSON input checked after parsing, where no line is known any more
  /// (the JSON library keeps no positions): the JSON pointer (RFC 6901) of
  /// the value, e.g. "/risks/3/level"; "" otherwise.
  SharedText pointer = {};

  /// "file:line:col", "file:line", "file#pointer" or "file", whichever is known.
  std::string to_string() const;
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};
// Every asset and dependency group holds two: at national scale each byte
// here is a megabyte or two (docs/performance.md, "Loading at national scale").
static_assert(sizeof(SourceLocation) <= 24, "a SourceLocation is two text pointers and two numbers");

enum class Severity { error, warning };

/// One finding about an input: `message` says what is wrong and what was expected.
struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string message;

  /// "file:line:col: error: message".
  std::string to_string() const;
};

/// The most characters of one quoted token of an input that a message shows.
inline constexpr std::size_t kMaxQuotedCharacters = 80;

/// `message` with every quoted token ('…', as messages quote what they found
/// in an input) cut to kMaxQuotedCharacters UTF-8 characters and marked "…",
/// so that no message echoes more of a file than the start of the offending
/// token (docs/security.md). A quote opens after a non-word character and
/// closes before one, so the apostrophe of "asset's" is not a quote.
std::string cut_quoted_tokens(std::string_view message);

/// An ordered collection of diagnostics. Every message is passed through
/// cut_quoted_tokens when it is added. Loaders keep going after an error so
/// that a user sees all problems of a run at once.
class Diagnostics {
 public:
  void error(SourceLocation where, std::string message);
  void warning(SourceLocation where, std::string message);
  void add(Diagnostic diagnostic);
  void append(const Diagnostics& other);

  bool has_errors() const { return error_count_ > 0; }
  std::size_t error_count() const { return error_count_; }
  const std::vector<Diagnostic>& items() const { return items_; }

  /// Sorts by file, line, column, then message, so reports are stable.
  void sort();

 private:
  std::vector<Diagnostic> items_;
  std::size_t error_count_ = 0;
};

}  // namespace knelpunt::model
