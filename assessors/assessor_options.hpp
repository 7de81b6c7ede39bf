#pragma once
/// Reading an assessor's options from its profile section (JSON from YAML)
/// with diagnostics: unknown keys are errors naming the keys expected, and
/// each typed getter reports a wrong value and returns the default. The
/// reader also keeps what each getter returned (`effective()`), so that a
/// register can record the options an analysis ran with (decision 030).

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "catalogs/catalog.hpp"
#include "model/diagnostic.hpp"
#include "model/duration.hpp"

namespace knelpunt::assessors {

class AssessorOptions {
 public:
  /// `options` must be an object or null (no options); `assessor` names the section in messages.
  AssessorOptions(const catalogs::Json& options, std::string_view assessor, model::SourceLocation where,
                  model::Diagnostics& diagnostics, std::initializer_list<std::string_view> allowed);

  bool boolean(std::string_view key, bool fallback);
  /// A whole number in [min, max].
  long integer(std::string_view key, long fallback, long min, long max);
  /// A number in [min, max].
  double number(std::string_view key, double fallback, double min, double max);
  std::string text(std::string_view key, std::string fallback);
  /// A duration (`72h`, `3d`, `PT72H`), or `inf` when `allow_infinite`.
  model::Hours duration(std::string_view key, model::Hours fallback, bool allow_infinite);
  /// A distance in metres: a number, or text like `500m`, `2km`.
  double distance_m(std::string_view key, double fallback);
  /// A list of strings.
  std::vector<std::string> strings(std::string_view key, std::vector<std::string> fallback);

  /// Every option read so far with the value the assessor uses (defaults
  /// included), in the order read: an object. A duration is in hours
  /// (infinite written as null), a distance in metres.
  const catalogs::Json& effective() const { return effective_; }

 private:
  template <class Value>
  Value keep(std::string_view key, Value value) {
    effective_[std::string(key)] = value;
    return value;
  }
  const catalogs::Json* find(std::string_view key) const;
  void error(std::string_view key, std::string_view found, std::string_view expected);

  const catalogs::Json& options_;
  std::string assessor_;
  model::SourceLocation where_;
  model::Diagnostics& diagnostics_;
  catalogs::Json effective_ = catalogs::Json::object();
};

}  // namespace knelpunt::assessors
