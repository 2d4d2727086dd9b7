#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: install, build, run every test with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh
# The browser test needs no npm package: it drives Debian's chromium through chromedriver.
cd build
ctest --output-on-failure --timeout 600 -j "$(nproc)"
