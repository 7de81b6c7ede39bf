#!/usr/bin/env bash
# Fresh machine to first results: install, build (Release), then the main job
# on the shipped Dordrecht example: validate the model and write its risk
# register (Markdown and JSON in out/), then show the summary and the top of
# the register. Threat feeds are optional: without a cache (knelpunt catalog
# fetch kev|epss) the assessment says so and goes on.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DKNELPUNT_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)"
knelpunt=build/cli/knelpunt
mkdir -p out
$knelpunt validate examples/dordrecht
$knelpunt assess examples/dordrecht -o out/register.md
$knelpunt assess examples/dordrecht -o out/register.json -q
# The summary, the risk diagram and the ten highest risks of the register.
# (through a file: with pipefail, `sed | head` would fail on SIGPIPE)
sed -n "/^## Samenvatting/,/^## Risico's$/p" out/register.md > out/summary.md
head -n 40 out/summary.md
echo "Full register: out/register.md and out/register.json"
