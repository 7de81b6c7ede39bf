#!/usr/bin/env python3
"""The register's selection of entries and the table of every asset (decision 020).

Usage: python3 knelpunten_csv_check.py PATH_TO_KNELPUNT

Reads the fixed feed cache tests/data/feed-cache; writes only below one
temporary directory, removed at the end.

  table     `assess examples/dordrecht --knelpunten-csv` writes one row per
            asset (every id of data/assets.csv and the YAML files, each once,
            sorted), and for every knelpunt entry of one asset its row names
            that entry, its level, and as many failing assets as the entry's
            affected list, and as many other entries as name it (as a subject or
            as an asset a pair's local event concerns): one number per thing
  counts    for every knelpunt entry of one asset, `reach --asset` and
            `whatif --fail` on that asset (with the entry's horizon: 7 days for
            waterkering, as the default profile says) name as many affected
            assets as the entry, and the same people, and so does the asset's
            row of the whole `reach` table: one number per thing
  rank      an entry's evidence "plaats N in de ranglijst van N-1-bereik"
            names the asset in row N of `reach --format json`:
            the register and `reach` rank alike
  listing   a profile with register.max_entries 10 lists 10 entries (plus
            scenarios), counts the rest in `listing` per level so that listed +
            not listed equals the full register, marks the rest "nee" in the
            table, and --fail-on counts the entries it does not list
"""

import csv
import json
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
MODEL = ROOT / "examples" / "dordrecht"
CACHE = ROOT / "tests" / "data" / "feed-cache"


def run(binary, *args, expect=0):
    proc = subprocess.run([binary, *map(str, args)], capture_output=True, text=True)
    if proc.returncode != expect:
        sys.exit(f"knelpunt {' '.join(map(str, args))}: exit {proc.returncode}, expected {expect}\n{proc.stderr}")
    return proc


