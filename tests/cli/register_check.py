#!/usr/bin/env python3
"""Properties of the risk register (docs/register.md) that golden files cannot show.

Usage: python3 register_check.py PATH_TO_KNELPUNT

Every run reads the fixed feed cache tests/data/feed-cache (never ~/.cache)
and writes only below one temporary directory, removed at the end.

  threads      --threads 1, 2 and 4 give the same JSON bytes
  order        a copy of examples/dordrecht with every YAML mapping's keys
               shuffled (seeded) and the assets of each file shuffled gives the
               same bytes in json, md and csv; so do a shuffled include list,
               shuffled scenarios and shuffled rows of data/assets.csv,
               data/areas.csv and data/supplies.csv, and
               shuffled depends_on and from: lists and dependency rows
  ids          after an unrelated edit (an area's population changed; a new asset
               nobody depends on) every old risk that is still about the same
               assets keeps its id; a co-located redundancy's entry keeps its
               id when a new asset depends on the same co-located suppliers
  tracking     assess leaves a tracking file (default and --tracking) byte
               for byte and with its mtime as it was
  seed         --seed-tracking writes tracking.yaml listing every risk id
               where none exists, and refuses (exit 2, file untouched) where one does
  fail-on      exit 1 while an open risk reaches the level, 0 once tracking
               accepts or mitigates all of them
  feeds        the cache is used (CVE-2018-13379 of Fortinet FortiOS in the
               cyber-exposure risk of scada-netbeheer), and the register does not
               depend on when the feeds were fetched (fetched_at, url, validators)
  output       -o writes the whole register through a temporary file that
               does not stay behind, also over an existing file
  board        the Markdown register is at most 3 250 lines (a quarter of the
               13 000 issue #14 found); every top-10 line gives the count of
               its risk's `affected` and the horizon of its own cascade
               (`horizon_h`, 7 days for the water board's control); for every
               knelpunt of one asset, `reach --asset` and `whatif --fail`
               without --horizon give the register's horizon, count and people;
               every "A samen − B … alleen = C" of what a pair adds to its
               single point (decision 046) adds up as written, C is the
               pair's impact line and B the line of the single point's own
               entry that the sum names

The order check also shuffles every asset's depends_on list, every from:
list and the rows of data/dependencies.csv: their order has no meaning, and
the model digest hashes groups and suppliers in a canonical order.
"""

import csv
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DORDRECHT = ROOT / "examples" / "dordrecht"
CACHE = ROOT / "tests" / "data" / "feed-cache"
SEED = 20261122


class Checker:
    def __init__(self, binary, workdir):
        self.binary = binary
        self.workdir = workdir
        self.failures = []
        self.env = dict(os.environ)
        self.env.setdefault("KNELPUNT_HOME", str(ROOT))
        # Never the user's cache, even if --cache were forgotten somewhere.
        self.env["XDG_CACHE_HOME"] = str(workdir / "xdg-cache")

    def assess(self, model, *args, cwd=None):
        """Runs `knelpunt assess MODEL --cache CACHE ARGS`; returns (rc, stdout bytes, stderr text)."""
        completed = subprocess.run([self.binary, "assess", str(model), "--cache", str(CACHE), *args],
                                   capture_output=True, env=self.env, cwd=cwd, timeout=240)
        return completed.returncode, completed.stdout, completed.stderr.decode("utf-8", "replace")

    def json_of(self, *args):
        """The JSON `knelpunt ARGS` prints; a failed run is a failure and gives None."""
        completed = subprocess.run([self.binary, *args], capture_output=True, env=self.env, timeout=240)
        if not self.check(f"{' '.join(args[:1] + args[2:])}: exit 0", completed.returncode == 0,
                          completed.stderr.decode("utf-8", "replace")):
            return None
        return json.loads(completed.stdout)

    def check(self, name, condition, detail=""):
        if condition:
            print(f"ok   {name}")
        else:
            self.failures.append(name)
            print(f"FAIL {name}: {detail}")
        return condition

    def register(self, model, fmt="json", *args):
        """The register of `model` in `fmt`; a failed run is a failure and gives b""."""
        rc, out, err = self.assess(model, "--format", fmt, *args)
        if not self.check(f"assess {pathlib.Path(model).name} --format {fmt} {' '.join(args)}".rstrip() + ": exit 0",
                          rc == 0 and out, f"rc={rc} stderr={err}"):
            return b""
        return out

    def copy_model(self, name, source=DORDRECHT):
        target = self.workdir / name
        shutil.copytree(source, target)
        return target


def first_difference(a, b):
    """Where two byte strings first differ, as text for a message."""
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            line = a[:i].count(b"\n") + 1
            return f"first difference at byte {i} (line {line}): {a[i:i + 60]!r} vs {b[i:i + 60]!r}"
    return f"lengths {len(a)} and {len(b)}"


