"""Reading one file for linting: size limits, decoding and parsing; every problem becomes a finding's text."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jdlint.model.posting import Posting
from jdlint.run.textio import DecodeError, decode

if TYPE_CHECKING:
    from jdlint.engine import Engine


@dataclass
class Loaded:
    path: str
    posting: Posting | None
    error: tuple[str, str] | None  # (rule id, message)


def read_posting(path: str, engine: Engine, data: bytes | None = None) -> Loaded:
    """Read, decode and parse one file; problems become a finding, never an exception."""
    from jdlint.parse import parse_posting  # markdown-it loads only when a file is parsed

    try:
        if data is None:
            st = os.stat(path)
            if stat.S_ISDIR(st.st_mode):
                return Loaded(path, None, ("unreadable-file", "is a directory, not a posting"))
            if not stat.S_ISREG(st.st_mode):
                return Loaded(path, None, ("unreadable-file", "is not a regular file (a FIFO, socket or device)"))
            if st.st_size > engine.config.max_file_size:
                return Loaded(
                    path,
                    None,
                    (
                        "file-too-large",
                        f"file is {st.st_size} bytes, over the {engine.config.max_file_size}-byte "
                        "limit (`max-file-size`); it was not linted",
                    ),
                )
            data = _read_capped(path, st.st_size, engine.config.max_file_size)
        if len(data) > engine.config.max_file_size:
            return Loaded(
                path,
                None,
                ("file-too-large", f"file is over the {engine.config.max_file_size}-byte limit (`max-file-size`)"),
            )
        decoded = decode(data)
    except DecodeError as exc:
        return Loaded(path, None, ("unreadable-file", str(exc)))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return Loaded(path, None, ("unreadable-file", f"cannot read the file: {reason}"))
    try:
        return Loaded(path, parse_posting(decoded.text, path), None)
    except RecursionError:
        return Loaded(path, None, ("unreadable-file", "the file's structure is nested too deeply to parse"))


def read_for_cache(path: str, max_size: int) -> bytes | None:
    """A regular file's bytes for its cache key; None leaves every odd case to `read_posting`."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode) or st.st_size > max_size:
            return None
        data = _read_capped(path, st.st_size, max_size)
    except OSError:
        return None
    return data if len(data) <= max_size else None


def _read_capped(path: str, size: int, limit: int) -> bytes:
    """At most `limit` + 1 bytes of a file `size` bytes long when stat'ed (it may have grown since).

    Asking for `limit` + 1 bytes at once makes Python allocate that much (10 MB) for
    every file, however small; this asks for the size it was, then for any more.
    """
    with open(path, "rb") as fh:
        data = fh.read(min(size, limit) + 1)
        if len(data) > size and len(data) <= limit:
            data += fh.read(limit + 1 - len(data))
    return data


def text_of(data: bytes) -> str | None:
    try:
        return decode(data).text
    except DecodeError:
        return None
