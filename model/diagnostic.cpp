#include "model/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace knelpunt::model {

std::string SourceLocation::to_string() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out += ':' + std::to_string(line);
    if (column > 0) out += ':' + std::to_string(column);
  } else if (!pointer.empty()) {
    out += '#' + pointer;  // a JSON pointer as a URI fragment (RFC 6901, section 6)
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
