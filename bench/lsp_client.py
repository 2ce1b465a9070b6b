"""A small LSP client over stdio for the benchmark: JSON-RPC with Content-Length frames.

The editor figure is taken through the real `jdlint lsp` process, as an editor
sees it (debounce, linting, positions, encoding and the pipe all included), not
by calling `lint_text`. A reader thread stamps each message with the time it
was read, so the main thread's wake-up is not counted.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

TIMEOUT = 60.0


class LspClient:
    """Requests, notifications, and the server's messages in arrival order with their arrival time."""

    def __init__(self, cmd: list[str], cwd: Path, env: dict[str, str]) -> None:
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, env=env
        )
        self.inbox: queue.Queue[tuple[float, dict] | None] = queue.Queue()
        self.stderr: list[bytes] = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            length = None
            while True:
                header = out.readline()
                if not header:
                    self.inbox.put(None)
                    return
                if header in (b"\r\n", b"\n"):
                    break
                name, _, value = header.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            body = out.read(length)
            self.inbox.put((time.perf_counter(), json.loads(body)))

    def send(self, message: dict) -> float:
        """Send one message; return the time it was handed to the pipe."""
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return time.perf_counter()

    def notify(self, method: str, params: Any) -> float:
        return self.send({"method": method, "params": params})

    def receive(self, timeout: float = TIMEOUT) -> tuple[float, dict]:
        item = self.inbox.get(timeout=timeout)
        if item is None:
            said = b"".join(self.stderr).decode(errors="replace")
            raise RuntimeError(f"the language server closed its output: {said}")
        msg = item[1]
        if "method" in msg and "id" in msg:  # a request from the server (e.g. registerCapability)
            self.send({"id": msg["id"], "result": None})
        return item

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, "params": params})
        while True:
            _, msg = self.receive()
            if msg.get("id") == rid and "method" not in msg:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg["result"]

    def initialize(self, root: Path) -> None:
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "capabilities": {"textDocument": {"publishDiagnostics": {"versionSupport": True}}},
            },
        )
        self.notify("initialized", {})

    def wait_diagnostics(self, uri: str, version: int, timeout: float = TIMEOUT) -> tuple[float, dict]:
        """The arrival time and parameters of the publishDiagnostics for `uri` at `version`."""
        deadline = time.perf_counter() + timeout
        while True:
            arrived, msg = self.receive(max(0.01, deadline - time.perf_counter()))
            if msg.get("method") != "textDocument/publishDiagnostics":
                continue
            params = msg["params"]
            if params.get("uri") == uri and params.get("version") == version:
                return arrived, params

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except (OSError, RuntimeError, queue.Empty, subprocess.TimeoutExpired):
            pass
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
