#include "model/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace knelpunt::model {

namespace {

bool is_word_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (static_cast<unsigned char>(c) & 0x80) != 0;
}

/// The byte length of the first `count` UTF-8 characters of `text` (all of
/// it when it has fewer).
std::size_t bytes_of_characters(std::string_view text, std::size_t count) {
  std::size_t i = 0;
  for (std::size_t seen = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // a continuation byte
    if (seen++ == count) return i;
  }
  return i;
}

}  // namespace

std::string cut_quoted_tokens(std::string_view message) {
  std::string out;
  out.reserve(message.size());
  std::size_t i = 0;
  while (i < message.size()) {
    const bool opens = message[i] == '\'' && (i == 0 || !is_word_character(message[i - 1]));
    if (!opens) {
      out += message[i++];
      continue;
    }
    // The closing quote: one not followed by a word character ("it's" is no quote).
    std::size_t close = i + 1;
    while (close < message.size() &&
           !(message[close] == '\'' && (close + 1 == message.size() || !is_word_character(message[close + 1]))))
      ++close;
    const std::string_view token = message.substr(i + 1, close - i - 1);
    const std::size_t kept = bytes_of_characters(token, kMaxQuotedCharacters);
    out += '\'';
    out.append(token.substr(0, kept));
    if (kept < token.size()) out += "…";
    if (close < message.size()) out += '\'';
    i = close + 1;
  }
  return out;
}

std::string SourceLocation::to_string() const {
  std::string out = file.empty() ? std::string("<input>") : file.str();
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  } else if (!pointer.empty()) {
    out += '#' + pointer.str();  // a JSON pointer as a URI fragment (RFC 6901, section 6)
  }
  return out;
}

std::string Diagnostic::to_string() const {
  return where.to_string() + (severity == Severity::error ? ": error: " : ": warning: ") + message;
}

void Diagnostics::error(SourceLocation where, std::string message) {
  add({Severity::error, std::move(where), std::move(message)});
}

void Diagnostics::warning(SourceLocation where, std::string message) {
  add({Severity::warning, std::move(where), std::move(message)});
}

void Diagnostics::add(Diagnostic diagnostic) {
  diagnostic.message = cut_quoted_tokens(diagnostic.message);
  if (diagnostic.severity == Severity::error) ++error_count_;
  items_.push_back(std::move(diagnostic));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items()) add(d);
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.column, a.message) <
           std::tie(b.where.file, b.where.line, b.where.column, b.message);
  });
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [](const Diagnostic& a, const Diagnostic& b) {
                             return a.where == b.where && a.message == b.message &&
                                    a.severity == b.severity;
                           }),
               items_.end());
  error_count_ = static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

}  // namespace knelpunt::model
