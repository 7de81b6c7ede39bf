#pragma once
/// Typed reading of catalogue values (JSON converted from YAML) with
/// diagnostics at a given location: each accessor says what it found and
/// what was expected, and returns an empty value so the caller goes on.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "catalogs/catalog.hpp"
#include "catalogs/scoring_method.hpp"
#include "model/diagnostic.hpp"

namespace knelpunt::catalogs {

/// Reads typed values out of catalogue JSON, reporting at a fixed location.
class CatalogJsonReader {
 public:
  explicit CatalogJsonReader(model::Diagnostics& diagnostics) : diagnostics_(diagnostics) {}

  void error(const model::SourceLocation& where, std::string message) { diagnostics_.error(where, std::move(message)); }
  void warning(const model::SourceLocation& where, std::string message) {
    diagnostics_.warning(where, std::move(message));
  }

  const Json* member(const Json& object, std::string_view key, const model::SourceLocation& where,
                     std::string_view what, bool required = true) {
    if (object.is_object()) {
      auto it = object.find(std::string(key));
      if (it != object.end() && !it->is_null()) return &*it;
    }
    if (required) error(where, fmt::format("{} has no '{}'; expected it (see docs/catalogs.md)", what, key));
    return nullptr;
  }

  std::string text(const Json& object, std::string_view key, const model::SourceLocation& where, std::string_view what,
                   bool required = true) {
    const Json* value = member(object, key, where, what, required);
    if (!value) return {};
    if (value->is_string()) return value->get<std::string>();
    if (value->is_number() || value->is_boolean()) return value->dump();
    error(where, fmt::format("'{}' of {} is not text; expected a string", key, what));
    return {};
  }

  std::optional<double> number(const Json& object, std::string_view key, const model::SourceLocation& where,
                               std::string_view what, bool required = true) {
    const Json* value = member(object, key, where, what, required);
    if (!value) return std::nullopt;
    if (value->is_number()) return value->get<double>();
    error(where, fmt::format("'{}' of {} is {}; expected a number", key, what, value->dump()));
    return std::nullopt;
  }

  std::vector<std::string> strings(const Json& object, std::string_view key, const model::SourceLocation& where,
                                   std::string_view what) {
    std::vector<std::string> out;
    const Json* value = member(object, key, where, what, false);
    if (!value) return out;
    if (!value->is_array()) {
      error(where, fmt::format("'{}' of {} is not a list; expected a list of ids", key, what));
      return out;
    }
    for (const auto& item : *value) {
      if (item.is_string())
        out.push_back(item.get<std::string>());
      else
        error(where, fmt::format("'{}' of {} holds {}; expected ids (strings)", key, what, item.dump()));
    }
    return out;
  }

  /// {A: x, B: y, …}: five strictly increasing numbers.
  std::optional<std::array<double, kClassCount>> class_limits(const Json& object, std::string_view key,
                                                              const model::SourceLocation& where, std::string_view what) {
    const Json* value = member(object, key, where, what);
    if (!value) return std::nullopt;
    if (!value->is_object()) {
      error(where, fmt::format("'{}' of {} is not a mapping; expected {{A: …, B: …, C: …, D: …, E: …}}", key, what));
      return std::nullopt;
    }
    std::array<double, kClassCount> limits{};
    bool ok = true;
    for (int c = 0; c < kClassCount; ++c) {
      const std::string letter(1, class_letter(c));
      auto it = value->find(letter);
      if (it == value->end() || !it->is_number()) {
        error(where, fmt::format("'{}' of {} has no number for class {}; expected a lower limit for each of A–E", key,
                                 what, letter));
        ok = false;
        continue;
      }
      limits[c] = it->get<double>();
      if (c > 0 && ok && !(limits[c] > limits[c - 1])) {
        error(where, fmt::format("'{}' of {}: the limit of class {} ({}) is not above that of class {} ({}); expected "
                                 "strictly increasing limits",
                                 key, what, letter, limits[c], class_letter(c - 1), limits[c - 1]));
        ok = false;
      }
    }
    for (const auto& [k, v] : value->items())
      if (!parse_class(k)) {
        error(where, fmt::format("'{}' of {} has class '{}'; expected only A, B, C, D and E", key, what, k));
        ok = false;
      }
    if (!ok) return std::nullopt;
    return limits;
  }

 private:
  model::Diagnostics& diagnostics_;
};

}  // namespace knelpunt::catalogs
