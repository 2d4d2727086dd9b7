#!/usr/bin/env bash
# The whole test suite on a fresh Debian 12 machine: install, build, run every test with CTest;
# then the guards: the C++ tests again under ASan + UBSan (tools/sanitizers.sh) and every fuzzer
# for a few seconds from its seeds (tools/fuzz.sh). CI's entry point (.ci/run). Every stage runs
# even when an earlier one failed, so one CI run reports all of them; the exit code is 1 if any did.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh
failed=()
(cd build && ctest --output-on-failure --timeout 600 -j "$(nproc)") || failed+=(tests)
tools/sanitizers.sh || failed+=(sanitizers)
tools/fuzz.sh all "${ANTICIPA_FUZZ_SECONDS:-10}" || failed+=(fuzzers)
if [ ${#failed[@]} -gt 0 ]; then
  echo "test.sh: failed: ${failed[*]}" >&2
  exit 1
fi
echo "test.sh: the tests, the sanitizer run and the fuzzers passed" >&2
