#!/usr/bin/env bash
# Monte Carlo at region scale (docs/performance.md, "simulate"): on a generated
# region, `knelpunt simulate` against bench/peers/networkx_simulate.py (the
# same runs as an analyst would script them with NetworkX), measured in the
# same run. Speed is compared per run: the peer's in-process time for its runs
# against knelpunt's wall time minus that of `knelpunt validate` on the same
# model (the load), each divided by its number of runs. The two draw from
# different random streams, so they must agree within sampling error: per
# asset a two-proportion z statistic, all below 5.
#
#   bench/simulate_scale.sh [WORK_DIR]   (BUILD=dir ASSETS=10000 RUNS=3
#                                         KNELPUNT_RUNS=100000 PEER_RUNS=5000 THREADS=n)
set -euo pipefail
source "$(dirname "$0")/common.sh"
bench_setup "${1:-/tmp/knelpunt-simulate-scale}"
assets="${ASSETS:-10000}"
runs="${RUNS:-3}"
knelpunt_runs="${KNELPUNT_RUNS:-100000}"
peer_runs="${PEER_RUNS:-5000}"
threads="${THREADS:-$(nproc)}"
model="$work/region-$assets"
[ -f "$model/model.yaml" ] || python3 "$here/generate_region.py" --assets "$assets" --out "$model" >/dev/null

declare -a validate simulate peer
for _ in $(seq "$runs"); do
  validate+=("$(timed "$knelpunt" validate "$model" -q)")
  simulate+=("$(timed "$knelpunt" simulate "$model" --runs "$knelpunt_runs" --seed 1 --horizon 72h \
    --threads "$threads" --format json -q -o "$work/simulate.json")")
  peer+=("$(timed python3 "$here/peers/networkx_simulate.py" "$model" --runs "$peer_runs" --seed 1 --horizon 72 \
    -o "$work/peer.json")")
done
python3 - "$work" "$assets" "$knelpunt_runs" "$peer_runs" "$threads" "${validate[*]}" "${simulate[*]}" "${peer[*]}" <<'PY'
import json, math, os, statistics, sys
work, assets, knelpunt_runs, peer_runs, threads = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
def runs(text):
    values = [float(v) for v in text.split()]
    return values[0::2], values[1::2]
validate_wall, _ = runs(sys.argv[6])
simulate_wall, simulate_rss = runs(sys.argv[7])
peer_wall, peer_rss = runs(sys.argv[8])
ours = {row["asset"]: row["failed_runs"] for row in json.load(open(os.path.join(work, "simulate.json")))["assets"]}
peer = json.load(open(os.path.join(work, "peer.json"), encoding="utf-8"))
# The peer's in-process time of its runs (last repetition) and knelpunt's compute (wall - load), per run.
peer_per_run = peer["runs_s"] / peer_runs
compute = max(1e-3, statistics.median(simulate_wall) - statistics.median(validate_wall))
ours_per_run = compute / knelpunt_runs
worst = 0.0
for asset, k in ours.items():
    j = peer["failed_runs"].get(asset, 0)
    pooled = (k + j) / (knelpunt_runs + peer_runs)
    spread = math.sqrt(pooled * (1 - pooled) * (1 / knelpunt_runs + 1 / peer_runs))
    if spread > 0:
        worst = max(worst, abs(k / knelpunt_runs - j / peer_runs) / spread)
failing = sum(1 for k in ours.values() if k > 0)
print(f"region: {assets} assets, {len(simulate_wall)} repetitions, medians; knelpunt {knelpunt_runs} runs on "
      f"{threads} threads, peer {peer_runs} runs")
print(f"per run: peer / knelpunt {peer_per_run / ours_per_run:.1f} "
      f"(peer {peer_per_run * 1e6:.0f} us, knelpunt {ours_per_run * 1e6:.1f} us of compute per run)")
print(f"whole process: peer {statistics.median(peer_wall):.2f} s for {peer_runs} runs, knelpunt "
      f"{statistics.median(simulate_wall):.2f} s for {knelpunt_runs} runs")
print(f"peak RSS: knelpunt {statistics.median(simulate_rss):.0f} MiB, peer {statistics.median(peer_rss):.0f} MiB")
print(f"agreement: {failing} assets fail in some knelpunt run; largest two-proportion |z| {worst:.2f} "
      f"({'agree' if worst < 5 else 'DISAGREE'})")
PY
