#!/usr/bin/env bash
# Loading at national scale (docs/performance.md, "Loading at national
# scale"): on generated layered regions, `knelpunt validate` and
# `knelpunt reach --format json` against the Python csv peer
# (bench/peers/python_csv_read.py) in the same run, alternating run by run;
# medians of wall time and peak RSS, and peak RSS over the CSV input size.
#
#   bench/loader_scale.sh [WORK_DIR]     (BUILD=dir SIZES="200000 1000000" RUNS=3)
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_setup "${1:-/tmp/knelpunt-loader-scale}"
sizes="${SIZES:-200000 1000000}"
runs="${RUNS:-3}"

for size in $sizes; do
  model="$work/layered-$size"
  [ -f "$model/model.yaml" ] || python3 "$here/generate_region.py" --assets "$size" --variant layered --out "$model" >/dev/null
  declare -a peer=() validate=() reach=()
  for _ in $(seq "$runs"); do
    peer+=("$(timed python3 "$here/peers/python_csv_read.py" "$model")")
    validate+=("$(timed "$knelpunt" validate "$model" -q)")
    reach+=("$(timed "$knelpunt" reach "$model" --format json -o "$work/reach.json")")
  done
  input_bytes=$(cat "$model"/data/*.csv | wc -c)
  python3 - "$size" "$input_bytes" "${peer[*]}" "${validate[*]}" "${reach[*]}" <<'PY'
import statistics, sys
size, input_bytes = sys.argv[1], int(sys.argv[2])
def runs(text):
    values = [float(v) for v in text.split()]
    return statistics.median(values[0::2]), statistics.median(values[1::2])
peer, validate, reach = (runs(a) for a in sys.argv[3:6])
print(f"layered {size}: CSV input {input_bytes / 1e6:.1f} MB; medians of {len(sys.argv[3].split()) // 2} runs")
print(f"  validate: {validate[0] / peer[0]:.2f}x the Python csv read ({validate[0]:.2f} s vs {peer[0]:.2f} s), "
      f"peak RSS {validate[1]:.0f} MiB = {validate[1] * 1048576 / input_bytes:.1f}x the input")
print(f"  reach --format json: {reach[0] / validate[0]:.2f}x validate, peak RSS {reach[1]:.0f} MiB")
PY
done
