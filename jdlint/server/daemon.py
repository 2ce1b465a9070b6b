"""The warm server: one single-threaded parent holding loaded engines, a forked child per run.

The parent loads spaCy, the plugins and the rule data once, lints a warm-up
posting in every output format (so lazily built data and lazily imported
reporters are in memory), freezes the garbage collector's view of all that,
and then only accepts connections, forks and reaps. A child takes the
client's stdin, stdout and stderr as its own, its working directory, its
environment, `sys.path` and umask, rebuilds `sys.std*` with the client's
encodings and buffering, and runs the same function a direct run calls
(`cli.run_here`), so the output is the direct run's, byte for byte, and so
are terminal and colour decisions. The child's exit code goes back to the
client; a child that crashes or is killed costs that run only.

Engines are kept by recipe (`run.engines.recipe_key`: the configuration, the
bytes of its rule packs, `--select`/`--ignore`). A child whose recipe is not
kept builds its engine itself and tells the parent, which builds and keeps
it after the run: a changed configuration or rule pack costs one cold
engine, never a wrong answer.

The parent exits when idle for `idle_timeout` seconds, on `jdlint server
stop` or SIGTERM, and as soon as a request finds it stale: jdlint's modules
or bundled data, the installed plugins or spaCy changed since it started.
That is watched through the files and folders the result cache's stamps
read (`run.cache.watched_paths`): a changed size or mtime makes the parent
recompute the stamps, and it answers stale only if they differ.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import signal
import socket
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from jdlint.server import client, paths, protocol
from jdlint.version import __version__

MAX_ENGINES = 8  # recipes kept warm; the oldest goes first
# What a spare lints before it waits: a small posting like the ones a commit touches, so the pages a run reads
# are copied now. Small on purpose: a spare still warming when a run comes is skipped, not waited for.
TOUCH = """---
title: Backend Engineer
location: Denver, CO
---
# Backend Engineer

We are looking for a rockstar engineer to join our growing team.

## Requirements

- 5+ years of experience with Python
- Strong communication skills

## Benefits

