"""Reading files a repository controls (configuration, rule packs, baselines), with bounds.

A pack or baseline committed as a symlink to `/dev/zero` read until memory
ran out, and a FIFO hung the run. Such files are opened without blocking,
must be regular files, and are read only up to a limit; anything else is a
`FileRefused` (an `OSError`, so callers' existing "cannot read" messages word
it).
"""

from __future__ import annotations

import errno
import os
import stat

MB = 1024 * 1024


class FileRefused(OSError):
    """A file jdlint will not read: not a regular file, or larger than its limit."""


def read_bytes(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; `FileRefused` (or `OSError`) otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # non-blocking: opening a FIFO with no writer returns at once
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileRefused(errno.EINVAL, "not a regular file (a device, FIFO or socket)")
        if st.st_size > limit:
            raise FileRefused(errno.EFBIG, f"larger than {_human(limit)} ({_human(st.st_size)})")
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, MB))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:  # grew while being read
            raise FileRefused(errno.EFBIG, f"larger than {_human(limit)}")
        return data
    finally:
        os.close(fd)


def _human(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n} bytes"
