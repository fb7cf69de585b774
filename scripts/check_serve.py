"""End-to-end test of `weave serve` in headless Chromium, on a small package made in a
temporary folder: the served chapter's DOM changes by itself after a prose edit, a config edit
and a snippet edit (the latencies are printed), a broken snippet shows its located error on the page
and keeps the last good page, the built site holds no reload script, a port in use is a clear
error, and Ctrl-C stops the server and leaves nothing behind.

Needs Chromium and `pip install websocket-client`.
Usage: python3 scripts/check_serve.py [WEAVE_BINARY]   (default .build/debug/weave)
"""
import os
import pathlib
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

from headless import Browser, free_port

CHAPTER = """# First

Prose line ALPHA.

```swift
print("value:", greeting)
```
"""


def make_package(root):
    files = {
        "Package.swift": '// swift-tools-version:6.0\nimport PackageDescription\n'
                         'let package = Package(name: "Tiny", products: [.library(name: "Tiny", targets: ["Tiny"])],\n'
                         '                      targets: [.target(name: "Tiny")])\n',
        "Sources/Tiny/Tiny.swift": 'public let greeting = "hello"\n',
        "weave.yml": "title: Tiny\nimports: [Tiny]\n",
        "chapters/index.md": "# Tiny\n\nOne chapter.\n",
        "chapters/01-first.md": CHAPTER,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


class Server:
    """`weave serve` as a child process, its output collected line by line."""

    def __init__(self, weave, root, port):
        self.process = subprocess.Popen([weave, "serve", "--root", str(root), "--port", str(port), "--quiet"],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines = queue.Queue()
        self.log = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.log.append(line.rstrip())
            self.lines.put(line.rstrip())

    def wait_for(self, needle, timeout):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                line = self.lines.get(timeout=0.2)
            except queue.Empty:
                if self.process.poll() is not None:
                    break
                continue
            if needle in line:
                return line
        raise SystemExit(f"FAIL: weave serve never printed {needle!r}; its output:\n" + "\n".join(self.log))


def main():
    weave = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/debug/weave")
    root = pathlib.Path(tempfile.mkdtemp(prefix="weave-serve-"))
    make_package(root)
    port = free_port()
    server = Server(weave, root, port)
    browser = None
    try:
        server.wait_for("serving", 60)
        server.wait_for("wrote", 600)  # the first build compiles the package's module
        site = root / "site"
        built = [p.name for p in site.glob("*.html") if "__weave/live" in p.read_text()]
        if built:
            raise SystemExit(f"FAIL: the built site holds the reload script: {built}")

        forged = urllib.request.Request(f"http://127.0.0.1:{port}/01-first.html", headers={"Host": "attacker.example"})
        try:
            urllib.request.urlopen(forged)
            raise SystemExit("FAIL: a request for another Host (DNS rebinding) was answered")
        except urllib.error.HTTPError as refused:
            if refused.code != 403:
                raise SystemExit(f"FAIL: a request for another Host got {refused.code}, not 403")
        print("a request naming another Host is refused (403)")

        browser = Browser()
        browser.call("Page.navigate", url=f"http://127.0.0.1:{port}/01-first.html")
        browser.seconds_until("document.body && document.body.innerText.includes('ALPHA') "
                           "&& document.body.innerText.includes('value: hello')", 30, "the first page")

        chapter = root / "chapters" / "01-first.md"
        chapter.write_text(CHAPTER.replace("ALPHA", "BETA"))
        prose = browser.seconds_until("document.body && document.body.innerText.includes('BETA')", 30, "the prose edit")
        print(f"prose edit on screen after {prose:.2f} s")

        (root / "weave.yml").write_text("title: Tiny, renamed\nimports: [Tiny]\n")
        config = browser.seconds_until("document.title.includes('Tiny, renamed')", 30, "the config's new title")
        print(f"config edit (the title) on screen after {config:.2f} s")

        chapter.write_text(CHAPTER.replace("ALPHA", "BETA").replace("greeting)", 'greeting + "!")'))
        snippet = browser.seconds_until("document.body && document.body.innerText.includes('value: hello!')", 60,
                                     "the snippet edit")
        print(f"snippet edit on screen after {snippet:.2f} s")

        chapter.write_text(CHAPTER.replace("greeting)", "greeting +)"))
        browser.seconds_until("(document.getElementById('weave-serve-errors') || {innerText: ''}).innerText"
                           ".includes('01-first.md:')", 60, "the located error on the page")
        if not browser.evaluate("document.body.innerText.includes('value: hello!')"):
            raise SystemExit("FAIL: after a failed build the page no longer shows the last good output")
        print("a broken snippet: its located error is on the page, above the last good output")

        second = subprocess.run([weave, "serve", "--root", str(root), "--port", str(port)],
                                capture_output=True, text=True, timeout=60)
        if second.returncode == 0 or "cannot listen" not in second.stderr:
            raise SystemExit(f"FAIL: a second server on the same port: status {second.returncode}, {second.stderr!r}")
        print("a port in use: " + second.stderr.strip().splitlines()[0])

        server.process.send_signal(signal.SIGINT)
        status = server.process.wait(timeout=30)
        # .site.lock stays by design (every build takes it); a staging or old copy must not.
        left = [p.name for p in root.iterdir() if p.name.startswith((".site.staging", ".site.old"))]
        work = root / ".build" / "weave" / "work"
        left += [str(p) for p in work.iterdir()] if work.exists() else []
        running = subprocess.run(["pgrep", "-f", str(root)], capture_output=True, text=True).stdout.split()
        if left or running:
            raise SystemExit(f"FAIL: Ctrl-C left {left}, processes {running}")
        print(f"Ctrl-C: weave serve exited with status {status}, nothing left behind")
    finally:
        if browser:
            browser.close()
        if server.process.poll() is None:
            server.process.kill()


if __name__ == "__main__":
    main()