# --- YAML rewriting -----------------------------------------------------------

def shuffled(node, rng):
    """`node` with the keys of every mapping in a random order (values recursed)."""
    if isinstance(node, dict):
        items = list(node.items())
        rng.shuffle(items)
        return {key: shuffled(value, rng) for key, value in items}
    if isinstance(node, list):
        return [shuffled(value, rng) for value in node]
    return node


def rewrite_yaml(model_dir, edit):
    """Loads every YAML file of `model_dir` (aliases resolved), applies edit(name, data) and dumps it."""
    for path in sorted(model_dir.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = edit(path.name, data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100),
                        encoding="utf-8")


def shuffle_csv_rows(path, rng):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    rng.shuffle(rows)
    path.write_text(header + "".join(rows), encoding="utf-8")


# --- checks -----------------------------------------------------------------------

def check_threads(c):
    outputs = {threads: c.register(DORDRECHT, "json", "--threads", str(threads)) for threads in (1, 2, 4)}
    base = outputs[1]
    for threads in (2, 4):
        c.check(f"threads: --threads {threads} gives the bytes of --threads 1", outputs[threads] == base,
                first_difference(outputs[threads], base))
    return base


def check_order(c, reference_json):
    references = {"json": reference_json, "md": c.register(DORDRECHT, "md"), "csv": c.register(DORDRECHT, "csv")}

    # Round trip without shuffling first: if pyyaml's dump alone changed the
    # register, a difference below would say nothing about knelpunt.
    plain = c.copy_model("roundtrip")
    rewrite_yaml(plain, lambda name, data: data)
    out = c.register(plain, "json")
    if not c.check("order: the YAML files loaded and dumped unchanged give the same register", out == reference_json,
                   first_difference(out, reference_json)):
        return

    rng = random.Random(SEED)
    keys = c.copy_model("shuffled-keys")

    def shuffle_keys_and_assets(name, data):
        data = shuffled(data, rng)
        if isinstance(data, dict) and isinstance(data.get("assets"), list):
            rng.shuffle(data["assets"])
        return data

    rewrite_yaml(keys, shuffle_keys_and_assets)
    energie = yaml.safe_load((keys / "energie.yaml").read_text(encoding="utf-8"))
    original = yaml.safe_load((DORDRECHT / "energie.yaml").read_text(encoding="utf-8"))
    c.check("order: the shuffle changed the asset order of energie.yaml",
            [a["id"] for a in energie["assets"]] != [a["id"] for a in original["assets"]])
    for fmt, reference in references.items():
        out = c.register(keys, fmt)
        c.check(f"order: shuffled keys and assets give the same {fmt}", out == reference,
                first_difference(out, reference))

    files = c.copy_model("shuffled-files")

    def shuffle_lists(name, data):
        data = shuffled(data, rng)
        for key in ("include", "assets", "scenarios"):
            if isinstance(data, dict) and isinstance(data.get(key), list):
                rng.shuffle(data[key])
        return data

    rewrite_yaml(files, shuffle_lists)
    shuffle_csv_rows(files / "data" / "assets.csv", rng)
    shuffle_csv_rows(files / "data" / "areas.csv", rng)
    shuffle_csv_rows(files / "data" / "supplies.csv", rng)
    for fmt, reference in references.items():
        out = c.register(files, fmt)
        c.check(f"order: shuffled includes, scenarios and asset rows give the same {fmt}", out == reference,
                first_difference(out, reference))

    # The order of an asset's dependency groups and of a group's suppliers has
    # no meaning either: not in the register, not in the model digest it prints.
    dependencies = c.copy_model("shuffled-dependencies")
    shuffled_groups = 0

    def shuffle_dependencies(name, data):
        nonlocal shuffled_groups
        for asset in (data.get("assets") or []) if isinstance(data, dict) else []:
            groups = asset.get("depends_on") or []
            if len(groups) > 1:
                rng.shuffle(groups)
                shuffled_groups += 1
            for group in groups:
                if isinstance(group.get("from"), list) and len(group["from"]) > 1:
                    rng.shuffle(group["from"])
                    shuffled_groups += 1
        return data

    rewrite_yaml(dependencies, shuffle_dependencies)
    shuffle_csv_rows(dependencies / "data" / "dependencies.csv", rng)
    c.check("order: the dependency shuffle had groups and from: lists to shuffle", shuffled_groups > 10,
            f"{shuffled_groups} shuffled")
    for fmt, reference in references.items():
        out = c.register(dependencies, fmt)
        c.check(f"order: shuffled depends_on, from: lists and dependency rows give the same {fmt}", out == reference,
                first_difference(out, reference))


