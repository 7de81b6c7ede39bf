# Sourced by the bench scripts that time `knelpunt` against a peer:
#   bench_setup WORK_DIR   sets here, root, work, build, knelpunt; builds the
#                          Release binary into $BUILD (default build-bench)
#                          when it is missing;
#   timed CMD…             runs CMD once under /usr/bin/time -v and prints
#                          "wall_s peak_MiB" (callers alternate commands run
#                          by run and take medians).
bench_setup() {
  here="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
  root="$(dirname "$here")"
  work="$1"
  build="${BUILD:-$root/build-bench}"
  export KNELPUNT_HOME="$root"
  mkdir -p "$work"
  if [ ! -x "$build/cli/knelpunt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKNELPUNT_TESTS=OFF >/dev/null
    cmake --build "$build" --target knelpunt -j "${JOBS:-2}"
  fi
  knelpunt="$build/cli/knelpunt"
}

timed() {
  /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt"
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; w=s}
              /Maximum resident set size/ {r=$2/1024} END {printf "%.3f %.0f\n", w, r}' "$work/time.txt"
}
