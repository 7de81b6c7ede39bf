#!/usr/bin/env python3
"""Property: a variant followed by its inverse gives back the same register.

Usage: python3 variant_inverse_check.py PATH_TO_KNELPUNT

Generates random measure files (docs/measures.md) for examples/dordrecht,
seeded: each variant is a few random changes followed by their inverses in
reverse order. `knelpunt assess --measures FILE --variant V` must then write
the very bytes of the register of the unchanged model (JSON, which holds
every field). The changes and their inverses:

  add_supplier S to a group          remove_supplier S
  remove the last supplier of a      add_supplier it back (appended, so the
    group that has more than need      supplier order is the same)
  set a group's time_to_impact       set it back
  set an asset's p, population,      set it back
    recovery or restart
  add_controls not yet present       remove_controls
  set_cyber internet_exposed         set_cyber it back
  add_assets (a new asset needing    remove_assets
    an existing one)

So that the check can fail, some variants are also run with their forward
changes only, and at least one of those must change the register.

Every run reads the fixed feed cache tests/data/feed-cache and writes only
below one temporary directory, removed at the end.
"""

import pathlib
import random
import subprocess
import sys
import tempfile

import yaml

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DORDRECHT = ROOT / "examples" / "dordrecht"
CACHE = ROOT / "tests" / "data" / "feed-cache"
SEED = 20261123
ROUND_TRIPS = 10
CONTROLS = ["mfa", "segmentation", "backup-offline", "patching", "vendor-access", "iec62443.fr5"]


def load_assets():
    """The YAML assets of the example (the CSV inventory is left alone), by id."""
    assets = {}
    for path in sorted(DORDRECHT.glob("*.yaml")):
        if path.name == "measures.yaml":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for asset in data.get("assets", []) or []:
            assets[asset["id"]] = asset
    return assets


def hours_text(value):
    """A model duration as the measure file writes it (YAML may have parsed 0 as an int)."""
    return value if isinstance(value, str) else f"{value}h"


class Generator:
    def __init__(self, assets, rng):
        self.assets = assets
        self.rng = rng
        self.ids = sorted(assets)
        self.fresh = 0

    def unique_groups(self, asset):
        groups = asset.get("depends_on", []) or []
        kinds = [g.get("kind", "") for g in groups]
        return [g for g in groups if g.get("kind") and kinds.count(g["kind"]) == 1]

    def pair(self):
        """One random change and its inverse, or None when the draw does not apply."""
        rng = self.rng
        asset_id = rng.choice(self.ids)
        asset = self.assets[asset_id]
        op = rng.choice(["add_supplier", "remove_last", "time_to_impact", "p", "population", "recovery",
                         "restart", "controls", "internet_exposed", "add_asset"])
        groups = self.unique_groups(asset)
        if op == "add_supplier" and groups:
            group = rng.choice(groups)
            candidates = [i for i in self.ids if i != asset_id and i not in group["from"]]
            supplier = rng.choice(candidates)
            args = {"asset": asset_id, "kind": group["kind"], "supplier": supplier}
            return {"add_supplier": args}, {"remove_supplier": dict(args)}
        if op == "remove_last" and groups:
            group = rng.choice(groups)
            if len(group["from"]) > group.get("need", 1):
                args = {"asset": asset_id, "kind": group["kind"], "supplier": group["from"][-1]}
                return {"remove_supplier": args}, {"add_supplier": dict(args)}
        if op == "time_to_impact" and groups:
            group = rng.choice(groups)
            before = hours_text(group.get("time_to_impact", "0h"))
            after = rng.choice(["0h", "30m", "3h", "12h", "2d"])
            return ({"set": {"asset": asset_id, "kind": group["kind"], "time_to_impact": after}},
                    {"set": {"asset": asset_id, "kind": group["kind"], "time_to_impact": before}})
        if op == "p" and "p" in asset:
            return ({"set": {"asset": asset_id, "p": rng.choice([0.001, 0.05, 0.3, 0.9])}},
                    {"set": {"asset": asset_id, "p": asset["p"]}})
        if op == "population" and "population" in (asset.get("serves") or {}):
            return ({"set": {"asset": asset_id, "population": rng.choice([0, 1500, 250000])}},
                    {"set": {"asset": asset_id, "population": asset["serves"]["population"]}})
        if op == "recovery" and "recovery" in asset:
            return ({"set": {"asset": asset_id, "recovery": rng.choice(["30m", "4h", "3d"])}},
                    {"set": {"asset": asset_id, "recovery": hours_text(asset["recovery"])}})
        if op == "restart" and "restart" in asset:
            return ({"set": {"asset": asset_id, "restart": rng.choice(["0", "15m", "6h"])}},
                    {"set": {"asset": asset_id, "restart": hours_text(asset["restart"])}})
        cyber = asset.get("cyber")
        if op == "controls" and isinstance(cyber, dict) and "controls" in cyber:
            missing = [c for c in CONTROLS if c not in cyber["controls"]]
            if missing:
                chosen = sorted(rng.sample(missing, rng.randint(1, len(missing))))
                return ({"add_controls": {"asset": asset_id, "controls": chosen}},
                        {"remove_controls": {"asset": asset_id, "controls": chosen}})
        if op == "internet_exposed" and isinstance(cyber, dict):
            before = bool(cyber.get("internet_exposed", False))
            return ({"set_cyber": {"asset": asset_id, "internet_exposed": not before}},
                    {"set_cyber": {"asset": asset_id, "internet_exposed": before}})
        if op == "add_asset":
            self.fresh += 1
            new_id = f"inverse-check-{self.fresh}"
            new_asset = {"id": new_id, "serves": {"population": 40000},
                         "depends_on": [{"kind": "power", "from": [asset_id], "time_to_impact": "2h"}]}
            return {"add_assets": [new_asset]}, {"remove_assets": [new_id]}
        return None

    def variant(self):
        forward, inverse = [], []
        target = self.rng.randint(1, 4)
        while len(forward) < target:
            drawn = self.pair()
            if drawn:
                forward.append(drawn[0])
                inverse.append(drawn[1])
        return forward, list(reversed(inverse))


