#pragma once
/// An immutable text shared by every copy: what a SourceLocation holds for
/// its file name and JSON pointer. A national inventory has millions of
/// locations in a handful of files; with a std::string each, every location
/// carried its own heap copy of a path such as
/// ".../region/data/dependencies.csv" (docs/performance.md, "Loading at
/// national scale"). A copy costs a reference count; make the text once per
/// file and copy it to each location. The empty text allocates nothing.

#include <fmt/format.h>

#include <atomic>
#include <compare>
#include <string>
#include <string_view>
#include <utility>

namespace knelpunt::model {

class SharedText {
 public:
  SharedText() = default;
  /// Copies `text` into a new shared buffer (none when it is empty).
  SharedText(std::string_view text)  // NOLINT: implicit, a location is written {file, line, column}
      : block_(text.empty() ? nullptr : new Block(std::string(text))) {}
  SharedText(const std::string& text) : SharedText(std::string_view(text)) {}  // NOLINT: implicit
  SharedText(const char* text) : SharedText(std::string_view(text)) {}         // NOLINT: implicit
  SharedText(const SharedText& other) noexcept : block_(other.block_) { retain(); }
  SharedText(SharedText&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  SharedText& operator=(const SharedText& other) noexcept {
    if (block_ != other.block_) {
      other.retain();
      release();
      block_ = other.block_;
    }
    return *this;
  }
  SharedText& operator=(SharedText&& other) noexcept {
    if (this != &other) {
      release();
      block_ = std::exchange(other.block_, nullptr);
    }
    return *this;
  }
  ~SharedText() { release(); }

  /// The text; a reference to one empty string when empty.
  const std::string& str() const { return block_ ? block_->text : empty_text(); }
  operator const std::string&() const {
    return str();
  }  // NOLINT: implicit, reads as the string it is
  operator std::string_view() const { return str(); }  // NOLINT: implicit, as std::string's
  bool empty() const { return !block_; }

  friend bool operator==(const SharedText& a, const SharedText& b) {
    return a.block_ == b.block_ || a.str() == b.str();
  }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.str() == b; }
  friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) {
    return a.str().compare(b.str()) <=> 0;
  }
  friend std::strong_ordering operator<=>(const SharedText& a, std::string_view b) {
    return std::string_view(a.str()).compare(b) <=> 0;
  }
  friend std::strong_ordering operator<=>(const SharedText& a, const std::string& b) {
    return a.str().compare(b) <=> 0;
  }

 private:
  /// The text and its reference count in one allocation, and one pointer per
  /// copy: a location holds two texts, and a national model has millions of
  /// locations (a std::shared_ptr is two pointers).
  struct Block {
    explicit Block(std::string value) : text(std::move(value)) {}
    std::string text;
    std::atomic<std::size_t> count{1};
  };
  void retain() const noexcept {
    if (block_) block_->count.fetch_add(1, std::memory_order_relaxed);
  }
  void release() noexcept {
    if (block_ && block_->count.fetch_sub(1, std::memory_order_acq_rel) == 1) delete block_;
    block_ = nullptr;
  }
  static const std::string& empty_text() {
    static const std::string empty;
    return empty;
  }
  Block* block_ = nullptr;
};

}  // namespace knelpunt::model

template <>
struct fmt::formatter<knelpunt::model::SharedText> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const knelpunt::model::SharedText& text, Context& context) const {
    return fmt::formatter<std::string_view>::format(text.str(), context);
  }
};
