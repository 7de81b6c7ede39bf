#!/usr/bin/env bash
# One shard of a region's N-1 reach and Monte Carlo simulation, for any
# scheduler: a Slurm array task, a Kubernetes Indexed Job pod, a CI matrix job
# (see README.md). Shard INDEX of COUNT (0 <= INDEX < COUNT) writes
#   $OUT/reach-INDEX.json and $OUT/simulate-INDEX.json
# which merge.sh combines into exactly what one unsharded run writes.
#
#   examples/scale/shard.sh INDEX COUNT
#
# Environment: MODEL (the model directory, required), OUT (where the parts go,
# shared by all tasks; default ./knelpunt-parts), RUNS (Monte Carlo runs in all,
# default 100000), SEED (default 1), HORIZON (default: the model's), THREADS
# (default: all cores the task has), KNELPUNT (the binary; default: knelpunt on
# the PATH). Every task must see the same MODEL, RUNS, SEED and HORIZON: merge
# refuses parts that do not fit together.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 INDEX COUNT (shard INDEX of COUNT, 0 <= INDEX < COUNT)" >&2
  exit 2
fi
index="$1"
count="$2"
case "$index$count" in
  *[!0-9]*) echo "$0: INDEX and COUNT must be whole numbers, got '$index' and '$count'" >&2; exit 2 ;;
esac
if [ "$index" -ge "$count" ]; then
  echo "$0: INDEX must be below COUNT, got $index of $count" >&2
  exit 2
fi
: "${MODEL:?set MODEL to the model directory}"
out="${OUT:-knelpunt-parts}"
knelpunt="${KNELPUNT:-knelpunt}"
options=(-q)
[ -n "${HORIZON:-}" ] && options+=(--horizon "$HORIZON")
[ -n "${THREADS:-}" ] && options+=(--threads "$THREADS")
mkdir -p "$out"

# Each part is written atomically (-o): a task that dies leaves no half part.
"$knelpunt" reach "$MODEL" "${options[@]}" --shard "$index/$count" -o "$out/reach-$index.json"
"$knelpunt" simulate "$MODEL" "${options[@]}" --runs "${RUNS:-100000}" --seed "${SEED:-1}" \
  --shard "$index/$count" -o "$out/simulate-$index.json"
