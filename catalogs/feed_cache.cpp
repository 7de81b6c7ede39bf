#include "catalogs/feed_cache.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include "model/bounded_json.hpp"
#include "model/input_file.hpp"
#include "model/output_file.hpp"

namespace knelpunt::catalogs {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMetadataFormat = "knelpunt-feed-meta/1";

std::uint32_t crc32_of(std::string_view bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // zlib takes lengths as uInt; feed it in pieces so any size works.
  while (!bytes.empty()) {
    const auto piece = static_cast<uInt>(std::min<std::size_t>(bytes.size(), 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data()), piece);
    bytes.remove_prefix(piece);
  }
  return static_cast<std::uint32_t>(crc);
}

fs::path metadata_file(const fs::path& directory, std::string_view feed) {
  return directory / (std::string(feed) + ".meta.json");
}

std::string metadata_json(const FeedMetadata& metadata) {
  nlohmann::ordered_json out;
  out["format"] = kMetadataFormat;
  out["feed"] = metadata.feed;
  out["url"] = metadata.url;
  out["etag"] = metadata.etag;
  out["last_modified"] = metadata.last_modified;
  out["fetched_at"] = metadata.fetched_at;
  out["size"] = metadata.size;
  char crc[9];
  std::snprintf(crc, sizeof crc, "%08x", metadata.crc32);
  out["crc32"] = crc;
  out["entries"] = metadata.entries;
  out["feed_version"] = metadata.feed_version;
  out["feed_date"] = metadata.feed_date;
  return out.dump(2) + "\n";
}

/// The metadata in `text`, or nothing when it is not ours or incomplete.
std::optional<FeedMetadata> parse_metadata(const std::string& text) {
  // Bounded like every JSON input (docs/security.md): a broken cache is a warning, never a crash.
  const auto parsed = model::parse_bounded_json(text);
  if (!parsed.value) return std::nullopt;
  const auto& document = *parsed.value;
  if (!document.is_object()) return std::nullopt;
  // Not value("format", …): that throws when "format" is there but not text.
  const auto format = document.find("format");
  if (format == document.end() || !format->is_string() || format->get_ref<const std::string&>() != kMetadataFormat)
    return std::nullopt;
  const auto string_of = [&](const char* name) -> std::optional<std::string> {
    const auto it = document.find(name);
    if (it == document.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  const auto number_of = [&](const char* name) -> std::optional<std::uint64_t> {
    const auto it = document.find(name);
    if (it == document.end() || !it->is_number_unsigned()) return std::nullopt;
    return it->get<std::uint64_t>();
  };
  FeedMetadata metadata;
  const auto feed = string_of("feed"), url = string_of("url"), etag = string_of("etag"),
             last_modified = string_of("last_modified"), fetched_at = string_of("fetched_at"),
             crc = string_of("crc32"), feed_version = string_of("feed_version"), feed_date = string_of("feed_date");
  const auto size = number_of("size"), entries = number_of("entries");
  if (!feed || !url || !etag || !last_modified || !fetched_at || !crc || !feed_version || !feed_date || !size ||
      !entries || crc->size() != 8)
    return std::nullopt;
  char* end = nullptr;
  const unsigned long crc_value = std::strtoul(crc->c_str(), &end, 16);
  if (end != crc->c_str() + crc->size()) return std::nullopt;
  metadata.feed = *feed;
  metadata.url = *url;
  metadata.etag = *etag;
  metadata.last_modified = *last_modified;
  metadata.fetched_at = *fetched_at;
  metadata.size = *size;
  metadata.crc32 = static_cast<std::uint32_t>(crc_value);
  metadata.entries = *entries;
  metadata.feed_version = *feed_version;
  metadata.feed_date = *feed_date;
  return metadata;
}

model::Diagnostic cache_warning(const fs::path& file, std::string message) {
  model::Diagnostic diagnostic;  // field by field: see feed_update.cpp (GCC 12 -O3 false positive)
  diagnostic.severity = model::Severity::warning;
  diagnostic.where.file = file.string();
  diagnostic.message = std::move(message);
  return diagnostic;
}

}  // namespace

FeedCache::FeedCache(fs::path directory) : directory_(std::move(directory)) {}

CachedCopy FeedCache::inspect(std::string_view feed, std::string_view payload_file, std::string* payload) const {
  CachedCopy copy;
  copy.payload_path = directory_ / payload_file;
  copy.metadata_path = metadata_file(directory_, feed);
  std::error_code ec;
  const bool has_payload = fs::exists(copy.payload_path, ec);
  const bool has_metadata = fs::exists(copy.metadata_path, ec);
  if (!has_payload && !has_metadata) return copy;
  const std::string fetch_again = "; expected a consistent pair (run `knelpunt catalog fetch " + std::string(feed) +
                                  "` to download it again)";
  if (!has_metadata) {
    copy.warning = cache_warning(copy.payload_path, "the cached " + std::string(feed) + " feed has no metadata file " +
                                                        copy.metadata_path.filename().string() + fetch_again);
    return copy;
  }
  if (!has_payload) {
    copy.warning = cache_warning(copy.metadata_path, "the cached " + std::string(feed) + " feed has metadata but no " +
                                                         copy.payload_path.filename().string() + fetch_again);
    return copy;
  }
  // A read failure becomes the cache's own warning below, which says how to repair the cache.
  const auto metadata_text =
      model::read_input_file(copy.metadata_path, {"the feed metadata", "a JSON file", model::InputLimit::feed_metadata}).text;
  auto metadata = metadata_text ? parse_metadata(*metadata_text) : std::nullopt;
  if (!metadata || metadata->feed != feed) {
    copy.warning = cache_warning(copy.metadata_path, "the metadata of the cached " + std::string(feed) +
                                                         " feed is unreadable or not knelpunt's" + fetch_again);
    return copy;
  }
  auto bytes =
      model::read_input_file(copy.payload_path, {"the cached feed", "a feed payload", model::InputLimit::feed}).text;
  if (!bytes) {
    copy.warning = cache_warning(copy.payload_path, "cannot read the cached " + std::string(feed) + " feed" + fetch_again);
    return copy;
  }
  if (bytes->size() != metadata->size || crc32_of(*bytes) != metadata->crc32) {
    copy.warning = cache_warning(copy.payload_path, "the cached " + std::string(feed) +
                                                        " feed does not match its metadata (size or CRC-32 differ; "
                                                        "an interrupted update?)" +
                                                        fetch_again);
    return copy;
  }
  copy.metadata = std::move(metadata);
  if (payload != nullptr) *payload = std::move(*bytes);
  return copy;
}

std::string FeedCache::store(std::string_view feed, std::string_view payload_file, std::string_view payload,
                             FeedMetadata& metadata) const {
  std::error_code ec;
  fs::create_directories(directory_, ec);
  if (ec)
    return "cannot create the cache directory " + directory_.string() + " (" + ec.message() +
           "); expected a writable directory (choose another with --cache DIR)";
  metadata.size = payload.size();
  metadata.crc32 = crc32_of(payload);
  const fs::path payload_target = directory_ / payload_file;
  const fs::path metadata_target = metadata_file(directory_, feed);
  // Payload first: see the header for why this order is safe after a crash.
  if (auto written = model::write_output_file(payload_target, payload); written.status != model::OutputStatus::written)
    return written.message + " (the previous copy is kept)";
  if (auto written = model::write_output_file(metadata_target, metadata_json(metadata));
      written.status != model::OutputStatus::written)
    return written.message + " (the new payload no longer matches the old metadata and will be fetched again)";
  return {};
}

std::string FeedCache::store_metadata(std::string_view feed, const FeedMetadata& metadata) const {
  const fs::path target = metadata_file(directory_, feed);
  if (auto written = model::write_output_file(target, metadata_json(metadata));
      written.status != model::OutputStatus::written)
    return written.message;
  return {};
}

fs::path default_cache_dir() {
  // The XDG Base Directory specification says relative values are to be ignored.
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg == '/')
    return fs::path(xdg) / "knelpunt";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return fs::path(home) / ".cache" / "knelpunt";
  return {};
}

std::string utc_timestamp(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &parts);
  return text;
}

std::optional<std::chrono::system_clock::time_point> parse_utc_timestamp(std::string_view text) {
  if (text.size() != 20) return std::nullopt;
  std::tm parts{};
  char zone = 0;
  const std::string copy(text);
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &parts.tm_year, &parts.tm_mon, &parts.tm_mday,
                  &parts.tm_hour, &parts.tm_min, &parts.tm_sec, &zone) != 7 ||
      zone != 'Z')
    return std::nullopt;
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  const std::time_t seconds = timegm(&parts);
  if (seconds == static_cast<std::time_t>(-1)) return std::nullopt;
  const auto parsed = std::chrono::system_clock::from_time_t(seconds);
  if (utc_timestamp(parsed) != text) return std::nullopt;  // rejects 2026-02-30 and the like
  return parsed;
}

}  // namespace knelpunt::catalogs
