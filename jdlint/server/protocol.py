"""The messages on the server's socket: one JSON object per line, and three file descriptors once.

    client → server   the request (JSON line) with the client's stdin, stdout and stderr attached (SCM_RIGHTS)
    server → client   {"ready": pid} (a child is forked and waits) or {"fallback": why} (run in-process)
    client → child    "go" (start: nothing was written before this), later "signal N" (Ctrl-C and friends)
    child → client    {"settle": 1} after reading standard input to its end; the client answers "settled"
                      once its signal handlers have run (so a Ctrl-C it had is forwarded first)
    child → client    {"exit": code}; the server sends {"signal": n} instead when the child was killed

Requests other than a run ({"op": "status"}, {"op": "stop"}) are answered with one JSON line.
"""

from __future__ import annotations

import json
import socket
from typing import Any

VERSION = 2  # of this protocol; a request of another version is answered {"fallback": ...}
MAX_LINE = 4 * 1024 * 1024  # a request carries the environment and sys.path: a few KB


class Closed(Exception):
    """The other end closed the connection, or sent something that is not a message."""


def encode(message: dict[str, Any]) -> bytes:
    return json.dumps(message, separators=(",", ":")).encode("utf-8") + b"\n"


def send(sock: socket.socket, message: dict[str, Any], fds: list[int] | None = None) -> None:
    data = encode(message)
    if fds:
        sent = socket.send_fds(sock, [data], fds)
        data = data[sent:]
    if data:
        sock.sendall(data)


class Reader:
    """Lines from a socket, with the descriptors that arrived alongside them."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.buffer = b""
        self.fds: list[int] = []

    def line(self, with_fds: int = 0) -> bytes:
        while b"\n" not in self.buffer:
            if len(self.buffer) > MAX_LINE:
                raise Closed("message too long")
            if with_fds and not self.fds:
                data, fds, _flags, _addr = socket.recv_fds(self.sock, 65536, with_fds)
                self.fds.extend(fds)
            else:
                data = self.sock.recv(65536)
            if not data:
                raise Closed("connection closed")
            self.buffer += data
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line

    def message(self, with_fds: int = 0) -> dict[str, Any]:
        line = self.line(with_fds)
        try:
            message = json.loads(line)
        except ValueError:
            raise Closed("not a message") from None
        if not isinstance(message, dict):
            raise Closed("not a message")
        return message
