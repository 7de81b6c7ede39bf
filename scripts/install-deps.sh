#!/usr/bin/env bash
# Installs what knelpunt needs to build and test, from Debian 12 packages only.
#
#   scripts/install-deps.sh               build and test (the README's commands, .ci/run)
#   scripts/install-deps.sh --build-only  build and run only (CI jobs and images that use knelpunt:
#                                         examples/ci, examples/scale)
#   … --list                              print the packages instead of installing them
set -euo pipefail
build=(g++ cmake ninja-build pkg-config ca-certificates
       libyaml-cpp-dev libcli11-dev libfmt-dev
       nlohmann-json3-dev libcurl4-openssl-dev zlib1g-dev
       libgraphviz-dev  # the graph layout, Graphviz as a library (decision 026)
       libxlsxwriter-dev libminizip-dev libexpat1-dev)  # the Excel register (decisions 027, 028)
tests=(python3 python3-yaml doctest-dev
       chromium-headless-shell  # tests only: the HTML report in headless Chromium (decision 025)
       scram  # tests only: the MEF export cross-checked against SCRAM (decision 031)
       strace)  # tests only: which runs start again with huge pages (decision 041)
packages=("${build[@]}" "${tests[@]}")
list=false
for argument in "$@"; do
  case "$argument" in
    --build-only) packages=("${build[@]}") ;;
    --list) list=true ;;
    *) echo "$0: unknown option '$argument'; expected --build-only and/or --list" >&2; exit 2 ;;
  esac
done
if $list; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
