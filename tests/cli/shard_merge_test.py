#!/usr/bin/env python3
"""`knelpunt reach --shard I/N` then `knelpunt merge` gives, byte for byte,
what one `knelpunt reach` prints, for several N and both formats.

usage: shard_merge_test.py KNELPUNT MODEL [HORIZON]

HORIZON `-` runs without --horizon: rows of a vital process with a horizon
of its own (profile `horizons:`) count within it (decision 048), and the
shards must carry what the text's legend says of them.
"""
import os
import subprocess
import sys
import tempfile


def run(args):
    proc = subprocess.run(args, capture_output=True, timeout=600)
    if proc.returncode != 0:
        sys.exit(f"FAIL: {' '.join(args)} exited {proc.returncode}: {proc.stderr.decode()}")
    return proc.stdout


def main() -> int:
    knelpunt, model = sys.argv[1], sys.argv[2]
    horizon = sys.argv[3] if len(sys.argv) > 3 else "72h"
    horizon_args = [] if horizon == "-" else ["--horizon", horizon]
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("json", "text"):
            single = run([knelpunt, "reach", model, *horizon_args, "--format", fmt, "--threads", "1"])
            for n in (1, 2, 3, 5):
                parts = []
                for i in range(n):
                    part = os.path.join(tmp, f"part-{fmt}-{n}-{i}.json")
                    run([knelpunt, "reach", model, *horizon_args, "--shard", f"{i}/{n}", "-o", part,
                         "--threads", str(1 + i % 2)])
                    parts.append(part)
                merged = run([knelpunt, "merge", *reversed(parts), "--format", fmt])
                if merged != single:
                    print(f"FAIL: merge of {n} shards ({fmt}) differs from a single run")
                    return 1
                checked += 1
    print(f"{checked} shard/merge combinations equal a single run")
    return 0


if __name__ == "__main__":
    sys.exit(main())
