#include "model/yaml_fields.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "model/suggest.hpp"

namespace knelpunt::model {

std::optional<double> parse_number(std::string_view text) {
  if (text.empty() || text.size() > 64) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  auto result = std::from_chars(text.data(), text.data() + text.size(), value,
                                std::chars_format::general);
  if (result.ec != std::errc() || result.ptr != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

namespace {
std::string shown(const YamlNode& node) {
  if (node.kind != YamlKind::scalar) return std::string(describe(node.kind));
  std::string value = node.value.size() > 40 ? node.value.substr(0, 40) + "…" : node.value;
  return "'" + value + "'";
}
}  // namespace

bool YamlFields::expect_mapping(YamlNodeId node, std::string_view what) {
  if (document_.node(node).kind == YamlKind::mapping) return true;
  error(node, fmt::format("{} is {}; expected a mapping (key: value lines)", what,
                          describe(document_.node(node).kind)));
  return false;
}

bool YamlFields::expect_sequence(YamlNodeId node, std::string_view what) {
  if (document_.node(node).kind == YamlKind::sequence) return true;
  error(node, fmt::format("{} is {}; expected a list", what, describe(document_.node(node).kind)));
  return false;
}

void YamlFields::check_keys(YamlNodeId map, std::string_view what,
                            std::initializer_list<std::string_view> allowed) {
  for (auto [key, value] : entries(map)) {
    const std::string& name = document_.node(key).value;
    bool known = false;
    for (auto a : allowed) known = known || a == name;
    if (known) continue;
    std::string list;
    for (auto a : allowed) {
      if (!list.empty()) list += ", ";
      list += a;
    }
    error(key, fmt::format("unknown key '{}' in {}{}; expected one of: {}", name, what,
                           did_you_mean(name, std::span(allowed.begin(), allowed.size())), list));
  }
}

std::vector<std::pair<YamlNodeId, YamlNodeId>> YamlFields::entries(YamlNodeId map) const {
  std::vector<std::pair<YamlNodeId, YamlNodeId>> out;
  const auto& children = document_.node(map).children;
  for (std::size_t i = 0; i + 1 < children.size(); i += 2) out.emplace_back(children[i], children[i + 1]);
  return out;
}

std::optional<std::string> YamlFields::string(YamlNodeId node, std::string_view what) {
  const auto& n = document_.node(node);
  if (n.kind == YamlKind::scalar) return n.value;
  error(node, fmt::format("{} is {}; expected a text value", what, describe(n.kind)));
  return std::nullopt;
}

std::optional<bool> YamlFields::boolean(YamlNodeId node, std::string_view what) {
  const auto& n = document_.node(node);
  if (n.kind == YamlKind::scalar && !n.quoted) {
    if (n.value == "true" || n.value == "True" || n.value == "TRUE") return true;
    if (n.value == "false" || n.value == "False" || n.value == "FALSE") return false;
  }
  error(node, fmt::format("{} is {}; expected true or false", what, shown(n)));
  return std::nullopt;
}

std::optional<double> YamlFields::number(YamlNodeId node, std::string_view what) {
  const auto& n = document_.node(node);
  if (n.kind == YamlKind::scalar && !n.quoted)
    if (auto value = parse_number(n.value)) return value;
  error(node, fmt::format("{} is {}; expected a number", what, shown(n)));
  return std::nullopt;
}

std::optional<std::int64_t> YamlFields::integer(YamlNodeId node, std::string_view what) {
  const auto& n = document_.node(node);
  if (n.kind == YamlKind::scalar && !n.quoted) {
    std::int64_t value = 0;
    auto result = std::from_chars(n.value.data(), n.value.data() + n.value.size(), value);
    if (result.ec == std::errc() && result.ptr == n.value.data() + n.value.size()) return value;
  }
  error(node, fmt::format("{} is {}; expected a whole number", what, shown(n)));
  return std::nullopt;
}

std::optional<std::vector<std::string>> YamlFields::strings(YamlNodeId node, std::string_view what,
                                                            bool allow_single) {
  const auto& n = document_.node(node);
  if (allow_single && n.kind == YamlKind::scalar) return std::vector<std::string>{n.value};
  if (n.kind != YamlKind::sequence) {
    error(node, fmt::format("{} is {}; expected a list of text values", what, describe(n.kind)));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (YamlNodeId item : n.children) {
    auto value = string(item, fmt::format("an item of {}", what));
    if (value) out.push_back(*value);
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace knelpunt::model
