#pragma once
/// A value that most objects leave at its default, kept behind one pointer:
/// an asset's cyber profile is about 120 bytes, and at national scale most
/// assets have none (docs/performance.md, "Loading at national scale").
/// Reads see the default when nothing is stored; `edit()` stores a copy of
/// the default first. Copies are deep: a Boxed behaves as the value it holds.

#include <memory>

namespace knelpunt::model {

template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(const Boxed& other) : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) value_ = other.value_ ? std::make_unique<T>(*other.value_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(T value) {
    value_ = std::make_unique<T>(std::move(value));
    return *this;
  }

  /// The value, or the default when none is stored.
  const T& operator*() const { return value_ ? *value_ : default_value(); }
  const T* operator->() const { return &**this; }
  /// The value to change; stores a default first when none is stored.
  T& edit() {
    if (!value_) value_ = std::make_unique<T>();
    return *value_;
  }

 private:
  static const T& default_value() {
    static const T value{};
    return value;
  }
  std::unique_ptr<T> value_;
};

}  // namespace knelpunt::model
