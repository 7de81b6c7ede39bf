#!/usr/bin/env bash
# The register at region scale (docs/performance.md, "assess at region scale"):
# on a generated region, `knelpunt assess` with the shipped default profile
# against `knelpunt reach` on the same model, measured in the same run, plus
# what the register lists and how large it is. Also the default profile with
# single-point at max_order 1 (no critical pairs), to show what the pairs cost.
#
#   bench/register_scale.sh [WORK_DIR]        (BUILD=dir ASSETS=10000 RUNS=3)
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_setup "${1:-/tmp/knelpunt-register-scale}"
assets="${ASSETS:-10000}"
runs="${RUNS:-3}"
model="$work/region-$assets"
[ -f "$model/model.yaml" ] || python3 "$here/generate_region.py" --assets "$assets" --out "$model" >/dev/null
sed 's/max_order: 2/max_order: 1/' "$root/profiles/default.yaml" >"$work/order-1.yaml"

declare -a reach assess order1
for _ in $(seq "$runs"); do
  reach+=("$(timed "$knelpunt" reach "$model" --format json -o "$work/reach.json")")
  assess+=("$(timed "$knelpunt" assess "$model" -q -o "$work/register.json")")
  order1+=("$(timed "$knelpunt" assess "$model" -q -p "$work/order-1.yaml" -o "$work/register-order-1.json")")
done
python3 - "$work" "$assets" "${reach[*]}" "${assess[*]}" "${order1[*]}" <<'PY'
import json, os, statistics, sys
work, assets = sys.argv[1], sys.argv[2]
def runs(text):
    values = [float(v) for v in text.split()]
    return values[0::2], values[1::2]
reach_wall, reach_rss = runs(sys.argv[3])
assess_wall, assess_rss = runs(sys.argv[4])
order1_wall, order1_rss = runs(sys.argv[5])
register = json.load(open(os.path.join(work, "register.json"), encoding="utf-8"))
listing = register["listing"]
size = os.path.getsize(os.path.join(work, "register.json")) / 1e6
print(f"region: {assets} assets, {len(reach_wall)} runs each, medians")
print(f"entries listed {listing['listed']}, not listed {listing['not_listed']} "
      f"(by level {listing['not_listed_by_level']})")
print(f"register JSON {size:.1f} MB; peak RSS assess {statistics.median(assess_rss):.0f} MiB, "
      f"reach {statistics.median(reach_rss):.0f} MiB")
print(f"wall assess / reach: {statistics.median(assess_wall) / statistics.median(reach_wall):.2f}")
print(f"wall assess (single-point max_order 1) / reach: {statistics.median(order1_wall) / statistics.median(reach_wall):.2f}, "
      f"peak RSS {statistics.median(order1_rss):.0f} MiB")
PY
