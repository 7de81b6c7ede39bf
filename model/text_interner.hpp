#pragma once
/// One SharedText per distinct text: the loader gives every asset of a table
/// with the same type, process or operator the same shared text, so a
/// national inventory keeps a handful of copies instead of a heap string per
/// asset (docs/performance.md, "Loading at national scale").

#include <string>
#include <string_view>
#include <unordered_map>

#include "model/shared_text.hpp"

namespace knelpunt::model {

class TextInterner {
 public:
  /// The shared text equal to `text`; the same one for every equal text.
  const SharedText& intern(std::string_view text) {
    if (text.empty()) return empty_;
    if (last_ && last_->str() == text) return *last_;  // runs of equal cells are common
    auto found = texts_.find(text);
    if (found == texts_.end()) found = texts_.emplace(std::string(text), SharedText(text)).first;
    last_ = &found->second;
    return found->second;
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, SharedText, Hash, std::equal_to<>> texts_;
  const SharedText* last_ = nullptr;
  SharedText empty_;
};

}  // namespace knelpunt::model
