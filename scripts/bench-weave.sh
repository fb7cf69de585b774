#!/usr/bin/env bash
# Measures weave on the course's chapters: a cold run (empty cache), a no-op run, a run after
# editing one chapter, and a site build with a warm cache. Works on a copy of chapters/ and a
# fresh cache, so the repository is not touched. Prints each run's time and the number of
# compiler invocations weave reports.
#
# Usage: scripts/bench-weave.sh [debug|release]   (default: release)
# BENCH_SCRATCH=DIR builds weave in another build folder (for example while tests use .build).
set -euo pipefail
cd "$(dirname "$0")/.."
configuration="${1:-release}"
scratch=()
if [ -n "${BENCH_SCRATCH:-}" ]; then scratch=(--scratch-path "$BENCH_SCRATCH"); fi
swift build -c "$configuration" "${scratch[@]}" --product weave >/dev/null
weave="$(swift build -c "$configuration" "${scratch[@]}" --show-bin-path)/weave"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r chapters "$work/chapters"
cache="$work/cache"

run() {  # label, then weave arguments
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  "$weave" "$@" --chapters "$work/chapters" --cache "$cache" > "$work/out.txt"
  end=$(date +%s.%N)
  local summary
  summary=$(grep -E '^[0-9]+ chapters:' "$work/out.txt")
  printf '%-28s %7.2f s   %s\n' "$label" "$(awk "BEGIN { print $end - $start }")" "${summary#*; }"
}

echo "weave ($configuration build), $(nproc) cores, $(ls chapters/*.md | wc -l) Markdown files"
run "cold (empty cache)" check
run "no-op" check
first=$(ls "$work/chapters" | grep -v '^index.md$' | head -n 1)
printf '\n```swift\nprint("edited")\n```\n' >> "$work/chapters/$first"
run "after editing $first" check
run "no-op again" check
run "site, warm cache" build --output "$work/site"
grep 'rendering took' "$work/out.txt" | sed 's/^/  /'
