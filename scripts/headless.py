"""Headless Chromium driven over the DevTools protocol, for the site's browser checks
(check_overflow.py, check_reader.py, check_serve.py). Needs Chromium and
`pip install websocket-client`."""
import base64
import json
import socket
import subprocess
import tempfile
import time
import urllib.request

import websocket


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """One headless Chromium with one page, on a free debugging port."""

    def __init__(self, width=1280, height=900):
        self.profile = tempfile.mkdtemp()
        port = free_port()
        self.process = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--remote-debugging-port={port}",
             f"--user-data-dir={self.profile}", f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        page = None
        for _ in range(200):
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:
                time.sleep(0.1)
        if page is None:
            raise SystemExit("FAIL: Chromium did not start")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"])
        self.counter = iter(range(1, 10**9))

    def call(self, method, **params):
        ident = next(self.counter)
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                return message.get("result", {})

    def evaluate(self, expression):
        return self.call("Runtime.evaluate", expression=expression, returnByValue=True).get("result", {}).get("value")

    def size(self, width, height, mobile):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1, mobile=mobile)

    def open(self, url):
        self.call("Page.navigate", url=url)
        self.wait(f"document.readyState === 'complete' && location.href === {json.dumps(url)}")

    def wait(self, condition, seconds=5):
        """Whether the condition became true within the time."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.evaluate(f"!!({condition})"):
                return True
            time.sleep(0.02)
        return False

    def seconds_until(self, condition, timeout, what):
        """How long the condition took to become true; fails the check if it never did."""
        start = time.time()
        if self.wait(condition, timeout):
            return time.time() - start
        raise SystemExit(f"FAIL: {what} not seen within {timeout} s; the page says: "
                         + str(self.evaluate("document.body ? document.body.innerText.slice(0, 500) : ''")))

    def screenshot(self, path):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"]))

    def close(self):
        self.process.terminate()
        self.process.wait()
