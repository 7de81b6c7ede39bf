#include "cli/shard_json_checker.hpp"

#include <fmt/format.h>

#include <cmath>

namespace knelpunt::cli {

using Json = nlohmann::json;

std::string describe_json(const Json& value) {
  if (value.is_number()) return value.dump();
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    return fmt::format("\"{}{}\"", text.substr(0, 40), text.size() > 40 ? "…" : "");
  }
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  return value.type_name();
}

void ShardJsonChecker::problem(const std::string& pointer, const std::string& what,
                               std::string_view expected) {
  if (error_.empty())
    error_ = fmt::format("{} {}; expected {}", pointer.empty() ? "the document" : pointer, what,
                         expected);
}

const Json* ShardJsonChecker::member(const Json& object, const std::string& pointer,
                                     const char* key) {
  const auto it = object.find(key);
  if (it == object.end()) {
    problem(pointer + "/" + key, "is missing", expected_document_);
    return nullptr;
  }
  return &*it;
}

std::string ShardJsonChecker::text(const Json& object, const std::string& pointer, const char* key,
                                   bool non_empty) {
  const Json* value = member(object, pointer, key);
  if (!value) return {};
  if (!value->is_string() || (non_empty && value->get_ref<const std::string&>().empty())) {
    problem(pointer + "/" + key,
            "is " + (value->is_string() ? std::string("empty") : describe_json(*value)),
            non_empty ? "a non-empty string" : "a string");
    return {};
  }
  return value->get<std::string>();
}

std::uint64_t ShardJsonChecker::whole(const Json& value, const std::string& pointer,
                                      std::uint64_t minimum, std::uint64_t maximum,
                                      std::string_view expected) {
  if (!value.is_number_unsigned() || value.get<std::uint64_t>() < minimum ||
      value.get<std::uint64_t>() > maximum) {
    problem(pointer, "is " + describe_json(value), expected);
    return minimum;
  }
  return value.get<std::uint64_t>();
}

double ShardJsonChecker::non_negative(const Json& object, const std::string& pointer,
                                      const char* key) {
  const Json* value = member(object, pointer, key);
  if (!value) return 0;
  return non_negative_value(*value, pointer + "/" + key);
}

bool ShardJsonChecker::boolean(const Json& object, const std::string& pointer, const char* key) {
  const Json* value = member(object, pointer, key);
  if (!value) return false;
  if (!value->is_boolean()) {
    problem(pointer + "/" + key, "is " + describe_json(*value), "true or false");
    return false;
  }
  return value->get<bool>();
}

double ShardJsonChecker::non_negative_value(const Json& value, const std::string& pointer) {
  if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < 0) {
    problem(pointer, "is " + describe_json(value), "a number of at least 0");
    return 0;
  }
  return value.get<double>();
}

}  // namespace knelpunt::cli
