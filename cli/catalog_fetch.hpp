#pragma once
/// `knelpunt catalog fetch kev|epss`: downloads the CISA KEV catalogue or the
/// FIRST EPSS scores into the feed cache (docs/feeds.md). The `catalog`
/// command (catalog_command.cpp) attaches it and runs it when parsed.

#include <string>

#include <CLI/CLI.hpp>

namespace knelpunt::cli {

struct CatalogFetchOptions {
  std::string feed;       ///< "kev" or "epss"
  std::string url;        ///< empty: the feed's published address
  std::string cache_dir;  ///< empty: $XDG_CACHE_HOME/knelpunt, else ~/.cache/knelpunt
  bool offline = false;   ///< report the cached copy; never touch the network
  bool quiet = false;     ///< errors only (no summary line, warnings or progress)
  std::string format = "text";
};

/// Adds `fetch FEED [--url U] [--cache DIR] [--offline] [--format text|json] [-q]`
/// to the `catalog` subcommand and returns it; parsed values land in `options`.
CLI::App* attach_catalog_fetch(CLI::App* catalog, CatalogFetchOptions& options);

/// Runs it. Prints a one-line summary (or one JSON object) on stdout, problems on
/// stderr, and a byte counter on stderr while downloading when stderr is a
/// terminal. Exit: 0 updated, not modified, or offline with a cached copy;
/// 2 bad options (unknown feed, malformed URL, plain http to a host that is
/// not loopback, bad test knob); 3 network failure, invalid download, cache
/// not writable, or offline without a cached copy.
///
/// Undocumented in --help, for tests only (docs/feeds.md): the environment
/// variables KNELPUNT_FETCH_MAX_BYTES, KNELPUNT_FETCH_TIMEOUT_S and
/// KNELPUNT_FETCH_BACKOFF_MS lower the size limit, the timeouts and the
/// first retry delay.
int run_catalog_fetch(const CatalogFetchOptions& options);

}  // namespace knelpunt::cli
