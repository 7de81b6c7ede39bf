#!/usr/bin/env bash
# Installs what knelpunt needs to build and test, from Debian 12 packages only.
set -euo pipefail
packages=(g++ cmake ninja-build pkg-config python3 python3-yaml ca-certificates
          libyaml-cpp-dev libcli11-dev libfmt-dev doctest-dev
          nlohmann-json3-dev libcurl4-openssl-dev zlib1g-dev
          libgraphviz-dev  # the graph layout, Graphviz as a library (decision 026)
          libxlsxwriter-dev libminizip-dev libexpat1-dev  # the Excel register (decisions 027, 028)
          chromium-headless-shell  # tests only: the HTML report in headless Chromium (decision 025)
          scram)  # tests only: the MEF export cross-checked against SCRAM (decision 031)
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
