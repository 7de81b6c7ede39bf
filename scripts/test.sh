#!/usr/bin/env bash
# Fresh machine to a passing test suite: install, build with warnings as
# errors (Release), run every unit, property and CLI golden test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Release -DKNELPUNT_WERROR=ON -DKNELPUNT_TESTS=ON >/dev/null
cmake --build build-test -j"$(nproc)"
ctest --test-dir build-test -j"$(nproc)" --output-on-failure
