#!/usr/bin/env python3
"""Hostile feeds, registers and shards are refused cleanly (issue 18; docs/security.md, Feeds and JSON).

Usage: python3 hostile_inputs_check.py PATH_TO_KNELPUNT

Each case runs knelpunt on a hand-made input below one temporary directory
(removed at the end) and checks the exit code and the message. Unless the
binary is built with AddressSanitizer (which reserves terabytes of address
space), every run is limited to 1 GiB of address space, so a case that once
reserved or took more than that fails here rather than passing by luck.

  kev-deep      a cached kev.json whose `count` is nested a million deep: assess
                warns and runs without KEV (it crashed: stack overflow)
  kev-1e400     `"count": 1e400` in the cache: a warning, not exit 3
  fetch-kev     the same two as downloads: `catalog fetch kev` refuses them
                with exit 3 (invalid download, docs/feeds.md) and a clear message
  epss-trailing a cached epss.csv.gz with bytes after its gzip stream: a warning
  epss-blank    a cached EPSS of 72 MiB of blank lines: assess runs (it reserved
                16 bytes per line, 1.1 GiB, and stopped with bad_alloc)
  diff-1e400    a register with a number beyond a double: exit 2, located
  diff-dir      a directory given to diff: exit 2
  shard-count   shards claiming 60 million and 4e9 parts: exit 2, nothing allocated per part
  shard-negative a negative reach and negative people: exit 2, naming the value; people_upper_bound as text: exit 2
  shard-duplicate the same asset in two shards: exit 2, naming both files
  mef-laughs    a MEF file with the billion-laughs entities: exit 2, refused at its DOCTYPE
  mef-deep      a MEF gate of a million nested <and>: exit 2, nested more than 200 deep
  mef-limit     a MEF file above KNELPUNT_INPUT_LIMITS=mef=1KiB: exit 2, naming the key
  mef-chain     a chain of 100,000 MEF gates: imported (exit 0; the gate graph is
                searched without recursion)
"""

import gzip
import http.server
import json
import os
import pathlib
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import zlib

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parent / "data"
MODEL = DATA / "models" / "small-town"
ONE_GIB = 1 << 30

failures = []


def sanitized(binary):
    with open(binary, "rb") as f:
        return b"__asan_init" in f.read()


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (ONE_GIB, ONE_GIB))


def run(binary, args, cwd, limit, input_limits=None):
    env = dict(os.environ, no_proxy="*", http_proxy="", https_proxy="", HTTP_PROXY="", HTTPS_PROXY="")
    env.pop("KNELPUNT_INPUT_LIMITS", None)
    if input_limits is not None:
        env["KNELPUNT_INPUT_LIMITS"] = input_limits
    return subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env,
                          preexec_fn=limit_memory if limit else None)


def expect(case, result, rc, *parts):
    problems = []
    if result.returncode != rc:
        problems.append(f"exit {result.returncode}, expected {rc}")
    for part in parts:
        if part not in result.stderr:
            problems.append(f"stderr lacks {part!r}")
    if problems:
        failures.append(f"{case}: {'; '.join(problems)}; stderr was:\n{result.stderr[-2000:]}")
    else:
        print(f"ok   {case}")


def make_cache(directory, feed, payload):
    """A copy of tests/data/feed-cache with `feed`'s payload replaced and its metadata matching."""
    shutil.copytree(DATA / "feed-cache", directory)
    name = "kev.json" if feed == "kev" else "epss.csv.gz"
    (directory / name).write_bytes(payload)
    meta_path = directory / f"{feed}.meta.json"
    meta = json.loads(meta_path.read_text())
    meta["size"] = len(payload)
    meta["crc32"] = "%08x" % (zlib.crc32(payload) & 0xFFFFFFFF)
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    return directory


class Files(http.server.BaseHTTPRequestHandler):
    payloads = {}

    def do_GET(self):
        body = self.payloads.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args):
        pass


