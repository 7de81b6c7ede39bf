#!/usr/bin/env python3
"""Output files and the command line, provoked one rule at a time
(docs/security.md, Output files and Command line).

Usage: python3 output_safety_check.py PATH_TO_KNELPUNT

Works on a copy of tests/data/models/small-town in one temporary directory,
removed at the end; reads the fixed feed cache tests/data/feed-cache.

  temp-name   a symbolic link (to a victim) and a FIFO planted under the old
              predictable temporary names `.~NAME.PID` are not followed, not
              opened, and the run does not hang
  targets     -o onto a FIFO, a symbolic link to /dev/null, a directory:
              exit 2, the target left as it was, no temporary file left
  inputs      -o onto model.yaml, an include, a CSV table, the tracking file
              (default and --tracking), the profile, the measure file; diff
              and merge onto one of their inputs; --knelpunten-csv and -o the
              same file: exit 2, every file unchanged byte for byte
  mode        an existing 0600 register stays 0600; a new one is 0666 - umask
  failed      a target in a missing directory: exit 2, nothing created
  seed        --seed-tracking never replaces a tracking file (existing, or
              made by a concurrent run: of two runs exactly one creates it)
  model-arg   an empty MODEL argument is refused by every command (exit 2)
  ranges      integer options outside their range: exit 2, the range named
  threads     --threads 400 under a 4 GiB address-space limit ends cleanly
              (0, or 3 with a message), never by a signal
"""

import os
import pathlib
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
SMALL_TOWN = ROOT / "tests" / "data" / "models" / "small-town"
CACHE = ROOT / "tests" / "data" / "feed-cache"
MEASURES = """measures: 1
variants:
  - id: niets
    title: Niets
"""

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


def run(binary, *args, timeout=60, preexec=None):
    try:
        return subprocess.run([binary, *map(str, args)], capture_output=True, text=True, timeout=timeout,
                              preexec_fn=preexec)
    except subprocess.TimeoutExpired:
        failures.append(f"knelpunt {' '.join(map(str, args))}: hung (over {timeout} s)")
        return None


def expect(binary, rc, *args, err=None, **kwargs):
    proc = run(binary, *args, **kwargs)
    if proc is None:
        return None
    what = f"knelpunt {' '.join(map(str, args))}"
    check(proc.returncode == rc, f"{what}: exit {proc.returncode}, expected {rc}\n{proc.stderr}")
    if err is not None:
        check(err in proc.stderr, f"{what}: stderr lacks {err!r}:\n{proc.stderr}")
    return proc


def leftovers(directory):
    return sorted(p.name for p in pathlib.Path(directory).iterdir() if p.name.startswith(".~"))


def snapshot(paths):
    return {p: p.read_bytes() for p in paths}


def temp_names(binary, work, model):
    """The old predictable temporary name, planted before exec in a child whose pid is known."""
    victim = work / "victim"
    victim.write_text("precious\n")
    out = work / "reg.json"
    fifo_out = work / "reg2.json"
    for target, plant in ((out, lambda p: os.symlink(victim, p)), (fifo_out, lambda p: os.mkfifo(p))):
        pid = os.fork()
        if pid == 0:
            try:
                plant(work / f".~{target.name}.{os.getpid()}")
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
                os.execv(binary, [binary, "reach", str(model), "--format", "json", "-o", str(target)])
            finally:
                os._exit(99)
        status = None
        for _ in range(600):  # up to 60 s: a FIFO opened for writing would block for ever
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            import time
            time.sleep(0.1)
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            failures.append(f"temp-name: reach -o {target.name} hung with a planted FIFO/symlink")
            continue
        check(os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0,
              f"temp-name: reach -o {target.name} ended with status {status}")
        check(target.is_file() and target.read_text().startswith("{"), f"temp-name: {target.name} not written")
        planted = work / f".~{target.name}.{pid}"
        if not os.path.lexists(planted):
            failures.append(f"temp-name: the planted {planted.name} was replaced")
            continue
        check(planted.is_symlink() or stat.S_ISFIFO(planted.lstat().st_mode),
              f"temp-name: the planted {planted.name} was replaced")
        planted.unlink()
    check(victim.read_text() == "precious\n", "temp-name: the symlink's victim was overwritten")


