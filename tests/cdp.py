"""Drive headless Chromium over the DevTools protocol with the standard library only.

Chromium's `--remote-debugging-pipe` reads protocol messages on file
descriptor 3 and writes them on 4, each a JSON object ended by a NUL byte;
no port, no websocket, nothing to install beyond the browser. The tests use
it to load a page, watch its console and network events, read the DOM and
take screenshots.

    with Browser.launch() as b:
        page = b.open("file:///tmp/report.html")   # waits for the load event
        page.evaluate("document.title")
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
import time
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def find_chromium() -> str | None:
    """The browser binary: $CHROMIUM, else the first of the usual names on PATH."""
    env = os.environ.get("CHROMIUM")
    if env and shutil.which(env):
        return shutil.which(env)
    return next((shutil.which(name) for name in CANDIDATES if shutil.which(name)), None)


class ProtocolError(RuntimeError):
    pass


class Browser:
    """One headless Chromium process and the pipe to it."""

    def __init__(self, proc: subprocess.Popen, to_browser: int, from_browser: int, profile: str) -> None:
        self.proc = proc
        self._out = os.fdopen(to_browser, "wb", buffering=0)
        self._in = os.fdopen(from_browser, "rb", buffering=0)
        self._profile = profile
        self._next = 0
        self._replies: dict[int, dict] = {}
        self._events: queue.Queue[dict] = queue.Queue()
        self._lock = threading.Condition()
        self.events: list[dict] = []  # every event seen, in order
        threading.Thread(target=self._read, daemon=True).start()

    @classmethod
    def launch(cls, binary: str | None = None) -> Browser:
        binary = binary or find_chromium()
        if binary is None:
            raise FileNotFoundError("no chromium binary")
        profile = tempfile.mkdtemp(prefix="jdlint-chromium-")
        to_r, to_w = os.pipe()
        from_r, from_w = os.pipe()
        args = [
            binary,
            "--headless",
            "--no-sandbox",  # CI runs as root
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--mute-audio",
            # any request that does try the network goes nowhere (and shows up in Network events)
            "--proxy-server=http://127.0.0.1:9",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        # Chromium wants its ends on descriptors 3 and 4: moved out of the way first, put there in the child
        child_in = fcntl.fcntl(to_r, fcntl.F_DUPFD_CLOEXEC, 10)
        child_out = fcntl.fcntl(from_w, fcntl.F_DUPFD_CLOEXEC, 10)

        def wire() -> None:
            os.dup2(child_in, 3)
            os.dup2(child_out, 4)

        proc = subprocess.Popen(
            args,
            pass_fds=(3, 4),
            preexec_fn=wire,  # the reader thread starts only after this
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(child_in)
        os.close(child_out)
        os.close(to_r)
        os.close(from_w)
        return cls(proc, to_w, from_r, profile)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.call("Browser.close", timeout=5)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for f in (self._out, self._in):
            with contextlib.suppress(OSError):
                f.close()
        shutil.rmtree(self._profile, ignore_errors=True)

    def _read(self) -> None:
        buf = b""
        while True:
            try:
                chunk = self._in.read(1 << 16)
            except (OSError, ValueError):
                chunk = b""
            if not chunk:
                with self._lock:
                    self._replies[-1] = {"error": {"message": "the browser closed the pipe"}}
                    self._lock.notify_all()
                return
            buf += chunk
            *messages, buf = buf.split(b"\0")
            for raw in messages:
                msg = json.loads(raw)
                with self._lock:
                    if "id" in msg:
                        self._replies[msg["id"]] = msg
                    else:
                        self.events.append(msg)
                        self._events.put(msg)
                    self._lock.notify_all()

    def call(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 60) -> dict:
        """Send one command and wait for its reply; raise on a protocol error."""
        with self._lock:
            self._next += 1
            mid = self._next
        msg: dict[str, Any] = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self._out.write(json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        with self._lock:
            while mid not in self._replies:
                if -1 in self._replies:
                    raise ProtocolError(f"{method}: {self._replies[-1]['error']['message']}")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{method}: no reply in {timeout} s")
                self._lock.wait(left)
            reply = self._replies.pop(mid)
        if "error" in reply:
            raise ProtocolError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait_event(self, method: str, session: str | None = None, timeout: float = 60) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {method} in {timeout} s")
            try:
                event = self._events.get(timeout=left)
            except queue.Empty:
                continue
            if event["method"] == method and (session is None or event.get("sessionId") == session):
                return event

    def new_page(self, width: int = 1280, height: int = 900, scale: float = 1) -> Page:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        for domain in ("Page", "Runtime", "Network", "Log"):
            page.call(f"{domain}.enable")
        page.resize(width, height, scale)
        return page


class Page:
    """One tab, attached through a flat session."""

    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session
        self.load_seconds = 0.0

    def call(self, method: str, params: dict | None = None, timeout: float = 60) -> dict:
        return self.browser.call(method, params, self.session, timeout)

    def resize(self, width: int, height: int, scale: float = 1) -> None:
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": False},
        )

    def open(self, url: str, timeout: float = 120) -> Page:
        """Navigate and wait for the load event; `load_seconds` is how long that took."""
        start = time.monotonic()
        self.call("Page.navigate", {"url": url})
        self.browser.wait_event("Page.loadEventFired", self.session, timeout)
        self.load_seconds = time.monotonic() - start
        return self

    def evaluate(self, expression: str) -> Any:
        reply = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in reply:
            raise ProtocolError(f"{expression[:60]}…: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def screenshot(self, full_page: bool = False, max_height: int = 16000) -> bytes:
        self.call("Page.bringToFront")  # a tab in the background never paints: its capture would hang
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            height = min(max_height, int(self.evaluate("document.documentElement.scrollHeight")))
            width = int(self.evaluate("document.documentElement.scrollWidth"))
            params.update(
                clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1}, captureBeyondViewport=True
            )
        return base64.b64decode(self.call("Page.captureScreenshot", params)["data"])

    def pdf(self) -> bytes:
        return base64.b64decode(self.call("Page.printToPDF", {"printBackground": True})["data"])

    def events(self, *methods: str) -> list[dict]:
        return [e for e in self.browser.events if e.get("sessionId") == self.session and e["method"] in methods]

    def console_errors(self) -> list[str]:
        """Uncaught exceptions, console.error calls and browser log errors (a CSP refusal, a failed load)."""
        out = [json.dumps(e["params"]["exceptionDetails"])[:300] for e in self.events("Runtime.exceptionThrown")]
        out += [
            json.dumps(e["params"]["args"])[:300]
            for e in self.events("Runtime.consoleAPICalled")
            if e["params"]["type"] in ("error", "assert")
        ]
        out += [
            e["params"]["entry"]["text"]
            for e in self.events("Log.entryAdded")
            if e["params"]["entry"]["level"] == "error"
        ]
        return out

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events("Network.requestWillBeSent")]
