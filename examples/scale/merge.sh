#!/usr/bin/env bash
# The last step after all COUNT shards of shard.sh have run: checks that every
# part is there and merges them into
#   $OUT/reach.json and $OUT/simulate.json (JSON), reach.txt and simulate.txt (text)
# byte for byte what `knelpunt reach` and `knelpunt simulate` write on one
# machine with the same options (docs/reach.md, docs/simulate.md).
#
#   examples/scale/merge.sh COUNT
#
# Environment: OUT (default ./knelpunt-parts), LANG_OUTPUT (nl or en for the
# text, default nl), KNELPUNT (the binary, default knelpunt on the PATH).
# knelpunt merge itself refuses parts of other models, seeds or shard counts.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 COUNT (the number of shards that ran)" >&2
  exit 2
fi
count="$1"
case "$count" in
  '' | *[!0-9]*) echo "$0: COUNT must be a whole number, got '$count'" >&2; exit 2 ;;
esac
out="${OUT:-knelpunt-parts}"
knelpunt="${KNELPUNT:-knelpunt}"

for what in reach simulate; do
  parts=()
  missing=()
  for ((i = 0; i < count; i++)); do
    if [ -f "$out/$what-$i.json" ]; then parts+=("$out/$what-$i.json"); else missing+=("$what-$i.json"); fi
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "$0: ${#missing[@]} of $count $what parts missing in $out: ${missing[*]}; expected $what-0.json … $what-$((count - 1)).json" >&2
    exit 2
  fi
  "$knelpunt" merge "${parts[@]}" --format json -o "$out/$what.json"
  "$knelpunt" merge "${parts[@]}" --format text --lang "${LANG_OUTPUT:-nl}" -o "$out/$what.txt"
done
