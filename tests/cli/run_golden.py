#!/usr/bin/env python3
"""Runs one CLI golden case: tests/cli/<command>/<case>/.

cmd           the arguments after `knelpunt`, shell-split, run in the case folder
expected.out  stdout, byte for byte (absent: stdout must be empty)
expected.rc   the exit code (absent: 0)
expected.err  lines that stderr must contain, each as a substring (optional)

Set KNELPUNT_UPDATE_GOLDEN=1 to rewrite expected.out and expected.rc.
"""
import os
import shlex
import subprocess
import sys


def main() -> int:
    binary, case = sys.argv[1], sys.argv[2]
    with open(os.path.join(case, "cmd"), encoding="utf-8") as f:
        args = shlex.split(f.read().strip())
    proc = subprocess.run([binary] + args, cwd=case, capture_output=True, timeout=300)
    out_path = os.path.join(case, "expected.out")
    rc_path = os.path.join(case, "expected.rc")
    if os.environ.get("KNELPUNT_UPDATE_GOLDEN") == "1":
        with open(out_path, "wb") as f:
            f.write(proc.stdout)
        with open(rc_path, "w", encoding="utf-8") as f:
            f.write(f"{proc.returncode}\n")
        return 0
    failures = []
    expected_rc = 0
    if os.path.exists(rc_path):
        with open(rc_path, encoding="utf-8") as f:
            expected_rc = int(f.read().strip())
    if proc.returncode != expected_rc:
        failures.append(f"exit code {proc.returncode}, expected {expected_rc}")
    expected_out = b""
    if os.path.exists(out_path):
        with open(out_path, "rb") as f:
            expected_out = f.read()
    if proc.stdout != expected_out:
        failures.append("stdout differs from expected.out:\n--- got ---\n"
                        + proc.stdout.decode("utf-8", "replace")
                        + "--- expected ---\n" + expected_out.decode("utf-8", "replace"))
    err_path = os.path.join(case, "expected.err")
    if os.path.exists(err_path):
        stderr = proc.stderr.decode("utf-8", "replace")
        with open(err_path, encoding="utf-8") as f:
            for line in f.read().splitlines():
                if line and line not in stderr:
                    failures.append(f"stderr lacks {line!r}; stderr was:\n{stderr}")
    if failures:
        print(f"FAIL {case}: " + "\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
