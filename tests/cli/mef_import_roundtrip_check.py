#!/usr/bin/env python3
"""`import mef` round trip: export → import gives the same cut sets and probability
(docs/fault-tree-import.md, decision 033).

Usage: python3 mef_import_roundtrip_check.py PATH_TO_KNELPUNT

For each converted benchmark tree in tests/data/fault-trees/ and its top
event (the published benchmarks' top events, listed below):

  1. knelpunt export TREE.yaml --target TOP --horizon inf --format mef
  2. knelpunt import mef tree.xml --top <the export's top gate> -o imported.yaml
  3. knelpunt validate imported.yaml (no error, no warning)
  4. knelpunt cutsets … --probability --format json on the original (TOP) and
     on the imported model (its top gate): the same minimal cut sets (the
     basic events keep their ids) and the same probability, relative 1e-9.

Also examples/teaching/cycle with target mast (a dependency cycle, so the
export is in its BDD form; a non-virtual target, so the imported top's cut
sets are the original's plus {mast}, and the probability is the same).

baobab1 is compared up to order 4 (72 sets; all 46188 would take most of
the time); under the sanitizers (the binary holds __asan_init) also
baobab2 and 200-event up to order 4, so the check stays short there.
Writes only below one temporary directory, removed at the end.
"""

import json
import pathlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parents[2]
TREES = ROOT / "tests" / "data" / "fault-trees"
RELATIVE_TOLERANCE = 1e-9

# model, top event, max order (0 = all), and the published number of sets
# when the whole list is compared (README of the benchmarks).
CASES = [
    ("cycle", "mast", 0, None),
    ("two-train", "topevent", 0, 4),
    ("theatre", "theatre", 0, 2),
    ("lift", "liftdoor", 0, 12),
    ("hipps", "top", 0, 9),
    ("ne574", "system", 0, 7),
    ("200-event", "topevent", 15, 287),
    ("chinese", "r1", 0, 392),
    ("baobab1", "r1", 4, 72),
    ("baobab2", "r1", 0, 4805),
]


def run(command, expect=0):
    proc = subprocess.run([str(c) for c in command], capture_output=True, text=True)
    if proc.returncode != expect:
        sys.exit(f"{' '.join(map(str, command))}: exit {proc.returncode}, expected {expect}\n{proc.stderr}")
    return proc


def cut_sets(binary, model, target, max_order):
    out = json.loads(run([binary, "cutsets", model, "--target", target, "--horizon", "inf", "--max-order",
                          str(max_order), "--probability", "--format", "json", "-q"]).stdout)
    return {frozenset(s) for s in out["cutsets"]}, out["probability"]["value"]


def main() -> int:
    binary = pathlib.Path(sys.argv[1])
    sanitized = b"__asan_init" in binary.read_bytes()
    with tempfile.TemporaryDirectory(prefix="knelpunt-mef-import-") as temp:
        work = pathlib.Path(temp)
        for name, top, max_order, published in CASES:
            if sanitized and name in ("baobab2", "200-event"):
                max_order, published = 4, None
            model = ROOT / "examples" / "teaching" / "cycle" if name == "cycle" else TREES / f"{name}.yaml"
            tree = work / f"{name}.xml"
            imported = work / f"{name}.yaml"
            run([binary, "export", model, "--target", top, "--horizon", "inf", "--format", "mef", "-o", tree, "-q"])
            top_gate = ET.parse(tree).getroot().find("./define-fault-tree/define-gate").get("name")
            run([binary, "import", "mef", tree, "--top", top_gate, "-o", imported, "-q"])
            validated = run([binary, "validate", imported])
            if "warning" in validated.stderr or "error" in validated.stderr:
                sys.exit(f"{name}: validate of the imported model is not clean:\n{validated.stderr}")
            imported_top = top_gate.lower().replace("_", "-")
            expected_sets, expected_p = cut_sets(binary, model, top, max_order)
            if name == "cycle":
                # The export's top is the target's own failure or its cut sets.
                expected_sets.add(frozenset([top]))
                if "bdd form" not in tree.read_text(encoding="utf-8"):
                    sys.exit("cycle: expected the export in its BDD form (a dependency cycle)")
            sets, p = cut_sets(binary, imported, imported_top, max_order)
            if published is not None and len(expected_sets) != published:
                sys.exit(f"{name}: the original gives {len(expected_sets)} cut sets; expected {published}")
            if sets != expected_sets:
                only_imported = sorted(sorted(s) for s in sets - expected_sets)[:5]
                only_original = sorted(sorted(s) for s in expected_sets - sets)[:5]
                sys.exit(f"{name}: cut sets differ; imported only {only_imported}, original only {only_original}")
            if abs(p - expected_p) > RELATIVE_TOLERANCE * abs(expected_p):
                sys.exit(f"{name}: probability {p!r} after the round trip, {expected_p!r} before; "
                         f"expected a relative difference ≤ {RELATIVE_TOLERANCE}")
            print(f"{name}: {len(sets)} cut sets (max order {max_order or 'none'}), P = {p:.6g}, same after "
                  f"export → import")
    return 0


if __name__ == "__main__":
    sys.exit(main())
