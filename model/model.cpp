#include "model/model.hpp"

#include <algorithm>

namespace knelpunt::model {

std::string to_string(DependencyType type) {
  switch (type) {
    case DependencyType::physical: return "physical";
    case DependencyType::cyber: return "cyber";
    case DependencyType::geographic: return "geographic";
    case DependencyType::logical: return "logical";
  }
  return "physical";
}

std::optional<DependencyType> parse_dependency_type(std::string_view text) {
  if (text == "physical") return DependencyType::physical;
  if (text == "cyber") return DependencyType::cyber;
  if (text == "geographic") return DependencyType::geographic;
  if (text == "logical") return DependencyType::logical;
  return std::nullopt;
}

std::string to_string(BufferMode mode) { return mode == BufferMode::own ? "own" : "pass-on"; }

std::optional<BufferMode> parse_buffer_mode(std::string_view text) {
  if (text == "pass-on") return BufferMode::pass_on;
  if (text == "own") return BufferMode::own;
  return std::nullopt;
}

double Asset::population() const {
  auto it = serves.find("population");
  return it == serves.end() ? 0.0 : it->second;
}

std::optional<std::size_t> Model::find(std::string_view id) const {
  auto it = index_.find(id);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

void Model::reindex() {
  index_.clear();
  index_.reserve(assets.size());
  for (std::size_t i = 0; i < assets.size(); ++i) index_.emplace(assets[i].id, i);
}

std::optional<std::size_t> Model::find_area(std::string_view id) const {
  auto it = std::lower_bound(areas.begin(), areas.end(), id,
                             [](const Area& area, std::string_view wanted) { return area.id < wanted; });
  if (it == areas.end() || it->id != id) return std::nullopt;
  return static_cast<std::size_t>(it - areas.begin());
}

bool is_valid_id(std::string_view id) {
  if (id.empty()) return false;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(id.front())) return false;
  for (char c : id)
    if (!lower_or_digit(c) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

}  // namespace knelpunt::model
