#!/usr/bin/env bash
# Benchmark of `knelpunt reach` against its peers, all measured in the same run
# on the same generated regions (docs/performance.md records the figures):
#   - `knelpunt validate` on the same model: the load cost (parse + validate);
#   - bench_naive_reach: one full simulation per asset (sampled, extrapolated)
#     and one plain BFS over the same graph;
#   - bench/peers/networkx_reach.py: what an analyst writes with NetworkX
#     (sampled, extrapolated; 200k only), checked to agree with knelpunt.
# Wall time and peak RSS come from /usr/bin/time -v; ratios are the headline.
#
#   bench/run.sh [WORK_DIR]        (BUILD=dir THREADS=n SIZES="200000 1000000")
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
work="${1:-/tmp/knelpunt-bench}"
build="${BUILD:-$root/build-bench}"
threads="${THREADS:-$(nproc)}"
sizes="${SIZES:-200000 1000000}"
export KNELPUNT_HOME="$root"
mkdir -p "$work"

if [ ! -x "$build/cli/knelpunt" ] || [ ! -x "$build/bench/bench_naive_reach" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKNELPUNT_TESTS=OFF >/dev/null
  cmake --build "$build" --target knelpunt bench_naive_reach -j "${JOBS:-2}"
fi
knelpunt="$build/cli/knelpunt"
naive="$build/bench/bench_naive_reach"

# measure NAME CMD…: runs CMD under /usr/bin/time -v; sets wall_NAME, rss_NAME (MiB).
measure() {
  local name="$1"; shift
  /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err"
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/$name.time")
  printf -v "wall_$name" '%s' "$wall"
  printf -v "rss_$name" '%s' "$rss"
}
ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}' if b>0 else 'n/a')" "$1" "$2"; }
json_field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }

printf '%-22s %9s %9s %9s %9s %10s %10s %11s %9s %9s\n' region assets "reach/ld" "cmp/BFS" "naive/cmp" "nx/cmp" "RSS reach" "RSS valid" "threads" agree
# A region is VARIANT[:DEPTH:SEED]; the third is a chained region drawn with
# another depth and seed than the first (and than the tests use), so that the
# figures do not hang on one draw.
for region in layered chains chains:300:7; do
  IFS=: read -r variant depth seed <<<"$region"
  for size in $sizes; do
    model="$work/${region//:/-}-$size"
    [ -f "$model/model.yaml" ] || python3 "$here/generate_region.py" --assets "$size" --variant "$variant" \
      ${depth:+--depth "$depth"} ${seed:+--seed "$seed"} --out "$model" >/dev/null
    measure validate "$knelpunt" validate "$model"
    measure reach "$knelpunt" reach "$model" --format json --threads "$threads"
    measure naive "$naive" "$model" --limit 100
    load_s=$(json_field "$work/naive.out" load_s)
    bfs_s=$(json_field "$work/naive.out" bfs_s)
    naive_s=$(json_field "$work/naive.out" naive_extrapolated_s)
    # The compute part of reach: its wall time minus the load (validate) time.
    compute=$(python3 -c "import sys; print(max(1e-3, float(sys.argv[1]) - float(sys.argv[2])))" "$wall_reach" "$wall_validate")
    nx_ratio="-"
    agree="-"
    if [ "$size" -le 200000 ]; then
      python3 "$here/peers/networkx_reach.py" "$model" --limit 100 >"$work/nx.out"
      nx_s=$(json_field "$work/nx.out" peer_extrapolated_s)
      nx_ratio=$(ratio "$nx_s" "$compute")
      agree=$(python3 - "$work/nx.out" "$work/reach.out" <<'EOF'
import json, sys
peer = json.load(open(sys.argv[1]))["reach"]
ours = {a["asset"]: a["reach"] for a in json.load(open(sys.argv[2]))["assets"]}
print("yes" if all(ours[a] == r for a, r in peer.items()) else "NO")
EOF
)
    fi
    printf '%-22s %9s %9s %9s %9s %10s %10s %11s %9s %9s\n' "${region//:/-}-$size" "$size" \
      "$(ratio "$wall_reach" "$wall_validate")" "$(ratio "$compute" "$bfs_s")" "$(ratio "$naive_s" "$compute")" \
      "$nx_ratio" "${rss_reach}M" "${rss_validate}M" "$threads" "$agree"
    # The size of the answer: affected (asset, asset) pairs, and how fast reach's compute part swept them.
    pairs=$(python3 -c "import json,sys; print(sum(a['reach'] for a in json.load(open(sys.argv[1]))['assets']))" "$work/reach.out")
    echo "  answer: $pairs affected pairs, $(python3 -c "import sys; print(f'{int(sys.argv[1])/float(sys.argv[2])/1e6:.0f}')" "$pairs" "$compute") million pairs/s of reach compute" >&2
    echo "  raw: validate ${wall_validate}s, reach ${wall_reach}s, in-process load ${load_s}s, BFS ${bfs_s}s," \
         "naive extrapolated ${naive_s}s" >&2
  done
done
cat <<'EOF'

reach/ld  = wall(knelpunt reach) / wall(knelpunt validate): reach including its load, against the load alone (target <= 3)
cmp/BFS   = (wall(reach) - wall(validate)) / one plain BFS over the same graph (in-process)
naive/cmp = naive per-asset full simulation (100 assets, extrapolated) / reach compute
nx/cmp    = NetworkX analyst peer (100 assets, extrapolated) / reach compute; agree = its 100 reaches equal ours
EOF
