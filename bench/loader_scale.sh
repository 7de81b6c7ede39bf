#!/usr/bin/env bash
# Loading at national scale (docs/performance.md, "Loading at national
# scale"): on generated layered regions, `knelpunt validate` and
# `knelpunt reach --format json` against the Python csv peer
# (bench/peers/python_csv_read.py) in the same run, alternating run by run;
# medians of wall time and peak RSS, and peak RSS over the CSV input size.
#
#   bench/loader_scale.sh [WORK_DIR]     (BUILD=dir SIZES="200000 1000000" RUNS=3)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="${1:-/tmp/knelpunt-loader-scale}"
build="${BUILD:-$root/build-bench}"
sizes="${SIZES:-200000 1000000}"
runs="${RUNS:-3}"
export KNELPUNT_HOME="$root"
mkdir -p "$work"
if [ ! -x "$build/cli/knelpunt" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKNELPUNT_TESTS=OFF >/dev/null
  cmake --build "$build" --target knelpunt -j "${JOBS:-2}"
fi
knelpunt="$build/cli/knelpunt"

# timed CMD…: runs CMD once under /usr/bin/time -v; prints "wall_s peak_MiB".
timed() {
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt"
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; w=s}
              /Maximum resident set size/ {r=$2/1024} END {printf "%.3f %.0f\n", w, r}' "$work/time.txt"
}
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
