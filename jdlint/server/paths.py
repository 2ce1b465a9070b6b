"""Where the server's socket lives, and the checks that make it the user's alone.

One folder per user: `$JDLINT_SERVER_DIR` (tests), else `$XDG_RUNTIME_DIR/jdlint`,
else `<cache dir>/server`; mode 0700, owned by the user, in a parent no one else
can rename it out of. One socket per jdlint install and Python (`identity`), mode
0600. A folder or socket owned by someone else, or open to the group or others,
is refused rather than repaired: someone else could be listening there. On the
socket itself the peer's uid is checked both ways where the platform says it
(SO_PEERCRED); elsewhere the 0700 folder is the guard.

Imported by every `jdlint check`, so it imports only what Python has loaded anyway.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys

ENV_DIR = "JDLINT_SERVER_DIR"
MAX_SOCKET_PATH = 100  # AF_UNIX addresses are ~104-108 bytes, by platform


class Unsafe(Exception):
    """The folder or socket is not safe to use; str() says which and why."""


def folder() -> str:
    """The folder the user's sockets live in (not created or checked here)."""
    env = os.environ.get(ENV_DIR)
    if env:
        return os.path.abspath(env)
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime) and os.path.isdir(runtime):
        return os.path.join(runtime, "jdlint")
    from jdlint.data.cache_dir import cache_root

    return str(cache_root() / "server")


def identity() -> str:
    """This install and Python, as a short digest: jdlint's folder, the interpreter, and `sys.path` past its first
    entry (the script's folder or the working directory, which differ run by run; see `daemon` for how it is
    checked). Two virtual environments, or two checkouts on PYTHONPATH, never share a server."""
    import zlib  # hashlib loads OpenSSL: too slow for every run, and the server checks `install()` in full

    raw = "\0".join(install()).encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"


def install() -> list[str]:
    """What must be equal for a server to answer a client: jdlint's folder, the interpreter, `sys.path[1:]`."""
    import jdlint

    return [os.path.dirname(os.path.abspath(jdlint.__file__)), sys.executable, sys.version, *sys.path[1:]]


def names(base: str | None = None) -> dict[str, str]:
    """The socket, lock and log paths of this install's server."""
    base = base or folder()
    ident = identity()
    return {kind: os.path.join(base, f"{ident}.{kind}") for kind in ("sock", "lock", "log")}


def _owned_private(st: os.stat_result, what: str, path: str) -> None:
    if st.st_uid != os.getuid():
        raise Unsafe(f"{path}: the {what} belongs to uid {st.st_uid}, not to you (uid {os.getuid()})")
    if st.st_mode & 0o077:
        raise Unsafe(f"{path}: the {what} is open to other users (mode {stat.S_IMODE(st.st_mode):04o}); expected 0700")


def check_folder(path: str, create: bool = False) -> str:
    """`path`, once it is a real folder of the user's with mode 0700 in a parent others cannot rewrite."""
    if create and not os.path.lexists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, 0o700)
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        raise Unsafe(f"{path}: no such folder") from None
    if not stat.S_ISDIR(st.st_mode):
        raise Unsafe(f"{path}: not a folder (a symbolic link or a file is never followed)")
    _owned_private(st, "folder", path)
    parent = os.stat(os.path.dirname(path))
    if parent.st_mode & 0o022 and not parent.st_mode & stat.S_ISVTX:
        raise Unsafe(f"{os.path.dirname(path)}: others may write to this folder; keep the server's folder elsewhere")
    return path


def check_socket(path: str) -> None:
    """Raise `Unsafe` unless `path` is a socket of the user's, mode 0600 (or stricter)."""
    if len(os.fsencode(path)) > MAX_SOCKET_PATH:
        raise Unsafe(f"{path}: too long for a Unix socket address ({MAX_SOCKET_PATH} bytes at most)")
    st = os.lstat(path)  # FileNotFoundError: no server
    if not stat.S_ISSOCK(st.st_mode):
        raise Unsafe(f"{path}: not a socket")
    if st.st_uid != os.getuid():
        raise Unsafe(f"{path}: the socket belongs to uid {st.st_uid}, not to you (uid {os.getuid()})")
    if st.st_mode & 0o077:
        raise Unsafe(f"{path}: the socket is open to other users (mode {stat.S_IMODE(st.st_mode):04o})")


def peer_uid(sock) -> int | None:
    """The uid of the process at the other end of a connected Unix socket; None where the platform cannot say."""
    import socket

    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return None
    import struct

    raw = sock.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    return struct.unpack("3i", raw)[1]  # struct ucred: pid, uid, gid
