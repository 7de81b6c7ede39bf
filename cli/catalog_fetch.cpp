/// `knelpunt catalog fetch kev|epss`: keep the cached online feeds current.

#include "cli/catalog_fetch.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "catalogs/curl_http_fetcher.hpp"
#include "catalogs/feed_update.hpp"
#include "cli/exit_codes.hpp"

namespace knelpunt::cli {

namespace {

using namespace std::chrono_literals;

void print_error(const std::string& message) { std::cerr << "knelpunt: error: " << message << "\n"; }

/// A test knob from the environment: unset gives `fallback`; a value that is
/// not a number in [minimum, ∞) gives nothing after printing why.
std::optional<double> knob(const char* name, double fallback, double minimum) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return fallback;
  const std::string_view view(text);
  double value = 0;
  const auto [end, error] = std::from_chars(view.data(), view.data() + view.size(), value);
  if (error != std::errc() || end != view.data() + view.size() || !(value >= minimum) || !std::isfinite(value)) {
    print_error(fmt::format("{}='{}' is not usable; expected a number of at least {} (a test setting, see docs/feeds.md)",
                            name, text, minimum));
    return std::nullopt;
  }
  return value;
}

std::string byte_count(std::uint64_t bytes) {
  if (bytes >= 1024 * 1024) return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  if (bytes >= 1024) return fmt::format("{:.0f} kB", static_cast<double>(bytes) / 1024.0);
  return fmt::format("{} B", bytes);
}

std::string age_text(std::chrono::seconds age) {
  const auto s = age.count();
  if (s < 0) return "in the future (check the clock)";
  if (s < 120) return fmt::format("{} s ago", s);
  if (s < 2 * 3600) return fmt::format("{} min ago", s / 60);
  if (s < 48 * 3600) return fmt::format("{} h ago", s / 3600);
  return fmt::format("{} d ago", s / 86400);
}

/// One line on stderr, rewritten in place at most every 100 ms; only used
/// when stderr is a terminal, so logs and pipes never see carriage returns.
class ProgressLine {
 public:
  explicit ProgressLine(std::string feed) : feed_(std::move(feed)) {}
  ~ProgressLine() { clear(); }

  bool update(std::uint64_t received, std::uint64_t total) {
    const auto now = std::chrono::steady_clock::now();
    if (received == 0 || now - last_ < 100ms) return true;
    last_ = now;
    shown_ = true;
    std::cerr << "\r\033[K" << fmt::format("knelpunt: {}: {} received", feed_, byte_count(received))
              << (total > 0 ? fmt::format(" of {}", byte_count(total)) : std::string()) << std::flush;
    return true;
  }

  void clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  std::string feed_;
  std::chrono::steady_clock::time_point last_{};
  bool shown_ = false;
};

std::string_view status_word(catalogs::FeedUpdateStatus status) {
  switch (status) {
    case catalogs::FeedUpdateStatus::updated: return "updated";
    case catalogs::FeedUpdateStatus::not_modified: return "not_modified";
    case catalogs::FeedUpdateStatus::offline_cached: return "offline";
    case catalogs::FeedUpdateStatus::failed: break;
  }
  return "failed";
}

std::string summary_line(catalogs::FeedKind feed, const catalogs::FeedUpdateResult& result) {
  const auto& metadata = result.metadata;
  std::string what;
  switch (result.status) {
    case catalogs::FeedUpdateStatus::updated: what = "updated"; break;
    case catalogs::FeedUpdateStatus::not_modified: what = "not modified"; break;
    default:
      what = fmt::format("offline, cached copy fetched {}{}", metadata.fetched_at,
                         result.age ? " (" + age_text(*result.age) + ")" : std::string());
  }
  std::string about;
  if (!metadata.feed_version.empty()) about = fmt::format("{} {}", catalogs::feed_version_label(feed), metadata.feed_version);
  if (!metadata.feed_date.empty())
    about += fmt::format("{}{} {}", about.empty() ? "" : ", ", catalogs::feed_date_label(feed), metadata.feed_date);
  return fmt::format("{}: {}, {} entries{}, cached at {}\n", catalogs::feed_name(feed), what, metadata.entries,
                     about.empty() ? std::string() : " (" + about + ")", result.payload_path.string());
}

std::string summary_json(catalogs::FeedKind feed, const catalogs::FeedUpdateResult& result) {
  const auto& metadata = result.metadata;
  nlohmann::ordered_json out;
  out["format"] = "knelpunt-feed/1";
  out["feed"] = catalogs::feed_name(feed);
  out["status"] = status_word(result.status);
  out["entries"] = metadata.entries;
  out["feed_version"] = metadata.feed_version;
  out["feed_date"] = metadata.feed_date;
  out["cache"] = result.payload_path.string();
  out["url"] = metadata.url.empty() ? result.url : metadata.url;
  out["fetched_at"] = metadata.fetched_at;
  out["age_seconds"] = result.age ? nlohmann::ordered_json(result.age->count()) : nlohmann::ordered_json();
  out["attempts"] = result.attempts;
  return out.dump(2) + "\n";
}

}  // namespace

