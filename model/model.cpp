#include "model/model.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <stdexcept>

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

std::size_t Model::probe(std::string_view id) const {
  const std::size_t mask = index_.size() - 1;
  for (std::size_t slot = std::hash<std::string_view>{}(id)&mask;; slot = (slot + 1) & mask) {
    const std::uint32_t entry = index_[slot];
    if (entry == 0 || (entry - 1 < assets.size() && assets[entry - 1].id == id)) return slot;
  }
}

std::optional<std::size_t> Model::find(std::string_view id) const {
  if (index_.empty()) return std::nullopt;
  const std::uint32_t entry = index_[probe(id)];
  if (entry == 0) return std::nullopt;
  return entry - 1;
}

void Model::reindex() {
  if (assets.size() >= std::numeric_limits<std::uint32_t>::max() / 2)
    throw std::length_error("more assets than the id index holds (2³¹)");
  std::size_t capacity = 16;
  while (capacity < 2 * assets.size()) capacity *= 2;
  index_.assign(capacity, 0);
  for (std::size_t i = 0; i < assets.size(); ++i) {
    // The first of equal ids keeps the slot, as find() answers with the first.
    const std::size_t slot = probe(assets[i].id);
    if (index_[slot] == 0) index_[slot] = static_cast<std::uint32_t>(i + 1);
  }
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