def read_table(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    binary = sys.argv[1]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        run(binary, "assess", MODEL, "--cache", CACHE, "-q", "--format", "json", "-o", tmp / "full.json",
            "--knelpunten-csv", tmp / "all.csv")
        full = json.load(open(tmp / "full.json", encoding="utf-8"))
        rows = read_table(tmp / "all.csv")
        ids = [row["object"] for row in rows]
        if ids != sorted(set(ids)):
            failures.append("table: asset ids are not sorted and unique")
        by_id = {row["object"]: row for row in rows}
        for asset in {a for r in full["risks"] for a in r["assets"]} | {a for r in full["risks"] for a in r["affected"]}:
            if asset not in by_id:
                failures.append(f"table: asset {asset} of the register has no row")
        for row in rows:
            # An asset without an entry of its own says so; its scores are empty for that reason.
            if not row["eigen vermelding"] or not row["opgenomen"]:
                failures.append(f"table: row {row['object']} leaves its entry or listing blank; expected 'geen'/'nee'")
            if row["eigen vermelding"] == "geen" and (row["opgenomen"] != "nee" or row["risiconiveau"]):
                failures.append(f"table: row {row['object']} has no entry but says {row['opgenomen']}/"
                                f"{row['risiconiveau']}")
        # "andere vermeldingen": the entries other than its own that name the
        # asset, as a subject or as an asset whose redundancy a pair's local
        # event defeats (decision 056).
        others = {}
        for r in full["risks"]:
            if r["kind"] == "knelpunt" and len(r["assets"]) == 1:
                continue
            for asset in set(r["assets"]) | set(r["concerns"]):
                others[asset] = others.get(asset, 0) + 1
        if not any(r["concerns"] for r in full["risks"]):
            failures.append("table: no entry of Dordrecht has concerns; expected the pairs with a local event")
        for row in rows:
            if int(row["andere vermeldingen"]) != others.get(row["object"], 0):
                failures.append(f"table: {row['object']} has {row['andere vermeldingen']} other entries in the "
                                f"table and {others.get(row['object'], 0)} in the register")
        knelpunten = [r for r in full["risks"] if r["kind"] == "knelpunt" and len(r["assets"]) == 1]
        if len(knelpunten) < 10:
            failures.append(f"table: only {len(knelpunten)} knelpunt entries in Dordrecht; expected dozens")
        for risk in knelpunten:
            row = by_id.get(risk["assets"][0])
            if row is None:
                continue
            level = risk["level"]["name"]
            if row["eigen vermelding"] != risk["id"] or row["opgenomen"] != "ja" or row["risiconiveau"] != level:
                failures.append(f"table: row {row['object']} says {row['eigen vermelding']}/{row['opgenomen']}/"
                                f"{row['risiconiveau']}; the register {risk['id']}/ja/{level}")
            if int(row["uitgevallen objecten bij eigen uitval"]) != len(risk["affected"]):
                failures.append(f"table: {row['object']} fails {row['uitgevallen objecten bij eigen uitval']} assets "
                                f"in the table and {len(risk['affected'])} in entry {risk['id']}")

        # The table of every asset, within each entry's horizon: one number
        # per asset there too (with repairs, as the register counts).
        tables = {horizon: {row["asset"]: row for row in json.loads(
            run(binary, "reach", MODEL, "--format", "json", "-q", "--horizon", horizon).stdout)["assets"]}
            for horizon in ("72h", "7d")}
        for risk in knelpunten:
            asset = risk["assets"][0]
            horizon = ["--horizon", "7d"] if "waterkering" in risk["vital_processes"] else []
            reach = json.loads(run(binary, "reach", MODEL, "--asset", asset, "--format", "json", *horizon).stdout)
            whatif = json.loads(run(binary, "whatif", MODEL, "--fail", asset, "--format", "json", *horizon).stdout)
            row = reach["assets"][0]
            table_row = tables["7d" if horizon else "72h"][asset]
            table = (table_row["reach"], table_row["people"], table_row["people_upper_bound"])
            if table != (len(risk["affected"]), row["people"], row["people_upper_bound"]):
                failures.append(f"counts: {asset}: the reach table says {table}; the register "
                                f"{len(risk['affected'])} assets, --asset {row['people']} people")
            counts = (len(risk["affected"]), row["reach"], len(row["failed"]), whatif["summary"]["affected"])
            if len(set(counts)) != 1:
                failures.append(f"counts: {asset}: register {counts[0]}, reach {counts[1]} (list {counts[2]}), "
                                f"whatif {counts[3]} affected assets; expected one number")
            if row["people"] != whatif["summary"]["people_affected"]["people"]:
                failures.append(f"counts: {asset}: reach says {row['people']} people, whatif "
                                f"{whatif['summary']['people_affected']['people']}")
            if row["failed"] != sorted(risk["affected"]):
                failures.append(f"counts: {asset}: reach and the register list different assets")

        ranking = json.loads(run(binary, "reach", MODEL, "--format", "json", "-q").stdout)["assets"]
        ranked = 0
        for risk in full["risks"]:
            for text in risk["evidence"]:
                match = re.match(r"plaats (\d+) in de ranglijst van N-1-bereik \(", text)
                if not match:
                    continue
                ranked += 1
                rank = int(match.group(1))
                row = ranking[rank - 1] if 0 < rank <= len(ranking) else None
                if row is None or row["asset"] not in risk["assets"]:
                    failures.append(f"rank: {risk['id']} (about {risk['assets']}) says rank {rank}; reach's row "
                                    f"{rank} is {row and row['asset']}")
                elif row["reach"] != len(risk["affected"]):
                    # One number: the row counts as the entry does, within its own horizon (decision 048).
                    failures.append(f"rank: {risk['id']} lists {len(risk['affected'])} affected assets; reach's row "
                                    f"{rank} counts {row['reach']}")
        if ranked < 10:
            failures.append(f"rank: only {ranked} entries give an N-1 rank; expected the profile's 20")

        profile = tmp / "top10.yaml"
        profile.write_text((ROOT / "profiles" / "default.yaml").read_text(encoding="utf-8")
                           .replace("max_entries: 300", "max_entries: 10"), encoding="utf-8")
        run(binary, "assess", MODEL, "--cache", CACHE, "-q", "-p", profile, "--format", "json", "-o",
            tmp / "top.json", "--knelpunten-csv", tmp / "top.csv")
        top = json.load(open(tmp / "top.json", encoding="utf-8"))
        scenarios = sum(1 for r in full["risks"] if r["kind"] == "scenario")
        listing = top["listing"]
        if len(top["risks"]) != 10 or listing["listed"] != 10:
            failures.append(f"listing: {len(top['risks'])} entries listed; expected 10 ({scenarios} scenarios among them)")
        if listing["listed"] + listing["not_listed"] != len(full["risks"]):
            failures.append(f"listing: {listing['listed']} listed + {listing['not_listed']} not listed != "
                            f"{len(full['risks'])} entries of the full register")
        if sum(listing["not_listed_by_level"].values()) != listing["not_listed"]:
            failures.append("listing: not_listed_by_level does not add up to not_listed")
        top_ids = {r["id"] for r in top["risks"]}
        for r in top["risks"]:
            if r["kind"] != "scenario" and r["id"] not in {x["id"] for x in full["risks"][:10 + scenarios]}:
                failures.append(f"listing: {r['id']} is listed but is not among the highest of the full register")
        table = read_table(tmp / "top.csv")
        for row in table:
            if row["eigen vermelding"] and (row["opgenomen"] == "ja") != (row["eigen vermelding"] in top_ids):
                failures.append(f"listing: row {row['object']} says opgenomen={row['opgenomen']} for "
                                f"{row['eigen vermelding']}")
        # The gate sees every entry: the lowest level fails on all of them.
        proc = run(binary, "assess", MODEL, "--cache", CACHE, "-p", profile, "--format", "json", "-o",
                   tmp / "gate.json", "--fail-on", "laag", expect=1)
        want = f"{len(full['risks'])} open risks at or above that level"
        if want not in proc.stderr or "not listed in the register" not in proc.stderr:
            failures.append(f"listing: --fail-on laag says\n{proc.stderr}\nexpected '{want}' and the count not listed")

    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
