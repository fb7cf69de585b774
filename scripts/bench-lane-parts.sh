#!/usr/bin/env bash
# Times each part of the lane sweep's training step alone (bench/lane_parts.swift), by
# compiling the harness into one module with the library's sources: the lane kernels are
# internal to ElmanRNN. Nothing in the repository is written.
#
# Usage: scripts/bench-lane-parts.sh [SAMPLES]        (default 20000)
# SWIFTFLAGS="-Xcc -march=native" (the default) or SWIFTFLAGS="" for a portable build.
set -euo pipefail
cd "$(dirname "$0")/.."
flags=${SWIFTFLAGS--Xcc -march=native}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086  # the flags are words
swiftc -O -wmo $flags -parse-as-library -module-name Statistics -emit-module -emit-module-path "$work/Statistics.swiftmodule" \
  -c Sources/Statistics/*.swift -o "$work/Statistics.o"
cp bench/lane_parts.swift "$work/main.swift"  # top-level code lives in a main.swift
printf 'module CPUFeatures {\n  header "%s"\n  export *\n}\n' "$PWD/Sources/CPUFeatures/include/CPUFeatures.h" > "$work/module.modulemap"
# shellcheck disable=SC2086
swiftc -O -wmo $flags -module-name LaneParts -I "$work" -Xcc -fmodule-map-file="$work/module.modulemap" \
  Sources/ElmanRNN/*.swift "$work/main.swift" "$work/Statistics.o" -o "$work/lane-parts"
"$work/lane-parts" "${1:-20000}"
