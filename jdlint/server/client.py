"""The CLI's side of the server: hand this run to a warm jdlint, or say that it must run here.

`run(argv)` returns the exit code the server's child reported, or None: no
server, a server of another jdlint or Python, a stale one (it exits; the
next `--server` run starts a fresh one), an unsafe socket, a timeout, or a
platform without Unix sockets. Nothing has been written to the terminal when
it returns None, so the caller runs in-process exactly as without a server.
Before the server has said it is ready, nothing runs there: a client that
gives up closes the connection, and the child forked for it exits unused.

This module is imported by every `jdlint check`; it imports the socket and
json modules only, and nothing of jdlint's pipeline.
"""

from __future__ import annotations

import contextlib
import os
import sys

ENV_USE = "JDLINT_SERVER"  # 1: start a server on first use (as --server)
ENV_NEVER = "JDLINT_NO_SERVER"  # 1: never use one (as --no-server)
CONNECT_TIMEOUT = 1.0  # seconds to connect and send the request
READY_TIMEOUT = 5.0  # seconds for the server to fork a child for it (it may be warming an engine)
DEFAULT_IDLE = 900  # seconds a server started on first use waits for its next request

inside_server = False  # set in the server's children: a run there never starts another server
SETTLE_TIMEOUT = 5.0  # seconds a served run waits for its client to answer `settle`
last_reason = ""  # why the last `run` returned None (for `--server`: start one only if none answers)


def settle() -> None:
    """Let a signal the client already has reach this run before it goes on (a no-op outside the server).

    A served run learns of the client's Ctrl-C over the socket, while the end of its
    standard input comes straight from the pipe: a caller that interrupts and then
    closes the input could have the run see the end first and finish "All clean".
    The server's child replaces this with a round trip to the client, which answers
    only after its signal handlers have run, so a forwarded signal arrives first, as
    it would in a direct run. Called after standard input is read to its end.
    """


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no", "off")


def options(argv: list[str]) -> tuple[bool, bool]:
    """(use a running server, start one if none runs) from `--server`/`--no-server` and the environment."""
    head = argv[: argv.index("--")] if "--" in argv else argv
    if "--no-server" in head or _flag(ENV_NEVER):
        return False, False
    return True, "--server" in head or _flag(ENV_USE)


def run(argv: list[str]) -> int | None:
    """The exit code of `jdlint ARGV` run by the server, or None to run in this process."""
    global last_reason
    use, _ = options(argv)
    if not use or inside_server:
        last_reason = "not asked"
        return None
    import socket

    if not hasattr(socket, "AF_UNIX") or not hasattr(socket, "send_fds"):
        last_reason = "no Unix sockets here"
        return None
    try:
        return _through_server(argv)
    except Fallback as exc:
        last_reason = str(exc)
        return None


class Fallback(Exception):
    """Run in-process; str() says why."""


def connect(timeout: float = CONNECT_TIMEOUT):
    """A socket connected to this install's server, checked to be the user's own; raises `Fallback`."""
    import socket

    from jdlint.server import paths

    try:
        names = paths.names()
        paths.check_folder(os.path.dirname(names["sock"]))
        paths.check_socket(names["sock"])
    except (FileNotFoundError, paths.Unsafe) as exc:
        raise Fallback("absent" if isinstance(exc, FileNotFoundError) else f"unsafe: {exc}") from None
    except OSError as exc:
        raise Fallback(f"absent: {exc}") from None
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(names["sock"])
        uid = paths.peer_uid(sock)
    except OSError as exc:  # refused: a socket left by a server that died
        sock.close()
        raise Fallback(f"absent: {exc}") from None
    if uid is not None and uid != os.getuid():
        sock.close()
        raise Fallback(f"unsafe: the server runs as uid {uid}")
    return sock


def request(op: str, timeout: float = CONNECT_TIMEOUT) -> dict:
    """Ask the running server for its status or to stop; raises `Fallback` when none answers."""
    from jdlint.server import protocol

    sock = connect(timeout)
    try:
        protocol.send(sock, {"v": protocol.VERSION, "op": op})
        return protocol.Reader(sock).message()
    except (OSError, protocol.Closed) as exc:
        raise Fallback(f"no answer: {exc}") from None
    finally:
        sock.close()


