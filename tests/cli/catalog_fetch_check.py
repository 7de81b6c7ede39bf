#!/usr/bin/env python3
"""`knelpunt catalog fetch` against a feed server of our own on 127.0.0.1.

Usage: python3 catalog_fetch_check.py PATH_TO_KNELPUNT

The server (http.server in a thread, an ephemeral port) serves good feeds,
broken ones, slow and failing ones, redirects and conditional answers. For
each case the script checks the exit code, the message and, after a failure,
that the cache is byte for byte what it was. Nothing leaves the machine:
proxies are cleared, and the one test that names a remote host points
http_proxy at our server to prove no request was made. The test knobs of
docs/feeds.md keep it fast (timeouts of 1 s, back-off of 50 ms).
"""

import gzip
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = pathlib.Path(__file__).resolve().parent
FEEDS = HERE.parent / "data" / "feeds"
KEV = (FEEDS / "kev-small.json").read_bytes()
EPSS = (FEEDS / "epss-small.csv.gz").read_bytes()
KEV_ETAG = '"kev-v1"'
LAST_MODIFIED = "Thu, 20 Nov 2026 15:01:44 GMT"
MAX_BYTES = 64 * 1024
SLOW_SECONDS = 2.5


class FeedServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), FeedHandler)
        self.lock = threading.Lock()
        self.requests = []  # (path, headers) in arrival order
        self.hits = {}

    def handle_error(self, request, client_address):
        # A slow handler writing after the client gave up is expected here.
        pass

    def record(self, handler):
        with self.lock:
            self.requests.append((handler.path, dict(handler.headers)))
            self.hits[handler.path] = self.hits.get(handler.path, 0) + 1
            return self.hits[handler.path]

    def count(self, path):
        with self.lock:
            return self.hits.get(path, 0)

    def headers_of_last(self, path):
        with self.lock:
            for seen, headers in reversed(self.requests):
                if seen == path:
                    return headers
        return {}


class FeedHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def send(self, status, body=b"", headers=None, length=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        hit = self.server.record(self)
        path = self.path
        if path.startswith("http://"):  # asked as a proxy: must never happen
            self.send(502, b"proxy request")
        elif path == "/kev.json":
            if self.headers.get("If-None-Match") == KEV_ETAG:
                self.send(304, headers={"ETag": KEV_ETAG})
            else:
                self.send(200, KEV, {"ETag": KEV_ETAG, "Last-Modified": LAST_MODIFIED,
                                     "Content-Type": "application/json"})
        elif path == "/kev-last-modified.json":
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                self.send(304)
            else:
                self.send(200, KEV, {"Last-Modified": LAST_MODIFIED})
        elif path == "/kev-gzip-encoded.json":
            self.send(200, gzip.compress(KEV, mtime=0), {"Content-Encoding": "gzip"})
        elif path == "/epss.csv.gz":
            self.send(200, EPSS, {"ETag": '"epss-v1"', "Content-Type": "application/gzip"})
        elif path == "/garbage":
            self.send(200, b"<html><body>Under maintenance</body></html>")
        elif path == "/truncated.json":
            self.send(200, KEV[: len(KEV) // 2])
        elif path == "/truncated.csv.gz":
            self.send(200, EPSS[: len(EPSS) // 2])
        elif path == "/cut-short.json":  # announces more than it sends, then closes
            self.send(200, KEV[:100], length=len(KEV))
            self.close_connection = True
        elif path == "/oversized":
            self.send(200, b"x" * (MAX_BYTES * 4))
        elif path == "/oversized-unannounced":  # no Content-Length: the write callback must stop it
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            try:
                for _ in range(64):
                    self.wfile.write(b"y" * 16384)
            except OSError:
                pass
        elif path == "/slow":
            time.sleep(SLOW_SECONDS)
            self.send(200, KEV)
        elif path == "/flaky.json":
            if hit == 1:
                self.send(500, b"try again")
            else:
                self.send(200, KEV)
        elif path == "/always-500":
            self.send(500, b"broken")
        elif path == "/missing":
            self.send(404, b"not here")
        elif path == "/redirect":
            self.send(302, headers={"Location": "/kev.json"})
        elif path == "/redirect-remote":
            self.send(302, headers={"Location": "http://feeds.example.invalid/kev.json"})
        else:
            self.send(404, b"unknown")


class Checker:
    def __init__(self, binary, server, workdir):
        self.binary = binary
        self.server = server
        self.base = f"http://127.0.0.1:{server.server_address[1]}"
        self.workdir = workdir
        self.failures = []
        self.env = {k: v for k, v in os.environ.items()
                    if k.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")}
        self.env.update({
            "NO_PROXY": "127.0.0.1,localhost,::1",
            "no_proxy": "127.0.0.1,localhost,::1",
            "XDG_CACHE_HOME": str(workdir / "xdg-cache"),
            "KNELPUNT_FETCH_MAX_BYTES": str(MAX_BYTES),
            "KNELPUNT_FETCH_TIMEOUT_S": "1",
            "KNELPUNT_FETCH_BACKOFF_MS": "50",
        })

    def run(self, *args, env=None):
        completed = subprocess.run([self.binary, "catalog", "fetch", *args], capture_output=True, text=True,
                                   env=env or self.env, timeout=60)
        return completed.returncode, completed.stdout, completed.stderr

    def check(self, name, condition, detail=""):
        if not condition:
            self.failures.append(f"{name}: {detail}")
            print(f"FAIL {name}: {detail}")
        else:
            print(f"ok   {name}")

    def expect(self, name, args, rc, stdout_has=(), stderr_has=(), env=None):
        code, out, err = self.run(*args, env=env)
        detail = f"rc={code} stdout={out!r} stderr={err!r}"
        ok = code == rc and all(s in out for s in stdout_has) and all(s in err for s in stderr_has)
        ok = ok and "\r" not in err  # no progress line when stderr is not a terminal
        self.check(name, ok, detail)
        return code, out, err

    def cache(self, name):
        path = self.workdir / name
        return path

    def fresh_cache(self, name, feed="kev", path="/kev.json"):
        directory = self.cache(name)
        shutil.rmtree(directory, ignore_errors=True)
        self.expect(f"{name}: seed the cache", [feed, "--url", self.base + path, "--cache", str(directory)], 0,
                    [f"{feed}: updated"])
        return directory


def snapshot(directory):
    if not directory.exists():
        return {}
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    binary = sys.argv[1]
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="knelpunt-fetch-check-"))
    server = FeedServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        c = Checker(binary, server, workdir)
        base = c.base

        # Good feeds, then conditional requests.
        kev_cache = c.cache("kev")
        c.expect("kev: first download", ["kev", "--url", base + "/kev.json", "--cache", str(kev_cache)], 0,
                 ["kev: updated, 5 entries (catalogVersion 2026.11.20", f"cached at {kev_cache / 'kev.json'}"])
        c.check("kev: payload stored as downloaded", (kev_cache / "kev.json").read_bytes() == KEV)
        meta = json.loads((kev_cache / "kev.meta.json").read_text())
        c.check("kev: metadata", meta.get("etag") == KEV_ETAG and meta.get("entries") == 5 and
                meta.get("size") == len(KEV) and meta.get("last_modified") == LAST_MODIFIED and
                meta.get("feed_version") == "2026.11.20" and meta.get("fetched_at", "").endswith("Z"), str(meta))
        c.check("kev: user agent", server.headers_of_last("/kev.json").get("User-Agent", "").startswith("knelpunt/"))
        before = snapshot(kev_cache)
        c.expect("kev: 304 when If-None-Match matches", ["kev", "--url", base + "/kev.json", "--cache", str(kev_cache)],
                 0, ["kev: not modified, 5 entries"])
        c.check("kev: If-None-Match sent", server.headers_of_last("/kev.json").get("If-None-Match") == KEV_ETAG)
        c.check("kev: payload untouched by 304", (kev_cache / "kev.json").read_bytes() == before["kev.json"])
        code, out, _ = c.expect("kev: JSON summary",
                                ["kev", "--url", base + "/kev.json", "--cache", str(kev_cache), "--format", "json"], 0)
        try:
            summary = json.loads(out)
            c.check("kev: JSON fields", summary["format"] == "knelpunt-feed/1" and summary["feed"] == "kev" and
                    summary["status"] == "not_modified" and summary["entries"] == 5 and
                    summary["feed_version"] == "2026.11.20" and summary["cache"] == str(kev_cache / "kev.json") and
                    summary["url"] == base + "/kev.json", out)
        except (ValueError, KeyError) as error:
            c.check("kev: JSON fields", False, f"{error}: {out!r}")
        c.expect("kev: quiet prints nothing", ["kev", "--url", base + "/kev.json", "--cache", str(kev_cache), "-q"], 0)
        code, out, err = c.run("kev", "--url", base + "/kev.json", "--cache", str(kev_cache), "-q")
        c.check("kev: quiet output empty", out == "" and err == "", f"{out!r} {err!r}")

        lm_cache = c.cache("last-modified")
        c.expect("kev: Last-Modified only", ["kev", "--url", base + "/kev-last-modified.json", "--cache", str(lm_cache)],
                 0, ["kev: updated"])
        c.expect("kev: 304 on If-Modified-Since",
                 ["kev", "--url", base + "/kev-last-modified.json", "--cache", str(lm_cache)], 0, ["kev: not modified"])
        c.check("kev: If-Modified-Since sent",
                server.headers_of_last("/kev-last-modified.json").get("If-Modified-Since") == LAST_MODIFIED)

        c.expect("kev: gzip content encoding decoded",
                 ["kev", "--url", base + "/kev-gzip-encoded.json", "--cache", str(c.cache("encoded"))], 0,
                 ["kev: updated, 5 entries"])
        c.check("kev: decoded payload cached", (c.cache("encoded") / "kev.json").read_bytes() == KEV)
        c.expect("kev: redirect on loopback followed", ["kev", "--url", base + "/redirect", "--cache",
                                                         str(c.cache("redirect"))], 0, ["kev: updated"])

        epss_cache = c.cache("epss")
        c.expect("epss: download", ["epss", "--url", base + "/epss.csv.gz", "--cache", str(epss_cache)], 0,
                 ["epss: updated, 7 entries (model_version v2025.03.14, score_date 2026-11-20T00:00:00+0000)"])
        c.check("epss: payload stored compressed", (epss_cache / "epss.csv.gz").read_bytes() == EPSS)

        # Failures: exit 3, the message, and the cache exactly as before.
        failures = [
            ("garbage", "kev", "/garbage", "kev", ["not a valid kev feed", "not valid JSON"], None),
            ("truncated JSON", "kev", "/truncated.json", "kev", ["not valid JSON"], None),
            ("body cut short", "kev", "/cut-short.json", "kev", ["gave up after 3 attempts"], 3),
            ("truncated gzip", "epss", "/truncated.csv.gz", "epss", ["ends in the middle of its gzip data"], None),
            ("oversized", "kev", "/oversized", "kev", [f"larger than the limit of {MAX_BYTES} bytes"], 1),
            ("oversized without length", "kev", "/oversized-unannounced", "kev",
             [f"larger than the limit of {MAX_BYTES} bytes"], 1),
            ("slow", "kev", "/slow", "kev", ["in time", "gave up after 3 attempts"], 3),
            ("always 500", "kev", "/always-500", "kev", ["HTTP 500", "gave up after 3 attempts"], 3),
            ("404", "kev", "/missing", "kev", ["HTTP 404", "expected 200 OK"], 1),
        ]
        for name, feed, path, cache_name, messages, expected_hits in failures:
            directory = kev_cache if cache_name == "kev" else epss_cache
            before = snapshot(directory)
            hits_before = server.count(path)
            started = time.monotonic()
            c.expect(f"{name}: exit 3", [feed, "--url", base + path, "--cache", str(directory)], 3,
                     stderr_has=["knelpunt: error: " + feed + ": ", *messages])
            elapsed = time.monotonic() - started
            c.check(f"{name}: cache unchanged", snapshot(directory) == before)
            if expected_hits is not None:
                c.check(f"{name}: {expected_hits} request(s)", server.count(path) - hits_before == expected_hits,
                        f"saw {server.count(path) - hits_before}")
            if path == "/slow":
                c.check("slow: gave up on the timeout, not the server", elapsed < SLOW_SECONDS * 3, f"{elapsed:.1f} s")

        flaky_cache = c.cache("flaky")
        c.expect("500 then 200: retried", ["kev", "--url", base + "/flaky.json", "--cache", str(flaky_cache)], 0,
                 ["kev: updated"])
        c.check("500 then 200: two requests", server.count("/flaky.json") == 2, str(server.count("/flaky.json")))

        # Refusals before any connection: exit 2. http_proxy points at our
        # server, so a connection attempt would show up as a proxy request.
        proxied = dict(c.env)
        for name in ("NO_PROXY", "no_proxy"):
            proxied.pop(name, None)
        proxied["http_proxy"] = base
        proxied["HTTPS_PROXY"] = base
        requests_before = len(server.requests)
        c.expect("remote http refused", ["kev", "--url", "http://feeds.example.invalid/kev.json", "--cache",
                                         str(kev_cache)], 2, stderr_has=["refusing plain http", "expected an https URL"],
                 env=proxied)
        c.expect("ftp refused", ["kev", "--url", "ftp://127.0.0.1/kev.json", "--cache", str(kev_cache)], 2,
                 stderr_has=["not supported; expected an https URL"], env=proxied)
        c.expect("not a URL", ["kev", "--url", "::nonsense", "--cache", str(kev_cache)], 2,
                 stderr_has=["expected https://host/path"], env=proxied)
        c.check("refusals made no request", len(server.requests) == requests_before,
                str(server.requests[requests_before:]))
        before = snapshot(kev_cache)
        c.expect("redirect to remote http refused", ["kev", "--url", base + "/redirect-remote", "--cache",
                                                     str(kev_cache)], 3, stderr_has=["redirect", "refused"])
        c.check("redirect refusal: cache unchanged", snapshot(kev_cache) == before)
        c.check("redirect refusal: no request beyond the redirect",
                not any(path.startswith("http://") for path, _ in server.requests))

        # Bad options.
        c.expect("unknown feed", ["nvd", "--cache", str(kev_cache)], 2)
        bad_knob = dict(c.env, KNELPUNT_FETCH_TIMEOUT_S="soon")
        c.expect("bad test knob", ["kev", "--offline", "--cache", str(kev_cache)], 2,
                 stderr_has=["KNELPUNT_FETCH_TIMEOUT_S='soon'"], env=bad_knob)

        # Offline.
        requests_before = len(server.requests)
        c.expect("offline with a cache", ["kev", "--offline", "--cache", str(kev_cache)], 0,
                 ["kev: offline, cached copy fetched", "5 entries", str(kev_cache / "kev.json")])
        empty = c.cache("empty")
        c.expect("offline without a cache", ["epss", "--offline", "--cache", str(empty)], 3,
                 stderr_has=["no usable cached copy of the epss feed", "expected one from an earlier"])
        c.check("offline: no cache directory created", not empty.exists())
        c.check("offline: no request", len(server.requests) == requests_before)

        # An interrupted update (new payload, old metadata) is noticed and repaired.
        (kev_cache / "kev.json").write_bytes(KEV.replace(b"2026.11.20", b"2026.11.21"))
        c.expect("mismatched pair: offline refuses it", ["kev", "--offline", "--cache", str(kev_cache)], 3,
                 stderr_has=["does not match its metadata", "no usable cached copy"])
        c.expect("mismatched pair: refetched in full", ["kev", "--url", base + "/kev.json", "--cache", str(kev_cache)],
                 0, ["kev: updated"], stderr_has=["does not match its metadata"])
        c.check("mismatched pair: no conditional request", "If-None-Match" not in server.headers_of_last("/kev.json"))
        leftovers = [p.name for p in workdir.rglob(".*.tmp")]
        c.check("no temporary files left", not leftovers, str(leftovers))

        if c.failures:
            print(f"\n{len(c.failures)} check(s) failed")
            return 1
        print("\nall checks passed")
        return 0
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
