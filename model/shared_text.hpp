#pragma once
/// An immutable text shared by every copy: what a SourceLocation holds for
/// its file name and JSON pointer. A national inventory has millions of
/// locations in a handful of files; with a std::string each, every location
/// carried its own heap copy of a path such as
/// ".../region/data/dependencies.csv" (docs/performance.md, "Loading at
/// national scale"). A copy costs a reference count; make the text once per
/// file and copy it to each location. The empty text allocates nothing.

#include <fmt/format.h>

#include <compare>
#include <memory>
#include <string>
#include <string_view>

namespace knelpunt::model {

class SharedText {
 public:
  SharedText() = default;
  /// Copies `text` into a new shared buffer (none when it is empty).
  SharedText(std::string_view text)  // NOLINT: implicit, a location is written {file, line, column}
      : text_(text.empty() ? nullptr : std::make_shared<const std::string>(text)) {}
  SharedText(const std::string& text) : SharedText(std::string_view(text)) {}  // NOLINT: implicit
  SharedText(const char* text) : SharedText(std::string_view(text)) {}         // NOLINT: implicit

  /// The text; a reference to one empty string when empty.
  const std::string& str() const { return text_ ? *text_ : empty_text(); }
  operator const std::string&() const {
    return str();
  }  // NOLINT: implicit, reads as the string it is
  bool empty() const { return !text_; }

  friend bool operator==(const SharedText& a, const SharedText& b) {
    return a.text_ == b.text_ || a.str() == b.str();
  }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const std::string& b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.str() == b; }
  friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) {
    return a.str().compare(b.str()) <=> 0;
  }

 private:
  static const std::string& empty_text() {
    static const std::string empty;
    return empty;
  }
  std::shared_ptr<const std::string> text_;
};

}  // namespace knelpunt::model

template <>
struct fmt::formatter<knelpunt::model::SharedText> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const knelpunt::model::SharedText& text, Context& context) const {
    return fmt::formatter<std::string_view>::format(text.str(), context);
  }
};