def identity(risk):
    return (risk["assessor"], risk["kind"], tuple(sorted(risk["assets"])), risk.get("scenario") or "",
            risk.get("subject") or "")


def check_ids(c, reference_json):
    old = json.loads(reference_json)
    old_by_identity = {identity(r): r["id"] for r in old["risks"]}

    def compare(name, changed):
        new = json.loads(c.register(changed, "json") or b'{"risks": []}')
        new_by_identity = {identity(r): r["id"] for r in new["risks"]}
        new_ids = {r["id"] for r in new["risks"]}
        same = [key for key in old_by_identity if key in new_by_identity]
        moved = [f"{old_by_identity[k]} -> {new_by_identity[k]}" for k in same if old_by_identity[k] != new_by_identity[k]]
        c.check(f"ids: {name}: every risk still about the same assets keeps its id", not moved, ", ".join(moved[:10]))
        missing = [old_by_identity[k] for k in same if old_by_identity[k] not in new_ids]
        c.check(f"ids: {name}: those ids are in the new register", not missing, ", ".join(missing[:10]))
        # The edits are small: nearly every risk must still be there, or the check above proves little.
        c.check(f"ids: {name}: at least 90% of the old risks are still there ({len(same)} of {len(old_by_identity)})",
                len(same) >= 0.9 * len(old_by_identity))
        return new

    population = c.copy_model("population")
    areas = population / "data" / "areas.csv"
    text = areas.read_text(encoding="utf-8")
    c.check("ids: the population edit applies", "sterrenburg,Sterrenburg,16000," in text)
    areas.write_text(text.replace("sterrenburg,Sterrenburg,16000,", "sterrenburg,Sterrenburg,19000,", 1), encoding="utf-8")
    compare("population of one area changed", population)

    def with_asset(name, file, asset):
        """A copy of Dordrecht with `asset` (YAML lines) first in `file`'s assets."""
        model = c.copy_model(name)
        path = model / file
        text = path.read_text(encoding="utf-8")
        c.check(f"ids: {file} has an assets list", "\nassets:\n" in text)
        path.write_text(text.replace("\nassets:\n", "\nassets:\n" + asset, 1), encoding="utf-8")
        return model

    added = with_asset("new-asset", "gemeente.yaml",
                       "  - id: archief-dordrecht\n"
                       "    name: Regionaal archief Dordrecht\n"
                       "    type: government.office\n"
                       "    process: overheid.digitaal\n"
                       "    serves: {population: 500}\n"
                       "    cyber: {internet_exposed: true, network: it, controls: [mfa, backup-offline]}\n")
    new = compare("a new asset without dependents", added)
    c.check("ids: the new asset is in the model (it has risks of its own)",
            any("archief-dordrecht" in r["assets"] for r in new["risks"]) or new.get("model", {}).get("digest") !=
            old["model"]["digest"], "neither a risk nor a changed digest shows the new asset")

    # A co-located redundancy's entry is about its local event (decision 058):
    # a second asset fed by the same two substations in the same zone joins
    # the entry, which keeps its id.
    event = [r for r in old["risks"] if r["kind"] == "co-located-redundancy" and "stroom-eiland-zuid" in r["assets"]]
    c.check("ids: Dordrecht has one co-located entry of stroom-eiland-zuid", len(event) == 1, str(len(event)))
    joined = with_asset("event-dependent", "energie.yaml",
                        "  - id: laadplein-dordwijk\n"
                        "    name: Laadplein Dordwijk\n"
                        "    type: government.office\n"
                        "    depends_on:\n"
                        "      - {kind: power, from: [ss-zeehaven, ss-dordrecht-zuid], need: 1, type: physical}\n")
    new = json.loads(c.register(joined, "json") or b'{"risks": []}')
    if event:
        now = [r for r in new["risks"] if r["id"] == event[0]["id"]]
        c.check("ids: the event's entry keeps its id when another asset depends on it", len(now) == 1,
                f"{event[0]['id']} is not in the new register")
        c.check("ids: that entry now names the new dependent",
                bool(now) and "laadplein-dordwijk" in now[0]["assets"] and "stroom-eiland-zuid" in now[0]["assets"],
                str(now[0]["assets"] if now else None))


def stat_of(path):
    st = path.stat()
    return path.read_bytes(), st.st_mtime_ns