def assess(binary, *args):
    completed = subprocess.run([binary, "assess", str(DORDRECHT), "--cache", str(CACHE), "--format", "json",
                                "--threads", "2", "-q", *args], capture_output=True, timeout=240)
    return completed.returncode, completed.stdout, completed.stderr.decode("utf-8", "replace")


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"first difference at byte {i}: {a[max(0, i - 80):i + 80]!r} vs {b[max(0, i - 80):i + 80]!r}"
    return f"lengths {len(a)} and {len(b)}"


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    binary = sys.argv[1]
    rng = random.Random(SEED)
    generator = Generator(load_assets(), rng)
    variants = []
    for index in range(ROUND_TRIPS):
        forward, inverse = generator.variant()
        variants.append({"id": f"round-trip-{index}", "changes": forward + inverse})
        if index < 3:
            variants.append({"id": f"forward-{index}", "changes": forward})
    failures = []
    rc, base, err = assess(binary)
    if rc != 0:
        print(f"FAIL the base register: exit {rc}\n{err}")
        return 1
    with tempfile.TemporaryDirectory(prefix="knelpunt-inverse-") as tmp:
        measures = pathlib.Path(tmp) / "measures.yaml"
        measures.write_text(yaml.safe_dump({"measures": 1, "variants": variants}, sort_keys=False), encoding="utf-8")
        forward_changed = 0
        for variant in variants:
            name = variant["id"]
            rc, out, err = assess(binary, "--measures", str(measures), "--variant", name)
            if rc != 0:
                failures.append(name)
                print(f"FAIL {name}: exit {rc}\n{err}\n{yaml.safe_dump(variant['changes'])}")
                continue
            if name.startswith("forward-"):
                forward_changed += out != base
                print(f"ok   {name}: the forward changes alone {'change' if out != base else 'keep'} the register")
            elif out == base:
                print(f"ok   {name}: {len(variant['changes'])} changes, same register bytes")
            else:
                failures.append(name)
                print(f"FAIL {name}: the register differs; {first_difference(out, base)}\n"
                      f"{yaml.safe_dump(variant['changes'])}")
        if forward_changed == 0:
            failures.append("forward")
            print("FAIL no forward-only variant changed the register: the round trips prove nothing")
    if failures:
        print(f"{len(failures)} failed: {', '.join(failures)}")
        return 1
    print("all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
