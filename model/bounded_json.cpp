#include "model/bounded_json.hpp"

#include <cmath>
#include <utility>
#include <vector>

namespace knelpunt::model {

namespace {

using Json = nlohmann::json;

/// Offending tokens are quoted in messages cut to this many bytes (a hostile
/// file must not flood the terminal).
constexpr std::size_t kMaxQuotedToken = 80;

/// Builds the tree from SAX events, refusing a level past the depth limit
/// before allocating it. Containers on the stack stay put: a sibling is only
/// added after the child it follows is closed.
class BoundedTreeBuilder {
 public:
  BoundedTreeBuilder(std::size_t max_depth, const RootArrayElementTrim* trim) : max_depth_(max_depth), trim_(trim) {}

  bool null() { return add(Json(nullptr)) != nullptr; }
  bool boolean(bool value) { return add(Json(value)) != nullptr; }
  bool number_integer(Json::number_integer_t value) { return add(Json(value)) != nullptr; }
  bool number_unsigned(Json::number_unsigned_t value) { return add(Json(value)) != nullptr; }
  bool number_float(Json::number_float_t value, const Json::string_t& text) {
    // nlohmann's lexer already refuses overflow (error 406); this keeps the
    // rule true should a version stop doing so.
    if (!std::isfinite(value)) {
      error_ = "number out of range: " + quoted(text);
      return false;
    }
    return add(Json(value)) != nullptr;
  }
  bool string(Json::string_t& value) { return add(Json(std::move(value))) != nullptr; }
  bool binary(Json::binary_t& value) { return add(Json(std::move(value))) != nullptr; }
  bool start_object(std::size_t) { return open(Json::object()); }
  bool start_array(std::size_t) { return open(Json::array()); }
  bool key(Json::string_t& name) {
    key_ = std::move(name);
    return true;
  }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string& last_token,
                   const Json::exception& error) {
    position_ = position;
    if (error.id == 406)  // out_of_range.406: number overflow
      error_ = "number out of range: " + quoted(last_token);
    else {
      // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error …":
      // the location is ours to give, so keep only the reason.
      std::string what = error.what();
      if (const auto colon = what.find(": "); colon != std::string::npos) what.erase(0, colon + 2);
      error_ = std::move(what);
    }
    return false;
  }

  bool too_deep() const { return too_deep_; }
  const std::string& error() const { return error_; }
  std::size_t position() const { return position_; }
  Json take() { return std::move(root_); }

 private:
  std::size_t max_depth_;
  const RootArrayElementTrim* trim_;  // null: keep every element whole
  std::string root_array_;            // the member of the root object whose array is open, else ""
  Json root_;
  std::vector<Json*> open_;  // the containers being filled, outermost first
  std::string key_;
  bool too_deep_ = false;
  std::string error_;
  std::size_t position_ = 0;

  static std::string quoted(std::string_view token) {
    if (token.size() > kMaxQuotedToken)
      return "'" + std::string(token.substr(0, kMaxQuotedToken)) + "…'";
    return "'" + std::string(token) + "'";
  }

  Json* add(Json value) {
    if (open_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    Json& parent = *open_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(value));
      return &parent.back();
    }
    // A repeated key keeps the last value, as nlohmann::json::parse does.
    Json& slot = parent[key_];
    slot = std::move(value);
    return &slot;
  }

  bool open(Json container) {
    if (open_.size() >= max_depth_) {
      too_deep_ = true;
      error_ = "nested more than " + std::to_string(max_depth_) + " deep";
      return false;
    }
    // An array straight under the root object: its elements go to trim_.
    if (open_.size() == 1 && open_.front()->is_object() && container.is_array()) root_array_ = key_;
    open_.push_back(add(std::move(container)));
    return true;
  }

  bool close() {
    // open_: root object, its array, the element now complete.
    if (trim_ && *trim_ && open_.size() == 3 && !root_array_.empty()) (*trim_)(root_array_, *open_.back());
    if (open_.size() == 2) root_array_.clear();
    open_.pop_back();
    return true;
  }
};

/// Byte offset of the bracket that first passes `limit` levels, outside
/// strings; npos when none does. Only used to locate a refusal the SAX parser
/// made (which gives no position), so the prefix before it is valid JSON and
/// this simple scan agrees with the parser.
std::size_t too_deep_at(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > limit) return i;
    } else if ((c == ']' || c == '}') && depth > 0)
      --depth;
  }
  return std::string_view::npos;
}

void locate(BoundedJsonResult& result, std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  result.line = line;
  result.column = column;
}

}  // namespace

BoundedJsonResult parse_bounded_json(std::string_view text, std::size_t max_depth) {
  return parse_bounded_json(text, RootArrayElementTrim{}, max_depth);
}

BoundedJsonResult parse_bounded_json(std::string_view text, const RootArrayElementTrim& trim, std::size_t max_depth) {
  BoundedJsonResult result;
  BoundedTreeBuilder builder(max_depth, &trim);
  bool parsed = false;
  try {
    parsed = Json::sax_parse(text.begin(), text.end(), &builder, Json::input_format_t::json, true,
                             false);
  } catch (const Json::exception& error) {
    // The SAX parser reports errors through parse_error(); this is only a
    // safety net so that no JSON exception escapes to the caller.
    result.error = error.what();
    return result;
  }
  if (parsed) {
    result.value = builder.take();
    return result;
  }
  result.error = builder.error().empty() ? "not valid JSON" : builder.error();
  if (builder.too_deep()) {
    if (const auto at = too_deep_at(text, max_depth); at != std::string_view::npos)
      locate(result, text, at);
  } else if (builder.position() > 0) {
    // The position is 1-based: that of the offending character.
    locate(result, text, builder.position() - 1);
  }
  return result;
}

std::string json_location_prefix(const BoundedJsonResult& result) {
  if (result.line == 0) return {};
  return "line " + std::to_string(result.line) + ", column " + std::to_string(result.column) + ": ";
}

}  // namespace knelpunt::model
