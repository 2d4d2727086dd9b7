#!/usr/bin/env bash
# Configures and builds Anticipa into build/ (Release with debug info), installing missing Debian
# packages first. Shared by the demo and the test commands.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-debian.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --parallel "$(nproc)"