def targets(binary, work, model):
    fifo = work / "out.fifo"
    os.mkfifo(fifo)
    expect(binary, 2, "reach", model, "-o", fifo, err="a FIFO", timeout=30)
    check(stat.S_ISFIFO(fifo.lstat().st_mode), "targets: the FIFO was replaced")
    null_link = work / "null-link"
    os.symlink("/dev/null", null_link)
    expect(binary, 2, "reach", model, "-o", null_link, err="symbolic link")
    check(null_link.is_symlink() and os.readlink(null_link) == "/dev/null", "targets: the link to /dev/null was replaced")
    fd_link = work / "stdout-link"
    os.symlink("/proc/self/fd/1", fd_link)
    expect(binary, 2, "graph", model, "-o", fd_link, err="symbolic link")
    check(fd_link.is_symlink(), "targets: the link to /proc/self/fd/1 was replaced")
    directory = work / "a-directory"
    directory.mkdir()
    expect(binary, 2, "reach", model, "-o", directory, err="a directory")
    check(directory.is_dir() and not any(directory.iterdir()), "targets: the directory was touched")
    check(leftovers(work) == [], f"targets: temporary files left: {leftovers(work)}")


def inputs(binary, work, model):
    tracking = model / "tracking.yaml"
    tracking.write_text("tracking: 1\nrisks: {}\n")
    other_tracking = work / "elsewhere-tracking.yaml"
    other_tracking.write_text("tracking: 1\nrisks: {}\n")
    profile = work / "profile.yaml"
    shutil.copy(ROOT / "profiles" / "default.yaml", profile)
    measures = work / "measures.yaml"
    measures.write_text(MEASURES)
    protected = [model / "model.yaml", model / "zorg.yaml", model / "data" / "assets.csv", tracking, other_tracking,
                 profile, measures]
    before = snapshot(protected)
    assess = ["assess", model, "--cache", CACHE, "-q"]
    expect(binary, 2, *assess, "--format", "md", "-o", model / "model.yaml", err="an input of this run")
    expect(binary, 2, *assess, "--format", "md", "-o", model / "zorg.yaml", err="an input of this run")
    expect(binary, 2, *assess, "--format", "csv", "-o", model / "data" / "assets.csv", err="an input of this run")
    expect(binary, 2, *assess, "--knelpunten-csv", model / "data" / "assets.csv", err="an input of this run")
    expect(binary, 2, *assess, "--format", "md", "-o", tracking, err="an input of this run")
    expect(binary, 2, *assess, "--tracking", other_tracking, "--format", "md", "-o", other_tracking,
           err="an input of this run")
    expect(binary, 2, *assess, "-p", profile, "--format", "md", "-o", profile, err="an input of this run")
    expect(binary, 2, *assess, "--measures", measures, "--variant", "niets", "--format", "md", "-o", measures,
           err="an input of this run")
    expect(binary, 2, "compare", model, "--measures", measures, "--cache", CACHE, "-q", "-o", measures,
           err="an input of this run")
    expect(binary, 2, "whatif", model, "--measures", measures, "--variant", "niets", "--fail", "hs-noord", "-o",
           measures, err="an input of this run")
    # Another name for the same file: a symbolic link is refused as a link,
    # a path through .. as the input it is.
    expect(binary, 2, "reach", model, "-o", model / "data" / ".." / "model.yaml", err="an input of this run")
    expect(binary, 2, "graph", model, "-o", model / "data" / "dependencies.csv", err="an input of this run")
    # The same output twice in one run: the second would replace the first.
    # Caught before the run (before, only at the second write, after the
    # first had written the file), also when spelt otherwise.
    both = work / "both.csv"
    expect(binary, 2, *assess, "--knelpunten-csv", both, "--format", "csv", "-o", both,
           err="-o and --knelpunten-csv both name")
    check(not both.exists(), "outputs: -o and --knelpunten-csv on one file still wrote it")
    expect(binary, 2, *assess, "--knelpunten-csv", both, "--format", "csv", "-o", work / "." / "both.csv",
           err="both name")
    check(not both.exists(), "outputs: the same file spelt otherwise was still written")
    # Outputs are checked before the run computes anything: a refused -o
    # leaves no other output behind (before, the CSV of every asset and a
    # seeded tracking file were written first).
    early = work / "early.csv"
    seeded = work / "seeded-tracking.yaml"
    expect(binary, 2, *assess, "--knelpunten-csv", early, "--tracking", seeded, "--seed-tracking", "--format", "md",
           "-o", work / "no-such-directory" / "register.md", err="does not exist")
    check(not early.exists(), "inputs: a refused -o still wrote --knelpunten-csv")
    check(not seeded.exists(), "inputs: a refused -o still seeded a tracking file")
    # diff and merge check -o before they read: a refused -o is reported
    # even when the inputs are broken (before, the input's error came first).
    broken = work / "broken.json"
    broken.write_text("{", encoding="utf-8")
    for command in (["diff", broken, broken], ["merge", broken]):
        expect(binary, 2, *command, "-o", work / "no-such-directory" / "out.json", err="does not exist")
    # So do tracking import (before, only at its write, after reading the
    # workbook) and import mef.
    broken_workbook = work / "broken.xlsx"
    broken_workbook.write_bytes(b"PK not a workbook")
    expect(binary, 2, "tracking", "import", broken_workbook, "-o", work / "no-such-directory" / "tracking.yaml",
           err="does not exist")
    broken_mef = work / "broken.xml"
    broken_mef.write_text("<opsa-mef>", encoding="utf-8")
    expect(binary, 2, "import", "mef", broken_mef, "--top", "t", "-o", work / "no-such-directory" / "t.yaml",
           err="does not exist")
    # diff and merge: their inputs are the registers and the shards.
    old = work / "old.json"
    expect(binary, 0, *assess, "--format", "json", "-o", old)
    old_bytes = old.read_bytes()
    expect(binary, 2, "diff", old, old, "-o", old, err="an input of this run")
    check(old.read_bytes() == old_bytes, "inputs: diff replaced its input")
    parts = [work / f"part-{i}.json" for i in range(2)]
    for i, part in enumerate(parts):
        expect(binary, 0, "reach", model, "--shard", f"{i}/2", "-o", part)
    part_bytes = parts[0].read_bytes()
    expect(binary, 2, "merge", *parts, "-o", parts[0], err="an input of this run")
    check(parts[0].read_bytes() == part_bytes, "inputs: merge replaced a shard")
    after = snapshot(protected)
    for path in protected:
        check(before[path] == after[path], f"inputs: {path.name} changed")
    check(leftovers(model) == [] and leftovers(work) == [], "inputs: temporary files left")
    tracking.unlink()


