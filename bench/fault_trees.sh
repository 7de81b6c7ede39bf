#!/usr/bin/env bash
# Exact probability against SCRAM (docs/performance.md, "Exact probability"):
# each coherent fault tree (a knelpunt model whose top event is the asset r1)
# is exported with `knelpunt export --format mef`; then, alternating run by
# run, `knelpunt cutsets --probability` and `scram --bdd --probability true
# --importance true` on the export, both with cut sets limited to order 1 so
# that the time is the probability's (and the importance measures': knelpunt
# adds exact Fussell–Vesely where the diagram is small enough, docs/cut-sets.md).
# Prints per tree both probabilities, whether they agree to SCRAM's six
# digits, and the medians' ratios of wall time and peak RSS.
#
#   bench/fault_trees.sh [WORK_DIR]     (BUILD=dir RUNS=3 TREES="dir/a.yaml dir/b.yaml")
#
# TREES defaults to the benchmark trees of tests/data/fault-trees/ that have an
# r1 (baobab1, edf9202, edf9203); the Aralia set converted to knelpunt models
# holds more (edf9204 among them). Needs Debian's scram package (installed
# here when missing; the product never uses it).
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_setup "${1:-/tmp/knelpunt-fault-trees}"
runs="${RUNS:-3}"
if ! command -v scram >/dev/null; then
  apt-get install -y scram >/dev/null
fi
trees="${TREES:-$root/tests/data/fault-trees/baobab1.yaml $root/tests/data/fault-trees/edf9202.yaml $root/tests/data/fault-trees/edf9203.yaml}"

printf '%-10s %-14s %-14s %-6s %10s %16s\n' tree knelpunt scram agree "wall k/s" "peak RSS k/s MiB"
for tree in $trees; do
  name="$(basename "$tree" .yaml)"
  "$knelpunt" export "$tree" --target r1 --horizon inf --format mef -q -o "$work/$name.xml"
  declare -a ours=() theirs=()
  for _ in $(seq "$runs"); do
    ours+=("$(timed "$knelpunt" cutsets "$tree" --target r1 --horizon inf --max-order 1 --probability --format json -q \
      -o "$work/$name.json")")
    theirs+=("$(timed scram --bdd --probability true --importance true --limit-order 1 "$work/$name.xml" \
      -o "$work/$name.scram.xml")")
  done
  python3 - "$name" "$work/$name.json" "$work/$name.scram.xml" "${ours[*]}" "${theirs[*]}" <<'PY'
import json, re, statistics, sys
name, ours_json, theirs_xml = sys.argv[1:4]
def medians(text):
    values = [float(v) for v in text.split()]
    return statistics.median(values[0::2]), statistics.median(values[1::2])
ours, theirs = medians(sys.argv[4]), medians(sys.argv[5])
probability = json.load(open(ours_json, encoding="utf-8"))["probability"]
value = probability["value"]
found = re.search(r'<sum-of-products [^>]*probability="([^"]+)"', open(theirs_xml, encoding="utf-8").read())
scram = float(found[1]) if found else None
agree = scram is not None and value is not None and f"{value:.6g}" == f"{scram:.6g}"
shown = f"{value:.6g}" if value is not None else "-"
if probability.get("method") != "exact":
    shown += f" ({probability.get('method')})"
print(f"{name:<10} {shown:<14} {scram if scram is not None else '-':<14} {'yes' if agree else 'NO':<6} "
      f"{ours[0] / theirs[0]:10.2f} {ours[1]:7.0f} / {theirs[1]:<7.0f}")
PY
done
