#!/usr/bin/env bash
# Fresh machine to first results: install, build (Release), then the main job
# on the shipped Dordrecht example: validate the model, the knelpunten (N-1
# reach) and the cascade of one of its threat scenarios.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKNELPUNT_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)"
knelpunt=build/cli/knelpunt
$knelpunt validate examples/dordrecht
if $knelpunt reach --help >/dev/null 2>&1; then $knelpunt reach examples/dordrecht --top 10; fi
$knelpunt whatif examples/dordrecht --scenario-id ransomware-netbeheer
