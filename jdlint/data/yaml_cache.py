"""Parsed YAML kept on disk, keyed by the file's bytes: rule data is parsed once, not at every start.

jdlint reads ~20 YAML files (its own rule data and any user packs) before it
can lint anything; even with libyaml that is a noticeable share of a one-file
run. The parsed value is pickled under the user cache directory
(`<cache>/yaml/`) with the SHA-256 of the bytes, jdlint's version and the
Python version as its key, so an edited file or an upgrade simply misses.
Entries are written to a temporary file and renamed (safe with concurrent
runs), read back with an unpickler that admits only plain data and dates, and
anything unreadable is parsed again. Each entry starts with a line naming
its key and the SHA-256 of the pickle that follows; an entry that does not
match, or holds anything but plain data, is deleted and the file parsed
again. `--no-cache` turns this cache off too (the CLI sets
`JDLINT_NO_YAML_CACHE=1`, which its worker processes inherit), so a run
with it reads jdlint's bundled rules from the files themselves. The same store keeps one derived
value that is slow to compute and plain data too: which anchor words the
tokenizer can cut out of a longer word (`jdlint.match.token_windows`), keyed by the
words and the tokenizer's rules.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jdlint.version import __version__

_ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "timedelta"), ("datetime", "timezone")}


class _DataUnpickler(pickle.Unpickler):
    """Plain data and dates only: a tampered cache file cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return getattr(dt, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in jdlint's YAML cache")


def _directory() -> Path | None:
    if os.environ.get("JDLINT_NO_YAML_CACHE"):
        return None
    from jdlint.data.cache_dir import cache_root

    return cache_root() / "yaml"


_MAGIC = b"jdlint-yaml 2 "
MAX_ENTRY = 64 * 1024 * 1024


def _header(key: str, body: bytes) -> bytes:
    return _MAGIC + key.encode() + b" " + hashlib.sha256(body).hexdigest().encode() + b"\n"


def _read(path: Path, key: str) -> tuple[Any] | None:
    """(value,) from a sound entry; a missing one is None, a bad one is deleted and None."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_ENTRY + 1)
    except OSError:
        return None
    head, sep, body = raw.partition(b"\n")
    try:
        if not sep or head + sep != _header(key, body):
            raise ValueError("not an entry for this key")
        return (_DataUnpickler(io.BytesIO(body)).load(),)
    except Exception:
        with contextlib.suppress(OSError):
            path.unlink()
        return None


def load(data: bytes, parse: Callable[[bytes], Any]) -> Any:
    """`parse(data)`, answered from the cache when these exact bytes were parsed before."""
    folder = _directory()
    if folder is None:
        return parse(data)
    key = hashlib.sha256(b"%s\0%s\0" % (__version__.encode(), sys.version.encode()) + data).hexdigest()
    path = folder / f"{key}.pickle"
    found = _read(path, key)
    if found is not None:
        return found[0]
    value = parse(data)
    with contextlib.suppress(Exception):  # a read-only or full disk only costs the next run a parse
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(fd, "wb") as fh:
                fh.write(_header(key, body) + body)
            os.replace(tmp, path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
    return value
