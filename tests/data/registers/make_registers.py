#!/usr/bin/env python3
"""Writes the register pairs that tests/cli/diff/ compares.

Usage: python3 make_registers.py PATH_TO_KNELPUNT [NAME ...]

With names, only those registers are written (the others stay as written).

model/ is Diffdorp, a four-asset town. Each register is `knelpunt assess
--format json` of model/ or of a copy with one edit (below), read with the
fixed feed cache tests/data/feed-cache. The registers are kept as written,
so that `knelpunt diff` keeps reading registers of an earlier release; run
this only when the register format itself changes, then regenerate the diff
goldens (KNELPUNT_UPDATE_GOLDEN=1 ctest -R 'cli:diff/') and check them.

  base.json              model/ as it is
  unrelated-edit.json    the authority and hs-noord's operator renamed: other bytes, no risk changes
  added.json             a new substation with a pumping station of its own: risks added
                         (and, read the other way round, resolved)
  populations-up.json    ss-dorp and pomp serve many more people: impact and level up
  scada-hardened.json    the SCADA loses its vendor VPN and gains controls: likelihood and level down
  renamed-tracked.json   the SCADA renamed (titles change) and tracking-renamed.yaml applied
                         (status and owner change)
  hardened-and-added.json  a measure that hardens the SCADA (its risks go down) and brings the
                         new substation and pumping station of added.json (new open risks):
                         what `diff --fail-on-new` must still catch. Written later than the
                         others, so it also holds the keys a newer writer adds (tool, catalogs)
                         that diff ignores.
  listed-two.json        model/ as it is, with listed-two-profile.yaml: the register lists two
                         entries and carries the rest as not_listed_entries (written later
                         than the others: what diff calls "no longer listed")
  fewer-assessors.json   model/ as it is, with fewer-assessors-profile.yaml (no cyber-exposure,
                         no missing-controls): what diff calls "not re-examined" for the entries
                         only those analyses found (written later than the others)
  options-base.json      added.json's model with the pump fed by ss-dorp or ss-polder (critical
                         pairs), default profile, written once registers recorded their
                         assessors' options (assessor_options)
  options-changed.json   the same model, with options-changed-profile.yaml: single-point at
                         max_order 1 and cascade-reach with a 24h horizon; against options-base.json
                         what diff calls "run otherwise" (anders uitgevoerd)
"""

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
CACHE = HERE.parent / "feed-cache"

ADDED_ASSETS = """  - id: ss-polder
    name: Onderstation Polder
    type: power.substation
    process: elektriciteit.regionaal
    serves: {population: 5000}
    p: 0.002
  - id: gemaal-polder
    name: Gemaal Polder
    type: flood.pumping
    process: waterkering
    serves: {population: 5000}
    p: 0.01
    depends_on:
      - kind: power
        from: [ss-polder]
        time_to_impact: 4h
"""


def replace(text, old, new):
    if old not in text:
        raise SystemExit(f"make_registers.py: {old!r} not in model.yaml; update the variant")
    return text.replace(old, new, 1)


VARIANTS = {
    "base": lambda t: t,
    "unrelated-edit": lambda t: replace(replace(t, "operator: Landelijke netbeheerder", "operator: Netbeheerder Nederland"),
                                        "authority: Testregio", "authority: Veiligheidsregio Diffdorp"),
    "added": lambda t: t + ADDED_ASSETS,
    "populations-up": lambda t: replace(replace(t, "population: 20000", "population: 400000"),
                                        "population: 15000", "population: 300000"),
    "scada-hardened": lambda t: replace(replace(t, "remote_access: vendor-vpn", "remote_access: none"),
                                        "controls: [mfa]",
                                        "controls: [mfa, segmentation, patching, backup-offline, asset-inventory, "
                                        "logging, incident-plan, manual-fallback, vendor-access, iec62443.fr1, "
                                        "iec62443.fr5, iec62443.fr7]"),
    "renamed-tracked": lambda t: replace(t, "name: SCADA netbeheer", "name: SCADA bedrijfsvoeringscentrum"),
}
VARIANTS["hardened-and-added"] = lambda t: VARIANTS["scada-hardened"](t) + ADDED_ASSETS
VARIANTS["listed-two"] = lambda t: t
VARIANTS["fewer-assessors"] = lambda t: t
# ss-polder as a second supply of the pump: pairs for single-point to find.
VARIANTS["options-base"] = lambda t: replace(t, "        from: [ss-dorp]\n", "        from: [ss-dorp, ss-polder]\n") + ADDED_ASSETS
VARIANTS["options-changed"] = VARIANTS["options-base"]


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = sys.argv[1]
    only = set(sys.argv[2:])
    if only - set(VARIANTS):
        print(f"make_registers.py: no register named {sorted(only - set(VARIANTS))}; expected some of {sorted(VARIANTS)}")
        return 2
    base_text = (HERE / "model" / "model.yaml").read_text(encoding="utf-8")
    env = dict(os.environ, KNELPUNT_HOME=str(HERE.parents[2]))
    with tempfile.TemporaryDirectory(prefix="knelpunt-registers-") as tmp:
        for name, edit in VARIANTS.items():
            if only and name not in only:
                continue
            model_dir = pathlib.Path(tmp) / name
            model_dir.mkdir()
            (model_dir / "model.yaml").write_text(edit(base_text), encoding="utf-8")
            args = [binary, "assess", str(model_dir), "--format", "json", "--cache", str(CACHE), "-q"]
            if name == "renamed-tracked":
                args += ["--tracking", str(HERE / "tracking-renamed.yaml")]
            if name in ("listed-two", "fewer-assessors", "options-changed"):
                args += ["-p", str(HERE / f"{name}-profile.yaml")]
            out = subprocess.run(args, capture_output=True, env=env, check=False)
            if out.returncode != 0:
                print(out.stderr.decode(), file=sys.stderr)
                return 1
            (HERE / f"{name}.json").write_bytes(out.stdout)
            print(f"wrote {name}.json")
        if only:
            return 0
        (HERE / "truncated.json").write_bytes((HERE / "base.json").read_bytes()[:1500])
        model_dir = str(HERE / "model")
        for target, args in (("cascade.json", ["whatif", model_dir, "--fail", "scada", "--format", "json"]),
                             ("base.csv", ["assess", model_dir, "--format", "csv", "--cache", str(CACHE), "-q"])):
            out = subprocess.run([binary] + args, capture_output=True, env=env, check=True)
            (HERE / target).write_bytes(out.stdout)
            print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