def check_tracking(c, reference_json):
    risks = json.loads(reference_json)["risks"]
    model = c.copy_model("tracking")
    tracking = model / "tracking.yaml"
    tracking.write_text("tracking: 1\nrisks:\n"
                        f"  {risks[0]['id']}: {{status: in-treatment, owner: Netbeheerder, date: 2026-11-01}}\n"
                        "  \"KP-CTRL-*\": {status: accepted, owner: CISO, justification: verbeterplan 2027}\n",
                        encoding="utf-8")
    os.utime(tracking, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))  # an mtime long ago
    before = stat_of(tracking)
    rc, out, err = c.assess(model, "--format", "json")
    c.check("tracking: assess with the default tracking.yaml exits 0", rc == 0, f"rc={rc} {err}")
    applied = {r["id"]: r["tracking"]["status"] for r in json.loads(out or b'{"risks": []}')["risks"]}
    c.check("tracking: the default tracking.yaml is applied", applied.get(risks[0]["id"]) == "in-treatment", str(applied)[:200])
    c.check("tracking: tracking.yaml unchanged (bytes and mtime)", stat_of(tracking) == before)
    elsewhere = c.workdir / "tracking-elsewhere.yaml"
    shutil.copy2(tracking, elsewhere)
    before = stat_of(elsewhere)
    rc, out, err = c.assess(DORDRECHT, "--format", "md", "--tracking", str(elsewhere), "--fail-on", "zeer-hoog")
    c.check("tracking: assess --tracking FILE --fail-on exits 1", rc == 1, f"rc={rc} {err}")
    c.check("tracking: --tracking FILE unchanged (bytes and mtime)", stat_of(elsewhere) == before)
    leftovers = sorted(p.name for p in model.iterdir() if p.name.startswith("."))
    c.check("tracking: nothing new beside the tracking file", not leftovers, str(leftovers))