def modes(binary, work, model):
    register = work / "private.md"
    expect(binary, 0, "reach", model, "-o", register)
    umask = os.umask(0o022)
    os.umask(umask)
    check(stat.S_IMODE(register.stat().st_mode) == 0o666 & ~umask,
          f"mode: a new output is {oct(stat.S_IMODE(register.stat().st_mode))}, expected {oct(0o666 & ~umask)}")
    register.chmod(0o600)
    expect(binary, 0, "reach", model, "--top", "3", "-o", register)
    check(stat.S_IMODE(register.stat().st_mode) == 0o600,
          f"mode: a 0600 output came back {oct(stat.S_IMODE(register.stat().st_mode))}")


def failed_writes(binary, work, model):
    expect(binary, 2, "reach", model, "-o", work / "no-such-dir" / "reach.txt", err="does not exist")
    check(not (work / "no-such-dir").exists(), "failed: a missing directory was created")
    check(leftovers(work) == [], "failed: temporary files left")


def seed(binary, work, model):
    tracking = model / "tracking.yaml"
    tracking.write_text("tracking: 1\nrisks: {}\n")
    before = tracking.read_bytes()
    expect(binary, 2, "assess", model, "--cache", CACHE, "-q", "--seed-tracking", err="exists")
    check(tracking.read_bytes() == before, "seed: an existing tracking file was replaced")
    tracking.unlink()
    # Two runs seed the same new file at once: exactly one creates it.
    target = work / "seeded" / "tracking.yaml"
    target.parent.mkdir()
    args = [binary, "assess", str(model), "--cache", str(CACHE), "-q", "--seed-tracking", "--tracking", str(target)]
    for _ in range(2):
        procs = [subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        codes = sorted(p.wait(timeout=60) for p in procs)
        for p in procs:
            p.stderr.close()
        check(codes == [0, 2], f"seed: two concurrent --seed-tracking runs exited {codes}, expected one 0 and one 2")
        check("\ntracking: 1\n" in target.read_text(), "seed: the seeded file is not a tracking file")
        check(leftovers(target.parent) == [], "seed: temporary files left")
        target.unlink()


def model_argument(binary):
    for args in (["assess", ""], ["validate", ""], ["reach", ""], ["graph", ""], ["whatif", "", "--fail", "x"],
                 ["cutsets", "", "--target", "x"], ["export", "", "--target", "x"], ["compare", "", "--measures", "m.yaml"],
                 ["catalog", "list", "--model", ""]):
        expect(binary, 2, *args, err="the model path is empty")


def ranges(binary, model):
    for args, allowed in ((["reach", model, "--top", "99999999999999999999999"], "not in range 1 to 1000000000"),
                          (["reach", model, "--top", "0"], "not in range 1 to 1000000000"),
                          (["merge", "p.json", "--top", "-1"], "not in range 1 to 1000000000"),
                          (["reach", model, "--threads", "0"], "not in range 1 to 1024"),
                          (["assess", model, "--threads", "5000"], "not in range 1 to 1024"),
                          (["assess", model, "--threads", "99999999999999999999"], "not in range 1 to 1024"),
                          (["compare", model, "--threads", "-1"], "not in range 1 to 1024"),
                          (["graph", model, "--focus", "hs-noord", "--depth", "-2"], "not in range 0 to 1000000000"),
                          (["graph", model, "--depth", "99999999999"], "not in range 0 to 1000000000"),
                          (["cutsets", model, "--target", "hs-noord", "--max-order", "4294967296"], "not in range 0 to 1000000")):
        expect(binary, 2, *args, err=allowed)


def threads(binary):
    limit = 4 << 30

    def limited():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    probe = run(binary, "--version", preexec=limited)
    if probe is None or probe.returncode != 0:
        print("threads: skipped, the binary does not start under a 4 GiB address-space limit (a sanitizer build)")
        return
    # The shipped example: enough assets for 400 threads to be asked for.
    proc = run(binary, "assess", ROOT / "examples" / "dordrecht", "--cache", CACHE, "-q", "--threads", "400",
               preexec=limited, timeout=120)
    if proc is None:
        return
    check(proc.returncode in (0, 3), f"threads: --threads 400 under 4 GiB exited {proc.returncode}\n{proc.stderr}")
    check("terminate" not in proc.stderr, f"threads: std::terminate: {proc.stderr}")
    if proc.returncode == 3:
        check("thread" in proc.stderr, f"threads: exit 3 without saying why: {proc.stderr}")


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="knelpunt-output-safety-") as scratch:
        work = pathlib.Path(scratch)
        model = work / "model"
        shutil.copytree(SMALL_TOWN, model)
        for section in (lambda: temp_names(binary, work, model), lambda: targets(binary, work, model),
                        lambda: inputs(binary, work, model), lambda: modes(binary, work, model),
                        lambda: failed_writes(binary, work, model), lambda: seed(binary, work, model),
                        lambda: model_argument(binary), lambda: ranges(binary, model), lambda: threads(binary)):
            try:
                section()
            except (OSError, subprocess.SubprocessError) as error:
                failures.append(f"{error!r}")
    if failures:
        print("\n".join(failures))
        return 1
    print("output safety: all rules hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