Salary: $120,000 - $150,000 per year. We are an equal opportunity employer.
"""
Runner = Callable[[list[str]], int]


def log(line: str) -> None:
    print(f"jdlint server [{os.getpid()}] {time.strftime('%H:%M:%S')}: {line}", file=sys.stderr, flush=True)


@dataclass
class _Child:
    conn: socket.socket
    notes: int  # read end of a pipe: the recipes the child missed, then "done"
    data: bytes = b""


@dataclass
class _Spare:
    """A child forked ahead of the next request, its copy-on-write pages already touched by a warm-up run."""

    pid: int
    sock: socket.socket  # the parent's end: the request and the client's descriptors are passed on it
    notes: int
    born: float
    warm: bool = False  # it said so on `sock`


@dataclass
class _State:
    runner: Runner
    idle_timeout: float
    listener: socket.socket
    lock: int
    started: float = field(default_factory=time.time)
    last: float = field(default_factory=time.monotonic)
    requests: int = 0
    children: dict[int, _Child] = field(default_factory=dict)
    stopping: str = ""
    selector: selectors.BaseSelector = field(default_factory=selectors.DefaultSelector)
    stamps: tuple[str, str] = ("", "")
    watched: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    wake: tuple[int, ...] = ()
    spare: _Spare | None = None
    spare_deaths: int = 0  # spares that died before their request: past 3, children are forked per request


def serve(runner: Runner, idle_timeout: float) -> int:
    """Run the server in this process until it is idle, stopped or stale; 0, or 2 when it cannot start."""
    if not hasattr(os, "fork") or not hasattr(socket, "AF_UNIX"):
        log("this platform has no fork or no Unix sockets; jdlint runs in-process")
        return 2
    try:
        base = paths.check_folder(paths.folder(), create=True)
        names = paths.names(base)
        if len(os.fsencode(names["sock"])) > paths.MAX_SOCKET_PATH:
            raise paths.Unsafe(f"{names['sock']}: too long for a Unix socket address")
    except (OSError, paths.Unsafe) as exc:
        log(f"error: {exc}")
        return 2
    lock = _take_lock(names["lock"])
    if lock is None:
        log("another server of this jdlint already runs")
        return 0
    listener = _listen(names["sock"])
    state = _State(runner, idle_timeout, listener, lock)
    try:
        _warm_up(runner)
        _snapshot(state)
        state.last = time.monotonic()  # idle from now: the warm-up is not idleness
        _fork_spare(state)
        log(f"ready on {names['sock']} (jdlint {__version__}, idle timeout {idle_timeout:g} s)")
        _loop(state, names["sock"])
    finally:
        _close_listener(state, names["sock"])
        if state.spare is not None:
            _kill(state.spare)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(state.spare.pid, 0)
            state.spare = None
        while state.children:
            _reap(state, block=True)
        signal.set_wakeup_fd(-1)
        state.selector.close()
        for fd in state.wake:
            os.close(fd)
    log(f"exits: {state.stopping or 'done'}")
    return 0


def _take_lock(path: str) -> int | None:
    import fcntl

    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _listen(path: str) -> socket.socket:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)  # left by a server that died: we hold the lock, so no live server owns it
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old = os.umask(0o177)  # the socket is created 0600: never a moment open to others
    try:
        listener.bind(path)
    finally:
        os.umask(old)
    os.chmod(path, 0o600)
    listener.listen(64)
    return listener


def _close_listener(state: _State, path: str) -> None:
    """Stop accepting and free the name for a fresh server (the lock too, so one can start at once)."""
    if state.listener.fileno() == -1:
        return
    with contextlib.suppress(OSError):
        if os.stat(path).st_ino == os.fstat(state.listener.fileno()).st_ino:
            os.unlink(path)
    state.listener.close()
    os.close(state.lock)


# -- warm-up ---------------------------------------------------------------------------------------------


def _sample_postings() -> dict[str, str]:
    """Postings that make every rule read its data: the rules' own flagged examples, in each language."""
    from jdlint.run.engines import get_engine

    by_language: dict[str, list[str]] = {}
    for rule in get_engine().rules.values():
        for language in rule.languages or ("en",):
            by_language.setdefault(language, []).extend(rule.bad_examples)
    head = "# Senior Software Engineer\n\nLocation: New York, NY (hybrid)\n\nSalary: $120,000 - $150,000 per year\n\n"
    return {
        f"warm-up.{language}.{suffix}": head + "\n\n".join(f"- {e}" for e in examples) + "\n"
        for language, examples in by_language.items()
        for suffix in ("md", "txt")
    }


def _warm_up(runner: Runner) -> None:
    """Load everything a run may need, by making the runs themselves: every format, cache on and off."""
    import io
    import tempfile

    from jdlint.config import Config
    from jdlint.engine.spec import EngineSpec
    from jdlint.run import engines

    engines.keep_warm()
    for config in (Config(), Config(pay_figures=True)):  # json and html runs list pay figures: another recipe
        engines.warm(EngineSpec(config))
    saved = {k: os.environ.get(k) for k in ("GITHUB_STEP_SUMMARY", "JDLINT_CACHE_DIR", "JDLINT_NO_YAML_CACHE")}
    streams = sys.stdin, sys.stdout, sys.stderr
    try:
        with tempfile.TemporaryDirectory(prefix="jdlint-warm-") as tmp:
            os.environ.pop("GITHUB_STEP_SUMMARY", None)
            os.environ["JDLINT_CACHE_DIR"] = os.path.join(tmp, "cache")
            files = []
            for name, text in _sample_postings().items():
                files.append(os.path.join(tmp, name))
                with open(files[-1], "w", encoding="utf-8") as fh:
                    fh.write(text)
            runs = [["--format", fmt, "--no-cache"] for fmt in ("text", "concise", "json", "sarif", "github")]
            for args in [*runs, ["--format", "text"], ["--format", "concise", "--diff"]]:
                sys.stdin = io.TextIOWrapper(io.BytesIO(b"# Salesman\n\nA rockstar salesman.\n"))
                sys.stdout = sys.stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
                runner(["check", "--fail-on", "never", *args, *files] + ([] if "--diff" in args else ["-"]))
                os.environ.pop("JDLINT_NO_YAML_CACHE", None)
            for spec in engines.missed:
                engines.warm(spec)
            engines.missed.clear()
    finally:
        sys.stdin, sys.stdout, sys.stderr = streams
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    _freeze()


