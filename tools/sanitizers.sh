#!/usr/bin/env bash
# The unit, integration, server and end-to-end tests again, built with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-sanitize/ (-fno-sanitize-recover: the first report fails its
# test, leaks included). The browser test (the widget's JavaScript) and the quality gate (the
# ranking, on the judged collections) are left to the normal build: neither exercises C++ the
# others do not, and together they would add most of an hour. CI runs this from tools/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANTICIPA_SANITIZE=ON >/dev/null
cmake --build build-sanitize --parallel "$(nproc)"
cd build-sanitize
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
ctest --output-on-failure --timeout 900 -j "$(nproc)" -L '^(unit|integration|server|e2e)$' -LE '^browser$'
