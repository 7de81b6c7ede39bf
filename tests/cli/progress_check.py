#!/usr/bin/env python3
"""The progress bars of `assess`, `reach` and `cutsets` (docs/performance.md, "Progress"):

- on a terminal, `assess` draws a bar per assessor and per loop of
  single-point ("assess: single-point: cut sets"), `reach` one bar
  ("reach ["), and `cutsets` one per step (building the cut sets, listing
  them, the probability, the importance measures); each is cleared before
  the summary line is printed;
- with -q, or when stderr is a pipe, nothing of a bar is written;
- the written register, reach report and cut sets are the same bytes either way.

(`simulate`'s bar is checked by simulate_check.py.)

usage: progress_check.py KNELPUNT
"""
import os
import pathlib
import subprocess
import sys
import tempfile

from terminal_capture import run_on_terminal

HERE = pathlib.Path(__file__).resolve().parent
MODEL = HERE.parent.parent / "examples" / "dordrecht"


def on_pipe(args):
    proc = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
    return proc.returncode, proc.stderr


def main():
    knelpunt = sys.argv[1]
    os.environ.setdefault("KNELPUNT_HOME", str(HERE.parent.parent))
    with tempfile.TemporaryDirectory() as tmp:
        cache = os.path.join(tmp, "cache")  # no feeds: the same warnings on every machine
        commands = {
            "assess": ([knelpunt, "assess", str(MODEL), "--cache", cache, "--format", "json"],
                       [b"assess: single-point [", b"assess: single-point: cut sets [",
                        b"assess: single-point: cascades [", b"assess: scenario ["]),
            "reach": ([knelpunt, "reach", str(MODEL), "--format", "json"], [b"reach ["]),
            "cutsets": ([knelpunt, "cutsets", str(MODEL), "--target", "asz-dordrecht", "--max-order", "3",
                         "--probability", "--format", "json"],
                        [b"cutsets: cut sets [", b"cutsets: listing [", b"cutsets: probability [",
                         b"cutsets: importance ["]),
        }
        for name, (args, bars) in commands.items():
            outputs = {}
            for where, runner in (("terminal", run_on_terminal), ("pipe", on_pipe)):
                for quiet in (False, True):
                    out = os.path.join(tmp, f"{name}-{where}-{quiet}.json")
                    rc, drawn = runner(args + ["-o", out] + (["-q"] if quiet else []))
                    if rc != 0:
                        sys.exit(f"FAIL: {name} on a {where} (quiet {quiet}) exited {rc}: {drawn!r}")
                    outputs[(where, quiet)] = pathlib.Path(out).read_bytes()
                    has_bar = b" ETA " in drawn
                    if where == "terminal" and not quiet:
                        missing = [bar for bar in bars if bar not in drawn]
                        if missing:
                            sys.exit(f"FAIL: {name} on a terminal drew no {missing}: {drawn!r}")
                        # Every bar's line is cleared before the next text.
                        last_bar = drawn.rfind(b" ETA ")
                        if b"\r\x1b[K" not in drawn[last_bar:]:
                            sys.exit(f"FAIL: {name}'s last bar was not cleared: {drawn[last_bar:]!r}")
                    elif has_bar:
                        sys.exit(f"FAIL: {name} drew a bar on a {where} with quiet {quiet}: {drawn!r}")
            if len(set(outputs.values())) != 1:
                sys.exit(f"FAIL: {name} wrote different bytes on a terminal, a pipe or with -q")
            print(f"{name}: a bar on a terminal only, not with -q; the same output bytes in all four runs")


if __name__ == "__main__":
    main()