def main():
    binary = os.path.abspath(sys.argv[1])
    limit = not sanitized(binary)
    if not limit:
        print("note: sanitizer build, runs are not limited to 1 GiB of address space")
    kev_text = (DATA / "feeds" / "kev-small.json").read_text()
    assert '"count": 5' in kev_text
    kev_deep = kev_text.replace('"count": 5', '"count": ' + "[" * 1_000_000 + "]" * 1_000_000).encode()
    kev_huge = kev_text.replace('"count": 5', '"count": 1e400').encode()
    epss_gz = (DATA / "feeds" / "epss-small.csv.gz").read_bytes()

    with tempfile.TemporaryDirectory(prefix="knelpunt-hostile-") as temp:
        temp = pathlib.Path(temp)
        out = str(temp / "register.json")

        for case, payload, message in (("kev-deep", kev_deep, "nested more than 64 deep"),
                                       ("kev-1e400", kev_huge, "number out of range: '1e400'")):
            cache = make_cache(temp / case, "kev", payload)
            result = run(binary, ["assess", str(MODEL), "--cache", str(cache), "-o", out], temp, limit)
            expect(case, result, 0, "the cached kev feed is unusable", message, "assessing without it")

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Files)
        Files.payloads = {"/deep.json": kev_deep, "/huge.json": kev_huge}
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            for path, message in (("/deep.json", "nested more than 64 deep"),
                                  ("/huge.json", "number out of range: '1e400'")):
                url = f"http://127.0.0.1:{server.server_address[1]}{path}"
                result = run(binary, ["catalog", "fetch", "kev", "--url", url, "--cache", str(temp / "fetched")],
                             temp, limit)
                expect(f"fetch-kev {path}", result, 3, "is not a valid kev feed, so the cached copy is kept", message)
        finally:
            server.shutdown()

        cache = make_cache(temp / "epss-trailing", "epss", epss_gz + b"GARBAGE")
        result = run(binary, ["assess", str(MODEL), "--cache", str(cache), "-o", out], temp, limit)
        expect("epss-trailing", result, 0, "7 bytes of trailing data after its gzip stream", "assessing without it")

        blank = b"cve,epss,percentile\n" + b"\n" * (72 << 20) + b"CVE-2024-3400,0.9,0.99\n"
        cache = make_cache(temp / "epss-blank", "epss", gzip.compress(blank, 6))
        result = run(binary, ["assess", str(MODEL), "--cache", str(cache), "-o", out], temp, limit)
        expect("epss-blank", result, 0, "epss cache in")

        register = json.loads((DATA / "registers" / "cascade.json").read_text())
        register["extra"] = 12345
        huge = temp / "huge.json"
        huge.write_text(json.dumps(register).replace("12345", "1e400"))
        result = run(binary, ["diff", str(DATA / "registers" / "cascade.json"), str(huge)], temp, limit)
        expect("diff-1e400", result, 2, "huge.json:1:", "number out of range: '1e400'")
        result = run(binary, ["diff", str(DATA / "registers" / "cascade.json"), str(temp)], temp, limit)
        expect("diff-dir", result, 2, "it is a directory")

        # The input limits can be set for a run (docs/security.md, "Input limits").
        base = str(DATA / "registers" / "base.json")
        result = run(binary, ["diff", base, base], temp, limit, input_limits="register=1KiB")
        expect("limit-lowered", result, 2, "more than the limit of 1 KiB",
               "KNELPUNT_INPUT_LIMITS=register=SIZE")
        result = run(binary, ["diff", base, base], temp, limit, input_limits="register=1MiB")
        expect("limit-lowered-enough", result, 0)
        result = run(binary, ["validate", str(MODEL)], temp, limit, input_limits="yaml=12MB")
        expect("limit-malformed", result, 2, "KNELPUNT_INPUT_LIMITS: yaml='12MB' is not a usable size")
        if limit:  # a 65 MiB model.yaml parses in seconds in Release, far longer under the sanitizers
            padded = temp / "padded-model"
            shutil.copytree(MODEL, padded)
            with open(padded / "model.yaml", "a", encoding="utf-8") as f:
                f.write("#" + "x" * (65 << 20) + "\n")
            result = run(binary, ["validate", str(padded)], temp, limit)
            expect("limit-default-yaml", result, 2, "more than the limit of 64 MiB")
            result = run(binary, ["validate", str(padded)], temp, limit, input_limits="yaml=80MiB")
            expect("limit-raised-yaml", result, 0)

        parts = []
        for index in range(2):
            part = temp / f"part-{index}.json"
            result = run(binary, ["reach", str(MODEL), "--shard", f"{index}/2", "-o", str(part)], temp, limit)
            if result.returncode != 0:
                failures.append(f"reach --shard {index}/2 failed: {result.stderr[-1000:]}")
                break
            parts.append(json.loads(part.read_text()))
        if len(parts) == 2:
            def shard(name, document):
                path = temp / name
                path.write_text(json.dumps(document))
                return str(path)

            for count in (60_000_000, 4_000_000_000):
                claimed = [shard(f"claim-{count}-{i}.json", dict(parts[i], shard=[i, count])) for i in range(2)]
                result = run(binary, ["merge", *claimed], temp, limit)
                expect(f"shard-count {count}", result, 2, f"shard 2/{count} is missing; expected all {count} parts")
            alone = shard("alone.json", dict(parts[0], shard=[0, 4_000_000_000]))
            result = run(binary, ["merge", alone, str(temp / "part-1.json")], temp, limit)
            expect("shard-count mixed", result, 2, "does not belong with")

            negative = json.loads(json.dumps(parts[1]))
            negative["assets"][0]["reach"] = -3
            result = run(binary, ["merge", str(temp / "part-0.json"), shard("negative.json", negative)], temp, limit)
            expect("shard-negative reach", result, 2, "/assets/0/reach is -3; expected a whole number")
            negative = json.loads(json.dumps(parts[1]))
            negative["assets"][0]["people"] = -0.5
            result = run(binary, ["merge", str(temp / "part-0.json"), shard("negative-people.json", negative)], temp, limit)
            expect("shard-negative people", result, 2, "/assets/0/people is -0.5; expected a number of at least 0")
            not_boolean = json.loads(json.dumps(parts[1]))
            not_boolean["assets"][0]["people_upper_bound"] = "ja"
            result = run(binary, ["merge", str(temp / "part-0.json"), shard("bound-text.json", not_boolean)], temp, limit)
            expect("shard-bound text", result, 2, "/assets/0/people_upper_bound is \"ja\"; expected true or false")

            duplicate = json.loads(json.dumps(parts[1]))
            duplicate["assets"].append(parts[0]["assets"][0])
            result = run(binary, ["merge", str(temp / "part-0.json"), shard("duplicate.json", duplicate)], temp, limit)
            expect("shard-duplicate", result, 2,
                   f"asset '{parts[0]['assets'][0]['asset']}' is listed in both {temp / 'part-0.json'} and "
                   f"{temp / 'duplicate.json'}")

        mef = temp / "mef"
        mef.mkdir()
        laughs = ('<?xml version="1.0"?>\n<!DOCTYPE opsa-mef [\n<!ENTITY a "aaaaaaaaaa">\n'
                  + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(9))
                  + ']>\n<opsa-mef><label>&j;</label></opsa-mef>\n')
        (mef / "laughs.xml").write_text(laughs)
        result = run(binary, ["import", "mef", str(mef / "laughs.xml"), "--top", "top"], temp, limit)
        expect("mef-laughs", result, 2, "laughs.xml:2: error: has a document type declaration")
        deep = ('<opsa-mef><define-fault-tree name="f"><define-gate name="top">' + "<and>" * 1_000_000
                + "</and>" * 1_000_000 + "</define-gate></define-fault-tree></opsa-mef>")
        (mef / "deep.xml").write_text(deep)
        result = run(binary, ["import", "mef", str(mef / "deep.xml"), "--top", "top"], temp, limit)
        expect("mef-deep", result, 2, "deep.xml:1:", "elements are nested more than 200 deep")
        result = run(binary, ["import", "mef", str(mef / "deep.xml"), "--top", "top"], temp, limit, "mef=1KiB")
        expect("mef-limit", result, 2, "more than the limit of 1 KiB", "KNELPUNT_INPUT_LIMITS=mef=SIZE")
        chain = ['<opsa-mef><define-fault-tree name="f">']
        chain += [f'<define-gate name="g{i}"><or><event name="g{i + 1}"/><event name="e{i}"/></or></define-gate>'
                  for i in range(100_000)]
        chain += ['<define-gate name="g100000"><event name="e0"/></define-gate>']
        chain += [f'<define-basic-event name="e{i}"><float value="0.001"/></define-basic-event>' for i in range(100_000)]
        chain += ["</define-fault-tree></opsa-mef>"]
        (mef / "chain.xml").write_text("\n".join(chain))
        result = run(binary, ["import", "mef", str(mef / "chain.xml"), "--top", "g0", "-o", str(mef / "chain.yaml")],
                     temp, limit)
        expect("mef-chain", result, 0, "100001 gates and 100000 basic events below g0")

    for failure in failures:
        print(f"FAIL {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