def check_seed(c, reference_json):
    ids = sorted(r["id"] for r in json.loads(reference_json)["risks"])
    model = c.copy_model("seed")
    tracking = model / "tracking.yaml"
    c.check("seed: the model copy has no tracking.yaml", not tracking.exists())
    rc, out, err = c.assess(model, "--seed-tracking")
    c.check("seed: --seed-tracking exits 0", rc == 0, f"rc={rc} {err}")
    c.check("seed: --seed-tracking says what it wrote", "with %d risks, all unchecked" % len(ids) in err, err)
    if not c.check("seed: tracking.yaml written", tracking.exists()):
        return
    try:
        seeded = yaml.safe_load(tracking.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        c.check("seed: tracking.yaml is YAML", False, str(error))
        return
    c.check("seed: tracking: 1", seeded.get("tracking") == 1, str(seeded)[:200])
    entries = seeded.get("risks") or {}
    c.check("seed: every risk id listed, nothing else", sorted(entries) == ids,
            f"{len(entries)} entries for {len(ids)} risks; extra {sorted(set(entries) - set(ids))[:5]}, "
            f"missing {sorted(set(ids) - set(entries))[:5]}")
    c.check("seed: every entry unchecked", all((v or {}).get("status") == "unchecked" for v in entries.values()))
    # The seeded file is a valid tracking file: every risk matched by its own
    # entry and unchecked; apart from that the register of a run without tracking.
    rc, out, err = c.assess(model, "--format", "json")
    seeded_register = json.loads(out or b'{"risks": []}')
    c.check("seed: assess with the seeded file exits 0", rc == 0, f"rc={rc} {err[-300:]}")
    c.check("seed: every risk matched by its own entry, unchecked",
            all(r["tracking"]["matched"] == r["id"] and r["tracking"]["status"] == "unchecked"
                for r in seeded_register["risks"]), str([r["tracking"] for r in seeded_register["risks"][:2]]))
    for r in seeded_register["risks"]:
        r["tracking"]["matched"] = None
    c.check("seed: otherwise the register without tracking", seeded_register == json.loads(reference_json))
    c.check("seed: no warning about the seeded file", "warning" not in err, err)

    os.utime(tracking, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    before = stat_of(tracking)
    rc, out, err = c.assess(model, "--seed-tracking")
    c.check("seed: refuses where tracking.yaml exists (exit 2)", rc == 2, f"rc={rc} {err}")
    c.check("seed: the refusal names the file", "tracking.yaml exists" in err, err)
    c.check("seed: the existing file is untouched (bytes and mtime)", stat_of(tracking) == before)
    explicit = c.workdir / "explicit-tracking.yaml"
    explicit.write_text("tracking: 1\nrisks: {}\n", encoding="utf-8")
    before = stat_of(explicit)
    rc, out, err = c.assess(model, "--seed-tracking", "--tracking", str(explicit), "-o", str(c.workdir / "seed-register.md"))
    c.check("seed: refuses an existing --tracking FILE (exit 2)", rc == 2, f"rc={rc} {err}")
    c.check("seed: ... leaves it untouched and writes no register",
            stat_of(explicit) == before and not (c.workdir / "seed-register.md").exists())
    leftovers = sorted(p.name for p in model.iterdir() if p.name.startswith("."))
    c.check("seed: no temporary files left beside tracking.yaml", not leftovers, str(leftovers))


def check_fail_on(c, reference_json):
    register = json.loads(reference_json)
    levels = [level["id"] for level in register["method"]["risk_diagram"]["levels"]]
    rank = {level: i for i, level in enumerate(levels)}
    at_or_above = sorted(r["id"] for r in register["risks"] if rank[r["level"]["id"]] >= rank["hoog"])
    c.check("fail-on: Dordrecht has risks at hoog or above", len(at_or_above) > 1, str(len(at_or_above)))
    rc, out, err = c.assess(DORDRECHT, "--format", "csv", "--fail-on", "hoog")
    c.check("fail-on: exit 1 with open risks at hoog", rc == 1, f"rc={rc}")
    c.check("fail-on: stderr counts them", f"--fail-on hoog: {len(at_or_above)} open risks at or above that level" in err, err)
    c.check("fail-on: the register is still written", out.count(b"\n") == len(register["risks"]) + 1)

    tracking = c.workdir / "fail-on-tracking.yaml"

    def write(entries):
        tracking.write_text("tracking: 1\nrisks:\n" + "".join(
            f"  {risk_id}: {{status: {status}, owner: Risicoadviseur, justification: getoetst}}\n"
            for risk_id, status in entries), encoding="utf-8")

    statuses = ("accepted", "mitigated", "false-positive")
    write([(risk_id, statuses[i % 3]) for i, risk_id in enumerate(at_or_above)])
    rc, out, err = c.assess(DORDRECHT, "--format", "csv", "--fail-on", "hoog", "--tracking", str(tracking))
    c.check("fail-on: exit 0 when tracking accepts, mitigates or dismisses every one", rc == 0, f"rc={rc} {err}")
    c.check("fail-on: no --fail-on message then", "--fail-on" not in err, err)

    write([(risk_id, "in-treatment" if i == 0 else "accepted") for i, risk_id in enumerate(at_or_above)])
    rc, out, err = c.assess(DORDRECHT, "--format", "csv", "--fail-on", "hoog", "--tracking", str(tracking))
    c.check("fail-on: exit 1 when one of them is only in treatment", rc == 1, f"rc={rc}")
    c.check("fail-on: ... and stderr says 1 open risk", "--fail-on hoog: 1 open risk at or above that level" in err, err)

    write([(risk_id, "accepted") for risk_id in at_or_above[1:]])
    rc, out, err = c.assess(DORDRECHT, "--format", "csv", "--fail-on", "hoog", "--tracking", str(tracking))
    c.check("fail-on: exit 1 when one of them has no tracking entry", rc == 1, f"rc={rc}")

    highest = levels[-1]
    rc, out, err = c.assess(DORDRECHT, "--format", "csv", "--fail-on", highest, "--tracking", str(tracking))
    top = [r["id"] for r in register["risks"] if r["level"]["id"] == highest]
    expected_rc = 1 if at_or_above[0] in top else 0
    c.check(f"fail-on: --fail-on {highest} counts only that level (exit {expected_rc})", rc == expected_rc, f"rc={rc} {err}")


def check_feeds(c, reference_json):
    register = json.loads(reference_json)
    scada = [r for r in register["risks"] if "cyber-exposure" in r["analyses"] and r["assets"] == ["scada-netbeheer"]]
    c.check("feeds: one entry with cyber exposure for scada-netbeheer", len(scada) == 1, str(len(scada)))
    cves = [v.get("cve") for r in scada for v in r.get("cves", [])]
    c.check("feeds: it names CVE-2018-13379 from the cached KEV feed", "CVE-2018-13379" in cves, str(cves))
    c.check("feeds: the register records both feeds as present",
            [(f["feed"], f["present"]) for f in register["feeds"]] == [("kev", True), ("epss", True)], str(register["feeds"]))

    # The same payloads, fetched at another time from another address: the register must not change.
    other = c.workdir / "feed-cache-other-fetch"
    shutil.copytree(CACHE, other)
    for meta_file in ("kev.meta.json", "epss.meta.json"):
        meta = json.loads((other / meta_file).read_text(encoding="utf-8"))
        c.check(f"feeds: {meta_file} has a fetched_at", "fetched_at" in meta, str(meta))
        meta.update(fetched_at="2020-01-01T00:00:00Z", url="https://mirror.example.invalid/feed", etag='"other"',
                    last_modified="Wed, 01 Jan 2020 00:00:00 GMT")
        (other / meta_file).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    for fmt in ("json", "md", "csv"):
        reference = reference_json if fmt == "json" else c.register(DORDRECHT, fmt)
        completed = subprocess.run([c.binary, "assess", str(DORDRECHT), "--cache", str(other), "--format", fmt],
                                   capture_output=True, env=c.env, timeout=240)
        c.check(f"feeds: another fetched_at gives the same {fmt}", completed.returncode == 0 and
                completed.stdout == reference, first_difference(completed.stdout, reference))
        if fmt == "json":
            err = completed.stderr.decode("utf-8", "replace")
            c.check("feeds: stderr says how old the cache is", "days ago" in err and "fetched" in err, err)


def check_output(c, reference_json):
    reference_md = c.register(DORDRECHT, "md")
    target_dir = c.workdir / "out"
    target_dir.mkdir()
    for name, fmt_args, reference in (("register.json", [], reference_json), ("register.md", [], reference_md),
                                      ("register.txt", ["--format", "json"], reference_json)):
        target = target_dir / name
        rc, out, err = c.assess(DORDRECHT, "-o", str(target), *fmt_args)
        c.check(f"output: -o {name} exits 0 and prints no register", rc == 0 and out == b"", f"rc={rc} {err}")
        c.check(f"output: -o {name} holds the whole register", target.exists() and target.read_bytes() == reference,
                first_difference(target.read_bytes(), reference) if target.exists() else "missing")
        c.check(f"output: -o {name} is named on stderr", f"written to {target}" in err, err)
    # Over an existing file: replaced as a whole (not appended, not truncated).
    target = target_dir / "register.json"
    target.write_bytes(b"x" * (len(reference_json) * 2))
    rc, out, err = c.assess(DORDRECHT, "-o", str(target))
    c.check("output: -o over an existing longer file replaces it", rc == 0 and target.read_bytes() == reference_json)
    names = sorted(p.name for p in target_dir.iterdir())
    c.check("output: no temporary files left in the directory", names == ["register.json", "register.md", "register.txt"],
            str(names))
    # A target in a directory that does not exist is a wrong -o (exit 2,
    # decision 022), and nothing is left behind.
    missing_dir = target_dir / "no-such-dir" / "register.json"
    rc, out, err = c.assess(DORDRECHT, "-o", str(missing_dir))
    c.check("output: -o into a missing directory exits 2", rc == 2 and "does not exist" in err, f"rc={rc} {err}")
    names = sorted(p.name for p in target_dir.iterdir())
    c.check("output: ... and leaves nothing behind", names == ["register.json", "register.md", "register.txt"], str(names))


def zone_members(model_dir):
    """zone → ids of its non-virtual assets, from the model's YAML files and data/assets.csv."""
    members = {}

    def add(asset):
        if str(asset.get("virtual", "")).lower() in ("true", "yes", "1"):
            return
        zones = asset.get("zones") or []
        for zone in zones.split("|") if isinstance(zones, str) else zones:
            if zone:
                members.setdefault(zone, []).append(asset["id"])

    for path in sorted(pathlib.Path(model_dir).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for asset in (data.get("assets") or []) if isinstance(data, dict) else []:
            add(asset)
    with open(pathlib.Path(model_dir) / "data" / "assets.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            add(row)
    return members


def check_board(c, reference_json):
    markdown = c.register(DORDRECHT, "md").decode("utf-8")
    lines = markdown.count("\n")
    c.check("board: the Markdown register has at most 3 250 lines", 0 < lines <= 3250, f"{lines} lines")
    risks = {risk["id"]: risk for risk in json.loads(reference_json)["risks"]}
    c.check("board: every risk has the horizon of its own cascade",
            all(risk.get("horizon_h") in (72, 168) for risk in risks.values()),
            sorted((id, risk.get("horizon_h")) for id, risk in risks.items() if risk.get("horizon_h") not in (72, 168)))
    words = {72: "3 dagen", 168: "7 dagen"}
    top = re.findall(r"^\d+\. \*\*(KP-[A-Z]+-[0-9a-f]+)\*\* .*; ([^;\n]*)\.$", markdown, re.MULTILINE)
    c.check("board: the summary has ten top lines", len(top) == 10, f"{len(top)} lines matched")
    for id, tail in top:
        some = re.fullmatch(r"(\d+) (?:ander object valt|andere objecten vallen) binnen (.+) mee uit", tail)
        none = re.fullmatch(r"binnen (.+) vallen geen andere objecten mee uit", tail)
        count, horizon = (int(some[1]), some[2]) if some else (0, none[1]) if none else (None, None)
        risk = risks.get(id, {})
        c.check(f"board: {id}'s top line counts its affected assets within its own horizon",
                count == len(risk.get("affected", [])) and horizon == words.get(risk.get("horizon_h")),
                f"line: {tail!r}; JSON: {len(risk.get('affected', []))} within {risk.get('horizon_h')} h")
    # What a set adds to its single point (decision 046) is written as a sum
    # a reader can check: "A samen − B door … alleen = C" holds as written
    # (it read "140 − 70 = 70,4" when each figure was rounded on its own).
    def dutch(number):
        return float(number.replace(".", "").replace(",", "."))
    sums = []
    for id, risk in risks.items():
        for criterion in (risk.get("impact") or {}).get("criteria", []):
            for a, b, by, total in re.findall(r": ([\d.,]+) [^:]*? samen − ([\d.,]+) [^:]*? door ([^:]*?) alleen = ([\d.,]+) ",
                                              criterion.get("basis", "")):
                sums.append((id, criterion["criterion"], a, b, total, criterion["value"], by))
    c.check("board: Dordrecht has sums of what a pair adds to its single point", len(sums) >= 10, f"{len(sums)} found")
    wrong = [s for s in sums if abs(dutch(s[2]) - dutch(s[3]) - dutch(s[4])) > 1e-6]
    c.check("board: every sum of what a pair adds adds up as written", not wrong, wrong[:5])
    # ... and what it adds is the figure of the entry's impact line (whole from 100, else one decimal).
    def shown(value):  # C++'s std::round: halves away from 0 (values here are ≥ 0)
        return int(value + 0.5) if value >= 100 else int(value * 10 + 0.5) / 10
    other = [s for s in sums if abs(dutch(s[4]) - shown(s[5])) > 1e-6]
    c.check("board: what a pair adds is the value its impact line shows", not other, other[:5])
    # ... and what it subtracts is the figure of the single point it names,
    # as that asset's own entry shows it: one number per thing everywhere.
    own = {}
    for risk in risks.values():
        if risk["kind"] == "knelpunt" and len(risk["assets"]) == 1:
            own[risk["assets"][0]] = {x["criterion"]: x["value"] for x in (risk.get("impact") or {}).get("criteria", [])}
    named = [s for s in sums if s[6] in own]
    c.check("board: every single point a pair's sum names has an entry of its own",
            len(named) == len(sums), sorted({s[6] for s in sums} - set(own)))
    # A criterion below class A has no line in the single point's entry: it subtracts less than class A's limit.
    differs = [(s[0], s[1], s[6], s[3], own[s[6]].get(s[1])) for s in named
               if s[1] in own[s[6]] and abs(dutch(s[3]) - shown(own[s[6]][s[1]])) > 1e-6]
    c.check("board: what a pair's sum subtracts is the value the single point's own entry shows",
            not differs and sum(1 for s in named if s[1] in own[s[6]]) >= 10, differs[:5])
    # One entry per knelpunt: no asset is the subject of two entries, and a
    # zone of one object is that object (decision 053).
    c.check("board: the members of Dordrecht's zones were read", len(zone_members(DORDRECHT)) > 5)
    subjects = []
    for risk in risks.values():
        if risk["kind"] == "knelpunt":
            subjects.append(risk["assets"][0])
        elif risk["kind"] == "zone":
            members = zone_members(DORDRECHT).get(risk["subject"], [])
            if len(members) == 1:
                subjects.append(members[0])
    twice = sorted({s for s in subjects if subjects.count(s) > 1})
    c.check("board: no asset is the subject of two entries (a zone of one object counts as that object)",
            not twice and len(subjects) > 40, f"{twice}; {len(subjects)} subjects")
    # A critical pair and the local event that takes down exactly its assets
    # are one entry (decision 056): eight such pairs on Dordrecht.
    pairs = {frozenset(risk["assets"]): id for id, risk in risks.items() if risk["kind"] == "common-cause"}
    event_suppliers = {}
    for id, risk in risks.items():
        if risk["kind"] != "co-located-redundancy":
            continue
        alone = re.search(r"voedingen \(([^)]*)\) in ", risk["title"])
        shared = re.match(r"Redundantie op één plek: (.+?) in (?:zone |binnen )", risk["title"])
        named = alone[1].split(", ") if alone else re.split(r", | en ", shared[1]) if shared else []
        event_suppliers[id] = frozenset(named)
    c.check("board: the suppliers of every co-located redundancy were read from its title",
            len(event_suppliers) >= 3 and all(event_suppliers.values()), str(event_suppliers))
    twice = sorted((pairs[s], id) for id, s in event_suppliers.items() if s in pairs)
    c.check("board: no critical pair is also the subject of a co-located redundancy entry", not twice, str(twice))
    joined = {id: risk for id, risk in risks.items()
              if risk["kind"] == "common-cause" and "geographic" in risk["analyses"]}
    c.check("board: eight critical pairs hold the local event that takes both down",
            len(joined) == 8 and all("op één plek: zone " in r["title"] and
                                     any(x.startswith("KP-GEO-") for x in r["replaces"]) and
                                     "redundantie op één plek" in r["likelihood"]["rationale"] and
                                     "kritiek paar" in r["likelihood"]["rationale"] for r in joined.values()),
            str(sorted(joined)))
    # One number per thing: the commands that run one cascade beside the
    # register give its horizon and figures without being told (decision 045).
    for risk in sorted(risks.values(), key=lambda r: r["id"]):
        if risk["kind"] != "knelpunt":
            continue
        asset = risk["assets"][0]
        people = next((c["value"] for c in risk["impact"]["criteria"] if c["criterion"] == "5.3"), None)
        reach = c.json_of("reach", str(DORDRECHT), "--asset", asset, "--format", "json", "-q")
        whatif = c.json_of("whatif", str(DORDRECHT), "--fail", asset, "--format", "json", "-q")
        if reach is None or whatif is None:
            continue
        row = reach["assets"][0]
        summary = whatif["summary"]
        figures = [(risk.get("horizon_h"), len(risk["affected"])),
                   (reach["horizon_h"], row["reach"]),
                   (whatif["horizon_h"], summary["affected"])]
        c.check(f"board: {asset}: the register, reach --asset and whatif give one horizon and count",
                len(set(figures)) == 1, figures)
        if people is not None:
            c.check(f"board: {asset}: reach --asset and whatif count the register's people",
                    row["people"] == people == summary["people_affected"]["people"],
                    (people, row["people"], summary["people_affected"]["people"]))
    # compare gives each scenario the figures of its register entry, and never
    # a people figure above the region's (decision 049).
    compare = c.json_of("compare", str(DORDRECHT), "--measures", str(DORDRECHT / "measures.yaml"), "--cache",
                        str(CACHE), "--format", "json", "-q")
    region_population = sum(float(row["population"]) for row in csv.DictReader(open(DORDRECHT / "data" / "areas.csv",
                                                                                     encoding="utf-8")))
    by_scenario = {risk["scenario"]: risk for risk in risks.values() if risk["kind"] == "scenario"}
    for variant in (compare or {}).get("variants", []):
        for scenario in variant["scenarios"]:
            entry = by_scenario.get(scenario["scenario"])
            if entry is None:
                continue  # a variant's own events have no register entry
            hours = next((x["value"] for x in entry["impact"]["criteria"] if x["criterion"] == "5.1"), 0.0)
            c.check(f"board: compare {variant['variant']}: {scenario['scenario']} has its entry's horizon and "
                    f"people-hours",
                    scenario["horizon_h"] == entry["horizon_h"] and scenario["people_hours"]["base"] == round(hours),
                    (scenario["horizon_h"], entry["horizon_h"], scenario["people_hours"]["base"], hours))
            highest = max(max(p["base"], p["variant"]) for p in scenario["people_affected"])
            c.check(f"board: compare {variant['variant']}: {scenario['scenario']} affects at most the region's "
                    f"{region_population:.0f} people", highest <= region_population, highest)
    # Losing the municipal counter disrupts no resident's day (decision 059):
    # the portal's entry counts its costs, not 292 500 people.
    portal = [risk for risk in risks.values() if risk["assets"] == ["gemeente-portaal"]]
    portal_criteria = sorted(x["criterion"] for x in portal[0]["impact"]["criteria"]) if portal else None
    c.check("board: the municipal portal's outage counts costs, not residents (no 2.3, 5.1 or 5.3)",
            portal_criteria is not None and "3.1" in portal_criteria and
            not {"2.3", "5.1", "5.3"} & set(portal_criteria), portal_criteria)
    water_board = [risk for risk in risks.values() if risk["assets"] == ["wsh-centrale"]]
    c.check("board: the water board's control counts within 7 days",
            len(water_board) == 1 and water_board[0].get("horizon_h") == 168, water_board[:1])


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    binary = sys.argv[1]
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="knelpunt-register-check-"))
    try:
        c = Checker(binary, workdir)
        reference_json = check_threads(c)
        if not reference_json:
            print("\nno register to check against")
            return 1
        check_order(c, reference_json)
        check_ids(c, reference_json)
        check_tracking(c, reference_json)
        check_seed(c, reference_json)
        check_fail_on(c, reference_json)
        check_feeds(c, reference_json)
        check_output(c, reference_json)
        check_board(c, reference_json)
        c.check("no cache written outside the fixed one", not (workdir / "xdg-cache").exists())
        if c.failures:
            print(f"\n{len(c.failures)} check(s) failed")
            return 1
        print("\nall checks passed")
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
