#!/usr/bin/env bash
# Fuzzes the TeX → MathML converter and the snippet tag parser: random token soups, mutations
# of every course formula and of the README's supported list, and deep nests. Each success
# must be well-formed MathML and each error must point inside its input; a crash or a hang
# fails the run. The test suite runs a short batch of the same cases; this runs many.
#
# Usage: scripts/fuzz.sh [CASES] [SEED]   (default: 100000 cases per fuzzer, seed 20261201)
# A failure prints its seed and case; rerun with that seed to reproduce it.
set -euo pipefail
cd "$(dirname "$0")/.."
cases="${1:-100000}"
seed="${2:-20261201}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build --build-tests >/dev/null
start=$(date +%s.%N)
status=0
WEAVE_FUZZ_CASES="$cases" WEAVE_FUZZ_SEED="$seed" WEAVE_FUZZ_LAST_INPUT="$work/last-input" \
  swift test --skip-build --filter 'TeXFuzzTests|TagFuzzTests' > "$work/log" 2>&1 || status=$?
end=$(date +%s.%N)
# An issue's message runs over several lines: show each from its seed to its input.
grep -E 'fuzz:|✘ Test run|seed [0-9]+ case|^input:' "$work/log" || true
if [ "$status" != 0 ]; then
  echo "fuzz: FAILED (exit status $status); the last inputs tried were:"
  cat "$work"/last-input-* 2>/dev/null || true
  echo
  exit 1
fi
printf 'fuzz: %s cases per fuzzer, seed %s, %.1f s\n' "$cases" "$seed" "$(awk "BEGIN { print $end - $start }")"