def _freeze() -> None:
    import gc

    gc.collect()
    gc.freeze()  # the children never walk (nor copy, on write) the warm objects when they collect


def _lint_samples(engine) -> None:
    """Lint the sample postings with `engine`, so what it builds on first use is built now."""
    from jdlint.run.api import lint_text

    for name, text in _sample_postings().items():
        lint_text(text, path=name, engine=engine)


# -- the loop --------------------------------------------------------------------------------------------


def _loop(state: _State, path: str) -> None:
    selector = state.selector
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    os.set_blocking(wake_r, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    signal.signal(signal.SIGTERM, lambda *_: _stop(state, "SIGTERM"))
    signal.signal(signal.SIGINT, lambda *_: _stop(state, "interrupted"))
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    selector.register(state.listener, selectors.EVENT_READ, "accept")
    selector.register(wake_r, selectors.EVENT_READ, "wake")
    state.wake = (wake_r, wake_w)
    while True:
        _reap(state)
        if state.stopping and state.listener.fileno() != -1:
            selector.unregister(state.listener)
            _close_listener(state, path)
            if state.spare is not None:
                _kill(state.spare)
                state.spare = None
        if state.stopping and not state.children:
            return
        idle = time.monotonic() - state.last
        if not state.children and not state.stopping and idle >= state.idle_timeout:
            state.stopping = f"idle for {state.idle_timeout:g} s"
            continue
        timeout = max(0.05, state.idle_timeout - idle) if not state.children else 1.0
        for key, _ in selector.select(timeout):
            if key.data == "wake":
                with contextlib.suppress(OSError):
                    os.read(wake_r, 4096)
            elif key.data == "accept" and not state.stopping:
                _accept(state)
            elif isinstance(key.data, int):
                _read_notes(state, key.data)


def _stop(state: _State, why: str) -> None:
    state.stopping = state.stopping or why


def _accept(state: _State) -> None:
    try:
        conn, _ = state.listener.accept()
    except OSError:
        return
    fds: list[int] = []
    try:
        uid = paths.peer_uid(conn)
        if uid is not None and uid != os.getuid():
            log(f"refused a connection from uid {uid}")
            return conn.close()
        conn.settimeout(client.CONNECT_TIMEOUT)
        reader = protocol.Reader(conn)
        message = reader.message(with_fds=3)
        fds = reader.fds
        if message.get("v") != protocol.VERSION:
            return _answer(conn, {"fallback": f"protocol {message.get('v')!r}, the server speaks {protocol.VERSION}"})
        op = message.get("op")
        if op == "status":
            return _answer(conn, _status(state))
        if op == "stop":
            _stop(state, "stopped by `jdlint server stop`")
            return _answer(conn, {"stopping": os.getpid()})
        if op != "run" or len(fds) != 3:
            return _answer(conn, {"fallback": "not a run request"})
        why = _refusal(state, message)
        if why:
            return _answer(conn, {"fallback": why})
        _hand_over(state, conn, reader, message, fds)
        conn = None  # type: ignore[assignment]  # the child owns it now, the parent keeps its copy in state
    except (OSError, protocol.Closed, ValueError) as exc:
        log(f"a bad request: {exc}")
    finally:
        for fd in fds:
            with contextlib.suppress(OSError):
                os.close(fd)
        if conn is not None:
            conn.close()
        _fork_spare(state)  # after the client's streams are closed here: a spare must never hold them open


def _answer(conn: socket.socket, message: dict) -> None:
    with contextlib.suppress(OSError):
        protocol.send(conn, message)


def _status(state: _State) -> dict:
    from jdlint.run import engines

    return {
        "pid": os.getpid(),
        "version": __version__,
        "uptime": round(time.time() - state.started, 1),
        "requests": state.requests,
        "running": len(state.children),
        "engines": len(engines.kept()),
        "idle_timeout": state.idle_timeout,
    }


def _refusal(state: _State, message: dict) -> str:
    """Why this server must not answer this run (the client then runs in-process), or ""."""
    if message.get("version") != __version__:
        return f"the server runs jdlint {__version__}, the client {message.get('version')}"
    if message.get("install") != paths.install():
        return "the server runs another jdlint install, Python or sys.path"
    if message.get("utf8") != sys.flags.utf8_mode or message.get("fsencoding") != sys.getfilesystemencoding():
        return "the server runs with another text encoding (UTF-8 mode or locale)"
    path0 = message.get("path0") or ""
    if path0 != (sys.path[0] if sys.path else "") and _has_distributions(path0):
        return f"{path0} holds installed distributions the server does not see"
    if _stale(state):
        _stop(state, "stale: jdlint, its rule data, its plugins or spaCy changed")
        return "stale"
    return ""


def _has_distributions(folder: str) -> bool:
    try:
        with os.scandir(folder) as entries:
            return any(e.name.endswith((".dist-info", ".egg-info", ".egg-link")) for e in entries)
    except OSError:
        return False


def _signature(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


def _snapshot(state: _State) -> None:
    """Record what the stamps read (first), then the stamps themselves (fresh)."""
    from jdlint.run import cache

    own = sys.path[0] if sys.path else ""  # the server's working folder, where its socket is made: not code
    state.watched = {str(p): _signature(str(p)) for p in cache.watched_paths() if str(p) != own}
    stamps = cache.stamps(fresh=True)
    if state.stamps == ("", ""):
        state.stamps = stamps
    elif stamps != state.stamps:
        raise _StaleError


class _StaleError(Exception):
    pass


def _stale(state: _State) -> bool:
    """True when the code, the bundled data, the plugins or spaCy changed since the server started."""
    if all(_signature(path) == sig for path, sig in state.watched.items()):
        return False
    try:
        _snapshot(state)  # something was touched: is it a change the stamps see?
    except _StaleError:
        return True
    except Exception:
        return True
    return False


def _fork(state: _State, conn: socket.socket, reader: protocol.Reader, message: dict, fds: list[int]) -> None:
    notes_r, notes_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        code = 70
        try:
            os.close(notes_r)
            _close_inherited(state)
            code = _child(state.runner, conn, reader, message, fds, notes_w)
        finally:
            os._exit(code)
    os.close(notes_w)
    state.requests += 1
    state.children[pid] = _Child(conn, notes_r)
    state.selector.register(notes_r, selectors.EVENT_READ, notes_r)


def _hand_over(state: _State, conn: socket.socket, reader: protocol.Reader, message: dict, fds: list[int]) -> None:
    """Give the run to the spare child (then fork the next spare), or fork a child for it."""
    spare = state.spare
    if spare is not None and not spare.warm:
        spare.warm = _said_warm(spare)
    if spare is not None and spare.warm:
        state.spare = None
        try:
            protocol.send(spare.sock, message, [conn.fileno(), *fds])
        except OSError:
            _kill(spare)
        else:
            spare.sock.close()
            state.requests += 1
            state.children[spare.pid] = _Child(conn, spare.notes)
            state.selector.register(spare.notes, selectors.EVENT_READ, spare.notes)
            return
    _fork(state, conn, reader, message, fds)


def _said_warm(spare: _Spare) -> bool:
    import select

    try:
        if not select.select([spare.sock], [], [], 0)[0]:
            return False
        return spare.sock.recv(16) == b"warm\n"
    except OSError:
        return False


def _kill(spare: _Spare) -> None:
    with contextlib.suppress(OSError):
        os.kill(spare.pid, signal.SIGKILL)
    spare.sock.close()
    with contextlib.suppress(OSError):
        os.close(spare.notes)


def _fork_spare(state: _State) -> None:
    """Fork the next spare, unless one waits, the server is stopping, or spares keep dying."""
    if state.spare is not None or state.stopping or state.spare_deaths > 3:
        return
    parent_end, child_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    notes_r, notes_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the spare: never returns
        code = 70
        try:
            parent_end.close()
            os.close(notes_r)
            _close_inherited(state)
            code = _spare(state.runner, child_end, notes_w)
        finally:
            os._exit(code)
    child_end.close()
    os.close(notes_w)
    state.spare = _Spare(pid, parent_end, notes_r, time.monotonic())


def _spare(runner: Runner, job: socket.socket, notes: int) -> int:
    """Touch the warm objects with a run of the sample posting (the copy-on-write faults are paid now, not
    during the client's run), then wait for a request and serve it."""
    import io

    from jdlint.run import engines

    client.inside_server = True
    streams = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.TextIOWrapper(io.BytesIO(TOUCH.encode()))
    sys.stdout = sys.stderr = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.suppress(BaseException):  # a spare that cannot warm up still serves
        runner(["check", "--no-cache", "--fail-on", "never", "-", "--stdin-filename", "warm-up.md"])
    sys.stdin, sys.stdout, sys.stderr = streams
    engines.missed.clear()
    with contextlib.suppress(OSError):
        job.sendall(b"warm\n")  # the parent hands it runs from now on (until then it forks a child per run)
    reader = protocol.Reader(job)
    try:
        message = reader.message(with_fds=4)
    except (OSError, protocol.Closed):
        return 0  # the server let this spare go
    job.close()
    conn_fd, *fds = reader.fds
    if len(fds) != 3:
        return 0
    conn = socket.socket(fileno=conn_fd)
    return _child(runner, conn, protocol.Reader(conn), message, fds, notes)


def _close_inherited(state: _State) -> None:
    """A child keeps only its own connection: not the listener, the lock, the other runs, the loop's pipes."""
    signal.set_wakeup_fd(-1)
    for number in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for fd in [*(key.fd for key in state.selector.get_map().values()), *state.wake]:
        with contextlib.suppress(OSError):
            os.close(fd)
    with contextlib.suppress(OSError):
        os.close(state.lock)
    for other in state.children.values():
        with contextlib.suppress(OSError):
            other.conn.close()
    if state.spare is not None:
        state.spare.sock.close()
        with contextlib.suppress(OSError):
            os.close(state.spare.notes)


def _child(runner: Runner, conn: socket.socket, reader: protocol.Reader, message: dict, fds: list[int], notes: int):
    """Wait for the client's go, become its process (streams, folder, environment), run, report."""
    import io
    import threading

    client.inside_server = True
    protocol.send(conn, {"ready": os.getpid()})
    conn.settimeout(client.READY_TIMEOUT)
    try:
        if reader.line() != b"go":
            return 0
    except (OSError, protocol.Closed):
        return 0  # the client gave up (and runs in-process): nothing was written
    conn.settimeout(None)
    for target, fd in enumerate(fds):
        os.dup2(fd, target, inheritable=True)
        os.close(fd)
    os.chdir(message["cwd"])
    os.environ.clear()
    os.environ.update(message["env"])
    if hasattr(time, "tzset"):
        time.tzset()  # the client's TZ: "today", which decides the laws in force, is the client's day
    sys.path[:] = [message.get("path0") or "", *message["install"][3:]]
    os.umask(int(message["umask"]))
    sys.argv = ["jdlint", *message["argv"]]
    opened = []
    for fd, (encoding, errors, line_buffering, write_through) in enumerate(message["stdio"]):
        raw = io.FileIO(fd, "r" if fd == 0 else "w", closefd=False)
        buffered = io.BufferedReader(raw) if fd == 0 else io.BufferedWriter(raw)
        opened.append(io.TextIOWrapper(buffered, encoding, errors, "\n", line_buffering, write_through))
    sys.stdin, sys.stdout, sys.stderr = opened
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = opened

    settled = threading.Event()

    def watch() -> None:  # the client's signals, and its end: a client killed mid-run ends the run
        while True:
            try:
                line = reader.line()
            except (OSError, protocol.Closed):
                os._exit(1)
            if line == b"settled":
                settled.set()
            elif line.startswith(b"signal "):
                # to the main thread itself: a signal sent to the process may land on this thread, and
                # then a read of standard input in the main thread is not interrupted
                with contextlib.suppress(ValueError, OSError):
                    signal.pthread_kill(threading.main_thread().ident, int(line.split()[1]))

    def settle() -> None:
        """A round trip to the client (see `client.settle`); a forwarded signal interrupts the wait."""
        settled.clear()
        with contextlib.suppress(OSError):
            protocol.send(conn, {"settle": 1})
            settled.wait(client.SETTLE_TIMEOUT)

    client.settle = settle
    threading.Thread(target=watch, daemon=True).start()
    try:
        code = runner(message["argv"])
    except SystemExit as exc:  # argparse's --help and --version, as the interpreter would end them
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        if not isinstance(exc.code, int | None):
            print(exc.code, file=sys.stderr)
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 1
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    _write_notes(notes)
    with contextlib.suppress(OSError):
        protocol.send(conn, {"exit": code})
    return code


def _write_notes(fd: int) -> None:
    import pickle

    from jdlint.run import engines

    try:
        data = pickle.dumps(list(engines.missed))
    except Exception:
        data = pickle.dumps([])
    with contextlib.suppress(OSError):
        view = memoryview(data + b"\ndone")
        while view:
            view = view[os.write(fd, view) :]
        os.close(fd)


def _read_notes(state: _State, fd: int, child: _Child | None = None) -> None:
    """Read what a child wrote on its notes pipe; at its end, stop watching the pipe."""
    child = child or next((c for c in state.children.values() if c.notes == fd), None)
    try:
        data = os.read(fd, 65536)
    except OSError:
        data = b""
    if data:
        if child is not None:
            child.data += data
        return
    with contextlib.suppress(KeyError, ValueError):
        state.selector.unregister(fd)
    os.close(fd)
    if child is not None:
        child.notes = -1


def _reap(state: _State, block: bool = False) -> None:
    while state.children:
        try:
            pid, status = os.waitpid(next(iter(state.children)) if block else -1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            state.children.clear()
            return
        if pid == 0:
            return
        child = state.children.pop(pid, None)
        if child is None:
            if state.spare is not None and pid == state.spare.pid:  # died before its request
                state.spare_deaths += time.monotonic() - state.spare.born < 60
                _kill(state.spare)
                state.spare = None
                _fork_spare(state)
            continue
        while child.notes != -1:  # the child is gone: what it wrote is all in the pipe
            _read_notes(state, child.notes, child)
        state.last = time.monotonic()
        reported = child.data.endswith(b"\ndone")
        if os.WIFSIGNALED(status):
            _answer(child.conn, {"signal": os.WTERMSIG(status)})
        elif not reported:  # the run ended the process itself (os._exit in a plugin): its status is the code
            _answer(child.conn, {"exit": os.waitstatus_to_exitcode(status)})
        child.conn.close()
        if reported and not state.stopping:
            _keep_missed(state, child.data[: -len(b"\ndone")])
        if block:
            return


def _keep_missed(state: _State, data: bytes) -> None:
    import pickle

    from jdlint.run import engines

    try:
        specs = pickle.loads(data)
    except Exception:
        return
    for spec in specs:
        try:
            _lint_samples(engines.warm(spec, keep=MAX_ENGINES))
        except Exception as exc:
            log(f"not kept warm: {type(exc).__name__}: {exc}")
    if specs:
        _freeze()
        if state.spare is not None:  # it was forked before these engines existed
            _kill(state.spare)
            state.spare = None
        _fork_spare(state)
