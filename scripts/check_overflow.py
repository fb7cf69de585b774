"""Loads every page of the site in headless Chromium at phone width and reports any page
that scrolls sideways, naming the widest elements that stick out. Wide code, tables and
display formulas may scroll inside their own boxes; the page itself must not.

Needs Chromium and `pip install websocket-client`. Usage: python3 scripts/check_overflow.py [SITE_DIR] [WIDTH]
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

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
    profile = tempfile.mkdtemp()
    chromium = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=9333",
                                 f"--user-data-dir={profile}", f"--window-size={width},900", "about:blank"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                targets = json.load(urllib.request.urlopen("http://127.0.0.1:9333/json"))
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:
                time.sleep(0.1)
        ws = websocket.create_connection(page["webSocketDebuggerUrl"])
        counter = iter(range(1, 10**6))

        def call(method, **params):
            ident = next(counter)
            ws.send(json.dumps({"id": ident, "method": method, "params": params}))
            while True:
                message = json.loads(ws.recv())
                if message.get("id") == ident:
                    return message.get("result", {})

        call("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=True)
        problems = 0
        for path in sorted(site.glob("*.html")):
            call("Page.navigate", url=path.as_uri())
            for _ in range(100):
                state = call("Runtime.evaluate", expression="document.readyState + ' ' + location.href", returnByValue=True)
                if state["result"].get("value") == "complete " + path.as_uri():
                    break
                time.sleep(0.05)
            value = call("Runtime.evaluate", expression=PROBE, returnByValue=True)["result"]["value"]
            result = json.loads(value)
            if result["scroll"] > result["width"] or result["over"]:
                problems += 1
                print(f"{path.name}: page is {result['scroll']}px wide at {result['width']}px")
                for line in result["over"]:
                    print("   ", line)
        print(f"{len(list(site.glob('*.html')))} pages at {width}px, {problems} scroll sideways")
        sys.exit(1 if problems else 0)
    finally:
        chromium.terminate()


if __name__ == "__main__":
    main()