def _stream(stream) -> list:
    return [stream.encoding, stream.errors, stream.line_buffering, stream.write_through]


def _through_server(argv: list[str]) -> int:

    from jdlint.server import paths, protocol
    from jdlint.version import __version__

    streams = (sys.stdin, sys.stdout, sys.stderr)
    if any(s is None or not hasattr(s, "line_buffering") for s in streams):
        raise Fallback("a standard stream is closed or replaced")
    try:
        cwd = os.getcwd()
    except OSError as exc:
        raise Fallback(f"no working directory: {exc}") from None
    umask = os.umask(0o022)
    os.umask(umask)
    message = {
        "v": protocol.VERSION,
        "op": "run",
        "version": __version__,
        "install": paths.install(),
        "path0": sys.path[0] if sys.path else "",
        "utf8": sys.flags.utf8_mode,
        "fsencoding": sys.getfilesystemencoding(),
        "argv": argv,
        "cwd": cwd,
        "env": dict(os.environ),
        "umask": umask,
        "stdio": [_stream(s) for s in streams],
    }
    sock = connect()
    reader = protocol.Reader(sock)
    try:
        protocol.send(sock, message, [0, 1, 2])
        sock.settimeout(READY_TIMEOUT)
        answer = reader.message()
    except (OSError, protocol.Closed) as exc:  # includes socket.timeout: the child, if any, exits unused
        sock.close()
        raise Fallback(f"no answer: {exc}") from None
    if "ready" not in answer:
        sock.close()
        raise Fallback(str(answer.get("fallback", "refused")))
    sock.settimeout(None)
    forwarded = _forward_signals(sock)
    try:
        sock.sendall(b"go\n")
        while True:  # from here on the child writes to our streams: no fallback any more
            answer = reader.message()
            if "exit" in answer:
                return int(answer["exit"])
            if "settle" in answer:  # our handlers have run by now: any signal was forwarded before this
                sock.sendall(b"settled\n")
            if "signal" in answer:
                _die_like(int(answer["signal"]), forwarded)
    except (OSError, protocol.Closed, ValueError, TypeError):
        sys.stderr.write("jdlint: error: the server stopped before the run finished; run again with --no-server\n")
        return 2
    finally:
        _restore(forwarded)
        sock.close()


def _forward_signals(sock) -> dict:
    """Pass Ctrl-C, hang-up and termination on to the child, which then ends as a direct run would."""
    import signal

    def forward(signum, frame):
        with contextlib.suppress(OSError):
            sock.sendall(b"signal %d\n" % signum)

    old = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(OSError, ValueError):
                old[number] = signal.signal(number, forward)
    return old


def _restore(old: dict) -> None:
    import signal

    for number, handler in old.items():
        signal.signal(number, handler)


def _die_like(signum: int, forwarded: dict) -> None:
    """The child was killed by `signum`: end this process by the same signal, as the direct run would have."""
    import signal

    _restore(forwarded)
    forwarded.clear()
    sys.stdout.flush()
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)
    os._exit(128 + signum)  # a signal that does not end a process by default


def spawn(idle_timeout: float = DEFAULT_IDLE) -> bool:
    """Start a server in the background unless one runs (or is starting); True when one was started."""
    if inside_server or not hasattr(os, "fork"):
        return False  # a platform without fork (Windows) has no server: every run is in-process
    import fcntl
    import subprocess

    from jdlint.server import paths

    try:
        names = paths.names()
        paths.check_folder(os.path.dirname(names["sock"]), create=True)
        fd = os.open(names["lock"], os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except (OSError, paths.Unsafe):
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # the server holds it for its whole life
    except OSError:
        return False
    finally:
        os.close(fd)  # released: the server takes it (another starter that races loses at the server's flock)
    log = os.open(names["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        subprocess.Popen(
            [sys.executable, "-m", "jdlint", "server", "run", "--idle-timeout", f"{idle_timeout:g}"],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            # an empty PYTHONPATH entry puts the working folder on sys.path: the server must see the same one
            cwd=os.getcwd() if os.getcwd() in sys.path[1:] else os.path.dirname(names["sock"]),
            start_new_session=True,
            env={k: v for k, v in os.environ.items() if k not in (ENV_USE, ENV_NEVER)},
        )
    except OSError:
        return False
    finally:
        os.close(log)
    return True
