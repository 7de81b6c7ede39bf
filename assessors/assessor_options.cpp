#include "assessors/assessor_options.hpp"

#include <cmath>

#include <fmt/format.h>

#include "model/suggest.hpp"
#include "model/yaml_fields.hpp"

namespace knelpunt::assessors {

AssessorOptions::AssessorOptions(const catalogs::Json& options, std::string_view assessor, model::SourceLocation where,
                                 model::Diagnostics& diagnostics, std::initializer_list<std::string_view> allowed)
    : options_(options), assessor_(assessor), where_(std::move(where)), diagnostics_(diagnostics) {
  if (options_.is_null()) return;
  if (!options_.is_object()) {
    diagnostics_.error(where_, fmt::format("the options of assessor '{}' are {}; expected a mapping such as {{}}", assessor_,
                                           options_.dump()));
    return;
  }
  const std::vector<std::string_view> keys(allowed);
  for (const auto& [key, value] : options_.items()) {
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) continue;
    diagnostics_.error(where_, fmt::format("assessor '{}' has no option '{}'{}; expected {}", assessor_, key,
                                           model::did_you_mean(key, keys),
                                           keys.empty() ? std::string("no options") : fmt::format("{}", fmt::join(keys, ", "))));
  }
}

const catalogs::Json* AssessorOptions::find(std::string_view key) const {
  if (!options_.is_object()) return nullptr;
  auto it = options_.find(std::string(key));
  return it == options_.end() || it->is_null() ? nullptr : &*it;
}

void AssessorOptions::error(std::string_view key, std::string_view found, std::string_view expected) {
  diagnostics_.error(where_, fmt::format("option '{}' of assessor '{}' is {}; expected {}", key, assessor_, found, expected));
}

bool AssessorOptions::boolean(std::string_view key, bool fallback) {
  const auto* value = find(key);
  if (!value) return keep(key, fallback);
  if (value->is_boolean()) return keep(key, value->get<bool>());
  error(key, value->dump(), "true or false");
  return keep(key, fallback);
}

long AssessorOptions::integer(std::string_view key, long fallback, long min, long max) {
  const auto* value = find(key);
  if (!value) return keep(key, fallback);
  if (value->is_number_integer() && value->get<long>() >= min && value->get<long>() <= max) return keep(key, value->get<long>());
  error(key, value->dump(), fmt::format("a whole number from {} to {}", min, max));
  return keep(key, fallback);
}

double AssessorOptions::number(std::string_view key, double fallback, double min, double max) {
  const auto* value = find(key);
  if (!value) return keep(key, fallback);
  if (value->is_number() && value->get<double>() >= min && value->get<double>() <= max) return keep(key, value->get<double>());
  error(key, value->dump(), fmt::format("a number from {} to {}", min, max));
  return keep(key, fallback);
}

std::string AssessorOptions::text(std::string_view key, std::string fallback) {
  const auto* value = find(key);
  if (!value) return keep(key, fallback);
  if (value->is_string()) return keep(key, value->get<std::string>());
  error(key, value->dump(), "text");
  return keep(key, fallback);
}

model::Hours AssessorOptions::duration(std::string_view key, model::Hours fallback, bool allow_infinite) {
  const auto* value = find(key);
  if (!value) return keep(key, fallback);
  const std::string text = value->is_string() ? value->get<std::string>() : value->dump();
  if (auto hours = model::parse_duration(text, allow_infinite)) return keep(key, *hours);
  error(key, value->dump(), allow_infinite ? "a duration such as 72h or 3d, or inf" : "a duration such as 72h or 3d");
  return keep(key, fallback);
}

double AssessorOptions::distance_m(std::string_view key, double fallback) {
  const auto* value = find(key);
  if (!value) return keep(key, fallback);
  if (value->is_number() && value->get<double>() >= 0) return keep(key, value->get<double>());
  if (value->is_string()) {
    std::string text = value->get<std::string>();
    double factor = 1;
    if (text.size() > 2 && text.substr(text.size() - 2) == "km") {
      factor = 1000;
      text.resize(text.size() - 2);
    } else if (text.size() > 1 && text.back() == 'm') {
      text.pop_back();
    }
    if (auto number = model::parse_number(text); number && *number >= 0) return keep(key, *number * factor);
  }
  error(key, value->dump(), "a distance such as 500m or 2km");
  return keep(key, fallback);
}

std::vector<std::string> AssessorOptions::strings(std::string_view key, std::vector<std::string> fallback) {
  const auto* value = find(key);
  if (!value) return keep(key, fallback);
  std::vector<std::string> out;
  if (value->is_array()) {
    for (const auto& item : *value) {
      if (!item.is_string()) {
        error(key, value->dump(), "a list of ids");
        return keep(key, fallback);
      }
      out.push_back(item.get<std::string>());
    }
    return keep(key, out);
  }
  error(key, value->dump(), "a list of ids");
  return keep(key, fallback);
}

}  // namespace knelpunt::assessors
