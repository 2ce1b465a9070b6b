"""`jdlint server start | stop | status | run`: one line each on stderr, exit 0 (status: 1 when none runs)."""

from __future__ import annotations

import contextlib
import os
import sys
import time

from jdlint.server import client, daemon, paths

START_WAIT = 120.0  # seconds `start` waits for the new server to answer (it loads spaCy and warms up)


def _say(line: str) -> None:
    print(f"jdlint server: {line}", file=sys.stderr)


def _status() -> dict | None:
    try:
        return client.request("status")
    except client.Fallback:
        return None


def _idle(given: float | None) -> float:
    if given is not None:
        return given
    from jdlint import config as config_mod

    try:
        return float(config_mod.resolve(None, ".").server.get("idle-timeout", client.DEFAULT_IDLE))
    except config_mod.ConfigError:
        return float(client.DEFAULT_IDLE)


def main(action: str, idle_timeout: float | None, runner: daemon.Runner) -> int:
    if idle_timeout is not None and idle_timeout <= 0:
        _say("error: --idle-timeout must be a positive number of seconds")
        return 2
    if action in ("start", "run") and not hasattr(os, "fork"):
        _say("error: this platform has no fork; jdlint runs in-process here")
        return 2
    if action == "run":
        return daemon.serve(runner, _idle(idle_timeout))
    status = _status()
    if action == "status":
        if status is None:
            _say("not running")
            return 1
        _say(
            f"running (pid {status['pid']}, jdlint {status['version']}, up {status['uptime']:g} s, "
            f"{status['requests']} runs, {status['running']} running now, {status['engines']} engines kept, "
            f"idle timeout {status['idle_timeout']:g} s)"
        )
        return 0
    if action == "stop":
        if status is None:
            _say("not running")
            return 0
        with contextlib.suppress(client.Fallback):
            client.request("stop")
        _wait(lambda: _status() is None, 30.0)
        _say(f"stopped (pid {status['pid']})")
        return 0
    if status is not None:
        _say(f"already running (pid {status['pid']})")
        return 0
    try:
        paths.check_folder(paths.folder(), create=True)
    except (OSError, paths.Unsafe) as exc:
        _say(f"error: {exc}")
        return 2
    if not client.spawn(_idle(idle_timeout)):
        if _wait(lambda: _status() is not None, START_WAIT):  # another one was starting
            _say(f"already running (pid {_status()['pid']})")  # type: ignore[index]
            return 0
        _say("error: could not start (see the log beside the socket)")
        return 2
    if not _wait(lambda: _status() is not None, START_WAIT):
        _say("error: the server did not answer (see the log beside the socket)")
        return 2
    _say(f"started (pid {_status()['pid']})")  # type: ignore[index]
    return 0


def _wait(done, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if done():
            return True
        time.sleep(0.1)
    return done()
