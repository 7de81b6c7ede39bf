#include "register/level_colours.hpp"

#include <algorithm>
#include <iterator>

namespace knelpunt::risk_register {

namespace {

constexpr std::string_view kLevelFills[] = {"#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"};
constexpr std::size_t kFillCount = std::size(kLevelFills);

}  // namespace

std::string_view level_fill(int level, std::size_t levels) {
  if (level < 0 || levels == 0 || static_cast<std::size_t>(level) >= levels) return "#ffffff";
  if (levels == 1) return kLevelFills[kFillCount - 1];
  const std::size_t i =
      (static_cast<std::size_t>(level) * (kFillCount - 1) + (levels - 1) / 2) / (levels - 1);
  return kLevelFills[std::min(i, kFillCount - 1)];
}

std::string_view level_ink(int level, std::size_t levels) {
  const auto fill = level_fill(level, levels);
  return fill == kLevelFills[kFillCount - 1] || fill == kLevelFills[kFillCount - 2] ? "#ffffff"
                                                                                    : "#1a1a1a";
}

}  // namespace knelpunt::risk_register
