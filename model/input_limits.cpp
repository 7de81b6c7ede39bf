#include "model/input_limits.hpp"

#include <array>
#include <charconv>
#include <optional>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model/suggest.hpp"
#include "model/text_trim.hpp"

namespace knelpunt::model {

namespace {

constexpr std::uint64_t kKiB = std::uint64_t{1} << 10;
constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;
constexpr std::uint64_t kGiB = std::uint64_t{1} << 30;

// What each kind limits is in docs/security.md ("Input limits").
constexpr std::array<InputLimitSpec, 8> kSpecs = {{
    {InputLimit::yaml, "yaml", 64 * kMiB, 1 * kGiB},  // model.yaml, includes, measures, profiles, tracking, catalogues
    // Cells are addressed with 32-bit offsets (csv_table.hpp).
    {InputLimit::csv, "csv", 1 * kGiB, 4 * kGiB - 1},
    {InputLimit::feed, "feed", 1 * kGiB, 4 * kGiB},
    {InputLimit::feed_metadata, "feed-metadata", 1 * kMiB, 64 * kMiB},
    {InputLimit::register_json, "register", 256 * kMiB, 4 * kGiB},
    {InputLimit::workbook, "workbook", 256 * kMiB, 4 * kGiB},
    {InputLimit::shard, "shard", 1 * kGiB, 4 * kGiB},
    // expat's XML_Parse takes the length as an int.
    {InputLimit::mef, "mef", 256 * kMiB, 1 * kGiB},
}};

std::array<std::uint64_t, kSpecs.size()> limits_in_force = [] {
  std::array<std::uint64_t, kSpecs.size()> defaults{};
  for (std::size_t i = 0; i < kSpecs.size(); ++i) defaults[i] = kSpecs[i].default_bytes;
  return defaults;
}();

/// "128MiB" → bytes; nullopt when it is not a whole number with an optional unit.
std::optional<std::uint64_t> parse_size(std::string_view text) {
  std::uint64_t number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end == text.data()) return std::nullopt;
  const std::string_view unit = trimmed(std::string_view(end, static_cast<std::size_t>(text.data() + text.size() - end)));
  std::uint64_t scale = 1;
  if (unit == "KiB") scale = kKiB;
  else if (unit == "MiB") scale = kMiB;
  else if (unit == "GiB") scale = kGiB;
  else if (!unit.empty() && unit != "B") return std::nullopt;
  if (number > UINT64_MAX / scale) return std::nullopt;
  return number * scale;
}

}  // namespace

std::span<const InputLimitSpec> input_limit_specs() { return kSpecs; }

std::uint64_t input_limit(InputLimit limit) { return limits_in_force[static_cast<std::size_t>(limit)]; }

std::string_view input_limit_key(InputLimit limit) { return kSpecs[static_cast<std::size_t>(limit)].key; }

std::string byte_size_text(std::uint64_t bytes) {
  if (bytes >= kGiB && bytes % kGiB == 0) return fmt::format("{} GiB", bytes / kGiB);
  if (bytes >= kMiB && bytes % kMiB == 0) return fmt::format("{} MiB", bytes / kMiB);
  if (bytes >= kKiB && bytes % kKiB == 0) return fmt::format("{} KiB", bytes / kKiB);
  return fmt::format("{} bytes", bytes);
}

std::string set_input_limits(std::string_view spec) {
  auto wanted = limits_in_force;
  std::vector<std::string_view> keys;
  for (const auto& s : kSpecs) keys.push_back(s.key);
  const std::string expected_keys = fmt::format("{}", fmt::join(keys, ", "));
  while (!spec.empty()) {
    const auto comma = spec.find(',');
    const std::string_view part = trimmed(spec.substr(0, comma));
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
    if (part.empty()) continue;
    const auto equals = part.find('=');
    if (equals == std::string_view::npos)
      return fmt::format("'{}' has no '='; expected KIND=SIZE such as yaml=128MiB", part);
    const std::string_view key = trimmed(part.substr(0, equals));
    const std::string_view size_text = trimmed(part.substr(equals + 1));
    const InputLimitSpec* found = nullptr;
    for (const auto& s : kSpecs)
      if (s.key == key) found = &s;
    if (found == nullptr)
      return fmt::format("'{}' is not a kind of input{}; expected one of {}", key, did_you_mean(key, keys),
                         expected_keys);
    const auto bytes = parse_size(size_text);
    if (!bytes || *bytes == 0 || *bytes > found->ceiling_bytes)
      return fmt::format("{}='{}' is not a usable size; expected a whole number of bytes from 1 to {}, "
                         "optionally with KiB, MiB or GiB (such as {}=128MiB)",
                         key, size_text, byte_size_text(found->ceiling_bytes), key);
    wanted[static_cast<std::size_t>(found->limit)] = *bytes;
  }
  limits_in_force = wanted;
  return "";
}

void reset_input_limits() {
  for (std::size_t i = 0; i < kSpecs.size(); ++i) limits_in_force[i] = kSpecs[i].default_bytes;
}

}  // namespace knelpunt::model