CLI::App* attach_catalog_fetch(CLI::App* catalog, CatalogFetchOptions& options) {
  auto* command = catalog->add_subcommand("fetch", "Download the CISA KEV catalogue or the FIRST EPSS scores into the cache");
  command->add_option("feed", options.feed, "Which feed: kev or epss")->required()->check(CLI::IsMember({"kev", "epss"}));
  command->add_option("--url", options.url, "Download from this https URL instead of the published address");
  command->add_option("--cache", options.cache_dir,
                      "Cache directory (default: $XDG_CACHE_HOME/knelpunt, else ~/.cache/knelpunt)");
  command->add_flag("--offline", options.offline, "Do not download; report the cached copy");
  command->add_option("--format", options.format, "Output format")->check(CLI::IsMember({"text", "json"}));
  command->add_flag("-q,--quiet", options.quiet, "Print errors only (JSON output is still printed)");
  command->footer(
      "Downloads over HTTPS with certificate checks, asks conditionally (ETag, Last-Modified), retries\n"
      "transient failures, checks the feed and only then replaces the cached copy. Proxies come from\n"
      "http_proxy/https_proxy/no_proxy. Assessments read the cache and never download (docs/feeds.md).\n"
      "Example: knelpunt catalog fetch kev\n"
      "Exit: 0 updated, not modified or offline with a cached copy; 2 bad options; 3 network error,\n"
      "invalid download, or offline without a cached copy");
  return command;
}

int run_catalog_fetch(const CatalogFetchOptions& options) {
  const auto feed = catalogs::feed_kind_named(options.feed);
  if (!feed) {
    print_error(fmt::format("unknown feed '{}'; expected kev or epss", options.feed));
    return kExitBadInput;
  }
  if (!options.url.empty())
    if (auto refusal = catalogs::url_refusal(options.url)) {
      print_error(fmt::format("--url: {}", refusal->message));
      return kExitBadInput;
    }

  catalogs::FeedUpdateOptions update;
  update.feed = *feed;
  update.url = options.url;
  update.offline = options.offline;
  update.cache_dir = options.cache_dir.empty() ? catalogs::default_cache_dir() : std::filesystem::path(options.cache_dir);
  if (update.cache_dir.empty()) {
    print_error("cannot tell where the feed cache is: neither XDG_CACHE_HOME nor HOME is set; expected --cache DIR");
    return kExitBadInput;
  }

  // Test knobs (docs/feeds.md): keep the local-server tests fast and small.
  const auto max_bytes = knob("KNELPUNT_FETCH_MAX_BYTES", static_cast<double>(update.transport.max_bytes), 1);
  const auto timeout_s = knob("KNELPUNT_FETCH_TIMEOUT_S", 0, 0.001);
  const auto backoff_ms = knob("KNELPUNT_FETCH_BACKOFF_MS", static_cast<double>(update.retry.initial_backoff.count()), 0);
  if (!max_bytes || !timeout_s || !backoff_ms) return kExitBadInput;
  update.transport.max_bytes = static_cast<std::uint64_t>(*max_bytes);
  if (*timeout_s > 0) {
    const auto timeout = std::chrono::milliseconds(static_cast<long long>(std::ceil(*timeout_s * 1000)));
    update.transport.connect_timeout = timeout;
    update.transport.total_timeout = timeout;
  }
  update.retry.initial_backoff = std::chrono::milliseconds(static_cast<long long>(*backoff_ms));

  std::optional<ProgressLine> progress;
  if (!options.quiet && !options.offline && ::isatty(STDERR_FILENO) == 1) {
    progress.emplace(std::string(catalogs::feed_name(*feed)));
    update.transport.on_progress = [&progress](std::uint64_t received, std::uint64_t total) {
      return progress->update(received, total);
    };
  }

  catalogs::CurlHttpFetcher fetcher;
  const auto result = catalogs::update_feed(fetcher, update);
  if (progress) progress->clear();

  if (!options.quiet)
    for (const auto& warning : result.warnings) std::cerr << warning.to_string() << "\n";
  if (result.status == catalogs::FeedUpdateStatus::failed) {
    print_error(fmt::format("{}: {}", catalogs::feed_name(*feed), result.error));
    return result.failure == catalogs::FeedFailure::refused_url ? kExitBadInput : kExitInternal;
  }
  if (options.format == "json")
    std::cout << summary_json(*feed, result);
  else if (!options.quiet)
    std::cout << summary_line(*feed, result);
  return kExitOk;
}

}  // namespace knelpunt::cli
