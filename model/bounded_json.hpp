#pragma once
/// Parsing JSON that someone else supplied (a feed, a register read back, a
/// reach shard, the feed cache's metadata) with explicit bounds: nesting
/// deeper than a limit and numbers that do not fit a double (1e400) are
/// refused with a located message instead of exhausting the stack or memory
/// or escaping as an exception. The parser is nlohmann's SAX interface, which
/// is iterative; the tree is built here, so depth is checked before anything
/// is allocated for a level. docs/security.md (Feeds and JSON) gives the limits.

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace knelpunt::model {

/// The deepest nesting of arrays and objects accepted by default. knelpunt's
/// own documents nest at most six deep (a register), KEV three.
inline constexpr std::size_t kMaxJsonDepth = 64;

/// A parsed document, or why the text is not one (exactly one is set).
struct BoundedJsonResult {
  std::optional<nlohmann::json> value;
  /// What is wrong, without the location: "nested more than 64 deep",
  /// "number out of range: 1e400", "syntax error while parsing value - …".
  std::string error;
  std::size_t line = 0;    ///< 1-based line of the problem, 0 when unknown
  std::size_t column = 0;  ///< 1-based column (bytes) of the problem, 0 when unknown
};

/// Called with each element of an array that is a member of the root object
/// (`{"risks": [ELEMENT, …]}`) as soon as the element is complete, with the
/// member's name. It may shrink the element — drop what its reader does not
/// use — so that a large document is never held whole in the tree: a
/// register's risks carry chains, timelines and texts that `diff` never reads.
using RootArrayElementTrim = std::function<void(std::string_view member, nlohmann::json& element)>;

/// Parses `text` as one JSON value (no trailing data, no comments). Fails on a
/// syntax error, on arrays or objects nested more than `max_depth` deep and on
/// a number whose magnitude exceeds a double's range. Integers beyond 64 bits
/// become doubles, as in nlohmann::json. Never throws except std::bad_alloc.
BoundedJsonResult parse_bounded_json(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

/// As above, with each element of the root object's arrays handed to `trim`
/// once it is complete (only containers: objects and arrays).
BoundedJsonResult parse_bounded_json(std::string_view text, const RootArrayElementTrim& trim,
                                     std::size_t max_depth = kMaxJsonDepth);

/// "line L, column C: " when the result has a location, else "".
std::string json_location_prefix(const BoundedJsonResult& result);

}  // namespace knelpunt::model
