"""Telling a person's Ctrl-C from a plugin that raises `KeyboardInterrupt`.

Only `Exception` used to be caught around a plugin, so a plugin raising
`KeyboardInterrupt` (or calling `sys.exit`) ended the whole run as if the user
had pressed Ctrl-C, or exited 0 with nothing printed. The CLI installs a SIGINT
handler that records the signal before raising; the engine then treats a
`KeyboardInterrupt` as the user's only when a signal really arrived, and as a
plugin fault otherwise. A worker process ignores SIGINT (its parent handles
it), so there any `KeyboardInterrupt` is a plugin's. Without `install` (the
Python API), every `KeyboardInterrupt` is taken to be the caller's.
"""

from __future__ import annotations

import signal
import threading

_installed = False
_received = False


def _handler(signum: int, frame: object) -> None:
    global _received
    _received = True
    raise KeyboardInterrupt


def install(ignore: bool = False) -> None:
    """Record SIGINT before raising (the CLI), or ignore it (`ignore=True`: a worker process)."""
    global _installed
    if threading.current_thread() is not threading.main_thread():
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN if ignore else _handler)
    _installed = True


def by_user(exc: BaseException) -> bool:
    """True when `exc` must end the run: a real Ctrl-C, or any interrupt where no handler was installed."""
    if not isinstance(exc, KeyboardInterrupt):
        return False
    return _received or not _installed
