#pragma once
/// UTF-8 validation for text inputs (YAML files, CSV tables): the one
/// definition of what knelpunt accepts as UTF-8 (RFC 3629: no overlong
/// forms, no surrogates, nothing above U+10FFFF).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

namespace knelpunt::model {

/// The offset of the first byte that does not start a valid UTF-8 sequence,
/// or nothing when all of `text` is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// The number of code points of `text` (bytes that do not continue a
/// UTF-8 sequence): the width of a text for laying out columns and labels.
std::size_t code_points(std::string_view text);

/// The 1-based line and column (in bytes) of `offset` in `text`.
std::pair<std::uint32_t, std::uint32_t> line_column_of(std::string_view text, std::size_t offset);

}  // namespace knelpunt::model
