#!/usr/bin/env python3
"""Huge pages for the heap (decision 041, cli/huge_page_malloc).

A run that names at least 1 MiB of input (or runs `cutsets`) executes the
program once more with glibc.malloc.hugetlb=1 added to GLIBC_TUNABLES, when
the kernel's transparent huge pages are `madvise` and the build's allocator
is glibc's (not AddressSanitizer's). A small run, KNELPUNT_HUGE_PAGES=0 and
a caller's own hugetlb tunable start once. The output is the same bytes
either way. The executions are read from strace; without strace (outside
CI, which installs it) the check exits 77: skipped, not passed.

    python3 tests/cli/huge_pages_check.py path/to/knelpunt
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DORDRECHT = os.path.join(ROOT, "examples", "dordrecht")
TUNABLE = "glibc.malloc.hugetlb=1"


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def executions(binary, args, env_changes, workdir, sanitized):
    """The successful execve calls of one run, each as (path, GLIBC_TUNABLES or None), and its stdout."""
    env = dict(os.environ)
    env.pop("GLIBC_TUNABLES", None)
    env.pop("KNELPUNT_HUGE_PAGES", None)
    if sanitized:
        # LeakSanitizer stops with a fatal error under ptrace; the other tests look for leaks.
        env["ASAN_OPTIONS"] = (env.get("ASAN_OPTIONS", "") + ":detect_leaks=0").lstrip(":")
    env.update(env_changes)
    trace = os.path.join(workdir, "trace.txt")
    run = subprocess.run(["strace", "-f", "-qq", "-v", "-s", "4096", "-e", "trace=execve", "-o", trace, binary] + args,
                         env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if run.returncode != 0:
        fail(f"knelpunt {' '.join(args)} exited {run.returncode}: {run.stderr.decode()[-2000:]}")
    calls = []
    with open(trace, encoding="utf-8", errors="replace") as lines:
        for line in lines:
            match = re.search(r'execve\("([^"]*)", \[.*?\], \[(.*)\]\) = 0', line)
            if not match:
                continue
            tunables = re.search(r'"GLIBC_TUNABLES=([^"]*)"', match.group(2))
            calls.append((match.group(1), tunables.group(1) if tunables else None))
    return calls, run.stdout


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    binary = os.path.abspath(sys.argv[1])
    if shutil.which("strace") is None:
        print("SKIP: strace is not installed (scripts/install-deps.sh installs it)")
        return 77
    ldd = subprocess.run(["ldd", binary], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    sanitized = "libasan" in ldd
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled", encoding="ascii") as setting:
            on_request = "[madvise]" in setting.read()
    except OSError:
        on_request = False
    starts_again = on_request and not sanitized
    print(f"transparent huge pages on request: {on_request}; AddressSanitizer build: {sanitized}")

    with tempfile.TemporaryDirectory() as work:
        big = os.path.join(work, "big")
        shutil.copytree(DORDRECHT, big)
        # Input the loader never reads but the count sees: 1.1 MiB beside model.yaml.
        with open(os.path.join(big, "notes.bin"), "wb") as padding:
            padding.write(b"x" * (1100 * 1024))
        deep = os.path.join(work, "deep")
        shutil.copytree(DORDRECHT, deep)
        os.makedirs(os.path.join(deep, "a", "b"))
        with open(os.path.join(deep, "a", "b", "notes.bin"), "wb") as padding:
            padding.write(b"x" * (1100 * 1024))
        in_data = os.path.join(work, "in-data")
        shutil.copytree(DORDRECHT, in_data)
        with open(os.path.join(in_data, "data", "notes.bin"), "wb") as padding:
            padding.write(b"x" * (1100 * 1024))

        def expect(args, env_changes, again, tunables=TUNABLE, what=""):
            calls, _ = executions(binary, args, env_changes, work, sanitized)
            want = 2 if again else 1
            if len(calls) != want:
                fail(f"{what}: knelpunt {' '.join(args)} started {len(calls)} times, expected {want}: {calls}")
            if again and calls[1] != ("/proc/self/exe", tunables):
                fail(f"{what}: the second start was {calls[1]}, expected /proc/self/exe with GLIBC_TUNABLES={tunables}")
            print(f"ok: {what}: {len(calls)} start(s)")

        expect(["validate", DORDRECHT, "-q"], {}, False, what="the Dordrecht example (0.1 MB)")
        expect(["--version"], {}, False, what="--version")
        expect(["validate", big, "-q"], {}, starts_again, what="a model directory of 1.2 MB")
        expect(["validate", in_data, "-q"], {}, starts_again, what="1.1 MB in the model's data/")
        expect(["validate", deep, "-q"], {}, False, what="1.1 MB two directories down (not counted)")
        expect(["validate", big, "-q"], {"KNELPUNT_HUGE_PAGES": "0"}, False, what="KNELPUNT_HUGE_PAGES=0")
        expect(["validate", big, "-q"], {"GLIBC_TUNABLES": "glibc.malloc.hugetlb=0"}, False,
               what="the caller's own hugetlb tunable")
        expect(["validate", big, "-q"], {"GLIBC_TUNABLES": "glibc.malloc.arena_max=2"}, starts_again,
               tunables="glibc.malloc.arena_max=2:" + TUNABLE, what="another tunable of the caller's, kept")
        expect(["cutsets", DORDRECHT, "--target", "asz-dordrecht", "-q"], {}, starts_again, what="cutsets")

        # The same bytes whether or not the heap has huge pages.
        _, with_huge = executions(binary, ["reach", big, "--format", "json"], {}, work, sanitized)
        _, without = executions(binary, ["reach", big, "--format", "json"], {"KNELPUNT_HUGE_PAGES": "0"}, work,
                                sanitized)
        if with_huge != without or not with_huge:
            fail("reach --format json differs with and without huge pages")
        print("ok: reach --format json is the same bytes with and without huge pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
