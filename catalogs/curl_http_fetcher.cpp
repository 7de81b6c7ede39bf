#include "catalogs/curl_http_fetcher.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <string_view>

#include <curl/curl.h>

#include "model/text_trim.hpp"

#ifndef KNELPUNT_VERSION
#define KNELPUNT_VERSION "0"
#endif

namespace knelpunt::catalogs {

namespace {

/// curl_global_init is not thread-safe and must run before any handle is made;
/// a function-local static runs it exactly once even under concurrent first use.
CURLcode global_init_result() {
  static const CURLcode result = curl_global_init(CURL_GLOBAL_DEFAULT);
  return result;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

struct UrlParts {
  std::string scheme;
  std::string host;
};

std::optional<UrlParts> split_url(const std::string& url) {
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> handle(curl_url(), &curl_url_cleanup);
  if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) return std::nullopt;
  UrlParts parts;
  char* value = nullptr;
  if (curl_url_get(handle.get(), CURLUPART_SCHEME, &value, 0) != CURLUE_OK) return std::nullopt;
  parts.scheme = lower(value);
  curl_free(value);
  value = nullptr;
  if (curl_url_get(handle.get(), CURLUPART_HOST, &value, 0) != CURLUE_OK) return std::nullopt;
  parts.host = lower(value);
  curl_free(value);
  return parts;
}

/// Only these names a host as this machine for certain: other 127/8
/// addresses and names that merely resolve to loopback are treated as remote.
bool is_loopback_host(const std::string& host) {
  return host == "127.0.0.1" || host == "[::1]" || host == "localhost";
}

/// What one transfer collects; the callbacks get it as their user pointer.
struct Transfer {
  std::string body;
  std::string etag;
  std::string last_modified;
  std::uint64_t max_bytes = 0;
  bool too_large = false;
  bool aborted = false;
  const HttpProgress* progress = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  // Checked before appending so a hostile server cannot make us hold more
  // than the limit; returning less than `bytes` makes libcurl abort.
  if (transfer.body.size() + bytes > transfer.max_bytes) {
    transfer.too_large = true;
    return 0;
  }
  transfer.body.append(data, bytes);
  return bytes;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& transfer = *static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  const std::string_view line(data, bytes);
  // A new status line (after an interim 1xx response) starts a new header set.
  if (line.starts_with("HTTP/")) {
    transfer.etag.clear();
    transfer.last_modified.clear();
    return bytes;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  const std::string name = lower(model::trimmed(line.substr(0, colon), model::kAsciiWhitespace));
  const std::string_view value = model::trimmed(line.substr(colon + 1), model::kAsciiWhitespace);
  if (name == "etag") transfer.etag = std::string(value);
  if (name == "last-modified") transfer.last_modified = std::string(value);
  return bytes;
}

int on_progress(void* user, curl_off_t download_total, curl_off_t downloaded, curl_off_t, curl_off_t) {
  auto& transfer = *static_cast<Transfer*>(user);
  if (transfer.progress == nullptr || !*transfer.progress) return 0;
  const bool keep_going = (*transfer.progress)(static_cast<std::uint64_t>(downloaded),
                                               static_cast<std::uint64_t>(download_total));
  if (!keep_going) transfer.aborted = true;
  return keep_going ? 0 : 1;
}

HttpError error(HttpErrorKind kind, std::string message, long status = 0) {
  return HttpError{kind, status, std::move(message)};
}

HttpError transfer_error(CURLcode code, const Transfer& transfer, const HttpRequest& request, const std::string& url,
                         const char* detail) {
  const std::string why = (detail != nullptr && *detail != '\0') ? std::string(detail) : curl_easy_strerror(code);
  if (transfer.too_large || code == CURLE_FILESIZE_EXCEEDED)
    return error(HttpErrorKind::too_large,
                 "the response from " + url + " is larger than the limit of " + std::to_string(request.max_bytes) +
                     " bytes; expected a feed below that size");
  if (transfer.aborted || code == CURLE_ABORTED_BY_CALLBACK)
    return error(HttpErrorKind::aborted, "the download of " + url + " was cancelled; expected it to run to the end");
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return error(HttpErrorKind::timeout,
                   "no complete answer from " + url + " in time (" + why + "); expected a response within " +
                       std::to_string(request.connect_timeout.count()) + " ms to connect and " +
                       std::to_string(request.total_timeout.count()) + " ms in total");
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return error(HttpErrorKind::bad_url, "cannot fetch '" + url + "' (" + why + "); expected an https URL");
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
      return error(HttpErrorKind::tls, "the TLS connection to " + url + " failed (" + why +
                                           "); expected an HTTPS server whose certificate is valid for its host name and trusted by the system");
    default:
      return error(HttpErrorKind::network,
                   "cannot download " + url + " (" + why + "); expected a reachable server (check the network or proxy)");
  }
}

using EasyHandle = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

/// Whether a status means "look at Location": 300 (multiple choices) and 304 do not.
bool is_redirect(long status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

/// The headers of a conditional GET: If-None-Match and If-Modified-Since
/// when the request carries the cached copy's validators; empty otherwise.
HeaderList conditional_headers(const HttpRequest& request) {
  HeaderList headers(nullptr, &curl_slist_free_all);
  auto add_header = [&headers](const std::string& header) {
    if (auto* extended = curl_slist_append(headers.get(), header.c_str())) {
      (void)headers.release();
      headers.reset(extended);
    }
  };
  if (!request.if_none_match.empty()) add_header("If-None-Match: " + request.if_none_match);
  if (!request.if_modified_since.empty()) add_header("If-Modified-Since: " + request.if_modified_since);
  return headers;
}

/// Sets every option of one hop's transfer: the URL, TLS verification, the
/// time and size limits, and the callbacks that fill `transfer`. `detail`
/// (CURL_ERROR_SIZE bytes) receives libcurl's error text.
void configure_transfer(CURL* handle, const HttpRequest& request, const std::string& url, Transfer& transfer,
                        curl_slist* headers, char* detail) {
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, detail);
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  // Redirects are followed here, one hop at a time, so every target passes url_refusal.
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(request.total_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(request.low_speed_bytes_per_second));
  curl_easy_setopt(handle, CURLOPT_LOW_SPEED_TIME, static_cast<long>(request.low_speed_time.count()));
  curl_easy_setopt(handle, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.max_bytes));
  // "" lets libcurl offer every encoding it can decode and decode the body.
  curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(handle, CURLOPT_USERAGENT, "knelpunt/" KNELPUNT_VERSION);
  // No signals: timeouts must not rely on SIGALRM in a multi-threaded process.
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  // Headers of a proxy's CONNECT answer are not the server's ETag or Last-Modified.
  curl_easy_setopt(handle, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
  // CURLOPT_PROXY is deliberately left unset: libcurl then honours
  // http_proxy, https_proxy and no_proxy from the environment.
  if (headers != nullptr) curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(handle, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, &on_progress);
  curl_easy_setopt(handle, CURLOPT_XFERINFODATA, &transfer);
}

}  // namespace

std::optional<HttpError> url_refusal(const std::string& url) {
  if (global_init_result() != CURLE_OK)
    return error(HttpErrorKind::network, "libcurl could not be initialised; expected a working libcurl installation");
  const auto parts = split_url(url);
  if (!parts)
    return error(HttpErrorKind::bad_url, "'" + url + "' is not a URL; expected https://host/path");
  if (parts->scheme == "https") return std::nullopt;
  if (parts->scheme == "http") {
    if (is_loopback_host(parts->host)) return std::nullopt;
    return error(HttpErrorKind::refused_insecure,
                 "refusing plain http to " + parts->host + " in '" + url +
                     "'; expected an https URL (plain http is allowed only to 127.0.0.1, ::1 or localhost)");
  }
  return error(HttpErrorKind::bad_url,
               "the scheme '" + parts->scheme + "' of '" + url + "' is not supported; expected an https URL");
}

CurlHttpFetcher::CurlHttpFetcher() { (void)global_init_result(); }

HttpResult CurlHttpFetcher::get(const HttpRequest& request) {
  std::string url = request.url;
  for (int hop = 0;; ++hop) {
    // Checked for the first URL and for every redirect target, before connecting.
    if (auto refusal = url_refusal(url)) {
      if (hop > 0) {
        refusal->kind = HttpErrorKind::refused_redirect;
        refusal->message = "the redirect from " + request.url + " was refused: " + refusal->message;
      }
      return HttpResult{std::nullopt, std::move(refusal)};
    }
    EasyHandle easy(curl_easy_init(), &curl_easy_cleanup);
    if (!easy)
      return HttpResult{std::nullopt, error(HttpErrorKind::network,
                                            "libcurl could not create a transfer; expected enough memory")};
    CURL* handle = easy.get();
    Transfer transfer;
    transfer.max_bytes = request.max_bytes;
    transfer.progress = &request.on_progress;

    const HeaderList headers = conditional_headers(request);
    char detail[CURL_ERROR_SIZE] = {};
    configure_transfer(handle, request, url, transfer, headers.get(), detail);

    const CURLcode code = curl_easy_perform(handle);
    if (code != CURLE_OK) return HttpResult{std::nullopt, transfer_error(code, transfer, request, url, detail)};

    long status = 0;
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
    if (is_redirect(status)) {
      char* location = nullptr;
      curl_easy_getinfo(handle, CURLINFO_REDIRECT_URL, &location);
      if (location == nullptr)
        return HttpResult{std::nullopt,
                          error(HttpErrorKind::http_status,
                                "the server answered HTTP " + std::to_string(status) + " for " + url +
                                    " without a Location; expected 200 OK or a redirect with a target",
                                status)};
      if (hop >= request.max_redirects)
        return HttpResult{std::nullopt,
                          error(HttpErrorKind::too_many_redirects,
                                "more than " + std::to_string(request.max_redirects) + " redirects from " +
                                    request.url + "; expected the feed within that many hops")};
      url = location;
      continue;
    }
    if (status == 304 || (status >= 200 && status < 300)) {
      HttpResponse response;
      response.status = status;
      if (status != 304) response.body = std::move(transfer.body);
      response.etag = std::move(transfer.etag);
      response.last_modified = std::move(transfer.last_modified);
      response.effective_url = url;
      return HttpResult{std::move(response), std::nullopt};
    }
    return HttpResult{std::nullopt, error(HttpErrorKind::http_status,
                                          "the server answered HTTP " + std::to_string(status) + " for " + url +
                                              "; expected 200 OK (or 304 Not Modified)",
                                          status)};
  }
}

}  // namespace knelpunt::catalogs
