#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: install, build, run every test with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh
# playwright-core for the browser test, exactly as locked (it downloads no browser: the test
# drives Debian's /usr/bin/chromium).
(cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
cd build
ctest --output-on-failure --timeout 600 -j "$(nproc)"
