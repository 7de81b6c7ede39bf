#!/usr/bin/env python3
"""`import mef` on SCRAM's own MEF inputs (docs/fault-tree-import.md, decision 033).

Usage: python3 mef_import_scram_inputs_check.py PATH_TO_KNELPUNT

Debian's `scram` package ships MEF inputs in /usr/share/scram/input. They are
GPL files of another project, so they are read where they are installed and
never copied into this repository; without them the check is skipped (exit
77, which CTest reports as skipped) with a message saying how to get them.

  Chinese   chinese.xml + chinese-basic-events.xml, top r1: 392 minimal cut
            sets (2: 12, 4: 24, 5: 188, 6: 168), exact P = 0.0045691 (SCRAM's
            published figures, to their 5 digits); the imported model equals
            tests/data/fault-trees/chinese.yaml (the benchmarks' conversion)
            asset by asset
  Baobab1   baobab1.xml + baobab1-basic-events.xml, top r1, order ≤ 4: 72
            sets (2: 1, 3: 1, 4: 70)
  Theatre   theatre.xml (mixed-case names), top Theatre: 2 sets, P = 0.00207
  refused   TwoTrain/common_cause.xml (a CCF group), CEA9601.xml (NOT gates),
            EventTrees/attack.xml (an event tree): exit 2, the construct named
            at its file:line, nothing written
"""

import json
import os
import pathlib
import subprocess
import sys
import tempfile

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
INPUTS = pathlib.Path("/usr/share/scram/input")
SKIP = 77


def run(command, expect=0):
    proc = subprocess.run([str(c) for c in command], capture_output=True, text=True)
    if proc.returncode != expect:
        sys.exit(f"{' '.join(map(str, command))}: exit {proc.returncode}, expected {expect}\n{proc.stderr}")
    return proc


def cut_sets(binary, model, target, max_order):
    out = json.loads(run([binary, "cutsets", model, "--target", target, "--horizon", "inf", "--max-order",
                          str(max_order), "--probability", "--format", "json", "-q"]).stdout)
    return out["by_order"], len(out["cutsets"]), out["probability"]["value"]


def shape(model_file):
    """id → (virtual, p, the groups as a sorted list of (sorted suppliers, need))."""
    assets = yaml.safe_load(pathlib.Path(model_file).read_text(encoding="utf-8"))["assets"]
    return {a["id"]: (a.get("virtual", False), a.get("p"),
                      sorted((sorted(g["from"]), g.get("need", 1)) for g in a.get("depends_on", [])))
            for a in assets}


def expect_close(label, value, published):
    """Published figures have 5 significant digits: within half a unit of the 5th."""
    if abs(value - published) > 0.5e-4 * abs(published):
        sys.exit(f"{label}: P = {value!r}; expected {published} (to its 5 significant digits)")


def main() -> int:
    binary = pathlib.Path(sys.argv[1])
    if not INPUTS.is_dir():
        print(f"skipped: {INPUTS} is absent (SCRAM's inputs come with Debian's scram package: "
              "apt-get install scram, as scripts/install-deps.sh does)")
        return SKIP
    with tempfile.TemporaryDirectory(prefix="knelpunt-mef-scram-inputs-") as temp:
        work = pathlib.Path(temp)

        chinese = work / "chinese.yaml"
        run([binary, "import", "mef", INPUTS / "Chinese" / "chinese.xml", INPUTS / "Chinese" / "chinese-basic-events.xml",
             "--top", "r1", "-o", chinese, "-q"])
        by_order, count, p = cut_sets(binary, chinese, "r1", 0)
        if count != 392 or by_order != {"2": 12, "4": 24, "5": 188, "6": 168}:
            sys.exit(f"chinese: {count} cut sets by order {by_order}; expected 392 (2: 12, 4: 24, 5: 188, 6: 168)")
        expect_close("chinese", p, 0.0045691)
        if shape(chinese) != shape(ROOT / "tests" / "data" / "fault-trees" / "chinese.yaml"):
            sys.exit("chinese: the imported model differs from tests/data/fault-trees/chinese.yaml")
        print(f"chinese: 392 cut sets, P = {p:.6g}, the same model as tests/data/fault-trees/chinese.yaml")

        baobab = work / "baobab1.yaml"
        run([binary, "import", "mef", INPUTS / "Baobab" / "baobab1.xml", INPUTS / "Baobab" / "baobab1-basic-events.xml",
             "--top", "r1", "-o", baobab, "-q"])
        by_order, count, p = cut_sets(binary, baobab, "r1", 4)
        if count != 72 or by_order != {"2": 1, "3": 1, "4": 70}:
            sys.exit(f"baobab1: {count} cut sets up to order 4 by order {by_order}; expected 72 (2: 1, 3: 1, 4: 70)")
        print(f"baobab1: 72 cut sets up to order 4, P = {p:.6g}")

        theatre = work / "theatre.yaml"
        run([binary, "import", "mef", INPUTS / "Theatre" / "theatre.xml", "--top", "Theatre", "-o", theatre, "-q"])
        _, count, p = cut_sets(binary, theatre, "theatre", 0)
        if count != 2:
            sys.exit(f"theatre: {count} cut sets; expected 2")
        expect_close("theatre", p, 0.00207)
        print(f"theatre: 2 cut sets, P = {p:.6g}")

        refused = [
            (INPUTS / "TwoTrain" / "common_cause.xml", "TrainOne", "common_cause.xml:26:", "<define-CCF-group>"),
            (INPUTS / "CEA9601" / "CEA9601.xml", "TOP", "CEA9601.xml:326:", "<not>"),
            (INPUTS / "EventTrees" / "attack.xml", "x", "attack.xml:", "<define-event-tree>"),
        ]
        for path, top, where, construct in refused:
            if not path.exists():
                continue
            out = work / "refused.yaml"
            proc = run([binary, "import", "mef", path, "--top", top, "-o", out], expect=2)
            if where not in proc.stderr or f"{construct} is not supported" not in proc.stderr:
                sys.exit(f"{path.name}: expected '{where}… {construct} is not supported' on stderr; got:\n{proc.stderr}")
            if out.exists():
                sys.exit(f"{path.name}: refused, but {out} was written")
            print(f"{path.name}: refused at {where} ({construct})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
