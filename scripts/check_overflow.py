"""Loads every page of the site in headless Chromium at phone width and reports any page
that scrolls sideways, naming the widest elements that stick out. Wide code, tables and
display formulas may scroll inside their own boxes; the page itself must not.

Needs Chromium and `pip install websocket-client`. Usage: python3 scripts/check_overflow.py [SITE_DIR] [WIDTH]
"""
import json
import pathlib
import sys

from headless import Browser

PROBE = """(() => {
  const width = document.documentElement.clientWidth;
  const over = [];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.right > width + 1 && !e.closest('pre, .table-wrap, math[display="block"], .sidebar')) {
      over.push(e.tagName.toLowerCase() + ' ' + Math.round(r.right) + 'px: ' + (e.textContent || '').trim().slice(0, 60));
    }
  }
  return JSON.stringify({scroll: document.documentElement.scrollWidth, width, over: over.slice(0, 5)});
})()"""


def main():
    site = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    width = int(sys.argv[2]) if len(sys.argv) > 2 else 390
    browser = Browser(width, 900)
    try:
        browser.size(width, 900, mobile=True)
        problems = 0
        for path in sorted(site.glob("*.html")):
            browser.open(path.as_uri())
            result = json.loads(browser.evaluate(PROBE))
            if result["scroll"] > result["width"] or result["over"]:
                problems += 1
                print(f"{path.name}: page is {result['scroll']}px wide at {result['width']}px")
                for line in result["over"]:
                    print("   ", line)
        print(f"{len(list(site.glob('*.html')))} pages at {width}px, {problems} scroll sideways")
        sys.exit(1 if problems else 0)
    finally:
        browser.close()


if __name__ == "__main__":
    main()
