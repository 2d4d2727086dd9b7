#!/usr/bin/env bash
# Builds the libFuzzer harnesses of tests/fuzz/ (build-fuzz/, Debian's clang, ASan + UBSan) and
# fuzzes one target, or all of them one after another, for SECONDS each (default 60), starting
# from the seeds in tests/fuzz/<target>/.
#
#   tools/fuzz.sh                    # every target, 60 s each
#   tools/fuzz.sh analyzer 600       # one target for ten minutes
#   tools/fuzz.sh all 10             # what CI runs (tools/test.sh)
#   tools/fuzz.sh --keep-going query 300   # past the first finding: every distinct one is kept
#   ANTICIPA_FUZZ_UTF8_ONLY=1 tools/fuzz.sh analyzer 600   # valid UTF-8 only (analyzer, query)
#
# New inputs go to build-fuzz/tests/fuzz/corpus/<target>/ (kept between runs, never into the
# seeds); an input that breaks a promise is written to build-fuzz/tests/fuzz/findings/ and the
# script exits 1 after trying every target asked for. Reproduce one with
# `build-fuzz/tests/fuzz/fuzz_<target> <finding file>`.
set -euo pipefail
cd "$(dirname "$0")/.."
keep_going=()
if [ "${1:-}" = --keep-going ]; then
  # libFuzzer runs the target in a child process and starts another after a finding.
  keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  shift
fi
targets=(front_matter markdown analyzer query pii_scrubber tier_token request_fields json_text)
target=${1:-all}
seconds=${2:-60}
if [ "$target" != all ] && [[ ! " ${targets[*]} " =~ " $target " ]]; then
  echo "usage: tools/fuzz.sh [all|${targets[*]// /|}] [seconds]" >&2
  exit 2
fi
[ "$target" = all ] || targets=("$target")

command -v clang++ >/dev/null || tools/setup-debian.sh
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DANTICIPA_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build build-fuzz --parallel "$(nproc)" --target anticipa_fuzzers

out=build-fuzz/tests/fuzz
mkdir -p "$out/findings"
failed=()
for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t"
  echo "fuzz: $t for ${seconds}s" >&2
  if ! "$out/fuzz_$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
      "${keep_going[@]}" -artifact_prefix="$out/findings/$t-" "$out/corpus/$t" "tests/fuzz/$t" 2>"$out/$t.log" ||
    grep -q "Test unit written to\|crash-\|CRASH" "$out/$t.log"; then
    failed+=("$t")
    grep -E "broken promise|terminate called|what\(\)|ERROR: |SUMMARY: |Test unit written to" "$out/$t.log" |
      sort | uniq -c | sort -rn | head -20 >&2 || tail -20 "$out/$t.log" >&2
  fi
  grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$out/$t.log" | sed "s/^/fuzz: $t /" >&2 || true
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]} (inputs in $out/findings/, logs in $out/<target>.log)" >&2
  exit 1
fi
echo "fuzz: nothing found in ${targets[*]}" >&2
